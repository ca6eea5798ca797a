"""The article-extraction benchmark metric (Zyte/ScrapingHub recipe, see the data's ABOUT.md).

Kept importable and dependency-free so tests can check it on hand-made cases with known scores,
and so a change to the extractor is always judged by the same ruler as the published figures.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    """Case-sensitive word tokens; punctuation and white space never count."""
    return _TOKEN.findall(text or "")


def shingles(toks: list[str], n: int = 4) -> Counter:
    """Multiset of n-grams; a short non-empty text is one shingle of all its tokens."""
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageCounts:
    tp: int
    fp: int
    fn: int
    exact: bool

    @property
    def precision(self) -> float | None:
        """None when the prediction has no shingle: such a page is left out of the precision mean."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def page_counts(truth: str, prediction: str) -> PageCounts:
    t_toks, p_toks = tokens(truth), tokens(prediction)
    t, p = shingles(t_toks), shingles(p_toks)
    tp = sum(min(c, p[s]) for s, c in t.items())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    return PageCounts(tp, fp, fn, t_toks == p_toks)


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float
    accuracy: float
    pages: int


def score(pairs: Iterable[tuple[str, str]]) -> Score:
    """Score (truth, prediction) pairs: macro P and R, F1 from those means, exact-token accuracy."""
    return score_counts([page_counts(t, p) for t, p in pairs])


def score_counts(counts: list[PageCounts]) -> Score:
    """The corpus figures from per-page counts already made."""
    precs = [c.precision for c in counts if c.precision is not None]
    recs = [c.recall for c in counts if c.recall is not None]
    p = sum(precs) / len(precs) if precs else 0.0
    r = sum(recs) / len(recs) if recs else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = sum(c.exact for c in counts) / len(counts) if counts else 0.0
    return Score(f1, p, r, acc, len(counts))
