import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import numbers
from factcheck.numbers import (
    NumberMatch,
    Quantity,
    Tolerance,
    agrees,
    canonical_unit,
    find_numbers,
    parse_expect,
    parse_tolerance,
    render,
    units_compatible,
)


def only(text):
    found = find_numbers(text)
    assert len(found) == 1, found
    return found[0]


def q(text):
    return only(text).quantity


def interval(quantity):
    return pytest.approx((quantity.value, quantity.low, quantity.high))


# --- find_numbers: value, interval, unit, hedge, offsets -------------------------------------

CASES = [
    # text, matched wording, value, low, high, unit, hedge
    ("there were 1,000 ships", "1,000 ships", 1000, 1000, 1000, "ship", None),
    ("2.5", "2.5", 2.5, 2.5, 2.5, None, None),
    ("1,250,000.5", "1,250,000.5", 1250000.5, 1250000.5, 1250000.5, None, None),
    ("20%", "20%", 20, 20, 20, "%", None),
    ("20 percent of", "20 percent", 20, 20, 20, "%", None),
    ("20 per cent.", "20 per cent", 20, 20, 20, "%", None),
    ("21 million", "21 million", 21e6, 21e6, 21e6, None, None),
    ("1.5bn", "1.5bn", 1.5e9, 1.5e9, 1.5e9, None, None),
    ("3 billion", "3 billion", 3e9, 3e9, 3e9, None, None),
    ("$3bn a year", "$3bn a year", 3e9, 3e9, 3e9, "dollar per year", None),
    ("$3m", "$3m", 3e6, 3e6, 3e6, "dollar", None),
    ("six", "six", 6, 6, 6, None, None),
    ("Twenty-one", "Twenty-one", 21, 21, 21, None, None),
    ("a hundred", "a hundred", 100, 100, 100, None, None),
    ("three hundred and five", "three hundred and five", 305, 305, 305, None, None),
    ("two million", "two million", 2e6, 2e6, 2e6, None, None),
    ("one and a half million", "one and a half million", 1.5e6, 1.5e6, 1.5e6, None, None),
    ("half a million", "half a million", 5e5, 5e5, 5e5, None, None),
    ("a dozen", "a dozen", 12, 12, 12, None, None),
    ("their six-day visit to Iran", "six-day", 6, 6, 6, "day", None),
    ("a 6-day visit", "6-day", 6, 6, 6, "day", None),
    ("a 21-year-old", "21-year-old", 21, 21, 21, "year", None),
    ("one fourth", "one fourth", 25, 25, 25, "%", None),
    ("a quarter of the oil", "a quarter", 25, 25, 25, "%", None),
    ("a third of it", "a third", 100 / 3, 100 / 3, 100 / 3, "%", None),
    ("two-thirds", "two-thirds", 200 / 3, 200 / 3, 200 / 3, "%", None),
    ("three quarters of", "three quarters", 75, 75, 75, "%", None),
    ("half of them", "half", 50, 50, 50, "%", None),
    ("one in five Iranians", "one in five", 20, 20, 20, "%", None),
    ("1 in 4", "1 in 4", 25, 25, 25, "%", None),
    ("21 million barrels per day", "21 million barrels per day", 21e6, 21e6, 21e6, "barrel per day", None),
    ("21 million barrels of oil a day", "21 million barrels of oil a day", 21e6, 21e6, 21e6, "barrel per day", None),
    ("16 million b/d flowed", "16 million b/d", 16e6, 16e6, 16e6, "barrel per day", None),
    ("300,000 bpd", "300,000 bpd", 3e5, 3e5, 3e5, "barrel per day", None),
    ("2 mb/d", "2 mb/d", 2e6, 2e6, 2e6, "barrel per day", None),
    ("300km away", "300km", 300, 300, 300, "kilometre", None),
    ("3 percentage points", "3 percentage points", 3, 3, 3, "percentage point", None),
    ("two countries", "two countries", 2, 2, 2, "country", None),
    ("fewer than 3 people", "fewer than 3 people", 3, 1.5, 3, "person", "fewer than"),
    # hedges
    ("almost one fourth of world oil", "almost one fourth", 25, 22.5, 25, "%", "almost"),
    ("nearly 20", "nearly 20", 20, 18, 20, None, "nearly"),
    ("just under 50", "just under 50", 50, 45, 50, None, "just under"),
    ("about 21%", "about 21%", 21, 19.95, 22.05, "%", "about"),
    ("around 300", "around 300", 300, 285, 315, None, "around"),
    ("approximately 40", "approximately 40", 40, 38, 42, None, "approximately"),
    ("roughly 24%", "roughly 24%", 24, 22.8, 25.2, "%", "roughly"),
    ("some 300 ships", "some 300 ships", 300, 285, 315, "ship", "some"),
    ("more than 20%", "more than 20%", 20, 20, 30, "%", "more than"),
    ("for over 6 days", "over 6 days", 6, 6, 9, "day", "over"),  # "over six days" alone spans them
    ("at least 10", "at least 10", 10, 10, 15, None, "at least"),
    ("up to 10", "up to 10", 10, 5, 10, None, "up to"),
    ("less than 10", "less than 10", 10, 5, 10, None, "less than"),
    ("as many as 10", "as many as 10", 10, 5, 10, None, "as many as"),
    ("just over 10", "just over 10", 10, 10, 11, None, "just over"),
    ("About one-third of total", "About one-third", 100 / 3, 95 / 3, 105 / 3, "%", "about"),
    ("More than one-quarter of", "More than one-quarter", 25, 25, 37.5, "%", "more than"),
    ("nearly half", "nearly half", 50, 45, 50, "%", "nearly"),
]


