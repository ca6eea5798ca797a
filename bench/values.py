"""How well the figure and date readers read Duckling's English corpus, beside other parsers.

    .venv/bin/python bench/values.py [--data /work/shared/bench/duckling-en] [--no-libs]

Each case is a bare phrase with the value Duckling asserts (see the corpus's ABOUT.md). A reading
is right when the value AND its precision match as the text states them: a number's value; money's
amount and currency (never converted); a quantity's value after conversion into Duckling's unit;
a date's value at its grain ("March" is 2013-03, not 2013-03-01). Latent cases (a bare "7", "four"
as a quantity) are left out: Duckling itself reads them only on request. Times of day, date
intervals and the holidays of lunar calendars or one-off events (``NOT_BY_RULE``) are reported on
their own lines and stay out of the date target. Dates resolve against 2013-02-12 with
``tense=FUTURE``, the corpus's convention for bare phrases ("tuesday" is the next one), and each
case's locale gives ``date_order`` (EN, US, CA, PH month first; the rest day first) and the region
whose holidays are meant (Thanksgiving is in October under EN_CA).

Duckling reads each case for its one dimension, so "ours" is told the kind the case asks for
(``find_numbers(text, prefer=...)``: "2 m" is then two minutes for a duration, "3m" three metres
for a distance, "a quarter" a coin for money); "ours-untold" reads the same text without it, as
the article reader does when no ``expect`` says the kind. Durations are compared in seconds with
Duckling's calendar (a month 30 days, a year 365); the targets are on "ours".

The libraries (dateparser, text2num, price-parser, pint, quantulum3) are installed only for this
bench; each runs on the categories it applies to. A second data set, news sentences written for
this bench (not tuned on), checks that the corpus result carries over to sentence context. Last, a
1 MB line of digits and spaces checks that the readers stay linear in their input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import logging
import math
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from factcheck import dates, numbers, units

DATA = Path("/work/shared/bench/duckling-en")
REFERENCE = dt.datetime(2013, 2, 12, 4, 30)
MDY_LOCALES = {"EN", "EN_ALL", "EN_US", "EN_CA", "EN_PH"}
DUCKLING_UNITS = {"kilometre": "kilometre", "metre": "metre", "centimetre": "centimetre", "millimetre": "millimetre",
                  "mile": "mile", "foot": "foot", "inch": "inch", "yard": "yard", "gram": "gram", "pound": "pound",
                  "ounce": "ounce", "cup": "cup", "litre": "litre", "millilitre": "millilitre",
                  "hectolitre": "hectolitre", "gallon": "gallon", "celsius": "celsius", "fahrenheit": "fahrenheit",
                  "degree": "degree", "second": "second", "minute": "minute", "hour": "hour", "day": "day",
                  "week": "week", "month": "month", "year": "year", "quarter": "quarter"}
GENERIC_MONEY = {"$": "dollar", "£": "pound", "cent": "cent", "dinar": "dinar", "riyal": "riyal", "rial": "rial"}


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, text: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(text)

    def share(self) -> str:
        return f"{self.right / self.total:.3f} ({self.right}/{self.total})" if self.total else "-"


def close(a: float | None, b: float) -> bool:
    return a is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


# --- our readers -------------------------------------------------------------------------------


def widest(found: list[numbers.NumberMatch]) -> numbers.Quantity | None:
    return max(found, key=lambda m: m.end - m.start).quantity if found else None


# the kind of figure each Duckling dimension asks for: Duckling reads a case for that one dimension
# ("2 m" is a duration of two minutes there, "9m" a distance); our reader is told it the same way
PREFER = {"numeral": numbers.NUMBER, "amount-of-money": "currency", "distance": "length", "duration": "time",
          "volume": "volume", "quantity": "mass", "temperature": "temperature"}
# Duckling's normalisation of calendar units (its inSeconds): a month is 30 days, a year 365
DUCKLING_SECONDS = {"month": 30 * 86400, "quarter": 90 * 86400, "year": 365 * 86400}


def prefer(case: dict[str, Any], told: bool) -> str | None:
    return PREFER.get(case["dimension"]) if told else None


def our_number(text: str, kind: str | None = numbers.NUMBER) -> float | None:
    q = widest(numbers.find_numbers(text, kind))
    if q is None:
        return None
    if q.unit == "%" and not re.search(r"(?i)%|percent|per cent", text):
        return q.value / 100  # a fraction of a whole is read as a share
    return q.value if q.unit is None or q.unit == "%" else None


def our_ordinal(text: str) -> float | None:
    found = numbers.find_ordinals(text)
    return float(max(found, key=lambda o: o.end - o.start).value) if found else None


REGION_DOLLARS = {"EN_US": "USD", "EN_AU": "AUD", "EN_CA": "CAD", "EN_NZ": "NZD", "EN_JM": "JMD", "EN_TT": "TTD",
                  "EN_BZ": "BZD", "EN_GB": "GBP"}


def money_unit_ok(unit: str | None, case: dict[str, Any]) -> bool:
    """The currency the text states. A bare "dollar" ("a dime", "a grand") takes its region's dollar
    from the case's locale, as Duckling does: the locale is outside the text."""
    if case["currency"]:
        if REGION_DOLLARS.get(case["locale"]) == case["currency"] and unit == "dollar" and case["currency"] != "GBP":
            return True
        return units.currency_code(unit) == case["currency"]
    if case["unit"] == "unknown":
        return unit is None or (units.is_currency(unit) and units.currency_code(unit) is None)
    return unit == GENERIC_MONEY.get(case["unit"])


