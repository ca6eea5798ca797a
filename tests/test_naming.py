"""``about.naming`` through a page's index answers as ``names_one``'s search of each sentence does:
a sentence whose stems (and the sentence before's) hold no name's is passed over unsearched, but a
word between two sentences, a sentence border inside a word, a name with a hyphen or an acronym,
and a title that names the claim's subject are still the search's."""

import pytest

from factcheck.claimtypes.about import named, names_one, naming
from factcheck.claimtypes.base import Page
from factcheck.index import FullScan, TextIndex
from factcheck.model import Claim, ClaimType

TEXTS = [
    "Tortgrai opened a station. It has 93 kilometres of track. Nothing here. The Tortgrai line grew.",
    "Shipping fell. Oil flows through the strait.Hormuz is narrow. Tankers wait.\n\nA new paragraph.",
    "One sentence.xOzerov said no. Then Ozerov's aide spoke. al-Assad met him. Al-Assad left.",
    "The World Health Organization met. WHO said so. Covid-19 spread. The COVID-19 wave ended.",
    "Gadrer is small. Gadrerian food is good. Gadrer-based firms grew. Últimas noticias de Ñandú.",
]
CLAIMS = ["the Tortgrai bus station includes 93 kilometres", "Hormuz carries 21 million barrels",
          "Viktor Ozerov said it", "Bashar al-Assad met him", "the World Health Organization met",
          "the COVID-19 wave", "Gadrer has 5 mills", "In Ñandú 40% voted", "the Other Things grew"]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("subject", [None, "", "Tortgrai news", "About Hormuz"])
def test_naming_through_the_index_is_the_search_of_each_sentence(text, subject):
    index = TextIndex(text)
    for wording in CLAIMS:
        names = named(Claim("c", ClaimType.NUMBER, wording))
        for view in (index, FullScan(text)):
            one = naming(names, Page(text, view, None, subject))
            for s, e in index.spans:
                assert one(s, e) == names_one(names, text, index.spans, s, e, subject), (wording, text[s:e])


def test_a_sentence_without_the_names_stem_is_passed_over_and_one_with_it_is_found():
    text = "Tortgrai opened a station. It has track. Nothing here at all. The Tortgrai line grew."
    index = TextIndex(text)
    names = named(Claim("c", ClaimType.NUMBER, "the Tortgrai station has 93 kilometres"))
    assert names is not None and names.stems == frozenset({"tortg"})
    one = naming(names, Page(text, index))
    assert [one(s, e) for s, e in index.spans] == [True, True, False, True]


def test_a_word_between_two_sentences_or_across_their_border_is_still_searched():
    """Spans as a page's reading may leave them: "Tortgrai" in the gap between two sentences, or
    split by a sentence border ("Tort" | "grai ..."), is in the window the search reads, in no
    sentence's stems."""
    from factcheck.index import Derived, Postings
    from factcheck.locate import folded_stems
    from factcheck.normalize import fold

    text = "Some words first. Tortgrai Then other words. Tortgrai line. Nothing more."
    cut = text.index("grai line")
    spans = [(0, 17), (27, 44), (45, cut), (cut, 59), (60, len(text))]
    index = TextIndex(text, Derived(spans, Postings.of([folded_stems(fold(text)[s:e]) for s, e in spans])))
    names = named(Claim("c", ClaimType.NUMBER, "the Tortgrai station has 93 kilometres"))
    one = naming(names, Page(text, index))
    found = [one(s, e) for s, e in spans]
    assert found == [names_one(names, text, spans, s, e) for s, e in spans] == [False, True, False, True, False]
