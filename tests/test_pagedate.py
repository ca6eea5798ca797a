"""The page's own date (``pagedate.page_date``): each signal real pages use, and the traps (a
related-stories list, a reader's comment, a copyright year, a modification date, a UTC day).

The pages are written like the real ones measured in ``bench/pagedate.py``; the events and their
dates are real."""

from __future__ import annotations

import json
from datetime import date

import pytest

from factcheck.pagedate import Stamp, Zone, page_date, read_stamp
from factcheck.sources import page_date as sources_page_date


def page(head: str = "", body: str = "") -> str:
    return f"<!doctype html><html><head><title>News</title>{head}</head><body>{body}</body></html>"


CLPS_HEADLINE = "<h1>NASA adds five companies to commercial lunar lander program</h1>"
CLPS_TEXT = "<p>NASA added five companies to its Commercial Lunar Payload Services program on Monday.</p>"


def test_sources_still_exports_the_page_date():
    assert sources_page_date is page_date


def test_a_name_that_only_starts_like_a_publication_name_is_not_one():
    """``dateCreated`` is the CMS's record (a day after the publication on wday.ru), not ``date``."""
    wday = page('<meta itemprop="dateCreated" content="2018-09-25T20:52:55+03:00">'
                '<meta itemprop="datePublished" content="2018-09-24T16:45:00+03:00">')
    assert page_date(wday) == date(2018, 9, 24)
    assert page_date(page('<meta itemprop="dateCreated" content="2018-09-25T20:52:55+03:00">')) is None


def test_a_modification_date_is_never_the_publication():
    seattle = page('<meta itemprop="dateModified" content="2019-04-29 15:33:39">'
                   '<meta property="article:modified_time" content="2019-04-29 15:33:39">'
                   '<meta itemprop="datePublished" content="2019-04-28 06:01:07">')
    assert page_date(seattle) == date(2019, 4, 28)
    ehow = page("", '<h1>How to throw a graduation party on a budget</h1>'
                '<time datetime="2016-09-14T07:07:00-04:00" itemprop="dateModified">Last updated September 14, 2016</time>')
    assert page_date(ehow) is None


def test_json_ld_of_the_article_in_a_graph_not_its_video_or_a_related_list():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "VideoObject", "name": "Lunar lander briefing", "datePublished": "2019-10-11T14:59:54Z"},
        {"@type": "ItemList", "itemListElement": [{"@type": "NewsArticle", "datePublished": "2019-06-30"}]},
        {"@type": "NewsArticle", "headline": "NASA adds five companies", "datePublished": "2019-11-18T16:21:03-05:00",
         "dateModified": "2019-11-19T09:00:00-05:00"}]}
    html = page(f'<script type="application/ld+json">{json.dumps(ld)}</script>')
    assert page_date(html) == date(2019, 11, 18)


