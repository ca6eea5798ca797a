"""Date expressions in an article, resolved against its publication date.

An article says "February 4", "last December" or "in 2013"; the claims file says what it should
be ("2017-02-04", "2016-12", 2013). Both become a ``DateSpan``: an inclusive range of days and the
precision it was stated at, so that a coarse statement ("in 2013") is judged at its own precision.

Conventions:
- A match covers the date expression itself. Words that change its meaning are inside it
  ("last December", "early 2017", "Saturday, February 4", "4 Feb."); prepositions that only
  announce it are not ("in 2013" -> "2013", "on Saturday" -> "Saturday").
- Relative expressions need ``published``: weeks run Monday to Sunday ("last week" in an article
  of Wednesday 2017-02-08 is 2017-01-30/2017-02-05); a weekday ("on Saturday", "last Saturday")
  is the most recent such day before publication, "next Saturday" the first after it.
- A month-day or month with no year takes the year that puts it nearest to ``published``
  (ties go to the past): in an article of 2017-02-08 "December 4" is 2016-12-04.
- "early/late/mid 2017" keep year precision; "the 1990s" is a ten-year span at year precision.
- Month names must be capitalised and need a day, a year or a word that makes them a date
  ("last", "in", "early"...), so "Iran may block" and "the March" are not dates. A year is a
  standalone 4-digit token 1000-2999: not part of "2,013", "S-3000", "2013%" or "$2013".
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS, SMALL_NUMBERS, WEEKDAY_NUMBERS
from .numbers import longest_first

PRECISIONS = ("day", "week", "month", "year")

Date = datetime.date


@dataclass(frozen=True)
class DateSpan:
    start: Date
    end: Date  # inclusive
    precision: str  # "day" | "week" | "month" | "year"

    def __str__(self) -> str:
        if self.precision == "year":
            first, last = f"{self.start.year:04d}", f"{self.end.year:04d}"
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


def _years(first: int, last: int) -> DateSpan:
    return DateSpan(Date(first, 1, 1), Date(last, 12, 31), "year")


def _week(monday: Date) -> DateSpan:
    return DateSpan(monday, monday + datetime.timedelta(days=6), "week")


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# --- the claims file's `expect` --------------------------------------------------------------

_EXPECT_FORMS = "an ISO date (2017-02-04), a year-month (2016-12) or a year (2013)"


def parse_expect(value: str | int | Date) -> DateSpan:
    """A claim's ``expect``; YAML may hand over an int (2013) or a date (2017-02-04)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, Date):
        return _day(value)
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"date expect must be {_EXPECT_FORMS}, not {type(value).__name__} {value!r}")
    text = str(value).strip()
    try:
        if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
            return _day(Date(int(m[1]), int(m[2]), int(m[3])))
        if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
            return _month(int(m[1]), int(m[2]))
        if re.fullmatch(r"\d{4}", text) and int(text) >= 1:
            return _years(int(text), int(text))
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


# --- patterns --------------------------------------------------------------------------------

_MONTHS = MONTH_NUMBERS
_MONTH_ABBR = MONTH_ABBREVIATIONS
_WEEKDAYS = WEEKDAY_NUMBERS
_SMALL = {"a": 1, "an": 1, **{w: n for w, n in SMALL_NUMBERS.items() if 1 <= n <= 12}}


def _cap(word: str) -> str:
    """Capitalised first letter, any case after it: "December", "DECEMBER", not "december"."""
    return word[0].upper() + "(?i:" + word[1:] + ")"


def _alts(words) -> str:
    return "|".join(_cap(w) for w in sorted(words, key=len, reverse=True))


_FULL = _alts(_MONTHS)
_MONTH = rf"(?P<month>(?:{_FULL})(?:\.(?=\s*\d))?(?![A-Za-z])|(?:{_alts(_MONTH_ABBR)})(?:\.|(?![A-Za-z])))"
_MONTH_FULL = rf"(?P<month>(?:{_FULL})(?![A-Za-z]))"
_WEEKDAY = rf"(?P<wd>(?:{_alts(_WEEKDAYS)})(?![A-Za-z]))"
_NUMBER_AFTER = r"(?![.,]\d)(?!\s*(?:%|(?i:percent|per\s+cent)\b))"
_DAY = rf"(?<![\w.,$])(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w){_NUMBER_AFTER}"
_DAY2 = r"(?:\s*-\s*(?P<day2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![.,]\d))?"
_YEAR = rf"(?P<year>[12]\d{{3}})(?!\w)(?!%){_NUMBER_AFTER}"
_YEAR_AFTER = rf"(?:,?\s+{_YEAR})?"
_LEAD_WEEKDAY = rf"(?:{_WEEKDAY},?\s+)?"
_MOD = r"(?P<mod>(?i:early|late|mid))[\s-]+"
_STANDALONE = r"(?<![\w$€£#])(?<![A-Za-z]-)(?<!\d[.,])"
_SCALE_AFTER = r"(?!\s*(?i:million|billion|thousand|trillion|bn)\b)"
# "20 May be..." reads "May" as a modal; a day-month without a year followed by these is not a date
_MODAL_AFTER = re.compile(r"\s+(?:be|have|not|also|well|still|never|only|even|already|soon|yet|need|"
                          r"want|seem|become|prove|face|lead|help|block|allow|cause|take|make)\b")

