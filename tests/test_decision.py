"""SPEC §3: how what the article says and what each source says combine into one verdict."""

import pytest

from factcheck.claimtypes import KINDS, Reading
from factcheck.decision import decide as decision_of
from factcheck.diff import render
from factcheck.messages import message
from factcheck.model import Claim, ClaimType, Evidence, Mention, Status, Verdict


def decide(claim, reading, evidence):
    """The verdict and its message, as a result carries them."""
    decision = decision_of(KINDS[claim.type], claim, reading, evidence)
    return decision.verdict, message(claim, decision)

M = (Mention("almost one fourth", 11, 1, 0, 17, "22.5-25%"),)


def ev(status, value=None, source="https://example.org/a"):
    return Evidence(source=source, status=status, value=value, error="HTTP 404" if status is Status.ERROR else None)


def claim(kind=ClaimType.NUMBER, text="almost one fourth", expect="about 21%"):
    return Claim("c", kind, text, expect)


def test_not_located_is_not_found_whatever_the_sources_say():
    verdict, message = decide(claim(), Reading((), False, "", "the claim's wording is not in the article"),
                              [ev(Status.SUPPORTS)])
    assert verdict is Verdict.NOT_FOUND and "not in the article" in message


def test_article_disagreeing_with_expect_is_contradicted_even_if_sources_confirm_expect():
    verdict, message = decide(claim(), Reading(M, False, "'almost one fourth' (22.5-25%)"), [ev(Status.SUPPORTS, "21%")])
    assert verdict is Verdict.CONTRADICTED
    assert message == "change 'almost one fourth' — example.org says '21%'"  # the fix, in words


def test_a_typo_in_a_name_is_misspelled():
    r = Reading(M, False, "'Laventieve' (line 3)", typo=True)
    verdict, message = decide(claim(ClaimType.NAME, "Laventieve", "Alexander Lavrentiev"), r, [ev(Status.SUPPORTS)])
    assert verdict is Verdict.MISSPELLED and message.startswith("change '") and "to 'Alexander Lavrentiev'" in message


@pytest.mark.parametrize(
    "statuses, expected",
    [
        ([Status.SUPPORTS], Verdict.SUPPORTED),
        ([Status.SUPPORTS, Status.SILENT, Status.ERROR], Verdict.SUPPORTED),
        ([Status.SUPPORTS, Status.CONTRADICTS], Verdict.DISPUTED),
        ([Status.CONTRADICTS], Verdict.CONTRADICTED),
        ([Status.CONTRADICTS, Status.SILENT], Verdict.CONTRADICTED),
        ([Status.SILENT], Verdict.UNVERIFIED),
        ([Status.ERROR], Verdict.UNVERIFIED),  # a network failure is never evidence
        ([Status.ERROR, Status.ERROR], Verdict.UNVERIFIED),
        ([], Verdict.UNVERIFIED),  # no sources: agreeing with expect is not confirmation
    ],
)
def test_sources_combine(statuses, expected):
    verdict, _ = decide(claim(), Reading(M, True, "'21%'"), [ev(s, source=f"s{i}") for i, s in enumerate(statuses)])
    assert verdict is expected


def test_unverified_says_why():
    _, message = decide(claim(), Reading(M, True, "'21%'"), [ev(Status.ERROR)])
    assert "HTTP 404" in message
    _, message = decide(claim(), Reading(M, True, "'21%'"), [])
    assert "no sources given" in message


def test_quote_with_other_words_is_misquoted_with_a_word_diff():
    q = claim(ClaimType.QUOTE, "we need friends and allies", None)
    e = Evidence(source="s", status=Status.CONTRADICTS, value="we need friends", score=80)
    verdict, message = decide(q, Reading((Mention(q.text, 1, 1, 0, 26),), True, "quote"), [e])
    assert verdict is Verdict.MISQUOTED and "[-and allies-]" in message


def test_a_misquote_diffs_the_articles_words_where_they_differ_from_the_claims():
    q = claim(ClaimType.QUOTE, "we need friends and allies", None)
    e = Evidence(source="s", status=Status.CONTRADICTS, value="we need friends and allies", score=80)
    verdict, message = decide(q, Reading((Mention("we need purple and allies", 1, 1, 0, 25),), True, "quote"), [e])
    assert verdict is Verdict.MISQUOTED and "[-purple-] {+friends+}" in message


def test_quote_exact_in_one_source_and_reworded_in_another_is_disputed():
    q = claim(ClaimType.QUOTE, "we need friends", None)
    verdict, _ = decide(q, Reading(M, True, "quote"), [ev(Status.SUPPORTS), ev(Status.CONTRADICTS, "we need allies")])
    assert verdict is Verdict.DISPUTED


def test_the_decision_carries_the_misquote_with_its_diff():
    quote = Claim("q", ClaimType.QUOTE, "We aren't seeking enemies, we need friends.")
    against = Evidence("kremlin", Status.CONTRADICTS, value="we are not seeking enemies. We need friends.", score=80.0)
    at = (Mention(quote.text, 1, 1, 0, len(quote.text)),)
    decision = decision_of(KINDS[ClaimType.QUOTE], quote, Reading(at, True, "'...'"), [against])
    assert decision.verdict is Verdict.MISQUOTED
    (found,) = decision.discrepancies
    assert found.source == against.value and found.label == "source"
    # the word diff is the decision's; the message shows the changed words with a little context
    assert "[-aren't-] {+are not+}" in render(list(found.ops), " ")
    assert message(quote, decision) == "the quotation differs from kremlin: We [-aren't-] {+are not+} seeking enemies we …"


def test_a_misspelling_is_diffed_against_the_verified_form_with_as_many_words():
    name = Claim("n", ClaimType.NAME, "Leventieve", "Alexander Lavrentiev")
    mentions = (Mention("Alexandre Laventieve", 1, 1, 0, 20), Mention("Leventieve", 3, 1, 30, 40))
    decision = decision_of(KINDS[ClaimType.NAME], name, Reading(mentions, False, "...", typo=True), [])
    assert [(d.article, d.source) for d in decision.discrepancies] == [
        ("Alexandre Laventieve", "Alexander Lavrentiev"), ("Leventieve", "Lavrentiev")]
    assert render(list(decision.discrepancies[1].ops)) == "L[-e-]{+a+}v{+r+}entiev[-e-]"
