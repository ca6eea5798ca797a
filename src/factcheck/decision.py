"""From what the article says and what each source says to one typed decision (SPEC §3).

``decide`` is the only place a verdict is reached; ``messages`` words it, and the reports only
present it: the discrepancies (with their diffs) are worked out here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import process

from .claimtypes import ClaimKind, Reading
from .diff import char_diff, word_diff
from .model import Claim, Discrepancy, Evidence, Mention, Status, Verdict


@dataclass(frozen=True)
class Decision:
    verdict: Verdict
    reading: Reading  # what the article says: its value, its mentions, or why it was not found
    supports: tuple[Evidence, ...]
    against: tuple[Evidence, ...]
    evidence: tuple[Evidence, ...]  # every source, readable or not
    has_value: bool  # the claim's ``expect`` is what sources confirm (names, dates, figures)
    discrepancies: tuple[Discrepancy, ...] = ()  # the article's words against the source's, with diffs
    fix: str | None = None  # what the sources say instead (their date, figure, spelling or wording)

    @property
    def misquote(self) -> Discrepancy | None:
        """The closest source passage of a misquoted quotation, with its word diff."""
        return self.discrepancies[0] if self.verdict is Verdict.MISQUOTED and self.discrepancies else None


def decide(kind: ClaimKind, claim: Claim, reading: Reading, evidence: Sequence[Evidence]) -> Decision:
    """The verdict. A source that could not be read is silent: it can leave a claim unverified,
    never contradict it. A claim whose words fit several places of the article equally is placed
    where the sources that told the places apart agree it is (``judge``), else it is not found."""
    reading = _placed(reading, evidence)
    supports = tuple(e for e in evidence if e.status is Status.SUPPORTS)
    against = tuple(e for e in evidence if e.status is Status.CONTRADICTS)
    verdict = _verdict(kind, reading, supports, against)
    fix = _fix(verdict, reading, supports, against)
    found = discrepancies_of(claim, verdict, reading.mentions, against, fix)
    return Decision(verdict, reading, supports, against, tuple(evidence), kind.has_value, found, fix)


def _placed(reading: Reading, evidence: Sequence[Evidence]) -> Reading:
    """The reading of the tied places the sources left, when they agree on them: the one place,
    or each of several that a source stating the claim's own words contradicts."""
    if reading.mentions or not reading.tied:
        return reading
    left = {e.places for e in evidence if e.places}
    if len(left) != 1:
        return reading
    places = [reading.tied[i].reading for i in left.pop()]
    return replace(places[0], mentions=tuple(m for place in places for m in place.mentions))


def _fix(verdict: Verdict, reading: Reading, supports: Sequence[Evidence], against: Sequence[Evidence]) -> str | None:
    """The correction the sources support: what a contradicting source says, or, when the article
    disagrees with ``expect``, what a confirming source says (none from ``expect`` alone)."""
    if verdict not in (Verdict.CONTRADICTED, Verdict.MISSPELLED, Verdict.MISQUOTED):
        return None
    if not reading.agrees or (reading.variants and not against):
        return next((e.said for e in supports if e.said), None)
    said = [e for e in against if e.said]
    return max(said, key=lambda e: e.score or 0).said if said else None


def _verdict(kind: ClaimKind, reading: Reading, supports: Sequence[Evidence], against: Sequence[Evidence]) -> Verdict:
    if not reading.mentions:
        return Verdict.NOT_FOUND
    if not reading.agrees:
        if reading.typo:
            return Verdict.MISSPELLED
        return Verdict.CONTRADICTED if reading.stated else Verdict.NOT_FOUND
    if against and not supports:
        return kind.contradicted_as
    if reading.variants and supports and not against:
        return Verdict.MISSPELLED  # the sources confirm the passage's spelling, not the article's others
    if supports and against:
        return Verdict.DISPUTED
    return Verdict.SUPPORTED if supports else Verdict.UNVERIFIED


def discrepancies_of(claim: Claim, verdict: Verdict, mentions: Sequence[Mention],
                   against: Sequence[Evidence], fix: str | None = None) -> tuple[Discrepancy, ...]:
    if verdict is Verdict.MISSPELLED:
        forms = [f for f in (claim.expect, *claim.aliases) if f] or ([fix] if fix else [])
        return tuple(_spelling(m, forms) for m in mentions) if forms else ()
    valued = [e for e in against if e.value]
    if verdict is Verdict.MISQUOTED and valued:
        source = max(valued, key=lambda e: e.score or 0).value or ""
        first = mentions[0] if mentions else None
        said = first.text if first else claim.text  # the article's words, where they differ from the claim's
        return (Discrepancy(said, source, "source", first, tuple(word_diff(said, source)), " "),)
    if verdict in (Verdict.CONTRADICTED, Verdict.DISPUTED) and mentions:
        m = mentions[0]
        if valued:
            return (Discrepancy(m.text, ", ".join(dict.fromkeys(e.value or "" for e in valued)), "source", m),)
        if claim.expect:
            return (Discrepancy(m.text, claim.expect, "expected", m),)
    return ()


def _spelling(mention: Mention, forms: list[str]) -> Discrepancy:
    """Diff a variant against the verified form with as many words ("Leventieve" against
    "Lavrentiev", not against "Alexander Lavrentiev")."""
    width = len(mention.text.split())
    candidates = list(dict.fromkeys(" ".join(f.split()[-width:]) for f in forms)) + forms
    target = process.extractOne(mention.text, candidates)[0]
    return Discrepancy(mention.text, target, "verified spelling", mention, tuple(char_diff(mention.text, target)))
