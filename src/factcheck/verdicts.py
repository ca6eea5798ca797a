"""From what the article says and what each source says to one verdict (SPEC §3)."""

from __future__ import annotations

from collections.abc import Sequence

from .checks import Reading
from .diff import render, word_diff
from .model import Claim, ClaimType, Evidence, Status, Verdict


def decide(claim: Claim, reading: Reading, evidence: Sequence[Evidence]) -> tuple[Verdict, str]:
    """The verdict and a one-line finding. A source that could not be read is silent: it can
    leave a claim unverified, never contradict it."""
    supports = [e for e in evidence if e.status is Status.SUPPORTS]
    against = [e for e in evidence if e.status is Status.CONTRADICTS]
    said = _sources_say(claim, supports)

    if not reading.mentions:
        return Verdict.NOT_FOUND, f"not found in the article: {reading.detail}"
    if not reading.agrees:
        if reading.typo:
            return Verdict.MISSPELLED, f"article spells the name {reading.stated}; {said}"
        if reading.stated:
            return Verdict.CONTRADICTED, f"article says {reading.stated}, expected '{claim.expect}'; {said}"
        return Verdict.NOT_FOUND, f"not found in the article: {reading.detail}"

    if claim.type is ClaimType.QUOTE and against and not supports:
        best = max(against, key=lambda e: e.score or 0)
        diff = render(word_diff(claim.text, best.value or ""), " ")
        return Verdict.MISQUOTED, f"the source has other words: {diff} ({best.source})"
    if supports and against:
        return Verdict.DISPUTED, (
            f"sources disagree: {_names(supports)} support it, {_names(against)} contradict it"
            f" ({_values(against)})"
        )
    if against:
        return Verdict.CONTRADICTED, f"article says {reading.stated}; {_names(against)} say {_values(against)}"
    if supports:
        return Verdict.SUPPORTED, f"article says {reading.stated}; {said}"
    return Verdict.UNVERIFIED, f"article says {reading.stated}; {_why_unconfirmed(evidence)}"


def _sources_say(claim: Claim, supports: Sequence[Evidence]) -> str:
    if not supports:
        return f"expected '{claim.expect}'" if claim.expect else "no source confirms it"
    if claim.type in (ClaimType.NAME, ClaimType.DATE, ClaimType.NUMBER):
        return f"sources: '{claim.expect}' ({_names(supports)})"
    return f"confirmed by {_names(supports)}"


def _why_unconfirmed(evidence: Sequence[Evidence]) -> str:
    if not evidence:
        return "no sources given"
    errors = [e for e in evidence if e.status is Status.ERROR]
    parts = [f"{e.source}: {e.error}" for e in errors]
    silent = len(evidence) - len(errors)
    if silent:
        parts.append(f"{silent} source{'s' if silent > 1 else ''} silent")
    return "no source confirms it (" + "; ".join(parts) + ")"


def _names(evidence: Sequence[Evidence]) -> str:
    return ", ".join(dict.fromkeys(e.source for e in evidence))


def _values(evidence: Sequence[Evidence]) -> str:
    return ", ".join(dict.fromkeys(f"'{e.value}'" for e in evidence if e.value)) or "otherwise"
