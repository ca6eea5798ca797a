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
number, which agrees with any unit on value alone. Different units never agree (no conversion).

Not figures: vague plurals ("thousands", "dozens"), names and codes ("S-300", "Covid-19", "F16",
"4G"), ordinals ("4th"), decades ("1990s"), digits joined to digits by '-', ':' or '/' ("2017-02-04",
"10:30", "24/7"; ranges such as "10-12" are not read). Years come back as bare numbers; callers
filter by unit.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from .lexicon import SCALES, SMALL_NUMBERS, TENS

# --- types -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    value: float  # the stated central value in the canonical unit ("21%" -> 21.0, "one fourth" -> 25.0)
    low: float  # the interval the wording allows
    high: float
    unit: str | None
    hedge: str | None
    text: str  # the original wording

    def __str__(self) -> str:
        core = _with_unit(_fmt(self.value), self.unit)
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
_HEDGE_BEFORE = re.compile(rf"(?i)(?<![\w-])(?P<h>{_HEDGE_ALTS})\s+$")


def _interval(value: float, hedge: str | None) -> tuple[float, float]:
    lo, hi = _HEDGE_FACTORS[_HEDGE_KINDS.get(hedge) if hedge else None]
    a, b = value * lo, value * hi
    return (a, b) if a <= b else (b, a)


# --- number words ----------------------------------------------------------------------------

_SMALL = SMALL_NUMBERS
_TENS = TENS
_SCALES = SCALES
_NUMWORDS = set(_SMALL) | set(_TENS) | set(_SCALES) | {"hundred", "dozen"}
_NUMWORD = "|".join(sorted(_NUMWORDS, key=len, reverse=True))
_SCALE_WORD = "hundred|thousand|million|billion|trillion|dozen"
_WORD_RUN = re.compile(
    rf"(?i)\b(?:an?(?=[\s-]+(?:{_SCALE_WORD})\b)|(?:{_NUMWORD}))(?:(?:\s+and\s+|[\s-]+)(?:{_NUMWORD}))*\b")
_TOKEN = re.compile(r"[A-Za-z]+")
_PRONOUN_ONE = re.compile(r"(?i)\b(?:no|any|every|each|some|the|this|that|which|previous|other|only)\s+$")
_AND_A_HALF = re.compile(r"(?i)\s+and\s+a\s+half\b(?:[\s-]+(?P<scale>thousand|million|billion|trillion)\b)?")


def _parse_words(words: list[str], first: int = 0) -> tuple[float, int] | None:
    """The longest grammatical number in ``words`` from ``first`` on: (value, words used)."""
    total, group, last, biggest = 0.0, 0.0, None, math.inf
    best = None
    for i in range(len(words) - first):
        w = words[first + i]
        if w in ("a", "an"):
            if i:
                break
            group, last = 1, "a"
            continue
        if w == "and":
            nxt = words[first + i + 1] if first + i + 1 < len(words) else ""
            if last in ("hundred", "scale") and (nxt in _TENS or _SMALL.get(nxt, 0) > 0):
                last = "and"
                continue
            break
        if w in _SMALL:
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
            if last not in (None, "hundred", "scale", "and"):
                break
            group += _TENS[w]
            last = "tens"
        elif w == "hundred":
            if last not in ("unit", "teen", "a") or group >= 100:
                break
            group *= 100
            last = "hundred"
        elif w == "dozen":
            if last not in ("unit", "teen", "a"):
                break
            best = (total + group * 12, i + 1)
            break
        elif w in _SCALES:
            scale = _SCALES[w]
            if last not in ("unit", "unit+", "teen", "tens", "hundred", "a") or scale >= biggest:
                break
            total += group * scale
            group, biggest, last = 0, scale, "scale"
        else:
            break
        best = (total + group, i + 1)
    return best


# --- fractions of a whole --------------------------------------------------------------------

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "fourth": 4, "quarter": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION = re.compile(
    r"(?i)\b(?:(?P<num>an?|one|two|three|four|five|six|seven|eight|nine)[\s-]+)?"
    r"(?P<den>half|halves|thirds?|fourths?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b")
_HALF_OF_SCALE = re.compile(r"(?i)\s+an?\s+(?P<scale>thousand|million|billion|trillion|dozen)\b")
_NOT_HALF_BEFORE = re.compile(r"(?i)\b(?:first|second|other|latter|former|last|next|top|bottom|back|front)\s+$")
_AND_BEFORE = re.compile(r"(?i)\band\s+$")  # "one and a half" is read with its whole number
_A_FRACTION_AFTER = re.compile(r"\s+of\b|\s*(?:[.,;:!?)\"']|$)")
_SMALL_ALTS = "|".join(sorted(list(_SMALL)[1:] + ["twenty"], key=len, reverse=True))
_ONE_IN = re.compile(
    rf"(?i)(?<![\w.,$-])(?P<a>{_SMALL_ALTS}|\d{{1,3}})\s+(?:in|out\s+of)\s+(?:every\s+)?"
    rf"(?P<b>{_SMALL_ALTS}|hundred|a\s+hundred|\d{{1,4}})\b(?![.,]\d)")

