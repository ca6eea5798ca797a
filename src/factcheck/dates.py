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
  of Wednesday 2017-02-08 is 2017-01-30/2017-02-05); "next Saturday" is the first after it,
  "in three weeks" / "4 days from now" count from it, "the day before yesterday" is two days back,
  "1 month 21 days ago" adds both parts, "Friday next week" is that day of next week.
- A date with no year (a month-day, a month, "on Saturday") follows the tense of its sentence:
  past ("He was arrested in April", "took place on 1st Jan.") is the latest one not after
  ``published``; future ("will meet", "is due", "next") the first one not before it; with no tense
  the nearest (ties go to the past). ``Tense`` can be given to override the sentence.
- Numeric dates: "2015/08/12", "20161016" and a part above 12 ("22/04", "4/22") fix the order.
  Otherwise an unambiguous numeric date elsewhere in the same text settles it, else ``date_order``
  (default MDY, US English; the claims file's ``article.date_order`` is meant to set it), and the
  span is flagged ``ambiguous``.
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
from dataclasses import dataclass

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
from .numbers import longest_first

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
    the expectation is coarser (article a day, expect a month), what the article says lies in it."""
    if stated.start <= expected.start and expected.end <= stated.end:
        return True
    overlap = stated.start <= expected.end and expected.start <= stated.end
    return overlap and (expected.end - expected.start) >= (stated.end - stated.start)


# --- tense -----------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z\"'(]|\s*$)|\n\s*\n")
_FUTURE = re.compile(r"(?i)\b(?:will|shall|'ll|is\s+(?:due|set|expected|scheduled|to)|are\s+(?:due|set|expected|"
                     r"scheduled|to)|going\s+to|plans?\s+to|planned|scheduled|upcoming|coming|next|due\s+to|"
                     r"would\s+(?:be|take)|to\s+be\s+held)\b")
_PAST = re.compile(r"(?i)\b(?:was|were|had|did|said|ago|last|took|met|came|went|began|began|made|held|"
                   r"left|told|won|lost|saw|gave|fell|rose|became|[a-z]{2,}ed)\b")
_TENSE_WINDOW = 200  # characters either side of a date that may hold its sentence


def _tense(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence around ``text[start:end]``: a future marker wins over a past one."""
    lo = max(0, start - _TENSE_WINDOW)
    before = text[lo:start]
    cuts = list(_SENTENCE_END.finditer(before))
    first = lo + cuts[-1].end() if cuts else lo
    after = _SENTENCE_END.search(text, end, min(len(text), end + _TENSE_WINDOW))
    last = after.start() if after else min(len(text), end + _TENSE_WINDOW)
    sentence = text[first:start] + " " + text[end:last]
    if _FUTURE.search(sentence):
        return Tense.FUTURE
    if _PAST.search(sentence):
        return Tense.PAST
    return Tense.NONE


@dataclass(frozen=True)
class _Context:
    published: Date | None
    text: str
    tense: Tense | None  # None: read from each date's sentence
    order: DateOrder  # for numeric dates the text does not settle
    settled: bool  # whether ``order`` comes from an unambiguous date in the text

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
_WEEKDAY = rf"(?P<wd>(?i:{_alts(_WEEKDAYS)})(?![A-Za-z]))"
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
_STANDALONE = r"(?<![\w$€£#])(?<![A-Za-z]-)(?<!\d[.,])"
_SCALE_AFTER = r"(?!\s*(?i:million|billion|thousand|trillion|bn)\b)"
# "20 May be..." reads "May" as a modal; a day-month without a year followed by these is not a date
_MODAL_AFTER = re.compile(r"\s+(?:be|have|not|also|well|still|never|only|even|already|soon|yet|need|"
                          r"want|seem|become|prove|face|lead|help|block|allow|cause|take|make)\b")

# a lower-case "may" or "march" is a month only when no lower-case word follows it (but these)
_MONTH_WORD_AFTER = re.compile(r"\s*(?:$|[^\sa-z]|(?:of|and|or|last|this|next|when|while|after|before|until|in|on|"
                               r"at|to|for|with|the|a|as|that)\b)")

_ISO = re.compile(r"(?<![\w.-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\w|-\d)")
_YMD = re.compile(r"(?<![\w./-])(?P<year>[12]\d{3})(?P<sep>[/.])(?P<m>0?[1-9]|1[0-2])(?P=sep)"
                  r"(?P<d>0?[1-9]|[12]\d|3[01])(?![\w/]|[.-]\d)")
_COMPACT = re.compile(r"(?<![\w.,-])(?P<year>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
                      r"(?!\w|[.,]\d)")
_NUMERIC = re.compile(r"(?<![\w./,:-])(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?:(?P=sep)(?P<c>\d{4}|\d{2}))?"
                      r"(?![\w/:%]|[.,-]\d)")
_MDY = re.compile(_LEAD_WEEKDAY + _MONTH + r"\s+(?:(?i:the)\s+)?" + _DAY + _DAY2 + _YEAR_AFTER)
_DMY = re.compile(_LEAD_WEEKDAY + _DAY + _DAY2 + r"(?:\.?\s+(?i:of)\s+|\.?\s*-\s*|\.?\s+)" + _MONTH + _YEAR_AFTER)
_MY = re.compile(rf"(?:{_MOD})?{_MONTH}(?:,?\s+|\s+(?i:of|in)\s+|\s*-\s*){_YEAR}")
_REL_MONTH = re.compile(rf"\b(?P<rel>(?i:last|next|this|early|late|mid))[\s-]+{_MONTH_FULL}(?!\s*\d)(?!')")
_PREP_MONTH = re.compile(
    rf"\b(?i:in|since|until|till|during|through|throughout|before|after|by)\s+{_MONTH_FULL}(?!\s*\d)(?![-'])")
_YEAR_RE = re.compile(rf"(?:{_MOD}|{_STANDALONE}){_YEAR}{_SCALE_AFTER}")
_YEAR_IN_WORDS = re.compile(rf"\b(?i:in|by|until|till|to|since|of|from)\s+{_YEAR_WORDS}\b")
_DECADE = re.compile(rf"(?:{_MOD}|{_STANDALONE})(?:(?P<dec>[12]\d{{2}}0)|'(?P<dec2>\d0))s\b")
_REL_UNIT = re.compile(r"\b(?P<rel>(?i:last|this|next|current|the\s+coming|the\s+past|the\s+previous|"
                       r"the\s+following))\s+(?P<unit>(?i:week|month|quarter|year|yr))\b")
_DAYWORD = re.compile(r"\b(?P<word>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
                      r"tomorrow|last\s+night|tonight|this\s+(?:morning|afternoon|evening)))\b")
_N = rf"(?:(?i:{'|'.join(_SMALL)})|\d{{1,3}})"


def _part(i: int) -> str:
    return rf"(?P<n{i}>{_N})\s+(?P<u{i}>(?i:days?|weeks?|months?|years?))"


_PARTS = _part(1) + rf"(?:,?\s+(?:(?i:and)\s+)?{_part(2)})?"
_AGO = re.compile(rf"\b{_PARTS}\s+(?i:ago|earlier|before)\b(?!\s+(?i:that|the|this|then))")
_IN_N = re.compile(rf"\b(?P<in>(?i:in|within))\s+{_PARTS}\b(?!\s+(?i:ago|time\s+of|of|old|in))")
_FROM_NOW = re.compile(rf"\b{_PARTS}\s+(?i:from\s+(?:now|today)|hence)\b")
_UPCOMING = re.compile(rf"(?i)\b(?:upcoming\s+(?P<n>{_N})|(?P<n2>{_N})\s+upcoming)\s+"
                       r"(?P<unit>days?|weeks?|months?|quarters?|years?)\b")
_WEEKDAY_RE = re.compile(
    rf"(?:\b(?P<on>(?i:on))\s+|\b(?P<rel>(?i:last|next|this(?:\s+past|\s+coming)?|coming|past))\s+)?{_WEEKDAY}"
    r"(?P<poss>'s)?(?P<tod>\s+(?:morning|afternoon|evening|night)\b)?"
    r"(?:\s+(?P<week>(?i:next|last|this))\s+(?i:week)\b|\s+(?i:of)\s+(?P<week2>(?i:next|last|this))\s+(?i:week)\b)?")
_QUARTER = re.compile(
    r"(?i)\b(?:Q(?P<q>[1-4])|(?:the\s+)?(?P<qo>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:quarter|qtr))"
    r"(?:\s+(?:of\s+)?|\s*-?\s*)(?P<year>[12]\d{3})?(?![\w])")
_QUARTERS = {"1": 1, "2": 2, "3": 3, "4": 4, "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1,
             "2nd": 2, "3rd": 3, "4th": 4}




@dataclass(frozen=True)
class HolidayRule:
    """A holiday's date in a year: a fixed day, the nth weekday of a month (n = -1: the last), or
    ``easter`` days after Easter Sunday; ``after`` days are added to the first two (Black Friday)."""
    month: int = 0
    day: int = 0
    weekday: int = -1
    nth: int = 0
    easter: int | None = None
    after: int = 0

    def on(self, year: int) -> Date:
        if self.easter is not None:
            return _easter(year) + datetime.timedelta(days=self.easter)
        if self.weekday < 0:
            return Date(year, self.month, self.day)
        if self.nth > 0:
            first = Date(year, self.month, 1)
            day = first + datetime.timedelta(days=(self.weekday - first.weekday()) % 7 + 7 * (self.nth - 1))
        else:
            last = Date(year, self.month, calendar.monthrange(year, self.month)[1])
            day = last - datetime.timedelta(days=(last.weekday() - self.weekday) % 7)
        return day + datetime.timedelta(days=self.after)


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


_MON, _THU, _FRI, _SUN = 0, 3, 4, 6
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
}


