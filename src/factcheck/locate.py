"""Finding passages: where the article says what a claim quotes, and which sentences of a
source speak of it. Fuzzy, via rapidfuzz, on a case-, accent- and whitespace-folded view
whose indices map back to the original text."""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, count
from operator import add
from typing import overload

from rapidfuzz import fuzz

from .lexicon import NON_FINAL_ABBREVIATIONS, STOPWORDS
from .normalize import ascii_case, fold
from .settings import (
    CONTEXT_WEIGHT,
    EXCERPT_WIDTH,
    INDEX_AFTER_SEARCHES,
    INDEXED_LENGTH,
    LOCATE_THRESHOLD,
    PARAGRAPH_WEIGHT,
    RARITY_CEILING,
    RARITY_FLOOR,
    RELEVANCE_SATURATION,
    RELEVANT,
)

_SPACES = re.compile(r"\s+")
# runs of white space that are not one plain space (each whole: a run holding a character other
# than a space is two or more long, else that character); opening on \s, so that the regex engine
# skips to white space in C (the alternation it replaced, with "^\s+", was tried at every letter);
# captured, so that splitting at them keeps them
_COLLAPSIBLE = re.compile(r"(\s(?:(?<! )\s*|\s+))")
# A sentence ends after ".", "!" or "?" (closing quotes and brackets kept with it) and white space
# before a capital or a digit; at a blank line; before a list item's line. Each alternative opens on
# a literal, so that the regex engine skips to those characters in C; the gap a sentence ends at is
# group 1-3 after a mark, the whole match at a line break.
_CLOSE = r"([\"')\]]*\s+)(?=[\"'(\[]?[A-Z0-9])"
_SENTENCE_END = re.compile(rf"\.{_CLOSE}|!{_CLOSE}|\?{_CLOSE}|\n(?:\s*\n|(?=\s*[-*\u2022|]))")
_WORD = re.compile(r"\w+")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class _WordOffsets:
    """A long text's whole words' offsets, worked out once it has been searched
    ``INDEX_AFTER_SEARCHES`` times; kept by its view, so freed with it."""

    searches: int = 0
    offsets: dict[str, list[int]] | None = None

    def of(self, text: str) -> dict[str, list[int]] | None:
        """The offsets, or None (this search counted) while the text is not searched often enough."""
        if self.offsets is None:
            self.searches += 1
            if self.searches < INDEX_AFTER_SEARCHES:
                return None
            offsets: dict[str, list[int]] = defaultdict(list)
            for m in _WORD.finditer(text):
                offsets[m.group()].append(m.start())
            self.offsets = dict(offsets)
        return self.offsets


@dataclass(frozen=True)
class View:
    """Folded text with runs of white space collapsed to one space. It maps back to the
    original by stretches: ``starts[k]`` in the view is ``origins[k]`` in the text, and the
    characters up to the next stretch follow one to one."""

    text: str
    starts: array
    origins: array
    _words: _WordOffsets = field(default_factory=_WordOffsets, init=False, compare=False, repr=False)

    def find(self, query: str) -> int:
        """``self.text.find(query)``; in a long text searched often (the article, for every
        claim's wording), tried only where the query's rarest inner word (a non-word character on
        both sides within the query) is written as a whole word, which it must be wherever the
        query is."""
        words = self._words.of(self.text) if len(self.text) >= INDEXED_LENGTH else None
        inner = [m for m in _WORD.finditer(query) if 0 < m.start() and m.end() < len(query)] if words else []
        if words is None or not inner:
            return self.text.find(query)
        rarest = min(inner, key=lambda m: len(words.get(m.group(), ())))
        lead = rarest.start()
        for at in words.get(rarest.group(), ()):
            if at >= lead and self.text.startswith(query, at - lead):
                return at - lead
        return -1

    def origin(self, i: int) -> int:
        """The offset in the original text of ``self.text[i]``."""
        k = bisect.bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    def at(self, offset: int) -> int:
        """The view index of the first character at or after ``offset`` in the original."""
        k = bisect.bisect_right(self.origins, offset) - 1
        if k < 0:
            return 0
        length = (self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)) - self.starts[k]
        return self.starts[k] + min(offset - self.origins[k], length)