# --- digits, scales, currencies --------------------------------------------------------------

_DIGITS = re.compile(
    r"(?<![\w.,:/#])(?<!\w-)(?P<cur>(?:US|A|C|HK)?\$|€|£)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?!,\d{3})(?![.,:/]\d)(?!-\d)")
_SCALE_AFTER = re.compile(r"(?i)(?:\s+|-)?(?P<s>hundred|thousand|million|billion|trillion)\b|\s?(?P<short>bn|mn|mln)\b")
_CURRENCY_SCALE = re.compile(r"\s?(?P<short>[mkb])\b")
_SHORT_SCALES = {"bn": 1e9, "b": 1e9, "mn": 1e6, "mln": 1e6, "m": 1e6, "k": 1e3}
_CURRENCIES = {"$": "dollar", "us$": "dollar", "a$": "dollar", "c$": "dollar", "hk$": "dollar",
               "€": "euro", "£": "pound"}

# --- units -----------------------------------------------------------------------------------

_PERCENT = re.compile(r"(?i)\s*(?:%|(?:percent|per\s+cent|pct)\b)")
_POINTS = re.compile(r"(?i)\s*percentage[\s-]+points?\b")
_ABBR_UNIT = re.compile(r"(?i)\s?(?P<a>mb/d|mbpd|bbl/d|b/d|bpd|km/h|kph|mph|km2|sq\s?km|km|kg)(?![\w/])")
_ABBR_UNITS = {"mb/d": ("barrel per day", 1e6), "mbpd": ("barrel per day", 1e6), "bbl/d": ("barrel per day", 1),
               "b/d": ("barrel per day", 1), "bpd": ("barrel per day", 1), "km/h": ("kilometre per hour", 1),
               "kph": ("kilometre per hour", 1), "mph": ("mile per hour", 1), "km2": ("square kilometre", 1),
               "sq km": ("square kilometre", 1), "sqkm": ("square kilometre", 1), "km": ("kilometre", 1),
               "kg": ("kilogram", 1)}