def _holiday_alt(name: str) -> str:
    return r"\s+".join(re.escape(w).replace("'", "['’]?").replace(r"\.", r"\.?") for w in name.split())


_HOLIDAY = re.compile(
    r"(?i)\b(?:(?P<rel>last|next|this)\s+)?(?P<name>"
    + "|".join(_holiday_alt(n) for n in sorted(HOLIDAY_NAMES, key=len, reverse=True))
    + r")(?:\s+day)?(?![\w'’])"
    + rf"(?:(?:,?\s+|\s+(?:in|of)\s+){_YEAR}|\s+of\s+(?P<yrel>last|next|this)\s+year\b)?")

_PREP_WINDOW = 20  # characters before a holiday that hold "on the", "until": a bounded look keeps it linear
_HOLIDAY_PREP = re.compile(r"(?i)\b(?:on|by|at|until|till|since|before|after|over|for|from|through|of)\s+(?:the\s+)?$")


def _holiday_key(name: str) -> str:
    words = name.lower().replace("’", "'").split()
    for key in (" ".join(words), " ".join(w if w.endswith(("'", "'s", ".")) else w + "'s" for w in words),
                " ".join(words).replace("'", "")):
        if key in HOLIDAY_NAMES:
            return HOLIDAY_NAMES[key]
    bare = {n.replace("'", "").replace(".", ""): r for n, r in HOLIDAY_NAMES.items()}
    return bare[" ".join(words).replace("'", "").replace(".", "")]