@pytest.mark.parametrize("text,wording,value,low,high,unit,hedge", CASES, ids=[c[0] for c in CASES])
def test_find_numbers_reads_each_figure(text, wording, value, low, high, unit, hedge):
    m = only(text)
    start = text.index(wording)
    assert (m.start, m.end, m.text) == (start, start + len(wording), wording)
    assert (m.quantity.unit, m.quantity.hedge, m.quantity.text) == (unit, hedge, wording)
    assert interval(m.quantity) == (value, low, high)


def test_seed_passage_figures():
    text = ("Ali Shamkhani February 4. representatives will start their six-day visit to Iran. the supply of "
            "the S-300 missile system, Covid-19 aside. the strait through which almost one fourth of world oil "
            "supplies pass. made public in December 2016 was way more assertive.")
    found = find_numbers(text)
    assert [(m.text, m.quantity.value, m.quantity.unit) for m in found] == [
        ("4", 4, None), ("six-day", 6, "day"), ("almost one fourth", 25, "%"), ("2016", 2016, None)]
    assert all(text[m.start:m.end] == m.text for m in found)
    assert found[1] == NumberMatch(59, 66, "six-day", Quantity(6, 6, 6, "day", None, "six-day"))


@pytest.mark.parametrize("text", [
    "the S-300 missile system",
    "Covid-19 cases",
    "the MiG-29 and F16",
    "thousands of people",
    "tens of thousands",
    "hundreds died",
    "dozens of ships",
    "the 4th fleet",
    "in the 1990s",
    "a 4G network",
    "on 2017-02-04",
    "at 10:30",
    "open 24/7",
    "a third country",
    "the first half",
    "a 100m race",
    "no one came",
    "they help one another",
    "on the one hand",
    "the previous one made public",
    "someone",
])
def test_not_figures(text):
    assert find_numbers(text) == []


def test_figures_in_a_list_keep_their_own_hedges():
    found = find_numbers("about 17 million b/d in 2011, roughly 35% of seaborne oil and almost 20% of all oil")
    assert [(m.text, m.quantity.hedge) for m in found] == [
        ("about 17 million b/d", "about"), ("2011", None), ("roughly 35%", "roughly"), ("almost 20%", "almost")]


def test_str_forms():
    assert str(q("almost one fourth")) == "almost one fourth (22.5-25%)"
    assert str(q("about 21 million barrels per day")) == "about 21 million barrel per day"
    assert str(q("six-day")) == "six-day (6 day)"
    assert str(q("20%")) == "20%"
    assert str(q("12,500 ships")) == "12,500 ship"
    assert str(parse_expect(300)) == "300"


# --- agrees ----------------------------------------------------------------------------------

@pytest.mark.parametrize("article,expect,result", [
    ("almost one fourth", "about 20%", False),
    ("almost one fourth", "about 21%", False),
    ("almost one fourth", "roughly 24%", True),
    ("almost one fourth", "25%", True),
    ("almost one fourth", "20%", False),
    ("21 million barrels per day", "about 21 million barrels per day", True),
    ("21 million barrels per day", "17 million barrels per day", False),
    ("21 million barrels per day", "21 million b/d", True),
    ("21 million barrels per day", "21 million bpd", True),
    ("21 million barrels per day", "21 million", True),  # a bare number agrees on value
    ("21 million barrels per day", "21 million ships", False),
    ("six-day", "6 days", True),
    ("six-day", "7 days", False),
    ("six-day", "six days", True),
    ("six-day", "6 ships", False),
    ("six-day", "6", True),
    ("20%", "21%", False),
    ("20%", "20 percent", True),
    ("one in five", "20%", True),
    ("one in five", "one fifth", True),
    ("two-thirds", "67%", True),
    ("more than 20%", "25%", True),
    ("more than 20%", "35%", False),
    ("up to 10", "6", True),
    ("up to 10", "4", False),
    ("at least 5 ships", "at least 6 ships", True),
])
def test_agrees(article, expect, result):
    assert agrees(q(article), parse_expect(expect)) is result


def test_tolerance_overrides_the_default():
    stated, expected = parse_expect("20%"), parse_expect("21%")
    assert agrees(stated, expected) is False
    assert agrees(stated, expected, Tolerance(relative=0.1)) is True
    assert agrees(stated, expected, Tolerance(absolute=1)) is True
    assert agrees(stated, expected, Tolerance(absolute=0.5)) is False
    assert agrees(stated, expected, Tolerance(relative=0.04)) is False
    assert agrees(parse_expect("6 days"), parse_expect("6 ships"), Tolerance(relative=1)) is False


def test_default_tolerance_is_one_percent():
    assert agrees(parse_expect(99.5), parse_expect(100)) is True
    assert agrees(parse_expect(98.9), parse_expect(100)) is False


@pytest.mark.parametrize("a,b,result", [
    (None, "day", True),
    ("day", None, True),
    (None, None, True),
    ("day", "days", True),
    ("barrel per day", "b/d", True),
    ("bpd", "barrels per day", True),
    ("%", "percent", True),
    ("%", "per cent", True),
    ("day", "ship", False),
    ("%", "percentage point", False),
    ("dollar", "$", True),
    ("km", "kilometres", True),
    ("people", "person", True),
    ("dollar per barrel", "dollar", True),  # a price agrees with its amount
    ("dollar per barrel", "US dollar per barrel", True),
    ("dollar per barrel", "dollar per tonne", False),
    ("dollar per barrel", "euro", False),
    ("barrel per day", "barrel", False),  # a flow is not a volume
])
def test_units_compatible(a, b, result):
    assert units_compatible(a, b) is result


