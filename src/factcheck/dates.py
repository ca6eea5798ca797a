"""Date expressions in an article, resolved against its publication date.

An article says "February 4", "last December" or "in 2013"; the claims file says what it should
be ("2017-02-04", "2016-12", 2013). Both become a ``DateSpan``: an inclusive range of days and the
precision it was stated at, so that a coarse statement ("in 2013") is judged at its own precision
and a precise one ("02/22/2016") at its day.

Conventions:
- A match covers the date expression itself. Words that change its meaning are inside it
  ("last December", "early 2017", "Saturday, February 4", "4 Feb."); prepositions that only
  announce it are not ("in 2013" -> "2013", "on Saturday" -> "Saturday").
- Relative expressions need ``published``: weeks run Monday to Sunday ("last week" in an article
  of Wednesday 2017-02-08 is 2017-01-30/2017-02-05); "next Saturday" is the Saturday of next
  week, "this Saturday" the one the tense points to, "this coming Saturday" the first after it;
  "in three weeks" / "4 days from now" / "three weeks ago" count from it and name the day (a
  distance in years: the month), give or take half the unit (``DateSpan.slack``, for ``agrees``);
  "the day before yesterday" is two days back,
  "1 month 21 days ago" adds both parts, "Friday next week" is that day of next week, "Friday
  after next" a week after the first Friday after it, "3 fridays from now" the third one, "three days after
  Easter" counts from the day it names, and so do "the first Tuesday after Labor Day" and "the
  Monday closest to Oct 5". "The next year," opening a clause and "the following
  week" count from the story's own time, so they are not read.
- A date with no year (a month-day, a month, "on Saturday") follows the tense of its clause, then
  of its sentence: past ("He was arrested in April", "took place on 1st Jan.", "X will be done,
  the minister said on Tuesday") is the latest one not after ``published``; future ("will meet",
  "is due", "next") the first one not before it; with no tense the nearest (ties go to the past).
  A bare weekday that is the publication day's, in the past or with no tense, is that day
  ("launched Tuesday" in a Tuesday paper). A weekday named with the date picks the year ("Fri,
  Jul 18"). ``Tense`` can be given to override the sentence.
- Numeric dates: "2015/08/12", "20161016" and a part above 12 ("22/04", "4/22") fix the order.
  Otherwise an unambiguous numeric date elsewhere in the same text settles it, else
  ``date_order`` (the claims file's ``article.date_order``), else month first with the span
  flagged ``ambiguous``. A dash without a year ("15-2") is a vote or a score, not a date.
- Holidays: ``HOLIDAY_RULES``, with ``REGIONAL_RULES`` for a ``region`` (Thanksgiving is in
  October in Canada); lunar-calendar holidays are not read.
- "early/late/mid 2017" keep year precision; "the 1990s" is a ten-year span at year precision;
  "Q3 2018" / "the third quarter of 2018" is a quarter.
- Month names need a day, a year or a word that makes them a date ("last", "in", "early"...), so
  "Iran may block" and "the March" are not dates; lower-case months count ("in may", "last sept")
  unless "may" is a verb ("in may be"). A year is a standalone 4-digit token 1000-2999: not part
  of "2,013", "S-3000", "2013%" or "$2013".
"""

from __future__ import annotations

import calendar
import datetime
import enum
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from .lazyre import lazy_regex
from .lexicon import (
    HOLIDAY_NAMES,
    MONTH_ABBREVIATIONS,
    MONTH_NUMBERS,
    ORDINALS,
    SMALL_NUMBERS,
    TENS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAY_NUMBERS,
)
from .normalize import ascii_case
from .numbers import Head, HeadScan, heads, longest_first, matches_at

PRECISIONS = ("day", "week", "month", "quarter", "year")

Date = datetime.date


class Tense(enum.Enum):
    PAST = "past"
    FUTURE = "future"
    NONE = "none"  # nearest


class DateOrder(enum.Enum):
    MDY = "MDY"
    DMY = "DMY"


@dataclass(frozen=True)
class DateSpan:
    start: Date
    end: Date  # inclusive
    precision: str  # "day" | "week" | "month" | "quarter" | "year"
    ambiguous: bool = False  # day/month order not settled by the text: read by ``date_order``
    # days either side that a stated distance admits ("three weeks ago" is 21 days back, give or take
    # half a week); only ``agrees`` uses it, so a span prints and compares as the day it names
    slack: int = field(default=0, compare=False)

    def __str__(self) -> str:
        if self.precision == "year":
            first, last = f"{self.start.year:04d}", f"{self.end.year:04d}"
        elif self.precision == "quarter":
            first = f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
            last = f"{self.end.year:04d}-Q{(self.end.month - 1) // 3 + 1}"
        elif self.precision == "month":
            first = f"{self.start.year:04d}-{self.start.month:02d}"
            last = f"{self.end.year:04d}-{self.end.month:02d}"
        else:
            first, last = self.start.isoformat(), self.end.isoformat()
        return first if first == last else f"{first}/{last}"


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    text: str
    span: DateSpan | None  # None when it cannot be resolved (no publication date, impossible date)


# --- spans -----------------------------------------------------------------------------------


def _day(d: Date) -> DateSpan:
    return DateSpan(d, d, "day")


def _month(year: int, month: int) -> DateSpan:
    last = calendar.monthrange(year, month)[1]
    return DateSpan(Date(year, month, 1), Date(year, month, last), "month")


def _quarter(year: int, quarter: int) -> DateSpan:
    first = 3 * (quarter - 1) + 1
    return DateSpan(Date(year, first, 1), _month(year, first + 2).end, "quarter")


def _years(first: int, last: int) -> DateSpan:
    return DateSpan(Date(first, 1, 1), Date(last, 12, 31), "year")


def _week(monday: Date) -> DateSpan:
    return DateSpan(monday, monday + datetime.timedelta(days=6), "week")


def _monday(d: Date) -> Date:
    return d - datetime.timedelta(days=d.weekday())


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _add_months(d: Date, delta: int) -> Date:
    year, month = _shift_month(d.year, d.month, delta)
    return Date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


# --- the claims file's `expect` --------------------------------------------------------------

_EXPECT_FORMS = ("an ISO date (2017-02-04), a year-month (2016-12), a quarter (2016-Q4), a year (2013) "
                 "or a range of one of these (2017-01-30/2017-02-05)")


def _expect_one(text: str) -> DateSpan | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return _day(Date(int(m[1]), int(m[2]), int(m[3])))
    if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", text):
        return _quarter(int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        return _month(int(m[1]), int(m[2]))
    if re.fullmatch(r"\d{4}", text) and int(text) >= 1:
        return _years(int(text), int(text))
    return None


def parse_expect(value: str | int | Date) -> DateSpan:
    """A claim's ``expect``; YAML may hand over an int (2013) or a date (2017-02-04). Whatever
    ``str(DateSpan)`` writes reads back here."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, Date):
        return _day(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"date expect must be {_EXPECT_FORMS}, not {type(value).__name__} {value!r}")
    text = str(value).strip()
    try:
        if (span := _expect_one(text)) is not None:
            return span
        first, sep, last = text.partition("/")
        if sep and (a := _expect_one(first.strip())) and (b := _expect_one(last.strip())) \
                and a.precision == b.precision and a.start <= b.start:
            week = a.precision == "day" and a.start.weekday() == 0 and (b.end - a.start).days == 6
            return DateSpan(a.start, b.end, "week" if week else a.precision)
    except ValueError as exc:  # 2017-02-30, 2016-13
        raise ValueError(f"date expect {value!r} is not a real date ({exc})") from None
    raise ValueError(f"date expect {value!r} is not {_EXPECT_FORMS}")


# --- comparison ------------------------------------------------------------------------------


def agrees(stated: DateSpan, expected: DateSpan) -> bool:
    """At the article's precision: the expected date lies inside what the article says, or, when
    the expectation is coarser (article a day, expect a month), what the article says lies in it.
    A distance ("three weeks ago") widens by its ``slack``."""
    stated, expected = _widened(stated), _widened(expected)
    if stated.start <= expected.start and expected.end <= stated.end:
        return True
    overlap = stated.start <= expected.end and expected.start <= stated.end
    return overlap and (expected.end - expected.start) >= (stated.end - stated.start)


def _widened(span: DateSpan) -> DateSpan:
    if not span.slack:
        return span
    pad = datetime.timedelta(days=span.slack)
    try:
        return DateSpan(span.start - pad, span.end + pad, span.precision)
    except OverflowError:
        return span


# --- tense -----------------------------------------------------------------------------------

_SENTENCE_END = lazy_regex(r"[.!?](?=\s+[A-Z\"'(]|\s*$)|\n\s*\n")
_FUTURE = lazy_regex(r"(?i)\b(?:will|shall|'ll|is\s+(?:due|set|expected|scheduled|to)|are\s+(?:due|set|expected|"
                     r"scheduled|to)|going\s+to|plans?\s+to|planned|scheduled|upcoming|coming|next|due\s+to|"
                     r"would\s+(?:be|take)|to\s+be\s+held|"
                     # the present of a schedule: "the session starts in early January", "takes effect"
                     r"(?:starts|begins|opens|kicks\s+off|takes\s+effect|expires|resumes|reopens))\b")
_PAST = lazy_regex(r"(?i)\b(?:was|were|had|did|said|ago|last|took|met|came|went|began|began|made|held|"
                   r"left|told|won|lost|saw|gave|fell|rose|became|[a-z]{2,}ed)\b")
_TENSE_WINDOW = 200  # characters either side of a date that may hold its sentence
_CLAUSE_START = lazy_regex(r"[,;:\"“”—–]|--|\n")  # what opens the clause a date sits in


def _tense(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence around ``text[start:end]``: a future marker wins over a past one."""
    lo = max(0, start - _TENSE_WINDOW)
    before = text[lo:start]
    cuts = list(_SENTENCE_END.finditer(before))
    first = lo + cuts[-1].end() if cuts else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + _TENSE_WINDOW))
    last = after.start() if after else min(len(text), end + _TENSE_WINDOW)
    clause = _clause_tense(text, start, first)
    if clause is not Tense.NONE:  # "will meet on Tuesday"; "X will be done, the minister said on Tuesday"
        return clause
    sentence = text[first:start] + " " + text[end:last]
    if _FUTURE.search(sentence):
        return Tense.FUTURE
    if _PAST.search(sentence):
        return Tense.PAST
    return Tense.NONE


def _clause_tense(text: str, start: int, first: int | None = None) -> Tense:
    """The tense of the clause that ends at ``start`` (back to a comma, a quote, a dash)."""
    lo = max(0, start - _TENSE_WINDOW) if first is None else first
    clause = _CLAUSE_START.split(text[lo:start])[-1]
    if _FUTURE.search(clause):
        return Tense.FUTURE
    if _PAST.search(clause):
        return Tense.PAST
    return Tense.NONE


