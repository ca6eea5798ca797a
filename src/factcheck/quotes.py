"""Quotations: does a text hold these exact words? Typographic quotes, dashes, case, accents,
punctuation and spacing do not count; a changed, missing or added word does."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from rapidfuzz import fuzz

from .diff import Op, changed, word_diff
from .locate import View, make_view, opening_word, widened
from .normalize import fold, normalize
from .settings import CLAIM_CACHE, MISQUOTE_THRESHOLD

_WORD = re.compile(r"\w+(?:'\w+)*")


@dataclass(frozen=True)
class QuoteMatch:
    start: int  # offsets of the source's passage
    end: int
    exact: bool
    score: float
    diff: tuple[Op, ...]  # article's words against the source's


def _words(text: str) -> tuple[str, str]:
    """A text folded (as long as the text: offsets carry over), and its words joined by single
    spaces: exact quotations are then one substring search, and a fuzzy match's offset in the
    joined words is a word's number, the spaces before it (``_spanned``)."""
    folded = fold(text)
    return folded, " ".join(_WORD.findall(folded))


def _spanned(folded: str, joined: str, start: int, end: int) -> tuple[int, int]:
    """Where in the text the words of ``joined[start:end]`` (an alignment's span, not empty)
    start and end: the words are read again only for the best match."""
    first, last = joined.count(" ", 0, start), joined.count(" ", 0, max(start, end - 1))
    found = list(islice(_WORD.finditer(folded), first, last + 1))
    return found[0].start(), found[-1].end()


@lru_cache(maxsize=CLAIM_CACHE)  # one quotation is searched for in the article and each page it cites
def _exact(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(_exact_pattern(words))


def _exact_pattern(words: Sequence[str]) -> str:
    """The words in order, whole words (not "don" of "don't", but "runnin" of "Runnin'": an
    apostrophe may close a word) with anything but word characters between them. The first word
    is the pattern's first element and the check before it a lookbehind after it, so that the
    regex engine skips through the text to that word's occurrences instead of trying every offset."""
    return (opening_word(words[0]) + rf"(?<!\w'[\s\S]{{{len(words[0])}}})"  # nor a word and an apostrophe
            + "".join(r"\W+" + re.escape(w) for w in words[1:]) + r"(?!\w)(?!'\w)")


def find_quote(
    quote: str, text: str, threshold: float = MISQUOTE_THRESHOLD, hay: View | None = None,
    near: Callable[[], Sequence[tuple[int, int]] | None] | None = None,
) -> QuoteMatch | None:
    """Where ``text`` (normalised) holds ``quote`` word for word, else the closest passage above
    ``threshold``. ``hay`` is ``make_view(text)`` when the caller keeps one; ``near`` gives the
    stretches of the text the fuzzy search is limited to (None: all of it); the exact search
    always covers the whole text."""
    hay = hay or make_view(text)
    _, joined = _words(normalize(quote))
    if not joined:
        return None
    words = joined.split(" ")
    m = _exact(tuple(words)).search(hay.text)
    if m:
        return QuoteMatch(hay.origin(m.start()), hay.origin(m.end() - 1) + 1, True, 100.0, ())
    stretches = near() if near is not None else None
    # a long quotation spans several sentences: widen each stretch by about its length
    spans = [(0, len(text))] if stretches is None else widened(stretches, 12 * len(words), len(text))
    best = None
    for lo, hi in spans:
        folded, chunk = _words(text[lo:hi])
        if not chunk:
            continue
        found = fuzz.partial_ratio_alignment(joined, chunk, score_cutoff=threshold)
        if found is not None and (best is None or found.score > best[0]):
            first, last = _spanned(folded, chunk, found.dest_start, found.dest_end)
            best = (found.score, lo + first, lo + last)
    if best is None:
        return None
    score, start, end = best
    ops = tuple(word_diff(quote, text[start:end]))
    return QuoteMatch(start, end, not changed(list(ops)), score, ops)
