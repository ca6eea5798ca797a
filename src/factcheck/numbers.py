"""Figures in an article or a claims file, read as intervals so that hedged wording can be judged.

An article rarely states a bare figure: "almost one fourth" says the share is a little under 25%,
"more than 20%" bounds it from below. Each figure becomes a ``Quantity``: ``value`` is the number
as written (in its canonical unit), ``[low, high]`` what the wording allows. Two figures agree when
their units are compatible and their intervals overlap, the expected one widened by the tolerance.

Hedges, for a stated value v (bounds inclusive):

    none (exact)                                   [v, v]
    about, around, roughly, approximately, some    [0.95v, 1.05v]
    almost, nearly, just under                     [0.9v, v]
    just over, slightly more than                  [v, 1.1v]
    more than, over, above, upwards of             [v, 1.5v]
    at least, no fewer than                        [v, 1.5v]
    up to, as many as, at most, no more than       [0.5v, v]
    less than, fewer than, under, below            [0.5v, v]

"about" is +-5%, not +-10%: "almost one fourth" ([22.5, 25]) must not agree with "about 21%", which
a +-10% reading ([18.9, 23.1]) would allow. Bound hedges stop at 1.5v / 0.5v because a writer who
says "more than 20%" of a 40% share misleads. Without a given tolerance the expected interval is
widened by 1% of its value (rounding); a ``Tolerance`` replaces that default.

Units: "%" for percents and for fractions of a whole ("one fourth" is 25, "one in five" 20);
otherwise a lower-case singular phrase ("barrel per day", "day", "ship", "dollar"); None for a bare
number, which agrees with any unit on value alone. Units of one kind are compared after conversion
("115 miles" agrees with "185 km", see ``units``); money is never converted between currencies.
A range ("3-5 km", "four to six services", "between 10 and 20 dollars") keeps both ends.

Not figures: vague plurals ("thousands", "dozens"), names and codes ("S-300", "Covid-19", "F16",
"4G", "Boeing 737", "iPhone 8", "S&P 500", "10-year notes", "1119 Eighth St", "911 calls"), clock
times ("10 p.m."), references ("[2]", "(32, 33)") and a list's numbers ("9) "), magnitudes ("a
six-figure salary"), decades ("1990s"), digits joined by ':' or '/' ("10:30", "24/7"), and scores
("4-1": a dash between bare numbers with no unit after, unless "from"/"between" comes first).
Ranks ("4th", "seventh straight session", "twenty-fifth") are their own kind: ``find_ordinals``.
Years and a date's days come back as bare numbers, without the noun after them ("the 2016 plan");
callers filter by unit.

What a figure means can depend on the kind the caller wants ("2 m": minutes or metres; "a
quarter": a coin or a fourth): ``find_numbers(text, prefer=...)`` takes that kind; without it the
news reading wins (metres, a fourth, "3m" three million).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from . import units
from .lazyre import lazy_regex
from .lexicon import SCALES, SMALL_NUMBERS, TENS
from .normalize import ascii_case

# --- types -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    value: float  # the stated central value in the canonical unit ("21%" -> 21.0, "one fourth" -> 25.0)
    low: float  # the interval the wording allows
    high: float
    unit: str | None
    hedge: str | None
    text: str  # the original wording
    upper: float | None = None  # a range's stated upper end ("3-5 km": value 3, upper 5)

    def __str__(self) -> str:
        figure = _fmt(self.value) if self.upper is None else f"{_fmt(self.value)}-{_fmt(self.upper)}"
        core = _with_unit(figure, self.unit)
        if any(ch.isdigit() for ch in self.text):
            return f"{self.hedge} {core}" if self.hedge else core
        interval = core if self.low == self.high else _with_unit(f"{_fmt(self.low)}-{_fmt(self.high)}", self.unit)
        return f"{' '.join(self.text.split())} ({interval})"


@dataclass(frozen=True)
class Tolerance:
    relative: float | None = None  # "10%" -> 0.10
    absolute: float | None = None  # "2" -> 2.0 (in the value's unit)


@dataclass(frozen=True)
class NumberMatch:
    start: int
    end: int
    text: str
    quantity: Quantity


DEFAULT_TOLERANCE = Tolerance(relative=0.01)

# --- hedges ----------------------------------------------------------------------------------

_HEDGE_KINDS = {
    "about": "approx", "around": "approx", "approximately": "approx", "approx.": "approx",
    "roughly": "approx", "some": "approx", "an estimated": "approx", "estimated": "approx",
    "circa": "approx", "close to": "approx",
    "almost": "below", "nearly": "below", "just under": "below", "just below": "below",
    "slightly less than": "below", "a little under": "below", "not quite": "below",
    "just over": "above", "just above": "above", "slightly more than": "above", "a little over": "above",
    "slightly over": "above",
    "more than": "more", "over": "more", "above": "more", "upwards of": "more", "in excess of": "more",
    "well over": "more", "well above": "more",
    "at least": "least", "no fewer than": "least", "no less than": "least",
    "up to": "most", "as many as": "most", "as much as": "most", "at most": "most",
    "no more than": "most", "not more than": "most",
    "less than": "less", "fewer than": "less", "under": "less", "below": "less", "well under": "less",
}
_HEDGE_FACTORS = {
    None: (1.0, 1.0), "approx": (0.95, 1.05), "below": (0.9, 1.0), "above": (1.0, 1.1),
    "more": (1.0, 1.5), "least": (1.0, 1.5), "most": (0.5, 1.0), "less": (0.5, 1.0),
}
_HEDGE_ALTS = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(_HEDGE_KINDS, key=len, reverse=True))
# the hedges as a trie (units.trie): searched back over 40 characters before every figure, the plain
# alternation ``_HEDGE_ALTS`` (what it must match) was tried whole at each of them
_HEDGE_TRIE = units.trie(_HEDGE_KINDS, space=r"\s+")
_HEDGE_BEFORE = lazy_regex(rf"(?i)(?<![\w-])(?P<h>{_HEDGE_TRIE})\s+$")


def _interval(value: float, hedge: str | None) -> tuple[float, float]:
    lo, hi = _HEDGE_FACTORS[_HEDGE_KINDS.get(hedge) if hedge else None]
    a, b = value * lo, value * hi
    return (a, b) if a <= b else (b, a)


# --- number words ----------------------------------------------------------------------------

# old-fashioned zeros and the spellings of lakh and crore that Indian English also writes
_SMALL = {**SMALL_NUMBERS, "naught": 0, "nought": 0}
_TENS = TENS
_SCALES = {**SCALES, "lkh": 1e5, "lkhs": 1e5, "krore": 1e7, "krores": 1e7, "kr": 1e7}
_NUMWORDS = set(_SMALL) | set(_TENS) | set(_SCALES) | {"hundred", "dozen", "dozens", "nil"}
_NUMWORD = "|".join(sorted(_NUMWORDS, key=len, reverse=True))
_DIGIT_WORD = "|".join(list(SMALL_NUMBERS)[:10])
_SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen|lakhs?|lkhs?|crores?|krores?"
# a digit token joins a run only before a scale word: "4 thousand 3 hundred and 21"
_RUN_TOKEN = (rf"(?:{_NUMWORD}|point(?=\s+(?:{_DIGIT_WORD})\b)|\d{{1,3}}(?=\s+(?:{_SCALE_WORD})\b)"
              r"|(?<=and )\d{1,2}\b)")
_WORD_RUN = lazy_regex(
    rf"(?i)\b(?:an?(?=[\s-]+(?:{_SCALE_WORD})\b)|{_RUN_TOKEN})"
    rf"(?:(?:\s+and\s+|[\s-]+|\u2014)(?:{_RUN_TOKEN})\b)*\b")
_TOKEN = lazy_regex(r"[A-Za-z]+|\d+")
_PRONOUN_ONE = lazy_regex(r"(?i)\b(?:no|any|every|each|some|the|this|that|which|previous|other|only)\s+$")
# a mixed number: "one and a half", "5 and an half", "one and three quarters", "two and quarter"
_AND_FRACTION = lazy_regex(
    r"(?i)\s+and\s+(?:(?P<n>an?|one|two|three)\s+)?(?P<d>halfs?|halves|quarters?|thirds?)\b"
    r"(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?")
_OF_UNIT = lazy_regex(r"(?i)\s+of(?:\s+an?)?\s")
_FRACTION_PARTS = {"half": 2, "halfs": 2, "halves": 2, "quarter": 4, "quarters": 4, "third": 3, "thirds": 3}
_VAGUE = {"thousands", "millions", "billions", "trillions", "dozens", "hundreds", "lakhs", "crores"}


def _and_fraction(text: str, end: int, value: float, scales: bool = True) -> tuple[float, int] | None:
    """ "(5) and a half", "(one) and three quarters (million)": the whole number plus its fraction;
    "of (an) hour" after it is kept for the unit ("one and a quarter of hour")."""
    if value >= 1000 or not (m := _AND_FRACTION.match(text, end)) or m["scale"] and not scales:
        return None
    n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3}[(m["n"] or "a").lower()]
    d = _FRACTION_PARTS[m["d"].lower()]
    if n >= d:
        return None
    total, end = value + n / d, m.end()
    if m["scale"]:
        return total * _SCALES[m["scale"].lower()], end
    if (of := _OF_UNIT.match(text, end)) and units.UNIT_AFTER.match(text, of.end()):
        end = of.end() - 1
    return total, end


def _parse_words(words: list[str], first: int = 0) -> tuple[float, int] | None:
    """The longest grammatical number in ``words`` from ``first`` on: (value, words used)."""
    total, group, last, biggest = 0.0, 0.0, None, math.inf
    best = None
    n_words = len(words) - first
    for i in range(n_words):
        w = words[first + i]
        nxt = words[first + i + 1] if i + 1 < n_words else ""
        if w in ("a", "an"):
            if i:
                break
            group, last = 1, "a"
            continue
        if w == "and":
            if last in ("hundred", "scale") and (nxt in _TENS or _SMALL.get(nxt, 0) > 0 or nxt.isdigit()):
                last = "and"
                continue
            break
        if w == "point" and last not in ("a", "and"):
            digits = ""
            for d in words[first + i + 1:]:
                if d not in _SMALL or _SMALL[d] > 9:
                    break
                digits += str(_SMALL[d])
            if digits:
                value, used = total + group + float("0." + digits), i + 1 + len(digits)
                after = words[first + used] if first + used < len(words) else ""
                if after in _SCALES and after not in _VAGUE:  # "two point two million"
                    return value * _SCALES[after], used + 1
                return value, used
            break
        if w.isdigit():
            if last not in (None, "scale", "and") or int(w) >= 1000:
                break
            group += int(w)
            last = "unit" if int(w) < 100 else "teen"
        elif w == "nil":
            return (0.0, 1) if not i else best
        elif w in _SMALL:
            n = _SMALL[w]
            if n == 0:
                if i:
                    break
                return 0.0, 1
            if last in (None, "hundred", "scale", "and"):
                group += n
                last = "unit" if n < 10 else "teen"
            elif last == "tens" and n < 10:
                group += n
                last = "unit+"
            else:
                break
        elif w in _TENS:
            if last == "unit" and i == 1 and 0 < _SMALL.get(nxt, 0) < 10:
                group *= 100  # "one twenty two": 122, as a number is said aloud
            elif last not in (None, "hundred", "scale", "and"):
                break
            group += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in ("unit", "teen", "a") or group >= 100 and last != "teen":
                break
            group *= 100
            last = "hundred"
        elif w in ("dozen", "dozens"):
            if last not in ("unit", "teen", "a", "unit+", "tens", "hundred"):
                break
            best = (total + group * 12, i + 1)
            break
        elif w in _SCALES:
            scale = _SCALES[w]
            if last == "scale" and not group and scale > biggest:
                total *= scale  # "three thousand million(s)": a thousand millions
                biggest = scale
            elif last not in ("unit", "unit+", "teen", "tens", "hundred", "a") or scale >= biggest:
                break
            else:
                total += group * scale
                group, biggest, last = 0, scale, "scale"
        else:
            break
        best = (total + group, i + 1)
    return best


# --- fractions of a whole --------------------------------------------------------------------

_ORDINAL_UNITS = {"half": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                  "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
                  "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
                  "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                  "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
                  "thousandth": 1000}
_DENOMINATORS = dict(_ORDINAL_UNITS)
_DENOMINATORS.update({f"{t}-{o}": _TENS[t] + _ORDINAL_UNITS[o] for t in _TENS for o in
                      ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
                      if o in _ORDINAL_UNITS})
_DEN_ALTS = "|".join("[\\s-]".join(map(re.escape, d.split("-"))) + "s?"
                     for d in sorted(_DENOMINATORS, key=len, reverse=True))
_NUM_ALTS = "|".join(sorted(list(_SMALL)[1:], key=len, reverse=True))
# a trie of the same words (units.trie): one try at each place, not one per denominator; the
# alternation above is what it must match (tests/test_numbers.py)
_NUM_WORDS = ["a", "an", *list(_SMALL)[1:]]
_DEN_WORDS = ["halves", *(d.replace("-", " ") + s for d in _DENOMINATORS for s in ("", "s"))]
_DEN_TRIE = units.trie(_DEN_WORDS, space=r"[\s-]")
_FRACTION = lazy_regex(rf"(?i)\b(?:(?P<num>{units.trie(_NUM_WORDS)})[\s-]+)?(?P<den>{_DEN_TRIE})\b")
_OF_SCALE = lazy_regex(r"(?i)(?:\s+of)?\s+(?:an?\s+)?(?P<scale>thousand|million|billion|trillion|dozen)\b")
_NOT_HALF_BEFORE = lazy_regex(r"(?i)\b(?:first|second|other|latter|former|last|next|top|bottom|back|front)\s+$")
_AND_BEFORE = lazy_regex(r"(?i)\band\s+$")  # "one and a half" is read with its whole number
_A_FRACTION_AFTER = lazy_regex(r"\s+of\b|\s*(?:[.,;:!?)\"']|$)")
_ONE_IN = lazy_regex(
    rf"(?i)(?<![\w.,$-])(?P<a>{_NUM_ALTS}|twenty|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    r"(?P<b>a\s+hundred|\d{1,4}|[a-z]+(?:-[a-z]+)?)\b(?![.,]\d)")
_DIGIT_SLASH = lazy_regex(r"\d/\d")  # every digit fraction holds one: a text without is not scanned
_DIGIT_FRACTION = lazy_regex(
    r"(?=\d)(?<![\w./,-])(?:(?P<whole>\d{1,4})(?:\s+|-))?(?P<n>\d{1,3})/(?P<d>\d{1,4})(?![\d_/]|[.,]\d)")
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
           "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_VULGAR_RE = lazy_regex(rf"(?<![\w.,])(?P<whole>\d{{1,4}})?\s?(?P<f>[{''.join(_VULGAR)}])")
# every match holds one: a text without is not scanned (the pattern opens with look-behinds: tried everywhere)
_VULGAR_ANY = lazy_regex(f"[{''.join(_VULGAR)}]")

# --- digits, scales, currencies --------------------------------------------------------------

_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[\u2009\u202f\u00a0]\d{3})+|\d{1,3}(?: \d{3}){2,}(?![\d,])|\d+)"
        r"(?:\.\d+)?|\.\d+")
_CUR_ALTS = units.CURRENCY_ALTS
# a figure's possible first characters, as a look-ahead the pattern opens with: without one, ``re``
# tries a pattern opening with look-behinds at every character of the text
_CUR_FIRST = units.CURRENCY_FIRST
_DIGITS = lazy_regex(
    rf"(?=[-−\d.{_CUR_FIRST}])(?<![\w.,:/#])(?<!\w-)(?P<neg>[-−](?=[\d.]|[A-Z€£¥$₹]))?"
    rf"(?:(?<![A-Za-z])(?P<cur>{_CUR_ALTS})\s?)?"
    rf"(?P<num>{_NUM})(?!\d)(?!,\d{{3}})(?![.,:/]\d)(?!-\d)")
_SCALE_AFTER = lazy_regex(
    r"(?i)(?:\s+|-)?(?P<s>hundred|thousand|million|billion|trillion|lakhs?|lacs?|lkhs?|crores?|krores?|dozens?)\b"
    r"|(?-i:\s?(?P<short>bn|mn|mln|M)(?![A-Za-z]))|(?-i:(?P<glued>k|K|b|B|G|m)(?![A-Za-z0-9]))")
_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "B": 1e9, "G": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "M": 1e6, "k": 1e3,
                 "K": 1e3}
_LAKH_LETTER = lazy_regex(r"\s?l(?![A-Za-z])")
# a glued "m" is a metre before these words, a million before a plural noun
_HEIGHT_WORDS = lazy_regex(r"(?i)\s+(?:tall|high|long|wide|deep|away|above|below|in\s+(?:height|length|width))\b")
_PLURAL_AFTER = lazy_regex(r"\s+(?:of\b|people\b|[a-z]+s\b)")
_CLOCK_AFTER = lazy_regex(r"(?i)\s*[ap]\.?m\b\.?")
_STREET = lazy_regex(r"(?:\s+[A-Z0-9][\w.]*){1,3}\s+(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Lane|Ln|Drive|Dr|"
                     r"Place|Pl|Way|Court|Ct|Square|Sq|Terrace|Highway|Hwy)\b")
_EMERGENCY = lazy_regex(r"(?i)\s+(?:calls?|operators?|dispatch\w*|centers?|centres?|lines?|system)\b")
_INSTRUMENTS = lazy_regex(r"(?i)\s+(?:notes?|bonds?|yields?|treasur(?:y|ies)|bunds?|gilts?|paper|mortgages?|"
                          r"loans?|debt|securities|maturit(?:y|ies))\b")
# a code or name: "Boeing 737", "S&P 500", "FTSE 100", "Windows 10" (not at a sentence's start)
_NAME_BEFORE = lazy_regex(r"(?P<w>\b[A-Z][\w&]*|\b[a-z]+[A-Z][\w&]*)\s+$")  # "Boeing 737", "iPhone 8"
# "[2]", "(34)", "(32, 33)": a reference to a source, and "9) " or "3. " opening a line: a list's number
_REFERENCE = lazy_regex(r"[\[(]\d{1,3}(?:,\s*\d{1,3})*[\])]")
_LIST_MARK = lazy_regex(r"(?m)^[ \t]*\d{1,3}[.)][ \t]")
_NOT_NAMES = set("""In On At By Of For From To And Or But The A An Since Until Till After Before During About
Around Some Nearly Almost Over Under Only Just Up Down With Without Than As Also Between Among Like Than
Then Top Roughly Approximately More Less Fewer Only Exactly Another Perhaps Maybe Almost Of All Some Just
Its Their His Her Our Your My Every Each Those These That This There When While If Where Why How What Who
Total Nearly Over Under Below Above Beyond Per Plus Minus Negative Page Chapter""".split())
_MONTH_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
                "Sept", "Oct", "Nov", "Dec", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                "Saturday", "Sunday"}

# --- units -----------------------------------------------------------------------------------

_PERCENT = lazy_regex(r"(?i)\s*(?:%|(?:percent|per\s+cent|pct)\b)")
_POINTS = lazy_regex(r"(?i)\s*(?:percentage[\s-]+points?|pp)\b")
_COMPOUND = lazy_regex(r"-(?P<w>[a-z]+)(?:-(?:old|long))?(?![\w-])")
_WORD_UNIT = lazy_regex(r" +(?P<w>(?:square |cubic )?[a-z]+)(?![\w-])")
_RATES = "day|week|month|year|hour|minute|annum|capita|person|head"
_RATE = lazy_regex(rf"(?:\s+of\s+[a-z]+)?(?:\s+(?:per|a|an|each|every)\s+|\s*/\s*)(?P<r>{_RATES})\b(?!-)")
_RATE_ADVERB = lazy_regex(r"(?:\s+of\s+[a-z]+)?\s+(?P<r>daily|weekly|monthly|annually|yearly|hourly)\b")
_ADVERB_RATES = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                 "hourly": "hour", "annum": "year"}
_NOT_UNITS = set("""a an the and or but nor so yet of in on at to for from by with without into onto upon over
under about above below after before since until till during through across against among between within
per than as is are was were be been being am has have had having do does did will would shall should can
could may might must not no that this these those which who whom whose what when where while why how it
its he she they them their his her we us our you your i me my there here also only just even still already
again ever never then now very too more most less least much many few some any all each every both either
neither other another such same own if else whether because although though unless once percent per cent
new old additional further major key main top senior former different separate similar said says say
times later earlier ago made used seen taken given called known held found left told led got came went
became including straight consecutive last next first half bn mn mln k b m de""".split()) | _NUMWORDS
_CANON = {"percent": "%", "per cent": "%", "pct": "%", "percentage": "%", "ton": "tonne", "tons": "tonne",
          "$": "dollar", "annum": "year", "usd": "US dollar", "eur": "euro", "gbp": "British pound"}
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
              "teeth": "tooth", "mice": "mouse", "lives": "life", "wives": "wife", "halves": "half",
              "crises": "crisis", "analyses": "analysis", "series": "series", "species": "species",
              "news": "news", "data": "data", "gas": "gas", "bus": "bus", "us": "us"}
# plurals in -ies whose singular ends in -ie, not -y ("33 calories" is 33 calorie, not "calory")
_IE_SINGULARS = {"calories", "movies", "cookies", "zombies", "rookies", "selfies", "pies", "ties", "lies",
                 "brownies", "goalies", "hippies", "aussies", "budgies", "freebies", "smoothies", "species"}
_OVER_KEEPS_HEDGE = lazy_regex(r"(?i)\b(?:for|in|after|than|took|lasted|last|spent|of|within)\s+$")


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _IE_SINGULARS:
        return word[:-1]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def canonical_unit(unit: str | None) -> str | None:
    """"barrels per day", "b/d" and "bpd" are one unit; so are "days" and "day", "km" and "kilometres"."""
    if unit is None:
        return None
    phrase = " ".join(unit.split())
    if (known := units.lookup(phrase)) is not None:
        return known
    phrase = phrase.lower()
    if phrase in _CANON:
        return _CANON[phrase]
    if " per " in phrase:
        head, rate = phrase.split(" per ", 1)
        return f"{canonical_unit(head)} per {canonical_unit(rate)}"
    words = phrase.split(" ")
    words[-1] = _singular(words[-1])
    phrase = " ".join(words)
    return units.lookup(phrase) or _CANON.get(phrase, phrase)


def _split_rate(unit: str) -> tuple[str, str | None]:
    if " per " not in unit:
        return unit, None
    head, rate = unit.split(" per ", 1)
    return head, rate


def units_compatible(a: str | None, b: str | None) -> bool:
    """A bare number is compatible with any unit; otherwise the same unit or one convertible kind."""
    if a is None or b is None:
        return True
    ca, cb = canonical_unit(a) or "", canonical_unit(b) or ""
    if ca == cb or units.compatible(ca, cb):
        return True
    (ha, ra), (hb, rb) = _split_rate(ca), _split_rate(cb)
    if ra is None or rb is None:
        # a price and its amount ("$60 a barrel", "$60"): an editor may leave out what it is per
        return (ra is None) != (rb is None) and units.is_currency(ha) and units.compatible(ha, hb)
    return (ha == hb or units.compatible(ha, hb)) and (ra == rb or units.compatible(ra, rb))


def _convert(value: float, unit: str | None, to: str | None) -> float:
    """``value`` in ``unit`` as a value in ``to`` (compatible units; anything else is unchanged)."""
    if unit is None or to is None:
        return value
    ca, cb = canonical_unit(unit) or "", canonical_unit(to) or ""
    if ca == cb:
        return value
    if units.compatible(ca, cb):
        return units.convert(value, ca, cb)
    (ha, ra), (hb, rb) = _split_rate(ca), _split_rate(cb)
    if ra is None or rb is None:
        return value
    return units.convert(value, ha, hb) / units.convert(1.0, ra, rb)


# --- comparison ------------------------------------------------------------------------------


def agrees(stated: Quantity, expected: Quantity, tolerance: Tolerance | None = None) -> bool:
    """Compatible units and overlapping intervals (after conversion), the expected one widened by the
    tolerance."""
    if not units_compatible(stated.unit, expected.unit):
        return False
    low, high = (_convert(v, stated.unit, expected.unit) for v in (stated.low, stated.high))
    low, high = min(low, high), max(low, high)
    tol = tolerance or DEFAULT_TOLERANCE
    slack = max((tol.relative or 0.0) * abs(expected.value), tol.absolute or 0.0)
    slack += 1e-9 * max(abs(expected.value), abs(stated.value), 1.0)  # float rounding at the bounds
    return low <= expected.high + slack and high >= expected.low - slack


# --- scanning --------------------------------------------------------------------------------


@dataclass
class _Core:
    start: int
    end: int
    value: float
    unit: str | None  # fixed by the core itself ("%" for fractions, a currency)
    takes_unit: bool  # whether a unit may follow
    scale: float = 1.0  # the scale word or suffix already applied ("5 to 7 million" shares it)
    share: float | None = None  # a fraction of a whole: n/d, read as % unless a unit follows
    upper: float | None = None  # a range's upper end ("3-5 km")


@dataclass
class _Figure:
    start: int
    end: int
    value: float
    unit: str | None
    hedge: str | None
    upper: float | None = None


_DIGIT_GAPS = lazy_regex(r"[,\s\u2009\u202f\u00a0]")


def _number(raw: str) -> float:
    return float(raw) if raw.isdecimal() else float(_DIGIT_GAPS.sub("", raw))


_LIST_MARK_REACH = 6  # characters a list's number may stand from its line's start ("   12) ")


def _is_list_mark(text: str, start: int, end: int) -> bool:
    """Looked for only near ``start``: searching a long line back to its start at every digit is quadratic."""
    line = text.rfind("\n", max(0, start - _LIST_MARK_REACH), start) + 1
    if not line and start > _LIST_MARK_REACH:
        return False
    mark = _LIST_MARK.match(text, line)
    return mark is not None and end <= mark.end()


def _is_name_code(text: str, start: int, end: int) -> bool:
    """"Boeing 737", "S&P 500", "1119 Eighth St", "911 calls", "10 p.m.": numbers, not figures."""
    if start and text[start - 1].isspace() and (m := _NAME_BEFORE.search(text, max(0, start - 30), start)) \
            and m["w"] not in _NOT_NAMES \
            and m["w"] not in _MONTH_NAMES and not _HEDGE_BEFORE.search(text, max(0, start - 40), start) \
            and not (units.is_currency(units.lookup(m["w"]))  # "20 Rupees 43": the rupees' paise
                     and _FIGURE_BEFORE.search(text, max(0, m.start() - 4), m.start())):
        return True
    if _CLOCK_AFTER.match(text, end) or _STREET.match(text, end):
        return True
    before = text[max(0, start - 16):start]  # a reference opens there with "[" or "("
    if ("(" in before or "[" in before) and any(ref.start() < start and end < ref.end()
                                                for ref in _REFERENCE.finditer(text, max(0, start - 16), end + 16)) \
            or _is_list_mark(text, start, end):
        return True
    return text[start:end] in ("911", "999", "112") and bool(_EMERGENCY.match(text, end))


def _scaled(text: str, value: float, end: int, currency: str | None,
            prefer: str | None = None) -> tuple[float, int, float] | None:
    """The scale word or suffix after a figure: (value, end, scale); None when the figure is a name.

    ``prefer`` (see ``find_numbers``) settles a letter that is a scale or a unit: "3m", "3k"."""
    if prefer == NUMBER and (lakh := _LAKH_LETTER.match(text, end)):
        return value * 1e5, lakh.end(), 1e5  # "30 l": thirty lakh
    s = _SCALE_AFTER.match(text, end)
    if not s:
        return value, end, 1.0
    if (s["short"] or s["glued"] or "") in _PREFERRED_UNITS.get(prefer or "", {}):
        return value, end, 1.0
    if s["s"]:
        word = s["s"].lower()
        stem = word.rstrip("s") if word.rstrip("s") in _SCALES else word
        factor = 100.0 if word == "hundred" else 12.0 if word.startswith("dozen") else _SCALES[stem]
        return value * factor, s.end(), factor
    short = s["short"] or s["glued"]
    if short == "G" and float(value).is_integer():
        return None  # "4G", "5G": a network, not 4 billion (".0012G" is a giga figure)
    if short == "m" and not currency:
        if _HEIGHT_WORDS.match(text, s.end()):
            return value, end, 1.0  # "1.8m tall": a unit, read later
        if not _PLURAL_AFTER.match(text, s.end()):
            if re.match(r"\s+[a-z]", text[s.end():s.end() + 2]):
                return None  # "a 100m race"
            if not float(value).is_integer():
                return value, end, 1.0  # "1.8m": metres
    return value * _SHORT_SCALES[short], s.end(), _SHORT_SCALES[short]


_FIGURE_BEFORE = lazy_regex(r"\d\s*$")
_SUFFIX_APART = lazy_regex(r"(?i)\s(?P<s>st|nd|rd|th)\b")


def _digit_cores(text: str, prefer: str | None) -> list[_Core]:
    cores = []
    for m in _DIGITS.finditer(text):
        value = _number(m["num"])
        start, end = m.start(), m.end()
        currency = units.lookup(m["cur"]) if m["cur"] else None
        if currency and _FIGURE_BEFORE.search(text, max(0, start - 4), start):
            start, currency = m.start("num"), None  # "3 GBP 1 pence": the code is the 3's, the 1 is pence
        if not currency and _is_name_code(text, start, end):
            continue
        got = _scaled(text, value, end, currency, prefer)
        if got is None:
            continue
        value, end, scale = got
        if scale == 1 and (mixed := _and_fraction(text, end, value)):
            value, end = mixed  # "5 and a half minutes"
        if end < len(text) and text[end].isalpha() and (not (u := units.UNIT_AFTER.match(text, end)) or u["u"] == "s") \
                and not (prefer and _unit_after(text, end, prefer)[0]):
            continue  # "4th", "1990s", "4G": an ordinal, a decade, a name or an unknown unit
        if (suffix := _SUFFIX_APART.match(text, end)) and value.is_integer() \
                and suffix["s"].lower() == _ordinal_suffix(int(value)):
            continue  # "19 th century": a rank whose superscript was set apart
        if m["neg"] and start == m.start():
            value = -value
        if math.isfinite(value):
            cores.append(_Core(start, end, value, currency, True, scale))
    return cores


_DASH_RANGE = lazy_regex(
    rf"(?=[\d.{_CUR_FIRST}])(?<![\w.,:/#])(?<!\w-)(?:(?<![A-Za-z])(?P<cur>{_CUR_ALTS})\s?)?(?P<a>{_NUM})\s*[-–—]\s*~?\s*"
    rf"(?:(?P<cur2>{_CUR_ALTS})\s?)?(?P<b>{_NUM})(?!\d)(?!,\d{{3}})(?![.,:/]\d)(?!-\d)")


_DASH_ANY = lazy_regex(r"\d\s*[-–—]")  # a range's first figure ends in a digit before its dash


def _dash_range_cores(text: str, prefer: str | None) -> list[_Core]:
    """"3-5 kilometers", "$3-5 million", "~2-7 grams"; a bare "4-1" is a score, not a range."""
    cores: list[_Core] = []
    if not _DASH_ANY.search(text):
        return cores  # each range holds its dash
    for m in _DASH_RANGE.finditer(text):
        currency = units.lookup(m["cur"] or m["cur2"] or "") if m["cur"] or m["cur2"] else None
        got = _scaled(text, _number(m["b"]), m.end(), currency, prefer)
        if got is None:
            continue
        hi, end, scale = got
        lo = _number(m["a"]) * scale
        unit = currency or _unit_follows(text, end, prefer)
        if lo > hi and not (unit and _written_backwards(m["a"], m["b"])) or not (unit or scale > 1):
            continue
        cores.append(_Core(m.start(), end, lo, currency, True, scale, None, hi))
    return cores


def _written_backwards(a: str, b: str) -> bool:
    """Two ends of one width running down ("300-299 inclusive", "20-12 members") still state two
    figures, read end by end; a shorter upper end is shorthand ("1998-99", "2019-20 season")."""
    return len(re.sub(r"\D", "", a)) == len(re.sub(r"\D", "", b))


_DASH_GAP = lazy_regex(r"\s*[-–—]\s*|")
_WORD_GAP = lazy_regex(r"\s+(?:to|and|or)\s+", re.I)


_BETWEEN_BEFORE = lazy_regex(r"(?i)\bbetween\s+$")


def _between_before(text: str, at: int) -> bool:
    r"""``re.search(r"(?i)\bbetween\s+$", text[:at])``, searched from the word before the spaces
    before ``at`` only (the whole text before each "and" of a long article is quadratic)."""
    j = at
    while j and text[j - 1].isspace():
        j -= 1
    return bool(_BETWEEN_BEFORE.search(text, max(0, j - len("between")), at))


def _range_cores(text: str, cores: list[_Core], prefer: str | None) -> list[_Core]:
    """"3-5 kilometers", "$3-5 million", "four to six services", "between 10 and 20 dollars"."""
    out = []
    for a, b in zip(cores, cores[1:], strict=False):
        gap = text[a.end:b.start]
        dash = _DASH_GAP.fullmatch(gap) and (b.value < 0 and text[b.start] in "-−" or gap.strip())
        word = _WORD_GAP.fullmatch(gap)
        if not (dash or word) or a.share is not None or b.share is not None or a.upper or b.upper:
            continue
        if word and gap.strip().lower() in ("and", "or") and not _between_before(text, a.start):
            continue
        if a.unit and b.unit and a.unit != b.unit or a.unit == "%" and not word:
            continue
        hi = abs(b.value) if dash and b.value < 0 else b.value
        lo = a.value * b.scale if a.scale == 1 and b.scale > 1 and a.value * b.scale <= hi else a.value
        if lo > hi and not (word and _backwards_range(text, a, b, prefer)):
            continue
        if dash and not _unit_follows(text, b.end, prefer) and not b.unit and b.scale == 1 \
                and not _RANGE_WORD.search(text, max(0, a.start - 12), a.start):
            continue  # "4-1": a score, not a range ("from 2004 – 2014" is one)
        out.append(_Core(a.start, b.end, lo, a.unit or b.unit, b.takes_unit, b.scale, None, hi))
    return out


_FROM_BEFORE = lazy_regex(r"(?i)\bfrom\s+$")


def _backwards_range(text: str, a: _Core, b: _Core, prefer: str | None) -> bool:
    """"342 to 330 passengers", "between 22 to 17-years-old": two ends written backwards, read as the
    dash's are; "from 250 to 200 passengers" is a change, two figures."""
    return bool(a.unit or b.unit or _unit_follows(text, b.end, prefer)) \
        and _written_backwards(text[a.start:a.end], text[b.start:b.end]) \
        and not _FROM_BEFORE.search(text, max(0, a.start - 6), a.start)


