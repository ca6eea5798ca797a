"""The machine-readable report, exactly as SPEC §6 lays it out."""

from __future__ import annotations

import json

from .. import __version__
from ..model import Report, Result


def as_dict(report: Report) -> dict:
    return {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "article": {"path": report.article_path, "sha256": report.article_sha256},
        "summary": {"total": len(report.results), **report.counts, "passed": report.passed},
        "claims": [_claim(report, r) for r in report.results],
    }


def _claim(report: Report, result: Result) -> dict:
    claim = result.claim
    entry = {
        "id": claim.id,
        "type": claim.type.value,
        "verdict": result.verdict.value,
        "message": result.message,
        "expect": claim.expect,
        "fix": result.fix,
        "article": [{"text": m.text, "line": m.line, "column": m.column, "value": m.value, **({"kind": k} if k else {})}
                    for m, k in result.mention_kinds()],
        "evidence": [
            {
                "source": e.source,
                "via": e.via.value if e.via else None,
                "status": e.status.value,
                "text": e.text,
                "value": e.value,
                "error": e.error,
                "reason": e.reason,
                "page_date": e.page_date.isoformat() if e.page_date else None,
                **({"notes": [n.text for n in e.notes]} if e.notes else {}),
            }
            for e in result.evidence
        ],
        "failed": report.fails(result),
    }
    if claim.accepted:
        entry["accepted"] = claim.accepted
        entry["stale_acceptance"] = report.stale_acceptance(result)
    return entry


def render(report: Report) -> str:
    return json.dumps(as_dict(report), indent=2, ensure_ascii=False) + "\n"
