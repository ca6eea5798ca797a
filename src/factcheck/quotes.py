"""Quotations: does a text hold these exact words? Typographic quotes, dashes, case, accents,
punctuation and spacing do not count; a changed, missing or added word does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .diff import Op, changed, word_diff
from .normalize import fold, normalize

MISQUOTE_THRESHOLD = 60.0  # a passage this close is the same quotation with other words
_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True)
class QuoteMatch:
    start: int  # offsets of the source's passage
    end: int
    exact: bool
    score: float
    diff: tuple[Op, ...]  # article's words against the source's


def _words(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Folded words joined by single spaces, and each word's span in ``text``."""
    folded = fold(text)
    spans = [(m.start(), m.end()) for m in _WORD.finditer(folded)]
    return " ".join(folded[s:e] for s, e in spans), spans


def find_quote(quote: str, text: str, threshold: float = MISQUOTE_THRESHOLD) -> QuoteMatch | None:
    """Where ``text`` holds ``quote`` word for word, else the closest passage above ``threshold``."""
    text = normalize(text)  # idempotent: offsets stay valid for already-normalised text
    q, _ = _words(normalize(quote))
    hay, spans = _words(text)
    if not q or not hay:
        return None
    at = _word_boundary_find(hay, q)
    if at is not None:
        first, last = _word_range(hay, at, at + len(q))
        return QuoteMatch(spans[first][0], spans[last][1], True, 100.0, ())
    found = fuzz.partial_ratio_alignment(q, hay, score_cutoff=threshold)
    if found is None:
        return None
    first, last = _word_range(hay, found.dest_start, found.dest_end)
    start, end = spans[first][0], spans[last][1]
    ops = tuple(word_diff(quote, text[start:end]))
    return QuoteMatch(start, end, not changed(list(ops)), found.score, ops)


def _word_boundary_find(hay: str, needle: str) -> int | None:
    m = re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", hay)
    return m.start() if m else None


def _word_range(hay: str, start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last word touched by ``hay[start:end]``."""
    first = hay.count(" ", 0, start)
    last = hay.count(" ", 0, max(start, end - 1))
    return first, last
