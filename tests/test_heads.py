"""The head prefilter (numbers.HeadScan): dates and number words tried only where a match can
start must read exactly what the full scan reads, whatever the text."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import dates, names, numbers
from factcheck.dates import DateOrder, Tense, find_dates
from factcheck.numbers import Head, HeadScan, heads, matches_at

# Words that start, end or break date and figure patterns, with the traps of a head scan: a month
# inside a word ("dismay 5"), a mod inside one ("pyramid 2019"), case ("MAY", "sePT"), the
# letters case-blind matching folds to ASCII ("ſ", "ı", "İ", Kelvin's K), digits of other
# scripts and the punctuation the look-behinds test.
_WORDS = [
    "May", "may", "MAY", "dismay", "sePT", "Sept.", "March", "summarch", "Jan", "june", "Thu", "thurs",
    "Monday", "mondays", "sat", "Sat", "Wed", "the", "The", "then", "a", "an", "about", "in", "inside", "on",
    "of", "to", "by", "last", "next", "this", "early", "late", "mid", "pyramid", "first", "third", "twenty-first",
    "1st", "5th", "Q3", "q4", "2018Q4", "quarter", "week", "month", "year", "years", "ago", "from", "now", "today",
    "tonight", "yesterday", "Christmas", "Easter", "Labor", "Day", "St.", "Patrick's", "ides", "upcoming",
    "one", "two", "six", "ten", "sixteen", "twelve", "hundred", "thousand", "million", "point", "half",
    "couple", "pair", "dozen", "percent", "%", "$", "US$", "€", "AD", "a.d.", "'90s", "1990s", "2019", "1066",
    "12", "3", "31", "07", "٣", "14april", "2015/08/12", "20161016", "22/04", "4/5", "15-2", "2014-10",
    "3-5", "1/2", "½", "K", "ı", "İ", "-", "—", ",", ".", ":", "/", "(", ")", "'", "\n", "\n\n", "",
]
_TEXTS = st.lists(st.sampled_from(_WORDS), max_size=40).flatmap(
    lambda words: st.lists(st.sampled_from([" ", "", "  ", "-", ", "]), min_size=len(words), max_size=len(words))
    .map(lambda seps: "".join(w + s for w, s in zip(words, seps, strict=True))))


@settings(max_examples=400, deadline=None)
@given(_TEXTS, st.sampled_from([None, dt.date(2017, 2, 8), dt.date(2019, 12, 31)]),
       st.sampled_from([None, DateOrder.DMY]), st.sampled_from([None, Tense.PAST]), st.sampled_from(["US", "CA"]))
def test_prefiltered_dates_are_the_full_scans(text, published, order, tense, region):
    kw = {"date_order": order, "tense": tense, "region": region}
    assert find_dates(text, published, **kw) == find_dates(text, published, **kw, _full=True)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_every_match_starts_at_a_head(text):
    """Each rule's own matches start where the scan says one can: the superset the proof rests on."""
    starts = dates._HEADS.starts(text)
    if starts is None:  # a letter case-blind matching folds to ASCII: scanned in full
        assert numbers._FOLDS_TO_ASCII.search(text)
        return
    for rank, (pattern, _) in enumerate(dates._RULES):
        assert {m.start() for m in pattern.finditer(text)} <= set(starts[rank]), pattern.pattern[:60]


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from([None, "currency", "time", "length"]))
def test_prefiltered_figures_are_the_full_scans(text, prefer):
    assert numbers._scan(text, prefer) == numbers._scan(text, prefer, _full=True)


def test_real_sentences_read_the_same():
    text = ("Dismay 5 was no date, but on May 5, 2019 the pyramid 2019 plan and mid-2019 talks began; "
            "the first Monday of October, two weeks ago, Christmas 2014 and the 1990s. About a quarter of "
            "the 16 million people paid $3-5 million, one in five, a couple of times, 1 point 5.")
    assert find_dates(text, dt.date(2019, 6, 20)) == find_dates(text, dt.date(2019, 6, 20), _full=True)
    assert numbers._scan(text) == numbers._scan(text, _full=True)
    read = [d.text for d in find_dates(text, dt.date(2019, 6, 20))]
    assert "May 5, 2019" in read and "Christmas 2014" in read


@pytest.mark.parametrize("letter", ["ſ", "ı", "İ"])
def test_a_letter_folding_to_ascii_is_scanned_in_full(letter):
    """Case-blind "sat" matches "ſat", which lower() keeps: the scan gives up, the result stays.
    (A month so written, "ſept. 12", crashes the month reader, with or without the scan.)"""
    text = f"It opened on Sept. 12, 2019, closed on Thur{letter}day and in 2020 ({letter}at. 4)."
    assert dates._HEADS.starts(text) is None
    assert find_dates(text) == find_dates(text, _full=True)


def test_a_mid_word_head_is_found():
    """The month patterns have no boundary before the month: "dismay 5" holds "may 5"."""
    scan = HeadScan([Head(mid=heads(["may"])), Head(word=heads(["may"]))])
    starts = scan.starts("dismay 5, May 6")
    assert starts == [[3, 10], [10]]


def test_whole_words_only_as_words():
    scan = HeadScan([Head(word=heads(["a", "about"])), Head(word=heads(["a"]))], whole=frozenset({"a"}))
    starts = scan.starts("a about ab a-b")
    assert starts == [[0, 2, 11], [0, 11]]


def test_matches_at_is_finditer_where_the_heads_are():
    import re

    pattern = re.compile(r"(?i)\bmay\s+\d+")
    text = "May 5 and may 6, dismay 7"
    starts = HeadScan([Head(word=heads(["may"]))]).starts(text)
    assert starts is not None
    assert [m.span() for m in matches_at(pattern, text, starts[0])] == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in matches_at(pattern, text, None)] == [(0, 5), (10, 15)]


def test_close_keys_with_compacted_keys_are_the_same():
    keys = ["lavrentiev", "van der berg", "vanderberg", "smith", "lavrentieve"]
    compacted = [k.replace(" ", "") for k in keys]
    for key in ("lavrentyev", "van derberg", "smyth"):
        assert names.close_keys(key, keys, 4, compacted) == names.close_keys(key, keys, 4)
    assert [k for k, _, _ in names.close_keys("lavrentyev", keys, 2)] == ["lavrentiev", "lavrentieve"]


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_the_word_scan_finds_what_the_look_behind_scan_found(text):
    """The word-start scan reads the character before each head (on " " + text); it must find the
    heads, at the same places, that a scan consuming each head's first character and looking
    behind for a word character found."""
    import re

    low = text.lower()
    for scan in (s for h in (dates._HEADS, numbers._HEADS) for s in h.scans if s.padded):
        first, alts = re.fullmatch(r"\[\^a-z0-9_\]\(\?=\[(.*?)\]\)\(\?=\((.*)\)\)", scan.pattern.pattern, re.S).groups()
        behind = re.compile(rf"[{first}](?<=(?<![a-z0-9_])(?=({alts})).)")
        assert [(m.start(), m.group(1)) for m in scan.pattern.finditer(" " + low)] == \
            [(m.start(), m.group(1)) for m in behind.finditer(low)]
