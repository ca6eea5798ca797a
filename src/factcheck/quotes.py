"""Quotations: does a text hold these exact words? Typographic quotes, dashes, case, accents,
punctuation and spacing do not count; a changed, missing or added word does."""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
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


@dataclass(frozen=True)
class Words:
    """A normalised text as folded words joined by single spaces, each word's span in the text
    and its offset in ``joined``: exact quotations are then one substring search."""

    joined: str
    starts: array  # each word's span in the text
    ends: array
    offsets: array  # each word's start in ``joined``

    @classmethod
    def of(cls, text: str) -> Words:
        folded = fold(text)
        starts, ends, offsets = array("i"), array("i"), array("i")
        pos = 0
        for m in _WORD.finditer(folded):
            starts.append(m.start())
            ends.append(m.end())
            offsets.append(pos)
            pos += m.end() - m.start() + 1
        return cls(" ".join(folded[s:e] for s, e in zip(starts, ends)), starts, ends, offsets)

    def __len__(self) -> int:
        return len(self.starts)

    def word_at(self, joined_offset: int) -> int:
        return bisect.bisect_right(self.offsets, joined_offset) - 1

    def words_in(self, start: int, end: int) -> tuple[int, int]:
        """Indices of the words within ``text[start:end]`` (end exclusive)."""
        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)


def find_quote(
    quote: str, text: str, threshold: float = MISQUOTE_THRESHOLD,
    words: Words | None = None, near: Sequence[tuple[int, int]] | None = None,
) -> QuoteMatch | None:
    """Where ``text`` (normalised) holds ``quote`` word for word, else the closest passage above
    ``threshold``. ``words`` is ``Words.of(text)`` when the caller has it; ``near`` limits the
    fuzzy search to these stretches of the text (the exact search always covers all of it)."""
    words = words or Words.of(text)
    q = Words.of(normalize(quote)).joined
    if not q or not words.joined:
        return None
    m = re.search(r"(?<!\w)" + re.escape(q) + r"(?!\w)", words.joined)
    if m:
        first, last = words.word_at(m.start()), words.word_at(m.end() - 1)
        return QuoteMatch(words.starts[first], words.ends[last], True, 100.0, ())
    best = None
    for lo, hi in _windows(words, near, q.count(" ") + 1):
        hay = words.joined[words.offsets[lo] : words.offsets[hi - 1] + words.ends[hi - 1] - words.starts[hi - 1]]
        found = fuzz.partial_ratio_alignment(q, hay, score_cutoff=threshold)
        if found is not None and (best is None or found.score > best[0]):
            base = words.offsets[lo]
            last = words.word_at(base + max(found.dest_start, found.dest_end - 1))
            best = (found.score, words.word_at(base + found.dest_start), last)
    if best is None:
        return None
    score, first, last = best
    start, end = words.starts[first], words.ends[last]
    ops = tuple(word_diff(quote, text[start:end]))
    return QuoteMatch(start, end, not changed(list(ops)), score, ops)


def _windows(words: Words, near: Sequence[tuple[int, int]] | None, width: int) -> list[tuple[int, int]]:
    """Word-index ranges to search: the whole text, or each stretch widened by the quotation's
    length on both sides (a long quotation spans several sentences), overlapping ones merged."""
    if near is None:
        return [(0, len(words))]
    ranges: list[tuple[int, int]] = []
    for lo, hi in sorted(words.words_in(start, end) for start, end in near):
        lo, hi = max(0, lo - width), min(len(words), hi + width)
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        elif hi > lo:
            ranges.append((lo, hi))
    return ranges
