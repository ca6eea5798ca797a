"""Units of measure and currencies: their spellings, and conversion between units of one kind.

A figure's unit is kept as a canonical name ("kilometre", "tonne", "US dollar", "dollar"), so the
report shows what the text said; comparison converts ("115 miles" agrees with "185 km"). Money is
never converted between currencies. A bare "$" or "£" is the generic "dollar" or "pound", which is
compatible with any dollar or pound ("US dollar", "Canadian dollar").

Measured against pint (bench/values.py): pint converts the same, but importing it with its registry
cost 1.4 s (idle) to 7.8 s (loaded machine) on every run, and it read 0-0.52 of Duckling's quantity
cases per kind to this reader's 0.94-1.00; it does not know news spellings ("barrels per day",
"metric tons", "sq km", "200lbs"). So this table stays ours. Calendar units are a common year's
parts (a year is 365 days, 12 months, 4 quarters), so that "a year" is "365 days" and "12 months".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .lazyre import lazy_regex


@dataclass(frozen=True)
class Unit:
    name: str  # canonical singular
    dimension: str  # "length", "mass", "volume", "area", "time", "temperature", "speed", "currency", ...
    factor: float = 1.0  # to the dimension's base unit
    offset: float = 0.0  # added after the factor (temperatures)
    code: str | None = None  # ISO 4217 for currencies


# name, dimension, factor to base, spellings (case-insensitive words), symbols (case-sensitive, may be glued)
_TABLE: list[tuple[str, str, float, str, str]] = [
    ("kilometre", "length", 1000, "kilometre, kilometres, kilometer, kilometers, kms", "km"),
    ("metre", "length", 1, "metre, metres, meter, meters", "m"),
    ("centimetre", "length", 0.01, "centimetre, centimetres, centimeter, centimeters, cms", "cm"),
    ("millimetre", "length", 0.001, "millimetre, millimetres, millimeter, millimeters", "mm"),
    ("mile", "length", 1609.344, "mile, miles", "mi"),
    ("nautical mile", "length", 1852, "nautical mile, nautical miles", "nmi"),
    ("foot", "length", 0.3048, "foot, feet", "ft '"),
    ("inch", "length", 0.0254, "inch, inches", "in \" ''"),
    ("yard", "length", 0.9144, "yard, yards", "yd yds"),
    ("square kilometre", "area", 1e6, "square kilometre, square kilometres, square kilometer,"
        " square kilometers, sq km, sq. km, sqkm", "km2 km²"),
    ("square metre", "area", 1, "square metre, square metres, square meter, square meters, sq m", "m2 m²"),
    ("square mile", "area", 2589988.110336, "square mile, square miles, sq mi, sq. mi", "mi2 mi²"),
    ("square foot", "area", 0.09290304, "square foot, square feet, sq ft, sq. ft", "ft2 ft²"),
    ("hectare", "area", 1e4, "hectare, hectares", "ha"),
    ("acre", "area", 4046.8564224, "acre, acres", ""),
    ("tonne", "mass", 1e6, "tonne, tonnes, metric ton, metric tons, metric tonne, metric tonnes, ton, tons", "t"),
    ("kilogram", "mass", 1000, "kilogram, kilograms, kilogramme, kilogrammes, kilo, kilos, k.g., k.g, k.gs", "kg kgs"),
    ("gram", "mass", 1, "gram, grams, gramme, grammes", "g gr gs"),
    ("milligram", "mass", 0.001, "milligram, milligrams", "mg"),
    ("pound", "mass", 453.59237, "pound, pounds", "lb lbs"),
    ("ounce", "mass", 28.349523125, "ounce, ounces", "oz"),
    ("litre", "volume", 1, "litre, litres, liter, liters", "l L"),
    ("millilitre", "volume", 0.001, "millilitre, millilitres, milliliter, milliliters", "ml mls mL"),
    ("hectolitre", "volume", 100, "hectolitre, hectolitres, hectoliter, hectoliters", "hl"),
    ("gallon", "volume", 3.785411784, "gallon, gallons", "gal gals"),
    ("cup", "volume", 0.2365882365, "cup, cups", ""),
    ("barrel", "volume", 158.987294928, "barrel, barrels", "bbl"),
    ("cubic metre", "volume", 1000, "cubic metre, cubic metres, cubic meter, cubic meters", "m3 m³"),
    ("celsius", "temperature", 1, "degree celsius, degrees celsius, ° celsius, °celsius, celsius,"
        " centigrade, degrees centigrade, degrees c, degree c",
     "°C ºC"),
    ("fahrenheit", "temperature", 5 / 9, "degree fahrenheit, degrees fahrenheit, ° fahrenheit,"
        " °fahrenheit, fahrenheit, degrees f, degree f", "°F ºF"),
    ("degree", "temperature", 1, "degree, degrees, deg., deg", "°"),
    ("second", "time", 1, "second, seconds, secs, sec", "s"),
    ("minute", "time", 60, "minute, minutes, mins, min", ""),
    ("hour", "time", 3600, "hour, hours, hrs, hr", "h"),
    ("day", "time", 86400, "day, days", ""),
    ("week", "time", 604800, "week, weeks, wk, wks", ""),
    ("month", "time", 31536000 / 12, "month, months", ""),
    ("quarter", "time", 31536000 / 4, "quarter, quarters", ""),
    ("year", "time", 31536000, "year, years, yr, yrs", ""),  # a common year: 365 days = 12 months
    ("decade", "time", 315360000, "decade, decades", ""),
    ("century", "time", 3153600000, "century, centuries", ""),
    ("kilometre per hour", "speed", 1 / 3.6, "kilometres per hour, kilometers per hour,"
        " kilometre per hour, kilometer per hour", "km/h kph kmh"),
    ("mile per hour", "speed", 0.44704, "miles per hour, mile per hour", "mph"),
    ("barrel per day", "volume/time", 158.987294928 / 86400, "barrels per day, barrel per day,"
        " barrels a day, barrels of oil per day, barrels of oil a day",
     "b/d bpd bbl/d"),
    ("kilowatt hour", "energy", 3.6e6, "kilowatt hour, kilowatt hours", "kWh"),
    ("megawatt", "power", 1e6, "megawatt, megawatts", "MW"),
    ("horsepower", "power", 745.69987158227022, "horsepower, horse power", "hp bhp"),
    ("newton metre", "torque", 1, "newton metre, newton metres, newton meter, newton meters", "Nm N·m"),
    ("gigawatt", "power", 1e9, "gigawatt, gigawatts", "GW"),
    ("kilowatt", "power", 1e3, "kilowatt, kilowatts", "kW"),
]

# code, canonical name, spellings (case-insensitive), prefix symbols (case-sensitive)
_CURRENCIES: list[tuple[str | None, str, str, str]] = [
    (None, "dollar", "dollar, dollars, bucks, buck", "$"),
    ("USD", "US dollar", "us dollar, us dollars, u.s. dollar, u.s. dollars, american dollars, usd", "US$ U.S.$ USD"),
    ("CAD", "Canadian dollar", "canadian dollar, canadian dollars, cad", "C$ CA$ CAD"),
    ("AUD", "Australian dollar", "australian dollar, australian dollars, aud", "A$ AU$ AUD"),
    ("NZD", "New Zealand dollar", "new zealand dollar, new zealand dollars, nzd", "NZ$ NZD"),
    ("HKD", "Hong Kong dollar", "hong kong dollar, hong kong dollars, hkd", "HK$ HKD"),
    ("JMD", "Jamaican dollar", "jamaican dollar, jamaican dollars, jmd", "J$ JMD"),
    ("TTD", "Trinidad and Tobago dollar", "trinidad and tobago dollar, trinidad and tobago dollars, ttd", "TT$ TTD"),
    ("SGD", "Singapore dollar", "singapore dollar, singapore dollars, sgd", "S$ SGD"),
    ("EUR", "euro", "euro, euros, eur", "€ EUR"),
    (None, "pound", "pound, pounds, quid", "£"),
    ("GBP", "British pound", "british pound, british pounds, pound sterling, pounds sterling, sterling, gbp", "GBP"),
    ("EGP", "Egyptian pound", "egyptian pound, egyptian pounds, egp, l.e, le, genihat masriya, geneh, guineh", "EGP"),
    ("LBP", "Lebanese pound", "lebanese pound, lebanese pounds, lbp", "LBP"),
    ("JPY", "Japanese yen", "yen, japanese yen, jpy", "¥ JPY"),
    ("CNY", "Chinese yuan", "yuan, renminbi, chinese yuan, rmb, cny", "CN¥ RMB CNY"),
    ("INR", "Indian rupee", "rupee, rupees, indian rupee, indian rupees, inr, rs, rs.", "₹ Rs. Rs INR"),
    ("MXN", "Mexican peso", "mexican peso, mexican pesos, mxn", "Mex$ MX$ MXN"),
    (None, "peso", "peso, pesos", ""),
    ("CHF", "Swiss franc", "swiss franc, swiss francs, chf", "CHF"),
    (None, "franc", "franc, francs", ""),
    ("MYR", "Malaysian ringgit", "ringgit, ringgits, malaysia ringgit, malaysia ringgits,"
        " malaysian ringgit, malaysian ringgits, myr",
     "RM MYR"),
    ("RUB", "Russian rouble", "rouble, roubles, ruble, rubles, russian rouble, rub", "₽ RUB"),
    ("KRW", "South Korean won", "south korean won, won, krw", "₩ KRW"),
    ("ILS", "Israeli shekel", "shekel, shekels, new shekel, nis, ils", "₪ ILS"),
    ("SAR", "Saudi riyal", "saudi riyal, saudi riyals, saudiriyal, sar", "SAR"),
    ("QAR", "Qatari riyal", "qatari riyal, qatari riyals, qar", "QAR"),
    (None, "riyal", "riyal, riyals", ""),
    (None, "rial", "rial, rials", ""),
    ("KWD", "Kuwaiti dinar", "kuwaiti dinar, kuwaiti dinars, kwd", "KWD"),
    (None, "dinar", "dinar, dinars", ""),
    ("BGN", "Bulgarian lev", "lev, leva, bgn", "BGN"),
    ("UAH", "Ukrainian hryvnia", "hryvnia, hryvnias, uah", "₴ UAH"),
    ("MNT", "Mongolian tugrik", "tugrik, tugriks, mnt", "₮ MNT"),
    ("ZAR", "South African rand", "rand, rands, south african rand, zar", "ZAR"),
    ("BRL", "Brazilian real", "brazilian real, brazilian reals, reais, brl", "R$ BRL"),
    ("TRY", "Turkish lira", "turkish lira, lira, liras, try", "₺"),
    ("IRR", "Iranian rial", "iranian rial, iranian rials, irr", "IRR"),
    ("BTC", "bitcoin", "bitcoin, bitcoins, btc", "BTC"),
    (None, "cent", "cent, cents, penny, pennies, pence, sen, sens, kopiyka, kopiykas, paise", "¢ c"),
]

UNITS: dict[str, Unit] = {}
_SPELLING: dict[str, str] = {}  # lower-case spelling -> canonical name
_SYMBOL: dict[str, str] = {}  # case-sensitive symbol after a figure -> canonical name
_PREFIX: dict[str, str] = {}  # currency symbol or code before a figure -> canonical name


def _register(name: str, unit: Unit, words: str, symbols: str, prefix: bool) -> None:
    UNITS[name] = unit
    _SPELLING[name.lower()] = name
    for w in words.split(", "):
        _SPELLING[w] = name
    for s in symbols.split(" "):
        if s:
            _SYMBOL[s] = name  # a currency's symbol may follow its amount too: "10$", "20€", "42 RM"
            if prefix and name != "cent":
                _PREFIX[s] = name


for _name, _dim, _factor, _words, _symbols in _TABLE:
    _offset = -32 * 5 / 9 if _name == "fahrenheit" else 0.0
    _register(_name, Unit(_name, _dim, _factor, _offset), _words, _symbols, prefix=False)
for _code, _name, _words, _symbols in _CURRENCIES:
    _register(_name, Unit(_name, "currency", code=_code), _words, _symbols, prefix=True)

_GENERIC = {u.name for u in UNITS.values() if u.dimension == "currency" and u.code is None}


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def trie(words: Iterable[str], whole: frozenset[str] = frozenset(), space: str = re.escape(" ")) -> str:
    """What an alternation of ``words`` longest first matches, with shared beginnings tried once,
    not once per word (a try of the plain alternation of units cost 2.6 us at every figure); one of
    ``whole`` only as a whole word. A node's longer words are tried before the word ending there,
    as ordered alternation does."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = "(?![a-z0-9_])" if w in whole else ""

    def emit(node: dict) -> str:
        alts = [(space if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            alts.append(node[""])
        return alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"

    return emit(root)


# A unit after a figure: a spelling (any case) or a symbol (its own case), not followed by a letter.
_SPACES = r"\s+"  # a unit's spelling of two words takes any run of spaces
UNIT_AFTER = lazy_regex(
    rf"(?P<u>(?i:{trie(_SPELLING, space=_SPACES)})|{trie(_SYMBOL, space=_SPACES)})(?![A-Za-z0-9²³])")
# A currency before a figure: "$", "US$", "EUR ", "Mex$". The codes and symbols as a trie, longest
# first (the figure readers try them at every capital letter of a text); their first characters.
CURRENCY_ALTS = trie(_PREFIX, space=_SPACES)
CURRENCY_FIRST = "".join(sorted({re.escape(w[0]) for w in _PREFIX}))
CURRENCY_BEFORE = lazy_regex(rf"(?<![A-Za-z])(?P<c>{CURRENCY_ALTS})\s?(?=[-−]?\.?\d)")


def lookup(spelling: str) -> str | None:
    """The canonical unit for a spelling or symbol, or None when it is not a known unit."""
    if spelling in _SYMBOL:
        return _SYMBOL[spelling]
    if spelling in _PREFIX:
        return _PREFIX[spelling]
    return _SPELLING.get(" ".join(spelling.lower().split()))


def currency_code(unit: str | None) -> str | None:
    """ISO 4217 code of a currency unit; None for a generic one ("dollar") or a non-currency."""
    known = UNITS.get(unit or "")
    return known.code if known else None


def is_currency(unit: str | None) -> bool:
    known = UNITS.get(unit or "")
    return known is not None and known.dimension == "currency"


def dimension(unit: str | None) -> str | None:
    known = UNITS.get(unit or "")
    return known.dimension if known else None


def compatible(a: str, b: str) -> bool:
    """Same unit, two units of one measurable kind, or a generic currency and one of its kind."""
    if a == b:
        return True
    ua, ub = UNITS.get(a), UNITS.get(b)
    if ua is None or ub is None or ua.dimension != ub.dimension:
        return False
    if ua.dimension != "currency":
        return True
    generic, specific = (a, b) if a in _GENERIC else (b, a) if b in _GENERIC else ("", "")
    return bool(generic) and specific.lower().endswith(generic)


def convert(value: float, unit: str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to``; currencies are never converted (same value)."""
    ua, ub = UNITS.get(unit), UNITS.get(to)
    if ua is None or ub is None or ua.dimension == "currency" or ua.dimension != ub.dimension or ua is ub:
        return value
    base = value * ua.factor + ua.offset
    return (base - ub.offset) / ub.factor
