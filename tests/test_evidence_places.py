"""Issue 12, the second page set: a claim whose words are unique only thanks to its value must not
be located at a neighbour once the value changes (a results list, a reference list), and a drafted
claim carries the words that place it without its value."""

from __future__ import annotations

from factcheck.article import Article
from factcheck.claims import parse_claims
from factcheck.draft import draft_claims
from factcheck.model import ClaimType
from test_evidence import check

RESULTS_PAGE = """<html><head><title>General election 2024: Labour wins landslide</title>
<meta property="article:published_time" content="2024-07-05T09:00:00Z">
</head><body><article>
<p>LONDON (July 5) &mdash; Keir Starmer's Labour won 411 seats in the House of Commons.</p>
<p>The Conservatives won 121 seats, their worst result.</p>
<p>The Liberal Democrats won 72 seats, their best result in a century.</p>
<p>Sinn Fein won 7 seats.</p>
</article></body></html>
"""

# The Liberal Democrats' 72 seats misprinted as 82: "won 72 seats" is now nearer, letter by letter,
# to Sinn Fein's "won 7 seats" than to the misprint
MISPRINT = ("Labour won 411 seats. The Conservatives won 121 seats, their worst result. "
            "The Liberal Democrats won 82 seats. Sinn Fein won 7 seats.\n")


def results(tmp_path, loopback, article: str, claims: str) -> dict:
    url = loopback.page("/2024/07/05/election-results", RESULTS_PAGE)
    return check(tmp_path, article, claims.replace("URL", url), "2024-07-05")


def test_words_that_only_the_value_told_apart_locate_no_passage(tmp_path, loopback):
    claims = results(tmp_path, loopback, MISPRINT, """
  - id: libdems
    type: number
    text: won 72 seats
    sources: [URL]
""")
    # before: located at Sinn Fein's "won 7 seats", which the page confirms, so the misprint passed.
    # "won 82 seats" and "won 7 seats" are as near the claim; the page states "won 7 seats" as the
    # article does, so that is another passage the article has right, and the misprint is the claim's
    assert claims["libdems"]["verdict"] == "contradicted", claims["libdems"]
    assert claims["libdems"]["article"][0]["text"].startswith("82")


def test_words_that_place_the_value_find_the_changed_one(tmp_path, loopback):
    claims = results(tmp_path, loopback, MISPRINT, """
  - id: libdems
    type: number
    text: The Liberal Democrats won 72 seats
    sources: [URL]
""")
    assert claims["libdems"]["verdict"] == "contradicted", claims["libdems"]
    assert claims["libdems"]["article"][0]["text"].startswith("82")
    assert claims["libdems"]["fix"] == "72 seats"


AMAZON = ("Amazon was founded by Jeff Bezos in Seattle. In 1997, Amazon went public on the Nasdaq. In 1998, it "
          "bought the film database IMDb. In 2005, it launched its Prime membership.\n")
AMAZON_PAGE = """<html><head><title>Amazon at 25: a timeline</title></head><body><article>
<p>Amazon went public on the Nasdaq in May 1997, at $18 a share.</p>
<p>The company bought the Internet Movie Database, IMDb, in 1998.</p>
</article></body></html>
"""


def test_a_drafted_date_carries_the_words_that_place_it_without_its_value(tmp_path, loopback):
    drafted = parse_claims(draft_claims(Article.from_string(AMAZON, "a.txt"), "a.txt", None), tmp_path / "c.yaml")
    texts = [c.text for c in drafted.claims if c.type is ClaimType.DATE]
    assert texts == ["In 1997, Amazon", "In 1998, it bought", "In 2005, it launched"]  # before: "In 1997", ...
    url = loopback.page("/amazon-timeline", AMAZON_PAGE)
    claims = check(tmp_path, AMAZON.replace("1997", "1996"), "".join(
        f"  - id: d{i}\n    type: date\n    text: '{t}'\n    sources: [{url}]\n" for i, t in enumerate(texts[:2])))
    assert claims["d0"]["verdict"] == "contradicted", claims["d0"]
    assert claims["d0"]["fix"] == "May 1997"
    assert claims["d1"]["verdict"] == "supported", claims["d1"]


def test_a_slip_in_a_value_is_placed_where_the_value_differs_least(tmp_path, loopback):
    claims = results(tmp_path, loopback, MISPRINT.replace("411", "511"), """
  - id: labour
    type: number
    text: won 411 seats
    sources: [URL]
""")
    # "won 511 seats" is one character from the claim; "won 121 seats" and "won 7 seats" are more
    assert claims["labour"]["article"][0]["text"].startswith("511"), claims["labour"]
    assert claims["labour"]["verdict"] == "contradicted"
    assert claims["labour"]["fix"] == "411 seats"