def value_ok(q: numbers.Quantity, case: dict[str, Any], convert: Callable[[float], float]) -> bool:
    v = case["value"]
    if case["kind"] == "value":
        return q.upper is None and close(convert(q.value), v)
    if case["kind"] == "interval":
        return q.upper is not None and close(convert(q.value), v["from"]) and close(convert(q.upper), v["to"])
    if "from" in v:
        return close(convert(q.value), v["from"]) and q.high > q.value
    return close(convert(q.value), v["to"]) and q.low < q.value


def our_money(case: dict[str, Any], told: bool = True) -> bool:
    q = widest(numbers.find_numbers(case["text"], prefer(case, told)))
    return q is not None and money_unit_ok(q.unit, case) and value_ok(q, case, lambda x: x)


def quantity_unit(case: dict[str, Any], unit: str | None) -> str | None:
    """The unit to convert into, or None when ``unit`` is not what the case states."""
    if unit is None:
        return None
    if case["unit"] == "m":
        return unit if unit in ("metre", "mile") else None
    target = DUCKLING_UNITS.get(case["unit"])
    if target is None or not numbers.units_compatible(unit, target) or units.dimension(unit) is None:
        return None
    if (case["unit"] == "degree") != (unit == "degree"):
        return None  # a scale the text does not give, or one it gives that is missing
    return target


def seconds(value: float, unit: str) -> float:
    """A duration in seconds, calendar units as Duckling counts them."""
    return value * DUCKLING_SECONDS[unit] if unit in DUCKLING_SECONDS else units.convert(value, unit, "second")


def our_quantity(case: dict[str, Any], told: bool = True) -> bool:
    q = widest(numbers.find_numbers(case["text"], prefer(case, told)))
    if q is None or (target := quantity_unit(case, q.unit)) is None:
        return False
    unit = q.unit or ""
    if case["dimension"] == "duration":
        return value_ok(q, case, lambda x: seconds(x, unit) / seconds(1.0, target))
    return value_ok(q, case, lambda x: units.convert(x, unit, target))


def span_value(span: dates.DateSpan) -> str:
    return span.start.isoformat() if span.precision == "week" else str(span)


def date_ok(span: dates.DateSpan | None, case: dict[str, Any]) -> bool:
    if span is None:
        return False
    grain = case["grain"]
    if case["kind"] == "value":
        return span.precision == grain and span_value(span) == case["value"]
    if case["kind"] != "interval":
        return False
    first = dates.DateSpan(span.start, span.start, span.precision)
    last = dates.DateSpan(span.end, span.end, span.precision)
    to = case["value"]["to_inclusive"]
    if grain in ("month", "year", "quarter"):
        return str(span) == f"{case['value']['from']}/{to}" or (str(span) == case["value"]["from"] == to)
    return span.precision == grain and first.start.isoformat() == case["value"]["from"] and \
        last.end.isoformat() == to


def our_date(case: dict[str, Any]) -> bool:
    ref = dt.datetime.fromisoformat(case["reference"]).date() if case.get("reference") else REFERENCE.date()
    order = dates.DateOrder.MDY if case["locale"] in MDY_LOCALES else dates.DateOrder.DMY
    found = dates.find_dates(case["text"], ref, date_order=order, tense=dates.Tense.FUTURE, region=date_region(case))
    best = max(found, key=lambda m: m.end - m.start).span if found else None
    return date_ok(best, case)


# --- the libraries -----------------------------------------------------------------------------