# --- parse_expect and parse_tolerance --------------------------------------------------------

@pytest.mark.parametrize("value,expected", [
    ("20%", Quantity(20, 20, 20, "%", None, "20%")),
    ("about 20%", Quantity(20, 19, 21, "%", "about", "about 20%")),
    ("21 million barrels per day", Quantity(21e6, 21e6, 21e6, "barrel per day", None, "21 million barrels per day")),
    ("6 days", Quantity(6, 6, 6, "day", None, "6 days")),
    ("one fourth", Quantity(25, 25, 25, "%", None, "one fourth")),
    (" About 20 Percent ", Quantity(20, 19, 21, "%", "about", "About 20 Percent")),
    ("6 Days", Quantity(6, 6, 6, "day", None, "6 Days")),
    ("6 Russian ships", Quantity(6, 6, 6, "ship", None, "6 Russian ships")),  # the counted noun ends the phrase
    (300, Quantity(300, 300, 300, None, None, "300")),
    (2.5, Quantity(2.5, 2.5, 2.5, None, None, "2.5")),
])
def test_parse_expect(value, expected):
    got = parse_expect(value)
    assert (got.unit, got.hedge, got.text) == (expected.unit, expected.hedge, expected.text)
    assert interval(got) == (expected.value, expected.low, expected.high)


@pytest.mark.parametrize("value,message", [
    ("", "is not a figure"),
    ("many", "is not a figure"),
    ("S-300", "is not a figure"),
    ("20% of oil", "read '20%' but not 'of oil'"),
    ("6 ships Russia sent", "but not 'Russia sent'"),
    ("6 and 7", "more than one figure"),
    ("ships 6", "is not a figure"),
    (True, "not bool"),
    (None, "not NoneType"),
    (float("nan"), "not a finite number"),
    (float("inf"), "not a finite number"),
])
def test_parse_expect_rejects(value, message):
    with pytest.raises(ValueError, match=message):
        parse_expect(value)


@pytest.mark.parametrize("value,expected", [
    ("10%", Tolerance(relative=0.1)),
    ("10 percent", Tolerance(relative=0.1)),
    ("±5%", Tolerance(relative=0.05)),
    ("2", Tolerance(absolute=2.0)),
    ("0.5", Tolerance(absolute=0.5)),
    (2, Tolerance(absolute=2.0)),
    (0.25, Tolerance(absolute=0.25)),
])
def test_parse_tolerance(value, expected):
    assert parse_tolerance(value) == expected


@pytest.mark.parametrize("value", ["x", "", "10%%", "-2", -2, True, None, float("nan"), "ten percent"])
def test_parse_tolerance_rejects(value):
    with pytest.raises(ValueError):
        parse_tolerance(value)


# --- properties ------------------------------------------------------------------------------

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
       "sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_words(n, joiner):
    if n < 20:
        return ONES[n]
    return TENS[n // 10] + (joiner + ONES[n % 10] if n % 10 else "")


VOCAB = ["almost", "about", "more than", "one", "fourth", "a", "third", "two-thirds", "half", "in", "five",
         "21", "1,000", "2.5", "million", "bn", "%", "percent", "per cent", "barrels", "per", "day", "b/d",
         "six-day", "S-300", "Covid-19", "thousands", "twenty", "-", "and", "hundred", "$", "of", "ships",
         "4th", "1990s", "2017-02-04", ",", ".", "0", "dozen", "at least", "up to", "ago"]
vocab_text = st.lists(st.tuples(st.sampled_from(VOCAB), st.sampled_from(["", " ", "  ", "-", "\n"])),
                      max_size=12).map(lambda parts: "".join(w + sep for w, sep in parts))
any_text = st.one_of(st.text(max_size=60), vocab_text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_find_numbers_never_fails_and_stays_in_the_text(text):
    last_end = 0
    for m in find_numbers(text):
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= last_end
        assert text[m.start:m.end] == m.text == m.quantity.text
        assert m.quantity.low <= m.quantity.value <= m.quantity.high
        assert m.quantity.low <= m.quantity.high
        last_end = m.end


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, st.integers(), st.floats(), st.none(), st.booleans()))
def test_parse_expect_raises_only_value_error(value):
    try:
        quantity = parse_expect(value)
    except ValueError:
        return
    assert math.isfinite(quantity.value) and quantity.low <= quantity.high
    assert agrees(quantity, quantity)


@settings(max_examples=200, deadline=None)
@given(st.one_of(any_text, st.integers(), st.floats(), st.none()))
def test_parse_tolerance_raises_only_value_error(value):
    try:
        tol = parse_tolerance(value)
    except ValueError:
        return
    assert (tol.relative or 0) >= 0 and (tol.absolute or 0) >= 0


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 10**9), st.booleans())
def test_whole_numbers_in_digits_read_back(n, separators):
    rendered = f"{n:,}" if separators else str(n)
    m = only(rendered)
    assert (m.start, m.end, m.quantity.value, m.quantity.unit) == (0, len(rendered), n, None)
    hedged = only(f"Some {rendered} ships sailed.")
    assert (hedged.quantity.value, hedged.quantity.unit, hedged.quantity.hedge) == (n, "ship", "some")
    assert parse_expect(rendered).value == n