@dataclass(frozen=True)
class _Context:
    published: Date | None
    text: str
    tense: Tense | None  # None: read from each date's sentence
    order: DateOrder  # for numeric dates the text does not settle
    settled: bool  # whether ``order`` comes from the text or the caller, not the default
    region: str = "US"  # whose holidays: "Thanksgiving" is in October in Canada

    def tense_at(self, start: int, end: int) -> Tense:
        return self.tense if self.tense is not None else _tense(self.text, start, end)


def _pick(candidates: list[Date], published: Date, tense: Tense) -> Date | None:
    """The candidate the tense points to: past the latest not after ``published``, future the first
    not before it, else the nearest (ties to the past)."""
    if tense is Tense.PAST and (past := [d for d in candidates if d <= published]):
        return max(past)
    if tense is Tense.FUTURE and (future := [d for d in candidates if d >= published]):
        return min(future)
    return min(candidates, key=lambda d: (abs((d - published).days), d), default=None)


def _day_in_year(month: int, day: int, published: Date, tense: Tense) -> Date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(Date(year, month, day))
        except ValueError:
            continue
    return _pick(candidates, published, tense)


_WEEKDAY_YEARS = 7  # years either side searched for a month-day that falls on the weekday named with it


def _day_on_weekday(month: int, day: int, weekday: int, published: Date, tense: Tense) -> Date | None:
    """"Fri, Jul 18": the year in which that day is that weekday, by tense among the three nearest
    years, else the nearest one."""
    matching = []
    for year in range(published.year - _WEEKDAY_YEARS, published.year + _WEEKDAY_YEARS + 1):
        try:
            d = Date(year, month, day)
        except ValueError:
            continue
        if d.weekday() == weekday:
            matching.append(d)
    near = [d for d in matching if abs(d.year - published.year) <= 1]
    if near:
        return _pick(near, published, tense)
    return min(matching, key=lambda d: abs((d - published).days), default=None)


def _month_in_year(month: int, published: Date, tense: Tense) -> DateSpan:
    here = published.year * 12 + published.month
    years = (published.year - 1, published.year, published.year + 1)
    if tense is Tense.PAST:
        year = max(y for y in years if y * 12 + month <= here)
    elif tense is Tense.FUTURE:
        year = min(y for y in years if y * 12 + month >= here)
    else:
        year = min(years, key=lambda y: (abs(y * 12 + month - here), y))
    return _month(year, month)


# --- patterns --------------------------------------------------------------------------------

_MONTHS = MONTH_NUMBERS
_MONTH_ABBR = MONTH_ABBREVIATIONS
_WEEKDAYS = WEEKDAY_NUMBERS
_WEEKDAY_ABBR = WEEKDAY_ABBREVIATIONS
_SMALL = {"a": 1, "an": 1, **{w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= 12}}
_ORDINALS = ORDINALS
_TENS_WORDS = TENS
_UNIT_WORDS = SMALL_NUMBERS


def _alts(words) -> str:
    return "|".join("[\\s-]".join(map(re.escape, w.split("-"))) for w in sorted(words, key=len, reverse=True))


_FULL = _alts(_MONTHS)
_MONTH = rf"(?P<month>(?i:{_FULL})(?:\.(?=\s*\d))?(?![A-Za-z])|(?i:{_alts(_MONTH_ABBR)})(?:\.|(?![A-Za-z])))"
_MONTH_FULL = rf"(?P<month>(?i:{_FULL})(?![A-Za-z])|(?i:{_alts(_MONTH_ABBR)})(?:\.|(?![A-Za-z])))"
_WEEKDAY = rf"(?P<wd>(?i:{_alts(_WEEKDAYS)}|{_alts(_WEEKDAY_ABBR)})(?![A-Za-z]))"
# bare, a lower-case "sat", "sun" or "wed" is a verb or a noun ("she sat", "the sun"): capitalised only
_BARE_WEEKDAY = (rf"(?P<wd>(?i:{_alts(_WEEKDAYS)})(?![A-Za-z])|"
                 r"(?:(?i:mon|tues?|thu(?:rs?)?|fri)|Sat|Sun|Wed|SAT|SUN|WED)(?![A-Za-z])\.?)")
_NUMBER_AFTER = r"(?![.,]\d)(?!\s*(?:%|(?i:percent|per\s+cent)\b))"
_ORD_WORD = rf"(?P<dayw>(?i:{_alts(_ORDINALS)}))(?![A-Za-z])"
_DAY = rf"(?<![\w.,$])(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w){_NUMBER_AFTER}|{_ORD_WORD})"
_DAY2 = r"(?:\s*-\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.,]\d))?"
_YEAR_WORDS = (r"(?P<yw>(?i:two\s+thousand(?:\s+and)?(?:[\s-]+(?:[a-z]+(?:-[a-z]+)?))?|"
               r"(?:nineteen|eighteen|twenty)[\s-](?:hundred|[a-z]+(?:-[a-z]+)?)))")
_YEAR = rf"(?P<year>[12]\d{{3}})(?!\w)(?!%){_NUMBER_AFTER}"
_YEAR_AFTER = rf"(?:(?:,?\s+(?:(?i:in|of)\s+)?|-){_YEAR}|,?\s+{_YEAR_WORDS})?"
_LEAD_WEEKDAY = rf"(?:{_WEEKDAY}\.?,?\s+(?:(?i:the)\s+)?)?"
_MOD = r"(?P<mod>(?i:early|late|mid))[\s-]+"
_STANDALONE = r"(?<![\w$€£#])(?<![A-Za-z]-)(?<!\d[.,])(?<!-\d{3}-)"  # "02-751-1500": a phone number
_SCALE_AFTER = r"(?!\s*(?i:million|billion|thousand|trillion|bn)\b)"
# "20 May be..." reads "May" as a modal; a day-month without a year followed by these is not a date
_MODAL_AFTER = lazy_regex(r"\s+(?:be|have|not|also|well|still|never|only|even|already|soon|yet|need|"
                          r"want|seem|become|prove|face|lead|help|block|allow|cause|take|make)\b")

# a lower-case "may" or "march" is a month only when no lower-case word follows it (but these)
_MONTH_WORD_AFTER = lazy_regex(r"\s*(?:$|[^\sa-z]|(?:of|and|or|last|this|next|when|while|after|before|until|in|on|"
                               r"at|to|for|with|the|a|as|that)\b)")

_ISO = lazy_regex(r"(?<![\w.-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\w|-\d)")
_YMD = lazy_regex(r"(?<![\w./-])(?P<year>[12]\d{3})(?P<sep>[/.-])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                  r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|[.-]\d)")
_COMPACT = lazy_regex(r"(?<![\w.,-])(?P<year>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
                      r"(?!\w|[.,]\d)")
_NUMERIC = lazy_regex(r"(?<![\w./,:-])(?P<a>\d{1,2})(?P<sep>[/.-]|\s/\s)(?P<b>\d{1,2})(?:(?P=sep)(?P<c>\d{4}|\d{2}))?"
                      r"(?![\w/:%]|[.,-]\d|\s/\s?\d)")
# "31 10 1974": day, month and a four-digit year apart by single spaces
_SPACED = lazy_regex(r"(?<![\w./,:-])(?<!\d\s)(?P<a>\d{1,2})(?P<sep>\s)(?P<b>\d{1,2})\s(?P<c>[12]\d{3})"
                     r"(?![\w/:%]|[.,-]\d|\s\d)")
# "31/Oct/1974", "05-Aug-16"
_DMON = lazy_regex(rf"(?<![\w./-])(?P<day>3[01]|[12]\d|0?[1-9])(?P<sep>[/-]){_MONTH_FULL}(?P=sep)"
                   r"(?P<year>[12]\d{3}|\d{2})(?![\w/]|[.,-]\d)")
# "14april 2015": a day glued to a month's full name, with its year (so the day is not lost to "april 2015")
_GLUED = lazy_regex(rf"(?<![\w./-])(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?P<month>(?i:{_FULL}))\s*"
                    rf"(?P<year>[12]\d{{3}})(?!\w)(?![.,]\d)")
# "2014-10", "2014/10", "2/2013": a month; "2010-11" (10 and 11 in a row) is a season, a range of years
_YM = lazy_regex(r"(?<![\w./,-])(?:(?P<year>[12]\d{3})[-/](?P<m>0[1-9]|1[0-2])|"
                 r"(?P<m2>0?[1-9]|1[0-2])/(?P<year2>[12]\d{3}))(?![\w/]|[.,-]\d)")
_TRAIL_WEEKDAY = rf"(?:,?\s+(?P<wd2>(?i:{_alts(_WEEKDAYS)}|{_alts(_WEEKDAY_ABBR)}))(?![A-Za-z])\.?)?"
_MDY = lazy_regex(_LEAD_WEEKDAY + _MONTH + r"\s+(?:(?i:the)\s+)?" + _DAY + _DAY2 + _YEAR_AFTER + _TRAIL_WEEKDAY)
_DMY = lazy_regex(_LEAD_WEEKDAY + _DAY + _DAY2 + r"(?:\.?\s+(?i:of)\s+|\.?-|\.?\s+)" + _MONTH + _YEAR_AFTER)
_MY = lazy_regex(rf"(?:{_MOD})?{_MONTH}(?:,?\s+|\s+(?i:of|in)\s+|\s*-\s*){_YEAR}")
_REL_MONTH = lazy_regex(rf"\b(?P<rel>(?i:last|next|this|early|late|mid))[\s-]+{_MONTH_FULL}(?!\s*\d)(?!')")
_PREP_MONTH = lazy_regex(
    rf"\b(?i:in|since|until|till|during|through|throughout|before|after|by)\s+{_MONTH_FULL}(?!\s*\d)(?![-'])")
_YEAR_RE = lazy_regex(rf"(?:{_MOD}|{_STANDALONE}){_YEAR}{_SCALE_AFTER}")
_YEAR_IN_WORDS = lazy_regex(rf"\b(?i:in|by|until|till|to|since|of|from)\s+{_YEAR_WORDS}\b")
_DECADE = lazy_regex(rf"(?:{_MOD}|{_STANDALONE})(?:(?P<dec>[12]\d{{2}}0)|'(?P<dec2>\d0))s\b")
_REL_UNIT = lazy_regex(r"\b(?P<rel>(?i:last|this|next|current|(?:the\s+)?(?:coming|past|previous|following|"
                       r"upcoming)))\s+(?P<unit>(?i:week|month|quarter|qtr|year|yr))\b")
_DAYWORD = lazy_regex(r"(?<!USA\s)\b(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
                      r"yesterday|today|tomorrow|last\s+night|tonight|this\s+(?:morning|afternoon|evening)))\b")
_N = rf"(?:(?i:{'|'.join(_SMALL)})|\d{{1,3}})"


def _part(i: int) -> str:
    return rf"(?P<n{i}>{_N})\s+(?P<u{i}>(?i:days?|weeks?|months?|years?))"


