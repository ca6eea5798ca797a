"""Issue 13: how the article's value is read follows what the claim and the article settle: a
numeric date's day/month order follows the article's own unambiguous dates, else
``article.date_order`` (an order nothing settles is read month first, and the finding says so); a
figure's ambiguous unit follows the kind of ``expect``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from factcheck.cli import main

CLAIM = """claims:
  - id: in-force
    type: date
    text: The Paris Agreement entered into force on 4/11/2016
    expect: 2016-11-04
"""


def verify(tmp_path, article: str, order: str | None, claims: str = CLAIM) -> dict:
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    head = "version: 1\narticle:\n  path: article.txt\n" + (f"  date_order: {order}\n" if order else "")
    (tmp_path / "claims.yaml").write_text(head + claims, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json", "--offline",
                                       "--cache-dir", str(tmp_path / "cache")])
    (claim,) = json.loads(result.stdout)["claims"]
    return claim


@pytest.mark.parametrize(("article", "order"), [
    ("The Paris Agreement entered into force on 4/11/2016.\n", "DMY"),
    # a day past 12 elsewhere in the article settles the order without the key
    ("The Paris Agreement entered into force on 4/11/2016. COP22 opened in Marrakesh on 7/11/2016 and "
     "closed on 18/11/2016.\n", None),
])
def test_the_day_first_order_is_read_when_the_article_or_its_claims_file_settles_it(tmp_path, article, order):
    claim = verify(tmp_path, article, order)
    assert claim["verdict"] == "unverified", claim["message"]  # agrees with expect; no source given


def test_an_order_nothing_settles_is_read_month_first_and_said(tmp_path):
    claim = verify(tmp_path, "The Paris Agreement entered into force on 4/11/2016.\n", None)
    assert claim["verdict"] == "contradicted"
    assert "read month first" in claim["message"] and "article.date_order" in claim["message"]


def test_the_claims_file_cannot_overrule_the_articles_own_dates(tmp_path):
    article = "The Paris Agreement entered into force on 4/11/2016. COP22 closed on 11/18/2016.\n"
    assert verify(tmp_path, article, "DMY")["verdict"] == "contradicted"  # the article writes month first


@pytest.mark.parametrize(("expect", "verdict"), [("2 minutes", "unverified"), ("2 metres", "unverified"),
                                                 ("3 minutes", "contradicted")])
def test_a_figures_ambiguous_unit_is_read_as_the_kind_expect_names(tmp_path, expect, verdict):
    """"2 m" is two minutes in a time and two metres in a length; either agrees with its own expect."""
    claims = f"""claims:
  - id: shower
    type: number
    text: the shower ran for 2 m
    expect: {expect}
"""
    claim = verify(tmp_path, "Water-saving advice: the shower ran for 2 m at most.\n", None, claims)
    assert claim["verdict"] == verdict, claim["message"]
