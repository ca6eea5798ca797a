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