_PARTS = _part(1) + rf"(?:,?\s+(?:(?i:and)\s+)?{_part(2)})?"
# "N days before" alone counts back from publication; "75 days before primary voting" from the voting
_AGO = lazy_regex(rf"\b{_PARTS}\s+(?i:ago|earlier|before(?=\s*(?:[.,;:)]|$)))\b(?!\s+(?i:that|the|this|then))")
_IN_N = lazy_regex(rf"\b(?P<in>(?i:in|within))\s+{_PARTS}\b(?!\s+(?i:ago|time\s+of|of|old|in))")
_FROM_NOW = lazy_regex(rf"\b{_PARTS}\s+(?i:from\s+(?:now|today)|hence)\b")
_UPCOMING = lazy_regex(rf"(?i)\b(?:upcoming\s+(?P<n>{_N})|(?P<n2>{_N})\s+upcoming)\s+"
                       r"(?P<unit>days?|weeks?|months?|quarters?|years?)\b")
_WEEKDAY_RE = lazy_regex(
    rf"(?:\b(?P<on>(?i:on))\s+|\b(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|coming|past))\s+|"
    rf"\b(?P<week3>(?i:last|next|this))\s+(?i:week['’]s)\s+)?\b{_BARE_WEEKDAY}"
    r"(?P<after>\s+(?i:after\s+next))?"
    r"(?P<poss>'s)?(?P<tod>\s+(?:morning|afternoon|evening|night)\b)?"
    r"(?:\s+(?P<week>(?i:next|last|this))\s+(?i:week)\b|\s+(?i:of|from)\s+(?P<week2>(?i:next|last|this))\s+(?i:week)\b)?")
_QUARTER = lazy_regex(
    r"(?i)\b(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr))"
    r"(?:\s+(?:of\s+)?|\s*-?\s*)(?P<year>[12]\d{3})?(?![\w])|\b(?P<yq>(?:[12]\d)?\d{2})Q(?P<q2>[1-4])\b")
_NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
        "last": -1}
_NTH_WORD = r"(?P<nth>(?i:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last))"
_MONTH_REF = (rf"(?:(?P<mrel>(?i:this|next|last|previous|current|coming|following))\s+(?i:month)|(?P<mthis>(?i:month))|"
              rf"{_MONTH_FULL}(?:,?\s+{_YEAR})?)(?![\w'])")
# "the first Monday of October", "last friday in the month", "second monday of last month"
_NTH_WEEKDAY = lazy_regex(rf"\b(?:(?i:the)\s+)?{_NTH_WORD}\s+{_WEEKDAY}\.?\s+(?i:of|in)\s+(?:(?i:the)\s+)?{_MONTH_REF}")
# "the 20th of next month", "third day of October", "the 5th last day of May", "last day of October 2015"
_DAY_OF = lazy_regex(
    rf"\b(?:(?i:the)\s+)?(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?|{_ORD_WORD}|(?P<lastday>(?i:last)))"
    rf"(?:\s+(?P<back>(?i:last)))?(?:\s+(?P<dayword>(?i:day)))?\s+(?i:of|in)\s+(?:(?i:the)\s+)?{_MONTH_REF}")
# "the first week of October 2014", "the third last week of 2018": the weeks (Monday to Sunday) inside it
_WEEK_OF = lazy_regex(
    rf"\b(?:(?i:the)\s+)?{_NTH_WORD}(?:\s+(?P<back>(?i:last)))?\s+(?i:week)\s+(?i:of|in)\s+"
    rf"(?:{_MONTH_FULL}(?:,?\s+{_YEAR})?|(?P<wyear>[12]\d{{3}}))(?![\w'])")
# "the week of October 7th"; a Sunday opens the week after it (US weeks start on Sunday)
_THE_WEEK_OF = lazy_regex(rf"\b(?i:the\s+week\s+of)\s+{_MONTH_FULL}\s+{_DAY}(?:,?\s+{_YEAR})?")
# "3 fridays from now", "two thursdays ago"
_N_WEEKDAYS = lazy_regex(rf"\b(?P<n>{_N})\s+(?P<wd>(?i:{_alts(_WEEKDAYS)}))s\s+"
                         r"(?P<dir>(?i:from\s+(?:now|today)|hence|ago|back))\b")
# "March in a year", "April two years ago": that month in the year the distance reaches
_MONTH_SHIFT = lazy_regex(
    rf"\b{_MONTH_FULL}\s+(?:(?i:in)\s+(?P<sn>{_N})\s+(?P<su>(?i:years?))|(?P<sn2>{_N})\s+(?P<su2>(?i:years?))\s+"
    r"(?P<sdir>(?i:ago|from\s+now|hence|earlier)))\b(?![\'’-])(?!\s+(?i:of|when|that|where|which|in\s+which)\b)")
_MONTH_AFTER_NEXT = lazy_regex(rf"\b{_MONTH_FULL}\s+(?i:after\s+next)\b")
# "on the 15th", "on the first": a day of the month ("on the first ballot" is not)
_ON_THE = lazy_regex(r"\b(?i:on)\s+(?P<the>(?i:the))\s+(?:(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)|"
                     rf"{_ORD_WORD})(?![\w-])(?!\s+(?:[A-Za-z]|\d))")
# "Thu 15th", "on Thursday the 15th": the month in which the 15th is a Thursday
_WEEKDAY_DAY = lazy_regex(rf"\b{_WEEKDAY}\.?,?\s+(?:(?i:the)\s+)?(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)(?![\w-])"
                          rf"(?!\s+(?i:of|in)\b)(?!\s*(?i:{_FULL}|{_alts(_MONTH_ABBR)})\b)")
_IDES = lazy_regex(r"\b(?:(?i:the)\s+)?(?i:ides\s+of\s+march)\b")
_ANNO = lazy_regex(r"(?<![\w.,$])(?P<year>\d{1,4})\s*(?:(?i:a\.d\.)|AD\b)")

_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1,
             "2nd": 2, "3rd": 3, "4th": 4}




class Shift(enum.Enum):
    """How a holiday moves off its day: to a weekday when it falls on a weekend, or to a Monday."""
    NONE = "none"
    OBSERVED = "observed"  # Saturday to Friday, Sunday to Monday (Boss's Day, DC Emancipation Day)
    SUNDAY_BACK = "sunday back"  # Sunday to Saturday (King's Day)
    NEAREST_MONDAY = "nearest monday"  # Discovery Day (Newfoundland)
    MONDAY_BEFORE = "monday before"  # the last Monday on or before (Victoria Day: May 24)
    MONDAY_AFTER = "monday after"  # the first Monday on or after (Reconciliation Day: May 27)
    US_TAX = "us tax"  # the first weekday from April 15 that is not DC's Emancipation Day


@dataclass(frozen=True)
class HolidayRule:
    """A holiday's date in a year: a fixed day, the nth weekday of a month (n = -1: the last), or
    ``easter`` days after Easter Sunday (the Orthodox one when ``orthodox``); ``after`` days are
    added to the first two (Black Friday), then ``shift`` moves it."""
    month: int = 0
    day: int = 0
    weekday: int = -1
    nth: int = 0
    easter: int | None = None
    after: int = 0
    orthodox: bool = False
    shift: Shift = Shift.NONE

    def on(self, year: int) -> Date:
        if self.easter is not None:
            sunday = _orthodox_easter(year) if self.orthodox else _easter(year)
            return sunday + datetime.timedelta(days=self.easter)
        if self.weekday < 0:
            return _shifted(Date(year, self.month, self.day), self.shift)
        if self.nth > 0:
            first = Date(year, self.month, 1)
            day = first + datetime.timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        else:
            last = Date(year, self.month, calendar.monthrange(year, self.month)[1])
            day = last - datetime.timedelta(days=(last.weekday() - self.weekday) % 7)
        return day + datetime.timedelta(days=self.after)


def _shifted(d: Date, shift: Shift) -> Date:
    one = datetime.timedelta(days=1)
    if shift is Shift.OBSERVED:
        return d - one if d.weekday() == 5 else d + one if d.weekday() == 6 else d
    if shift is Shift.SUNDAY_BACK:
        return d - one if d.weekday() == 6 else d
    if shift is Shift.NEAREST_MONDAY:
        return d + datetime.timedelta(days=(7 - d.weekday()) if d.weekday() > 3 else -d.weekday())
    if shift is Shift.MONDAY_BEFORE:
        return d - datetime.timedelta(days=d.weekday())
    if shift is Shift.MONDAY_AFTER:
        return d + datetime.timedelta(days=-d.weekday() % 7)
    if shift is Shift.US_TAX:
        emancipation = _shifted(Date(d.year, 4, 16), Shift.OBSERVED)
        while d.weekday() >= 5 or d == emancipation:
            d += one
    return d


