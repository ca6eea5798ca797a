"""Issue 12: evidence that holds on pages written like real ones (a dateline, year-less dates,
two figures in one sentence), checked end to end through ``verify`` with the sources deciding."""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.locate import sentences
from factcheck.sources import page_date

PAGE = """<html><head><title>Contractor loses Navy deal</title>
<meta property="article:published_time" content="2019-12-12T08:30:00Z">
</head><body><article>
<p>WASHINGTON (Dec. 12) &mdash; The Navy's contract with Gulf Marine Services was terminated on Dec. 9,
according to Lt. Gen. Mark Ruiz of the U.S. Navy.</p>
<p>Roughly 13,000 US troops remain in Afghanistan, 18 years after the invasion.</p>
<p>Port number 3 handled 103 ships last year, the port authority said.</p>
<p>The company's chairman, Alexander Lavrentiev, declined to comment.</p>
</article></body></html>
"""


def verify(tmp_path, loopback, article: str, claims: str, published: str | None = None) -> dict:
    url = loopback.page("/news/navy-contract", PAGE)
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    head = "version: 1\narticle:\n  path: article.txt\n" + (f"  published: {published}\n" if published else "")
    (tmp_path / "claims.yaml").write_text(head + "claims:\n" + claims.replace("URL", url), encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code in (0, 1), result.output
    return {c["id"]: c for c in json.loads(result.stdout)["claims"]}


def test_1_the_page_date_is_read_from_its_metadata_or_url():
    assert page_date(PAGE) == date(2019, 12, 12)
    assert page_date("<p>no metadata</p>", "https://example.org/2019/11/18/story") == date(2019, 11, 18)
    assert page_date("<p>no metadata</p>", "https://example.org/story") is None


def test_1_a_year_less_date_in_a_source_is_read_against_the_page_date(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "The Navy ended the Gulf Marine Services contract on December 9, 2019.\n", """
  - id: ended
    type: date
    text: ended the Gulf Marine Services contract on December 9
    sources: [URL]
""")
    (evidence,) = claims["ended"]["evidence"]
    assert claims["ended"]["verdict"] == "supported", claims["ended"]
    assert evidence["page_date"] == "2019-12-12"


def test_2_a_figure_measuring_something_else_does_not_contradict(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "About 13,000 US troops remain in Afghanistan.\n", """
  - id: troops
    type: number
    text: About 13,000 US troops remain in Afghanistan
    sources: [URL]
  - id: troops-wrong
    type: number
    text: About 13,000 US troops remain in Afghanistan
    expect: 9,000 troops
    sources: [URL]
""")
    assert claims["troops"]["verdict"] == "supported"
    assert claims["troops-wrong"]["verdict"] == "contradicted"  # the article against expect
    statuses = [e["status"] for e in claims["troops-wrong"]["evidence"]]
    assert statuses == ["silent"]  # 13,000 troops is not 9,000, but "18 years" is no rival either


def test_5_abbreviations_end_no_sentence():
    text = "The contract was terminated on Dec. 9, according to Lt. Gen. Mark Ruiz of the U.S. Navy. He left."
    assert [text[s:e] for s, e in sentences(text)] == [
        "The contract was terminated on Dec. 9, according to Lt. Gen. Mark Ruiz of the U.S. Navy.", "He left."]


def test_6_the_figure_in_expects_unit_is_the_one_read(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Port number 3 handled 103 ships last year.\n", """
  - id: ships
    type: number
    text: Port number 3 handled 103 ships
    expect: 103 ships
    sources: [URL]
""")
    assert claims["ships"]["verdict"] == "supported", claims["ships"]["message"]
    assert claims["ships"]["article"][0]["text"] == "103 ships"


def test_8_silence_says_why_and_shows_the_closest_passage(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Gulf Marine Services employs 600 divers.\n", """
  - id: divers
    type: number
    text: Gulf Marine Services employs 600 divers
    sources: [URL]
""")
    (evidence,) = claims["divers"]["evidence"]
    assert evidence["status"] == "silent" and evidence["reason"]
    assert "Gulf Marine Services" in (evidence["text"] or "")


def test_the_sources_decide_a_name_and_say_the_fix(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "The company's chairman, Alexander Lavrentyev, declined to comment.\n", """
  - id: chairman
    type: name
    text: chairman, Alexander Lavrentyev
    sources: [URL]
""")
    assert claims["chairman"]["verdict"] == "misspelled", claims["chairman"]["message"]
    assert claims["chairman"]["fix"] == "Alexander Lavrentiev"
    assert "spells it 'Alexander Lavrentiev'" in claims["chairman"]["message"]


def test_the_sources_decide_a_figure(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Roughly 15,000 US troops remain in Afghanistan.\n", """
  - id: troops
    type: number
    text: Roughly 15,000 US troops remain in Afghanistan
    sources: [URL]
""")
    assert claims["troops"]["verdict"] == "contradicted"
    assert claims["troops"]["fix"] == "Roughly 13,000"


SIDEBAR_PAGE = """<html><body>
<article><p>The port authority published its yearly report on Monday.</p>
<p>It praised the dock workers and the new cranes at length, with many words about safety and training,
so that this paragraph is the article body an extractor keeps.</p></article>
<aside><p>Fact box: Port number 3 handled 103 ships last year.</p></aside>
</body></html>"""


def test_9_the_rest_of_the_page_is_read_when_the_body_is_silent(tmp_path, loopback):
    url = loopback.page("/port/report", SIDEBAR_PAGE)
    (tmp_path / "article.txt").write_text("Port number 3 handled 103 ships last year.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(f"""version: 1
article:
  path: article.txt
claims:
  - id: ships
    type: number
    text: Port number 3 handled 103 ships
    sources: ["{url}"]
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache")])
    (claim,) = json.loads(result.stdout)["claims"]
    (evidence,) = claim["evidence"]
    assert claim["verdict"] == "supported", claim
    assert "found outside the page's article body" in evidence.get("notes", [])


def test_3_an_acronym_and_its_expansion_are_one_name():
    from factcheck.claimtypes import typed
    from factcheck.claimtypes.about import named, names_one
    from factcheck.model import Claim, ClaimType

    def names(claim_text: str, sentence: str) -> bool:
        claim = typed(Claim("c", ClaimType.NUMBER, claim_text, "3,248 cases"))
        return names_one(named(claim), sentence, [(0, len(sentence))], 0, len(sentence))

    who = "the World Health Organization counted 3,248 cases"
    assert names(who, "The WHO counted 3,248 cases by Friday.")
    assert not names(who, "Officials who counted said 3,248 cases.")  # "who" the pronoun is not WHO
    assert names("the EIA counted 3,248 cases", "The U.S. Energy Information Administration counted 3,248 cases.")
    assert not names("the EIA counted 3,248 cases", "The ministry counted 3,248 cases.")
