"""Locate and compare, per claim type: what the article says, and what each source says.

``read_article`` finds the claim in the article and compares it with ``expect``;
``judge`` reads one source's text and decides supports / contradicts / silent.
Both are pure: the article and the documents come in as text. Each text is read through a
``lens``: its index (built once, shared by every claim) or, with ``naive``, a full scan per claim.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from . import dates, names, numbers
from .article import Article
from .index import FullScan, TextIndex, lens, within
from .locate import STOPWORDS, Passage, excerpt, locate, sentence_around
from .model import Claim, ClaimType, Document, Evidence, Mention, Status
from .normalize import fold
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


def read_article(claim: Claim, article: Article, published: date | None, naive: bool = False) -> Reading:
    text = lens(article.text, naive)
    if claim.type is ClaimType.NAME:
        return _read_name(claim, article, text)
    passage = _find(claim.text, article.text, text)
    if passage is None:
        return Reading((), False, "", "the claim's wording is not in the article")
    if claim.type is ClaimType.DATE:
        return _read_value(claim, article, passage, text.spans, lambda t: [
            (m.start, m.end, m.span) for m in dates.find_dates(t, published) if m.span is not None], "date")
    if claim.type is ClaimType.NUMBER:
        return _read_value(claim, article, passage, text.spans, lambda t: [
            (m.start, m.end, m.quantity) for m in numbers.find_numbers(t)], "figure")
    mention = article.mention(passage.start, passage.end)
    return Reading((mention,), True, _clip(mention.text))


def _find(needle: str, text: str, view: TextIndex | FullScan, threshold: float | None = None) -> Passage | None:
    """``locate`` over the whole text, or, through an index, the fuzzy part only over the
    sentences that share the needle's words (looked up only when the exact search fails)."""
    kwargs = {} if threshold is None else {"threshold": threshold}
    return locate(needle, text, hay=view.view, within=lambda: view.near(needle), **kwargs)


def _clip(words: str, width: int = 90) -> str:
    words = " ".join(words.split())
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"


def _read_name(claim: Claim, article: Article, text: TextIndex | FullScan) -> Reading:
    found = names.find_name_mentions(article.text, claim.expect or "", claim.aliases, text.names)
    if not found:
        located = _find(claim.text, article.text, text)
        if located is None:
            return Reading((), False, "", "the name is not in the article")
        mention = article.mention(located.start, located.end, claim.text)
        return Reading((mention,), False, f"'{mention.text}'", "the article names someone else here")
    variants = [m for m in found if m.kind == "variant"]
    chosen = variants or found
    mentions = tuple(article.mention(m.start, m.end, m.text) for m in chosen)
    lines: dict[str, list[int]] = {}
    for m in mentions:
        lines.setdefault(" ".join(m.text.split()), []).append(m.line)
    stated = " and ".join(
        f"'{form}' (line{'s' if len(ls) > 1 else ''} {', '.join(map(str, dict.fromkeys(ls)))})"
        for form, ls in lines.items()
    )
    return Reading(mentions, not variants, stated, typo=bool(variants))


def _read_value(claim: Claim, article: Article, passage: Passage, spans, find: Callable[[str], list],
                what: str) -> Reading:
    """The value the located passage states (dates and figures), read from the passage's own
    sentences only: the rest of a long article is never parsed for one claim."""
    start, end = passage.start, passage.end
    s, e = sentence_around(article.text, start, end, spans)
    w_start, w_end = _sentences_over(spans, min(s, start), max(e, end))
    found = [(a + w_start, b + w_start, v) for a, b, v in find(article.text[w_start:w_end])]
    inside = within(found, start, end) or within(found, s, e)
    expected = _expected(claim)
    if claim.type is ClaimType.NUMBER:
        inside = [f for f in inside if numbers.units_compatible(f[2].unit, expected.unit)] or inside
    if not inside:
        mention = article.mention(start, end)
        return Reading((mention,), False, "", f"no {what} in the passage '{mention.text}'")
    f_start, f_end, value = inside[0]
    mention = article.mention(f_start, f_end, _describe(value))
    return Reading((mention,), _agreement(claim)(value), f"'{mention.text}' ({mention.value})")