def _unit_follows(text: str, pos: int, prefer: str | None = None) -> bool:
    unit, end, _ = _unit_after(text, pos, prefer)
    return unit is not None


_RANK_UNITS = "first|third|fourth|fifth|sixth|seventh|eighth|ninth"
# a rank's last word after its tens; "second" only joined ("thirty second ad" is thirty seconds)
_RANK_AFTER = lazy_regex(rf"(?i)(?:[\s\-\u2014]?(?:{_RANK_UNITS})|[\-\u2014]?second)\b")


def _word_cores(text: str, at: list[list[int]] | None = None) -> list[_Core]:
    cores = []
    for run in matches_at(_WORD_RUN, text, _starts_of(at, _WORD_RUN)):
        tokens = list(_TOKEN.finditer(run.group()))
        words = [t.group().lower() for t in tokens]
        i = 0
        while i < len(words):
            parsed = _parse_words(words, i)
            if not parsed:
                i += 1
                continue
            value, used = parsed
            start, end = run.start() + tokens[i].start(), run.start() + tokens[i + used - 1].end()
            i += used
            if used == 1 and words[i - 1] in _VAGUE:
                continue
            if used == 1 and words[i - 1].isdigit():
                continue  # digits are read by the digit reader
            if used == 1 and words[i - 1] == "one" and (
                _PRONOUN_ONE.search(text, max(0, start - 12), start)
                or re.match(r"\s+another\b", text[end:end + 10])
            ):
                continue  # "no one", "one another"
            if words[i - 1] in _TENS and _RANK_AFTER.match(text, end):
                continue  # "twenty-fifth", "thirty first": a rank (find_ordinals), not twenty
            if mixed := _and_fraction(text, end, value):
                value, end = mixed
            cores.append(_Core(start, end, value, None, True))
    return cores


