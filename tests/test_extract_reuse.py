"""What makes `factcheck extract` fast must not change what it reads or writes: the words around
each value read from one split of its sentence, figures of a text read once, the YAML writer's
shortcut for values that are surely plain, one name extraction shared by drafting and read-back,
a wording's places told from the words beside the text's values, and the words around a
sentence's other values worked out only when a judge asks."""

import random

import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from factcheck import numbers
from factcheck.article import Article
from factcheck.claims.writer import _plain, _roundtrips, _scalar, _surely_folds, _surely_plain
from factcheck.claimtypes.about import _ENDING, _TIE_WORDS, _TOKEN, KnownValues, read_value, setting_of, value_places
from factcheck.claimtypes.drafting import _INDEXED_FROM, DraftContext, Ids, _WordIndex, unique
from factcheck.claimtypes.number import _figures
from factcheck.index import Lenses
from factcheck.lexicon import STOPWORDS
from factcheck.locate import sentences, view
from factcheck.model import Claim, ClaimType
from factcheck.names import extract_names
from factcheck.normalize import fold

# A standings table is one "sentence" with a hundred figures (Monster Energy NASCAR Cup Series 2019).
TABLE = ("Final standings of the 2019 Monster Energy NASCAR Cup Series after 36 races: "
         "1 Kyle Busch 5040 5 1 17 27 2 Martin Truex Jr. 5035 7 0 15 24 3 Kevin Harvick 5033 4 6 15 26 "
         "4 Denny Hamlin 5027 6 3 19 24 5 Joey Logano 2380 2 3 12 21 6 Ryan Blaney 2339 1 1 11 18")
PROSE = ("Daniel Suárez finished 17th in the 2019 standings with 846 points, one place ahead of "
         "seven-time champion Jimmie Johnson, who scored 835. \"It was a tough year,\" Suárez said.")


def _content(text: str) -> list[str]:
    """The words of ``text`` alone, as the checker tied them before it split each sentence once."""
    return [_ENDING.sub("", t)[:5] for t in _TOKEN.findall(fold(text))
            if t not in STOPWORDS and (len(t) > 1 or t.isdigit())]


def test_words_around_a_value_are_those_of_the_text_on_each_side():
    rng = random.Random(14)
    checked = 0
    for text in (TABLE, PROSE, TABLE + ". " + PROSE):
        for s, e in sentences(text):
            for _ in range(300):  # cuts inside words too: "17th" cut after "17" leaves "th" after it
                a = rng.randrange(s, e + 1)
                b = rng.randrange(a, e + 1)
                got = setting_of(text, (s, e), a, b)
                assert got.before == tuple(_content(text[s:a])[-_TIE_WORDS:])
                assert got.after == tuple(_content(text[b:e])[:_TIE_WORDS])
                assert got.sentence == text[s:e]
                checked += 1
    assert checked >= 900


def test_figures_read_once_are_handed_out_as_new_lists():
    first = numbers.find_numbers(TABLE)
    assert [m.text for m in first[:3]] == ["2019", "36 races", "1"]
    first.clear()
    again = numbers.find_numbers(TABLE)
    assert len(again) > 20 and again is not first
    assert again == numbers.find_numbers(TABLE)


def test_the_draft_and_the_read_back_share_one_name_extraction():
    article = Article.from_string(PROSE, "a.txt")
    context = DraftContext(article, None, Ids())
    assert context.names is context.lenses(article.text).names
    assert context.names == extract_names(article.text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé ,.'()%$&/-7_#:\"ßx")), min_size=1, max_size=40))
def test_a_value_surely_plain_reads_back_plain(value):
    if _surely_plain(value):
        assert _roundtrips(f"k: {value}\n", value)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé 0719,.:'()%$&/-_#\"[]!*?|>e+x٣")), min_size=1, max_size=30)
       | st.builds(str.__add__, st.sampled_from(list("0719٣")),
                   st.text(alphabet=st.sampled_from(list("aZéxe 0719,.'()%$&/-_:+")), max_size=20)))
@example("0x_")  # PyYAML reads it as an int and fails to build it: quoted, not a crash
def test_the_rules_for_plain_values_say_what_parsing_says(value):
    assert _plain(value) == _roundtrips(f"k: {value}\n", value)


def test_values_opening_with_a_digit_are_plain_only_when_yaml_reads_a_string():
    for value in ("40 to 80 percent", "0 4 20 Chris Buescher", "2 (крупа/вода) 15 минут"):
        assert _surely_plain(value) and _roundtrips(f"k: {value}\n", value)
    for value in ("2016", "1e5", "0x1F", "1 000", "3 3 13", "2001-12-14 21:59:43", "12:30 pm"):
        assert not _surely_plain(value)
        assert yaml.safe_load("k:" + _scalar(value, 0)) == {"k": value}
    for value in ("speaker: Trump", "Note #1 said", "a #b"):
        assert not _plain(value) and not _roundtrips(f"k: {value}\n", value)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("aZé,.'()%$&/-7_#:\"[]{}!*|>ß")), min_size=1, max_size=14),
                min_size=12, max_size=30))
def test_a_long_value_surely_folded_reads_back(words):
    value = " ".join(words)
    if len(value) > 90 and _surely_folds(value):
        assert yaml.safe_load("k:" + _scalar(value, 0)) == {"k": value}


def test_the_words_yaml_reads_as_booleans_or_null_are_not_taken_for_plain():
    for word in ("yes", "No", "TRUE", "off", "On", "null"):
        assert not _surely_plain(word)
        assert yaml.safe_load("k:" + _scalar(word, 0)) == {"k": word}
    assert _surely_plain("Alexander Lavrentiev") and not _surely_plain("Note: this") and not _surely_plain("a #b")


