"""Locate and compare, per claim type: what the article says, and what each source says.

``read_article`` finds the claim in the article and compares it with ``expect``;
``judge`` reads one source's text and decides supports / contradicts / silent.
Both are pure: the article and the documents come in as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from . import dates, names, numbers
from .article import Article
from .locate import excerpt, locate, relevant_sentences, sentence_around
from .model import Claim, ClaimType, Document, Evidence, Mention, Status
from .quotes import find_quote

STATEMENT_THRESHOLD = 75.0  # a source sentence this close says the same thing
RELEVANT = 40.0  # share of a claim's content words a source sentence needs to be about it
STRONGLY_RELEVANT = 60.0  # ... to contradict it with another value


@dataclass(frozen=True)
class Reading:
    """What the article says about a claim."""

    mentions: tuple[Mention, ...]  # empty: not found
    agrees: bool  # with ``expect`` (always True for quotes and statements once found)
    stated: str  # the article's value, for messages
    detail: str = ""  # why it was not found, or how it disagrees
    typo: bool = False  # the disagreement is a near-miss spelling of the expected name


def read_article(claim: Claim, article: Article, published: date | None) -> Reading:
    if claim.type is ClaimType.NAME:
        return _read_name(claim, article)
    passage = locate(claim.text, article.text)
    if passage is None:
        return Reading((), False, "", "the claim's wording is not in the article")
    if claim.type is ClaimType.DATE:
        return _read_value(claim, article, passage.start, passage.end, _dates_in(article.text, published), "date")
    if claim.type is ClaimType.NUMBER:
        return _read_value(claim, article, passage.start, passage.end, _numbers_in(article.text), "figure")
    mention = article.mention(passage.start, passage.end)
    return Reading((mention,), True, mention.text)


def _read_name(claim: Claim, article: Article) -> Reading:
    found = names.find_name_mentions(article.text, claim.expect or "", claim.aliases)
    if not found:
        located = locate(claim.text, article.text)
        if located is None:
            return Reading((), False, "", "the name is not in the article")
        mention = article.mention(located.start, located.end, claim.text)
        return Reading((mention,), False, f"'{mention.text}'", "the article names someone else here")
    variants = [m for m in found if m.kind == "variant"]
    chosen = variants or found
    mentions = tuple(article.mention(m.start, m.end, m.text) for m in chosen)
    stated = " and ".join(dict.fromkeys(f"'{m.text}' (line {m.line})" for m in mentions))
    return Reading(mentions, not variants, stated, typo=bool(variants))


def _dates_in(text: str, published: date | None):
    return [(m.start, m.end, m.span) for m in dates.find_dates(text, published) if m.span is not None]


def _numbers_in(text: str):
    return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(text)]


def _read_value(claim: Claim, article: Article, start: int, end: int, found, what: str) -> Reading:
    """The value the located passage states (dates and figures)."""
    s, e = sentence_around(article.text, start, end)
    inside = [f for f in found if f[0] < end and f[1] > start] or [f for f in found if f[0] < e and f[1] > s]
    expected = _expected(claim)
    if claim.type is ClaimType.NUMBER:
        inside = [f for f in inside if numbers.units_compatible(f[2].unit, expected.unit)] or inside
    if not inside:
        mention = article.mention(start, end)
        return Reading((mention,), False, "", f"no {what} in the passage '{mention.text}'")
    f_start, f_end, value = inside[0]
    mention = article.mention(f_start, f_end, str(value))
    return Reading((mention,), _agrees(claim, value), f"'{mention.text}' ({value})")


def _expected(claim: Claim):
    if claim.type is ClaimType.DATE:
        return dates.parse_expect(claim.expect)
    return numbers.parse_expect(claim.expect)


def _agrees(claim: Claim, value) -> bool:
    if claim.type is ClaimType.DATE:
        return dates.agrees(value, dates.parse_expect(claim.expect))
    tolerance = numbers.parse_tolerance(claim.tolerance) if claim.tolerance else None
    expected = numbers.parse_expect(claim.expect)
    return numbers.units_compatible(value.unit, expected.unit) and numbers.agrees(value, expected, tolerance)


# --- sources -------------------------------------------------------------------------------


def judge(claim: Claim, doc: Document) -> Evidence:
    """What one source says about the claim. A source without text is an error, never evidence."""
    base = dict(source=doc.source.label, via=doc.via, notes=doc.notes)
    if doc.error is not None:
        return Evidence(status=Status.ERROR, error=doc.error, **base)
    status, start, end, value, score = _JUDGES[claim.type](claim, doc.text)
    text = excerpt(doc.text, start, end) if status is not Status.SILENT else None
    return Evidence(status=status, text=text, value=value, score=score, **base)


def _judge_name(claim: Claim, text: str):
    for m in names.find_name_mentions(text, claim.expect or "", claim.aliases):
        if m.kind in ("exact", "alias") and len(m.text.split()) > 1:
            return Status.SUPPORTS, m.start, m.end, m.text, None
    return Status.SILENT, 0, 0, None, None


def _judge_value(claim: Claim, text: str, found, compatible, agrees):
    """Dates and figures: a relevant sentence holding the expected value supports; a strongly
    relevant one holding only other values of the same kind contradicts. A sidebar figure in a
    sentence about something else is neither."""
    relevant = relevant_sentences(_topic(claim), text, RELEVANT)
    contradiction = None
    for s, e, score in relevant:
        values = [f for f in found if s <= f[0] and f[1] <= e and compatible(f[2])]
        for f_start, f_end, value in values:
            if agrees(value):
                return Status.SUPPORTS, f_start, f_end, f"{text[f_start:f_end]} ({value})", score
        if values and contradiction is None and score >= STRONGLY_RELEVANT:
            f_start, f_end, value = values[0]
            contradiction = (Status.CONTRADICTS, f_start, f_end, f"{text[f_start:f_end]} ({value})", score)
    return contradiction or (Status.SILENT, 0, 0, None, None)


def _topic(claim: Claim) -> str:
    """What a date or figure is about: the claim's words without the value itself, and its note."""
    finder = dates.find_dates if claim.type is ClaimType.DATE else numbers.find_numbers
    words = f"{claim.text}\n{claim.note or ''}"
    for m in reversed(finder(words)):
        words = words[: m.start] + " " + words[m.end :]
    return words


