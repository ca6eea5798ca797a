"""Issue 12, planted errors on the second page set: an article edited after its claims were drafted
must not pass because the checker read another value than the changed one (a neighbour's, a
coarser one on the page), and when it cannot tell where the claim went, it says why."""

from __future__ import annotations

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
    # "21-22" misprinted "31-22" reads as no figure; "one" is the claim's other figure, not its own
    article = "Eagle spent 31-22 hours on the surface, with one moonwalk.\n"
    claims = apollo(tmp_path, loopback, article, """
  - id: surface
    type: number
    text: 21-22 hours on the surface, with one moonwalk
    sources: [URL]
""")
    assert claims["surface"]["verdict"] == "not_found", claims["surface"]
    assert "no figure" in claims["surface"]["message"]


def test_the_sentences_other_figure_is_not_the_claims(tmp_path, loopback):
    # the claim's own figure is in its words: the year later in the sentence is not it
    claims = apollo(tmp_path, loopback, "Eagle spent about 31-22 hours on the surface in 1969.\n", """
  - id: surface
    type: number
    text: about 21-22 hours on the surface
    sources: [URL]
""")
    assert claims["surface"]["verdict"] == "not_found", claims["surface"]
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