def make_view(text: str, folded: str | None = None) -> View:
    """``text``'s view (``folded``: ``fold(text)``, when the caller has it). A stretch is a piece
    between runs with the one space its run becomes as its last character, mapped to where the run
    starts, as the piece's next character would be: one stretch per paragraph, not per word. A page
    text's only white space is lone spaces and line breaks, its runs then the line breaks with
    the spaces beside them: splitting it at its lines is about three times faster than the regex."""
    folded = fold(text) if folded is None else folded
    lines = folded.split("\n")
    if "  " in folded or not all(map(str.isprintable, lines)):  # other white space is unprintable
        return _view_of_runs(folded)
    pieces: list[str] = []
    origins, at = array("i"), 0
    for line in lines:
        if piece := line.strip(" "):
            pieces.append(piece)
            origins.append(at + (line[:1] == " "))
        at += len(line) + 1
    return _view(pieces, origins, " " if pieces and folded[-1].isspace() else "")


def _view_of_runs(folded: str) -> View:
    parts = _COLLAPSIBLE.split(folded)  # piece, run, piece, ..., run, piece
    bounds = list(accumulate(map(len, parts), initial=0))
    if parts[0][:1] == " ":  # a lone space opening the text goes too
        parts[0], bounds[0] = parts[0][1:], 1
    kept = [(piece, at) for piece, at in zip(parts[::2], bounds[::2], strict=True) if piece]  # first, last may be ""
    tail = " " if kept and not parts[-1] else ""  # a run closing the text
    return _view([piece for piece, _ in kept], array("i", (at for _, at in kept)), tail)


def _view(pieces: list[str], origins: array, tail: str) -> View:
    """The view of the text's ``pieces`` (white space within them lone spaces) starting at
    ``origins``, a space between each two and ``tail`` after the last."""
    starts = array("i", map(add, accumulate(map(len, pieces[:-1]), initial=0), count())) if pieces else array("i")
    return View(" ".join(pieces) + tail, starts, origins)


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
    i = hay.find(query) if query else -1
    return None if i < 0 else _passage(text, hay, i, i + len(query), 100.0)


def locate(
    needle: str, text: str, threshold: float = LOCATE_THRESHOLD, hay: View | None = None,
    within: Callable[[], list[tuple[int, int]] | None] | None = None,
) -> Passage | None:
    """The stretch of ``text`` that best matches ``needle``, widened to whole words. ``hay`` is
    ``make_view(text)`` when the caller keeps one; ``within``, asked only once the exact search
    has failed, gives the stretches of ``text`` the fuzzy search is limited to (None: all)."""
    hay = hay or view(text)
    exact = locate_exact(needle, text, hay)
    if exact is not None:
        return exact
    query = view(needle).text.strip()
    if not query:
        return None
    stretches = within() if within is not None else None
    best = None
    for lo, hi in [(0, len(hay.text))] if stretches is None else _view_ranges(hay, stretches, len(query)):
        if hi - lo < len(query):
            continue
        found = fuzz.partial_ratio_alignment(query, hay.text[lo:hi], score_cutoff=threshold)
        if found is not None and (best is None or found.score > best.score):
            best = _passage(text, hay, found.dest_start + lo, found.dest_end + lo, found.score)
    return best


