"""Dates: the date the article's passage states, at its precision, against ``expect``; a source
sentence about the claim holding that date supports it, one holding only another contradicts."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import cast

from .. import dates
from ..article import Article
from ..model import Claim, ClaimType, Status, Verdict
from .about import KnownValues, judge_value, locatable, read_value, topic
from .base import Judgement, Lens, Page, Reading
from .drafting import Draft, DraftContext, Ids, context, flat, not_a_figure, slug

_DAY_WORDS = re.compile(r"(?i)^(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))$")

_DAY_OF_MONTH = re.compile(r"\d")  # "February 4", "4 Feb.", "2017-02-04"
_YEAR_ONLY = re.compile(r"\d{4}")
_HAS_YEAR = re.compile(r"\b\d{4}\b|'\d\d\b")


def _future_without_year(m: dates.DateMatch, published: date | None) -> bool:
    """A date written without its year that resolves after the publication date: the tense read
    from its sentence may belong to another clause ("An October 11 presentation indicated jobs
    would be cut"), and a draft that picks next year's October misleads; it is left out."""
    return (published is not None and m.span is not None and m.span.start > published
            and not _HAS_YEAR.search(m.text))


class DateKind:
    type = ClaimType.DATE
    keys: frozenset[str] = frozenset()  # the type-specific keys it takes
    needs_expect = False  # without expect the sources decide (SPEC §2)
    contradicted_as = Verdict.CONTRADICTED  # the verdict when sources only say otherwise
    has_value = True
    section = "dates: expect is the article's own date; correct it if the article is wrong"

    def parse_expect(self, raw: str) -> object:
        try:
            return dates.parse_expect(raw)
        except ValueError:
            raise ValueError("is not a date (ISO date, YYYY-MM or year)") from None

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        expected = cast("dates.DateSpan | None", claim.expected)
        agrees = (lambda span: True) if expected is None else (lambda span: dates.agrees(span, expected))

        def read_dates(t: str) -> list:
            found = dates.find_dates(t, published, date_order=article.date_order, region=article.region)
            return [(m.start, m.end, m.span) for m in found if m.span is not None]

        reading = read_value(claim, article, text, read_dates, "date", (), agrees, str)
        span = cast("dates.DateSpan | None", reading.value)
        if span is not None and span.ambiguous:
            return replace(reading, caveat=f"'{reading.mentions[0].text}' was read month first: nothing in the "
                                           "article settles the order; set article.date_order: DMY if it is day first")
        return reading

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """Against ``expect``, or without one against the article's own date: either may be the
        coarser ("February 2017" confirms "February 4")."""
        target = cast("dates.DateSpan | None", claim.expected if claim.expected is not None else reading.value)
        if target is None:
            return Judgement(Status.SILENT, reason="the article states no date at the passage")
        if claim.expected is not None:
            agrees = lambda span: _ends_agree(span, target) and dates.agrees(span, target)  # noqa: E731
        else:
            agrees = lambda span: _ends_agree(span, target) and (  # noqa: E731
                dates.agrees(span, target) or dates.agrees(target, span))
        between = page.view.values_between("date", page.published)
        query = topic(claim, reading, dates.find_dates)
        found = judge_value(claim, reading, page, query, between, lambda span: True, agrees, str, "date",
                            alike=lambda span, other: dates.agrees(span, other) or dates.agrees(other, span),
                            coarser=lambda span: span.end - span.start > target.end - target.start)
        return replace(found, dated=True)

    def draft(self, context: DraftContext) -> list[Draft]:
        return _date_claims(context.article, context.dates, context.spans, context.ids, context.published)


_UNITS = ("day", "week", "month", "quarter", "year")


def _is_range(span: dates.DateSpan) -> bool:
    return "/" in str(span)  # "2012/2015", "2016-02/2017-05": two stated ends


def _ends_agree(a: dates.DateSpan, b: dates.DateSpan) -> bool:
    """Two ranges agree end by end, at the coarser of their precisions ("2013 through 2015" is not
    "2012 through 2015", though one holds the other); anything else is left to ``dates.agrees``."""
    if not (_is_range(a) and _is_range(b)):
        return True
    unit = max(a.precision, b.precision, key=lambda p: _UNITS.index(p) if p in _UNITS else len(_UNITS))
    cut = {"year": lambda d: (d.year,), "quarter": lambda d: (d.year, (d.month - 1) // 3),
           "month": lambda d: (d.year, d.month)}.get(unit, lambda d: (d.year, d.month, d.day))
    return cut(a.start) == cut(b.start) and cut(a.end) == cut(b.end)


def _date_expect(span: dates.DateSpan) -> str:
    """The article's date at its own precision; a range (a week, "4-6 February") by its first day."""
    shown = str(span)
    if "/" not in shown:
        return shown
    if span.precision == "year":
        return f"{span.start.year:04d}"
    if span.precision == "month":
        return f"{span.start.year:04d}-{span.start.month:02d}"
    return span.start.isoformat()

def _date_claims(article: Article, found: list[dates.DateMatch], spans, ids: Ids,
                 published: date | None = None) -> list[Draft]:
    out = []
    floor = 0

    def read(t: str) -> list:
        return [(d.start, d.end, d.span) for d in dates.find_dates(t, published, date_order=article.date_order)
                if d.span is not None]

    known = KnownValues.of(article.text, ((d.start, d.end) for d in found if d.span is not None))
    for m in found:
        prev_floor, floor = floor, m.end
        if m.span is None or _DAY_WORDS.match(m.text):
            continue  # unresolved without a publication date, or "today": the dateline's business
        if m.span.precision == "day" and not _DAY_OF_MONTH.search(m.text):
            continue  # "on Saturday", "two days ago": rarely the point of a sentence
        if _YEAR_ONLY.fullmatch(m.text) and not_a_figure(article.text, m.start, m.end):
            continue  # "GTX 1660", "at 1119 Eighth St.": a number that looks like a year
        if _future_without_year(m, published):
            continue  # a year-less month read into the future: a draft never guesses so (issue 14)
        wording = (context(article, spans, m.start, m.end, prev_floor, 3, 0,
                           locates=lambda piece: locatable(piece, article.text, read, known))
                   or context(article, spans, m.start, m.end, prev_floor, 3, 0))
        if wording is None:
            continue
        expect = _date_expect(m.span)
        claim = Claim(ids.take(f"date-{expect}", f"date-{slug(m.text)}"), ClaimType.DATE, wording, expect=expect,
                      note=f"the article says '{flat(m.text)}' ({m.span})")
        out.append(Draft(claim, m.start))
    return out