_ISO = re.compile(r"(?<![\w.-])(?P<year>[12]\d{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\w|-\d)")
_MDY = re.compile(_LEAD_WEEKDAY + _MONTH + r"\s+" + _DAY + _DAY2 + _YEAR_AFTER)
_DMY = re.compile(_LEAD_WEEKDAY + _DAY + _DAY2 + r"(?:\s+of)?\s+" + _MONTH + _YEAR_AFTER)
_MY = re.compile(rf"(?:{_MOD})?{_MONTH}(?:,?\s+|\s+of\s+){_YEAR}")
_REL_MONTH = re.compile(rf"\b(?P<rel>(?i:last|next|this|early|late|mid))[\s-]+{_MONTH_FULL}(?!\s*\d)(?!')")
_PREP_MONTH = re.compile(
    rf"\b(?i:in|since|until|till|during|through|throughout|before|after)\s+{_MONTH_FULL}(?!\s*\d)(?![-'])")
_YEAR_RE = re.compile(rf"(?:{_MOD}|{_STANDALONE}){_YEAR}{_SCALE_AFTER}")
_DECADE = re.compile(rf"(?:{_MOD}|{_STANDALONE})(?:(?P<dec>[12]\d{{2}}0)|'(?P<dec2>\d0))s\b")
_REL_UNIT = re.compile(r"\b(?P<rel>(?i:last|this|next))\s+(?P<unit>(?i:week|month|year))\b")
_DAYWORD = re.compile(r"\b(?P<word>(?i:yesterday|today|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)))\b")
_AGO = re.compile(rf"\b(?P<n>(?i:{'|'.join(_SMALL)})|\d{{1,3}})\s+"
                  r"(?P<unit>(?i:days?|weeks?|months?|years?))\s+(?i:ago)\b")
_WEEKDAY_RE = re.compile(
    rf"(?:\b(?P<on>(?i:on))\s+|\b(?P<rel>(?i:last|next|this))\s+)?{_WEEKDAY}"
    r"(?P<poss>'s)?(?P<tod>\s+(?:morning|afternoon|evening|night)\b)?")


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return _MONTHS.get(key) or _MONTH_ABBR[key]


def _nearest_day(month: int, day: int, published: Date) -> Date | None:
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(Date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: (abs((d - published).days), d), default=None)


def _nearest_month(month: int, published: Date) -> DateSpan:
    here = published.year * 12 + published.month
    year = min((published.year - 1, published.year, published.year + 1),
               key=lambda y: (abs(y * 12 + month - here), y))
    return _month(year, month)


# --- resolvers: a regex match and the publication date -> (start, end, span), or None to reject

Found = tuple[int, int, "DateSpan | None"]


def _iso(m: re.Match, published: Date | None) -> Found | None:
    try:
        return m.start(), m.end(), _day(Date(int(m["year"]), int(m["m"]), int(m["d"])))
    except ValueError:
        return m.start(), m.end(), None


def _month_day(m: re.Match, published: Date | None) -> Found | None:
    month, day = _month_number(m["month"]), int(m["day"])
    last = int(m["day2"]) if m["day2"] else day
    if m["year"] is None and m["month"].rstrip(".").lower() == "may" and _MODAL_AFTER.match(m.string, m.end()):
        return None
    if m["year"] is not None:
        year = int(m["year"])
    elif published is not None:
        first = _nearest_day(month, day, published)
        year = first.year if first else None
    else:
        year = None
    span = None
    if year is not None and last >= day:
        try:
            span = DateSpan(Date(year, month, day), Date(year, month, last), "day")
        except ValueError:
            span = None
    return m.start(), m.end(), span


def _month_year(m: re.Match, published: Date | None) -> Found | None:
    return m.start(), m.end(), _month(int(m["year"]), _month_number(m["month"]))