@settings(max_examples=100, deadline=None)
@given(st.integers(0, 99), st.sampled_from(["-", " "]), st.booleans())
def test_numbers_in_words_read_back(n, joiner, capital):
    words = in_words(n, joiner)
    if capital:
        words = words.capitalize()
    m = only(f"{words} ships were seen")
    assert (m.start, m.quantity.value, m.quantity.unit) == (0, n, "ship")
    assert m.text == f"{words} ships"


HEDGES = ["", "almost ", "nearly ", "just under ", "about ", "around ", "approximately ", "roughly ", "some ",
          "more than ", "over ", "at least ", "up to ", "less than ", "fewer than ", "as many as "]
FIGURES = ["20%", "21 million barrels per day", "six-day", "one fourth", "a third of", "two-thirds", "half of",
           "one in five", "6 days", "300", "1.5bn", "twenty-one ships", "$3 billion"]


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(HEDGES), st.sampled_from(FIGURES),
       st.one_of(st.none(), st.builds(Tolerance, relative=st.floats(0, 1)),
                 st.builds(Tolerance, absolute=st.floats(0, 100))))
def test_a_parsed_quantity_agrees_with_itself(hedge, figure, tolerance):
    (m,) = find_numbers(hedge + figure)
    spans = hedge == "over " and figure in ("six-day", "6 days")  # "over six days" is across them
    assert m.quantity.hedge == (None if spans else hedge.strip() or None)
    assert agrees(m.quantity, m.quantity, tolerance)


# --- issue 13: figures as news copy writes them ----------------------------------------------

NEWS = [
    # sentence, the figure's wording, value, unit, upper end of a range
    ("The Pentagon awarded a $300 million contract.", "$300 million", 3e8, "dollar", None),
    ("The club paid £100 player fees.", "£100", 100, "pound", None),
    ("A baker sold 3 dozens of rolls.", "3 dozens", 36, None, None),
    ("Sales topped 10k last month.", "10k", 1e4, None, None),
    ("The deal is worth 1.2b, analysts say.", "1.2b", 1.2e9, None, None),
    ("The firm raised $1.2bn from investors.", "$1.2bn", 1.2e9, "dollar", None),
    ("About 5m people live there.", "About 5m people", 5e6, "person", None),
    ("The fund holds 10M in cash.", "10M", 1e7, None, None),
    ("The rate was .08 at the close.", ".08", 0.08, None, None),
    ("The state spent 1,674,200.5 M on roads.", "1,674,200.5 M", 1674200.5e6, None, None),
    ("Turnout fell by 1/4 in the city.", "1/4", 25, "%", None),
    ("Some 3/4 of the budget is spent.", "Some 3/4", 75, "%", None),
    ("Only ⅔ of the seats were filled.", "⅔", 200 / 3, "%", None),
    ("Some ¾ of voters backed it.", "Some ¾", 75, "%", None),
    ("The road is 2 1/4 miles long.", "2 1/4 miles", 2.25, "mile", None),
    ("One and a half million people fled.", "One and a half million people", 1.5e6, "person", None),
    ("Half million tonnes of grain rotted.", "Half million tonnes", 5e5, "tonne", None),
    ("Two thirds of a million voters stayed home.", "Two thirds of a million voters", 2e6 / 3, "voter", None),
    ("One twenty-fifth of the budget goes to defence.", "One twenty-fifth", 4, "%", None),
    ("1 in twenty-one children is affected.", "1 in twenty-one", 100 / 21, "%", None),
    ("The census counted 1 414 021 100 people.", "1 414 021 100 people", 1414021100, "person", None),
    ("The march drew 4\u2009000 people.", "4\u2009000 people", 4000, "person", None),
    ("The town had 4 thousand 3 hundred and 21 residents.", "4 thousand 3 hundred and 21 residents", 4321,
     "resident", None),
    ("Output shrank -5% in the quarter.", "-5%", -5, "%", None),
    ("Growth was minus five percent.", "minus five percent", -5, "%", None),
    ("The reading was negative one on the scale.", "negative one", -1, None, None),
    ("Tickets cost EUR 125 each.", "EUR 125", 125, "euro", None),
    ("Bonds worth USD 115 million were sold.", "USD 115 million", 1.15e8, "US dollar", None),
    ("It raised US$4.7 billion.", "US$4.7 billion", 4.7e9, "US dollar", None),
    ("Entry costs €20.", "€20", 20, "euro", None),
    ("A bowl of ramen costs ¥800.", "¥800", 800, "Japanese yen", None),
    ("The bank sold Mex$10 million in bonds.", "Mex$10 million", 1e7, "Mexican peso", None),
    ("He was paid 250000 us dollars.", "250000 us dollars", 250000, "US dollar", None),
    ("They shipped 100 metric tons of wheat.", "100 metric tons", 100, "tonne", None),
    ("Fire burned 50 square kilometres.", "50 square kilometres", 50, "square kilometre", None),
    ("Output rose to 2 million barrels per day.", "2 million barrels per day", 2e6, "barrel per day", None),
    ("Police seized 200lbs of cocaine.", "200lbs", 200, "pound", None),
    ("Each vial holds 75ml of vaccine.", "75ml", 75, "millilitre", None),
    ("The rifle fires 7.62mm rounds.", "7.62mm", 7.62, "millimetre", None),
    ("The wall is 1.8m tall.", "1.8m", 1.8, "metre", None),
    ("The agency runs four to six services a day.", "four to six services a day", 4, "service per day", 6),
    ("The trail is 3-5 kilometers long.", "3-5 kilometers", 3, "kilometre", 5),
    ("Fares run between 10 and 20 dollars.", "between 10 and 20 dollars", 10, "dollar", 20),
    ("The wall is 7 feet and 10 inches high.", "7 feet and 10 inches", 94, "inch", None),
    # a range written backwards (a typo, an edit) still states its two figures, read as written
    ("Teams of 20-12 members are typical.", "20-12 members", 20, "member", 12),
]