def _judge_date(claim: Claim, text: str):
    expected = dates.parse_expect(claim.expect)
    return _judge_value(
        claim, text, _dates_in(text, None),
        compatible=lambda span: True,
        agrees=lambda span: dates.agrees(span, expected),
    )


def _judge_number(claim: Claim, text: str):
    expected = numbers.parse_expect(claim.expect)
    tolerance = numbers.parse_tolerance(claim.tolerance) if claim.tolerance else None
    return _judge_value(
        claim, text, _numbers_in(text),
        compatible=lambda q: q.unit is not None and numbers.units_compatible(q.unit, expected.unit),
        agrees=lambda q: numbers.agrees(q, expected, tolerance),
    )


def _judge_quote(claim: Claim, text: str):
    match = find_quote(claim.text, text)
    if match is None:
        return Status.SILENT, 0, 0, None, None
    status = Status.SUPPORTS if match.exact else Status.CONTRADICTS
    return status, match.start, match.end, text[match.start : match.end], match.score


def _judge_statement(claim: Claim, text: str):
    best = locate(claim.text, text, threshold=STATEMENT_THRESHOLD)
    sentence = relevant_sentences(claim.text, text, STATEMENT_THRESHOLD)
    candidates = []
    if best is not None:
        candidates.append((best.score, best.start, best.end))
    if sentence:
        s, e, score = sentence[0]
        candidates.append((score, s, e))
    if not candidates:
        return Status.SILENT, 0, 0, None, None
    score, start, end = max(candidates)
    return Status.SUPPORTS, start, end, None, round(score, 1)


_JUDGES = {
    ClaimType.NAME: _judge_name,
    ClaimType.DATE: _judge_date,
    ClaimType.NUMBER: _judge_number,
    ClaimType.QUOTE: _judge_quote,
    ClaimType.STATEMENT: _judge_statement,
}