def _holiday(m: re.Match, ctx: _Context) -> Found | None:
    """"Thanksgiving", "last Easter", "mothers day 2014", "labor day of last year"."""
    if re.match(r"\s+(?!(?:Day|Eve|Sunday|Monday)\b)[A-Z][a-z]", m.string[m.end():]) and not m["year"]:
        return None  # "Easter Island", "Independence Party": part of a name
    if not (m["year"] or m["rel"] or m["yrel"]) and re.match(r"\s+[a-z]", m.string[m.end():]) \
            and not _HOLIDAY_PREP.search(m.string, max(0, m.start() - _PREP_WINDOW), m.start()):
        return None  # "Black Friday sales", "Christmas tree": a modifier, not a day
    rule = HOLIDAY_RULES[_holiday_key(m["name"])]
    start = m.start("rel") if m["rel"] else m.start("name")
    if m["year"]:
        return start, m.end(), _day(rule.on(int(m["year"])))
    if ctx.published is None:
        return start, m.end(), None
    published = ctx.published
    if m["yrel"]:
        step = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return start, m.end(), _day(rule.on(published.year + step))
    candidates = [rule.on(y) for y in (published.year - 1, published.year, published.year + 1)]
    rel = (m["rel"] or "").lower()
    if rel == "last":
        day = max(d for d in candidates if d < published)
    elif rel == "next":
        day = min(d for d in candidates if d > published)
    elif rel == "this":
        day = rule.on(published.year)
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
    if c is None and m["sep"] != "/":
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


