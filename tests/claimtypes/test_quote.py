"""Quote claims: word for word in the source; close with other words is a misquote."""

from kinds import claim, drafted, judge, read

from factcheck.claimtypes import KINDS
from factcheck.model import ClaimType, Status, Verdict

QUOTE = "We aren't seeking enemies, we need friends."
ARTICLE = f'Last December President Putin expressed this view. "{QUOTE}"\n'


def test_the_quotation_is_found_in_the_article():
    reading = read(claim("quote", QUOTE), ARTICLE)
    assert reading.agrees and reading.mentions[0].text == QUOTE


def test_typography_does_not_count_but_words_do():
    c = claim("quote", QUOTE)
    assert judge(c, "Putin said: \u201cWe aren\u2019t seeking enemies \u2014 we need friends.\u201d")[0] is Status.SUPPORTS
    status, value = judge(c, "Putin said: we are not seeking and have never sought enemies. We need friends.")
    assert status is Status.CONTRADICTS and "never sought enemies" in value
    assert KINDS[ClaimType.QUOTE].contradicted_as is Verdict.MISQUOTED


def test_quotations_are_drafted_with_their_speaker():
    (c,) = drafted("quote", ARTICLE)
    assert c.text == QUOTE and c.note == "speaker: Putin"