def _sentences_over(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole sentences it touches."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    j = bisect.bisect_right(spans, (max(start, end - 1), float("inf"))) - 1
    return (min(start, spans[i][0]) if i >= 0 else start), (max(end, spans[j][1]) if j >= 0 else end)


def _describe(value: dates.DateSpan | numbers.Quantity) -> str:
    """A value as a checker reads it: "2016-12", "22.5-25%", "21 million barrel per day"."""
    if isinstance(value, dates.DateSpan):
        return str(value)
    unit = "" if value.unit is None else ("%" if value.unit == "%" else f" {value.unit}")
    if value.low == value.high:
        return f"{value.value:,.6g}{unit}"
    return f"{value.low:,.6g}-{value.high:,.6g}{unit}"


def _expected(claim: Claim):
    if claim.type is ClaimType.DATE:
        return dates.parse_expect(claim.expect)
    return numbers.parse_expect(claim.expect)


def _agreement(claim: Claim) -> Callable[[dates.DateSpan | numbers.Quantity], bool]:
    """Whether a date or figure, in the article or a source, agrees with the claim's ``expect``
    (figures in a compatible unit, within the claim's tolerance)."""
    expected = _expected(claim)
    if claim.type is ClaimType.DATE:
        return lambda span: dates.agrees(span, expected)
    tolerance = numbers.parse_tolerance(claim.tolerance) if claim.tolerance else None
    return lambda q: numbers.units_compatible(q.unit, expected.unit) and numbers.agrees(q, expected, tolerance)


# --- sources -------------------------------------------------------------------------------


def judge(claim: Claim, doc: Document, naive: bool = False) -> Evidence:
    """What one source says about the claim. A source without text is an error, never evidence."""
    base = dict(source=doc.source.label, via=doc.via, notes=doc.notes)
    if doc.error is not None:
        return Evidence(status=Status.ERROR, error=doc.error, **base)
    view = lens(doc.text, naive)
    status, start, end, value, score = _JUDGES[claim.type](claim, doc.text, view)
    text = excerpt(doc.text, start, end, spans=view.spans) if status is not Status.SILENT else None
    return Evidence(status=status, text=text, value=value, score=score, **base)


def _judge_name(claim: Claim, text: str, view):
    for m in view.mentions_of(claim.expect or "", claim.aliases):
        if m.kind in ("exact", "alias") and len(m.text.split()) > 1:
            return Status.SUPPORTS, m.start, m.end, m.text, None
    return Status.SILENT, 0, 0, None, None


def _judge_value(claim: Claim, text: str, view, between, compatible, agrees):
    """Dates and figures: a relevant sentence holding the expected value supports; a strongly
    relevant one holding only other values of the same kind contradicts. A sidebar figure in a
    sentence about something else is neither."""
    relevant = view.relevant(_topic(claim), RELEVANT)
    named = _named(claim)
    contradiction = None
    for s, e, score in relevant:
        if not _names_one(named, text, view.spans, s, e):
            continue
        values = [f for f in between(s, e) if s <= f[0] and f[1] <= e and compatible(f[2])]
        for f_start, f_end, value in values:
            if agrees(value):
                return Status.SUPPORTS, f_start, f_end, f"{text[f_start:f_end]} ({_describe(value)})", score
        if values and contradiction is None and score >= STRONGLY_RELEVANT:
            f_start, f_end, value = values[0]
            contradiction = (Status.CONTRADICTS, f_start, f_end, f"{text[f_start:f_end]} ({_describe(value)})", score)
    return contradiction or (Status.SILENT, 0, 0, None, None)


_NAME_RUN = re.compile(  # "Strait of Hormuz", "Viktor Ozerov", "EIA", "Gadrer"
    r"(?<![\w'-])[A-Z][\w-]*(?:'s)?(?:(?:\s+(?:of|the|de|al|bin|von|van))?\s+[A-Z][\w-]*(?:'s)?)*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
_NOT_NAMES = STOPWORDS | names.TITLES | names.MONTHS | names.DAYS


@lru_cache(maxsize=4096)
def _named(claim: Claim) -> re.Pattern | None:
    """The names a claim and its note give ("Hormuz" of "Strait of Hormuz", "Ozerov", "EIA"), as
    one pattern: a source sentence about a figure or a statement must name one of them (or the
    sentence before it must), so that the same figure for another place or body is not taken for
    this one. A name is the last word of a capitalised run; a single capitalised word opening the
    claim's own sentence is not taken for one."""
    terms = set()
    for source, skip_initial in ((claim.text, True), (claim.note or "", False)):
        for m in _NAME_RUN.finditer(source):
            words = m.group().split()
            word = fold(words[-1].removesuffix("'s"))
            if word in _NOT_NAMES or len(word) < 2:
                continue
            if skip_initial and len(words) == 1 and _SENTENCE_START.search(source, 0, m.start()):
                continue
            terms.add(word)
    if not terms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)")


def _names_one(named: re.Pattern | None, text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` or the one before it names one of the claim's
    proper nouns (always, when the claim names none)."""
    if named is None:
        return True
    i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
    lo = spans[i - 1][0] if i > 0 else start
    return named.search(fold(text[lo:end])) is not None


def _topic(claim: Claim) -> str:
    """What a date or figure is about: the claim's words without the value itself, and its note."""
    finder = dates.find_dates if claim.type is ClaimType.DATE else numbers.find_numbers
    words = f"{claim.text}\n{claim.note or ''}"
    for m in reversed(finder(words)):
        words = words[: m.start] + " " + words[m.end :]
    return words


def _judge_date(claim: Claim, text: str, view):
    return _judge_value(claim, text, view, view.values_between("date"), lambda span: True, _agreement(claim))


def _judge_number(claim: Claim, text: str, view):
    unit = _expected(claim).unit
    return _judge_value(
        claim, text, view, view.values_between("number"),
        compatible=lambda q: q.unit is not None and numbers.units_compatible(q.unit, unit),
        agrees=_agreement(claim),
    )


def _judge_quote(claim: Claim, text: str, view):
    match = find_quote(claim.text, text, hay=view.view, near=lambda: view.near(claim.text))
    if match is None:
        return Status.SILENT, 0, 0, None, None
    status = Status.SUPPORTS if match.exact else Status.CONTRADICTS
    return status, match.start, match.end, text[match.start : match.end], match.score


def _judge_statement(claim: Claim, text: str, view):
    best = _find(claim.text, text, view, STATEMENT_THRESHOLD)
    sentence = view.relevant(claim.text, STATEMENT_THRESHOLD)
    candidates = []
    if best is not None:
        candidates.append((best.score, best.start, best.end))
    if sentence:
        s, e, score = sentence[0]
        candidates.append((score, s, e))
    named = _named(claim)
    candidates = [c for c in candidates if _names_one(named, text, view.spans, c[1], c[2])]
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
