"""The page readers every index is built on (folding, the folded view, sentence spans) give what
their plain definitions give, on any text: their faster forms are speed, never a different reading."""

import random
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import locate
from factcheck.lexicon import NON_FINAL_ABBREVIATIONS
from factcheck.locate import (
    _STOP_PREFIXES,
    Spans,
    folded_stems,
    last_starting,
    make_view,
    matches_from,
    occurrences,
    opening_word,
    sentences,
    whole_word_matches,
    whole_words,
)
from factcheck.normalize import fold

pieces = st.sampled_from(list("aZé\u017f\u0130\u0131\u212aß.!?\"')[(-*\u2022| \t\n\r\x0b\u00a0\u2003")
                         + ["Dec.", "U.S.", "Mr.", "J. ", "said.", "\n\n", "  ", " \n ", "9", "x'Dec.", "ﬁ"])
texts = st.lists(pieces, max_size=80).map("".join)


def fold_by_character(text: str) -> str:
    """The definition: each character alone, lower-cased ASCII or its base letter case-folded."""
    def one(ch: str) -> str:
        ch = {"\u017f": "s", "\u0130": "I", "\u0131": "i", "\u212a": "K"}.get(ch, ch)
        if ch.isascii():
            return ch.lower()
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        return (base or ch).casefold()[0]
    return "".join(map(one, text))


def view_by_runs(text: str) -> tuple[str, list[int], list[int]]:
    """The definition: the folded text with white space at its start dropped and every other run
    that is not one plain space made one space; a stretch starts at each piece, the space after
    it its last character."""
    folded = fold_by_character(text)
    starts: list[int] = []
    origins: list[int] = []
    out: list[str] = []
    pos = len(folded) - len(folded.lstrip())
    for m in re.finditer(r"\s+", folded):
        if m.end() <= pos or m.group() == " ":
            continue
        starts.append(sum(map(len, out)))
        origins.append(pos)
        out.append(folded[pos:m.start()] + " ")
        pos = m.end()
    if pos < len(folded):
        starts.append(sum(map(len, out)))
        origins.append(pos)
        out.append(folded[pos:])
    return "".join(out), starts, origins


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_fold_is_each_character_folded_alone(text):
    assert fold(text) == fold_by_character(text)


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_the_view_is_the_folded_text_with_its_runs_of_white_space_made_one(text):
    view = make_view(text)
    assert (view.text, list(view.starts), list(view.origins)) == view_by_runs(text)


# a page text's: white space only lone spaces and line breaks (the view's faster reading of it)
page_texts = st.lists(st.sampled_from(["a", "Z", "é", ".", "ﬁ", " ", "\n", " \n ", "\n\n", "said."]),
                      max_size=60).map("".join).filter(lambda t: "  " not in t)


@settings(max_examples=400, deadline=None)
@given(text=page_texts)
def test_a_page_texts_view_is_the_same_definition(text):
    view = make_view(text)
    assert (view.text, list(view.starts), list(view.origins)) == view_by_runs(text)


def sentences_by_definition(text: str) -> list[tuple[int, int]]:
    """The definition: split after a full stop, "!" or "?" (closing quotes and brackets kept with
    it) and white space before a capital or a digit, unless the stop closes an abbreviation or an
    initial; at a blank line; before a list item's line."""
    cuts = []
    for m in re.finditer(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*\u2022|])", text):
        before = text[max(0, m.start() - 8) : m.start()].translate(str.maketrans("\u017f\u0130\u0131\u212a", "sIiK"))
        word = re.search(r"(?:^|(?<=[\s(\"']))([A-Za-z][A-Za-z.']{0,5})\.$", before)
        if word and ((len(word[1]) == 1 and word[1].isupper()) or word[1].lower() in NON_FINAL_ABBREVIATIONS):
            continue
        cuts.append(m)
    spans, pos = [], 0
    for end, after in [(m.start(), m.end()) for m in cuts] + [(len(text), len(text))]:
        lead = len(text[pos:end]) - len(text[pos:end].lstrip())
        if text[pos:end].strip():
            spans.append((pos + lead, pos + lead + len(text[pos:end].strip())))
        pos = after
    return spans


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_sentences_are_split_as_defined(text):
    assert sentences(text) == sentences_by_definition(text)


def test_a_lookalike_letter_still_marks_an_abbreviation():
    assert sentences("Born 4 \u017fept. 1990 in Rome.") == [(0, 26)]
    assert sentences("He left in Dec. Then he came back.") == [(0, 34)]
    assert sentences("He left. Then he came back.") == [(0, 8), (9, 27)]


words = st.lists(st.sampled_from(["said", "supplies", "1", "12345", "123456", "12345th", "20mb", "don't", "a_b",
                                  "x", "the", "٣٤٥٦٧x", "²", "   ", ".", "\n", "_", "été", "ñandú"]), max_size=30)


