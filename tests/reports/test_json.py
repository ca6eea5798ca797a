"""The SPEC §6 JSON report: it presents the results, it does not re-decide them."""

import json

from reportkit import DEAD_LINK, build

from factcheck.model import Verdict
from factcheck.reports import json as json_report


def test_each_claim_says_its_verdict_and_whether_it_fails_the_gate():
    doc = json.loads(json_report.render(build()))
    by_id = {c["id"]: c for c in doc["claims"]}
    assert by_id["envoy-name"]["verdict"] == "misspelled" and by_id["envoy-name"]["failed"] is True
    assert by_id["hezbollah"]["failed"] is False and by_id["hezbollah"]["accepted"]
    assert by_id["putin-name"]["stale_acceptance"] is True
    assert doc["summary"]["passed"] is False and doc["summary"]["total"] == 8


def test_source_notes_are_their_words():
    doc = json.loads(json_report.render(build()))
    (evidence,) = doc["claims"][0]["evidence"]
    assert evidence["notes"] == [DEAD_LINK.text]


def test_the_summary_counts_every_verdict():
    doc = json.loads(json_report.render(build()))
    assert {v.value for v in Verdict} <= set(doc["summary"])
    assert sum(doc["summary"][v.value] for v in Verdict) == doc["summary"]["total"]


def test_a_misspelled_names_mentions_are_each_marked():
    from reportkit import ARTICLE

    report = json_report.as_dict(build(article_text=ARTICLE + "\n\nAlexander Lavrentiev later met him again."))
    envoy = next(c for c in report["claims"] if c["id"] == "envoy-name")
    assert [(m["text"], m["kind"]) for m in envoy["article"]] == [
        ("Alexandre Laventieve", "misspelled"), ("Leventieve", "misspelled"), ("Alexander Lavrentiev", "correct")]
    other = next(c for c in report["claims"] if c["id"] == "hormuz-share")
    assert all("kind" not in m for m in other["article"])
