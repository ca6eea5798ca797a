"""Issue 13, the date forms read since the Duckling misses were classified: a distance ("three weeks
ago") names the day that far back, give or take half its unit; "this Monday" follows the tense,
"next Monday" is Monday of next week; a weekday or a holiday counted from a day ("the first Tuesday
after Labor Day", "the Monday closest to Oct 5"); "March in a year"; a day glued to its month
("14april 2015"). And ``article.region`` in the claims file: whose holidays the article means."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from factcheck import dates
from factcheck.claims.errors import ClaimsError
from factcheck.claims.keys import REGIONS
from factcheck.claims.loader import parse_claims
from factcheck.cli import main
from factcheck.dates import DateSpan, agrees, find_dates, parse_expect

WEDNESDAY = dt.date(2016, 11, 16)  # the bench's news sentences are dated this Wednesday


def day(y: int, m: int, d: int) -> DateSpan:
    return DateSpan(dt.date(y, m, d), dt.date(y, m, d), "day")


def read(sentence: str, wording: str, published: dt.date = WEDNESDAY, region: str = "US") -> DateSpan | None:
    found = [m for m in find_dates(sentence, published, region=region) if m.text == wording]
    assert found, [m.text for m in find_dates(sentence, published, region=region)]
    return found[0].span


NEWS = [
    # a distance names the day (a distance in years: the month), as "in three weeks" does
    ("He was freed three weeks ago after a plea deal.", "three weeks ago", day(2016, 10, 26)),
    ("The mine closed a week ago, the union said.", "a week ago", day(2016, 11, 9)),
    ("The council voted three months ago to sell the site.", "three months ago", day(2016, 8, 16)),
    ("The party split two years ago.", "two years ago", DateSpan(dt.date(2014, 11, 1), dt.date(2014, 11, 30), "month")),
    # "this Monday" by tense; "next Monday" in next week
    ("The talks will resume this Monday in Geneva.", "this Monday", day(2016, 11, 21)),
    ("The envoy arrived this Monday in Geneva.", "this Monday", day(2016, 11, 14)),
    ("The court will rule next Thursday.", "next Thursday", day(2016, 11, 24)),
    ("The court will rule next Monday.", "next Monday", day(2016, 11, 21)),
    ("Friday after next the plant reopens.", "Friday after next", day(2016, 11, 25)),
    # a weekday counted from a day; the Tuesday after the first Monday in November is election day
    ("Voters go to the polls on the Tuesday after the first Monday in November 2016.",
     "the Tuesday after the first Monday in November 2016", day(2016, 11, 8)),
    ("Schools reopen the first Tuesday after Labor Day 2017.", "the first Tuesday after Labor Day 2017",
     day(2017, 9, 5)),
    ("Filings close the third Tuesday after Christmas 2014.", "the third Tuesday after Christmas 2014",
     day(2015, 1, 13)),
    ("The regatta is held on the Sunday before Easter 2017.", "the Sunday before Easter 2017", day(2017, 4, 9)),
    ("The fair opens on the Monday closest to Oct. 5, 2017.", "the Monday closest to Oct. 5, 2017", day(2017, 10, 2)),
    ("The fair opens on the closest Monday to Oct. 5, 2013.", "the closest Monday to Oct. 5, 2013", day(2013, 10, 7)),
    ("Sales were weak on the closest Christmas to today.", "the closest Christmas to today", day(2016, 12, 25)),
    # a month a distance away; a day glued to its month
    ("The plant will open in March in a year, the company said.", "March in a year",
     DateSpan(dt.date(2017, 3, 1), dt.date(2017, 3, 31), "month")),
    ("He was first elected in April two years ago.", "April two years ago",
     DateSpan(dt.date(2014, 4, 1), dt.date(2014, 4, 30), "month")),
    ("The post, dated 14april 2015, was deleted.", "14april 2015", day(2015, 4, 14)),
    # "within" a distance: every day from publication to then, not the day it reaches
    ("Paid in full within 12 months, the loan is free.", "within 12 months",
     DateSpan(dt.date(2016, 11, 16), dt.date(2017, 11, 16), "day")),
    # "this <holiday>" by tense
    ("Marchers will gather this MLK Day in Selma.", "this MLK Day", day(2017, 1, 16)),
]


@pytest.mark.parametrize(("sentence", "wording", "span"), NEWS, ids=[n[1] for n in NEWS])
def test_each_form_in_a_news_sentence(sentence, wording, span):
    assert read(sentence, wording) == span


@pytest.mark.parametrize(("sentence", "unread"), [
    ("He met Tuesday after December 5 talks collapsed.", "Tuesday after December 5"),  # no "the", no ordinal
    ("Stocks fell in March in a year of turmoil.", "March in a year"),  # a year of something: no distance
    ("We may in a year regret it.", "may in a year"),  # the verb
    ("His symptoms improved within a month of the operation.", "within a month"),  # the story's time
])
def test_what_is_not_such_a_form(sentence, unread):
    assert unread not in [m.text for m in find_dates(sentence, WEDNESDAY)]


def test_a_weekday_to_a_day_without_closest_stays_a_range():
    (found,) = find_dates("The fair ran from Monday to Nov. 25.", WEDNESDAY)
    assert (found.text, str(found.span)) == ("Monday to Nov. 25", "2016-11-14/2016-11-25")


def test_a_distance_agrees_within_half_its_unit_and_not_beyond():
    """"three weeks ago" in a Wednesday paper is 26 October; 18 to 24 days back agree, a month back does not."""
    span = read("He was freed three weeks ago.", "three weeks ago")
    assert span is not None and span.slack == 3
    assert agrees(span, parse_expect("2016-10-24")) and agrees(span, parse_expect("2016-10-29"))
    assert not agrees(span, parse_expect("2016-10-22")) and not agrees(span, parse_expect("2016-10-16"))
    assert agrees(span, parse_expect("2016-10"))  # a coarser expect that holds it
    counted = read("He left the country 1 month 21 days ago.", "1 month 21 days ago")
    assert counted is not None and counted.slack == 0  # counted to the day
    assert not agrees(counted, parse_expect("2016-09-26"))


def test_a_year_distance_admits_half_a_year():
    span = read("The party split two years ago.", "two years ago")
    assert span is not None
    assert agrees(span, parse_expect("2015-04-30")) and not agrees(span, parse_expect("2015-07-01"))


def test_the_region_picks_the_holiday():
    assert read("Families gathered on Thanksgiving 2016.", "Thanksgiving 2016", region="CA") == day(2016, 10, 10)
    assert read("Families gathered on Thanksgiving 2016.", "Thanksgiving 2016") == day(2016, 11, 24)


def test_the_regions_the_claims_file_takes_are_those_with_rules():
    assert set(REGIONS) == set(dates.REGIONAL_RULES)


HEAD = "version: 1\narticle:\n  path: article.txt\n  published: 2016-11-16\n"
CLAIM = """claims:
  - id: dinner
    type: date
    text: Families gathered for Thanksgiving dinner on Thanksgiving 2016
    expect: 2016-10-10