def _view_ranges(hay: View, within: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """Stretches of ``text`` as ranges of the view, widened by ``margin``, overlaps merged."""
    return widened([(hay.at(s), hay.at(e)) for s, e in within], margin, len(hay.text))


def opening_word(word: str) -> str:
    """``word`` escaped, as a pattern matching it only where no word character comes before it:
    the check is a look-behind after the word, so that the regex engine skips through the text to
    the word's first letter (a look-behind first is tried at every offset: 32 against 13 ms over a
    2.3 MB article)."""
    return re.escape(word) + rf"(?<!\w[\s\S]{{{len(word)}}})"


def whole_words(words: Iterable[str]) -> str:
    """A pattern matching any of ``words`` (the longest first) as whole words."""
    return "(?:" + "|".join(map(opening_word, sorted(words, key=len, reverse=True))) + r")(?!\w)"


def whole_word_matches(words: Iterable[str], text: str) -> list[tuple[int, int]]:
    """The spans ``re.finditer(whole_words(words), text)`` gives (no word empty), the pattern tried
    only where one of the words is written: ``str.find`` skips the rest of a long article in C, where
    the regex's scan took 8.5 ms over a 2.27 MB one."""
    words = set(words)
    starts = sorted({at for word in words for at in occurrences(text, word)})
    return [m.span() for m in matches_from(re.compile(whole_words(words)), text, starts)]


def occurrences(text: str, word: str) -> Iterator[int]:
    """Every offset where ``word`` (not empty) is written in ``text``, in order, overlapping ones too."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def matches_from(pattern: re.Pattern, text: str, starts: Iterable[int]) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern that matches nothing empty and nowhere but at one of
    ``starts`` (ascending): it is tried at those only, each from the end of the last match on."""
    end = 0
    for at in starts:
        if at >= end and (m := pattern.match(text, at)):
            yield m
            end = m.end()


def widened(stretches: Sequence[tuple[int, int]], margin: int, length: int) -> list[tuple[int, int]]:
    """The stretches widened by ``margin`` on both sides within ``[0, length)``, overlaps merged."""
    ranges: list[tuple[int, int]] = []
    for s, e in sorted(stretches):
        lo, hi = max(0, s - margin), min(length, e + margin)
        if ranges and lo <= ranges[-1][1]:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        else:
            ranges.append((lo, hi))
    return ranges


def _passage(text: str, hay: View, i: int, j: int, score: float) -> Passage:
    start, end = hay.origin(i), hay.origin(max(i, j - 1)) + 1
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return Passage(start, end, score)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence (or list item / paragraph) spans of ``text``, without surrounding white space."""
    spans = []
    pos = 0
    cased = ascii_case(text)  # once, not for each full stop
    ends = []
    for m in _SENTENCE_END.finditer(text):
        k = m.lastindex
        end = m.start(k) if k else m.start()
        # only a full stop closes an abbreviation (one before a blank line too)
        if (k == 1 or (k is None and text[end - 1 : end] == ".")) and _abbreviated(cased, end):
            continue
        ends.append((end, m.end()))
    for end, after in ends + [(len(text), len(text))]:
        chunk = text[pos:end]
        body = chunk.strip()
        if body:
            start = pos + len(chunk) - len(chunk.lstrip())
            spans.append((start, start + len(body)))
        pos = after
    return spans


_LAST_WORD = re.compile(r"(?:^|(?<=[\s(\"']))([A-Za-z][A-Za-z.']{0,5})\.$")


def _abbreviated(cased: str, end: int) -> bool:
    """Whether the full stop before ``end`` closes an abbreviation that ends no sentence ("Dec.",
    "Lt.", "U.S.") or an initial ("John F. Kennedy"), also when written with lookalike letters
    ("ſept."): ``cased`` is the text through ``ascii_case``."""
    m = _LAST_WORD.search(cased[max(0, end - 8) : end])
    if m is None:
        return False
    word = m.group(1)
    return (len(word) == 1 and word.isupper()) or word.lower() in NON_FINAL_ABBREVIATIONS


class Spans(Sequence[tuple[int, int]]):
    """Sentence spans loaded from the store, kept as their flat bounds: a ``(start, end)`` is
    made only when one is read, where making every page's thousands of them was most of what
    loading its index cost a warm run."""

    __slots__ = ("bounds", "starts", "ends")

    def __init__(self, bounds: array) -> None:
        self.bounds = bounds  # start, end, start, end...
        self.starts = bounds[::2]  # sliced once: a sentence is looked up by its start many times a page
        self.ends = bounds[1::2]

    def __len__(self) -> int:
        return len(self.bounds) // 2

    @overload
    def __getitem__(self, i: int) -> tuple[int, int]: ...

    @overload
    def __getitem__(self, i: slice) -> list[tuple[int, int]]: ...

    def __getitem__(self, i: int | slice) -> tuple[int, int] | list[tuple[int, int]]:
        b = self.bounds
        if isinstance(i, slice):
            return [(b[2 * k], b[2 * k + 1]) for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        i %= n
        return b[2 * i], b[2 * i + 1]

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]


def last_starting(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """The position of the last of the (ordered) spans that starts at or before ``offset``, or -1."""
    if isinstance(spans, Spans):
        return bisect.bisect_right(spans.starts, offset) - 1
    return bisect.bisect_right(spans, (offset, math.inf)) - 1


def sentence_around(
    text: str, start: int, end: int, spans: Sequence[tuple[int, int]] | None = None
) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (or the span itself if it crosses sentences);
    ``spans`` is ``sentences(text)`` when the caller has it."""
    spans = sentences(text) if spans is None else spans
    i = last_starting(spans, start)
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return start, end


_PREFIX = re.compile(r"\b(?!\d+\b)(\w{1,5})")
_STOP_PREFIXES = frozenset(w[:5] for w in STOPWORDS)


def stems(text: str) -> frozenset[str]:
    """Content words cut to a five-letter stem, so "supplies" meets "supply"."""
    return folded_stems(fold(text))


def folded_stems(folded: str) -> frozenset[str]:
    """``stems`` of text already folded, in C: each word's first five letters (bare numbers
    skipped), less those of stop words."""
    return frozenset(_PREFIX.findall(folded)).difference(_STOP_PREFIXES)


def rarity(wanted: frozenset[str], holding: Callable[[str], int], count: int) -> Mapping[str, float]:
    """How much each query stem weighs on one page: the rarer among the page's ``count``
    sentences (``holding(stem)`` of them hold it), the more, as inverse document frequency
    relative to the query's other stems found there, so the weights average about one and a
    query whose words are all as common keeps the plain share. No word list from outside the
    page: "Hormuz" on an oil page outweighs "oil", whatever English at large says."""
    found = {w: math.log1p(count / n) for w in wanted if (n := holding(w)) > 0}
    if not found:
        return {}
    mean = math.fsum(found.values()) / len(found)
    return {w: min(RARITY_CEILING, max(RARITY_FLOOR, idf / mean)) for w, idf in found.items()}


def paragraph_numbers(text: str, spans: Sequence[tuple[int, int]]) -> list[int]:
    """The paragraph (counted by blank lines) each sentence span of ``text`` belongs to."""
    breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    return [bisect.bisect_right(breaks, s) for s, _ in spans]


def relevance(wanted: frozenset[str], own: frozenset[str], previous: frozenset[str],
              saturation: int = RELEVANCE_SATURATION, weights: Mapping[str, float] | None = None,
              paragraph: frozenset[str] = frozenset()) -> float:
    """How much a sentence (with the one before it as context) speaks of a query: the share of
    the query's stems it holds, each weighed by its ``rarity`` on the page, where ``saturation``
    shared stems is full relevance. A stem only the sentence before holds counts at
    ``CONTEXT_WEIGHT``: the sentence after a match never outranks it on the match's words. The
    stems of the rest of its ``paragraph`` count at ``PARAGRAPH_WEIGHT``, once the sentence or
    the one before holds one: the paragraph says what the sentence is about, but is no match."""
    weights = weights or {}
    held = wanted & own
    borrowed = (wanted & previous) - own
    if not held and not borrowed:
        return 0.0
    around = (wanted & paragraph) - own - previous

    def weight(words: frozenset[str]) -> float:
        return math.fsum(weights.get(w, 1.0) for w in words)

    total = weight(held) + CONTEXT_WEIGHT * weight(borrowed) + PARAGRAPH_WEIGHT * weight(around)
    return 100.0 * total / min(len(wanted), saturation)


def relevant_sentences(
    query: str, text: str, min_score: float = RELEVANT, saturation: int = RELEVANCE_SATURATION
) -> list[tuple[int, int, float]]:
    """Sentences of ``text`` that speak of ``query``, best first. A sentence's context includes
    the one before it (a figure's subject is often named a sentence earlier: "The Strait of Hormuz
    ... In 2018, its flow averaged ...") and, less, its paragraph. A sentence sharing one word with
    a long query scores low, which a symmetric ratio would not; and a long editor's note does not
    dilute the query."""
    wanted = stems(query)
    if not wanted:
        return []
    spans = sentences(text)
    own = [stems(text[s:e]) & wanted for s, e in spans]
    holding = Counter(w for words in own for w in words)
    weights = rarity(wanted, holding.__getitem__, len(spans))
    numbers = paragraph_numbers(text, spans)
    paragraphs: dict[int, frozenset[str]] = {}
    for number, words in zip(numbers, own, strict=True):
        paragraphs[number] = paragraphs.get(number, frozenset()) | words
    scored = []
    for i, (s, e) in enumerate(spans):
        score = relevance(wanted, own[i], own[i - 1] if i else frozenset(), saturation, weights,
                          paragraphs[numbers[i]])
        if score >= min_score:
            scored.append((s, e, score))
    scored.sort(key=lambda t: (-t[2], t[0]))
    return scored


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH,
            spans: Sequence[tuple[int, int]] | None = None) -> str:
    """The source's words around a passage, trimmed for a report."""
    s, e = sentence_around(text, start, end, spans)
    if e - s > width:
        s, e = max(s, start - width // 2), min(e, end + width // 2)
    snippet = _SPACES.sub(" ", text[s:e]).strip()
    return ("…" if s > 0 and not text[s - 1].isspace() else "") + snippet
