"""SARIF 2.1.0, for code-scanning views that annotate the article at each finding's line.

One rule per verdict. One result per finding of a claim whose verdict is in ``--fail-on``:
each variant spelling of a misspelled name, otherwise the claim's first mention (line 1 when the
claim is not in the article). Accepted findings are kept, suppressed with their reason; a stale
acceptance is a note. ``partialFingerprints`` hash the claim, verdict and wording, never the
line, so a finding keeps its identity while the copy around it moves.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote, urlsplit

from .. import __version__
from ..model import ClaimType, Mention, Report, Result, Verdict
from .findings import details, spans

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factcheck/"
FINGERPRINT = "factcheck/v1"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_RULES = {
    Verdict.SUPPORTED: ("note", "The article agrees with the verified value and a source confirms it."),
    Verdict.CONTRADICTED: ("error", "The article states a different value than the verified one or its sources."),
    Verdict.MISSPELLED: ("error", "A name in the article is a near miss of the verified spelling."),
    Verdict.MISQUOTED: ("error", "The source has the quotation, but with different words."),
    Verdict.DISPUTED: ("error", "The cited sources disagree with each other."),
    Verdict.UNVERIFIED: ("warning", "No source confirms or contradicts the passage."),
    Verdict.NOT_FOUND: ("error", "The claim's passage could not be located in the article."),
}
_RULE_INDEX = {v: i for i, v in enumerate(_RULES)}
_VALUE_TYPES = frozenset({ClaimType.NUMBER, ClaimType.DATE})  # the claim types whose mention can be just the value


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"


def render_many(reports: Sequence[Report]) -> str:
    return json.dumps(as_dict_many(reports), indent=2, ensure_ascii=False) + "\n"


def as_dict(report: Report) -> dict:
    return _log(_findings(report), {"passed": report.passed, "summary": report.counts,
                                     "articleSha256": report.article_sha256})


def as_dict_many(reports: Sequence[Report]) -> dict:
    """Many claims files as one run (what code scanning takes per upload): each result at its own
    article, with the claims file that found it; the run's properties list every article."""
    results = [{**r, "properties": {**r["properties"], "claimsFile": _posix(report.claims_path)}}
               for report in reports for r in _findings(report)]
    articles = [{"path": report.article_path, "sha256": report.article_sha256,
                 "claimsFile": _posix(report.claims_path), "passed": report.passed} for report in reports]
    summary = {v.value: sum(report.counts[v.value] for report in reports) for v in Verdict}
    return _log(results, {"passed": all(report.passed for report in reports), "summary": summary,
                          "articles": articles})


def _findings(report: Report) -> list[dict]:
    regions = {(i, j): (m, start, end) for i, j, m, start, end in spans(report)}
    results = []
    for i, result in enumerate(report.results):
        stale = report.stale_acceptance(result)
        if result.verdict in report.fail_on or stale:
            results += _results(report, result, [regions[i, j] for j in range(len(result.mentions))], stale)
    return results


def _log(results: list[dict], properties: dict) -> dict:
    rules = [
        {
            "id": v.value,
            "shortDescription": {"text": text},
            "defaultConfiguration": {"level": level},
        }
        for v, (level, text) in _RULES.items()
    ]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "factcheck", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "properties": properties,
        }],
    }


def _posix(path: Path) -> str:
    return Path(path).as_posix()


def _results(report: Report, result: Result, regions: list[tuple[Mention, int, int]], stale: bool) -> list[dict]:
    """One per finding: every variant of a misspelled name, else the first mention (or none)."""
    targets: list[tuple[Mention, int, int] | None]
    if result.verdict is Verdict.MISSPELLED and regions:
        targets = list(regions)
    else:
        targets = [*regions[:1]] or [None]
    seen: dict[str, int] = {}
    out = []
    for target in targets:
        wording = target[0].text if target else result.claim.text
        seen[wording] = seen.get(wording, 0) + 1
        out.append(_result(report, result, target, wording, seen[wording], stale))
    return out