@pytest.mark.parametrize("sentence,words", [
    ("He starred in the 1998-99 season.", "1998-99"),  # a shortened upper end: years, not a count
    ("The 2019-20 season was cut short.", "2019-20"),
])
def test_a_shortened_upper_end_is_no_backwards_range(sentence, words):
    at = sentence.index(words)
    assert not [m for m in find_numbers(sentence) if m.start <= at < m.end and m.quantity.upper is not None]


def test_a_backwards_range_allows_the_interval_between_its_ends():
    (m,) = find_numbers("Teams of 20-12 members are typical.")
    assert (m.quantity.low, m.quantity.high) == (12, 20)


@pytest.mark.parametrize("sentence,wording,value,unit,upper", NEWS, ids=[n[1] for n in NEWS])
def test_news_figures(sentence, wording, value, unit, upper):
    (m,) = [m for m in find_numbers(sentence) if wording in m.text or m.text in wording]
    assert m.text == wording
    assert m.quantity.value == pytest.approx(value)
    assert m.quantity.unit == unit
    assert m.quantity.upper == (pytest.approx(upper) if upper is not None else None)


@pytest.mark.parametrize("sentence,words", [
    ("Airlines grounded every Boeing 737 after the crash.", "737"),
    ("The S&P 500 index closed higher.", "500"),
    ("Yields on 10-year notes rose.", "10"),
    ("He lived at 1119 Eighth St in Sacramento.", "1119"),
    ("Dispatchers took 911 calls all night.", "911"),
    ("The curfew starts at 10 p.m. daily.", "10"),
    ("Chelsea won 4-1 at home.", "4-1"),
    ("Stocks fell for a seventh straight session.", "seventh"),
    # references, list numbers, products, magnitudes (second pass, from real article bodies)
    ("Up to 99% need no intervention [2].", "2"),
    ("It cut binge eating in 81% of participants (19).", "19"),
    ("Fiber keeps you full (32, 33).", "33"),
    ("1. Ditch the diet", "1"),
    ("9) Batteria Elettronica", "9"),
    ("It needs an iPhone 8 or later.", "8"),
    ("He never earned a six-figure salary.", "six-figure"),
])
def test_news_numbers_that_are_not_figures(sentence, words):
    at = sentence.index(words)
    assert not [m for m in find_numbers(sentence) if m.start <= at < m.end]


def test_over_a_span_of_time_is_not_more_than():
    (across,) = find_numbers("Protests spread over three days.")
    assert (across.text, across.quantity.hedge, across.quantity.high) == ("three days", None, 3)
    (more,) = find_numbers("He was held for over three days.")
    assert (more.quantity.hedge, more.quantity.low, more.quantity.high) == ("over", 3, 4.5)


def test_a_modifier_is_not_the_counted_noun():
    assert q("a $2.38 billion settlement").unit == "dollar"
    assert agrees(q("a $300 million contract"), parse_expect("$300 million"))


@pytest.mark.parametrize("article,expect,result", [
    ("6.25 metres", "6.25 m", True),
    ("115 miles", "185 km", True),
    ("115 miles", "200 km", False),
    ("21 million barrels per day", "147 million barrels per week", True),
    ("100 metric tons", "100,000 kg", True),
    ("98.6 °F", "37 celsius", True),
    ("$300 million", "USD 300 million", True),  # a bare dollar is any dollar
    ("EUR 125", "$125", False),  # money is never converted
    ("-5%", "-5%", True),
    ("-5%", "5%", False),
    ("four to six services", "5 services", True),
    ("four to six services", "8 services", False),
])
def test_agrees_after_conversion(article, expect, result):
    assert agrees(q(article), parse_expect(expect)) is result


@pytest.mark.parametrize("value", ["100 metric tons", "-5%", "$1.2bn", "EUR 125", "USD 115", "minus five percent",
                                   "50 square kilometres", "200lbs", "3-5 km", "between 10 and 20 dollars",
                                   "negative one", "1.8m", "7.62mm", "US$4.7 billion", "¥800"])
def test_issue_expects_load(value):
    assert parse_expect(value).text == value


NEWS_WORDS = ["the", "firm", "said", "about", "nearly", "more than", "over", "$", "€", "EUR", "US$", "3", "12.5",
              "1,200", "1 414 021", "-", "%", "percent", "million", "bn", "k", "m", "km", "miles", "metric tons",
              "barrels per day", "ships", "a day", "one", "twenty-one", "half", "a third", "of", "and", "to",
              "between", "1/4", "⅔", "dozen", "lbs", "ml", ",", ".", "minus",
              # the second pass's grammar: spoken numbers, mixed numbers, parts, coins, sub-units, glued units
              "a couple of", "a pair", "point", "nought", "lakh", "crore", "an hour", "hours", "minutes",
              "a quarter", "quarters", "a half", "and a half", "three quarters", "dime", "GBP", "pence", "degrees",
              "below zero", "more", "consecutive", "'", '"', "h", "l", "2016", "plan", "[2]", "(34)", "iPhone",
              "a barrel", "an ounce", "/", "kWh", "new", "state", "residents"]
