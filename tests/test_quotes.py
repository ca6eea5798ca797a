from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.diff import char_diff, render, word_diff
from factcheck.quotes import find_quote

SOURCE = (
    "Unlike many of our foreign colleagues, who consider Russia an adversary, we do not seek and never "
    "have sought enemies. We need friends. But we will not allow our interests to be infringed upon or ignored."
)


def test_exact_quote_ignores_case_typography_and_spacing():
    m = find_quote("\u201cWe  need FRIENDS. But we will not allow our interests to be infringed upon\u201d", SOURCE)
    assert m.exact and m.score == 100
    assert SOURCE[m.start : m.end] == "We need friends. But we will not allow our interests to be infringed upon"


def test_changed_words_are_a_misquote_with_a_word_diff():
    m = find_quote("we need friends. But we will not allow our own interests to be neglected either", SOURCE)
    assert m is not None and not m.exact
    text = render(list(m.diff), " ")
    assert "[-own-]" in text and "[-neglected either-]" in text and "{+infringed upon or ignored+}" in text


def test_a_quote_must_start_on_a_word_boundary():
    assert not find_quote("e need friends", SOURCE).exact


def test_unrelated_text_is_silent():
    assert find_quote("The military and technical cooperation between Tehran and Moscow", SOURCE) is None


def test_char_diff_shows_letters_of_a_misspelling():
    assert render(char_diff("Laventieve", "Lavrentiev")) == "Lav{+r+}entiev[-e-]"


def test_word_diff_ignores_punctuation_and_case():
    ops = word_diff("We need friends!", "we need friends")
    assert [op.kind for op in ops] == ["equal"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Don't", "rock'n'roll", "Ünïcode", "it's", "a", "42", "--", "'", ", ", "  ", "\n",
                                 "l'été", "x_y", "Ω"]), min_size=1, max_size=25).map(" ".join))
def test_an_alignments_span_in_the_joined_words_is_the_span_of_those_words_in_the_text(text):
    """``_spanned`` counts the spaces before an offset of the joined words to tell its word, and
    reads the text's words again only up to the last: the spans a bisect over every word's
    offset in the joined words gives (what ``find_quote`` read before)."""
    from bisect import bisect_right

    from factcheck.quotes import _WORD, _spanned, _words

    folded, joined = _words(text)
    matches = list(_WORD.finditer(folded))
    assert joined == " ".join(m.group() for m in matches)
    offsets = [sum(len(m.group()) + 1 for m in matches[:k]) for k in range(len(matches))]
    for start in range(len(joined)):
        for end in range(start + 1, len(joined) + 1):
            first = bisect_right(offsets, start) - 1
            last = bisect_right(offsets, max(start, end - 1)) - 1
            assert _spanned(folded, joined, start, end) == (matches[first].start(), matches[last].end())