def _result(report, result: Result, target, wording: str, occurrence: int, stale: bool) -> dict:
    claim = result.claim
    level = "note" if stale else _RULES[result.verdict][0]
    head = f"{result.verdict.value} ({claim.id}): {result.message}"
    only = None
    if target and result.verdict is Verdict.MISSPELLED:
        only = target[0]
        head = f"{result.verdict.value} ({claim.id}): '{only.text}' is not the verified spelling. {result.message}"
    if stale:
        head = (f"stale acceptance ({claim.id}): the claim is now supported;"
                f" remove 'accepted: {claim.accepted}'. {result.message}")
    elif claim.accepted:
        head += f" Accepted: {claim.accepted}."
    entry = {
        "ruleId": result.verdict.value,
        "ruleIndex": _RULE_INDEX[result.verdict],
        "level": level,
        "message": {"text": "\n".join([head, *details(result, only)])},
        "locations": [_location(report, target)],
        "partialFingerprints": {FINGERPRINT: _fingerprint(claim.id, result.verdict, wording, occurrence)},
        "properties": {"claimId": claim.id, "claimType": claim.type.value},
    }
    if result.fix and target and not stale and fixable(result, target[0]):
        entry["fixes"] = [_fix(report, target, replacement(result, target[0]), result.verdict)]
    if claim.accepted and not stale:
        entry["suppressions"] = [{"kind": "external", "status": "accepted", "justification": claim.accepted}]
    return entry


def _location(report: Report, target) -> dict:
    physical = {"artifactLocation": _artifact(report.article_path)}
    if target is None:
        physical["region"] = {"startLine": 1}
    else:
        mention, start, end = target
        region = {"startLine": mention.line, "startColumn": mention.column}
        text = report.article_text[start:end]
        if text:
            lines = _LINE_BREAK.split(text)
            if len(lines) == 1:
                region["endColumn"] = mention.column + len(text)
            else:
                region["endLine"] = mention.line + len(lines) - 1
                region["endColumn"] = len(lines[-1]) + 1
            region["snippet"] = {"text": text}
        physical["region"] = region
    return {"physicalLocation": physical}


def fixable(result: Result, mention: Mention) -> bool:
    """Whether the sources' value can replace the mention itself: a misspelled name's mention is the
    name; a contradicted figure's or date's is the figure or date when the article's value was read
    there (a mention whose value could not be read may be a whole passage, and is left alone)."""
    if result.verdict is Verdict.MISSPELLED:
        return True
    return (result.verdict is Verdict.CONTRADICTED and result.claim.type in _VALUE_TYPES
            and mention.value is not None)


def replacement(result: Result, mention: Mention) -> str:
    """The fix as it replaces this mention: a surname alone ("Leventieve") takes the verified
    surname, not the full name, so the sentence still reads."""
    fix = result.fix or ""
    if result.verdict is Verdict.MISSPELLED:
        words, own = fix.split(), len(mention.text.split())
        if 0 < own < len(words):
            return " ".join(words[-own:])
    return fix


def _fix(report: Report, target, replacement: str, verdict: Verdict) -> dict:
    """SARIF 2.1.0's ``fix``: ``artifactChanges`` (required), each an ``artifactLocation`` and its
    ``replacements`` (both required), each a ``deletedRegion`` (required) and the ``insertedContent``."""
    region = {k: v for k, v in _location(report, target)["physicalLocation"]["region"].items() if k != "snippet"}
    what = f"Spell it '{replacement}'" if verdict is Verdict.MISSPELLED else \
        f"Change it to '{replacement}', as the sources give it"
    return {
        "description": {"text": what},
        "artifactChanges": [{"artifactLocation": _artifact(report.article_path),
                             "replacements": [{"deletedRegion": region, "insertedContent": {"text": replacement}}]}],
    }


def _artifact(path: str) -> dict:
    if urlsplit(path).scheme in ("http", "https"):
        return {"uri": path}
    return {"uri": quote(path.replace("\\", "/"), safe="/-._~"), "uriBaseId": "%SRCROOT%"}


def _fingerprint(claim_id: str, verdict: Verdict, wording: str, occurrence: int) -> str:
    key = "\0".join([claim_id, verdict.value, " ".join(wording.split()), str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