news_text = st.lists(st.tuples(st.sampled_from(NEWS_WORDS), st.sampled_from(["", " ", " ", "-"])),
                     max_size=14).map(lambda parts: "".join(w + sep for w, sep in parts))


@settings(max_examples=400, deadline=None)
@given(news_text, st.sampled_from([None, "time", "length", "currency", "mass", numbers.NUMBER]))
@example("below zero-a couple of dime", "currency")  # a hedged range without a unit: "below 0 to 2"
@example("$3-3", None)  # two equal ends are not a range
@example("$5-3 million", None)  # a range written backwards, read back only with its dash
def test_whatever_is_read_loads_back_as_expect(text, prefer):
    """Whatever the reader reads, told a kind or not, can be written as ``expect`` and read back the same."""
    for m in find_numbers(text, prefer):
        written = render(m.quantity)
        back = parse_expect(written)
        assert back.value == pytest.approx(m.quantity.value, rel=1e-12, abs=1e-12), written
        assert canonical_unit(back.unit) == canonical_unit(m.quantity.unit), written
        assert back.hedge == m.quantity.hedge, written
        assert (back.upper is None) == (m.quantity.upper is None), written
        assert agrees(m.quantity, back), written


def test_half_after_a_count_is_not_its_unit():
    """'twenty-one half' (a list, a typo) is not 21 of a unit called 'half'."""
    assert all(m.quantity.unit != "half" for m in find_numbers("The vote was twenty-one half an hour ago."))


# --- spoken grammar, mixed numbers, parts of a unit (issue 13, second pass) -------------------

SPOKEN = [
    # sentence, the figure's wording, value, unit
    ("The score stood at nought after an hour.", "nought", 0, None),
    ("She stayed a couple of weeks in Lagos.", "a couple of weeks", 2, "week"),
    ("Police found a pair of pistols in the car.", "a pair of pistols", 2, "pistol"),
    ("Turnout rose 1 point 5 on the poll's scale.", "1 point 5", 1.5, None),
    ("The fund lost two point two million dollars.", "two point two million dollars", 2.2e6, "dollar"),
    ("The state spent three thousand million pounds.", "three thousand million pounds", 3e9, "pound"),
    ("The bakery sold two hundred dozens of eggs.", "two hundred dozens", 2400, None),
    ("The project cost three hundred crore rupees.", "three hundred crore rupees", 3e9, "Indian rupee"),
    ("Sales reached 12 lakh units.", "12 lakh units", 1.2e6, "unit"),
    ("The flight took an hour and a half.", "an hour and a half", 1.5, "hour"),
    ("The talks lasted one and three quarters of an hour.", "one and three quarters of an hour", 1.75, "hour"),
    ("He waited 5 and a half minutes.", "5 and a half minutes", 5.5, "minute"),
    ("The race ran 1 hour and fifteen.", "1 hour and fifteen", 75, "minute"),
    ("The interview lasted an hour and 45 minutes.", "an hour and 45 minutes", 105, "minute"),
    ("Add half a liter of milk.", "half a liter", 0.5, "litre"),
    ("Each bottle holds a quarter-litre of oil.", "a quarter-litre", 0.25, "litre"),
    ("Pour in a tenth of a gallon of water.", "a tenth of a gallon", 0.1, "gallon"),
    ("The nurse gave 2 more doses.", "2 more doses", 2, "dose"),
    ("The talks need two additional weeks.", "two additional weeks", 2, "week"),
    ("Overnight it fell to 12 degrees below zero.", "12 degrees below zero", -12, "degree"),
    ("Temperatures hit 70 degrees F by noon.", "70 degrees F", 70, "fahrenheit"),
    ("The fee is 3 GBP 20 pence per page.", "3 GBP 20 pence", 3.2, "British pound"),
    ("Tea cost him 20 Rupees 50.", "20 Rupees 50", 20.5, "Indian rupee"),  # sub-units end the phrase
    ("Profit fell for 3 quarters in a row.", "3 quarters", 3, "quarter"),
    ("Each bag weighs 2 k.g. at most.", "2 k.g.", 2, "kilogram"),
]


@pytest.mark.parametrize("sentence,wording,value,unit", SPOKEN, ids=[s[1] for s in SPOKEN])
def test_spoken_and_mixed_figures(sentence, wording, value, unit):
    (m,) = [m for m in find_numbers(sentence) if wording in m.text or m.text in wording]
    assert (m.text, m.quantity.unit) == (wording, unit)
    assert m.quantity.value == pytest.approx(value)


@pytest.mark.parametrize("sentence,words", [
    ("At one point 20 people were inside.", "one point 20"),  # "point" after a word is not a decimal
    ("Home Depot reported third-quarter earnings.", "third-quarter"),  # an ordinal, not a third of a quarter
    ("He finished the third mile first.", "third mile"),
    ("Nickel prices rose on Monday.", "Nickel"),  # a metal: coins are read only when money is wanted
    ("The couple from Ohio won.", "couple"),
    ("The network rolled out 5G and 4G.", "5G"),
])
def test_words_that_are_not_these_figures(sentence, words):
    at = sentence.index(words)
    assert not [m for m in find_numbers(sentence) if m.start <= at < m.end and m.text == words]


def test_a_year_before_a_singular_noun_is_a_year_not_a_count():
    (m,) = find_numbers("The plan revives the 2016 plan.")
    assert (m.text, m.quantity.unit) == ("2016", None)
    assert q("The firm hired 2016 workers.").unit == "worker"


