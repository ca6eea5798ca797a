"""Finding passages: where the article says what a claim quotes, and which sentences of a
source speak of it. Fuzzy, via rapidfuzz, on a case-, accent- and whitespace-folded view
whose indices map back to the original text."""

from __future__ import annotations

import bisect
import re
from array import array
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .normalize import fold

LOCATE_THRESHOLD = 82.0  # below this the claim's wording is not in the article
_SPACES = re.compile(r"\s+")
_COLLAPSIBLE = re.compile(r"\s*[^\S ]\s*|\s{2,}|^\s+")  # runs that are not one plain space
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n|\n(?=\s*[-*\u2022|])")
_WORD = re.compile(r"\w+")
STOPWORDS = frozenset(
    """a an the of to in on at by for from with and or but as is are was were be been being that this
    these those it its their his her he she they we you i not no so than then there here which who whom
    whose what when where how will would can could should may might must has have had do does did
    into over under about after before during between through while also only just very more most
    such some any all each other both either neither per""".split()
)
# a word's first five letters, skipping stop words and bare numbers: one C-level pass per text
_STEM = re.compile(r"\b(?!(?:" + "|".join(sorted(STOPWORDS)) + r")\b)(?!\d+\b)(\w{1,5})\w*")


@dataclass(frozen=True)
class View:
    """Folded text with runs of white space collapsed; ``index[i]`` is the original offset."""

    text: str
    index: array


def make_view(text: str) -> View:
    folded = fold(text)
    parts: list[str] = []
    index = array("i")
    pos = 0
    for m in _COLLAPSIBLE.finditer(folded):  # single spaces stay as they are: one slice per paragraph, not per word
        if m.start() > pos:
            parts.append(folded[pos : m.start()])
            index.extend(range(pos, m.start()))
        if m.start() > 0 and (pos < m.start() or parts):
            parts.append(" ")
            index.append(m.start())
        pos = m.end()
    parts.append(folded[pos:])
    index.extend(range(pos, len(folded)))
    return View("".join(parts), index)


@lru_cache(maxsize=64)
def view(text: str) -> View:
    return make_view(text)


@dataclass(frozen=True)
class Passage:
    start: int  # offsets into the searched text
    end: int
    score: float


def locate_exact(needle: str, text: str, hay: View | None = None) -> Passage | None:
    """Where ``text`` has ``needle`` as it is, but for case, accents and white space.
    ``hay`` is ``make_view(text)`` when the caller keeps one."""
    hay = hay or view(text)
    query = view(needle).text.strip()
    i = hay.text.find(query) if query else -1
    return None if i < 0 else _passage(text, hay, i, i + len(query), 100.0)


def locate(
    needle: str, text: str, threshold: float = LOCATE_THRESHOLD, hay: View | None = None,
    within: list[tuple[int, int]] | None = None,
) -> Passage | None:
    """The stretch of ``text`` that best matches ``needle``, widened to whole words. ``hay`` is
    ``make_view(text)`` when the caller keeps one; ``within`` limits the fuzzy search (not the
    exact one) to these stretches of ``text``."""
    hay = hay or view(text)
    exact = locate_exact(needle, text, hay)
    if exact is not None:
        return exact
    query = view(needle).text.strip()
    if not query:
        return None
    best = None
    for lo, hi in [(0, len(hay.text))] if within is None else _view_ranges(hay, within, len(query)):
        if hi - lo < len(query):
            continue
        found = fuzz.partial_ratio_alignment(query, hay.text[lo:hi], score_cutoff=threshold)
        if found is not None and (best is None or found.score > best.score):
            best = _passage(text, hay, found.dest_start + lo, found.dest_end + lo, found.score)
    return best


def _view_ranges(hay: View, within: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` as ranges of the view, widened by ``margin``, overlaps merged."""
    ranges: list[tuple[int, int]] = []
    for s, e in sorted(within):
        lo = max(0, bisect.bisect_left(hay.index, s) - margin)
        hi = min(len(hay.text), bisect.bisect_left(hay.index, e) + margin)
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        else:
            ranges.append((lo, hi))
    return ranges


def _passage(text: str, hay: View, i: int, j: int, score: float) -> Passage:
    start, end = hay.index[i], hay.index[max(i, j - 1)] + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return Passage(start, end, score)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (or list item / paragraph) spans of ``text``."""
    spans = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if text[pos : m.start()].strip():
            spans.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append(_trim(text, pos, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_around(
    text: str, start: int, end: int, spans: list[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (or the span itself if it crosses sentences);
    ``spans`` is ``sentences(text)`` when the caller has it."""
    spans = sentences(text) if spans is None else spans
    i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return start, end


def stems(text: str) -> frozenset[str]:
    """Content words cut to a five-letter stem, so "supplies" meets "supply"."""
    return frozenset(_STEM.findall(fold(text)))


def folded_stems(folded: str) -> frozenset[str]:
    """``stems`` of text already folded."""
    return frozenset(_STEM.findall(folded))


def relevance(wanted: frozenset[str], own: frozenset[str], previous: frozenset[str], saturation: int = 6) -> float:
    """How much a sentence (with the one before it as context) speaks of a query: the share of
    the query's stems it holds, where ``saturation`` shared stems is full relevance."""
    return 100.0 * len(wanted & (own | previous)) / min(len(wanted), saturation)


def relevant_sentences(
    query: str, text: str, min_score: float = 40.0, saturation: int = 6
) -> list[tuple[int, int, float]]:
    """Sentences of ``text`` that speak of ``query``, best first. A sentence's context includes
    the one before it (a figure's subject is often named a sentence earlier: "The Strait of Hormuz
    ... In 2018, its flow averaged ..."). A sentence sharing one word with a long query scores low,
    which a symmetric ratio would not; and a long editor's note does not dilute the query."""
    wanted = stems(query)
    if not wanted:
        return []
    scored = []
    previous: frozenset[str] = frozenset()
    for s, e in sentences(text):
        own = stems(text[s:e])
        score = relevance(wanted, own, previous, saturation)
        if score >= min_score:
            scored.append((s, e, score))
        previous = own
    scored.sort(key=lambda t: (-t[2], t[0]))
    return scored


def excerpt(text: str, start: int, end: int, width: int = 300, spans: list[tuple[int, int]] | None = None) -> str:
    """The source's words around a passage, trimmed for a report."""
    s, e = sentence_around(text, start, end, spans)
    if e - s > width:
        s, e = max(s, start - width // 2), min(e, end + width // 2)
    snippet = _SPACES.sub(" ", text[s:e]).strip()
    return ("…" if s > 0 and not text[s - 1].isspace() else "") + snippet