def _scanned(needle: str, hay: str) -> int:
    found, at = 0, hay.find(needle)
    while at >= 0:
        found, at = found + 1, hay.find(needle, at + 1)
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["busch ", "5040 ", "kyle ", "truex jr. ", "'s ", "-", "a", " ", ",", "é"]),
                min_size=1, max_size=60), st.integers(0, 59), st.integers(1, 20))
def test_a_long_articles_word_index_counts_every_occurrence(parts, at, size):
    """The index finds a wording through one word it bounds, so it counts what a scan counts."""
    hay = "".join(parts)
    needle = hay[min(at, len(hay) - 1) : min(at, len(hay) - 1) + size]
    counted = _WordIndex(hay).count(needle, most=1000)
    assert counted is None or counted == _scanned(needle, hay)


def test_a_repeated_sentence_is_not_unique_in_a_long_article():
    text = (PROSE + "\n\n") * 700 + "Kyle Busch won the 2019 title with 5040 points.\n"
    article = Article.from_string(text, "a.txt")
    assert len(text) > _INDEXED_FROM
    assert unique(article, "Kyle Busch won the 2019 title")
    assert not unique(article, "one place ahead of seven-time champion Jimmie Johnson")
    assert not unique(article, "Daniel Suárez finished 17th")


@given(st.text(alphabet=st.sampled_from(list("aZ \t\n\u00a0\u2003\u00a8é.-")), max_size=30))
def test_a_wording_is_compared_as_the_locator_views_it(text):
    assert " ".join(fold(text).split()) == view(text).text.strip()


# Words that repeat beside figures ("in 2016 ... in 2017"), overlap their next occurrence ("one
# one"), or that case-blind matching takes for other letters ("ſ", "ı", "İ", Kelvin's K, "µ"/"μ").
_PLACE_WORDS = ["in", "In", "IN", "the", "of", "one", "one", "rose", "Rose", "to", "by", "cut", "sales", "salеs",
                "ſales", "ıt", "İn", "рост", "Рост", "\u1c80", "в", "Σ", "\u212am", "µm", "μm", "km", "Δ", "é", "É", "_x", "5", "12", "2016", "2017",
                "$3", "40%", "1.5 million", "three", "twenty-one", "a", "half", "-", ",", ".", "\n", "(", ")"]
_PLACE_TEXTS = st.lists(st.sampled_from(_PLACE_WORDS), min_size=1, max_size=60).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", "  ", ", ", "-"]), min_size=len(words), max_size=len(words))
    .map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))))


@settings(max_examples=400, deadline=None)
@given(_PLACE_TEXTS, st.randoms(use_true_random=False))
def test_places_told_from_the_words_beside_values_are_the_searchs(text, rng):
    """``KnownValues.places`` finds what the search of the text finds, for pieces of the text around
    its figures (as drafting tries them) and for any piece."""
    found = _figures(text)
    known = KnownValues.of(text, ((a, b) for a, b, _ in found))
    pieces = []
    for a, b, _ in found:
        lo, hi = rng.randrange(0, a + 1), rng.randrange(b, len(text) + 1)
        pieces += [text[lo:hi], text[max(0, a - 30):b + 30]]
    lo = rng.randrange(len(text))
    pieces.append(text[lo:rng.randrange(lo, len(text) + 1)])
    for piece in pieces:
        for limit in (0, 2):
            assert (value_places(piece, text, _figures, limit, known)
                    == value_places(piece, text, _figures, limit, known, _search=True)), (piece, limit)


def test_places_are_told_without_a_search_where_the_words_beside_values_say():
    text = "Sales rose 5% in 2016. Sales rose 7% in 2017, and costs rose 3% that year."
    known = KnownValues.of(text, ((a, b) for a, b, _ in _figures(text)))
    assert known.places(["costs", "rose"], ["that"], 0) == value_places("costs rose 3% that", text, _figures, 0,
                                                                      known, _search=True)
    assert len(known.places(["Sales", "rose"], ["in"], 0) or []) == 2
    assert known.places(["one", "one"], [], 0) is None  # "one one" overlaps its next occurrence
    assert KnownValues.of("ſales rose 5%", [(11, 13)]).places(["sales", "rose"], [], 0) is None
    russian = "Рост 5% в мае, рост 7% в июне."
    spans = [(a, b) for a, b, _ in _figures(russian)]
    assert len(KnownValues.of(russian, spans).places(["рост"], [], 0) or []) == 2  # Cyrillic reads as lower()
    assert KnownValues.of(russian + " \u1c80", spans).places(["рост"], [], 0) is None  # "ᲀ" is (?i) "в"


def test_the_words_around_a_sentences_other_values_are_read_when_asked():
    text = "Revenue rose 12% to $4 billion, while costs fell 3% in 2019."
    claim = Claim("n", ClaimType.NUMBER, "Revenue rose 12%")
    reading = read_value(claim, Article.from_string(text, "a.txt"), Lenses()(text), _figures, "figure", (),
                         lambda q: True, str)
    others = reading.setting.others
    assert len(others) >= 3 and all("setting" not in vars(n) for n in others)
    sentence = (0, len(text))
    assert [n.setting for n in others] == [setting_of(text, sentence, a, b) for a, b, _ in _figures(text)
                                           if (a, b) != (reading.mentions[0].start, reading.mentions[0].end)]