@pytest.mark.parametrize("text,prefer,value,unit", [
    ("The sprint took 2 m.", "time", 2, "minute"),
    ("The sprint took 2 m.", "length", 2, "metre"),
    ("a 9m gap", "length", 9, "metre"),
    ("It ran 3k.", "length", 3, "kilometre"),
    ("It ran 3k.", None, 3000, None),
    ("He kept 1\" pause", "time", 1, "second"),
    ("He paid a quarter.", "currency", 0.25, "dollar"),
    ("He paid a quarter.", None, 25, "%"),
    ("She had four quarters.", "currency", 1, "dollar"),
    ("He found a dime.", "currency", 0.1, "dollar"),
    ("The town has 30 l residents.", numbers.NUMBER, 3e6, "resident"),
    ("The tank holds 30 l.", None, 30, "litre"),
    ("Rest 1/2 h.", "time", 0.5, "hour"),
])
def test_prefer_settles_what_only_the_wanted_kind_can(text, prefer, value, unit):
    (m,) = find_numbers(text, prefer)
    assert m.quantity.value == pytest.approx(value)
    assert m.quantity.unit == unit


@pytest.mark.parametrize("expect,article,value", [
    ("2 minutes", "The sprint took 2 m.", 2),
    ("2 metres", "The sprint took 2 m.", 2),
    ("$0.25", "He paid a quarter.", 0.25),
    ("25%", "He paid a quarter.", 25),
])
def test_an_expect_says_how_to_read_the_article(expect, article, value):
    expected = parse_expect(expect)
    (m,) = find_numbers(article, numbers.kind(expected))
    assert m.quantity.value == pytest.approx(value) and agrees(m.quantity, expected)


@pytest.mark.parametrize("value", ["an hour and a half", "3 GBP 20 pence", "12 degrees below zero",
                                   "a couple of weeks", "two point two million dollars", "half a liter",
                                   "1 hour and fifteen", "3 quarters"])
def test_these_expects_load(value):
    assert parse_expect(value).text == value


@pytest.mark.parametrize("sentence,wording", [
    ("The agency said in an Oct. 26 letter to carriers.", "26"),  # a day, bare: callers filter dates
    ("The chart sums the fiscal year 2019 seizures.", "2019"),
])
def test_a_date_part_takes_no_unit(sentence, wording):
    (m,) = [m for m in find_numbers(sentence) if wording in m.text]
    assert (m.text, m.quantity.unit) == (wording, None)


@pytest.mark.parametrize("sentence,wording,unit", [
    ("Brent rose to $60 a barrel on Monday.", "$60 a barrel", "dollar per barrel"),
    ("Gold hit $1,500 an ounce.", "$1,500 an ounce", "dollar per ounce"),
    ("The state set a $0.06/kWh benchmark.", "$0.06/kWh", "dollar per kilowatt hour"),
    ("Rice sold at 30 rupees a kilo.", "30 rupees a kilo", "Indian rupee per kilogram"),
])
def test_a_price_per_measure_is_one_figure(sentence, wording, unit):
    (m,) = find_numbers(sentence)  # not also "a barrel": one barrel
    assert (m.text, m.quantity.unit) == (wording, unit)
    assert agrees(m.quantity, parse_expect(wording)) and agrees(m.quantity, parse_expect(wording.split(" a")[0]))


@pytest.mark.parametrize("sentence,unit", [
    ("Medicaid covered more than 400,000 state residents.", "resident"),
    ("Dealers sold 30,154 new cars in October.", "car"),
    ("Two federal prison officers were charged.", "officer"),
    ("One possible explanation is the weather.", "explanation"),
    ("The 180 page publication comes with a record.", "page"),  # "comes" is a verb, not the noun
    ("They found 10 olives in the jar.", "olive"),
])
def test_the_counted_noun_ends_the_noun_phrase(sentence, unit):
    assert q(sentence).unit == unit


def test_an_adjective_between_count_and_noun():
    assert (q("He scored in six consecutive games.").unit, q("The Thunder scored nine straight points.").unit) \
        == ("game", "point")


@pytest.mark.parametrize("text,value", [
    ("first", 1), ("31st", 31), ("the 42nd floor", 42), ("twenty-fifth", 25), ("twenty\u2014fifth", 25),
    ("twentyfifth", 25), ("thirty first", 31), ("seventy-third", 73), ("ninetieth", 90),
    ("Stocks fell for a seventh straight session.", 7),
    ("roots in the 19 th century", 19), ("the 2 nd time", 2),  # a superscript suffix set apart
])
def test_ordinals_are_their_own_kind(text, value):
    (o,) = numbers.find_ordinals(text)
    assert o.value == value and text[o.start:o.end] == o.text
    assert not [m for m in find_numbers(text) if m.start < o.end and o.start < m.end]  # never a count


def test_not_ordinals():
    assert numbers.find_ordinals("1th 22th") == []
    assert q("He weighs 14 st.").value == 14  # not the 14th: its suffix would be "th"
    assert q("a thirty second ad").unit == "second"


