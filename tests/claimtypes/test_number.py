"""Number claims: the figure in expect's unit, within tolerance; sources in a compatible unit."""

import pytest
from kinds import claim, drafted, judge, read

from factcheck.claimtypes import KINDS, Page
from factcheck.index import Lenses
from factcheck.model import ClaimType, Status
from factcheck.normalize import normalize
from factcheck.numbers import Quantity, Tolerance

ARTICLE = "Iran can block the strait through which almost one fourth of world oil supplies pass.\n"


def test_expect_and_tolerance_are_parsed_once():
    c = claim("number", "one fourth of world oil supplies", "about 21%", tolerance="5%")
    assert isinstance(c.expected, Quantity) and c.expected.unit == "%"
    assert isinstance(c.margin, Tolerance)
    with pytest.raises(ValueError, match="is not a number"):
        KINDS[ClaimType.NUMBER].parse_expect("lots")


def test_the_passage_figure_is_read_with_its_hedge():
    reading = read(claim("number", "almost one fourth of world oil supplies", "about 21%"), ARTICLE)
    assert not reading.agrees and reading.stated == "'almost one fourth' (22.5-25%)"
    assert read(claim("number", "almost one fourth of world oil supplies", "roughly 24%"), ARTICLE).agrees


def test_sources_are_read_for_a_figure_in_a_compatible_unit():
    c = claim("number", "about 21 million barrels per day passed the Strait of Hormuz", "21 million barrels per day")
    page = "In 2018, the oil flow through the Strait of Hormuz averaged 21 million barrels per day."
    assert judge(c, page)[0] is Status.SUPPORTS
    assert judge(c, page.replace("21 million", "17 million"))[0] is Status.CONTRADICTS
    assert judge(c, "In 2018, 21 tankers passed the Strait of Hormuz.")[0] is Status.SILENT  # another unit


def test_figures_are_drafted_with_their_unit():
    text = "The pipeline will carry 30 billion cubic meters of gas a year to China.\n"
    assert [c.expect for c in drafted("number", text)] == ["30 billion cubic metres per year"]  # the unit as numbers.render names it


def test_a_figure_inside_a_range_does_not_confirm_the_range():
    # The article's range edited from "70 to 265 years"; the page's one life expectancy lies inside it,
    # but a single figure states no range (and the page's own range still confirms the true one)
    article = "The tuatara, a reptile found only in New Zealand, can live for 80 to 265 years in the wild.\n"
    c = claim("number", "can live for 80 to 265 years")
    reading = read(c, article)
    page = ("Life expectancy for New Zealanders in 2012 was 84 years for females. The tuatara, a reptile "
            "found only in New Zealand, can live for 70 to 265 years.")
    found = KINDS[ClaimType.NUMBER].judge(c, reading, judge_page(page))
    assert found.status is Status.CONTRADICTS
    assert judge(claim("number", "can live for 70 to 265 years"), page)[0] is Status.SUPPORTS
    point_only = "The oldest tuatara known lived for 84 years in the wild, in New Zealand."
    assert KINDS[ClaimType.NUMBER].judge(c, reading, judge_page(point_only)).status is not Status.SUPPORTS


def judge_page(text: str) -> Page:
    text = normalize(text)
    return Page(text, Lenses()(text))


def test_a_values_places_start_at_whole_words_in_any_case():
    """``value_places`` finds the words before a value only where they open a word ("Within 2017"
    is no place of "In 2016"), whatever their case ("IN 2018" is one)."""
    from factcheck.claimtypes.about import value_places
    from factcheck.claimtypes.number import _figures

    text = "Within 2017 sales fell. IN 2018 they rose; in 2019, again. Spin 2020 too."
    places = [text[p.start : p.end] for p in value_places("In 2016", text, _figures)]
    assert places == ["IN 2018", "in 2019"]
