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