def _year_of(m: re.Match) -> int | None:
    if m["year"] is not None:
        return int(m["year"])
    if "yw" in m.re.groupindex and m["yw"]:
        return _year_words(m["yw"])
    return None


def _month_day(m: re.Match, ctx: _Context) -> Found | None:
    month = _month_number(m["month"])
    day = int(m["day"]) if m["day"] else _ORDINALS[re.sub(r"[\s-]+", "-", m["dayw"].lower())]
    last = int(m["day2"]) if m["day2"] else day
    end = m.end()
    year = _year_of(m)
    if m["yw"] and year is None:
        end = m.start("yw")
        year = None
        while end > m.start() and not m.string[end - 1].isalnum():
            end -= 1
    if year is None and m["month"].rstrip(".").lower() == "may" and _MODAL_AFTER.match(m.string, end):
        return None
    if year is None and ctx.published is not None:
        first = _day_in_year(month, day, ctx.published, ctx.tense_at(m.start(), end))
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


def _year(m: re.Match, ctx: _Context) -> Found | None:
    year = int(m["year"])
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
    q = _QUARTERS[(m["q"] or m["qo"]).lower()]
    if m["year"]:
        return m.start(), m.end(), _quarter(int(m["year"]), q)
    end = m.end()
    while end > m.start() and m.string[end - 1].isspace() or m.string[end - 1] == "-":
        end -= 1
    if ctx.published is None:
        return m.start(), end, None
    return m.start(), end, _quarter(ctx.published.year, q)


def _relative_unit(m: re.Match, ctx: _Context) -> Found | None:
    if ctx.published is None:
        return m.start(), m.end(), None
    published = ctx.published
    rel = " ".join(m["rel"].lower().split())
    step = {"last": -1, "the past": -1, "the previous": -1, "next": 1, "the coming": 1,
            "the following": 1}.get(rel, 0)
    unit = m["unit"].lower()
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
    published = ctx.published
    months, days, finest = _parts(m)
    target = _add_months(published, -months) - datetime.timedelta(days=days)
    if m["n2"] is not None or finest == "day":
        span = _day(target)
    elif finest == "week":
        span = _week(_monday(target))
    elif finest == "month":
        span = _month(target.year, target.month)
    else:
        span = _years(target.year, target.year)
    return m.start(), m.end(), span


def _ahead(m: re.Match, ctx: _Context) -> Found | None:
    """"in three weeks", "4 days from now", "a year from now": the day (a year ahead: the month)."""
    start = m.end("in") + 1 if m.groupdict().get("in") else m.start()
    while m.string[start].isspace():
        start += 1
    if ctx.published is None:
        return start, m.end(), None
    months, days, finest = _parts(m)
    target = _add_months(ctx.published, months) + datetime.timedelta(days=days)
    span = _month(target.year, target.month) if finest == "year" and m["n2"] is None else _day(target)
    return start, m.end(), span