_COUPLE = lazy_regex(r"(?i)\ba\s+(?:couple|pair)\b(?:\s+of\b)?")
_POINT = lazy_regex(r"(?i)(?:\b(?P<w>\d+)\s+)?\bpoint\s+(?P<f>\d+)\b(?![.,:/]\d)")
_WORD_BEFORE = lazy_regex(r"\w[\s\-]*$")


def _spoken_cores(text: str, at: list[list[int]] | None = None) -> list[_Core]:
    """"a couple (of)" and "a pair (of)" are two; "1 point 1" and a phrase's "point 77" are decimals
    as said aloud ("at one point 20 people" is not: the point needs digits or nothing before it)."""
    cores = []
    for m in matches_at(_COUPLE, text, _starts_of(at, _COUPLE)):
        if m.group().lower().endswith("of") or _END.match(text, m.end()):
            cores.append(_Core(m.start(), m.end(), 2.0, None, True))
    for m in matches_at(_POINT, text, _starts_of(at, _POINT)):
        if m["w"] or not _WORD_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            cores.append(_Core(m.start(), m.end(), float(f"{m['w'] or 0}.{m['f']}"), None, True))
    return cores


_A_UNIT = lazy_regex(r"(?i)\b(?:an?|one)(?=\s+(?:[a-z$€£°]|nickel|dime|grand))")
_PART_NEXT = lazy_regex(rf"(?i),?\s+and\s+(?:\d|an?\s+half\b|half\b|(?:{_NUMWORD})\b)")


