"""Figures: the figure the article's passage states (in ``expect``'s unit when it holds several)
against ``expect`` within the claim's tolerance; sources are read for figures in a compatible unit."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import cast

from .. import numbers
from ..article import Article
from ..model import Claim, ClaimType, Status, Verdict
from .about import KnownValues, judge_value, locatable, read_value, topic
from .base import Judgement, Lens, Page, Reading
from .drafting import Draft, DraftContext, Ids, SpanIndex, context, flat, not_a_figure, slug

_DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|these|those|both|all)\s+$")


def _figures(text: str, prefer: str | None = None) -> list:
    return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(text, prefer)]


class NumberKind:
    type = ClaimType.NUMBER
    keys: frozenset[str] = frozenset({"tolerance"})  # the type-specific keys it takes
    needs_expect = False  # without expect the sources decide (SPEC §2)
    contradicted_as = Verdict.CONTRADICTED  # the verdict when sources only say otherwise
    has_value = True
    section = "numbers: expect is the article's own figure, hedge and unit"

    def parse_expect(self, raw: str) -> object:
        try:
            return numbers.parse_expect(raw)
        except ValueError as exc:
            reason = str(exc).split(": ", 1)[-1]  # what the parser read and what it could not
            raise ValueError(f"is not a number: {reason}") from None

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        expected = cast("numbers.Quantity | None", claim.expected)
        if expected is None:
            return read_value(claim, article, text, _figures, "figure", (), lambda q: True, describe)
        unit, kind = expected.unit, numbers.kind(expected)  # "2 m" is minutes when expect is a time
        prefer = (lambda q: _same_unit(q.unit, unit), lambda q: numbers.units_compatible(q.unit, unit))
        return read_value(claim, article, text, lambda t: _figures(t, kind), "figure", prefer,
                          self._agrees(claim, expected), describe)

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """Against ``expect``, or without one against the article's own figure. Only a figure in
        the same unit or counted noun can contradict."""
        target = cast("numbers.Quantity | None", claim.expected if claim.expected is not None else reading.value)
        if target is None:
            return Judgement(Status.SILENT, reason="the article states no figure at the passage")
        unit = target.unit
        noun = _noun_after(claim.text, target)

        def compatible(q: numbers.Quantity) -> bool:
            return q.unit is None if unit is None else q.unit is not None and numbers.units_compatible(q.unit, unit)

        def same(q: numbers.Quantity, after: str) -> bool:
            """Same unit; two bare figures only when the words after them match ("13,000 US troops")."""
            if unit is None:
                return q.unit is None and bool(noun) and _words(after)[: len(noun)] == noun
            return _same_unit(q.unit, unit)

        query = topic(claim, reading, numbers.find_numbers)
        return judge_value(claim, reading, page, query, page.view.values_between("number"), compatible,
                           self._agrees(claim, target), describe, "figure", same=same,
                           alike=lambda q, other: self._agrees(claim, other)(q))

    def _agrees(self, claim: Claim, expected: numbers.Quantity):
        """Agreement of intervals; two figures under the same hedge ("more than 400,000" against
        "more than 500,000") compare as the figures stated, since their open intervals always meet,
        and so do two ranges, end by end ("40 to 80 percent" is not "50 to 80 percent"). A range
        written backwards ("31-22 hours") bounds nothing: it agrees only with a range, end by end;
        nor does a single figure state a range it lies in ("84 years" is not "80 to 265 years")."""
        tolerance = cast("numbers.Tolerance | None", claim.margin)

        def agrees(q: numbers.Quantity) -> bool:
            if not numbers.units_compatible(q.unit, expected.unit):
                return False
            if q.upper is not None and expected.upper is not None:
                return all(numbers.agrees(_end(q, a), _end(expected, b), tolerance)
                           for a, b in ((q.value, expected.value), (q.upper, expected.upper)))
            if _backwards(q) or _backwards(expected):
                return False
            if expected.upper is not None:
                return False  # a point inside a range is not the range: "84 years" does not say "80 to 265 years"
            if _same_hedge(q, expected):
                return numbers.agrees(_stated(q), _stated(expected), tolerance)
            return numbers.agrees(q, expected, tolerance)

        return agrees

    def draft(self, context: DraftContext) -> list[Draft]:
        found = numbers.find_numbers(context.article.text)
        date_spans = [(m.start, m.end) for m in context.dates]
        return _number_claims(context.article, found, date_spans, context.spans, context.ids)


def _same_hedge(a: numbers.Quantity, b: numbers.Quantity) -> bool:
    return a.hedge is not None and b.hedge is not None and a.hedge.lower().split() == b.hedge.lower().split()


def _backwards(q: numbers.Quantity) -> bool:
    return q.upper is not None and q.upper < q.value


def _stated(q: numbers.Quantity) -> numbers.Quantity:
    """The figure as stated, without its hedge's interval (a range keeps its two ends)."""
    return replace(q, low=q.value, high=q.upper if q.upper is not None else q.value, hedge=None)