def _orthodox_easter(year: int) -> Date:
    """Orthodox Easter Sunday: the Julian computus, moved onto the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian_offset = year // 100 - year // 400 - 2  # 13 days in 1900-2099
    return Date(year, month, day + 1) + datetime.timedelta(days=julian_offset)


def _easter(year: int) -> Date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    week = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * week) // 451
    month, day = divmod(h + week - 7 * m + 114, 31)
    return Date(year, month, day + 1)


_MON, _WED, _THU, _FRI, _SAT, _SUN = 0, 2, 3, 4, 5, 6
# US dates where countries differ (Canada's Thanksgiving, Britain's Mothering Sunday are not read)
HOLIDAY_RULES = {
    "christmas": HolidayRule(12, 25), "christmas eve": HolidayRule(12, 24), "new year": HolidayRule(1, 1),
    "new year's eve": HolidayRule(12, 31), "halloween": HolidayRule(10, 31), "valentine": HolidayRule(2, 14),
    "st patrick": HolidayRule(3, 17), "groundhog": HolidayRule(2, 2), "independence": HolidayRule(7, 4),
    "veterans": HolidayRule(11, 11),
    "thanksgiving": HolidayRule(11, weekday=_THU, nth=4), "black friday": HolidayRule(11, weekday=_THU, nth=4, after=1),
    "cyber monday": HolidayRule(11, weekday=_THU, nth=4, after=4),
    "mother": HolidayRule(5, weekday=_SUN, nth=2), "father": HolidayRule(6, weekday=_SUN, nth=3),
    "memorial": HolidayRule(5, weekday=_MON, nth=-1), "labor": HolidayRule(9, weekday=_MON, nth=1),
    "mlk": HolidayRule(1, weekday=_MON, nth=3), "presidents": HolidayRule(2, weekday=_MON, nth=3),
    "columbus": HolidayRule(10, weekday=_MON, nth=2),
    "easter": HolidayRule(easter=0), "easter monday": HolidayRule(easter=1), "good friday": HolidayRule(easter=-2),
    "maundy thursday": HolidayRule(easter=-3), "palm sunday": HolidayRule(easter=-7),
    "ash wednesday": HolidayRule(easter=-46), "pentecost": HolidayRule(easter=49), "ascension": HolidayRule(easter=39),
    "whit monday": HolidayRule(easter=50), "trinity sunday": HolidayRule(easter=56),
    "shrove tuesday": HolidayRule(easter=-47), "mothering sunday": HolidayRule(easter=-21),
    "orthodox easter": HolidayRule(easter=0, orthodox=True),
    "orthodox good friday": HolidayRule(easter=-2, orthodox=True),
    "clean monday": HolidayRule(easter=-48, orthodox=True), "lazarus saturday": HolidayRule(easter=-8, orthodox=True),
    "canada day": HolidayRule(7, 1), "vimy ridge": HolidayRule(4, 9), "orangemen": HolidayRule(7, 12),
    "guy fawkes": HolidayRule(11, 5), "anzac": HolidayRule(4, 25),
    "kings day": HolidayRule(4, 27, shift=Shift.SUNDAY_BACK),
    "world vegan": HolidayRule(11, 1), "siblings": HolidayRule(4, 10),
    "boss": HolidayRule(10, 16, shift=Shift.OBSERVED),
    "reconciliation za": HolidayRule(12, 16), "indian arrival": HolidayRule(5, 30), "garifuna": HolidayRule(11, 19),
    "rizal": HolidayRule(12, 30), "august bank holiday": HolidayRule(8, weekday=_MON, nth=-1),
    "lincoln": HolidayRule(2, 12), "shivaji": HolidayRule(2, 19),
    "daylight saving start": HolidayRule(3, weekday=_SUN, nth=2),
    "daylight saving end": HolidayRule(11, weekday=_SUN, nth=1),
    "admin professionals": HolidayRule(4, weekday=_SAT, nth=-1, after=-3),  # Wednesday of April's last full week
}
# Where a region's holiday differs from the US one, or has one of its own; read with find_dates(region=...)
REGIONAL_RULES: dict[str, dict[str, HolidayRule]] = {
    "US": {"tax": HolidayRule(4, 15, shift=Shift.US_TAX), "emancipation": HolidayRule(4, 16, shift=Shift.OBSERVED),
           "loyalty": HolidayRule(5, 1), "grandparents": HolidayRule(9, weekday=_MON, nth=1, after=6),
           "military spouse": HolidayRule(5, weekday=_SUN, nth=2, after=-2)},
    "CA": {"thanksgiving": HolidayRule(10, weekday=_MON, nth=2), "memorial": HolidayRule(7, 1),
           "civic": HolidayRule(8, weekday=_MON, nth=1), "family": HolidayRule(2, weekday=_MON, nth=3),
           "victoria": HolidayRule(5, 24, shift=Shift.MONDAY_BEFORE),
           "discovery": HolidayRule(6, 24, shift=Shift.NEAREST_MONDAY)},
    "GB": {"mother": HolidayRule(easter=-21)},
    "IE": {"mother": HolidayRule(easter=-21), "labor": HolidayRule(5, weekday=_MON, nth=1),
           "august bank holiday": HolidayRule(8, weekday=_MON, nth=1)},
    "AU": {"father": HolidayRule(9, weekday=_SUN, nth=1), "labor": HolidayRule(10, weekday=_MON, nth=1),
           "reconciliation": HolidayRule(5, 27, shift=Shift.MONDAY_AFTER)},
    "NZ": {"father": HolidayRule(9, weekday=_SUN, nth=1), "labor": HolidayRule(10, weekday=_MON, nth=4)},
    "IN": {"independence": HolidayRule(8, 15), "labor": HolidayRule(5, 1)},
    "ZA": {"labor": HolidayRule(5, 1), "heroes": HolidayRule(10, 10)},
    "JM": {"labor": HolidayRule(5, 23), "heroes": HolidayRule(10, weekday=_MON, nth=3)},
    "TT": {"labor": HolidayRule(6, 19)},
    "BZ": {"labor": HolidayRule(5, 1)},
    "PH": {"labor": HolidayRule(5, 1), "independence": HolidayRule(6, 12),
           "national heroes": HolidayRule(8, weekday=_MON, nth=-1)},
}
REGIONAL_RULES["CA"]["patriots"] = REGIONAL_RULES["CA"]["victoria"]
REGIONAL_RULES["CA"]["admin professionals"] = HOLIDAY_RULES["admin professionals"]
# names read besides the lexicon's (an apostrophe optional, "day" after them optional)
_MORE_HOLIDAY_NAMES = {
    "valentine": "valentine", "veteran": "veterans", "decoration": "memorial", "george washington": "presidents",
    "civil rights": "mlk", "whit monday": "whit monday", "whitmonday": "whit monday",
    "monday of the holy spirit": "whit monday", "white sunday": "pentecost", "branch sunday": "palm sunday",
    "easter mon": "easter monday", "trinity sunday": "trinity sunday", "shrove tuesday": "shrove tuesday",
    "pancake day": "shrove tuesday", "mardi gras": "shrove tuesday", "mothering sunday": "mothering sunday",
    "orthodox easter": "orthodox easter", "orthodox easter sunday": "orthodox easter",
    "orthodox good friday": "orthodox good friday", "orthodox great friday": "orthodox good friday",
    "clean monday": "clean monday", "orthodox shrove monday": "clean monday", "lazarus saturday": "lazarus saturday",
    "canada day": "canada day", "dominion day": "canada day", "vimy ridge day": "vimy ridge",
    "orangemen's day": "orangemen", "guy fawkes": "guy fawkes", "bonfire night": "guy fawkes", "anzac": "anzac",
    "king's day": "kings day", "koningsdag": "kings day", "world vegan day": "world vegan",
    "siblings day": "siblings", "sibling day": "siblings", "national sibling day": "siblings",
    "national siblings day": "siblings", "boss's day": "boss", "boss day": "boss", "bosses day": "boss",
    "day of reconciliation": "reconciliation za", "day of the vow": "reconciliation za",
    "day of the covenant": "reconciliation za", "indian arrival day": "indian arrival",
    "garifuna settlement day": "garifuna", "rizal day": "rizal", "august bank holiday": "august bank holiday",
    "summer bank holiday": "august bank holiday", "late summer bank holiday": "august bank holiday",
    "lincoln's birthday": "lincoln", "abraham lincoln's birthday": "lincoln", "lincolns' birthday": "lincoln",
    "lincoln birthday": "lincoln", "daylight saving start": "daylight saving start",
    "daylight savings start": "daylight saving start", "daylight saving end": "daylight saving end",
    "daylight savings end": "daylight saving end", "administrative professionals'": "admin professionals",
    "administrative professional": "admin professionals", "administrative professional's": "admin professionals",
    "secretaries'": "admin professionals", "secretary's": "admin professionals", "admin day": "admin professionals",
    "admins day": "admin professionals",
    "tax day": "tax", "emancipation day": "emancipation", "loyalty day": "loyalty", "law day": "loyalty",
    "lei day": "loyalty", "national grandparents": "grandparents", "grandparents'": "grandparents",
    "military spouse": "military spouse", "civic holiday": "civic", "british columbia day": "civic",
    "natal day": "civic", "new brunswick day": "civic", "saskatchewan day": "civic", "terry fox day": "civic",
    "family day": "family", "islander day": "family", "louis riel day": "family",
    "nova scotia heritage day": "family", "victoria day": "victoria", "sovereign's birthday": "victoria",
    "national patriots'": "patriots", "discovery day": "discovery", "reconciliation day": "reconciliation",
    "heroes'": "heroes", "shivaji jayanti": "shivaji", "kruger day": "heroes", "national heroes'": "national heroes",
}
_HOLIDAY_NAMES = {**HOLIDAY_NAMES, **_MORE_HOLIDAY_NAMES}
# bare, these are a person, an office, a noun or a corps ("of the president", "organised labour"):
# a holiday only with "day" after them
_NEEDS_DAY = {"president", "presidents'", "president's", "labor", "labour", "memorial", "independence", "veterans",
              "veteran's", "veteran", "columbus", "mother's", "father's", "decoration", "george washington",
              "civil rights", "heroes'", "national heroes'", "national patriots'", "grandparents'", "military spouse",
              "national grandparents", "anzac", "mlk", "mlk jr.", "martin luther king", "martin luther king jr.",
              "martin luther king's", "secretaries'", "secretary's", "administrative professionals'",
              "administrative professional", "administrative professional's", "valentine", "groundhog"}
_BARE_NEEDS_DAY = {n.replace("'", "").replace(".", "") for n in _NEEDS_DAY}


def _holiday_alt(name: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]?").replace(r"\.", r"\.?") for w in name.split())


_HOLIDAY_NAME_ALT = "|".join(_holiday_alt(n) for n in sorted(_HOLIDAY_NAMES, key=len, reverse=True))
_HOLIDAY = lazy_regex(
    r"(?i)\b(?:(?P<rel>last|next|this)\s+)?(?P<name>" + _HOLIDAY_NAME_ALT + r")(?P<day>\s+day)?(?![\w'’])"
    + rf"(?:(?:,?\s+|\s+(?:in|of)\s+){_YEAR}|\s+(?:of\s+)?(?P<yrel>last|next|this)\s+year\b"
    + rf"|\s+in\s+(?P<sn>{_N})\s+(?P<su>years?|months?)\b|\s+(?P<sn2>{_N})\s+(?P<su2>years?|months?)\s+"
    + r"(?P<sdir>ago|from\s+now|hence)\b)?")

_PREP_WINDOW = 20  # characters before a holiday that hold "on the", "until": a bounded look keeps it linear
_HOLIDAY_PREP = lazy_regex(r"(?i)\b(?:on|by|at|until|till|since|before|after|over|for|from|through|of)\s+(?:the\s+)?$")


def _holiday_key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    for key in (" ".join(words), " ".join(w if w.endswith(("'", "'s", ".")) else w + "'s" for w in words),
                " ".join(words).replace("'", "")):
        if key in _HOLIDAY_NAMES:
            return _HOLIDAY_NAMES[key]
    return _BARE_HOLIDAY_NAMES[" ".join(words).replace("'", "").replace(".", "")]


_BARE_HOLIDAY_NAMES = {n.replace("'", "").replace(".", ""): r for n, r in _HOLIDAY_NAMES.items()}


def _holiday_rule(name: str, region: str) -> HolidayRule | None:
    key = _holiday_key(name)
    return REGIONAL_RULES.get(region, {}).get(key) or HOLIDAY_RULES.get(key)


# read at a holiday's end, not on a copy of the rest of the text (a long article names many)
_NAME_AFTER_HOLIDAY = lazy_regex(r"\s+(?!(?:Day|Eve|Sunday|Monday)\b)[A-Z][a-z]")
_WORD_AFTER_HOLIDAY = lazy_regex(r"\s+[a-z]")


def _holiday(m: re.Match, ctx: _Context) -> Found | None:
    """"Thanksgiving", "last Easter", "mothers day 2014", "labor day of last year"."""
    if not m["year"] and _NAME_AFTER_HOLIDAY.match(m.string, m.end()):
        return None  # "Easter Island", "Independence Party": part of a name
    if not m["day"] and " ".join(m["name"].lower().replace("’", "'").split()).replace("'", "").replace(".", "") \
            in _BARE_NEEDS_DAY:
        return None
    shifted = m["yrel"] or m["sn"] or m["sn2"]
    if not (m["year"] or m["rel"] or shifted) and _WORD_AFTER_HOLIDAY.match(m.string, m.end()) \
            and not _HOLIDAY_PREP.search(m.string, max(0, m.start() - _PREP_WINDOW), m.start()):
        return None  # "Black Friday sales", "Christmas tree": a modifier, not a day
    rule = _holiday_rule(m["name"], ctx.region)
    if rule is None:
        return None  # another region's holiday ("Tax Day" outside the US)
    start = m.start("rel") if m["rel"] else m.start("name")
    if m["year"]:
        return start, m.end(), _day(rule.on(int(m["year"])))
    if ctx.published is None:
        return start, m.end(), None
    published = ctx.published
    if m["yrel"]:
        step = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return start, m.end(), _day(rule.on(published.year + step))
    if shifted:  # "Thanksgiving in 9 months", "tax day two years ago": that holiday in the year it lands in
        n, unit = _count(m["sn"] or m["sn2"]), (m["su"] or m["su2"]).lower().rstrip("s")
        sign = -1 if (m["sdir"] or "").lower() == "ago" else 1
        landed = _add_months(published, sign * n * (12 if unit == "year" else 1))
        return start, m.end(), _day(rule.on(landed.year))
    candidates = [rule.on(y) for y in (published.year - 1, published.year, published.year + 1)]
    rel = (m["rel"] or "").lower()
    if rel == "last":
        day = max(d for d in candidates if d < published)
    elif rel == "next":
        day = min(d for d in candidates if d > published)
    elif rel == "this":  # "will march this MLK Day" the coming one, "marched this MLK Day" the last one
        tense = ctx.tense_at(start, m.end())
        day = rule.on(published.year) if tense is Tense.NONE else _pick(candidates, published, tense) or candidates[1]
    else:
        day = _pick(candidates, published, ctx.tense_at(start, m.end())) or candidates[1]
    return start, m.end(), _day(day)


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _count(raw: str) -> int:
    raw = raw.lower()
    return int(raw) if raw.isdigit() else _SMALL[raw]


def _words_number(text: str) -> int | None:
    """"twenty" 20, "ninety-five" 95, "thirteen" 13: numbers below a hundred in words."""
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if len(words) == 1 and words[0] in _UNIT_WORDS:
        return _UNIT_WORDS[words[0]]
    ones = _UNIT_WORDS.get(words[1], 0) if len(words) == 2 else 0
    if words and words[0] in _TENS_WORDS and (len(words) == 1 or len(words) == 2 and 0 < ones < 10):
        return _TENS_WORDS[words[0]] + (_UNIT_WORDS[words[1]] if len(words) == 2 else 0)
    return None


def _year_words(text: str) -> int | None:
    """"two thousand and twenty" 2020, "nineteen ninety-five" 1995, "twenty twenty" 2020."""
    words = text.lower().split()
    if words[:2] == ["two", "thousand"]:
        rest = " ".join(w for w in words[2:] if w != "and")
        n = _words_number(rest) if rest else 0
        return None if n is None else 2000 + n
    century = {"nineteen": 1900, "eighteen": 1800, "twenty": 2000}.get(re.split(r"[\s-]", text.lower())[0])
    rest = re.split(r"[\s-]", text.lower(), maxsplit=1)[1] if century else ""
    if century is None:
        return None
    if rest == "hundred":
        return century
    n = _words_number(rest)
    return None if n is None or n < 10 else century + n


# --- resolvers: a regex match and the context -> (start, end, span), or None to reject

Found = tuple[int, int, "DateSpan | None"]


def _iso(m: re.Match, ctx: _Context) -> Found | None:
    try:
        return m.start(), m.end(), _day(Date(int(m["year"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return m.start(), m.end(), None


def _two_digit_year(yy: int, published: Date | None) -> int:
    """"74" is 1974 and "16" 2016: a two-digit year no more than ten years after publication."""
    pivot = (published.year if published else datetime.date.today().year) % 100 + 10
    return (2000 if yy <= pivot else 1900) + yy


def _numeric_parts(a: int, b: int) -> DateOrder | None:
    """The order a pair fixes by itself: a part above 12 can only be a day."""
    if a > 12 >= b:
        return DateOrder.DMY
    if b > 12 >= a:
        return DateOrder.MDY
    return None


def _numeric(m: re.Match, ctx: _Context) -> Found | None:
    a, b, c = int(m["a"]), int(m["b"]), m["c"]
    if c is None and m["sep"].strip() != "/":
        return None  # "15-2", "1.5": a score, a decimal
    if c is None and (a, b) == (24, 7) or a == 0 or b == 0 or a > 31 or b > 31 or a > 12 and b > 12:
        return None
    own = _numeric_parts(a, b)
    order = own or ctx.order
    month, day = (a, b) if order is DateOrder.MDY else (b, a)
    ambiguous = own is None and a != b and not ctx.settled
    if c is not None:
        year: int | None = int(c) if len(c) == 4 else _two_digit_year(int(c), ctx.published)
    elif ctx.published is not None:
        found = _day_in_year(month, day, ctx.published, ctx.tense_at(m.start(), m.end()))
        year = found.year if found else None
    else:
        year = None
    if year is None:
        return m.start(), m.end(), None
    try:
        return m.start(), m.end(), DateSpan(Date(year, month, day), Date(year, month, day), "day", ambiguous)
    except ValueError:
        return m.start(), m.end(), None


def _month_of(m: re.Match, ctx: _Context) -> tuple[int, int] | None:
    """(year, month) of a ``_MONTH_REF``: "next month", "the month", "October", "October 2014"."""
    if m["year"]:
        return int(m["year"]), _month_number(m["month"])
    if ctx.published is None:
        return None
    if m["mrel"] or m["mthis"]:
        step = {"next": 1, "coming": 1, "following": 1, "last": -1, "previous": -1}.get((m["mrel"] or "").lower(), 0)
        return _shift_month(ctx.published.year, ctx.published.month, step)
    span = _month_in_year(_month_number(m["month"]), ctx.published, ctx.tense_at(m.start(), m.end()))
    return span.start.year, span.start.month


def _nth_weekday(m: re.Match, ctx: _Context) -> Found | None:
    got = _month_of(m, ctx)
    if got is None:
        return m.start(), m.end(), None
    year, month = got
    nth = _NTH[m["nth"].lower()]
    return m.start(), m.end(), _day(HolidayRule(month, weekday=_weekday_number(m["wd"]), nth=nth).on(year))


def _day_of(m: re.Match, ctx: _Context) -> Found | None:
    if m["month"] and not (m["dayword"] or m["back"] or m["lastday"]):
        return None  # "20th of October": the day-month rules read it
    if m["lastday"] and not m["dayword"]:
        return None  # "the last of October's rain"
    got = _month_of(m, ctx)
    if got is None:
        return m.start(), m.end(), None
    year, month = got
    length = calendar.monthrange(year, month)[1]
    n = int(m["day"]) if m["day"] else 1 if m["lastday"] else _ORDINALS[re.sub(r"[\s-]+", "-", m["dayw"].lower())]
    day = length - n + 1 if (m["back"] or m["lastday"]) else n
    if not 1 <= day <= length:
        return m.start(), m.end(), None
    return m.start(), m.end(), _day(Date(year, month, day))


def _week_of(m: re.Match, ctx: _Context) -> Found | None:
    if m["wyear"]:
        first, last = Date(int(m["wyear"]), 1, 1), Date(int(m["wyear"]), 12, 31)
    else:
        got = _month_of(m, ctx)
        if got is None:
            return m.start(), m.end(), None
        span = _month(*got)
        first, last = span.start, span.end
    monday = first + datetime.timedelta(days=-first.weekday() % 7)
    mondays = []
    while monday + datetime.timedelta(days=6) <= last:
        mondays.append(monday)
        monday += datetime.timedelta(weeks=1)
    nth = _NTH[m["nth"].lower()]
    index = -nth if m["back"] else nth - 1 if nth > 0 else -1
    if m["back"] and nth < 0 or not -len(mondays) <= index < len(mondays):
        return m.start(), m.end(), None
    return m.start(), m.end(), _week(mondays[index])


def _the_week_of(m: re.Match, ctx: _Context) -> Found | None:
    got = _month_day(m, ctx)
    if got is None or got[2] is None:
        return got
    d = got[2].start
    return m.start(), m.end(), _week(_monday(d + datetime.timedelta(days=1 if d.weekday() == 6 else 0)))


def _n_weekdays(m: re.Match, ctx: _Context) -> Found | None:
    """"3 fridays from now": the third Friday after the publication date; "2 thursdays ago" before it."""
    if ctx.published is None:
        return m.start(), m.end(), None
    n, wd, published = _count(m["n"]), _weekday_number(m["wd"]), ctx.published
    if m["dir"].lower() in ("ago", "back"):
        day = published - datetime.timedelta(days=(published.weekday() - wd) % 7 or 7, weeks=n - 1)
    else:
        day = published + datetime.timedelta(days=(wd - published.weekday()) % 7 or 7, weeks=n - 1)
    return m.start(), m.end(), _day(day)


def _month_shift(m: re.Match, ctx: _Context) -> Found | None:
    word = m["month"].rstrip(".")
    if word.islower() and word.lower() in ("may", "march", "mar"):
        return None  # "we may in a year", "march in a year": verbs
    if ctx.published is None:
        return m.start(), m.end(), None
    n = _count(m["sn"] or m["sn2"])
    sign = -1 if (m["sdir"] or "").lower() in ("ago", "earlier") else 1
    landed = _add_months(ctx.published, 12 * sign * n)
    return m.start(), m.end(), _month(landed.year, _month_number(m["month"]))


def _month_after_next(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    month, published = _month_number(m["month"]), ctx.published
    year = published.year if month > published.month else published.year + 1
    return m.start(), m.end(), _month(year + 1, month)


def _on_the(m: re.Match, ctx: _Context) -> Found | None:
    """"on the 15th": that day of the publication month, or of the month before or after it by tense."""
    start = m.start("the")
    if ctx.published is None:
        return start, m.end(), None
    day = int(m["day"]) if m["day"] else _ORDINALS[re.sub(r"[\s-]+", "-", m["dayw"].lower())]
    published = ctx.published
    candidates = []
    for step in (-1, 0, 1):
        year, month = _shift_month(published.year, published.month, step)
        if day <= calendar.monthrange(year, month)[1]:
            candidates.append(Date(year, month, day))
    chosen = _pick(candidates, published, ctx.tense_at(start, m.end()))
    return start, m.end(), _day(chosen) if chosen else None


_WEEKDAY_DAY_MONTHS = 12  # months either side searched for a day of the month that falls on the weekday


def _weekday_day(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    day, wd, published = int(m["day"]), _weekday_number(m["wd"]), ctx.published
    candidates = []
    for step in range(-_WEEKDAY_DAY_MONTHS, _WEEKDAY_DAY_MONTHS + 1):
        year, month = _shift_month(published.year, published.month, step)
        if day <= calendar.monthrange(year, month)[1] and Date(year, month, day).weekday() == wd:
            candidates.append(Date(year, month, day))
    chosen = _pick(candidates, published, ctx.tense_at(m.start(), m.end()))
    return m.start(), m.end(), _day_or_none(chosen)


def _ides(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    return m.start(), m.end(), _day_or_none(_day_in_year(3, 15, ctx.published, ctx.tense_at(m.start(), m.end())))


def _day_or_none(d: Date | None) -> DateSpan | None:
    return _day(d) if d else None


def _anno(m: re.Match, ctx: _Context) -> Found | None:
    year = int(m["year"])
    return (m.start(), m.end(), _years(year, year)) if year >= 1 else None


def _numeric_month(m: re.Match, ctx: _Context) -> Found | None:
    year, month = int(m["year"] or m["year2"]), int(m["m"] or m["m2"])
    if m["m"] and month == (year + 1) % 100:
        return None  # "the 2010-11 season"
    return m.start(), m.end(), _month(year, month)


def _day_month_name(m: re.Match, ctx: _Context) -> Found | None:
    raw = m["year"]
    year = int(raw) if len(raw) == 4 else _two_digit_year(int(raw), ctx.published)
    try:
        return m.start(), m.end(), _day(Date(year, _month_number(m["month"]), int(m["day"])))
    except ValueError:
        return m.start(), m.end(), None


def _year_of(m: re.Match) -> int | None:
    if m["year"] is not None:
        return int(m["year"])
    if "yw" in m.re.groupindex and m["yw"]:
        return _year_words(m["yw"])
    return None


def _month_day(m: re.Match, ctx: _Context) -> Found | None:
    g = m.groupdict()
    month = _month_number(m["month"])
    day = int(m["day"]) if m["day"] else _ORDINALS[re.sub(r"[\s-]+", "-", m["dayw"].lower())]
    last = int(g["day2"]) if g.get("day2") else day
    end = m.end()
    year = _year_of(m)
    if g.get("yw") and year is None:
        end = m.start("yw")
        year = None
        while end > m.start() and not m.string[end - 1].isalnum():
            end -= 1
    if year is None and m["month"].rstrip(".").lower() == "may" and _MODAL_AFTER.match(m.string, end):
        return None
    weekday = g.get("wd") or g.get("wd2")
    if year is None and ctx.published is not None:
        tense = ctx.tense_at(m.start(), end)
        first = _day_on_weekday(month, day, _weekday_number(weekday), ctx.published, tense) if weekday else None
        first = first or _day_in_year(month, day, ctx.published, tense)
        year = first.year if first else None
    span = None
    if year is not None and last >= day:
        try:
            span = DateSpan(Date(year, month, day), Date(year, month, last), "day")
        except ValueError:
            span = None
    return m.start(), end, span


def _month_year(m: re.Match, ctx: _Context) -> Found | None:
    return m.start(), m.end(), _month(int(m["year"]), _month_number(m["month"]))


def _relative_month(m: re.Match, ctx: _Context) -> Found | None:
    start = m.start("rel") if "rel" in m.re.groupindex else m.start("month")
    word = m["month"].rstrip(".")
    if word.lower() in ("may", "march", "mar") and word.islower() and not _MONTH_WORD_AFTER.match(m.string, m.end()):
        return None  # "this may be", "in may seem": a verb
    if ctx.published is None:
        return start, m.end(), None
    published = ctx.published
    month = _month_number(m["month"])
    rel = (m.groupdict().get("rel") or "").lower()
    if rel == "last":
        span = _month(published.year if month < published.month else published.year - 1, month)
    elif rel == "next":
        span = _month(published.year if month > published.month else published.year + 1, month)
    elif rel == "this":
        span = _month(published.year, month)
    else:
        span = _month_in_year(month, published, ctx.tense_at(start, m.end()))
    return start, m.end(), span


_FAR_YEAR = 2100  # a bare number past it is a score or a count ("Bowyer 2290"), unless "in 2290"
_OLD_YEAR = 1500  # a bare number before it is a model or a count ("the GTX 1060"), unless "in 1066"
_YEAR_PREP = lazy_regex(r"(?i)\b(?:in|by|until|till|since|of|from|to|before|after|year)\s+$")


# a table cell that ends on a time of day ("2020-08-01 11:23:00+00 │"): its row is dated already
_TIMED_CELL_BEFORE = lazy_regex(r"\d:\d\d(?::\d\d(?:\.\d+)?)?(?:\s*(?:[+-]\d\d(?::?\d\d)?|Z|UTC))?\s*[│|]\s*$")


def _year(m: re.Match, ctx: _Context) -> Found | None:
    """A bare year; not a figure in a row already dated to the minute ("11:23:00+00 │ 1512 │":
    a count of that minute's entries)."""
    year = int(m["year"])
    before = m.string[max(0, m.start() - _PREP_WINDOW):m.start()]
    if not _YEAR_PREP.search(before) and (not _OLD_YEAR <= year <= _FAR_YEAR or _TIMED_CELL_BEFORE.search(before)):
        return None
    return m.start(), m.end(), _years(year, year)


def _year_in_words(m: re.Match, ctx: _Context) -> Found | None:
    year = _year_words(m["yw"])
    if year is None:
        return None
    return m.start("yw"), m.end(), _years(year, year)


def _decade(m: re.Match, ctx: _Context) -> Found | None:
    if m["dec"]:
        first = int(m["dec"])
    else:
        tens = int(m["dec2"])
        first = (1900 if tens >= 30 else 2000) + tens
    return m.start(), m.end(), _years(first, first + 9)


def _quarter_of(m: re.Match, ctx: _Context) -> Found | None:
    if m["yq"]:  # "2018Q4", "18q4"
        year = int(m["yq"]) if len(m["yq"]) == 4 else _two_digit_year(int(m["yq"]), ctx.published)
        return m.start(), m.end(), _quarter(year, int(m["q2"]))
    q = _QUARTERS[(m["q"] or m["qo"]).lower()]
    if m["year"]:
        return m.start(), m.end(), _quarter(int(m["year"]), q)
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace() or m.string[end - 1] == "-":
        end -= 1
    if ctx.published is None:
        return m.start(), end, None
    return m.start(), end, _quarter(ctx.published.year, q)


# "the next year" opening a clause counts from the story's last date, not from publication
_NARRATIVE_THE = lazy_regex(r"(?:^|[.,;:!?]\s*|\n\s*)(?i:the)\s+$")


def _relative_unit(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    published = ctx.published
    rel = m["rel"].lower().split()[-1]
    if rel == "following" or rel == "next" and _NARRATIVE_THE.search(m.string, max(0, m.start() - _NAME_WINDOW),
                                                                     m.start()):
        return None  # "The next year, the Taliban released...", "the following week": the story's time
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1, "upcoming": 1}.get(rel, 0)
    unit = {"qtr": "quarter", "yr": "year"}.get(m["unit"].lower(), m["unit"].lower())
    return m.start(), m.end(), _unit_from(published, unit, step)


def _day_word(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    word = " ".join(m["word"].lower().split())
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(word, 0)
    return m.start(), m.end(), _day(ctx.published + datetime.timedelta(days=offset))


def _parts(m: re.Match) -> tuple[int, int, str]:
    """(months, days, finest unit) of "1 month 21 days", "two weeks"."""
    months = days = 0
    finest = "year"
    order = ["year", "month", "week", "day"]
    for i in (1, 2):
        if m[f"n{i}"] is None:
            continue
        n, unit = _count(m[f"n{i}"]), m[f"u{i}"].lower().rstrip("s")
        months += {"year": 12 * n, "month": n}.get(unit, 0)
        days += {"week": 7 * n, "day": n}.get(unit, 0)
        finest = max(finest, unit, key=order.index)
    return months, days, finest


def _ago(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    months, days, finest = _parts(m)
    target = _add_months(ctx.published, -months) - datetime.timedelta(days=days)
    return m.start(), m.end(), _distance(target, finest, m["n2"] is not None)


# half of the unit a distance is counted in: "three weeks ago" admits 18 to 24 days back
_DISTANCE_SLACK = {"day": 0, "week": 3, "month": 15, "year": 182}


def _distance(target: Date, finest: str, two_parts: bool) -> DateSpan:
    """"three weeks ago", "in 3 months", "two years ago": the point that far away, stated one unit
    finer than it is counted in (a distance in years names a month, else a day), as the date a
    speaker means; give or take half its unit. "1 month 21 days ago" counts to the day."""
    if finest == "year" and not two_parts:
        return replace(_month(target.year, target.month), slack=_DISTANCE_SLACK["year"])
    return replace(_day(target), slack=0 if two_parts else _DISTANCE_SLACK[finest])


_RATE_WINDOW = 30  # characters before "in a day" that hold the count it is a rate of
_RATE_BEFORE = lazy_regex(r"(?i)(?:\d|\b(?:once|twice|times|many|several|dozen|hundreds?|thousands?))\b[^.;]*$")


def _ahead(m: re.Match, ctx: _Context) -> Found | None:
    """"in three weeks", "4 days from now", "a year from now": the day (a year ahead: the month);
    "within 12 months" the days from publication to then."""
    start = m.end("in") + 1 if m.groupdict().get("in") else m.start()
    while m.string[start].isspace():
        start += 1
    if m["n2"] is None and m["n1"].lower() in ("a", "an", "one") and \
            _RATE_BEFORE.search(m.string, max(0, start - _RATE_WINDOW), start):
        return None  # "50 cigarettes in a day", "twice in a week": a rate
    if ctx.published is None:
        return start, m.end(), None
    months, days, finest = _parts(m)
    target = _add_months(ctx.published, months) + datetime.timedelta(days=days)
    if m.group().lower().endswith("today"):  # "3 years from today" counts to the day
        return start, m.end(), _day(target)
    if (m.groupdict().get("in") or "").lower() == "within":  # "within 12 months": any day up to then
        if ctx.tense_at(m.start("in"), m.end()) is Tense.PAST:
            return None  # "improved within a month": counted from the story's event, not the paper
        return m.start("in"), m.end(), DateSpan(ctx.published, max(ctx.published, target), "day")
    return start, m.end(), _distance(target, finest, m["n2"] is not None)


def _upcoming(m: re.Match, ctx: _Context) -> Found | None:
    """"the upcoming two weeks" / "2 upcoming days": the one unit that many steps ahead."""
    if ctx.published is None:
        return m.start(), m.end(), None
    published, n = ctx.published, _count(m["n"] or m["n2"])
    unit = m["unit"].lower().rstrip("s")
    return m.start(), m.end(), _unit_from(published, unit, n)

_NAME_WINDOW = 30  # characters before a bare weekday that hold the word it may be named with
_CAPITAL_BEFORE = lazy_regex(r"\b[A-Z][\w'’-]*\s+$")
_CAPITAL_AFTER = lazy_regex(r"\s+[A-Z][a-z]")
_MODIFIER_BEFORE = lazy_regex(r"(?i)\b(?:the|a|an|its|their|his|her|our|every|each|end|ends|ending)\s+$")


def _weekday(m: re.Match, ctx: _Context) -> Found | None:
    rel = " ".join((m["rel"] or "").lower().split())
    week = (m["week"] or m["week2"] or m["week3"] or "").lower()
    if not (rel or m["on"] or m["poss"] or m["tod"] or week) and (
            _CAPITAL_BEFORE.search(m.string, max(0, m.start() - _NAME_WINDOW), m.start())
            or _CAPITAL_AFTER.match(m.string, m.end())):
        return None  # a weekday beside a capitalised word is part of a name ("Black Friday", "Super Tuesday")
    if not (rel or week or m["after"]) and _MODIFIER_BEFORE.search(m.string, max(0, m.start() - _NAME_WINDOW),
                                                                    m.start()):
        return None  # "end Saturday publication", "the Sunday paper", "every Friday": not one day
    start = m.start("rel") if rel else m.start("week3") if m["week3"] else m.start("wd")
    end = m.end() if week else m.end("after") if m["after"] else m.end("wd")
    if ctx.published is None:
        return start, end, None
    published = ctx.published
    wd = _weekday_number(m["wd"])
    if m["after"]:  # "Friday after next": the one after the next one
        rel = "next"
    if week:
        step = {"last": -1, "this": 0, "next": 1}[week]
        day = _monday(published) + datetime.timedelta(weeks=step, days=wd)
    elif rel == "next" and not m["after"]:  # "next Saturday": that day of next week, not "this Saturday"
        day = _monday(published) + datetime.timedelta(weeks=1, days=wd)
    elif rel in ("next", "this coming", "coming"):
        day = published + datetime.timedelta(days=(wd - published.weekday()) % 7 or 7)
    elif rel == "this":  # "will meet this Monday" the coming one, "met this Monday" the last; else this week's
        tense = ctx.tense_at(start, end)
        ahead, back = (wd - published.weekday()) % 7, (published.weekday() - wd) % 7
        offset = {Tense.FUTURE: ahead, Tense.PAST: -back}.get(tense, wd - published.weekday())
        day = published + datetime.timedelta(days=offset)
    elif rel in ("last", "this past", "past"):
        day = published - datetime.timedelta(days=(published.weekday() - wd) % 7 or 7)
    elif (tense := ctx.tense_at(start, end)) is Tense.FUTURE:
        # "will be the case again Wednesday night" in a Wednesday paper is that night
        ahead = (wd - published.weekday()) % 7 or (0 if m["tod"] else 7)
        day = published + datetime.timedelta(days=ahead)
    else:  # "launched Tuesday" in a Tuesday paper is that day; without a tense, the nearer one
        back, ahead = (published.weekday() - wd) % 7, (wd - published.weekday()) % 7
        day = published + datetime.timedelta(days=ahead if tense is Tense.NONE and ahead < back else -back)
    if m["after"]:
        day += datetime.timedelta(weeks=1)
    return start, end, _day(day)


def _weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _WEEKDAYS.get(key, _WEEKDAY_ABBR.get(key, -1))


# Order breaks ties between equally long matches at the same place: the more specific first.
_RULES: list[tuple[re.Pattern, Callable[[re.Match, _Context], Found | None]]] = [
    (_ISO, _iso),
    (_YMD, _iso),
    (_COMPACT, _iso),
    (_NUMERIC, _numeric),
    (_SPACED, _numeric),
    (_DMON, _day_month_name),
    (_GLUED, _day_month_name),
    (_YM, _numeric_month),
    (_MDY, _month_day),
    (_DMY, _month_day),
    (_MY, _month_year),
    (_QUARTER, _quarter_of),
    (_NTH_WEEKDAY, _nth_weekday),
    (_DAY_OF, _day_of),
    (_WEEK_OF, _week_of),
    (_THE_WEEK_OF, _the_week_of),
    (_N_WEEKDAYS, _n_weekdays),
    (_MONTH_AFTER_NEXT, _month_after_next),
    (_MONTH_SHIFT, _month_shift),
    (_ON_THE, _on_the),
    (_WEEKDAY_DAY, _weekday_day),
    (_IDES, _ides),
    (_ANNO, _anno),
    (_REL_MONTH, _relative_month),
    (_PREP_MONTH, _relative_month),
    (_DECADE, _decade),
    (_YEAR_RE, _year),
    (_YEAR_IN_WORDS, _year_in_words),
    (_REL_UNIT, _relative_unit),
    (_AGO, _ago),
    (_IN_N, _ahead),
    (_FROM_NOW, _ahead),
    (_UPCOMING, _upcoming),
    (_DAYWORD, _day_word),
    (_WEEKDAY_RE, _weekday),
    (_HOLIDAY, _holiday),
]


# Where each rule's match can start (``numbers.HeadScan``): find_dates tries its pattern only there.
_MONTH_HEADS = heads(_MONTHS, _MONTH_ABBR)
_WEEKDAY_HEADS = heads(_WEEKDAYS, _WEEKDAY_ABBR)
_MOD_HEADS = heads(("early", "late", "mid"))
_NTH_HEADS = heads(_NTH)
_N_HEADS = heads(_SMALL)
_DIGIT_ONLY = Head(digit=True)
_RULE_HEADS: dict[re.Pattern, Head] = {
    _ISO: _DIGIT_ONLY, _YMD: _DIGIT_ONLY, _COMPACT: _DIGIT_ONLY, _NUMERIC: _DIGIT_ONLY, _SPACED: _DIGIT_ONLY,
    _DMON: _DIGIT_ONLY, _GLUED: _DIGIT_ONLY, _YM: _DIGIT_ONLY, _ANNO: _DIGIT_ONLY,
    _MDY: Head(mid=_WEEKDAY_HEADS | _MONTH_HEADS),
    _DMY: Head(word=heads(_ORDINALS), mid=_WEEKDAY_HEADS, digit=True),
    _MY: Head(mid=_MOD_HEADS | _MONTH_HEADS),
    _QUARTER: Head(word=heads(("q", "the", "first", "second", "third", "fourth")), digit=True),
    _NTH_WEEKDAY: Head(word=heads(("the",)) | _NTH_HEADS, digit=True),
    _DAY_OF: Head(word=heads(("the", "last"), _ORDINALS), digit=True),
    _WEEK_OF: Head(word=heads(("the",)) | _NTH_HEADS, digit=True),
    _THE_WEEK_OF: Head(word=heads(("the",))),
    _N_WEEKDAYS: Head(word=_N_HEADS, digit=True),
    _MONTH_AFTER_NEXT: Head(word=_MONTH_HEADS),
    _MONTH_SHIFT: Head(word=_MONTH_HEADS),
    _ON_THE: Head(word=heads(("on",))),
    _WEEKDAY_DAY: Head(word=_WEEKDAY_HEADS),
    _IDES: Head(word=heads(("the", "ides"))),
    _REL_MONTH: Head(word=heads(("last", "next", "this")) | _MOD_HEADS),
    _PREP_MONTH: Head(word=heads(("in", "since", "until", "till", "during", "through", "throughout", "before",
                                    "after", "by"))),
    _DECADE: Head(word=frozenset("'"), mid=_MOD_HEADS, digit=True),
    _YEAR_RE: Head(mid=_MOD_HEADS, digit=True),
    _YEAR_IN_WORDS: Head(word=heads(("in", "by", "until", "till", "to", "since", "of", "from"))),
    _REL_UNIT: Head(word=heads(("last", "this", "next", "current", "the", "coming", "past", "previous",
                                  "following", "upcoming"))),
    _AGO: Head(word=_N_HEADS, digit=True),
    _IN_N: Head(word=heads(("in", "within"))),
    _FROM_NOW: Head(word=_N_HEADS, digit=True),
    _UPCOMING: Head(word=heads(("upcoming",)) | _N_HEADS, digit=True),
    _DAYWORD: Head(word=heads(("the", "yesterday", "today", "tomorrow", "last", "tonight", "this"))),
    _WEEKDAY_RE: Head(word=heads(("on", "last", "next", "this", "coming", "past")) | _WEEKDAY_HEADS),
    _HOLIDAY: Head(word=heads(("last", "next", "this"), _HOLIDAY_NAMES)),
}


# heads the patterns always follow with a space: a word that only begins with one ("about",
# "then", "inside") starts none of their matches
_WHOLE_WORDS = frozenset({"a", "an", "the", "in", "on", "by", "of", "to", "one", "two", "six", "ten"})
_HEADS = HeadScan([_RULE_HEADS[pattern] for pattern, _ in _RULES], _WHOLE_WORDS)


def order_in_text(text: str, starts: list[list[int]] | None = None) -> DateOrder | None:
    """The day/month order the unambiguous numeric dates in ``text`` show ("22/04" DMY, "4/22" MDY),
    or None when they show none or both. ``starts`` is ``_HEADS.starts(text)`` when the caller has it."""
    at = None if starts is None else starts[_NUMERIC_RANK]
    seen = {order for m in matches_at(_NUMERIC, text, at)
            if (order := _numeric_parts(int(m["a"]), int(m["b"]))) is not None and (m["c"] or m["sep"].strip() == "/")}
    return seen.pop() if len(seen) == 1 else None


_NUMERIC_RANK = next(rank for rank, (pattern, _) in enumerate(_RULES) if pattern is _NUMERIC)


def find_dates(text: str, published: Date | None = None, *, date_order: DateOrder | str | None = None,
               tense: Tense | None = None, region: str = "US", _full: bool = False) -> list[DateMatch]:
    """Every date expression in ``text``, in order and non-overlapping (the longest wins).

    A numeric date that does not settle its own order ("4/5") follows an unambiguous one in
    ``text``, else ``date_order``, else it is read month first and flagged ``ambiguous``. ``tense``
    replaces the tense read from each date's sentence for year-less dates; ``region`` (US, CA, GB,
    IE, AU, NZ, IN, ZA, JM, TT, BZ, PH) picks whose holidays are meant. ``_full`` runs every pattern
    over the whole text, without the prefilter (which must give the same dates)."""
    as_ascii = ascii_case(text)
    if as_ascii is not text:
        return [replace(d, text=text[d.start:d.end])
                for d in find_dates(as_ascii, published, date_order=date_order, tense=tense,
                                    region=region, _full=_full)]
    starts = None if _full else _HEADS.starts(text)
    shown = order_in_text(text, starts)
    given = DateOrder(date_order) if date_order is not None else None
    order = shown or given or DateOrder.MDY
    ctx = _Context(published, text, tense, order, (shown or given) is not None, region.upper())
    found: list[tuple[int, int, int, DateSpan | None]] = []
    for rank, (pattern, resolve) in enumerate(_RULES):
        if starts is not None and not starts[rank]:
            continue  # no head of the rule in the text
        for m in matches_at(pattern, text, None if starts is None else starts[rank]):
            try:
                got = resolve(m, ctx)
            except (ValueError, OverflowError):  # a publication date at the edge of the calendar
                got = (m.start(), m.end(), None)
            if got is not None and got[1] > got[0]:
                found.append((got[0], got[1], rank, got[2]))
    found.sort(key=lambda f: (f[0], f[2]))  # equally long at one place: the earlier rule wins
    chosen = [found[i] for i in longest_first([(f[0], f[1]) for f in found])]
    out: list[DateMatch] = []
    for s, e, _, span in chosen:
        read = _offset(text, out[-1].end if out else 0, s, e, span)
        read = _anchored(text, out[-2].end if len(out) > 1 else 0, read, ctx)
        while out and out[-1].end > read.start:  # "the closest Monday to Oct 5": its Monday is no date of its own
            out.pop()
        out.append(read)
    return _lists(text, _ranges(text, out)) if tense is None else _ranges(text, out)


_LIST_GAP = 150  # characters between two dates of a list ("June 9, 2020 in West Palm Beach ... June 14 -- Tampa")
_WRITTEN_YEAR = lazy_regex(r"\d{4}|'\d{2}\b")


def _lists(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """A year-less day soon after a written year or a dated day, later in the year and in a clause
    with no tense, is in that year: the tour dates after "2020 tour:" or "June 9, 2020", not the
    past June 14."""
    out: list[DateMatch] = []
    year: int | None = None  # the year the list is in, while it runs
    for m in found:
        prev = out[-1] if out else None
        span = m.span
        if span is None or prev is None or prev.span is None or m.start - prev.end > _LIST_GAP \
                or "\n\n" in text[prev.end:m.start]:
            year = None
        elif span.precision == "day" and year is not None and not _WRITTEN_YEAR.search(m.text) \
                and (prev.span.precision == "year" or (span.start.month, span.start.day) >= (
                    prev.span.end.month, prev.span.end.day)) \
                and _clause_tense(text, m.start) is Tense.NONE and span.start.year != year \
                and span.start.year == span.end.year:  # a range across a new year would end before it starts
            try:
                span = DateSpan(span.start.replace(year=year), span.end.replace(year=year), "day", span.ambiguous)
            except ValueError:  # 29 February
                pass
            m = DateMatch(m.start, m.end, m.text, span)
        if span is not None and span.precision == "year" and span.start.year == span.end.year \
                and _WRITTEN_YEAR.search(m.text):
            year = span.start.year
        elif span is not None and span.precision == "day":
            year = span.start.year if _WRITTEN_YEAR.search(m.text) or year is not None else None
        else:
            year = None
        out.append(m)
    return out


_RANGE_WORD = r"(?:-|–|—|(?i:to|through|thru|until|till))"
_BETWEEN = lazy_regex(rf"^\s*{_RANGE_WORD}\s*$")
_BETWEEN_AND = lazy_regex(r"^\s+(?i:and)\s+$")
_BETWEEN_BEFORE = lazy_regex(r"(?i)\bbetween\s+$")
# "13 to 15 July": a bare day before a day-month; "July 13 to 15": a bare day after one
_DAY_BEFORE = lazy_regex(rf"(?<![\w.,/-])(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s*{_RANGE_WORD}\s*"
                         r"(?:(?i:the)\s+)?$")
_DAY_AFTER = lazy_regex(rf"\s*{_RANGE_WORD}\s*(?:(?i:the)\s+)?(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
                        r"(?![\w/:%-]|[.,]\d)(?!\s+(?!(?:in|at|on|and|or|for|with|the|when|while|by|of|to|from)\b)[a-z])")
_RANGE_WINDOW = 30  # characters before a day-month that may hold the bare day a range starts on


def _ranges(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Two dates of one precision joined by "to", "through", "-" or "between ... and" are one span
    ("from May 2015 to March 2016", "1990-1995"); so are "13 to 15 July" and "July 13 to 15"."""
    out: list[DateMatch] = []
    for m in found:
        prev = out[-1] if out else None
        if prev is not None and prev.span and m.span and prev.span.precision == m.span.precision \
                and prev.span.start <= m.span.start and (
                    _BETWEEN.match(text[prev.end:m.start]) or _BETWEEN_AND.match(text[prev.end:m.start])
                    and _BETWEEN_BEFORE.search(text, max(0, prev.start - _RANGE_WINDOW), prev.start)):
            out[-1] = DateMatch(prev.start, m.end, text[prev.start:m.end], DateSpan(prev.span.start, m.span.end,
                                                                                   m.span.precision))
            continue
        if m.span and m.span.precision == "day" and m.span.start == m.span.end:
            m = _day_range(text, prev.end if prev else 0, m, m.span.start)
        out.append(m)
    return out


def _day_range(text: str, floor: int, m: DateMatch, d: Date) -> DateMatch:
    before = _DAY_BEFORE.search(text, max(floor, m.start - _RANGE_WINDOW), m.start)
    if before and int(before["d"]) < d.day:
        return DateMatch(before.start(), m.end, text[before.start():m.end],
                         DateSpan(d.replace(day=int(before["d"])), d, "day"))
    after = _DAY_AFTER.match(text, m.end)
    if after and d.day < int(after["d"]) <= calendar.monthrange(d.year, d.month)[1]:
        return DateMatch(m.start, after.end(), text[m.start:after.end()],
                         DateSpan(d, d.replace(day=int(after["d"])), "day"))
    return m


_OFFSET_WINDOW = 30  # characters before a day that hold "three days after", "the day before"
_OFFSET = lazy_regex(rf"(?:\b(?P<n>{_N})\s+(?P<unit>(?i:days?|weeks?))|\b(?P<one>(?i:the\s+day)))\s+"
                     r"(?P<dir>(?i:after|before))\s+$")


def _offset(text: str, floor: int, start: int, end: int, span: DateSpan | None) -> DateMatch:
    """"three days after Easter", "the day before Christmas Eve": the day counted from that day
    (the words before it, back to ``floor``, the end of the date before)."""
    lo = max(floor, start - _OFFSET_WINDOW)
    m = _OFFSET.search(text, lo, start) if span and span.precision == "day" else None
    if m is None or span is None or span.start != span.end:
        return DateMatch(start, end, text[start:end], span)
    n = 1 if m["one"] else _count(m["n"]) * (7 if m["unit"].lower().startswith("week") else 1)
    sign = -1 if m["dir"].lower() == "before" else 1
    try:
        moved: DateSpan | None = _day(span.start + datetime.timedelta(days=sign * n))
    except OverflowError:
        moved = None
    return DateMatch(m.start(), end, text[m.start():end], moved)


def _unit_from(published: datetime.date, unit: str, n: int) -> DateSpan:
    """The whole calendar day, week, month, quarter or year ``n`` units from the one holding ``published``."""
    if unit == "day":
        return _day(published + datetime.timedelta(days=n))
    if unit == "week":
        return _week(_monday(published) + datetime.timedelta(weeks=n))
    if unit == "month":
        return _month(*_shift_month(published.year, published.month, n))
    if unit == "quarter":
        year, month = _shift_month(published.year, published.month, 3 * n)
        return _quarter(year, (month - 1) // 3 + 1)
    return _years(published.year + n, published.year + n)


_ANCHOR_WINDOW = 60  # characters before a day that hold "the third Tuesday after", "the closest Christmas to"
# "the third Tuesday after Christmas 2014", "the Monday before Easter", "the closest Monday to Oct 5th",
# "the Monday nearest to May 24": a weekday counted from the day named after it
_WEEKDAY_FROM = lazy_regex(
    rf"\b(?:(?P<the>(?i:the))\s+)?(?:{_NTH_WORD}\s+)?(?:(?P<near>(?i:closest|nearest))\s+)?{_WEEKDAY}\.?"
    r"(?:\s+(?P<near2>(?i:closest|nearest)))?\s+(?P<dir>(?i:after|before|to))\s+$")
# "the closest Christmas to today", "the 3rd closest xmas to today"
_HOLIDAY_FROM = lazy_regex(
    rf"\b(?i:the)\s+(?:{_NTH_WORD}\s+)?(?i:closest|nearest)\s+(?P<name>(?i:{_HOLIDAY_NAME_ALT}))(?i:\s+day)?"
    r"\s+(?i:to)\s+$")
_CLOSEST_YEARS = 5  # years either side of a day among which "the 3rd closest Christmas" to it is found


def _anchored(text: str, floor: int, m: DateMatch, ctx: _Context) -> DateMatch:
    """A weekday or a holiday counted from the day ``m`` names: the nth one after or before it,
    or the nth closest to it. Without "the" or an ordinal ("met Tuesday after December 5 talks") the
    weekday is left to itself."""
    span = m.span
    if span is None or span.precision != "day" or span.start != span.end:
        return m
    lo = max(floor, m.start - _ANCHOR_WINDOW)
    anchor = span.start
    if w := _WEEKDAY_FROM.search(text, lo, m.start):
        near, direction = bool(w["near"] or w["near2"]), w["dir"].lower()
        nth_word = (w["nth"] or "").lower()
        if near != (direction == "to") or not (w["the"] or nth_word) or nth_word == "last" and direction != "before":
            return m
        n, wd = (_NTH[nth_word] if nth_word and nth_word != "last" else 1), _weekday_number(w["wd"])
        if direction == "after":
            day = anchor + datetime.timedelta(days=(wd - anchor.weekday()) % 7 or 7, weeks=n - 1)
        elif direction == "before":
            day = anchor - datetime.timedelta(days=(anchor.weekday() - wd) % 7 or 7, weeks=n - 1)
        else:
            after = anchor + datetime.timedelta(days=(wd - anchor.weekday()) % 7)
            around = [after + datetime.timedelta(weeks=k) for k in range(-n, n + 1)]
            day = sorted(around, key=lambda d: (abs((d - anchor).days), d))[n - 1]
        return DateMatch(w.start(), m.end, text[w.start():m.end], _day(day))
    if h := _HOLIDAY_FROM.search(text, lo, m.start):
        rule = _holiday_rule(h["name"], ctx.region)
        n = _NTH.get((h["nth"] or "first").lower(), 0)
        if rule is None or n < 1:
            return m
        years = range(anchor.year - _CLOSEST_YEARS, anchor.year + _CLOSEST_YEARS + 1)
        day = sorted((rule.on(y) for y in years), key=lambda d: (abs((d - anchor).days), d))[n - 1]
        return DateMatch(h.start(), m.end, text[h.start():m.end], _day(day))
    return m