_PRICE_MARK = lazy_regex(r"[\d.,]")  # every price before holds one: without, _PRICE_BEFORE is not searched
_PRICE_BEFORE = lazy_regex(rf"(?:(?:{_CUR_ALTS})\s?[\d.,]+(?:\s?(?:bn|m|k|million|billion))?|\d\s+[A-Za-z]+)\s+$")


def _a_unit_cores(text: str, prefer: str | None, at: list[list[int]] | None = None) -> list[_Core]:
    """"a kilogram", "a dollar", "a mile", "a grand": one of a measured unit. "a day" is a rate
    ("$5 a day") unless a time is wanted or a part follows ("an hour and 45 minutes")."""
    cores = []
    for m in matches_at(_A_UNIT, text, _starts_of(at, _A_UNIT)):
        if _PRICE_MARK.search(text, max(0, m.start() - 24), m.start()) \
                and _PRICE_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue  # "$60 a barrel", "30 rupees a kilo": the price's rate, not one barrel
        unit, end, _ = _unit_after(text, m.end(), prefer)
        if unit and unit in units.UNITS and unit != "%" \
                and (units.dimension(unit) != "time" or prefer == "time" or _PART_NEXT.match(text, end)):
            cores.append(_Core(m.start(), m.end(), 1.0, None, True))
    return cores


