"""Issue 12, planted errors on the second page set: an article edited after its claims were drafted
must not pass because the checker read another value than the changed one (a neighbour's, a
coarser one on the page), and when it cannot tell where the claim went, it says why."""

from __future__ import annotations

import pytest

from test_evidence import check

APOLLO_PAGE = """<html><head><title>Apollo 11: the first crewed Moon landing</title>
<meta property="article:published_time" content="2019-07-16T09:00:00Z">
</head><body><article>
<p>HOUSTON (July 16) &mdash; Apollo 11 launched from Kennedy Space Center on 16 July 1969.</p>
<p>Neil Armstrong and Buzz Aldrin landed the lunar module Eagle on 20 July 1969.</p>
<p>Eagle spent about 21 hours on the lunar surface.</p>
<p>Splashdown sites in the Pacific Ocean, listed by mission number and launch year: Apollo 8 | 1968 | Apollo 11 |
1969 | Apollo 13 | 1970</p>
</article></body></html>
"""

SPLASHDOWN_PAGE = """<html><head><title>Apollo 11 comes home</title></head><body><article>
<p>The crew splashed down in the Pacific Ocean in 1969, after eight days in space.</p>
</article></body></html>
"""


def apollo(tmp_path, loopback, article: str, claims: str, page: str = APOLLO_PAGE) -> dict:
    url = loopback.page("/2019/07/16/apollo-11", page)
    return check(tmp_path, article, claims.replace("URL", url), "2019-07-16")


def test_a_claim_that_is_its_date_alone_is_placed_at_the_nearest_date(tmp_path, loopback):
    article = "Apollo 11 launched on 16 July 1969. Eagle landed on 21 July 1969.\n"  # the landing misdated
    claims = apollo(tmp_path, loopback, article, """
  - id: landing
    type: date
    text: 20 July 1969
    sources: [URL]
""")
    # "21 July 1969" is one slip from the claim, "16 July 1969" two: the misdating is the claim's place
    assert claims["landing"]["verdict"] == "contradicted", claims["landing"]
    assert claims["landing"]["article"][0]["text"] == "21 July 1969"


def test_a_claim_that_is_its_date_alone_is_not_placed_between_two_as_near(tmp_path, loopback):
    article = "Eagle landed on 21 July 1969. Apollo 11 left lunar orbit on 22 July 1969.\n"  # misdated
    claims = apollo(tmp_path, loopback, article, """
  - id: landing
    type: date
    text: 20 July 1969
    sources: [URL]
""")
    # one slip from the claim each: which of the two was its place, nothing in it says
    assert claims["landing"]["verdict"] == "not_found", claims["landing"]
    assert "date alone, and 2 of the article's are as near it" in claims["landing"]["message"]


def test_a_claim_that_is_its_date_alone_is_found_written_another_way(tmp_path, loopback):
    claims = apollo(tmp_path, loopback, "Eagle landed on 20 July, 1969.\n", """
  - id: landing
    type: date
    text: 20 July 1969
    sources: [URL]
""")
    assert claims["landing"]["verdict"] == "supported", claims["landing"]


def test_the_claims_other_value_is_not_read_for_its_own(tmp_path, loopback):
    # "21-22" misprinted "31-22" runs backwards: still the claim's figure, not "one", the other one;
    # the page's "about 21 hours" lies between its ends, yet a backwards range bounds nothing
    article = "Eagle spent 31-22 hours on the surface, with one moonwalk.\n"
    claims = apollo(tmp_path, loopback, article, """
  - id: surface
    type: number
    text: 21-22 hours on the surface, with one moonwalk
    sources: [URL]
""")
    assert claims["surface"]["verdict"] == "contradicted", claims["surface"]
    assert claims["surface"]["article"][0]["text"] == "31-22 hours"


STATUS_PAGE = """<html><head><title>HTTP response status codes</title></head><body><main>
<h1>HTTP response status codes</h1>
<p>HTTP response status codes indicate whether a specific HTTP request has been successfully completed.</p>
<p>Successful responses use the codes in the range 200-299 inclusive; redirection messages use 300-399.</p>
</main></body></html>
"""

STATUS_CLAIM = """
  - id: success
    type: number
    text: the codes in the range 200-299 inclusive
    sources: [URL]
"""


def test_a_range_edited_to_run_backwards_is_read_and_contradicted(tmp_path, loopback):
    url = loopback.page("/status", STATUS_PAGE)
    article = "Successful responses use the codes in the range 300-299 inclusive.\n"
    claims = check(tmp_path, article, STATUS_CLAIM.replace("URL", url), "2024-01-01")
    assert claims["success"]["verdict"] == "contradicted", claims["success"]
    assert claims["success"]["article"][0]["text"] == "300-299 inclusive"


def test_a_backwards_range_is_supported_by_the_same_range(tmp_path, loopback):
    url = loopback.page("/status", STATUS_PAGE.replace("200-299", "299-200"))
    article = "Successful responses use the codes in the range 299-200 inclusive.\n"
    claims = check(tmp_path, article, STATUS_CLAIM.replace("200-299", "299-200").replace("URL", url),
                   "2024-01-01")
    assert claims["success"]["verdict"] == "supported", claims["success"]


