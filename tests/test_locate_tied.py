"""Issue 12: a claim whose words fit several places of the article equally (a reference list's
"Retrieved ..." lines, once the claim's own date was changed) is placed by its sources: the places
a cited page states word for word are passages the article has right; the one it does not is the
claim's, and is judged."""

from __future__ import annotations

from test_evidence import check

REFERENCES_PAGE = """<html><head><title>Wellington - Wikipedia</title></head><body><article>
<p>Wellington is the capital city of New Zealand and its second-largest city.</p>
<h2>References</h2>
<ol>
<li>"Subnational population estimates at 30 June 2010". Statistics New Zealand. Retrieved 9 January 2011.</li>
<li>"Wellington City Council annual report". Wellington City Council. Retrieved 29 January 2011.</li>
<li>"The Beehive: a history". Ministry for Culture and Heritage. Retrieved 24 January 2011.</li>
</ol>
</article></body></html>
"""

CLAIM = """
  - id: council-report
    type: date
    text: Retrieved 29 January 2011
    sources: [URL]
"""


def references(tmp_path, loopback, article: str) -> dict:
    url = loopback.page("/wiki/Wellington", REFERENCES_PAGE)
    return check(tmp_path, article, CLAIM.replace("URL", url), "2019-07-16")["council-report"]


def _article(first: str) -> str:
    """The article's reference list, the council report's date misprinted 2012 and the first as given."""
    return ("Wellington is the capital city of New Zealand.\n\nReferences\n\n"
            f'"Subnational population estimates at 30 June 2010". Statistics New Zealand. Retrieved {first}.\n\n'
            '"Wellington City Council annual report". Wellington City Council. Retrieved 29 January 2012.\n\n'
            '"The Beehive: a history". Ministry for Culture and Heritage. Retrieved 24 January 2011.\n')


def test_the_tied_place_the_source_does_not_state_is_the_claims_and_is_contradicted(tmp_path, loopback):
    article = _article("9 January 2011")
    found = references(tmp_path, loopback, article)
    # each line is one slip from the claim; the page states two of them as the article does
    assert found["verdict"] == "contradicted", found
    assert found["article"][0]["text"] == "29 January 2012"


def test_tied_places_the_source_leaves_are_each_contradicted_by_the_claims_own_words(tmp_path, loopback):
    article = _article("19 January 2011")
    found = references(tmp_path, loopback, article)
    # "19 January 2011" and "29 January 2012" are each one slip from the claim, the page states
    # neither, and it states the claim's words: whichever is the claim's, the article has it wrong
    assert found["verdict"] == "contradicted", (found["evidence"], found["article"])
    assert [m["text"] for m in found["article"]] == ["19 January 2011", "29 January 2012"]
    assert found["fix"] == "29 January 2011"


def test_tied_places_a_source_without_the_claims_words_cannot_tell_apart_leave_it_not_found(tmp_path, loopback):
    url = loopback.page("/wiki/Wellington", REFERENCES_PAGE.replace("Retrieved 29 January 2011.", ""))
    found = check(tmp_path, _article("19 January 2011"), CLAIM.replace("URL", url), "2019-07-16")["council-report"]
    assert found["verdict"] == "not_found", (found["evidence"], found["article"])
    assert "places in the article" in found["message"]


APOLLO_PAGE = """<html><head><title>Apollo 11 - Wikipedia</title></head><body><article>
<p>Once the lunar module separated from Columbia, Armstrong reported: "The Eagle has wings."</p>
<p>At 20:17 UTC on July 20, 1969, Armstrong radioed: "Houston, Tranquility Base here. The Eagle has landed."</p>
</article></body></html>
"""


def test_a_quotation_one_word_off_at_two_places_is_placed_where_its_source_does_not_state_it(tmp_path, loopback):
    url = loopback.page("/wiki/Apollo_11", APOLLO_PAGE)
    article = ('Apollo 11 left lunar orbit in two craft. "The Eagle has wings," Armstrong reported as the lander '
               'undocked.\n\nTwo hours later he radioed: "The Eagle has alighted."\n')
    found = check(tmp_path, article, f"""
  - id: landed
    type: quote
    text: The Eagle has landed
    sources: [{url}]
""")["landed"]
    # both lines are one word from the claim; the page states "The Eagle has wings" as the article
    # does, so the other is the claim's, and the page's "The Eagle has landed" says it is misquoted
    assert found["verdict"] == "misquoted", found
    assert found["article"][0]["text"] == "The Eagle has alighted"
    assert "[-alighted-] {+landed+}" in found["message"]
