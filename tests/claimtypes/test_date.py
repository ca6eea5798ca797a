"""Date claims: the date the passage states, at its precision, against expect."""

from datetime import date

import pytest
from kinds import claim, drafted, judge, read

from factcheck.claimtypes import KINDS
from factcheck.dates import DateSpan
from factcheck.model import ClaimType, Status

ARTICLE = "Russia and Iran signed the agreement on February 4, 2017 in Moscow.\n"


def test_expect_is_parsed_once_into_a_span():
    c = claim("date", "signed the agreement on February 4", "2017-02-04")
    assert isinstance(c.expected, DateSpan) and str(c.expected) == "2017-02-04"
    with pytest.raises(ValueError, match="is not a date"):
        KINDS[ClaimType.DATE].parse_expect("next Tuesday-ish")


def test_the_passage_date_is_read_and_compared():
    assert read(claim("date", "signed the agreement on February 4", "2017-02-04"), ARTICLE).agrees
    wrong = read(claim("date", "signed the agreement on February 4", "2017-02-05"), ARTICLE)
    assert not wrong.agrees and wrong.stated == "'February 4, 2017' (2017-02-04)"


def test_a_year_less_date_is_resolved_against_publication():
    text = "Russia and Iran signed the agreement on February 4 in Moscow.\n"
    reading = read(claim("date", "signed the agreement on February 4", "2017-02-04"), text, date(2017, 2, 8))
    assert reading.agrees


def test_a_source_sentence_about_it_supports_or_contradicts():
    c = claim("date", "Russia and Iran signed the agreement", "2017-02-04")
    assert judge(c, "Russia and Iran signed the agreement on 4 February 2017.")[0] is Status.SUPPORTS
    assert judge(c, "Russia and Iran signed the agreement on 9 March 2016.")[0] is Status.CONTRADICTS
    assert judge(c, "The weather in Moscow was cold on 9 March 2016.")[0] is Status.SILENT


def test_dates_are_drafted_at_their_precision():
    (c,) = drafted("date", ARTICLE)
    assert c.expect == "2017-02-04" and "February 4, 2017" in c.text


def test_the_page_date_for_the_articles_other_value_is_no_rival():
    """The article's sentence dates two concepts; the page's words around "made public" belong to
    its date for the new one, not to the day before it."""
    article = ("Russia's strategy made public in December 2016 was more assertive than the previous one made "
               "public in 2013.\n")
    page = ("The Foreign Policy Concept was approved by Executive Order No. 640 of 30 November 2016 and made public "
            "on 1 December 2016. By the same Executive Order, the Concept approved on 12 February 2013 was "
            "declared void.")
    c = claim("date", "the previous one made public in 2013")
    assert judge(c, page, article)[0] is Status.SUPPORTS
    assert judge(c, page.replace("12 February 2013", "12 February 2012"), article)[0] is Status.SILENT


def test_of_two_dates_in_a_page_sentence_the_one_the_articles_words_surround_decides():
    article = "Nationally, dealers sold 17.3 million new vehicles last year, up just 0.3 percent from 2017.\n"
    page = "Nationally, dealers sold nearly 17.3 million new vehicles last year, an increase of just 0.3 percent from 2017."
    c = claim("date", "just 0.3 percent from 2017")
    assert judge(c, page, article, published=date(2019, 11, 20))[0] is Status.SUPPORTS
    status, value = judge(c, page, article.replace("2017", "2018"), published=date(2019, 11, 20))
    assert status is Status.CONTRADICTS and value == "2017 (2017)"  # "last year" (2018) is a clause away


def test_two_date_ranges_compare_end_by_end():
    page = "The butterfly keyboard replaced the design Apple sold from 2012 through 2015."
    c = claim("date", "the design Apple sold from 2012 through 2015")
    assert judge(c, page)[0] is Status.SUPPORTS
    wrong = "The butterfly keyboard replaced the design Apple sold from 2013 through 2015.\n"
    assert judge(c, page, wrong)[0] is Status.CONTRADICTS  # one range holds the other, but a year differs
