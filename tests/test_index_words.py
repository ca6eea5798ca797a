"""What a page's index keeps for every claim that cites it (its capitalised words, its words
split for quotations) is what reading the whole text each time gives."""

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claimtypes.quote import one_word_off
from factcheck.index import _CAPITAL, DerivedStore, FullScan, TextIndex
from factcheck.normalize import fold
from factcheck.quotes import find_quote

PAGE = ("President Bashar al-Assad met Kim Jong-un's envoy in Damascus on Tuesday. Éric Besson and "
        "ŞAHIN Öztürk were there; so was x-Ray, the 9Bar's owner, and 'Abdullah of the U.N.-led mission. "
        "d'Artagnan arrived last.\n\nThe envoy said: \"we will not allow our interests to be infringed upon.\"")


def capitalised_by_reading_every_word(text: str) -> set[str]:
    """The definition: every word (opening on a letter) with a part that opens upper-case."""
    words = set(re.findall(r"(?<![\w'-])[^\W\d_][\w'-]*", text))
    return {w for w in words if not w.islower() and any(p[:1].isupper() for p in re.split(r"[-\u2010\u2011]", w))}


def test_capitalised_words_are_every_word_with_a_capitalised_part():
    found = set(TextIndex(PAGE).capitalised)
    assert found == capitalised_by_reading_every_word(PAGE)
    assert {"al-Assad", "Jong-un's", "Éric", "ŞAHIN", "Öztürk", "x-Ray"} <= found
    assert "9Bar's" not in found  # opens on a digit: no word to the name reader


def test_every_upper_case_letter_can_open_a_capitalised_word():
    """The scan's first-letter class (written as what it is not, to compile fast) leaves out no
    character that is upper-case, at any code point."""
    opens = re.compile(rf"[{_CAPITAL}]")
    missed = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isupper() and not opens.match(c)]
    assert missed == []
    assert opens.match("É") and opens.match("Ş") and not opens.match("a") and not opens.match("9")


letters = st.sampled_from(list("aAbBzZéÉşŞ9_-' .\n") + ["al-", "-X", "Jong-un", "O'Neil"])


@settings(max_examples=200, deadline=None)
@given(text=st.lists(letters, max_size=60).map("".join))
def test_capitalised_words_equal_the_definition_on_any_text(text):
    assert set(TextIndex(text).capitalised) == capitalised_by_reading_every_word(text)



@settings(max_examples=200, deadline=None)
@given(text=st.lists(st.sampled_from(list("aAbBzZéÉşŞ_-\u2010\u2011' .\n") + ["al-", "-X", "Jong-un", "O'Neil", "'Ali"]),
                     max_size=60).map("".join))
def test_capitalised_words_by_letter_are_by_their_last_parts_first_letter(text):
    """The surname table's letters: a word filed under the folded first letter (past an
    apostrophe) of its last non-empty part, as ``vocabulary`` looks names up."""
    index = TextIndex(text)
    expected: dict[str, list[str]] = {}
    for word in index.capitalised:
        last = [p for p in re.split(r"[-\u2010\u2011]", word) if p][-1]
        expected.setdefault(fold(last.lstrip("'")[:1]), []).append(word)
    assert dict(index._capitalised) == expected

def test_the_capitalised_words_come_back_from_the_store(tmp_path):
    store = DerivedStore(tmp_path)
    built = TextIndex(PAGE)
    assert built.vocabulary("a")  # the surnames the name judge asks for, and the table under them
    store.put(PAGE, built.derived())
    loaded = store.get(PAGE)
    assert loaded is not None and loaded.capitalised == built.capitalised
    again = TextIndex(PAGE, loaded)
    assert again.vocabulary("a") == built.vocabulary("a")
    assert again.mentions_of("Bashar al-Assad") == FullScan(PAGE).mentions_of("Bashar al-Assad")


def test_a_page_with_no_capitalised_word_stores_an_empty_table(tmp_path):
    store = DerivedStore(tmp_path)
    built = TextIndex("nothing here is capitalised, not one word.")
    assert built.capitalised == ()
    store.put(built.text, built.derived())
    loaded = store.get(built.text)
    assert loaded is not None and loaded.capitalised == ()


def test_an_exact_quotation_is_found_at_its_whole_words_only():
    text = "Upon the shore they waited. Don't stop, he said; on the shore don stood."
    found = find_quote("on the shore", text)
    assert found is not None and found.exact
    assert text[found.start : found.end] == "on the shore"
    assert found.start == text.index("; on") + 2
    assert find_quote("don stood", text) is not None  # "Don't" is not "don"
    assert find_quote("don stood", text).start == text.index("don stood")  # type: ignore[union-attr]


def test_one_word_off_through_the_index_equals_the_plain_reading():
    text = "He told reporters: I almost purple there, in the river. Then he left."
    index = TextIndex(text)
    for quote in ("I almost died there", "almost died there in", "we almost died here", "told reporters I almost"):
        assert one_word_off(quote, text, index) == one_word_off(quote, text)
    assert one_word_off("I almost died there", text, index) == (text.index("I almost"), text.index(" there") + 6)
    assert one_word_off("we almost died here", text, index) is None  # three words differ


def test_a_page_missing_two_words_of_the_quotation_holds_no_one_word_change():
    text = "She said the plan would fail. Nobody listened."
    assert one_word_off("the plan would work today", text) is None
    assert one_word_off("the plan would work", text) == (text.index("the plan"), text.index("fail") + 4)


def test_a_capital_sigma_does_not_hide_the_quotation():
    """Lower-cased alone, a word ending in capital sigma ends in the final form; inside the page,
    before a full stop and a letter, it does not: the text's lower case is no guide then."""
    text = "we ran the ΟΔΟΣ.Α today"
    assert one_word_off("we walked the ΟΔΟΣ", text, TextIndex(text)) == (0, text.index(".Α"))