def test_json_ld_that_is_not_valid_json_or_nests_without_end_is_read_without_a_crash():
    broken = page('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
                  '"2019-11-20T07:50:10+0000", "headline": "Sweden drops Assange investigation",}</script>')
    assert page_date(broken) == date(2019, 11, 20)
    deep = page('<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>")
    assert page_date(deep) is None


@pytest.mark.parametrize("head, day", [
    pytest.param('<meta property="article:published_time" content="2019-12-12T08:30:00-05:00">', date(2019, 12, 12),
                 id="article:published_time"),
    pytest.param('<meta data-hid="dc.date" name="dc.date" content="2019-11-19">', date(2019, 11, 19), id="dc.date"),
    pytest.param('<meta name="pdate" content="20160729">', date(2016, 7, 29), id="compact"),
    pytest.param('<meta name="sn-post-date" content="2019/11/19">', date(2019, 11, 19), id="slashed"),
    pytest.param('<script type="application/ld+json">{"@type": "NewsArticle", '
                 '"datePublished": "20 Nov 2019 08:02 GMT"}</script>', date(2019, 11, 20), id="JSON-LD, written out"),
    pytest.param('<meta property="article:published_time" content="November 19, 2019, 07:47 PM EST">',
                 date(2019, 11, 19), id="meta, written out"),
    pytest.param('<meta name="publishdate" content="05/29/2007 09:49:00">', date(2007, 5, 29),
                 id="numeric, month first beyond doubt"),
])
def test_publication_metadata(head, day):
    assert page_date(page(head)) == day


def test_a_numeric_date_whose_order_is_in_doubt_is_no_date():
    """eHow writes month first, a British page day first: 05/08/2014 could be either."""
    assert page_date(page('<meta name="publish_date" content="05/08/2014 07:01:00">')) is None


def test_read_stamp_keeps_the_zone_of_a_timestamp():
    assert read_stamp("2019-11-20T04:31:13+00:00") == Stamp(date(2019, 11, 20), 4, Zone.UTC)
    assert read_stamp("2019-11-20T01:50:59.403") == Stamp(date(2019, 11, 20), 1, Zone.UTC)
    assert read_stamp("2019-11-19T06:56:43-05:00") == Stamp(date(2019, 11, 19), 6, Zone.LOCAL)
    assert read_stamp("Tue Nov 19 2019 03:05:46 GMT+0000") == Stamp(date(2019, 11, 19), 3, Zone.UTC)
    assert read_stamp("2019-11-19") == Stamp(date(2019, 11, 19), None, Zone.LOCAL)
    assert read_stamp("1 year ago") is None
    assert read_stamp("1989-11-09") is None  # no web page is that old: the Berlin Wall fell that day


def test_the_newsroom_day_beats_the_utc_day_of_an_evening_story():
    """CBS Sports, 9:24 pm in New York on Nov 18 is 02:24 UTC on Nov 19."""
    cbs = page('<meta itemprop="datePublished" content="2019-11-19 02:24:00">',
               "<h1>Browns player on Mason Rudolph's role in fight with Myles Garrett</h1>"
               "<p>by Bryan DeArdo Nov 18, 2019 at 9:24 pm ET</p>")
    assert page_date(cbs) == date(2019, 11, 18)
    venturebeat = page('<meta property="article:published_time" content="2019-11-19T07:03:25+00:00">')
    url = "https://venturebeat.com/2019/11/18/new-york-state-attorney-general-investigating-wework/"
    assert page_date(venturebeat) == date(2019, 11, 19)
    assert page_date(venturebeat, url) == date(2019, 11, 18)
    timesunion = page('<meta name="dc.date" content="2019-11-20T04:26:47Z">',
                      '<h1>Nelson\'s OT goal lifts Isles</h1><time itemprop="datePublished" '
                      'datetime="2019-11-20T04:26:50Z">11:26 pm EST, Tuesday, November 19, 2019</time>')
    assert page_date(timesunion) == date(2019, 11, 19)


def test_the_utc_day_stays_when_the_page_shows_it_or_the_hour_forbids_another():
    wsj = page('<meta name="article.published" content="2019-11-19T13:03:00.000Z">',
               "<h1>So many ways to play</h1><p>By Sarah E. Needleman Nov. 18, 2019 8:03 am ET</p>")
    assert page_date(wsj) == date(2019, 11, 19)  # 13:03 UTC is the 19th in every American zone
    reuters = page('<meta name="sailthru.date" content="2019-11-19T21:57:01+0000">',
                   "<h1>Asian shares soft as trade doubts creep back in</h1><p>November 19, 2019 / 12:21 AM</p>")
    assert page_date(reuters) == date(2019, 11, 19)
    cbs = page('<script type="application/ld+json">{"@type": "NewsArticle", '
               '"datePublished": "2019-11-20T06:07:01+0000"}</script>',
               "<h1>Impeachment hearings: key moments</h1>"
               '<time datetime="2019-11-20T01:07:00-0500">November 20, 2019 / 1:07 AM</time>')
    url = "https://www.cbsnews.com/news/impeachment-hearings-key-moments-2019-11-19/"  # the hearing's day in a slug
    assert page_date(cbs, url) == date(2019, 11, 20)


def test_a_later_published_date_is_a_republication():
    medium = page('<meta property="article:published_time" content="2015-12-11T14:28:34.438Z">'
                  '<script type="application/ld+json">{"@type": "BlogPosting", '
                  '"datePublished": "2015-10-15T02:19:15.607Z"}</script>')
    assert page_date(medium) == date(2015, 10, 15)


def test_the_article_time_not_a_related_stories_list():
    blog = page("", "<h1>Simple anomaly detection using plain SQL</h1>"
                '<time class="published" datetime="2020-09-21">21 September 2020</time>'
                "<p>Text of the post.</p><aside><h2>Related</h2>"
                '<time class="published" datetime="2019-08-13">13 August 2019</time>'
                '<time class="published" datetime="2017-05-11">11 May 2017</time></aside>')
    assert page_date(blog) == date(2020, 9, 21)


@pytest.mark.parametrize("url, day", [
    ("https://www.twincities.com/2019/11/19/parise-scores-2-goals-wild-beat-sabres-4-1/", date(2019, 11, 19)),
    ("https://www.latimes.com/business/story/2019-11-19/gannett-gatehouse-merger", date(2019, 11, 19)),
    ("https://www.politifact.com/truth-o-meter/article/2019/nov/18/guide-understanding-tariffs/", date(2019, 11, 18)),
    ("https://www.quantamagazine.org/tuft-cells-that-taste-danger-set-off-immune-responses-20191115/",
     date(2019, 11, 15)),
    ("https://www.vox.com/science-and-health/2019/11/8/20948348/delhi-air-pollution", date(2019, 11, 8)),
    ("https://sputniknews.com/columnists/201911181077343476-royal-arrogance/", None),  # an id, not a date
    ("https://www.telegraph.co.uk/tennis/2019/13/40/davis-cup/", None),
    ("https://example.org/story", None),
])
def test_the_url(url, day):
    assert page_date(page("", "<p>no metadata</p>"), url) == day


def test_the_canonical_url_unless_it_names_another_site():
    canonical = '<link rel="canonical" href="http://www.salon.com/2015/02/01/the_sharing_economy_is_a_lie/">'
    assert page_date(page(canonical)) == date(2015, 2, 1)
    syndicated = '<link rel="canonical" href="https://www.cnn.com/2019/11/18/health/feather-duvet-lung/index.html">'
    msn = page(syndicated, "<h1>The man whose duvet nearly killed him</h1>"
               '<p>By Sandee LaMotte, CNN <time datetime="2019-11-19T11:45:59.000Z">1 day ago</time></p>')
    assert page_date(msn, "https://www.msn.com/en-us/health/other/the-man-whose-duvet/ar-BBWXwNX") == date(2019, 11, 19)


@pytest.mark.parametrize("body, day", [
    pytest.param("<h1>NASA Finds Water Plumes Above The Surface of Jupiter's Moon Europa</h1>"
                 "<p>VICTOR TANGERMANN, FUTURISM</p><p>18 NOV 2019</p><p>A team led by researchers...</p>",
                 date(2019, 11, 18), id="byline after the headline"),
    pytest.param("<h1>Seeking a bigger role for a big rocket</h1>"
                 "<p>by Jeff Foust<br>Monday, November 18, 2019</p><p>Earlier this month...</p>",
                 date(2019, 11, 18), id="byline with a weekday"),
    pytest.param('<h1>About bugs</h1><time class="updated" datetime="2018-08-13T08:04:08+00:00">'
                 "August 13, 2018</time><p>Posted by Vortex Lab</p>", date(2018, 8, 13), id="the article's <time>"),
    pytest.param("<h1>Babies who eat peanuts early may avoid allergy</h1><p>By Brenda Goodman, MA</p>"
                 "<p>Feb. 23, 2015 -- Life-threatening peanut allergies have mysteriously been on the rise in the"
                 " past decade.</p>", date(2015, 2, 23), id="a dateline"),
    pytest.param("<h1>Amnesty: more than 100 protesters killed in Iran unrest</h1>"
                 "<p>November 20, 2019 - 11:28 AMT</p>", date(2019, 11, 20), id="a byline with a time"),
    pytest.param("<h1>Brexit: from referendum to exit day</h1><p>LONDON — Britain voted to leave the European"
                 " Union on June 23, 2016, by 51.9 per cent to 48.1 per cent.</p>", None, id="a sentence of the story"),
    pytest.param("<h1>Ali Shamkhani</h1><table><tr><th>In office</th><td>10 September 2013 – 22 May 2023</td>"
                 "</tr></table>", None, id="a span of dates"),
    pytest.param(f"{CLPS_HEADLINE}{CLPS_TEXT}<section id='comments'><div class='comment-meta'>"
                 '<time datetime="2019-11-21T09:12:00+00:00">November 21, 2019</time></div>'
                 "<p>Great news for the Moon!</p></section>", None, id="a reader's comment"),
    pytest.param("<h1>Eliminating toil</h1><p>Toil is the kind of work tied to running a production service.</p>"
                 "<footer>Copyright © 2017 Google, Inc. Published by O'Reilly Media, Inc.</footer>",
                 None, id="a copyright year"),
    pytest.param("<h1>Mozilla</h1><p>From Wikipedia, the free encyclopedia</p>"
                 "<table><tr><th>Founded</th><td>February 28, 1998</td></tr></table>", None, id="an infobox event"),
    pytest.param(f"{CLPS_HEADLINE}{CLPS_TEXT * 6}<p>The program was announced on November 29, 2018.</p>",
                 None, id="a date in the body, far from the headline"),
])
def test_a_page_without_publication_metadata(body, day):
    assert page_date(page("", body)) == day