"""


def verify(tmp_path, region_line: str) -> tuple[int, str]:
    (tmp_path / "article.txt").write_text("Families gathered for Thanksgiving dinner on Thanksgiving 2016.\n",
                                          encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(HEAD + region_line + CLAIM, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json", "--offline",
                                       "--cache-dir", str(tmp_path / "cache")])
    return result.exit_code, result.output


def test_article_region_sets_whose_thanksgiving_the_article_reads(tmp_path):
    code, out = verify(tmp_path, "  region: CA\n")
    assert code == 0, out
    (claim,) = json.loads(out)["claims"]
    assert claim["verdict"] == "unverified", claim["message"]  # agrees with the Canadian expect; no source
    code, out = verify(tmp_path, "")  # the default is US: the fourth Thursday of November
    (claim,) = json.loads(out[out.index("{"):])["claims"]
    assert claim["verdict"] == "contradicted", claim["message"]


@pytest.mark.parametrize(("value", "phrase"), [
    ("XX", "'XX' is not one of US, CA"),
    ("ca", "'ca' is not one of"),
    ("[CA, US]", "expected a region code"),
    ("", "expected a region code"),
])
def test_a_bad_region_is_one_located_error(tmp_path, value, phrase):
    text = HEAD + f"  region: {value}\n" + CLAIM
    with pytest.raises(ClaimsError) as caught:
        parse_claims(text, "desk/claims.yaml")
    err = caught.value
    assert (err.line, err.key) == (5, "article.region")
    assert phrase in err.message
    assert str(err).startswith("desk/claims.yaml:5: article.region: ") and "\n" not in str(err)
    code, out = verify(tmp_path, f"  region: {value}\n")
    assert code == 2 and "article.region" in out and "Traceback" not in out
