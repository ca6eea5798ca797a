"""JUnit XML, the test-report format every CI system reads: one test case per claim.

A claim that fails the gate is a failed test (``type`` = verdict, ``message`` = the finding);
everything else passes, with its verdict, any acceptance and the evidence in ``<system-out>``.
Classname is the article's path and name the claim id, so CI groups findings by article.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from ..model import Report, Result, Standing
from .findings import details

# XML 1.0 cannot carry these at all, not even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def render(report: Report) -> str:
    return _document([report], claims_files=False)


def render_many(reports: Sequence[Report]) -> str:
    """One test suite per claims file, each naming its claims file in its properties."""
    return _document(reports, claims_files=True)


def _document(reports: Sequence[Report], claims_files: bool) -> str:
    root = ET.Element("testsuites", {"name": "factcheck", **_counts(reports)})
    for report in reports:
        suite = ET.SubElement(root, "testsuite", {"name": _x(f"factcheck: {report.article_path}"), **_counts([report])})
        props = ET.SubElement(suite, "properties")
        for name, value in (
            *((("claims", Path(report.claims_path).as_posix()),) if claims_files else ()),
            ("article", report.article_path),
            ("article.sha256", report.article_sha256),
            ("fail-on", ",".join(sorted(v.value for v in report.fail_on))),
            ("passed", str(report.passed).lower()),
        ):
            ET.SubElement(props, "property", {"name": name, "value": _x(value)})
        for result in report.results:
            _testcase(suite, report, result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _counts(reports: Sequence[Report]) -> dict[str, str]:
    tests = sum(len(r.results) for r in reports)
    failures = sum(r.failing for r in reports)
    return {"tests": str(tests), "failures": str(failures), "errors": "0", "skipped": "0", "time": "0"}


def _testcase(suite: ET.Element, report: Report, result: Result) -> None:
    case = ET.SubElement(
        suite, "testcase", {"classname": _x(report.article_path), "name": _x(result.claim.id), "time": "0"}
    )
    where = result.standing
    body = "\n".join(details(result))
    if where is Standing.FAILS:
        failure = ET.SubElement(case, "failure", {"message": _x(result.message), "type": result.verdict.value})
        failure.text = _x(f"{result.verdict.value}: {result.message}\n{body}")
        return
    head = f"{result.verdict.value}: {result.message}"
    if where is Standing.ACCEPTED:
        head = f"accepted: {result.claim.accepted}\n{head}"
    elif where is Standing.STALE:
        head = f"stale acceptance: the claim is now supported; remove 'accepted: {result.claim.accepted}'\n{head}"
    ET.SubElement(case, "system-out").text = _x(f"{head}\n{body}")


def _x(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