def _end(q: numbers.Quantity, value: float) -> numbers.Quantity:
    """One stated end of a range, as an exact figure."""
    return replace(q, value=value, low=value, high=value, upper=None, hedge=None)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+", text.lower())[:2]


def _noun_after(text: str, target: numbers.Quantity) -> list[str]:
    """The two words after the claim's bare figure: what it counts, when the parser reads no unit."""
    for m in numbers.find_numbers(text):
        if m.quantity.value == target.value:
            return _words(text[m.end : m.end + 40])
    return []


def _same_unit(a: str | None, b: str | None) -> bool:
    """Both figures count or measure the same thing: the same unit, or (bare figures) none."""
    return numbers.canonical_unit(a) == numbers.canonical_unit(b)


def describe(value: numbers.Quantity) -> str:
    """A figure as a checker reads it: "22.5-25%", "21 million barrel per day"."""
    unit = "" if value.unit is None else ("%" if value.unit == "%" else f" {value.unit}")
    if value.low == value.high:
        return f"{value.value:,.6g}{unit}"
    return f"{value.low:,.6g}-{value.high:,.6g}{unit}"


def _plural(unit: str) -> str:
    head, sep, rest = unit.partition(" per ")
    words = head.split(" ")
    last = words[-1]
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last]) + sep + rest

def _figure(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.3f}".rstrip("0").rstrip(".") + f" {word}"
    if value.is_integer():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")

def _number_expect(q: numbers.Quantity, wording: str) -> str | None:
    """A figure ``numbers.parse_expect`` reads back as the article's own value and unit."""
    core = _figure(q.value)
    hedge = f"{q.hedge} " if q.hedge else ""
    candidates = []
    if q.unit == "%":
        candidates.append(f"{hedge}{core}%")
    elif q.unit:
        if q.value != 1:
            candidates.append(f"{hedge}{core} {_plural(q.unit)}")
        candidates.append(f"{hedge}{core} {q.unit}")
    else:
        candidates.append(f"{hedge}{core}")
    candidates.append(wording)
    for c in candidates:
        try:
            parsed = numbers.parse_expect(c)
        except ValueError:
            continue
        if numbers.canonical_unit(parsed.unit) == numbers.canonical_unit(q.unit) and numbers.agrees(q, parsed):
            return c
    return None

def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:" or before.endswith("\n") or text[:index].endswith("\n\n")

def _number_claims(article: Article, found: list[numbers.NumberMatch], date_spans, spans, ids: Ids) -> list[Draft]:
    text = article.text
    out = []
    floor = 0
    dates_at = SpanIndex((s, e, None) for s, e in date_spans)
    known = KnownValues.of(text, ((f.start, f.end) for f in found))
    for m in found:
        prev_floor, floor = floor, m.end
        q = m.quantity
        if dates_at.overlapping(m.start, m.end):
            continue  # the day or year of a date is the date's claim
        has_digits = bool(re.search(r"\d", m.text))
        if q.unit is None and not has_digits:
            continue  # "One of the dimensions": a word, not a figure
        if q.unit is None and not q.hedge and q.value.is_integer() and 1000 <= q.value <= 2999:
            continue  # a year
        if not has_digits and _DEFINITE_BEFORE.search(text, max(0, m.start - 12), m.start):
            continue  # "the two countries" refers back; it states no figure
        if not has_digits and q.value == 1 and not q.hedge and q.unit != "%":
            continue  # "one name", "one of them": an article more often than a count
        if m.text[:1].isupper() and not _starts_sentence(text, m.start):
            continue  # "the Group of Seven": part of a name
        if not_a_figure(text, m.start, m.end, bare=q.unit is None):
            continue  # "10 p.m.", "4-1", "1119 Eighth St.", "911 calls", "Boeing 737"
        wording = (context(article, spans, m.start, m.end, prev_floor, 0, 4,
                           locates=lambda piece: locatable(piece, text, _figures, known))
                   or context(article, spans, m.start, m.end, prev_floor, 0, 4))
        if wording is None:
            continue
        expect = _number_expect(q, m.text)
        if expect is None:
            continue
        cid = ids.take(f"number-{slug(m.text.replace('%', ' percent'))}")
        claim = Claim(cid, ClaimType.NUMBER, wording, expect=expect,
                      note=f"the article says {q}" if not has_digits else f"the article says '{flat(m.text)}'")
        out.append(Draft(claim, m.start))
    return out
