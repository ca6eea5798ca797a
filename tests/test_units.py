"""Units of measure and currencies: spellings, kinds, conversion (see factcheck.units)."""

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import units
from factcheck.numbers import agrees, find_numbers, parse_expect


@pytest.mark.parametrize("spelling,unit", [
    ("km", "kilometre"), ("kilometers", "kilometre"), ("metres", "metre"), ("feet", "foot"), ("in", "inch"),
    ("metric tons", "tonne"), ("tonnes", "tonne"), ("k.g.", "kilogram"), ("gs", "gram"), ("lbs", "pound"),
    ("degrees F", "fahrenheit"), ("°C", "celsius"), ("quarters", "quarter"), ("hp", "horsepower"),
    ("Nm", "newton metre"), ("sq km", "square kilometre"), ("barrels a day", "barrel per day"),
    ("US$", "US dollar"), ("€", "euro"), ("EUR", "euro"), ("Mex$", "Mexican peso"), ("geneh", "Egyptian pound"),
    ("ringgit", "Malaysian ringgit"), ("pence", "cent"), ("nonsense", None),
])
def test_lookup(spelling, unit):
    assert units.lookup(spelling) == unit


@pytest.mark.parametrize("value,unit,to,expected", [
    (115, "mile", "kilometre", 185.07),
    (6.25, "metre", "centimetre", 625),
    (100, "tonne", "kilogram", 100_000),
    (98.6, "fahrenheit", "celsius", 37),
    (-40, "celsius", "fahrenheit", -40),
    (1, "year", "day", 365),  # a common year, so that "a year" is "365 days" and "12 months"
    (1, "year", "month", 12),
    (1, "quarter", "month", 3),
    (1.5, "hour", "minute", 90),
    (1, "gallon", "litre", 3.785411784),
])
def test_convert(value, unit, to, expected):
    assert units.convert(value, unit, to) == pytest.approx(expected, rel=1e-4)


def test_money_is_never_converted():
    assert units.convert(125, "euro", "US dollar") == 125
    assert not units.compatible("euro", "US dollar")
    assert units.compatible("dollar", "US dollar")  # a bare "$" is any dollar
    assert not units.compatible("dollar", "euro")
    assert units.currency_code("US dollar") == "USD" and units.currency_code("dollar") is None


def test_kinds_do_not_mix():
    assert not units.compatible("kilometre", "kilogram")
    assert units.dimension("quarter") == "time"
    assert units.convert(3, "kilometre", "kilogram") == 3  # incompatible: unchanged


@pytest.mark.parametrize("article,prefer,expect,result", [
    ("The drive is 115 miles.", None, "185 km", True),
    ("The rope is 6.25 metres long.", None, "6.25 m", True),
    ("The rope is 6.25 metres long.", None, "7 m", False),
    ("The deal took a year.", "time", "12 months", True),  # "a year" alone is a rate ("$5 a year") unless told
    ("The deal took a year and a half.", None, "18 months", True),
    ("The meeting lasted an hour and a half.", None, "90 minutes", True),
    ("They shipped 100 metric tons of wheat.", None, "100,000 kg", True),
    ("It was 12 degrees below zero.", None, "-12 degrees", True),
    ("The engine makes 151 hp.", None, "151 horsepower", True),
])
def test_a_figure_agrees_with_an_expect_in_another_unit(article, prefer, expect, result):
    (m,) = find_numbers(article, prefer)
    assert agrees(m.quantity, parse_expect(expect)) is result


_UNIT_LETTERS = "".join(sorted({ch for w in [*units._SPELLING, *units._SYMBOL] for ch in w + w.upper()}))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*units._SPELLING, *units._SYMBOL]) | st.text(alphabet=_UNIT_LETTERS + "\n\t 2³", max_size=4),
                max_size=6).map(" ".join) | st.text(alphabet=_UNIT_LETTERS + "\n 2", max_size=30))
@example("degrees celsius sq. km  kmh km/h barrels of oil a day US$ KM2 ſecs Kilos mph°F")
def test_the_unit_trie_matches_what_the_plain_alternation_matched(text):
    """UNIT_AFTER is a trie of the spellings and symbols; at every place of a text it must match
    what one alternation of them, longest first, matched (case-blind spellings, cased symbols)."""
    import re

    plain = re.compile(rf"(?P<u>(?i:{units._alternation(list(units._SPELLING))})"
                       rf"|{units._alternation(list(units._SYMBOL))})(?![A-Za-z0-9²³])")
    for i in range(len(text) + 1):
        fast, slow = units.UNIT_AFTER.match(text, i), plain.match(text, i)
        assert (fast and (fast.span(), fast["u"])) == (slow and (slow.span(), slow["u"])), (text, i)


_CURRENCY_LETTERS = "".join(sorted({ch for w in units._PREFIX for ch in w + w.lower()}))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list(units._PREFIX)) | st.text(alphabet=_CURRENCY_LETTERS + "0123456789.,-−– \n",
                                                                 max_size=4), max_size=8).map("".join)
       | st.text(alphabet=_CURRENCY_LETTERS + "0123456789 .,-\n", max_size=30))
@example("U.S.$5 US$ 3 Rs.4 Rs 5 RMB6 RM7 Mex$8 CA$9-10 C$ 1 A$2 - $3bn CAD4")
@example("Rs.5 Rs..5 RM.5 U.S.4 US5-CA$6")
def test_the_currency_trie_matches_what_the_plain_alternation_matched(text):
    """The currency codes and symbols before a figure are a trie; every pattern holding them
    (CURRENCY_BEFORE, the digit and range readers, the price before "a") must match at every place
    what it matched with one alternation of them, longest first."""
    import re

    from factcheck import numbers

    plain = units._alternation(list(units._PREFIX))
    for fast in (units.CURRENCY_BEFORE, numbers._DIGITS, numbers._DASH_RANGE):
        assert units.CURRENCY_ALTS in fast.pattern
        slow = re.compile(fast.pattern.replace(units.CURRENCY_ALTS, plain))
        for i in range(len(text) + 1):
            a, b = fast.match(text, i), slow.match(text, i)
            assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (fast.pattern[:30], text, i)
    slow = re.compile(numbers._PRICE_BEFORE.pattern.replace(units.CURRENCY_ALTS, plain))
    for end in range(len(text) + 1):
        a, b = numbers._PRICE_BEFORE.search(text, 0, end), slow.search(text, 0, end)
        assert (a and a.span()) == (b and b.span()), (text, end)