def _small(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    parsed = _parse_words(re.split(r"[\s-]+", word))
    return int(parsed[0]) if parsed and parsed[1] == len(re.split(r"[\s-]+", word)) else None


_HINT_FIRST = "[hHtTqQfFsSſ]"  # the first characters of the hints, "ſ" the long s that (?i) takes for "s"
_HINTS = r"(?i:half|halves|th(?:ir)?ds?\b|ths?\b|quarters?|fifths?|first|seconds?)"
_DEN_HINT = lazy_regex(rf"(?={_HINT_FIRST}){_HINTS}")
# _DEN_HINT consuming a hint's first character only (group 1 the hint): the scan skips to the next
# first character in C instead of trying the alternation at every place
_DEN_HINT_AT = lazy_regex(rf"{_HINT_FIRST}(?<=(?=({_HINTS})).)")
_HINT_REACH = 25  # characters a fraction's numerator may reach back from its denominator


def _fractions_in_words(text: str) -> list[re.Match]:
    """``_FRACTION`` run only near a denominator's stem: its long alternation is slow at every word."""
    found: list[re.Match] = []
    searched = after = 0
    for at in _DEN_HINT_AT.finditer(text):  # the hints of _DEN_HINT.finditer: not one inside the one before
        start, end = at.start(), at.end(1)
        if start < after:
            continue
        after = end
        lo, hi = max(searched, start - _HINT_REACH), end + _HINT_REACH
        if lo >= hi:
            continue
        for m in _FRACTION.finditer(text, lo, min(len(text), hi)):
            if not found or m.start() >= found[-1].end():
                found.append(m)
        searched = max(searched, end)
    return found


def _share_core(text: str, start: int, end: int, share: float, prefer: str | None) -> _Core:
    """A fraction of a whole: of the measured unit after it ("half a gallon"), else a share in %."""
    if su := _share_unit(text, end, prefer):
        return _Core(start, su[1], share, su[0], False)
    return _Core(start, end, share * 100, "%", False, share=share)


_DETERMINER_BEFORE = lazy_regex(r"(?i)(?:the|this|that|its|his|her|their|our|each|every)\s+$")
_BARE_DENOMINATOR = lazy_regex(r"-|\s+of\b")  # "quarter-litre", "fourth of liter": a part of a unit
_PART_WORDS = {"half", "quarter"}  # not ordinals too: "third-quarter earnings" is an ordinal


def _fraction_cores(text: str, prefer: str | None, at: list[list[int]] | None = None) -> list[_Core]:
    cores = []
    for m in _fractions_in_words(text):
        num, den = (m["num"] or "").lower(), re.sub(r"[\s-]+", "-", m["den"].lower())
        plural = den.endswith("s") and den != "halves" or den == "halves"
        d = _DENOMINATORS.get(den) or _DENOMINATORS.get(den[:-1]) or 2
        if prefer == "currency" and den.startswith("quarter"):
            continue  # a coin: see _coin_cores
        if not num and den != "half":
            if plural or _DETERMINER_BEFORE.search(text, max(0, m.start() - 8), m.start()) \
                    or _NOT_HALF_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                    or not (den == "quarter" or _BARE_DENOMINATOR.match(text, m.end())) \
                    or den not in _PART_WORDS and text[m.end():m.end() + 1] == "-" \
                    or not _share_unit(text, m.end(), prefer):
                continue  # "the third mile" is an ordinal; "quarter-litre", "tenth of a gallon" are parts
            n = 1
        elif not num:
            if _NOT_HALF_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                    or text[m.end():m.end() + 1] == "-" and not units.UNIT_AFTER.match(text, m.end() + 1):
                continue
            n = 1
        elif num in ("a", "an"):
            if plural or _AND_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            n = 1
        else:
            n = _SMALL[num]
            if plural != (n > 1):
                continue
        if s := _OF_SCALE.match(text, m.end()):  # "half a million", "two thirds of a million": counts
            scale = 12.0 if s["scale"].lower() == "dozen" else _SCALES[s["scale"].lower()]
            cores.append(_Core(m.start(), s.end(), n / d * scale, None, True, scale))
            continue
        if num in ("a", "an") and not _A_FRACTION_AFTER.match(text, m.end()) \
                and not _share_unit(text, m.end(), prefer):
            continue  # "a third country" is an ordinal
        cores.append(_share_core(text, m.start(), m.end(), n / d, prefer))
    for m in matches_at(_ONE_IN, text, _starts_of(at, _ONE_IN)):
        na, nb = _small(m["a"]), _small(re.sub(r"^a\s+", "", m["b"]))
        if na is not None and nb is not None and 2 <= nb <= 1000 and 0 < na <= nb:
            cores.append(_Core(m.start(), m.end(), na / nb * 100, "%", False))
    for m in _DIGIT_FRACTION.finditer(text) if "/" in text and _DIGIT_SLASH.search(text) else ():
        n, d = int(m["n"]), int(m["d"])
        if not 0 < n < d or text[m.end():m.end() + 1].isalpha() and not _share_unit(text, m.end(), prefer):
            continue  # "1/2h" is half an hour; "1/2x" is nothing
        if m["whole"]:
            cores.append(_Core(m.start(), m.end(), int(m["whole"]) + n / d, None, True))
        else:
            cores.append(_share_core(text, m.start(), m.end(), n / d, prefer))
    for m in _VULGAR_RE.finditer(text) if not text.isascii() and _VULGAR_ANY.search(text) else ():
        f = _VULGAR[m["f"]]
        if m["whole"]:
            cores.append(_Core(m.start(), m.end(), int(m["whole"]) + f, None, True))
        else:
            cores.append(_share_core(text, m.start(), m.end(), f, prefer))
    return cores


_COIN = lazy_regex(r"(?i)\b(?:an?\s+)?(?P<c>nickel|dime|quarter)\b")
_COUNT_BEFORE = lazy_regex(rf"(?i)(?:\d|\b(?:{_NUMWORD}))\s+$")


def _coin_cores(text: str) -> list[_Core]:
    """"a quarter", "dime": one coin, read only when money is wanted (a quarter is otherwise a fourth
    or three months). After a count ("four quarters") the coin is the count's unit."""
    return [_Core(m.start(), m.end(), _COIN_VALUES[m["c"].lower()], "dollar", False)
            for m in _COIN.finditer(text) if not _COUNT_BEFORE.search(text, max(0, m.start() - 20), m.start())]


_SHARE_UNIT = lazy_regex(r"(?i)(?:\s+of)?(?:\s+an?)?[\s-]*")


def _share_unit(text: str, pos: int, prefer: str | None = None) -> tuple[str, int] | None:
    """A measured unit after a fraction: "a quarter mile", "half a gallon", "quarter-litre", "1/2h"."""
    if not (m := _SHARE_UNIT.match(text, pos)):
        return None
    if prefer in _PREFERRED_UNITS and (a := _AMBIGUOUS_UNIT.match(text, m.end())) \
            and (preferred := _PREFERRED_UNITS[prefer].get(a["u"])):
        return preferred, a.end()
    if u := units.UNIT_AFTER.match(text, m.end()):
        unit = units.lookup(u["u"])
        if unit and not units.is_currency(unit) and unit != "quarter" and (len(u["u"]) > 2 or m.end() == pos):
            return unit, u.end()
    return None


_LONE_LETTERS = {"s", "h", "t", "g", "m", "l", "L", "c"}  # "5 m" is a unit only at a phrase's end: "5 m people"
_COINS = lazy_regex(r"(?i)\s+(?P<c>nickels?|dimes?|grand|quarters?)\b")
_COIN_VALUES = {"nickel": 0.05, "dime": 0.1, "grand": 1000.0, "quarter": 0.25}


# what a letter or mark after a figure is when the caller knows the kind it wants (see find_numbers)
NUMBER = "number"  # ``prefer`` for a bare count: "30 l" is thirty lakh, not 30 litres
_PREFERRED_UNITS = {"time": {"m": "minute", "'": "minute", '"': "second", "h": "hour"},
                    "length": {"m": "metre", "k": "kilometre", "in": "inch"}}
_AMBIGUOUS_UNIT = lazy_regex(r"\s?(?P<u>m|k|in|h|'|\")(?![A-Za-z])")
# "2 more minutes", "three additional weeks": the count's unit is after the adjective
_ADJECTIVE = lazy_regex(r"(?i)\s+(?:more|additional|extra|further|fewer|less|consecutive|straight|successive|new|old"
                        r"|other|main|major|key|senior|former|different|separate|similar|best|possible|big|small"
                        r"|large|young)(?=\s+[a-z])")
# "400,000 state residents", "16 energy technology priorities": the counted noun ends the phrase
# verbs after a singular noun are not the counted noun ("a 180 page publication comes with")
_VERBS_IN_S = set("""comes goes says seems looks remains includes means needs becomes contains requires provides
allows gives brings takes makes gets shows lies sits stands""".split())
_NOUN_PHRASE = lazy_regex(r"(?:\s+[a-z]+(?:-[a-z]+)?){0,2}?\s+(?P<head>[a-z]{3,}[^s\W]s)(?![\w-])")


_SPACES = lazy_regex(r"\s*")
_MILLION_BARRELS = lazy_regex(r"\s?(?P<a>mb/d|mbpd)(?![\w/])")


def _unit_after(text: str, pos: int, prefer: str | None = None) -> tuple[str | None, int, float]:
    """The unit that follows a figure: (canonical unit, end, multiplier)."""
    if prefer in _PREFERRED_UNITS and (m := _AMBIGUOUS_UNIT.match(text, pos)) \
            and (unit := _PREFERRED_UNITS[prefer].get(m["u"])):
        return unit, m.end(), 1.0
    if (adj := _ADJECTIVE.match(text, pos)) and (after := _unit_after(text, adj.end(), prefer))[0]:
        return after
    if (m := _COINS.match(text, pos)) and (prefer == "currency" or not m["c"].lower().startswith("quarter")):
        return "dollar", m.end(), _COIN_VALUES[m["c"].lower().rstrip("s")]
    if m := _POINTS.match(text, pos):
        return "percentage point", m.end(), 1.0
    if m := _PERCENT.match(text, pos):
        return (*_with_rate(text, "%", m.end()), 1.0)
    if (m := _SPACES.match(text, pos)) and (u := units.UNIT_AFTER.match(text, m.end())) \
            and (m.end() == pos + 1 or m.end() == pos or len(u["u"]) > 1 or not u["u"].isalpha()):
        unit = units.lookup(u["u"])
        if unit and not (unit == "inch" and u["u"] == "in" and m.end() > pos) \
                and not (u["u"] in _LONE_LETTERS and m.end() > pos and not _END.match(text, u.end())):
            if unit in ("mb/d",):
                return "barrel per day", u.end(), 1e6
            return (*_with_rate(text, unit, u.end()), 1.0)
    if m := _MILLION_BARRELS.match(text, pos):
        return "barrel per day", m.end(), 1e6
    if (m := _COMPOUND.match(text, pos)) and m["w"] not in _NOT_UNITS and m["w"].rstrip("s") not in _COIN_VALUES:
        unit, end = canonical_unit(m["w"]), m.end()
        if _INSTRUMENTS.match(text, end) or m["w"] == "figure":
            return "", end, 1.0  # "10-year notes": a name; "a six-figure salary": a magnitude, not six
        return unit, end, 1.0
    if (m := _WORD_UNIT.match(text, pos)) and m["w"].split()[-1] not in _NOT_UNITS:
        word, end = m["w"], m.end()
        canon = canonical_unit(word)
        if canon == word and not units.lookup(word) and (head := _NOUN_PHRASE.match(text, end)) \
                and not {w.lower() for w in text[end:head.start("head")].split()} & _NOT_UNITS \
                and head["head"] not in _NOT_UNITS and head["head"] not in _VERBS_IN_S:
            word, end = head["head"], head.end()
            canon = canonical_unit(word)
        return (*_with_rate(text, canon or word, end), 1.0)
    return None, pos, 1.0


_END = lazy_regex(r"\s*(?:[.,;:!?)\"']|$)")


_PRICE_PER = lazy_regex(r"(?:\s+(?:per|a|an)\s+|\s*/\s*)")


def _with_rate(text: str, unit: str, end: int) -> tuple[str, int]:
    if " per " in unit:
        return unit, end
    if (r := _RATE.match(text, end)) or (r := _RATE_ADVERB.match(text, end)):
        rate = _ADVERB_RATES.get(r["r"], r["r"])
        return f"{unit} per {rate}", r.end()
    if units.is_currency(unit) and (per := _PRICE_PER.match(text, end)) \
            and (u := units.UNIT_AFTER.match(text, per.end())) and (measure := units.lookup(u["u"])) \
            and not units.is_currency(measure) and (len(u["u"]) > 2 or "/" in per.group()):
        return f"{unit} per {measure}", u.end()  # a price: "$60 a barrel", "$0.06/kWh", "€1.50/litre"
    return unit, end


def _select(cores: list[_Core]) -> list[_Core]:
    """Non-overlapping, the longest first."""
    chosen = longest_first([(c.start, c.end) for c in cores])
    return [cores[i] for i in chosen]


def longest_first(spans: list[tuple[int, int]]) -> list[int]:
    """Indices of non-overlapping spans, picked longest first (earliest on ties), in text order.

    Taken positions are marked in a byte array, so the cost grows with the spans' total length,
    not with their count squared (a 1 MB line of digits holds a third of a million figures)."""
    if len(spans) < 2:
        return [0] if spans and spans[0][0] < spans[0][1] else []
    order = sorted(range(len(spans)), key=spans.__getitem__)
    if all(start < end for start, end in spans) \
            and all(spans[a][1] <= spans[b][0] for a, b in zip(order, order[1:], strict=False)):
        return order  # none overlaps another (most texts' figures): each is picked, in text order
    taken = bytearray(max((end for _, end in spans), default=0) + 1)
    picked: list[tuple[int, int]] = []
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][0] - spans[i][1], spans[i][0], i)):
        start, end = spans[i]
        if end <= start or taken.find(1, start, end) != -1:
            continue
        taken[start:end] = b"\x01" * (end - start)
        picked.append((start, i))
    return [i for _, i in sorted(picked)]


