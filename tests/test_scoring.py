"""The benchmark metric on small hand-made cases whose scores are worked out by hand."""
from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from scoring import page_counts, score, shingles, tokens


def test_tokens_are_unicode_words_without_punctuation_and_case_kept():
    assert tokens("The U.S. pumped 21.5 million b/d -- in 2018!") == [
        "The", "U", "S", "pumped", "21", "5", "million", "b", "d", "in", "2018"]
    assert tokens("Привет, мир; snake_case") == ["Привет", "мир", "snake_case"]
    assert tokens("") == [] and tokens("  --  ") == []


def test_shingles_are_4gram_multisets_and_short_texts_one_shingle():
    assert shingles(tokens("a b c d e")) == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert shingles(tokens("a b c d a b c d")) == {
        ("a", "b", "c", "d"): 2, ("b", "c", "d", "a"): 1, ("c", "d", "a", "b"): 1, ("d", "a", "b", "c"): 1}
    assert shingles(tokens("Hello world")) == {("Hello", "world"): 1}
    assert shingles([]) == {}


def test_identical_page_is_perfect_and_exact():
    c = page_counts("a b c d e", "a b c d e")
    assert (c.tp, c.fp, c.fn, c.exact) == (2, 0, 0, True)
    s = score([("a b c d e", "a b c d e")])
    assert (s.f1, s.precision, s.recall, s.accuracy, s.pages) == (1.0, 1.0, 1.0, 1.0, 1)


def test_missing_tail_halves_recall():
    # truth shingles abcd, bcde; prediction abcd only: TP 1, FP 0, FN 1
    c = page_counts("a b c d e", "a b c d")
    assert (c.tp, c.fp, c.fn) == (1, 0, 1)
    assert (c.precision, c.recall) == (1.0, 0.5)
    s = score([("a b c d e", "a b c d")])
    assert s.f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)  # 0.6667
    assert s.accuracy == 0.0


def test_duplicates_count_as_a_multiset():
    # truth: abcd x2, bcda, cdab, dabc (5); prediction (12 tokens): abcd x3, bcda x2, cdab x2, dabc x2 (9)
    c = page_counts("a b c d a b c d", "a b c d a b c d a b c d")
    assert (c.tp, c.fp, c.fn) == (5, 4, 0)
    assert c.precision == pytest.approx(5 / 9) and c.recall == 1.0
    c = page_counts("a b c d a b c d", "a b c d")
    assert (c.tp, c.fp, c.fn) == (1, 0, 4)
    assert c.recall == pytest.approx(0.2)


def test_comparison_is_case_sensitive():
    c = page_counts("Hello world", "hello world")
    assert (c.tp, c.fp, c.fn) == (0, 1, 1)
    assert (c.precision, c.recall, c.exact) == (0.0, 0.0, False)


def test_punctuation_and_spacing_do_not_matter_for_exact_match():
    assert page_counts("U.S. oil, 21 million", "U S oil\n\n21   million").exact


def test_empty_prediction_is_left_out_of_precision_but_scores_zero_recall():
    c = page_counts("a b c d", "")
    assert c.precision is None and c.recall == 0.0
    s = score([("a b c d e", "a b c d e"), ("a b c d", "")])
    # precision: mean over the one page with a prediction = 1.0; recall: (1 + 0) / 2 = 0.5
    assert (s.precision, s.recall) == (1.0, 0.5)
    assert s.f1 == pytest.approx(2 / 3)
    assert s.accuracy == 0.5 and s.pages == 2


def test_f1_comes_from_the_mean_precision_and_recall_not_the_mean_of_page_f1():
    pages = [
        ("a b c d e", "a b c d e f"),  # P 2/3, R 1
        ("a b c d e", "a b c d"),  # P 1, R 1/2
    ]
    s = score(pages)
    p, r = (2 / 3 + 1) / 2, (1 + 0.5) / 2  # 0.8333, 0.75
    assert s.precision == pytest.approx(p) and s.recall == pytest.approx(r)
    assert s.f1 == pytest.approx(2 * p * r / (p + r))  # 0.7895, not the mean page F1 0.7333
    assert s.f1 != pytest.approx((0.8 + 2 / 3) / 2)


def test_no_pages_scores_zero_without_dividing_by_zero():
    s = score([])
    assert (s.f1, s.precision, s.recall, s.accuracy, s.pages) == (0.0, 0.0, 0.0, 0.0, 0)