def test_the_sentences_other_figure_is_not_the_claims(tmp_path, loopback):
    # the claim's own figure is in its words: the year later in the sentence is not it
    claims = apollo(tmp_path, loopback, "Eagle spent about 31-22 hours on the surface in 1969.\n", """
  - id: surface
    type: number
    text: about 21-22 hours on the surface
    sources: [URL]
""")
    assert claims["surface"]["verdict"] == "contradicted", claims["surface"]
    assert claims["surface"]["article"][0]["text"].startswith("about 31-22 hours")


def test_a_coarser_date_tied_to_nothing_confirms_no_day(tmp_path, loopback):
    # the splashdown was on 24 July 1969; the page's "1969" in a table row holds every day of that year
    article = "The crew splashed down in the Pacific Ocean on 25 July 1969.\n"
    claims = apollo(tmp_path, loopback, article, """
  - id: splashdown
    type: date
    text: The crew splashed down in the Pacific Ocean on 25 July 1969
    sources: [URL]
""")
    assert claims["splashdown"]["verdict"] == "unverified", claims["splashdown"]


def test_a_coarser_date_in_the_claims_words_still_confirms(tmp_path, loopback):
    article = "The crew splashed down in the Pacific Ocean on 24 July 1969.\n"
    claims = apollo(tmp_path, loopback, article, """
  - id: splashdown
    type: date
    text: The crew splashed down in the Pacific Ocean on 24 July 1969
    sources: [URL]
""", SPLASHDOWN_PAGE)
    assert claims["splashdown"]["verdict"] == "supported", claims["splashdown"]
    assert claims["splashdown"]["evidence"][0]["value"].startswith("1969")


TREATY_PAGE = """<html><head><title>Outer Space Treaty</title></head><body><article>
<h1>Outer Space Treaty</h1>
<p>The Outer Space Treaty was opened for signature in 1967 and forms the basis of international space law.</p>
</article></body></html>
"""


def signed(tmp_path, loopback, article: str) -> dict:
    """The claim "1967" (the treaty's year, its wording the value alone) checked against the page."""
    url = loopback.page("/treaty", TREATY_PAGE)
    claim = f"""
  - id: signed
    type: date
    text: "1967"
    sources: [{url}]
"""
    return check(tmp_path, article, claim, "2024-01-01")["signed"]


def test_a_claim_that_is_a_year_alone_is_found_one_digit_changed(tmp_path, loopback):
    # "1967" and "1968" score 75, under the fuzzy threshold: one slip of a short value is still its place
    claim = signed(tmp_path, loopback, "The Outer Space Treaty was opened for signature in 1968 and forms the "
                   "basis of space law.\n")
    assert claim["verdict"] == "contradicted", claim
    assert claim["article"][0]["text"] == "1968"


def test_a_year_alone_one_digit_from_two_of_the_articles_is_not_placed(tmp_path, loopback):
    claim = signed(tmp_path, loopback, "The treaty was drafted in 1966 and opened for signature in 1968.\n")
    assert claim["verdict"] == "not_found", claim
    assert "date alone, and 2 of the article's are as near it" in claim["message"]


DREAMLINER_PAGE = """<html><head><title>Boeing 787-9 Dreamliner</title></head><body><article>
<p>The 787-9 is a larger and longer-range variant of Boeing's Dreamliner, seating 242 to 330 passengers in a
two-class layout.</p>
</article></body></html>
"""


@pytest.mark.parametrize("edited", ["330 to 330 passengers", "330-330 passengers", "342 to 330 passengers"])
def test_a_range_edited_to_equal_or_backwards_ends_is_read_and_contradicted(tmp_path, loopback, edited):
    # "242 to 330" edited to "330 to 330" or "342 to 330" still states a range, whose lower end is
    # wrong; read as "330 passengers" alone, it lay inside the page's range and passed
    url = loopback.page("/787-9", DREAMLINER_PAGE)
    article = f"The 787-9 seats {edited} in a two-class layout.\n"
    claims = check(tmp_path, article, """
  - id: seats
    type: number
    text: 242 to 330 passengers in a two-class layout
    sources: [URL]
""".replace("URL", url), "2024-01-01")
    assert claims["seats"]["verdict"] == "contradicted", claims["seats"]
    assert claims["seats"]["article"][0]["text"] == edited


LAUNCHES_PAGE = """<html><head><title>Apollo launches</title></head><body><article>
<p>Crewed Apollo Moon landing missions, by mission number, launch date and crew:</p>
<pre>
 11 │ 1969-07-16 │ 3
 12 │ 1969-11-14 │ 3
 14 │ 1971-01-31 │ 3
 15 │ 1971-07-26 │ 3
</pre>
</article></body></html>
"""


def test_figures_around_a_date_in_a_table_row_place_it(tmp_path, loopback):
    # the claim's wording holds no word but figures and a cell rule: they place it as words would
    url = loopback.page("/apollo-launches", LAUNCHES_PAGE)
    article = ("Crewed Apollo Moon landing missions, by mission number, launch date and crew:\n"
               " 11 │ 1969-07-16 │ 3\n 12 │ 1969-11-15 │ 3\n 14 │ 1971-01-31 │ 3\n 15 │ 1971-07-26 │ 3\n")
    claims = check(tmp_path, article, """
  - id: launch
    type: date
    text: 12 │ 1969-11-14
    sources: [URL]
""".replace("URL", url), "2024-01-01")
    assert claims["launch"]["verdict"] == "contradicted", claims["launch"]
    assert claims["launch"]["article"][0]["text"] == "1969-11-15"