# --- where a pattern can match ------------------------------------------------------------------
# Python's re tries a pattern at every position, and the case-blind ones with long alternations
# (months, number words) are slow at each. A pattern whose every match starts with one of a few
# head words (or a digit) need only be tried where one starts: those places, found in one pass
# over the lower-cased text for many patterns at once, are a superset of where the full scan
# matches, and trying the pattern at each in turn gives the full scan's matches
# (``matches_at``). Case-blind patterns match "ı", "ſ" and "İ" as i, s, i, which lower() does not
# turn into ASCII: a text holding one is scanned in full.
HEAD_LEN = 4  # characters of a head word kept: "janu" sorts out "Jane", "earl" leaves "year" alone
_FOLDS_TO_ASCII = lazy_regex("[\u0130\u0131\u017f]")


@dataclass(frozen=True)
class Head:
    """Where a pattern's match can start: at a word start (not after a letter, digit or "_")
    with one of ``word`` or a digit (``digit``), or anywhere with one of ``mid`` (words the
    pattern does not bound before)."""

    word: frozenset[str] = frozenset()
    mid: frozenset[str] = frozenset()
    digit: bool = False


def heads(*groups) -> frozenset[str]:
    """Each word's first ``HEAD_LEN`` letters, to the first character a pattern may write
    otherwise (the space of "st patrick's", the optional dot of "st. patrick's")."""
    return frozenset(_HEAD_PART.match(w.lower()).group()[:HEAD_LEN] or w  # type: ignore[union-attr]
                     for ws in groups for w in ws)


