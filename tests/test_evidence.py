"""Issue 12: evidence that holds on pages written like real ones (a dateline, year-less dates,
two figures in one sentence), checked end to end through ``verify`` with the sources deciding."""

from __future__ import annotations

import json
import re

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.locate import sentences

PAGE = """<html><head><title>Contractor loses Navy deal</title>
<meta property="article:published_time" content="2019-12-12T08:30:00Z">
</head><body><article>
<p>WASHINGTON (Dec. 12) &mdash; The Navy's contract with Gulf Marine Services was terminated on Dec. 9,
according to Lt. Gen. Mark Ruiz of the U.S. Navy.</p>
<p>Roughly 13,000 US troops remain in Afghanistan, 18 years after the invasion.</p>
<p>Port number 3 handled 103 ships last year, the port authority said.</p>
<p>The company's chairman, Alexander Lavrentiev, declined to comment.</p>
</article></body></html>
"""


def check(tmp_path, article: str, claims: str, published: str | None = None) -> dict:
    """``factcheck verify --format json`` on the article and claims, by claim id."""
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    head = "version: 1\narticle:\n  path: article.txt\n" + (f"  published: {published}\n" if published else "")
    (tmp_path / "claims.yaml").write_text(head + "claims:\n" + claims, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache")])
    assert result.exit_code in (0, 1), result.output
    return {c["id"]: c for c in json.loads(result.stdout)["claims"]}


def verify(tmp_path, loopback, article: str, claims: str, published: str | None = None) -> dict:
    return check(tmp_path, article, claims.replace("URL", loopback.page("/news/navy-contract", PAGE)), published)


def test_1_a_year_less_date_in_a_source_is_read_against_the_page_date(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "The Navy ended the Gulf Marine Services contract on December 9, 2019.\n", """
  - id: ended
    type: date
    text: ended the Gulf Marine Services contract on December 9
    sources: [URL]
""")
    (evidence,) = claims["ended"]["evidence"]
    assert claims["ended"]["verdict"] == "supported", claims["ended"]
    assert evidence["page_date"] == "2019-12-12"


def test_2_a_figure_measuring_something_else_does_not_contradict(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "About 13,000 US troops remain in Afghanistan.\n", """
  - id: troops
    type: number
    text: About 13,000 US troops remain in Afghanistan
    sources: [URL]
  - id: troops-wrong
    type: number
    text: About 13,000 US troops remain in Afghanistan
    expect: 9,000 troops
    sources: [URL]
""")
    assert claims["troops"]["verdict"] == "supported"
    assert claims["troops-wrong"]["verdict"] == "contradicted"  # the article against expect
    statuses = [e["status"] for e in claims["troops-wrong"]["evidence"]]
    assert statuses == ["silent"]  # 13,000 troops is not 9,000, but "18 years" is no rival either


def test_5_abbreviations_end_no_sentence():
    text = "The contract was terminated on Dec. 9, according to Lt. Gen. Mark Ruiz of the U.S. Navy. He left."
    assert [text[s:e] for s, e in sentences(text)] == [
        "The contract was terminated on Dec. 9, according to Lt. Gen. Mark Ruiz of the U.S. Navy.", "He left."]


def test_6_the_figure_in_expects_unit_is_the_one_read(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Port number 3 handled 103 ships last year.\n", """
  - id: ships
    type: number
    text: Port number 3 handled 103 ships
    expect: 103 ships
    sources: [URL]
""")
    assert claims["ships"]["verdict"] == "supported", claims["ships"]["message"]
    assert claims["ships"]["article"][0]["text"] == "103 ships"


def test_8_silence_says_why_and_shows_the_closest_passage(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Gulf Marine Services employs 600 divers.\n", """
  - id: divers
    type: number
    text: Gulf Marine Services employs 600 divers
    sources: [URL]
""")
    (evidence,) = claims["divers"]["evidence"]
    assert evidence["status"] == "silent" and evidence["reason"]
    assert "Gulf Marine Services" in (evidence["text"] or "")


def test_the_sources_decide_a_name_and_say_the_fix(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "The company's chairman, Alexander Lavrentyev, declined to comment.\n", """
  - id: chairman
    type: name
    text: chairman, Alexander Lavrentyev
    sources: [URL]
""")
    assert claims["chairman"]["verdict"] == "misspelled", claims["chairman"]["message"]
    assert claims["chairman"]["fix"] == "Alexander Lavrentiev"
    assert "spells it 'Alexander Lavrentiev'" in claims["chairman"]["message"]


def test_the_sources_decide_a_figure(tmp_path, loopback):
    claims = verify(tmp_path, loopback, "Roughly 15,000 US troops remain in Afghanistan.\n", """
  - id: troops
    type: number
    text: Roughly 15,000 US troops remain in Afghanistan
    sources: [URL]
""")
    assert claims["troops"]["verdict"] == "contradicted"
    assert claims["troops"]["fix"] == "Roughly 13,000"


SIDEBAR_PAGE = """<html><body>
<article><p>The port authority published its yearly report on Monday.</p>
<p>It praised the dock workers and the new cranes at length, with many words about safety and training,
so that this paragraph is the article body an extractor keeps.</p></article>
<aside><p>Fact box: Port number 3 handled 103 ships last year.</p></aside>
</body></html>"""


def _one_claim(tmp_path, url: str, article: str, claim: str) -> tuple[dict, dict]:
    """The one claim's report and its one source's evidence."""
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(f"""version: 1
article:
  path: article.txt
claims:
  - {claim}
    sources: ["{url}"]
""", encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(tmp_path / "claims.yaml"), "--format", "json",
                                       "--cache-dir", str(tmp_path / "cache")])
    (found,) = json.loads(result.stdout)["claims"]
    (evidence,) = found["evidence"]
    return found, evidence


def test_9_the_rest_of_the_page_is_read_when_the_body_is_silent(tmp_path, loopback):
    url = loopback.page("/port/report", SIDEBAR_PAGE)
    claim, evidence = _one_claim(tmp_path, url, "Port number 3 handled 103 ships last year.\n",
                                 "id: ships\n    type: number\n    text: Port number 3 handled 103 ships")
    assert claim["verdict"] == "supported", claim
    assert "found outside the page's article body" in evidence.get("notes", [])


PILE_PAGE = """<html><body>
<article><p>Enrico Fermi's team built the first reactor under the stands of Stagg Field in Chicago.</p>
<p>In 1943 Chicago Pile-1 was moved to the Argonne forest and rebuilt there, with many words about its
graphite and uranium, so that this paragraph is the article body an extractor keeps.</p></article>
<aside><p>Fact box: Chicago Pile-1 went critical in 1942.</p></aside>
</body></html>"""


def test_9_the_rest_of_the_page_outweighs_a_body_that_supports_by_fewer_of_the_articles_words(tmp_path, loopback):
    """The body ties its 1943 to two of the article's words around the year; the fact box states
    all of them with another year, so it decides."""
    url = loopback.page("/pile/history", PILE_PAGE)
    claim, evidence = _one_claim(tmp_path, url, "Chicago Pile-1 went critical in 1943.\n",
                                 "id: critical\n    type: date\n    text: Chicago Pile-1 went critical in 1943")
    assert claim["verdict"] == "contradicted", claim
    assert claim["fix"] == "1942"
    assert "found outside the page's article body" in evidence.get("notes", [])


def test_3_an_acronym_and_its_expansion_are_one_name():
    from factcheck.claimtypes import typed
    from factcheck.claimtypes.about import named, names_one
    from factcheck.model import Claim, ClaimType

    def names(claim_text: str, sentence: str) -> bool:
        claim = typed(Claim("c", ClaimType.NUMBER, claim_text, "3,248 cases"))
        return names_one(named(claim), sentence, [(0, len(sentence))], 0, len(sentence))

    who = "the World Health Organization counted 3,248 cases"
    assert names(who, "The WHO counted 3,248 cases by Friday.")
    assert not names(who, "Officials who counted said 3,248 cases.")  # "who" the pronoun is not WHO
    assert names("the EIA counted 3,248 cases", "The U.S. Energy Information Administration counted 3,248 cases.")
    assert not names("the EIA counted 3,248 cases", "The ministry counted 3,248 cases.")


MOON_PAGE = """<html><head><title>Apollo 11 lands on the Moon</title></head><body><article>
<p>HOUSTON &mdash; Apollo 11 landed in the Sea of Tranquility in 1969, carrying Neil Armstrong and
Buzz Aldrin to the surface.</p>
<p>Armstrong radioed: "The Eagle has landed."</p>
<p>More than 600 million people watched the broadcast, NASA estimates.</p>
</article></body></html>
"""


def moon(tmp_path, loopback, article: str, claims: str) -> dict:
    return check(tmp_path, article, claims.replace("URL", loopback.page("/news/apollo-11", MOON_PAGE)))


MOON_CLAIMS = """
  - id: year
    type: date
    text: landed in the Sea of Tranquility in 1969
    sources: [URL]
  - id: eagle
    type: quote
    text: The Eagle has landed.
    sources: [URL]
  - id: viewers
    type: number
    text: More than 600 million people watched
    sources: [URL]
"""


def test_1_a_changed_value_is_still_located_and_reported(tmp_path, loopback):
    article = ('Apollo 11 landed in the Sea of Tranquility in 1968.\nArmstrong radioed: "The Eagle has crashed."\n'
               "More than 500 million people watched the broadcast.\n")
    claims = moon(tmp_path, loopback, article, MOON_CLAIMS)
    assert claims["year"]["verdict"] == "contradicted"
    assert claims["eagle"]["verdict"] == "misquoted"
    assert claims["viewers"]["verdict"] == "contradicted"  # the same hedge: the stated figures differ


def test_1_the_article_as_written_is_supported(tmp_path, loopback):
    article = ('Apollo 11 landed in the Sea of Tranquility in 1969.\nArmstrong radioed: "The Eagle has landed."\n'
               "More than 600 million people watched the broadcast.\n")
    claims = moon(tmp_path, loopback, article, MOON_CLAIMS)
    assert {c["verdict"] for c in claims.values()} == {"supported"}


TRADE_PAGE = """<html><head><title>China wants tariffs rolled back in any phase-one trade deal</title>
<meta property="article:published_time" content="2019-11-20T10:00:00Z">
</head><body><article>
<p>WASHINGTON (Nov. 20) &mdash; Beijing wants Washington to eliminate the 15% tariffs on about $125 billion
worth of Chinese goods imposed on Sept. 1, as well as provide some relief from the 25% tariffs imposed on an
earlier, $250 billion list of industrial and consumer goods.</p>
<p>The trade war started in 2018. Tariffs on another $156 billion of Chinese goods are due on Dec. 15.</p>
<p>Chinese purchases of US farm goods could reach $40-50 billion a year, officials said.</p>
</article></body></html>
"""


def trade(tmp_path, loopback, article: str, claims: str) -> dict:
    return check(tmp_path, article, claims.replace("URL", loopback.page("/2019/11/20/china-tariffs", TRADE_PAGE)),
                 "2019-11-21")


TRADE_CLAIMS = """
  - id: rate
    type: number
    text: the 15% tariffs on about $125 billion
    sources: [URL]
  - id: started
    type: date
    text: The trade war started in 2018
    sources: [URL]
  - id: purchases
    type: number
    text: could reach $40-50 billion a year
    sources: [URL]
"""


def test_2_of_two_figures_in_one_sentence_the_one_with_the_articles_words_around_it_decides(tmp_path, loopback):
    right = ("Beijing wants the 15% tariffs on about $125 billion of Chinese goods lifted. The trade war started in "
             "2018. Its purchases of US farm goods could reach $40-50 billion a year.\n")
    claims = trade(tmp_path, loopback, right, TRADE_CLAIMS)
    assert {c["verdict"] for c in claims.values()} == {"supported"}, claims
    wrong = right.replace("15%", "25%").replace("2018", "2019").replace("$40-50", "$50-60")
    claims = trade(tmp_path, loopback, wrong, TRADE_CLAIMS.replace("15%", "25%").replace("2018", "2019")
                   .replace("$40-50", "$50-60"))
    # 25% is in the page's sentence too, but tied to "the 25% tariffs imposed on an earlier" list;
    # "Dec. 15" (2019) lies in 2019, but the words around 2018 are the article's
    assert [claims[i]["fix"] for i in ("rate", "started", "purchases")] == ["15%", "2018", "$40-50 billion a year"]
    assert {c["verdict"] for c in claims.values()} == {"contradicted"}


def test_2_two_ranges_compare_end_by_end(tmp_path, loopback):
    claims = trade(tmp_path, loopback, "Purchases could reach $45-50 billion a year.\n", """
  - id: purchases
    type: number
    text: could reach $45-50 billion a year
    sources: [URL]
""")
    assert claims["purchases"]["verdict"] == "contradicted"  # the ranges overlap, but their ends differ


BANK_PAGE = """<html><head><title>Bank of England cuts rates to record low</title>
<meta property="article:published_time" content="2020-03-19T12:00:00Z"></head><body><article>
<p>LONDON (March 19) &mdash; The Bank of England cut Bank Rate to 0.1% on 19 March, its second emergency cut
in a week.</p>
<p>Governor Andrew Bailey said the Bank would also buy &pound;200 billion of bonds.</p>
</article></body></html>
"""


def bank(tmp_path, loopback, article: str, claims: str, note_day: str = "20") -> dict:
    official = loopback.page("/2020/03/19/bank-rate", BANK_PAGE)
    broker = loopback.page("/notes/boe", BANK_PAGE.replace("on 19 March", f"on {note_day} March"))
    return check(tmp_path, article, claims.replace("OFFICIAL", official).replace("BROKER", broker), "2020-03-21")


def test_7_a_statement_with_another_date_figure_or_name_is_contradicted(tmp_path, loopback):
    article = ("The Bank of England cut Bank Rate to 0.1% on 20 March, its second emergency cut in a week.\n\n"
               "Governor Mark Carney said the Bank would also buy £200 billion of bonds.\n\n"
               "Governor Andrew Bailey said the Bank would also buy £300 billion of bonds.\n")
    claims = bank(tmp_path, loopback, article, """
  - id: cut
    type: statement
    text: The Bank of England cut Bank Rate to 0.1% on 20 March
    sources: [OFFICIAL]
  - id: governor
    type: statement
    text: Governor Mark Carney said the Bank would also buy £200 billion of bonds
    sources: [OFFICIAL]
  - id: bonds
    type: statement
    text: Governor Andrew Bailey said the Bank would also buy £300 billion of bonds
    sources: [OFFICIAL]
""")
    assert {c["verdict"] for c in claims.values()} == {"contradicted"}, claims
    assert claims["cut"]["fix"] == "19 March"
    assert "'19 March' in place of '20 March'" in claims["cut"]["message"]
    assert claims["governor"]["fix"] == "Andrew Bailey"
    assert "'£200 billion' in place of '£300 billion'" in claims["bonds"]["message"]


def test_7_two_sources_that_disagree_dispute_a_statement(tmp_path, loopback):
    article = "The Bank of England cut Bank Rate to 0.1% on 19 March, its second emergency cut in a week.\n"
    claims = bank(tmp_path, loopback, article, """
  - id: cut
    type: statement
    text: The Bank of England cut Bank Rate to 0.1% on 19 March
    sources: [OFFICIAL, BROKER]
""")
    assert claims["cut"]["verdict"] == "disputed", claims["cut"]
    assert [e["status"] for e in claims["cut"]["evidence"]] == ["supports", "contradicts"]


def test_7_a_date_one_source_gives_otherwise_is_a_dispute_not_a_contradiction(tmp_path, loopback):
    article = "The Bank of England cut Bank Rate to 0.1% on 19 March.\n"
    claims = bank(tmp_path, loopback, article, """
  - id: cut
    type: date
    text: cut Bank Rate to 0.1% on 19 March
    sources: [BROKER, OFFICIAL]
""")
    assert claims["cut"]["verdict"] == "disputed", claims["cut"]


WEWORK_PAGE = """<html><head><meta property="og:title" content="SoftBank takes control of WeWork in $9.5 billion rescue">
<title>SoftBank takes control of WeWork | Business</title>
<meta property="article:published_time" content="2019-10-23T09:00:00Z"></head><body><article>
<p>NEW YORK (Oct. 23) &mdash; Japan's SoftBank Group will take control of the office-sharing company under a
rescue package worth about $9.5 billion, the company said on Wednesday.</p>
<p>The company had 12,500 employees at the end of June, and its co-founder Adam Neumann will leave the board.</p>
</article></body></html>
"""


def test_3_the_pages_own_subject_names_every_sentence_on_it(tmp_path, loopback):
    titled = loopback.page("/wework-rescue", WEWORK_PAGE)
    untitled = loopback.page("/untitled", re.sub(r"<meta property=\"og:title\"[^>]*>|<title>.*</title>", "", WEWORK_PAGE))
    claims = check(tmp_path, "Morale is low at WeWork, which had 12,500 employees in June.\n", f"""
  - id: staff
    type: number
    text: at WeWork, which had 12,500 employees
    sources: ["{titled}"]
  - id: staff-untitled
    type: number
    text: at WeWork, which had 12,500 employees
    sources: ["{untitled}"]
""")
    assert claims["staff"]["verdict"] == "supported", claims["staff"]
    assert claims["staff-untitled"]["verdict"] == "unverified"  # "The company" alone names nobody


HUBBLE_PAGE = """<html><head><title>Hubble Space Telescope</title></head><body><article>
<p>The Hubble Space Telescope was carried into orbit by the Space Shuttle Discovery.</p>
<p>NASA launched the Compton Gamma Ray Observatory in 1991, the second of its four Great Observatories.</p>
<h2>References</h2>
<ol>
<li>"Hubble Space Telescope launched aboard Discovery". NASA. 24 April 1990. Retrieved 2 May 2015.</li>
<li>"Servicing Mission 1 corrects Hubble's vision". NASA. 13 January 1994. Retrieved 2 May 2015.</li>
<li>^ "Hubble celebrates 25 years". ESA. Retrieved 20 April 2016.</li>
<li>^ "2016 anniversary image". NASA.</li>
</ol>
</article></body></html>
"""


def test_a_date_that_is_a_citation_alone_is_read_with_what_it_cites(tmp_path, loopback):
    """A reference list's "NASA. 24 April 1991." is a sentence of nothing but its date: what it
    dates is the sentence before it, on the page as in the article. Read alone, it was about
    nothing, and the page said nothing of it; nor does the page's "in 1991", about another launch
    by the same agency, confirm the day."""
    article = ('The telescope was launched in April 1990.\n\n'
               '^ "Hubble Space Telescope launched aboard Discovery". NASA. 24 April 1991. Retrieved 2 May 2015.\n')
    claims = check(tmp_path, article, """
  - id: cited
    type: date
    text: 24 April 1991
    sources: [URL]
""".replace("URL", loopback.page("/wiki/hubble", HUBBLE_PAGE)))
    (evidence,) = claims["cited"]["evidence"]
    assert claims["cited"]["verdict"] == "contradicted", claims["cited"]
    assert evidence["value"] == "24 April 1990 (1990-04-24)"



def test_a_year_beside_another_full_date_does_not_confirm_a_day(tmp_path, loopback):
    """"Retrieved 20 April 2016. ^ "2016 anniversary image"": the year is a title's, the word
    beside it the full date's, which disagrees; so the year confirms nothing of "2 May 2016"."""
    article = '^ "Servicing Mission 1 corrects Hubble\'s vision". NASA. 13 January 1994. Retrieved 2 May 2016.\n'
    claims = check(tmp_path, article, """
  - id: retrieved
    type: date
    text: Retrieved 2 May 2016
    sources: [URL]
""".replace("URL", loopback.page("/wiki/hubble", HUBBLE_PAGE)))
    assert claims["retrieved"]["verdict"] == "unverified", claims["retrieved"]  # as near as the other dates


LUPOFF_PAGE = """<html><head><title>12:01 PM (story)</title></head><body><article>
<p>"12:01 PM" is a science fiction short story by Richard A. Lupoff.</p>
<p>12:01 PM (1990) is the first film adaptation of the short story "12:01 PM" by Richard A. Lupoff, which was
published in 1973 in The Magazine of Fantasy and Science Fiction.</p>
<p>12:01 (1993) is the second film adaptation of the short story "12:01 PM" by Richard A. Lupoff, which was
published in 1973 in The Magazine of Fantasy and Science Fiction.</p>
</article></body></html>
"""


def test_a_claim_is_placed_by_all_its_words_not_only_those_next_to_its_value(tmp_path, loopback):
    """Two rows alike for six words on each side of the year: the claim's "first" says which row is
    its own, where the article misprinted the year; the other row, with the right year, is not it."""
    row = ('is the {} film adaptation of the short story "12:01 PM" by Richard A. Lupoff, which was published in {} '
           'in The Magazine of Fantasy and Science Fiction.')
    article = f"12:01 PM (1990) {row.format('first', 1974)}\n\n12:01 (1993) {row.format('second', 1973)}\n"
    claims = check(tmp_path, article, f"""
  - id: first
    type: date
    text: {json.dumps(row.format('first', 1973).removeprefix('is the ').removesuffix('.'))}
    sources: [URL]
""".replace("URL", loopback.page("/wiki/lupoff", LUPOFF_PAGE)))
    assert claims["first"]["verdict"] == "contradicted", claims["first"]
    assert [m["line"] for m in claims["first"]["article"]] == [1]