def libraries() -> dict[str, Any]:
    """Import each library that is installed, timing the import (pint's matters at every run)."""
    libs: dict[str, Any] = {}
    timing = {}
    warnings.simplefilter("ignore")
    logging.disable(logging.WARNING)  # pint's "multiple results" notes
    for name in ("text_to_num", "price_parser", "quantulum3.parser", "dateparser", "dateparser.search", "pint"):
        start = time.perf_counter()
        try:
            module = __import__(name, fromlist=["_"])
        except ImportError:
            continue
        if name == "pint":
            libs["pint.ureg"] = module.UnitRegistry()
        libs[name] = module
        timing[name] = time.perf_counter() - start
    print("import (with pint's registry), seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in timing.items()))
    start = time.perf_counter()
    numbers.find_numbers("$300 million")
    dates.find_dates("Feb 4", REFERENCE.date())
    print(f"  ours (numbers, dates, units already imported): first call {time.perf_counter() - start:.3f}")
    return libs


def t2n_number(libs: dict[str, Any], text: str) -> float | None:
    t2n = libs["text_to_num"]
    try:
        return float(t2n.text2num(text, "en"))
    except (ValueError, IndexError):
        pass
    converted = t2n.alpha2digit(text, "en")
    m = re.fullmatch(r"\s*(-?[\d,]*\.?\d+)\s*", converted)
    return float(m[1].replace(",", "")) if m else None


def q3_quantity(libs: dict[str, Any], text: str) -> Any:
    found = libs["quantulum3.parser"].parse(text)
    return max(found, key=lambda q: len(q.surface)) if found else None


def q3_number(libs: dict[str, Any], text: str) -> float | None:
    q = q3_quantity(libs, text)
    return float(q.value) if q is not None and q.unit.name in ("dimensionless", "percentage") else None


def q3_money(libs: dict[str, Any], case: dict[str, Any]) -> bool:
    q = q3_quantity(libs, case["text"])
    if q is None or q.unit.entity.name != "currency" or case["kind"] != "value":
        return False
    unit = numbers.canonical_unit(q.unit.name)
    return money_unit_ok(unit, case) and close(float(q.value), case["value"])


def q3_quantity_ok(libs: dict[str, Any], case: dict[str, Any]) -> bool:
    q = q3_quantity(libs, case["text"])
    if q is None or case["kind"] != "value":
        return False
    unit = numbers.canonical_unit(q.unit.name.replace("degree ", ""))
    target = quantity_unit(case, unit)
    return target is not None and close(units.convert(float(q.value), unit or "", target), case["value"])


def pp_money(libs: dict[str, Any], case: dict[str, Any]) -> bool:
    price = libs["price_parser"].Price.fromstring(case["text"])
    if price.amount is None or case["kind"] != "value":
        return False
    unit = units.lookup(price.currency) if price.currency else None
    return money_unit_ok(unit, case) and close(float(price.amount), case["value"])


def pint_quantity(libs: dict[str, Any], case: dict[str, Any]) -> bool:
    ureg = libs["pint.ureg"]
    target = {"m": "metre", "degree": "degC", "celsius": "degC", "fahrenheit": "degF"}.get(case["unit"], case["unit"])
    if case["kind"] != "value":
        return False
    try:
        q = ureg.Quantity(case["text"])
        return close(float(q.to(target).magnitude), case["value"])
    except Exception:  # pint raises many kinds on text it does not read
        return False


def dateparser_ok(libs: dict[str, Any], case: dict[str, Any]) -> bool:
    ref = dt.datetime.fromisoformat(case["reference"]).replace(tzinfo=None) if case.get("reference") else REFERENCE
    order = "MDY" if case["locale"] in MDY_LOCALES else "DMY"
    parser = libs["dateparser"].date.DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": ref, "PREFER_DATES_FROM": "future", "RETURN_TIME_AS_PERIOD": True, "DATE_ORDER": order})
    try:
        got = parser.get_date_data(case["text"])
    except Exception:  # dateparser raises on some inputs (overflow, odd ranges)
        return False
    if got is None or got.date_obj is None:
        return False
    d = got.date_obj.date()
    period = got.period
    value = {"day": d.isoformat(), "week": (d - dt.timedelta(days=d.weekday())).isoformat(),
             "month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}"}.get(period or "")
    return case["kind"] == "value" and period == case["grain"] and value == case["value"]


# --- an almanac for the lunar holidays ----------------------------------------------------------

# Duckling's holiday -> (calendar of the `holidays` package, its table, days after that table's day).
# Their dates are not derived by a rule: each calendar is a year-by-year table. Days the package has
# no table for, or that fall a fixed count from one of its days, are marked so (the count is ours).
ALMANAC: dict[str, tuple[str, str, int]] = {
    "Eid al-Adha": ("islamic", "eid_al_adha_dates", 0), "Eid al-Fitr": ("islamic", "eid_al_fitr_dates", 0),
    "Laylat al-Qadr": ("islamic", "laylat_al_qadr_dates", 0), "Jumu'atul-Wida": ("islamic", "jumuatul_wida_dates", 0),
    "Isra and Mi'raj": ("islamic", "isra_and_miraj_dates", 0), "Islamic New Year": ("islamic", "hijri_new_year_dates", 0),
    "Mawlid": ("islamic", "mawlid_dates", 0), "Ashura": ("islamic", "ashura_dates", 0),
    "Hosay": ("islamic", "ashura_dates", 0), "Hazarat Ali's Birthday": ("islamic", "ali_birthday_dates", 0),
    "Ugadi": ("hindu", "gudi_padwa_date", 0), "Guru Ravidass Jayanti": ("hindu", "guru_ravidas_jayanti_date", 0),
    "Pargat Diwas": ("hindu", "maharshi_valmiki_jayanti_date", 0), "Thai Pongal": ("hindu", "pongal_date", 0),
    "Boghi": ("hindu", "pongal_date", -1), "Mattu Pongal": ("hindu", "pongal_date", 1),
    "Kaanum Pongal": ("hindu", "pongal_date", 2), "Vaisakhi": ("hindu", "vaisakhi_date", 0),
    "Guru Gobind Singh Jayanti": ("hindu", "guru_gobind_singh_jayanti_date", 0), "Diwali": ("hindu", "diwali_india_date", 0),
    "Dhanteras": ("hindu", "diwali_india_date", -2), "Bhai Dooj": ("hindu", "diwali_india_date", 2),
    "Naraka Chaturdashi": ("hindu", "naraka_chaturdashi_date", 0), "Chhath": ("hindu", "chhath_puja_date", 0),
    "Thiru Onam": ("hindu", "onam_date", 0), "Holi": ("hindu", "holi_date", 0), "Holika Dahan": ("hindu", "holi_date", -1),
    "Vijayadashami": ("hindu", "dussehra_date", 0), "Karva Chauth": ("hindu", "karwa_chauth_date", 0),
    "Mahavir Jayanti": ("hindu", "mahavir_jayanti_date", 0), "Vasant Panchami": ("hindu", "basant_panchami_date", 0),
    "Krishna Janmashtami": ("hindu", "janmashtami_date", 0), "Maha Saptami": ("hindu", "maha_ashtami_date", -1),
    "Ratha-Yatra": ("hindu", "rath_yatra_date", 0), "Raksha Bandhan": ("hindu", "raksha_bandhan_date", 0),
    "Maha Shivaratri": ("hindu", "maha_shivaratri_date", 0), "Ganesh Chaturthi": ("hindu", "ganesh_chaturthi_date", 0),
    "Dayananda Saraswati Jayanti": ("hindu", "swami_dayanand_saraswati_jayanti_date", 0),
    "Rama Navami": ("hindu", "ram_navami_date", 0), "Vesak": ("buddhist", "vesak_date", 0),
    "Yom Kippur": ("hebrew", "yom_kippur_date", 0), "Shemini Atzeret": ("hebrew", "sukkot_date", 7),
    "Simchat Torah": ("hebrew", "sukkot_date", 8), "Tisha B'Av": ("hebrew", "tisha_bav_date", 0),
    "Yom Ha'atzmaut": ("hebrew", "israel_independence_date", 0), "Lag BaOmer": ("hebrew", "lag_baomer_date", 0),
    "Purim": ("hebrew", "purim_date", 0), "Shushan Purim": ("hebrew", "purim_date", 1),
    "Chinese New Year": ("chinese", "lunar_new_year_date", 0),
}
CALENDAR_CLASSES = {"islamic": "_IslamicLunar", "hindu": "_HinduLunisolar", "hebrew": "_HebrewLunisolar",
                    "chinese": "_ChineseLunisolar", "buddhist": "_BuddhistLunisolar"}


def almanac_days(calendar: Any, table: str, year: int) -> list[dt.date]:
    """The days one of the package's tables gives in ``year`` (the Islamic ones may give two)."""
    got = getattr(calendar, table)(year)
    items = list(got) if not isinstance(got, (tuple, dt.date)) or isinstance(got, tuple) and \
        not isinstance(got[1], bool) else [got]
    return [item[0] if isinstance(item, tuple) else item for item in items if item is not None]


def almanac(data: Path) -> None:
    """The `holidays` package's calendar tables on the lunar and lunisolar holidays of the corpus
    (asked for the year the case's date is in: the name and the year are the reader's part)."""
    try:
        start = time.perf_counter()
        modules = {name: importlib.import_module(f"holidays.calendars.{name}") for name in CALENDAR_CLASSES}
        took = time.perf_counter() - start
    except ImportError:
        print("\nholidays not installed: the almanac is not measured")
        return
    calendars = {name: getattr(modules[name], cls)() for name, cls in CALENDAR_CLASSES.items()}
    exact, eve, total = Tally(), 0, 0
    no_table: Counter[str] = Counter()
    for case in load(data, "dates"):
        if case["latent"] or date_category(case) != "holiday, lunar or one-off (left out)":
            continue
        total += 1
        entry = ALMANAC.get(case["holiday"])
        if entry is None:
            no_table[case["holiday"]] += 1
            exact.add(False, case["text"])
            continue
        want = dt.date.fromisoformat(case["value"])
        name, table, shift = entry
        days = [d + dt.timedelta(days=shift) for d in almanac_days(calendars[name], table, want.year)]
        exact.add(want in days, f"{case['text']} (want {want}, table {', '.join(map(str, days)) or '-'})")
        eve += want not in days and want + dt.timedelta(days=1) in days
    print(f"\nholidays (the package {modules['islamic'].__name__.split('.')[0]}) calendar tables on the "
          f"'lunar or one-off' cases: {exact.share()} of {total} exactly, {eve} more a day later "
          f"(Duckling dates a Jewish holiday by the evening it begins); import of its calendars {took:.2f}s")
    print("  no table: " + ", ".join(f"{k} {v}" for k, v in no_table.most_common()))
    for miss in exact.misses:
        if "table" in miss:
            print(f"    wrong: {miss}")


# --- the corpus ----------------------------------------------------------------------------------


def load(data: Path, name: str) -> list[dict[str, Any]]:
    raw = json.loads((data / f"{name}.json").read_text(encoding="utf-8"))
    return raw["cases"] if isinstance(raw, dict) else raw


# Holidays no small rule table computes: lunar and lunisolar calendars (Islamic, Hindu, Sikh, Jain,
# Buddhist, Jewish, Chinese; several hang on a moon sighting or a regional almanac) and one-off events
# (Super Tuesday, Mini-Tuesday: set by each election's primary calendar; the Ekka: by the show's dates)
NOT_BY_RULE = {
    "Eid al-Adha", "Eid al-Fitr", "Laylat al-Qadr", "Jumu'atul-Wida", "Isra and Mi'raj", "Islamic New Year", "Mawlid",
    "Ashura", "Hazarat Ali's Birthday", "Ugadi", "Rabindra Jayanti", "Guru Ravidass Jayanti", "Pargat Diwas",
    "Thai Pongal", "Vaisakhi", "Vesak", "Guru Gobind Singh Jayanti", "Diwali", "Chhath", "Thiru Onam", "Holika Dahan",
    "Holi", "Dhanteras", "Naraka Chaturdashi", "Vijayadashami", "Karva Chauth", "Mahavir Jayanti", "Kaanum Pongal",
    "Vasant Panchami", "Krishna Janmashtami", "Bhai Dooj", "Maha Saptami", "Ratha-Yatra", "Raksha Bandhan",
    "Maha Shivaratri", "Dayananda Saraswati Jayanti", "Boghi", "Mattu Pongal", "Ganesh Chaturthi", "Rama Navami",
    "Parsi New Year", "Hosay", "Yom HaShoah", "Yom Kippur", "Shemini Atzeret", "Simchat Torah", "Tisha B'Av",
    "Yom Ha'atzmaut", "Lag BaOmer", "Tu BiShvat", "Purim", "Shushan Purim", "Chinese New Year", "Super Tuesday",
    "Mini-Tuesday", "Royal Queensland Show Day",
}


def date_category(case: dict[str, Any]) -> str:
    if case["time_of_day"]:
        return "time of day (left out)"
    if case["kind"] != "value":
        return "interval (left out)"
    if case["holiday"] in NOT_BY_RULE:
        return "holiday, lunar or one-off (left out)"
    return "holiday" if case["holiday"] else "date"


def date_region(case: dict[str, Any]) -> str:
    """Whose holidays the case means: its locale's region; region-less English reads as US."""
    return case["locale"].partition("_")[2] if case["locale"] not in ("EN", "EN_ALL") else "US"


def corpus(data: Path, libs: dict[str, Any], show: int) -> dict[str, dict[str, Tally]]:
    """{category: {reader: tally}} over the four files; latent cases left out."""
    table: dict[str, dict[str, Tally]] = defaultdict(lambda: defaultdict(Tally))

    def run(category: str, case: dict[str, Any], readers: dict[str, Callable[[dict[str, Any]], bool]]) -> None:
        for reader, check in readers.items():
            table[category][reader].add(check(case), case["text"])

    have = libs.keys()
    for case in load(data, "numbers"):
        if case["latent"]:
            continue
        readers: dict[str, Callable[[dict[str, Any]], bool]] = {
            "ours": lambda c: close(our_number(c["text"]), c["value"]),
            "ours-untold": lambda c: close(our_number(c["text"], None), c["value"])}
        if case["dimension"] == "ordinal":  # a rank is its own kind: read by find_ordinals, never a count
            readers = {"ours": lambda c: close(our_ordinal(c["text"]), c["value"]),
                       "not-a-count": lambda c: not numbers.find_numbers(c["text"])}
        if "text_to_num" in have:
            readers["text2num"] = lambda c: close(t2n_number(libs, c["text"]), c["value"])
        if "quantulum3.parser" in have:
            readers["quantulum3"] = lambda c: close(q3_number(libs, c["text"]), c["value"])
        run(f"numbers: {case['dimension']}", case, readers)
    for case in load(data, "money"):
        if case["latent"]:
            continue
        readers = {"ours": our_money, "ours-untold": lambda c: our_money(c, told=False)}
        if case["kind"] == "value":
            if "price_parser" in have:
                readers["price-parser"] = lambda c: pp_money(libs, c)
            if "quantulum3.parser" in have:
                readers["quantulum3"] = lambda c: q3_money(libs, c)
        run("money: " + ("value" if case["kind"] == "value" else "interval (left out)"), case, readers)
    for case in load(data, "quantities"):
        if case["latent"]:
            continue
        readers = {"ours": our_quantity, "ours-untold": lambda c: our_quantity(c, told=False)}
        if case["kind"] == "value":
            if "quantulum3.parser" in have:
                readers["quantulum3"] = lambda c: q3_quantity_ok(libs, c)
            if "pint.ureg" in have:
                readers["pint"] = lambda c: pint_quantity(libs, c)
        kind = case["dimension"] if case["kind"] == "value" else "interval (left out)"
        run(f"quantities: {kind}", case, readers)
    for case in load(data, "dates"):
        if case["latent"]:
            continue
        readers = {"ours": our_date}
        if "dateparser" in have and not case["time_of_day"] and case["kind"] == "value":
            readers["dateparser"] = lambda c: dateparser_ok(libs, c)
        run(f"dates: {date_category(case)}", case, readers)
    for case in load(data, "negatives"):
        dimension = case["dimension"]
        if dimension == "time":
            quiet = not dates.find_dates(case["text"], REFERENCE.date())
        else:
            q = widest(numbers.find_numbers(case["text"]))
            quiet = q is None or (units.dimension(q.unit) != "time" if dimension == "duration"
                                  else not units.is_currency(q.unit))
        table[f"negatives: {dimension}"]["ours"].add(quiet, case["text"])
    return table


def totals(table: dict[str, dict[str, Tally]], prefix: str, skip: str = "(left out)") -> Tally:
    out = Tally()
    for category, readers in table.items():
        if category.startswith(prefix) and skip not in category and "ordinal" not in category:
            out.right += readers["ours"].right
            out.total += readers["ours"].total
    return out


# --- news sentences ------------------------------------------------------------------------------

PUBLISHED = dt.date(2016, 11, 16)  # a Wednesday
# (sentence, expected (value, unit[, upper]) of the figure named, the figure's wording)
NEWS_FIGURES: list[tuple[str, tuple[Any, ...], str]] = [
    ("The Pentagon awarded Lockheed a $300 million contract on Tuesday.", (3e8, "dollar"), "$300 million"),
    ("Exports fell to 1.2 million barrels per day in October.", (1.2e6, "barrel per day"),
     "1.2 million barrels per day"),
    ("Shares dropped 5.3% after the profit warning.", (5.3, "%"), "5.3%"),
    ("The firm raised $1.2bn from investors.", (1.2e9, "dollar"), "$1.2bn"),
    ("The ministry said it would buy 100 metric tons of wheat.", (100, "tonne"), "100 metric tons"),
    ("The fire burned through 50 square kilometres of forest.", (50, "square kilometre"), "50 square kilometres"),
    ("Tickets cost EUR 125 each for the final.", (125, "euro"), "EUR 125"),
    ("Mexico's central bank sold Mex$10 million in bonds.", (1e7, "Mexican peso"), "Mex$10 million"),
    ("Growth slowed to minus five percent in the third quarter.", (-5, "%"), "minus five percent"),
    ("Police seized 200lbs of cocaine at the port.", (200, "pound"), "200lbs"),
    ("The rifle fires 7.62mm rounds.", (7.62, "millimetre"), "7.62mm"),
    ("The drive is 115 miles from the capital.", (115, "mile"), "115 miles"),
    ("Nearly two thirds of a million people fled the region.", (2e6 / 3, "person"), "two thirds of a million people"),
    ("The town of 4 thousand 3 hundred and 21 residents voted.", (4321, "resident"),
     "4 thousand 3 hundred and 21 residents"),
    ("The census counted 1 414 021 100 people.", (1414021100, "person"), "1 414 021 100 people"),
    ("The agency plans four to six services a week.", (4, "service per week", 6), "four to six services a week"),
    ("About one in five voters stayed at home.", (20, "%"), "one in five"),
    ("A baker sold 3 dozens of rolls by noon.", (36, None), "3 dozens"),
    ("The plant produces 10k units a month.", (1e4, "unit per month"), "10k units a month"),
    ("Temperatures reached 98.6 °F in the shade.", (98.6, "fahrenheit"), "98.6 °F"),
]
# sentences whose figures are names, times or scores: no figure should be read from the named words
NEWS_NOT_FIGURES = [
    ("Airlines grounded every Boeing 737 after the crash.", "737"),
    ("The S&P 500 index closed higher on Friday.", "500"),
    ("Yields on 10-year notes rose to a new high.", "10-year"),
    ("The suspect lived at 1119 Eighth St in Sacramento.", "1119"),
    ("Dispatchers took dozens of 911 calls overnight.", "911"),
    ("The curfew begins at 10 p.m. on weekdays.", "10"),
    ("Chelsea won 4-1 at home.", "4-1"),
    ("Stocks fell for a seventh straight session.", "seventh"),
]
NEWS_DATES: list[tuple[str, str, str]] = [
    ("The filing is dated 02/22/2016 and signed by the governor.", "02/22/2016", "2016-02-22"),
    ("The decree of 16. Nov. 2016 took effect at once.", "16. Nov. 2016", "2016-11-16"),
    ("Voters go to the polls on 28 june in 2020, officials said.", "28 june in 2020", "2020-06-28"),
    ("Parades marked the fourth of july 1995 across the state.", "fourth of july 1995", "1995-07-04"),
    ("The contract, signed on 05-Aug-2016, runs for five years.", "05-Aug-2016", "2016-08-05"),
    ("He was arrested in April and charged in May.", "April", "2016-04"),
    ("The meeting took place on 1st Jan. in Vienna.", "1st Jan.", "2016-01-01"),
    ("The summit will be held in April.", "April", "2017-04"),
    ("The vote is due in three weeks.", "three weeks", "2016-12-07"),
    ("She said she would decide 4 days from now.", "4 days from now", "2016-11-20"),
    ("The strike began the day before yesterday.", "the day before yesterday", "2016-11-14"),
    ("He left the country 1 month 21 days ago.", "1 month 21 days ago", "2016-09-25"),
    ("The talks resume on Friday next week.", "Friday next week", "2016-11-25"),
    ("Protesters gathered this past Wednesday.", "this past Wednesday", "2016-11-09"),
    ("Results come out in the coming week.", "the coming week", "2016-11-21/2016-11-27"),
    ("Sales peaked last sept before falling.", "last sept", "2016-09"),
    ("The report, dated 20161016, was leaked.", "20161016", "2016-10-16"),
    ("Earnings for the third quarter of 2016 beat forecasts.", "the third quarter of 2016", "2016-Q3"),
]


def news(libs: dict[str, Any]) -> None:
    right = Tally()
    for sentence, expected, wording in NEWS_FIGURES:
        found = [m for m in numbers.find_numbers(sentence) if wording in m.text or m.text in wording]
        q = found[0].quantity if found else None
        ok = q is not None and close(q.value, expected[0]) and numbers.canonical_unit(q.unit) == expected[1] \
            and (len(expected) < 3 or close(q.upper, expected[2]))
        right.add(ok, sentence)
    quiet = Tally()
    for sentence, wording in NEWS_NOT_FIGURES:
        at = sentence.index(wording)
        quiet.add(not any(m.start <= at < m.end for m in numbers.find_numbers(sentence)), sentence)
    when = Tally()
    dp = Tally()
    for sentence, wording, when_expected in NEWS_DATES:
        dated = [m for m in dates.find_dates(sentence, PUBLISHED) if wording in m.text or m.text in wording]
        when.add(bool(dated) and str(dated[0].span) == when_expected, sentence)
        if "dateparser.search" in libs:
            hits = libs["dateparser.search"].search_dates(sentence, languages=["en"], settings={
                "RELATIVE_BASE": dt.datetime.combine(PUBLISHED, dt.time()), "RETURN_TIME_AS_PERIOD": True})
            got = [d for w, d in hits or [] if w.strip() in wording or wording in w]
            dp.add(bool(got) and got[0].date().isoformat()[:len(when_expected)] == when_expected, sentence)
    q3 = Tally()
    if "quantulum3.parser" in libs:
        for sentence, expected, wording in NEWS_FIGURES:
            hits = [q for q in libs["quantulum3.parser"].parse(sentence)
                    if wording in q.surface or q.surface in wording]
            q3.add(bool(hits) and close(float(hits[0].value), expected[0]), sentence)
    print("\nnews sentences written for this bench (published 2016-11-16):")
    print(f"  figures read right (value, unit, range) : ours {right.share()}"
          + (f"; quantulum3 value only {q3.share()}" if q3.total else ""))
    print(f"  names/times/scores not read as figures  : ours {quiet.share()}")
    print(f"  dates read right (value at precision)   : ours {when.share()}"
          + (f"; dateparser search_dates (day prefix) {dp.share()}" if dp.total else ""))
    for miss in right.misses + quiet.misses + when.misses:
        print(f"    ours missed: {miss}")


# --- news bodies, hand-labelled ----------------------------------------------------------------

ARTICLES = Path("/work/shared/bench/article-extraction/ground-truth.json")
LABELS = Path(__file__).with_name("figure_labels.json")


def article_figures(articles: Path) -> None:
    """The hand-labelled samples of figures read in real article bodies (bench/figure_labels.json):
    which labelled figures are read as labelled, and which non-figures are left unread."""
    if not articles.exists():
        print(f"\n{articles} not found: article bodies skipped")
        return
    bodies = {key[:8]: record["articleBody"].split("\n")
              for key, record in json.loads(articles.read_text(encoding="utf-8")).items()}
    samples: dict[int, tuple[Tally, Tally]] = defaultdict(lambda: (Tally(), Tally()))
    for label in json.loads(LABELS.read_text(encoding="utf-8"))["labels"]:
        right, quiet = samples[label["sample"]]
        paragraph = bodies[label["doc"]][label["para"]]
        at = label["start"]
        found = [m for m in numbers.find_numbers(paragraph) if m.start <= at < m.end]
        where = f"{label['doc']}:{label['para']} {paragraph[max(0, at - 30):at + 30]!r}"
        if not label["figure"]:
            quiet.add(not found or label.get("bare_ok", False) and found[0].quantity.unit is None, where)
            continue
        q = found[0].quantity if found else None
        ok = q is not None and close(q.value, label["value"]) and q.unit == label["unit"] \
            and (q.upper is None if label["upper"] is None else close(q.upper, label["upper"]))
        right.add(ok, where)
    print(f"\narticle-extraction bodies, figures as read when sampled, hand-labelled ({LABELS.name}):")
    for sample, (right, quiet) in sorted(samples.items()):
        total = right.total + quiet.total
        print(f"  sample {sample}: figures read as labelled {right.share()}; not figures left unread (or bare) "
              f"{quiet.share()}; all right {(right.right + quiet.right) / total:.3f} of {total}")
        for miss in right.misses + quiet.misses:
            print(f"    ours missed: {miss}")


# --- linearity -----------------------------------------------------------------------------------


def linear() -> None:
    """A 1 MB line of digits and spaces, and a tenth of it: the time ratio should be near 10."""
    print("\nlinearity (seconds; ratio of 1 MB to 100 kB, ~10 is linear):")
    for name, unit in (("digits and spaces", "1 22 333 "), ("digits only", "1234567890"), ("spaces", " " * 10),
                       ("digit-dash runs", "1-2-3-4-5-")):
        for label, reader in (("numbers", numbers.find_numbers),
                              ("dates", lambda t: dates.find_dates(t, REFERENCE.date()))):
            times = []
            for size in (100_000, 1_000_000):
                line = (unit * (size // len(unit) + 1))[:size]
                start = time.perf_counter()
                reader(line)
                times.append(time.perf_counter() - start)
            ratio = times[1] / max(times[0], 1e-9)
            print(f"  {label:7} {name:18}: 100 kB {times[0]:.3f}, 1 MB {times[1]:.3f}, ratio {ratio:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--no-libs", action="store_true", help="measure our readers only")
    parser.add_argument("--misses", type=int, default=0, help="show up to N texts our readers miss per category")
    parser.add_argument("--no-linear", action="store_true", help="skip the 1 MB linearity lines (minutes)")
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="article-extraction ground-truth.json")
    args = parser.parse_args(argv)
    libs = {} if args.no_libs else libraries()
    start = time.perf_counter()
    table = corpus(args.data, libs, args.misses)
    took = time.perf_counter() - start
    print(f"\nduckling-en, share read right (value and precision), latent cases left out; {took:.0f}s")
    readers = sorted({r for row in table.values() for r in row}, key=lambda r: (r != "ours", r))
    for category in sorted(table):
        row = table[category]
        print(f"  {category:38} " + "  ".join(f"{r} {row[r].share()}" for r in readers if r in row))
        if args.misses:
            for miss in row["ours"].misses[: args.misses]:
                print(f"      miss: {miss!r}")
    print("\ntargets (ours):")
    for prefix, target in (("numbers: numeral", 0.95), ("money", 0.95), ("quantities", 0.95), ("dates: date", 0.90),
                           ("dates", 0.90)):
        t = totals(table, prefix)
        label = {"dates": "dates incl. rule holidays", "dates: date": "dates without holidays"}.get(prefix, prefix)
        share = t.right / t.total if t.total else 0
        print(f"  {label:28} {t.share():18} target {target:.2f} {'met' if share >= target else 'NOT met'}")
    almanac(args.data)
    news(libs)
    article_figures(args.articles)
    if not args.no_linear:
        linear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