_HEAD_PART = lazy_regex(r"[a-z0-9]*")  # matches every string, if only with nothing


@dataclass(frozen=True)
class _Scan:
    """One pass that finds where heads start (``pattern``, its group 1 the longest head there)
    and the patterns each found head may start (``ranks``; a digit not listed: ``digit_ranks``)."""

    pattern: re.Pattern
    ranks: dict[str, tuple[int, ...]]
    digit_ranks: tuple[int, ...]
    padded: bool = False  # the pattern reads the character before each head: run on " " + text


def _scan_of(all_heads: list[Head], whole: frozenset[str], side: str) -> _Scan | None:
    """The scan for the ``word`` or the ``mid`` heads of every pattern. A head found is the
    longest one there, so it carries the patterns of the shorter heads it begins with too."""
    own: dict[str, set[int]] = {}
    digit = {rank for rank, head in enumerate(all_heads) if head.digit} if side == "word" else set()
    for rank, head in enumerate(all_heads):
        for key in getattr(head, side):
            own.setdefault(key, set()).add(rank)
    if not own and not digit:
        return None
    ranks = {}
    for key in own:
        got = set(own[key]) | (digit if key[0].isdecimal() else set())
        for n in range(1, len(key)):
            if key[:n] not in whole:
                got |= own.get(key[:n], set())
        ranks[key] = tuple(sorted(got))
    first = "".join(sorted({re.escape(k[0]) for k in own}))
    alts = [units.trie(own, whole)] if own else []
    if side == "word":  # a word start: the patterns bound these heads with \b or a look-behind for \w
        # the character before the head is consumed (a space put before the text stands for its
        # start), so the scan skips every letter and digit in C, and a match's start is the head's
        # place in the text itself; one character is consumed, so every word start is read
        alts.append(r"\d")
        pattern = lazy_regex(rf"[^a-z0-9_](?=[{first}\d])(?=({'|'.join(alts)}))")
        return _Scan(pattern, ranks, tuple(sorted(digit)), padded=True)
    # a first character of a head is consumed, so the scan skips to the next one in C; the look-behind
    # steps back to read the longest head there: one match per position, overlapping heads all found
    pattern = lazy_regex(rf"[{first}](?<=(?=({'|'.join(alts)})).)")
    return _Scan(pattern, ranks, tuple(sorted(digit)))


class HeadScan:
    """For each of several patterns (by rank, as ``heads`` lists theirs), the positions of a
    text where its match can start. ``whole`` are heads the patterns always follow with a
    non-word character ("a", "the"): a word that only begins with one starts no match."""

    def __init__(self, all_heads: list[Head], whole: frozenset[str] = frozenset()) -> None:
        self.size = len(all_heads)
        self.scans = [s for s in (_scan_of(all_heads, whole, "word"), _scan_of(all_heads, whole, "mid")) if s]
        self.mixed = [rank for rank, h in enumerate(all_heads) if h.mid and (h.word or h.digit)]

    def starts(self, text: str) -> list[list[int]] | None:
        """Each pattern's possible match starts in ``text``, in order; None when the text must be
        scanned in full."""
        low = text.lower()
        if len(low) != len(text) or not text.isascii() and _FOLDS_TO_ASCII.search(text):  # the three are not ASCII
            return None
        starts: list[list[int]] = [[] for _ in range(self.size)]
        for scan in self.scans:
            table, digit = scan.ranks, scan.digit_ranks
            for m in scan.pattern.finditer(" " + low if scan.padded else low):
                i = m.start()
                for rank in table.get(m.group(1), digit):
                    starts[rank].append(i)
        for rank in self.mixed:  # a pattern with heads on both sides got two runs of positions
            starts[rank] = sorted(set(starts[rank]))
        return starts


def matches_at(pattern: re.Pattern, text: str, starts: list[int] | None) -> Iterator[re.Match]:
    """``pattern.finditer(text)``, trying the pattern only at ``starts`` (None: everywhere). No
    pattern given heads matches the empty string (each needs its head), so a match's end is the
    next search's start."""
    if starts is None:
        return pattern.finditer(text)
    return _matches_from(pattern, text, starts) if starts else iter(())