def _relative_month(m: re.Match, published: Date | None) -> Found | None:
    start = m.start("rel") if "rel" in m.re.groupindex else m.start("month")
    if published is None:
        return start, m.end(), None
    month = _month_number(m["month"])
    rel = (m.groupdict().get("rel") or "").lower()
    if rel == "last":
        span = _month(published.year if month < published.month else published.year - 1, month)
    elif rel == "next":
        span = _month(published.year if month > published.month else published.year + 1, month)
    elif rel == "this":
        span = _month(published.year, month)
    else:
        span = _nearest_month(month, published)
    return start, m.end(), span


def _year(m: re.Match, published: Date | None) -> Found | None:
    year = int(m["year"])
    return m.start(), m.end(), _years(year, year)


def _decade(m: re.Match, published: Date | None) -> Found | None:
    if m["dec"]:
        first = int(m["dec"])
    else:
        tens = int(m["dec2"])
        first = (1900 if tens >= 30 else 2000) + tens
    return m.start(), m.end(), _years(first, first + 9)


def _relative_unit(m: re.Match, published: Date | None) -> Found | None:
    if published is None:
        return m.start(), m.end(), None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    unit = m["unit"].lower()
    if unit == "week":
        monday = published - datetime.timedelta(days=published.weekday())
        span = _week(monday + datetime.timedelta(weeks=step))
    elif unit == "month":
        span = _month(*_shift_month(published.year, published.month, step))
    else:
        span = _years(published.year + step, published.year + step)
    return m.start(), m.end(), span


def _day_word(m: re.Match, published: Date | None) -> Found | None:
    if published is None:
        return m.start(), m.end(), None
    word = m["word"].lower()
    offset = -1 if word in ("yesterday",) or word.startswith("last") else 1 if word == "tomorrow" else 0
    return m.start(), m.end(), _day(published + datetime.timedelta(days=offset))


def _ago(m: re.Match, published: Date | None) -> Found | None:
    if published is None:
        return m.start(), m.end(), None
    raw = m["n"].lower()
    n = int(raw) if raw.isdigit() else _SMALL[raw]
    unit = m["unit"].lower().rstrip("s")
    if unit == "day":
        span = _day(published - datetime.timedelta(days=n))
    elif unit == "week":
        monday = published - datetime.timedelta(days=published.weekday())
        span = _week(monday - datetime.timedelta(weeks=n))
    elif unit == "month":
        span = _month(*_shift_month(published.year, published.month, -n))
    else:
        span = _years(published.year - n, published.year - n)
    return m.start(), m.end(), span


def _weekday(m: re.Match, published: Date | None) -> Found | None:
    rel = (m["rel"] or "").lower()
    if not (rel or m["on"] or m["poss"] or m["tod"]):
        return None  # a bare weekday name is too often part of a name ("Black Friday")
    start = m.start("rel") if rel else m.start("wd")
    if published is None:
        return start, m.end("wd"), None
    wd = _WEEKDAYS[m["wd"].lower()]
    if rel == "next":
        day = published + datetime.timedelta(days=(wd - published.weekday()) % 7 or 7)
    elif rel == "this":
        day = published + datetime.timedelta(days=wd - published.weekday())
    else:
        day = published - datetime.timedelta(days=(published.weekday() - wd) % 7 or 7)
    return start, m.end("wd"), _day(day)


# Order breaks ties between equally long matches at the same place: the more specific first.
_RULES: list[tuple[re.Pattern, Callable[[re.Match, Date | None], Found | None]]] = [
    (_ISO, _iso),
    (_MDY, _month_day),
    (_DMY, _month_day),
    (_MY, _month_year),
    (_REL_MONTH, _relative_month),
    (_PREP_MONTH, _relative_month),
    (_DECADE, _decade),
    (_YEAR_RE, _year),
    (_REL_UNIT, _relative_unit),
    (_AGO, _ago),
    (_DAYWORD, _day_word),
    (_WEEKDAY_RE, _weekday),
]


def find_dates(text: str, published: Date | None = None) -> list[DateMatch]:
    """Every date expression in ``text``, in order and non-overlapping (the longest wins)."""
    found: list[tuple[int, int, int, DateSpan | None]] = []
    for rank, (pattern, resolve) in enumerate(_RULES):
        for m in pattern.finditer(text):
            try:
                got = resolve(m, published)
            except (ValueError, OverflowError):  # a publication date at the edge of the calendar
                got = (m.start(), m.end(), None)
            if got is not None and got[1] > got[0]:
                found.append((got[0], got[1], rank, got[2]))
    found.sort(key=lambda f: (f[0], f[2]))  # equally long at one place: the earlier rule wins
    chosen = [found[i] for i in longest_first([(f[0], f[1]) for f in found])]
    return [DateMatch(s, e, text[s:e], span) for s, e, _, span in chosen]