@settings(max_examples=400, deadline=None)
@given(text=words.map(" ".join) | words.map("".join))
def test_stems_are_each_words_first_five_letters_bare_numbers_and_stop_words_left_out(text):
    expected = frozenset(m[:5] for m in re.findall(r"\w+", text) if not m.isdecimal()) - _STOP_PREFIXES
    assert folded_stems(text) == expected


names = st.lists(st.sampled_from(["Lavrentiev", "Alexandre Lavrentiev", "Ozerov", "O'Neil", "$5", "al-Assad", "Oz"]),
                 min_size=1, max_size=4)
around = st.lists(st.sampled_from(["Lavrentiev", "Alexandre ", "Oz", "erov", "x", " ", "'", "-", "$5", "\n", "é",
                                   "al-Assad", "O'Neil", "5"]), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(words=names, text=around)
def test_whole_words_match_where_a_look_behind_first_does(words, text):
    first = "(?<!\\w)(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + ")(?!\\w)"
    assert ([m.span() for m in re.finditer(whole_words(words), text)]
            == [m.span() for m in re.finditer(first, text)])
    assert ([m.span() for m in re.finditer("(?i)" + opening_word(words[0]) + r"\W+x", text)]
            == [m.span() for m in re.finditer("(?i)(?<!\\w)" + re.escape(words[0]) + r"\W+x", text)])


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(-100, 100), st.integers(-100, 100), st.sampled_from([None, 1, 2, -1]), st.integers(0, 200))
def test_stored_spans_read_as_the_list_of_sentence_spans(text, a, b, step, offset):
    """What a warm run's index holds (``Spans`` over the stored bounds) reads as ``sentences`` does:
    by position, from the end, by slice, in order, and to ``bisect``."""
    from array import array
    from bisect import bisect_right
    from itertools import chain

    spans = sentences(text)
    stored = Spans(array("i", chain.from_iterable(spans)))
    assert len(stored) == len(spans) and list(stored) == spans and stored == spans
    assert stored[a:b:step] == spans[a:b:step]
    if -len(spans) <= a < len(spans):
        assert stored[a] == spans[a]
    else:
        with pytest.raises(IndexError):
            stored[a]
    assert bisect_right(stored, (offset, 10**9)) == bisect_right(spans, (offset, 10**9))
    assert last_starting(stored, offset) == last_starting(spans, offset) == bisect_right(spans, (offset, 10**9)) - 1
    assert list(stored.starts) == [s for s, _ in spans] and list(stored.ends) == [e for _, e in spans]


words = st.lists(st.sampled_from(["Dec", "U.S", "é", "Mr", "ſ", "said", "a", "ab", "x'", "J"]), min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(words, texts)
def test_whole_word_matches_are_the_patterns_matches(forms, text):
    """The article-wide search for a name's spellings, tried only where one is written, finds what
    the pattern's own scan finds."""
    expected = [m.span() for m in re.finditer(whole_words(forms), text)]
    assert whole_word_matches(forms, text) == expected


heads = st.lists(st.sampled_from(["s", "S", "k", "i", "I", "é", "É", "z", "ss", "Dec", "dec", "a", "said"]),
                 min_size=1, max_size=3)


@settings(max_examples=400, deadline=None)
@given(heads, texts)
def test_a_case_blind_head_is_found_where_its_first_word_folds_alike(words, text):
    """``value_places`` looks for the claim's words before its value (case-blind) only where the
    folded text holds the first word folded: every match of the pattern opens there."""
    head = re.compile("(?i)" + r"\W+".join([opening_word(words[0]), *map(re.escape, words[1:])]) + r"\W+")
    found = matches_from(head, text, occurrences(fold(text), fold(words[0])))
    assert [m.span() for m in found] == [m.span() for m in head.finditer(text)]


def _long_text() -> str:
    """A text long enough to be indexed, of words that recur ("said", "the") and others rare."""
    rng = random.Random(16)
    vocabulary = ["the", "said", "é", "Dec.", "oil", "x'y", "a", "ab", "2016", "fourth", "Hormuz", "_"]
    marks = [" ", " ", " ", ", ", ". ", "\n", "-", " (", ") "]
    return "".join(rng.choice(vocabulary) + rng.choice(marks) for _ in range(locate.INDEXED_LENGTH // 3))


LONG = make_view(_long_text())
LONG_QUERIES = st.builds(lambda at, size, tail: LONG.text[at : at + size] + tail,
                         st.integers(0, len(LONG.text) - 1), st.integers(1, 60),
                         st.sampled_from(["", "", "#", " oil", "é"]))


@settings(max_examples=300, deadline=None)
@given(LONG_QUERIES)
def test_a_long_text_searched_often_finds_what_str_find_finds(query):
    """The article's view, searched for every claim's wording, is searched by its words' offsets
    after ``INDEX_AFTER_SEARCHES`` searches: the first place found is the same."""
    for _ in range(locate.INDEX_AFTER_SEARCHES):
        LONG.find("said")
    assert LONG._words.offsets is not None  # else this would test str.find against itself
    assert LONG.find(query) == LONG.text.find(query)
