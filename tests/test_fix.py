"""Issue 17: a finding's fix is the value that belongs to the claim, even when the source's sentence
holds other values of the same kind."""

from __future__ import annotations

import json

from click.testing import CliRunner

from factcheck.cli import main

PAGE = """<html><head><title>Paris Agreement enters into force</title>
<meta property="article:published_time" content="2016-11-04T09:00:00Z"></head><body><article>
<p>The Paris Agreement, adopted in Paris on 12 December 2015 and opened for signature on 22 April 2016,
entered into force on 4 November 2016, thirty days after the ratification threshold was reached.</p>
<p>It had been ratified by 55 Parties accounting for at least 55% of global greenhouse gas emissions.</p>
</article></body></html>
"""


def test_the_fix_is_the_date_of_the_claim_not_another_date_in_the_sentence(tmp_path, loopback):
    url = loopback.page("/paris-agreement-in-force", PAGE)
    (tmp_path / "article.txt").write_text(
        "The Paris climate agreement entered into force on 5 November 2016, after its ratification.\n",
        encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(f"""version: 1
article:
  path: article.txt
claims:
  - id: in-force
    type: date
    text: The Paris climate agreement entered into force on 5 November 2016
    sources: [{url}]
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache")])
    (claim,) = json.loads(result.stdout)["claims"]
    assert claim["verdict"] == "contradicted", claim["message"]
    assert "4 November 2016" in claim["fix"] and "2015" not in claim["fix"] and "April" not in claim["fix"]
    assert "4 November 2016" in claim["message"]
