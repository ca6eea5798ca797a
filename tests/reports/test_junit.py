"""The JUnit report for CI test views."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from reportkit import DEAD_LINK, FAILING, build, settled

from factcheck.model import Verdict
from factcheck.reports import junit


def test_junit_one_testcase_per_claim_failures_for_the_gate():
    report = build()
    root = ET.fromstring(junit.render(report))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    for el in (root, suite):
        assert (el.get("tests"), el.get("failures"), el.get("errors"), el.get("skipped")) == ("8", "4", "0", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.claim.id for r in report.results]
    assert {c.get("classname") for c in cases} == {"seeds/article.txt"}
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert sorted(failed) == sorted(FAILING)
    assert failed["envoy-name"].get("type") == "misspelled"
    assert failed["envoy-name"].get("message") == report.results[0].message
    assert "L[-e-]{+a+}v{+r+}entiev[-e-]" in failed["envoy-name"].text and DEAD_LINK.text in failed["envoy-name"].text
    assert failed["arms-deal"].get("type") == "not_found"
    out = {c.get("name"): c.findtext("system-out") for c in cases}
    assert out["hezbollah"].startswith("accepted: house style spells it Hezbollah\nmisspelled:")
    assert out["putin-name"].startswith("stale acceptance:")
    assert out["six-day"].startswith("unverified: ") and "timed out after 10 s" in out["six-day"]
    assert all(c.find("failure") is None or c.find("system-out") is None for c in cases)


def test_junit_counts_follow_strict_and_survive_control_characters():
    report = build(fail_on=frozenset(Verdict) - {Verdict.SUPPORTED})
    bad = replace(report.results[4], message="timed out \x00\x1b[31m\x0c")
    report = settled(replace(report, results=report.results[:4] + (bad,) + report.results[5:]))
    root = ET.fromstring(junit.render(report))
    assert root.get("failures") == "5"
    case = root.find(".//testcase[@name='six-day']")
    assert case.find("failure").get("type") == "unverified"
    assert "\ufffd" in case.find("failure").get("message")
