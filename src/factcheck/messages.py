"""The one-line finding of a decision, as every report shows it."""

from __future__ import annotations

from collections.abc import Sequence

from .decision import Decision
from .diff import render
from .model import Claim, Evidence, Status, Verdict


def message(claim: Claim, decision: Decision) -> str:
    reading = decision.reading
    verdict = decision.verdict
    said = _sources_say(claim, decision)
    if verdict is Verdict.NOT_FOUND:
        return f"not found in the article: {reading.detail}"
    if verdict is Verdict.MISSPELLED:
        if reading.agrees:  # no expect, or expect as the article spells it: a source spells it otherwise
            sources = decision.against or decision.supports
            return f"article spells the name {reading.stated}; {_names(sources)} spell{_s(sources)} it '{decision.fix}'"
        return f"article spells the name {reading.stated}; {said}"
    if not reading.agrees:
        return f"article says {reading.stated}, expected '{claim.expect}'; {said}"
    if verdict is Verdict.MISQUOTED:
        return _misquoted(decision)
    if verdict is Verdict.DISPUTED:
        return (f"sources disagree: {_names(decision.supports)} support it, {_names(decision.against)} contradict it"
                f" ({_values(decision.against)})")
    if verdict is Verdict.CONTRADICTED:
        return f"article says {reading.stated}; {_names(decision.against)} say {_values(decision.against)}"
    if verdict is Verdict.SUPPORTED:
        return f"article says {reading.stated}; {said}"
    return f"article says {reading.stated}; {_why_unconfirmed(decision.evidence)}"


def _misquoted(decision: Decision) -> str:
    best = max(decision.against, key=lambda e: e.score or 0)
    misquote = decision.misquote
    diff = render(list(misquote.ops or ()), " ") if misquote else ""
    return f"the source has other words: {diff} ({best.source})"


def _sources_say(claim: Claim, decision: Decision) -> str:
    if not decision.supports:
        return f"expected '{claim.expect}'" if claim.expect else "no source confirms it"
    said = next((e.said for e in decision.supports if e.said), None)
    if decision.has_value and said:  # what the source says, in its words: "… says 'about 21%'"
        return f"{_names(decision.supports)} say{_s(decision.supports)} '{' '.join(said.split())}'"
    if decision.has_value and claim.expect:
        return f"sources: '{claim.expect}' ({_names(decision.supports)})"
    return f"confirmed by {_names(decision.supports)}"


def _why_unconfirmed(evidence: Sequence[Evidence]) -> str:
    if not evidence:
        return "no sources given"
    errors = [e for e in evidence if e.status is Status.ERROR]
    parts = [f"{e.source}: {e.error}" for e in errors]
    silent = len(evidence) - len(errors)
    if silent:
        parts.append(f"{silent} source{'s' if silent > 1 else ''} silent")
    return "no source confirms it (" + "; ".join(parts) + ")"


def _s(evidence: Sequence[Evidence]) -> str:
    return "" if len({e.source for e in evidence}) > 1 else "s"


def _names(evidence: Sequence[Evidence]) -> str:
    return ", ".join(dict.fromkeys(e.source for e in evidence))


def _values(evidence: Sequence[Evidence]) -> str:
    return ", ".join(dict.fromkeys(f"'{e.value}'" for e in evidence if e.value)) or "otherwise"