def _upcoming(m: re.Match, ctx: _Context) -> Found | None:
    """"the upcoming two weeks" / "2 upcoming days": the one unit that many steps ahead."""
    if ctx.published is None:
        return m.start(), m.end(), None
    published, n = ctx.published, _count(m["n"] or m["n2"])
    unit = m["unit"].lower().rstrip("s")
    return m.start(), m.end(), _unit_from(published, unit, n)

_NAME_WINDOW = 30  # characters before a bare weekday that hold the word it may be named with
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'’-]*\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][a-z]")


def _weekday(m: re.Match, ctx: _Context) -> Found | None:
    rel = " ".join((m["rel"] or "").lower().split())
    week = (m["week"] or m["week2"] or "").lower()
    if not (rel or m["on"] or m["poss"] or m["tod"] or week) and (
            _CAPITAL_BEFORE.search(m.string, max(0, m.start() - _NAME_WINDOW), m.start())
            or _CAPITAL_AFTER.match(m.string, m.end())):
        return None  # a weekday beside a capitalised word is part of a name ("Black Friday", "Super Tuesday")
    start = m.start("rel") if rel else m.start("wd")
    end = m.end() if week else m.end("wd")
    if ctx.published is None:
        return start, end, None
    published = ctx.published
    wd = _WEEKDAYS[m["wd"].lower()]
    if week:
        step = {"last": -1, "this": 0, "next": 1}[week]
        day = _monday(published) + datetime.timedelta(weeks=step, days=wd)
    elif rel in ("next", "this coming", "coming"):
        day = published + datetime.timedelta(days=(wd - published.weekday()) % 7 or 7)
    elif rel == "this":
        day = published + datetime.timedelta(days=wd - published.weekday())
    elif rel in ("last", "this past", "past"):
        day = published - datetime.timedelta(days=(published.weekday() - wd) % 7 or 7)
    elif ctx.tense_at(start, end) is Tense.FUTURE:
        day = published + datetime.timedelta(days=(wd - published.weekday()) % 7 or 7)
    else:
        day = published - datetime.timedelta(days=(published.weekday() - wd) % 7 or 7)
    return start, end, _day(day)


# Order breaks ties between equally long matches at the same place: the more specific first.
_RULES: list[tuple[re.Pattern, Callable[[re.Match, _Context], Found | None]]] = [
    (_ISO, _iso),
    (_YMD, _iso),
    (_COMPACT, _iso),
    (_NUMERIC, _numeric),
    (_MDY, _month_day),
    (_DMY, _month_day),
    (_MY, _month_year),
    (_QUARTER, _quarter_of),
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


def _order_in(text: str, default: DateOrder) -> tuple[DateOrder, bool]:
    """The day/month order an unambiguous numeric date in ``text`` shows, else ``default``."""
    seen = {order for m in _NUMERIC.finditer(text)
            if (order := _numeric_parts(int(m["a"]), int(m["b"]))) is not None and (m["c"] or m["sep"] == "/")}
    if len(seen) == 1:
        return seen.pop(), True
    return default, False


def find_dates(text: str, published: Date | None = None, *, date_order: DateOrder | str = DateOrder.MDY,
               tense: Tense | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order and non-overlapping (the longest wins).

    ``date_order`` reads numeric dates that neither they nor the text settle ("4/5"); ``tense``
    replaces the tense read from each date's sentence for year-less dates."""
    order, settled = _order_in(text, DateOrder(date_order))
    ctx = _Context(published, text, tense, order, settled)
    found: list[tuple[int, int, int, DateSpan | None]] = []
    for rank, (pattern, resolve) in enumerate(_RULES):
        for m in pattern.finditer(text):
            try:
                got = resolve(m, ctx)
            except (ValueError, OverflowError):  # a publication date at the edge of the calendar
                got = (m.start(), m.end(), None)
            if got is not None and got[1] > got[0]:
                found.append((got[0], got[1], rank, got[2]))
    found.sort(key=lambda f: (f[0], f[2]))  # equally long at one place: the earlier rule wins
    chosen = [found[i] for i in longest_first([(f[0], f[1]) for f in found])]
    return [DateMatch(s, e, text[s:e], span) for s, e, _, span in chosen]


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