def _matches_from(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    pos = 0
    for i in starts:
        if i >= pos and (m := pattern.match(text, i)):
            yield m
            pos = m.end()


_NEGATIVE_WORD = lazy_regex(r"(?i)\b(?:minus|negative)\s+$")
_RANGE_WORD = lazy_regex(r"(?i)\b(?:between|from)\s+$")


_YEAR = lazy_regex(r"1[89]\d\d|20\d\d")
_YEAR_WORD_BEFORE = lazy_regex(r"(?i)\b(?:year|fy)\s+$")
_MONTH_BEFORE = lazy_regex(rf"\b(?:{'|'.join(_MONTH_NAMES)})\.?\s+$")


def _is_date_part(text: str, core: _Core, unit_end: int) -> bool:
    """A year before a singular noun ("the 2016 plan") or after "year" ("fiscal year 2019 seizures"),
    or a day after its month ("an Oct. 26 letter"): the word after is not what the figure counts."""
    if _MONTH_BEFORE.search(text, max(0, core.start - 12), core.start):
        return core.end - core.start <= 2
    if not _YEAR.fullmatch(text, core.start, core.end):
        return False
    plural = text[unit_end - 1:unit_end] == "s"
    return not plural or bool(_YEAR_WORD_BEFORE.search(text, max(0, core.start - 8), core.start))


_BELOW_ZERO = lazy_regex(r"(?i)\s+(?P<side>below|under|above)\s+zero\b")
_TEMPERATURES = {None, "degree", "celsius", "fahrenheit"}


# Where the number-word patterns' matches can start (``HeadScan``); "a", "an" and the small numbers
# are always followed by a space or a hyphen in them.
_PATTERN_HEADS = {
    _WORD_RUN: Head(word=heads(("a", "an", "point"), _NUMWORDS), digit=True),
    _A_UNIT: Head(word=heads(("a", "an", "one"))),
    _COUPLE: Head(word=heads(("a",))),
    _POINT: Head(word=heads(("point",)), digit=True),
    _ONE_IN: Head(word=heads(list(_SMALL)[1:], ("twenty",)), digit=True),
}
_HEADED = list(_PATTERN_HEADS)
_HEADS = HeadScan(list(_PATTERN_HEADS.values()), frozenset({"a", "an", "one", "two", "six", "ten"}))


def _starts_of(at: list[list[int]] | None, pattern: re.Pattern) -> list[int] | None:
    """Where ``pattern`` can match, of ``_HEADS.starts(text)``; None (everywhere) without it."""
    return None if at is None else at[_HEADED.index(pattern)]


def _scan(text: str, prefer: str | None = None, expect: bool = False, _full: bool = False) -> list[_Figure]:
    """Every figure in ``text``: where it is, its value, unit, hedge and (for a range) upper end.

    In an ``expect`` a unit is always the figure's: "2016 resident" is a count, not a year.
    ``_full`` tries every pattern everywhere, without ``_HEADS`` (which must read the same)."""
    coins = _coin_cores(text) if prefer == "currency" else []
    at = None if _full else _HEADS.starts(text)
    singles = _select(coins + _digit_cores(text, prefer) + _word_cores(text, at) + _fraction_cores(text, prefer, at)
                      + _spoken_cores(text, at)
                      + _dash_range_cores(text, prefer) + _a_unit_cores(text, prefer, at))
    cores = _select(singles + _range_cores(text, singles, prefer))
    found: list[_Figure] = []
    prev_end = 0
    for i, core in enumerate(cores):
        if core.start < prev_end:
            continue  # taken by the figure before ("one hour and half", "2 below zero")
        limit = cores[i + 1].start if i + 1 < len(cores) else len(text)
        value, upper, unit, end = core.value, core.upper, core.unit, core.end
        if core.takes_unit:
            if unit:  # a currency before: only a rate may follow ("$3 billion a year")
                unit, end = _with_rate(text, unit, end)
                factor = 1.0
            else:
                unit, end, factor = _unit_after(text, end, prefer)
            if end > limit:
                unit, end, factor = core.unit, core.end, 1.0
            if unit == "":
                prev_end = end
                continue
            if unit and unit not in units.UNITS and not expect and _is_date_part(text, core, end):
                unit, end, factor = None, core.end, 1.0  # "the 2016 plan", "an Oct. 26 letter": not counts
            value *= factor
            upper = upper * factor if upper is not None else None
        if upper is None and unit in units.UNITS and not units.is_currency(unit) \
                and (mixed := _and_fraction(text, end, value, scales=False)):
            value, end = mixed  # "an hour and a half", "one month and half"
        if upper is None and unit in _TEMPERATURES and (z := _BELOW_ZERO.match(text, end)):
            value, unit, end = -value if z["side"].lower() != "above" else value, unit or "degree", z.end()
        start, hedge = core.start, None
        if n := _NEGATIVE_WORD.search(text, max(prev_end, start - 12), start):
            start, value = n.start(), -value
        if h := _HEDGE_BEFORE.search(text, max(prev_end, start - 40), start):
            word = " ".join(h["h"].lower().split())
            keep = not (word == "over" and units.dimension(unit) == "time"
                        and not _OVER_KEEPS_HEDGE.search(text, max(0, h.start() - 12), h.start()))
            if keep:  # "over three days" spans them; "for over three days" exceeds them
                start, hedge = h.start(), word
        if upper is not None and (r := _RANGE_WORD.search(text, max(prev_end, start - 12), start)):
            start = r.start()
        found.append(_Figure(start, end, value, unit, hedge, upper))
        prev_end = end
    return _composites(text, found)


_PART_GAP = lazy_regex(r"(?i)(?:\s*,\s*|\s+)(?:and\s+)?|")
_MEASURES = {"length", "mass", "volume", "time"}
_NEXT_SMALLER = {"hour": "minute", "minute": "second", "foot": "inch"}


def _composites(text: str, found: list[_Figure]) -> list[_Figure]:
    """"7 feet and 10 inches" is 94 inches; "$20 and 43c" and "US$3 and fourteen" are 20.43 and 3.14."""
    out: list[_Figure] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is None or prev.upper is not None or f.upper is not None or f.hedge or f.value < 0 \
                or not _PART_GAP.fullmatch(text, prev.end, f.start):
            out.append(f)
            continue
        a, b = units.UNITS.get(prev.unit or ""), units.UNITS.get(f.unit or "")
        if a and f.unit is None and a.name in _NEXT_SMALLER and float(f.value).is_integer() \
                and 0 < f.value < 60 and _END.match(text, f.end):
            b = units.UNITS[_NEXT_SMALLER[a.name]]  # "1 hour thirty", "5 feet 10": the next unit down
        if a and b and a.dimension == b.dimension in _MEASURES and b.factor < a.factor:
            out[-1] = _Figure(prev.start, f.end, units.convert(prev.value, a.name, b.name) + f.value, b.name,
                              prev.hedge)
        elif a and a.dimension == "currency" and a.name != "cent" and 0 < f.value < 100 \
                and float(f.value).is_integer() \
                and (f.unit == "cent" or f.unit is None and _END.match(text, f.end)):
            out[-1] = _Figure(prev.start, f.end, prev.value + f.value / 100, a.name, prev.hedge)
        else:
            out.append(f)
    return out


def _quantity(value: float, unit: str | None, hedge: str | None, text: str, upper: float | None = None) -> Quantity:
    low, high = _interval(value, hedge)
    if upper is not None:
        ends = (_interval(value, hedge), _interval(upper, hedge))
        low, high = min(e[0] for e in ends), max(e[1] for e in ends)  # a range written backwards too
    return Quantity(value, low, high, unit, hedge, text, upper)


def find_numbers(text: str, prefer: str | None = None) -> list[NumberMatch]:
    """Every figure in ``text``, in digits or words, with the hedge before it and the unit after it.

    ``prefer`` is the kind of figure the caller looks for, when it knows it (the kind of a claim's
    ``expect``): a dimension of ``units`` ("currency", "length", "time", ...) or ``NUMBER``. It
    settles what is ambiguous out of context: "2 m" is two minutes for "time", two metres for
    "length"; "3m" three metres for "length", else three million; "a quarter" a coin for
    "currency", else a fourth; "30 l" thirty lakh for ``NUMBER``, else 30 litres."""
    return list(_found(text, prefer))


_READ_TEXTS = 256  # texts whose figures are kept: a sentence with many figures is read once per figure's claim


@lru_cache(maxsize=_READ_TEXTS)
def _found(text: str, prefer: str | None) -> tuple[NumberMatch, ...]:
    return tuple(NumberMatch(f.start, f.end, text[f.start:f.end],
                             _quantity(f.value, f.unit, f.hedge, text[f.start:f.end], f.upper))
                 for f in _scan(ascii_case(text), prefer))


def kind(quantity: Quantity) -> str | None:
    """The ``prefer`` that reads an article the way ``quantity`` (a claim's expect) is meant: its unit's
    dimension ("currency" for "$0.25", "time" for "2 minutes"); None for a bare number or a counted noun."""
    return units.dimension(quantity.unit)


# --- ordinals --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ordinal:
    """A rank ("the seventh straight session", "31st"): its own kind, never a count of something."""
    start: int
    end: int
    text: str
    value: int


_ORDINAL_WORDS = {**{w: n for w, n in _ORDINAL_UNITS.items() if w not in ("half", "quarter")},
                  "first": 1, "second": 2}
_ORDINAL_ALTS = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_ORDINAL = lazy_regex(
    rf"(?i)\b(?:(?P<tens>{'|'.join(_TENS)})(?:[\s\-\u2014]?))?(?P<unit>{_ORDINAL_ALTS})\b"
    r"|\b(?P<digits>\d+)\s?(?P<suffix>st|nd|rd|th)\b")


def _ordinal_suffix(n: int) -> str:
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def find_ordinals(text: str) -> list[Ordinal]:
    """Every rank in ``text``, in digits ("42nd") or words ("forty-second", "twentyfifth")."""
    found = []
    for m in _ORDINAL.finditer(ascii_case(text)):
        if m["digits"]:
            n = int(m["digits"])
            if m["suffix"].lower() != _ordinal_suffix(n):
                continue  # "1th" is not English
        else:
            unit = _ORDINAL_WORDS[m["unit"].lower()]
            if m["tens"] and unit >= 10:
                continue
            n = (_TENS[m["tens"].lower()] if m["tens"] else 0) + unit
        found.append(Ordinal(m.start(), m.end(), text[m.start():m.end()], n))
    return found


# --- the claims file -------------------------------------------------------------------------

_EXAMPLES = ("e.g. '20%', 'about 20%', '21 million barrels per day', '100 metric tons', '$1.2bn', "
             "'EUR 125', '-5%', 'one fourth' or 300")


_EXPECT_MAX = 200  # characters: the longest figure with hedge and unit is far shorter ("a little under ...")


def parse_expect(value: str | int | float) -> Quantity:
    """A claim's ``expect``: one figure with an optional hedge and unit, nothing else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"number expect must be a figure ({_EXAMPLES}), not {type(value).__name__} {value!r}")
    if not isinstance(value, str):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"number expect {value!r} is not a finite number")
        return _quantity(number, None, None, str(value))
    text = ascii_case(value.strip())
    if len(text) > _EXPECT_MAX:
        raise ValueError(f"number expect of {len(text)} characters is not one figure ({_EXAMPLES})")
    found = _scan(text, expect=True)
    if not (len(found) == 1 and found[0].start == 0 and found[0].end == len(text)) and len(text.lower()) == len(text):
        found = _scan(text.lower(), expect=True) or found  # "About 20 Percent", "Six Days"
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text):
        f = found[0]
        return _quantity(f.value, f.unit, f.hedge, text, f.upper)
    if len(found) == 1 and found[0].start == 0:
        read, rest = text[: found[0].end], text[found[0].end:].strip()
        raise ValueError(f"number expect {value!r}: read {read!r} but not {rest!r}; write one figure with "
                         f"an optional hedge and a one-word or rate unit ({_EXAMPLES})")
    if len(found) > 1:
        raise ValueError(f"number expect {value!r} holds more than one figure ({_EXAMPLES})")
    raise ValueError(f"number expect {value!r} is not a figure ({_EXAMPLES})")


def parse_tolerance(value: str | int | float) -> Tolerance:
    """A claim's ``tolerance``: "10%" (relative) or a plain number in the value's unit."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"tolerance must be a percentage ('10%') or a plain number (2), not {value!r}")
    if not isinstance(value, str):
        if not math.isfinite(value) or value < 0:
            raise ValueError(f"tolerance {value!r} must be a non-negative number")
        return Tolerance(absolute=float(value))
    m = re.fullmatch(r"\s*(?:±|\+/-|\+-)?\s*(\d+(?:\.\d*)?|\.\d+)\s*(%|percent|per\s+cent)?\s*", value, re.I)
    if not m:
        raise ValueError(f"tolerance {value!r} must be a percentage ('10%') or a plain number ('2')")
    number = float(m[1])
    return Tolerance(relative=number / 100) if m[2] else Tolerance(absolute=number)


# --- formatting ------------------------------------------------------------------------------


def _short(x: float) -> str:
    return f"{x:.3f}".rstrip("0").rstrip(".")


def _fmt(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{_short(value / scale)} {word}"
    if float(value).is_integer():
        return str(int(value)) if abs(value) < 10000 else f"{int(value):,}"
    return _short(value)


def _with_unit(number: str, unit: str | None) -> str:
    if unit is None:
        return number
    return f"{number}%" if unit == "%" else f"{number} {unit}"


def _exact(value: float) -> str:
    """Every digit a float holds, without an exponent: 1234567.5 -> "1234567.5"."""
    if float(value).is_integer():
        return str(int(value))
    return format(Decimal(repr(value)), "f")


def render(quantity: Quantity) -> str:
    """A figure written so that ``parse_expect`` reads back the same value, unit, hedge and range."""
    figure = _exact(quantity.value)
    if quantity.upper is not None:  # a range written backwards is read back only with its dash
        figure = f"{figure}{'-' if quantity.upper < quantity.value else ' to '}{_exact(quantity.upper)}"
    if quantity.upper is not None and quantity.unit is None and not quantity.hedge:
        figure = f"between {_exact(quantity.value)} and {_exact(quantity.upper)}"
    core = _with_unit(figure, quantity.unit)
    return f"{quantity.hedge} {core}" if quantity.hedge else core