_LOOKAHEAD_OPENED = ("_DIGITS", "_DASH_RANGE", "_DIGIT_FRACTION", "_DEN_HINT")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789 .,-−–/$€£¥₹USDRsMNhalfHALFthirdsquarterfifthsecondſ\n", max_size=60))
@example("US$3-5 million, a third, 1/2, −4.5 and ſeconds")
def test_a_patterns_opening_look_ahead_only_skips_where_no_match_can_start(text):
    """The look-ahead on a figure's first characters must find exactly what the pattern finds
    without it."""
    import re

    for name in _LOOKAHEAD_OPENED:
        fast = getattr(numbers, name)
        bare = re.compile(re.sub(r"^\(\?=(?:\[[^\]]*\]|\\d)\)", "", fast.pattern), fast.flags)
        assert bare.pattern != fast.pattern, name
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
            [(m.span(), m.groups()) for m in bare.finditer(text)], name


_FRACTION_WORDS = ["a", "an", "one", "three", "seventeen", "half", "halves", "halfs", "third", "thirds", "fourth",
                   "quarter", "quarters", "sixtieth", "hundredths", "twenty-fifth", "seventy sevenths", "ninety-"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRACTION_WORDS) | st.text(alphabet="aehfilnorstuvwxyHTQS- \n", max_size=5),
                max_size=6).map(" ".join))
@example("Two-Thirds a half Seventy sevenths an eighths twenty-fifths sixtieths ſeventh thirdy")
def test_the_fraction_trie_matches_what_the_plain_alternation_matched(text):
    """_FRACTION is a trie of the numerators and denominators; it must find what one alternation
    of them, longest first, found, at every place of the text."""
    import re

    plain = re.compile(rf"(?i)\b(?:(?P<num>an?|{numbers._NUM_ALTS})[\s-]+)?(?P<den>halves|{numbers._DEN_ALTS})\b")
    for i in range(len(text) + 1):
        fast, slow = numbers._FRACTION.match(text, i), plain.match(text, i)
        assert (fast and (fast.span(), fast.groupdict())) == (slow and (slow.span(), slow.groupdict())), (text, i)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789 .,-–—/$€USD~km\n", max_size=40))
@example("$3-5 million, 1/2, 3 1/4, 2–7 km, 2—3")
def test_the_scans_skipped_without_their_mark_never_match_without_it(text):
    """A text without a digit before a dash is not scanned for a dash range, nor one without a
    digit, a slash and a digit for a digit fraction: every match of each holds its mark."""
    assert all(numbers._DASH_ANY.search(m.group()) for m in numbers._DASH_RANGE.finditer(text))
    assert all(numbers._DIGIT_SLASH.search(m.group()) for m in numbers._DIGIT_FRACTION.finditer(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*numbers._HEDGE_KINDS, "More  Than", "ABOUT", "approx", "over-", "-"])
                | st.text(alphabet="aeilmnorstuvw .\n", max_size=6), max_size=5).map(" ".join))
@example("slightly less than a little under well over ")
def test_the_hedge_trie_matches_what_the_plain_alternation_matched(text):
    """_HEDGE_BEFORE is a trie of the hedges; searched before a figure at any place, it must find
    what the alternation of them, longest first, found."""
    import re

    plain = re.compile(rf"(?i)(?<![\w-])(?P<h>{numbers._HEDGE_ALTS})\s+$")
    for end in range(len(text) + 1):
        fast, slow = numbers._HEDGE_BEFORE.search(text, 0, end), plain.search(text, 0, end)
        assert (fast and (fast.span(), fast["h"])) == (slow and (slow.span(), slow["h"])), (text, end)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789.,$€ USDRsabcMAB&\n", max_size=30))
@example("$5.5m ")
@example("Boeing ")
def test_the_searches_back_skipped_without_their_mark_never_match_without_it(text):
    """A price before "a" is searched for only where a digit, "." or "," stands; a name before a
    figure only after a space."""
    if numbers._PRICE_BEFORE.search(text):
        assert numbers._PRICE_MARK.search(text)
    if numbers._NAME_BEFORE.search(text):
        assert text[-1:].isspace()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="hHtTqQfFsSſalvesirdquateonc \n-", max_size=40))
@example("halves thirds ths fifths first seconds quarter halfth")
def test_the_denominator_hints_are_those_of_the_plain_scan(text):
    """_fractions_in_words reads _DEN_HINT's hints from a scan that consumes their first character:
    dropping a hint that starts inside the one before, they are the plain scan's."""
    found, after = [], 0
    for m in numbers._DEN_HINT_AT.finditer(text):
        if m.start() >= after:
            after = m.end(1)
            found.append((m.start(), m.end(1)))
    assert found == [m.span() for m in numbers._DEN_HINT.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)).map(lambda t: (t[0], t[0] + t[1])), max_size=8))
@example([(0, 2), (2, 4), (5, 6)])
@example([(3, 5), (0, 3), (5, 5)])
def test_longest_first_picks_as_the_plain_rule_does(spans):
    """Longest first, the earliest on ties, none overlapping one picked before, in text order: the
    rule the taken-positions array and its shortcut for spans that do not overlap both keep."""
    picked: list[int] = []
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][0] - spans[i][1], spans[i][0], i)):
        s, e = spans[i]
        if s < e and not any(spans[j][0] < e and s < spans[j][1] for j in picked):
            picked.append(i)
    assert numbers.longest_first(spans) == sorted(picked, key=lambda i: (spans[i][0], i))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="betwnBETWN \n\t\x1c_9é", max_size=30))
@example("between  \n ")
@example("xbetween ")
@example("é between\n")
def test_between_before_is_the_search_of_all_text_before(text):
    """A range's "between" is looked for only before the spaces that end the text before it."""
    import re

    for at in range(len(text) + 1):
        assert numbers._between_before(text, at) == bool(re.search(r"(?i)\bbetween\s+$", text[:at])), (text, at)