_COMPOUND = re.compile(r"-(?P<w>[a-z]+)(?:-(?:old|long))?(?![\w-])")
_WORD_UNIT = re.compile(r" +(?P<w>(?:square |cubic )?[a-z]+)(?![\w-])")
_RATES = "day|week|month|year|hour|minute|annum|capita|person|head"
_RATE = re.compile(rf"(?:\s+of\s+[a-z]+)?(?:\s+(?:per|a|an|each|every)\s+|\s*/\s*)(?P<r>{_RATES})\b(?!-)")
_RATE_ADVERB = re.compile(r"(?:\s+of\s+[a-z]+)?\s+(?P<r>daily|weekly|monthly|annually|yearly|hourly)\b")
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
became including""".split()) | _NUMWORDS
_CANON = {"percent": "%", "per cent": "%", "pct": "%", "percentage": "%",
          "b/d": "barrel per day", "bpd": "barrel per day", "bbl/d": "barrel per day", "mb/d": "barrel per day",
          "km": "kilometre", "kilometer": "kilometre", "kph": "kilometre per hour", "km/h": "kilometre per hour",
          "mph": "mile per hour", "kg": "kilogram", "kilo": "kilogram", "meter": "metre", "ton": "tonne",
          "usd": "dollar", "$": "dollar", "us$": "dollar", "€": "euro", "eur": "euro", "£": "pound",
          "gbp": "pound", "yr": "year", "hr": "hour", "min": "minute", "sq km": "square kilometre",
          "km2": "square kilometre", "square kilometer": "square kilometre", "annum": "year"}
_IRREGULAR = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot",
              "teeth": "tooth", "mice": "mouse", "lives": "life", "wives": "wife", "halves": "half",
              "crises": "crisis", "analyses": "analysis", "series": "series", "species": "species",
              "news": "news", "data": "data", "gas": "gas", "bus": "bus", "us": "us"}


def _singular(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def canonical_unit(unit: str | None) -> str | None:
    """"barrels per day", "b/d" and "bpd" are one unit; so are "days" and "day"."""
    if unit is None:
        return None
    phrase = " ".join(unit.lower().split())
    if phrase in _CANON:
        return _CANON[phrase]
    if " per " in phrase:
        head, rate = phrase.split(" per ", 1)
        return f"{canonical_unit(head)} per {canonical_unit(rate)}"
    words = phrase.split(" ")
    words[-1] = _singular(words[-1])
    phrase = " ".join(words)
    return _CANON.get(phrase, phrase)


def units_compatible(a: str | None, b: str | None) -> bool:
    """A bare number is compatible with any unit; otherwise the canonical units must be equal."""
    if a is None or b is None:
        return True
    return canonical_unit(a) == canonical_unit(b)


# --- comparison ------------------------------------------------------------------------------


def agrees(stated: Quantity, expected: Quantity, tolerance: Tolerance | None = None) -> bool:
    """Compatible units and overlapping intervals, the expected one widened by the tolerance."""
    if not units_compatible(stated.unit, expected.unit):
        return False
    tol = tolerance or DEFAULT_TOLERANCE
    slack = max((tol.relative or 0.0) * abs(expected.value), tol.absolute or 0.0)
    slack += 1e-9 * max(abs(expected.value), abs(stated.value), 1.0)  # float rounding at the bounds
    return stated.low <= expected.high + slack and stated.high >= expected.low - slack


# --- scanning --------------------------------------------------------------------------------


@dataclass
class _Core:
    start: int
    end: int
    value: float
    unit: str | None  # fixed by the core itself ("%" for fractions, a currency)
    takes_unit: bool  # whether a unit may follow


def _digit_cores(text: str) -> list[_Core]:
    cores = []
    for m in _DIGITS.finditer(text):
        value = float(m["num"].replace(",", ""))
        end = m.end()
        currency = _CURRENCIES.get(m["cur"].lower()) if m["cur"] else None
        if s := _SCALE_AFTER.match(text, end):
            word = (s["s"] or "").lower()
            value *= 100 if word == "hundred" else _SCALES[word] if word else _SHORT_SCALES[s["short"].lower()]
            end = s.end()
        elif currency and (s := _CURRENCY_SCALE.match(text, end)):
            value *= _SHORT_SCALES[s["short"].lower()]
            end = s.end()
        if end < len(text) and text[end].isalpha() and not _ABBR_UNIT.match(text, end):
            continue  # "4th", "1990s", "4G", "100m": an ordinal, a decade, a name or an unknown unit
        if math.isfinite(value):
            cores.append(_Core(m.start(), end, value, currency, True))
    return cores


def _word_cores(text: str) -> list[_Core]:
    cores = []
    for run in _WORD_RUN.finditer(text):
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
            if used == 1 and words[i - 1] == "one" and (
                _PRONOUN_ONE.search(text, max(0, start - 12), start)
                or re.match(r"\s+another\b", text[end:end + 10])
            ):
                continue  # "no one", "one another"
            if value < 1000 and (h := _AND_A_HALF.match(text, end)):
                value = (value + 0.5) * (_SCALES[h["scale"].lower()] if h["scale"] else 1)
                end = h.end()
            cores.append(_Core(start, end, value, None, True))
    return cores


def _fraction_cores(text: str) -> list[_Core]:
    cores = []
    for m in _FRACTION.finditer(text):
        num, den = (m["num"] or "").lower(), m["den"].lower()
        plural = den.endswith("s")
        d = _DENOMINATORS[den.rstrip("s") if den != "halves" else den]
        if not num:
            if den != "half" or _NOT_HALF_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                    or text[m.end():m.end() + 1] == "-":
                continue
            if s := _HALF_OF_SCALE.match(text, m.end()):  # "half a million" is a count, not a share
                scale = s["scale"].lower()
                cores.append(_Core(m.start(), s.end(), 6.0 if scale == "dozen" else _SCALES[scale] / 2, None, True))
                continue
            n = 1
        elif num in ("a", "an"):
            if plural or _AND_BEFORE.search(text, max(0, m.start() - 12), m.start()) \
                    or not _A_FRACTION_AFTER.match(text, m.end()):
                continue  # "a third country" is an ordinal
            n = 1
        else:
            n = _SMALL[num]
            if plural != (n > 1):
                continue
        cores.append(_Core(m.start(), m.end(), n / d * 100, "%", False))
    for m in _ONE_IN.finditer(text):
        a, b = (re.sub(r"\s+", " ", g.lower()) for g in (m["a"], m["b"]))
        na = int(a) if a.isdigit() else _SMALL.get(a, 20)
        nb = int(b) if b.isdigit() else {"hundred": 100, "a hundred": 100}.get(b) or _SMALL.get(b, 20)
        if 2 <= nb <= 1000 and 0 < na <= nb:
            cores.append(_Core(m.start(), m.end(), na / nb * 100, "%", False))
    return cores


def _unit_after(text: str, pos: int) -> tuple[str | None, int, float]:
    """The unit that follows a figure: (canonical unit, end, multiplier)."""
    if m := _POINTS.match(text, pos):
        return "percentage point", m.end(), 1.0
    if m := _PERCENT.match(text, pos):
        unit, end, factor = "%", m.end(), 1.0
    elif m := _ABBR_UNIT.match(text, pos):
        key = re.sub(r"\s+", " ", m["a"].lower())
        unit, factor = _ABBR_UNITS.get(key) or _ABBR_UNITS[key.replace(" ", "")]
        end = m.end()
        if " per " in unit:
            return unit, end, factor
    elif (m := _COMPOUND.match(text, pos)) and m["w"] not in _NOT_UNITS:
        unit, end, factor = canonical_unit(m["w"]), m.end(), 1.0
    elif (m := _WORD_UNIT.match(text, pos)) and m["w"].split()[-1] not in _NOT_UNITS:
        unit, end, factor = canonical_unit(m["w"]), m.end(), 1.0
    else:
        return None, pos, 1.0
    return (*_with_rate(text, unit, end), factor)


def _with_rate(text: str, unit: str, end: int) -> tuple[str, int]:
    if (r := _RATE.match(text, end)) or (r := _RATE_ADVERB.match(text, end)):
        rate = _ADVERB_RATES.get(r["r"], r["r"])
        return f"{unit} per {rate}", r.end()
    return unit, end


def _select(cores: list[_Core]) -> list[_Core]:
    """Non-overlapping, the longest first."""
    chosen = longest_first([(c.start, c.end) for c in cores])
    return [cores[i] for i in chosen]


def longest_first(spans: list[tuple[int, int]]) -> list[int]:
    """Indices of non-overlapping spans, picked longest first (earliest on ties), in text order."""
    starts: list[int] = []
    ends: list[int] = []
    picked: list[tuple[int, int]] = []
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][0] - spans[i][1], spans[i][0], i)):
        start, end = spans[i]
        at = bisect.bisect_right(starts, start)
        if (at and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        starts.insert(at, start)
        ends.insert(at, end)
        picked.insert(at, (start, i))
    return [i for _, i in picked]


def _scan(text: str) -> list[tuple[int, int, float, str | None, str | None]]:
    """(start, end, value, unit, hedge) for every figure in ``text``."""
    cores = _select(_digit_cores(text) + _word_cores(text) + _fraction_cores(text))
    found = []
    prev_end = 0
    for i, core in enumerate(cores):
        limit = cores[i + 1].start if i + 1 < len(cores) else len(text)
        value, unit, end = core.value, core.unit, core.end
        if core.takes_unit:
            if unit:  # a currency: only a rate may follow ("$3 billion a year")
                unit, end = _with_rate(text, unit, end)
                factor = 1.0
            else:
                unit, end, factor = _unit_after(text, end)
            if end > limit:
                unit, end, factor = core.unit, core.end, 1.0
            value *= factor
        start, hedge = core.start, None
        if h := _HEDGE_BEFORE.search(text, max(prev_end, core.start - 40), core.start):
            start, hedge = h.start(), " ".join(h["h"].lower().split())
        found.append((start, end, value, unit, hedge))
        prev_end = end
    return found


def _quantity(value: float, unit: str | None, hedge: str | None, text: str) -> Quantity:
    low, high = _interval(value, hedge)
    return Quantity(value, low, high, unit, hedge, text)


def find_numbers(text: str) -> list[NumberMatch]:
    """Every figure in ``text``, in digits or words, with the hedge before it and the unit after it."""
    return [NumberMatch(s, e, text[s:e], _quantity(v, u, h, text[s:e])) for s, e, v, u, h in _scan(text)]


# --- the claims file -------------------------------------------------------------------------

_EXAMPLES = "e.g. '20%', 'about 20%', '21 million barrels per day', '6 days', 'one fourth' or 300"


def parse_expect(value: str | int | float) -> Quantity:
    """A claim's ``expect``: one figure with an optional hedge and unit, nothing else."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"number expect must be a figure ({_EXAMPLES}), not {type(value).__name__} {value!r}")
    if not isinstance(value, str):
        number = float(value)
        if not math.isfinite(number):
            raise ValueError(f"number expect {value!r} is not a finite number")
        return _quantity(number, None, None, str(value))
    text = value.strip()
    lowered = text.lower() if len(text.lower()) == len(text) else text
    found = _scan(lowered)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text):
        _, _, number, unit, hedge = found[0]
        return _quantity(number, unit, hedge, text)
    if len(found) == 1 and found[0][0] == 0:
        read, rest = text[: found[0][1]], text[found[0][1]:].strip()
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
