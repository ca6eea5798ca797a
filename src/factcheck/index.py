"""A text read once: its sentences, their content words, the dates, figures and names in it.

Every claim that cites a page asks the same questions of it; answering them from an index built
once per page (and once for the article) keeps the cost per claim flat as pages and claims grow.
Candidate sentences come from an inverted index of content-word stems, so a claim is compared
only with the sentences that share its words.
"""

from __future__ import annotations

import hashlib
import math
import re
import sys
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property, lru_cache
from itertools import accumulate, chain
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from . import dates, locate, names, normalize, numbers
from .fetch.cache import ConfinedDir
from .locate import (
    Spans,
    View,
    folded_stems,
    make_view,
    paragraph_numbers,
    rarity,
    relevant_sentences,
    sentences,
    stems,
)
from .names import NameMatch, NameOccurrence
from .normalize import fold
from .settings import (
    CLAIM_CACHE,
    CONTEXT_WEIGHT,
    NEAR,
    NEAR_LIMIT,
    NEAR_SATURATION,
    PARAGRAPH_WEIGHT,
    RELEVANCE_SATURATION,
    RELEVANT,
)

_WORD = re.compile(r"(?<![\w'-])[^\W\d_][\w'-]*")
_HYPHEN_CHARS = "-\u2010\u2011"
_HYPHENS = re.compile(f"[{_HYPHEN_CHARS}]")
# Where a capitalised word can start: A-Z or a letter past Latin-1's marks (no upper-case letter
# lies between), the lookbehind after it, so that the regex engine skips to such letters in C.
# Written as what it is not: the class up to U+10FFFF took 12 ms of every start-up to compile.
_CAPITAL = "^\x00-@\\[-\xbf"
_OPENS_CAPITAL = re.compile(rf"[{_CAPITAL}](?<![\w'-].)[\w'-]*")
_CAPITAL_PART = re.compile(rf"-[{_CAPITAL}]")  # "al-Assad": a capitalised part after a hyphen
_IN_WORD = re.compile(r"[\w'-]")  # a character before which no name starts
T = TypeVar("T")


@lru_cache(maxsize=4)
def whole_folded(text: str) -> str:
    """``fold(text)`` of a whole text (an article, a page), folded once for its index, its view and
    a drafter's pieces: fold is one character for one, so a piece is folded by slicing."""
    return fold(text)


@lru_cache(maxsize=4)
def whole_view(text: str) -> View:
    """``make_view(text)`` of a whole text, made once for its index and a drafter's searches."""
    return make_view(text, whole_folded(text))

# Queries whose scored candidates a page keeps: one claim asks a page a handful (its words, its
# topic with and without the article's sentence, at two thresholds), and claims are judged page by page.
SCORED_QUERIES = 16


@dataclass(frozen=True)
class Postings:
    """Content-word stem → the ids of the sentences holding it, in three flat arrays-like parts
    that load from the cache without a Python loop per stem or per sentence."""

    keys: dict[str, int]  # stem → its row
    offsets: array  # row k's ids are ids[offsets[k]:offsets[k + 1]]
    ids: array

    @classmethod
    def of(cls, stems: Sequence[frozenset[str]]) -> Postings:
        rows: dict[str, list[int]] = defaultdict(list)
        for i, words in enumerate(stems):
            for word in words:
                rows[word].append(i)
        offsets = array("i", accumulate((len(r) for r in rows.values()), initial=0))
        keys = dict(zip(rows, range(len(rows)), strict=True))
        return cls(keys, offsets, array("i", chain.from_iterable(rows.values())))

    def get(self, stem: str) -> Sequence[int]:
        k = self.keys.get(stem)
        return () if k is None else self.ids[self.offsets[k] : self.offsets[k + 1]]


@dataclass(frozen=True)
class Scored:
    """A query's candidate sentences scoring ``floor`` or more, as ``(start, end, score)``, best first."""

    floor: float
    sentences: list[tuple[int, int, float]]
    limit: int | None = None  # only the first ``limit`` of them were kept


@dataclass(frozen=True)
class Derived:
    """What building a ``TextIndex`` reads off its text with a Python loop per sentence or match
    (sentence spans, stem postings, the view's stretches), kept beside the text cache so that a
    warm run does not redo it; a sentence's own stems are then derived only when it is a candidate."""

    spans: Sequence[tuple[int, int]]
    postings: Postings
    view: View | None = None
    paragraphs: Sequence[int] | None = None  # each sentence's paragraph (``locate.paragraph_numbers``)
    capitalised: tuple[str, ...] | None = None  # ``TextIndex.capitalised`` once a name claim asked for it


class TextIndex:
    def __init__(self, text: str, derived: Derived | None = None,
                 seen: dict[str, frozenset[str]] | None = None, values: dict[tuple, list] | None = None) -> None:
        """``seen``: the stems of sentences already read (folded sentence → its stems), which
        it adds to: a page's article body is nearly all sentences of its whole text. ``values``:
        the dates or figures of sentences already parsed (``values_between``), shared the same way."""
        self.text = text
        self._seen = {} if seen is None else seen
        self._values = {} if values is None else values
        self.spans: Sequence[tuple[int, int]]
        if derived is None:
            self.spans = sentences(text)
        else:
            self.spans = derived.spans
            self.__dict__["postings"] = derived.postings  # the cached_property, already known
            if derived.view is not None:
                self.__dict__["view"] = derived.view  # the cached_property, already known
            if derived.capitalised is not None:
                self.__dict__["capitalised"] = derived.capitalised
        known = derived.paragraphs if derived is not None else None
        self.paragraphs = known if known is not None else paragraph_numbers(text, self.spans)
        self._dates: dict[date | None, list] = {}
        self._between: dict[tuple[str, date | None], dict[tuple[int, int], list]] = {}
        self._keys: dict[str, dict[str, list[str]]] = {}
        self._scored: dict[tuple[frozenset[str], int], Scored] = {}
        self._kept: dict[Hashable, Any] = {}
        self._bits: dict[str, tuple[int, int]] = {}  # ``_stem_bits``
        self._grouped: dict[frozenset[str], tuple[dict[str, int], list[tuple[int, int, int, int]]]] = {}
        self._paragraph_bits: dict[int, int] = {}  # a paragraph → its sentences' bits

    @cached_property
    def postings(self) -> Postings:
        """Each stem's sentences, read the first time a claim's words are looked for by their stems:
        a drafter's read-back finds its own wordings as they are, and never asks."""
        return Postings.of(_sentence_stems(whole_folded(self.text), self.spans, self._seen))

    def kept(self, make: Callable[[str], T]) -> T:
        """``make(text)``, worked out the first time a claim asks and kept for every other claim
        that reads this text (a judge's own reading of a whole page: its words split for quotes)."""
        if make not in self._kept:
            self._kept[make] = make(self.text)
        return self._kept[make]

    def relevant(self, query: str, min_score: float = RELEVANT, saturation: int = RELEVANCE_SATURATION,
                 limit: int | None = None) -> list[tuple[int, int, float]]:
        """Exactly ``locate.relevant_sentences(query, text, ...)`` (its first ``limit``, when given),
        looking only at the sentences that hold a query word (or follow one: a sentence's context
        includes the one before; its paragraph counts only once one of those does). What a query
        scored is kept for the same claim's next questions (another of its judges, a threshold as
        high or higher, as few sentences or fewer)."""
        wanted = _query_stems(query)
        if not wanted:
            return []
        key = (wanted, saturation)
        kept = self._scored.pop(key, None)  # popped and put back: the dict's order is the recency
        if kept is None or kept.floor > min_score or (kept.limit is not None and (limit is None or limit > kept.limit)):
            # float: its __le__ below
            kept = Scored(min_score, self._score(wanted, saturation, float(min_score), limit), limit)
            if len(self._scored) >= SCORED_QUERIES:
                del self._scored[next(iter(self._scored))]
        self._scored[key] = kept
        # best first: those of a higher threshold are a prefix (of a limited list too: the best
        # ``limit`` at or above the kept floor, cut at a higher one, are the best at or above it)
        found = kept.sentences[: bisect_right(kept.sentences, -min_score, key=lambda t: -t[2])]
        return found if limit is None else found[:limit]

    def _score(self, wanted: frozenset[str], saturation: int, floor: float,
               limit: int | None = None) -> list[tuple[int, int, float]]:
        """The candidate sentences of the query scoring ``floor`` or more, best first (the first
        ``limit`` of them, when given), then in text order. Only the query's stems matter to a
        score, so a sentence is read as the set of them it holds, its context (the sentence
        before) holds and its paragraph holds, a bit each. The sentences are sets of bits too (an
        int, bit i for sentence i, kept per stem: ``_stem_bits``): the candidates (those holding a
        stem, or after one) are split by each stem three ways into the groups that share a pattern,
        a few big-int operations per stem and group however many sentences hold the stem, and
        each group is scored once; only the sentences returned are read off their bits."""
        bits, groups = self._groups(wanted)
        if not groups:
            return []
        weights = rarity(wanted, lambda w: len(self.postings.get(w)), len(self.spans))
        weighed: dict[int, float] = {}  # a set of stems (a mask) → its weight; the same few recur

        def weigh(mask: int) -> float:
            if mask not in weighed:
                weighed[mask] = math.fsum(weights.get(w, 1.0) for w, bit in bits.items() if mask & bit)
            return weighed[mask]

        share = min(len(wanted), saturation)
        by_score: dict[float, int] = {}  # groups of one score are one set: ties go in text order
        for own, before, paragraph, where in groups:
            value = _masked_relevance(weigh, share, own, before, paragraph)
            if value >= floor:
                by_score[value] = by_score.get(value, 0) | where
        need = len(self.spans) if limit is None else limit
        starts, ends = self.sentence_starts, self.sentence_ends
        out: list[tuple[int, int, float]] = []
        for value in sorted(by_score, reverse=True):
            out += [(starts[i], ends[i], value) for i in _lowest_bits(by_score[value], need - len(out))]
            if len(out) >= need:
                break
        return out

    def _groups(self, wanted: frozenset[str]) -> tuple[dict[str, int], list[tuple[int, int, int, int]]]:
        """The query's stems by their bits, and its candidates grouped by pattern (``_score``),
        kept for the same claim's next questions: one of the same stems (at another saturation),
        or of some of them (the claim's words without the article's sentence's), whose groups are
        those of the kept ones with the other stems' bits cleared, merged where they then agree."""
        kept = self._grouped.pop(wanted, None)
        if kept is None:
            wider = next((u for u in reversed(self._grouped) if u > wanted), None)
            if wider is not None:
                bits_of, groups = self._grouped[wider]
                bits = {w: bits_of[w] for w in wanted}
                mask = sum(bits.values())
                merged: dict[tuple[int, int, int], int] = {}
                for own, before, paragraph, where in groups:
                    if own & mask or before & mask:  # else no candidate of these stems
                        key = (own & mask, before & mask, paragraph & mask)
                        merged[key] = merged.get(key, 0) | where
                kept = bits, [(*key, where) for key, where in merged.items()]
            else:
                kept = self._grouped_anew(wanted)
            if len(self._grouped) >= SCORED_QUERIES:
                del self._grouped[next(iter(self._grouped))]
        self._grouped[wanted] = kept  # popped and put back: the dict's order is the recency
        return kept

    def _grouped_anew(self, wanted: frozenset[str]) -> tuple[dict[str, int], list[tuple[int, int, int, int]]]:
        bits = {w: 1 << k for k, w in enumerate(wanted)}
        sets = [(bit, *self._stem_bits(w)) for w, bit in bits.items()]
        held = 0
        for _, own, _ in sets:
            held |= own
        universe = (held | (held << 1)) & ((1 << len(self.spans)) - 1)  # a sentence's context is the one before
        if not universe:
            return bits, []
        groups = [(0, 0, 0, universe)]  # (own, before, paragraph) stems → its sentences
        for bit, own, around in sets:
            if own:
                groups = _split(groups, own, bit, 0)
                groups = _split(groups, own << 1, bit, 1)
                groups = _split(groups, around, bit, 2)
        return bits, groups

    def _stem_bits(self, stem: str) -> tuple[int, int]:
        """The sentences that hold ``stem``, and those whose paragraph holds it, as bits (bit i
        for sentence i), worked out once per page: claims citing it ask of the same words."""
        found = self._bits.get(stem)
        if found is None:
            ids = self.postings.get(stem)
            paragraphs = self.paragraphs
            own = sum(map((1).__lshift__, ids))  # distinct powers of two: their sum is their union
            around = 0
            if self._paragraphs_in_order:  # a paragraph's sentences are a run: bisect gives its bits
                runs = self._paragraph_bits
                for q in set(map(paragraphs.__getitem__, ids)):
                    run = runs.get(q)
                    if run is None:
                        runs[q] = run = (1 << bisect_right(paragraphs, q)) - (1 << bisect_left(paragraphs, q))
                    around |= run
            else:
                where = set(map(paragraphs.__getitem__, ids))
                around = sum(1 << i for i, q in enumerate(paragraphs) if q in where)
            self._bits[stem] = found = (own, around)
        return found

    @cached_property
    def _paragraphs_in_order(self) -> bool:
        return list(self.paragraphs) == sorted(self.paragraphs)

    def holding(self, stems: Iterable[str]) -> set[int]:
        """The sentences (by their index in ``spans``) that hold one of these stems."""
        found: set[int] = set()
        for stem in stems:
            found.update(self.postings.get(stem))
        return found

    def dates(self, published: date | None) -> list[tuple[int, int, dates.DateSpan]]:
        if published not in self._dates:
            self._dates[published] = [
                (m.start, m.end, m.span) for m in dates.find_dates(self.text, published) if m.span is not None
            ]
        return self._dates[published]

    @cached_property
    def numbers(self) -> list[tuple[int, int, numbers.Quantity]]:
        return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(self.text)]

    def values_between(self, kind: str, published: date | None = None) -> Callable[[int, int], list]:
        """The dates (``kind`` "date", year-less and relative ones resolved against ``published``;
        ``None`` for those it cannot resolve) or the figures ("number") in ``text[s:e]``, read
        from that sentence alone the first time it is asked for: a page's other sentences, which
        no claim is about, are never parsed."""
        cache = self._between.setdefault((kind, published), {})
        parsed = self._values

        def between(s: int, e: int) -> list:
            if (s, e) not in cache:
                sentence = self.text[s:e]
                found = parsed.get((kind, published, sentence))
                if found is None:
                    parsed[kind, published, sentence] = found = _values(kind, sentence, published)
                cache[s, e] = [(a + s, b + s, v) for a, b, v in found]
            return cache[s, e]

        return between

    @cached_property
    def names(self) -> list[NameOccurrence]:
        return names.extract_names(self.text)

    @cached_property
    def view(self) -> View:
        return whole_view(self.text)  # the drafter's searches share it

    def derived(self) -> Derived:
        """What ``Derived`` would give this index back: its spans, and its view and capitalised
        words if built."""
        return Derived(self.spans, self.postings, self.__dict__.get("view"), self.paragraphs,
                       self.__dict__.get("capitalised"))

    @cached_property
    def capitalised(self) -> tuple[str, ...]:
        """The distinct words of the text with a capitalised part ("al-Assad", "Jong-un"), in
        the order first met."""
        return tuple(word for word in _capitalised_candidates(self.text) if not word.islower()
                     and any(p[:1].isupper() for p in _HYPHENS.split(word)))

    @cached_property
    def _capitalised(self) -> dict[str, list[str]]:
        """The capitalised words by the folded first letter of their last part (the part a
        surname key starts with)."""
        by_letter: dict[str, list[str]] = defaultdict(list)
        letters: dict[str, str] = {}  # a last part's first character → folded: a few dozen recur
        for word in self.capitalised:
            # the last non-empty part: a word opens on a letter, so with trailing hyphens cut it is the last
            last = _HYPHENS.split(word.rstrip(_HYPHEN_CHARS))[-1] if _HYPHENS.search(word) else word
            first = last.lstrip("'")[:1]
            letter = letters.get(first)
            if letter is None:
                letters[first] = letter = fold(first)
            by_letter[letter].append(word)
        return by_letter

    def vocabulary(self, letter: str) -> dict[str, list[str]]:
        """The capitalised words starting with ``letter``, folded as names compare (so
        "Lavrentiev's" is "lavrentiev") → their spellings in the text. A near miss of a name
        never changes its first letter, so a surname is compared only with these."""
        if letter not in self._keys:
            found: dict[str, list[str]] = defaultdict(list)
            for word in self._capitalised.get(letter, ()):
                key = names.fold_name(word)
                if key:
                    found[key.split()[-1]].append(word)
            self._keys[letter] = dict(found)
        return self._keys[letter]

    def mentions_of(self, expect: str, aliases: Sequence[str] = ()) -> list[NameMatch]:
        """``names.find_name_mentions`` on the sentences (each with the one before) that hold a
        spelling of the person's surname, or a near miss of it, instead of on the whole page."""
        spellings: set[str] = set()
        for form in (expect, *aliases):
            folded = names.fold_name(form).split()
            if folded:
                vocabulary = self.vocabulary(folded[-1][0])
                for key, _, _ in names.close_keys(folded[-1], list(vocabulary), bound=3):
                    if names.token_relation(key, folded[-1]):
                        spellings.update(vocabulary[key])
        if not spellings:
            return []
        # No lookbehind in the pattern, so that the regex engine skips to the spellings' first letters;
        # a match inside a word is dropped after. None can hide one at a word's start: a spelling
        # is made of word characters, so no word starts inside, or right after, a match.
        where = re.compile("|".join(map(re.escape, sorted(spellings, key=len, reverse=True))))
        text = self.text
        starts = {m.start() for m in where.finditer(text)}
        found: dict[tuple[int, int], names.NameMatch] = {}
        for lo, hi in sorted({self._sentence_of(i) for i in starts if not (i and _IN_WORD.match(text, i - 1))}):
            for m in names.find_name_mentions(self.text[lo:hi], expect, aliases):
                found.setdefault((m.start + lo, m.end + lo), replace(m, start=m.start + lo, end=m.end + lo))
        return [found[k] for k in sorted(found)]

    def _sentence_of(self, offset: int) -> tuple[int, int]:
        i = max(0, bisect_right(self.sentence_starts, offset) - 1)
        return self.spans[max(0, i - 1)][0], self.spans[i][1]

    @cached_property
    def sentence_starts(self) -> Sequence[int]:
        spans = self.spans
        return spans.starts if isinstance(spans, Spans) else list(map(itemgetter(0), spans))

    @cached_property
    def sentence_ends(self) -> Sequence[int]:
        spans = self.spans
        return spans.ends if isinstance(spans, Spans) else list(map(itemgetter(1), spans))

    def near(self, query: str, limit: int = NEAR_LIMIT) -> list[tuple[int, int]]:
        """The stretches worth a fuzzy comparison with ``query``: its most relevant sentences."""
        return [(s, e) for s, e, _ in self.relevant(query, NEAR, saturation=NEAR_SATURATION, limit=limit)]


# a claim's queries (its words, its topic with and without the article's sentence) are asked of
# each page it cites, and some of them by more than one of its judges
_query_stems = lru_cache(maxsize=CLAIM_CACHE)(stems)


def _sentence_stems(folded: str, spans: Sequence[tuple[int, int]],
                    seen: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """Each sentence's stems, those of a sentence met before (in ``seen``) looked up, not read."""
    found = []
    for s, e in spans:
        sentence = folded[s:e]
        stems_of = seen.get(sentence)
        if stems_of is None:
            seen[sentence] = stems_of = folded_stems(sentence)
        found.append(stems_of)
    return found


def _split(groups: list[tuple[int, int, int, int]], holding: int, bit: int,
           part: int) -> list[tuple[int, int, int, int]]:
    """Each group's sentences split into those in ``holding`` (``bit`` added to the ``part`` of
    their pattern: 0 own, 1 before, 2 paragraph) and the rest; no group left empty."""
    out: list[tuple[int, int, int, int]] = []
    for own, before, paragraph, where in groups:
        inside = where & holding
        if inside:
            out.append((own | bit, before, paragraph, inside) if part == 0 else
                       (own, before | bit, paragraph, inside) if part == 1 else (own, before, paragraph | bit, inside))
            if inside != where:
                out.append((own, before, paragraph, where ^ inside))
        else:
            out.append((own, before, paragraph, where))
    return out


def _lowest_bits(where: int, count: int) -> list[int]:
    """The positions of the lowest ``count`` set bits of ``where``, lowest first."""
    out: list[int] = []
    while where and len(out) < count:
        low = where & -where
        out.append(low.bit_length() - 1)
        where ^= low
    return out


def _masked_relevance(weigh: Callable[[int], float], share: int, own: int, before: int, paragraph: int) -> float:
    """``locate.relevance`` of a sentence given as bit masks over the query's stems, float for
    float: ``weigh`` is the same ``math.fsum`` of the stems' rarities (exact whatever the order),
    in the same formula, without a set built per sentence pattern."""
    borrowed = before & ~own
    if not own and not borrowed:
        return 0.0
    total = weigh(own) + CONTEXT_WEIGHT * weigh(borrowed) + PARAGRAPH_WEIGHT * weigh(paragraph & ~own & ~before)
    return 100.0 * total / share


def _capitalised_candidates(text: str) -> list[str]:
    """The distinct ``_WORD`` matches of ``text`` that open on an upper-case letter or hold a
    hyphen before a letter that may be one: every word with a capitalised part is one of them."""
    found = dict.fromkeys(w for w in dict.fromkeys(_OPENS_CAPITAL.findall(text)) if w[0].isupper())
    for m in _CAPITAL_PART.finditer(text):
        start = m.start()
        while start and _IN_WORD.match(text, start - 1):
            start -= 1
        if word := _WORD.match(text, start):  # None when the run opens on a digit or a mark
            found[word.group()] = None
    return list(found)


class FullScan:
    """The same questions answered by reading the whole text every time: the benchmark's
    naive baseline, and the reference the index must agree with."""

    def __init__(self, text: str) -> None:
        self.text = text

    @property
    def spans(self) -> list[tuple[int, int]]:
        return sentences(self.text)

    def kept(self, make: Callable[[str], T]) -> T:
        return make(self.text)

    def relevant(self, query: str, min_score: float = RELEVANT, saturation: int = RELEVANCE_SATURATION,
                 limit: int | None = None) -> list[tuple[int, int, float]]:
        found = relevant_sentences(query, self.text, min_score, saturation)
        return found if limit is None else found[:limit]

    def dates(self, published: date | None) -> list[tuple[int, int, dates.DateSpan]]:
        return [(m.start, m.end, m.span) for m in dates.find_dates(self.text, published) if m.span is not None]

    @property
    def numbers(self) -> list[tuple[int, int, numbers.Quantity]]:
        return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(self.text)]

    def values_between(self, kind: str, published: date | None = None) -> Callable[[int, int], list]:
        found = _values(kind, self.text, published)
        return lambda s, e: within(found, s, e)

    @property
    def names(self) -> list[NameOccurrence]:
        return names.extract_names(self.text)

    @property
    def view(self) -> View:
        return make_view(self.text)

    def mentions_of(self, expect: str, aliases: Sequence[str] = ()) -> list[NameMatch]:
        return names.find_name_mentions(self.text, expect, aliases)

    def near(self, query: str, limit: int = NEAR_LIMIT) -> None:
        return None  # everywhere


def _values(kind: str, text: str, published: date | None = None) -> list:
    if kind == "date":
        return [(m.start, m.end, m.span) for m in dates.find_dates(text, published)]
    return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(text)]


def within(found: list, start: int, end: int) -> list:
    """The values (sorted, non-overlapping ``(start, end, value)``) that overlap ``[start, end)``."""
    i = bisect_left(found, start + 1, key=lambda f: f[1])
    out = []
    while i < len(found) and found[i][0] < end:
        out.append(found[i])
        i += 1
    return out


class Lenses:
    """The texts of one run, each indexed once on first use and shared by every claim that reads
    it until ``forget``; the run owns them and drops them with itself. With ``naive``, every read
    is a full scan."""

    def __init__(self, naive: bool = False, store: DerivedStore | None = None) -> None:
        self.naive = naive
        self.store = store
        self._indexes: dict[str, TextIndex] = {}
        self._loaded: dict[str, Derived] = {}  # what the store gave each index
        self._values: dict[tuple, list] = {}  # ``TextIndex`` values: a page's body and whole text share sentences
        self.reused = 0  # indexes read from the store instead of built

    def __call__(self, text: str) -> TextIndex | FullScan:
        if self.naive:
            return FullScan(text)
        if text not in self._indexes:
            derived = self.store.get(text) if self.store is not None else None
            if derived is not None:
                self._loaded[text] = derived
                self.reused += 1
            self._indexes[text] = TextIndex(text, derived, values=self._values)
        return self._indexes[text]

    def __len__(self) -> int:
        """How many texts are indexed now."""
        return len(self._indexes)

    def forget(self, *texts: str, keep: str | None = None) -> None:
        """Drop the indexes of ``texts`` (all their claims are judged), but that of ``keep``, and
        the sentences' values they shared."""
        self._values.clear()
        for text in texts:
            if text != keep:
                index = self._indexes.pop(text, None)
                loaded = self._loaded.pop(text, None)
                if index is not None and self.store is not None and (
                        loaded is None or (loaded.view is None and "view" in index.__dict__)
                        or (loaded.capitalised is None and "capitalised" in index.__dict__)):
                    self.store.put(text, index.derived())


class DerivedStore:
    """``Derived`` by the hash of the text (and of the code that derives it) beside the text cache,
    under ``<root>/index-v2/``, confined as ``fetch.cache.TextStore`` is (no symlink followed); a
    damaged or stale entry is a miss. An entry is binary: a header line, the byte length of each
    part, then the parts, the integer arrays as their machine bytes and the words and the view's
    text as UTF-8, so that loading one is a read and a few slices (the JSON and base64 of
    ``index-v1`` cost a warm 1,000 x 200 run 0.3 s of CPU time to decode)."""

    LAYOUT = "index-v2"
    MAGIC = b"factcheck-index 2\n"
    # the parts, in order; a part's length is -1 when it is absent (no view, no capitalised words)
    PARTS = ("spans", "offsets", "ids", "paragraphs", "view_starts", "view_origins", "stems", "capitalised",
             "view_text")
    _ARRAYS = 6  # the first six parts are arrays of "i"

    def __init__(self, root: Path, confine: Path | None = None) -> None:
        self.dir = ConfinedDir(Path(root), confine)

    def get(self, text: str) -> Derived | None:
        raw = self.dir.read(self.LAYOUT, *_bucketed(_derived_key(text)))
        if raw is None or not raw.startswith(self.MAGIC):
            return None
        head = len(self.MAGIC) + 8 * len(self.PARTS)
        if len(raw) < head:
            return None
        lengths = array("q")
        lengths.frombytes(raw[len(self.MAGIC) : head])
        if any(n < -1 for n in lengths) or head + sum(max(0, n) for n in lengths) != len(raw):
            return None
        parts: list[memoryview | None] = []
        data, at = memoryview(raw), head
        for n in lengths:
            parts.append(None if n < 0 else data[at : at + n])
            at += max(0, n)
        try:
            arrays = [None if part is None else _array(part) for part in parts[: self._ARRAYS]]
            stems_part, capitalised_part, view_part = (None if part is None else str(part, "utf-8", "surrogatepass")
                                                      for part in parts[self._ARRAYS :])
        except ValueError:  # not whole ints, not UTF-8
            return None
        bounds, offsets, ids, paragraphs, view_starts, view_origins = arrays
        if bounds is None or offsets is None or ids is None or paragraphs is None or stems_part is None:
            return None
        if len(bounds) % 2 or not (view_starts is None) == (view_origins is None) == (view_part is None):
            return None
        spans = Spans(bounds)
        words = stems_part.split(" ") if stems_part else []
        postings = Postings(dict(zip(words, range(len(words)), strict=True)), offsets, ids)
        view = None
        if view_starts is not None and view_origins is not None and view_part is not None:
            view = View(view_part, view_starts, view_origins)
        capitalised = None if capitalised_part is None else (
            tuple(capitalised_part.split(" ")) if capitalised_part else ())
        if (any(e > len(text) for _, e in spans[-1:]) or len(postings.offsets) != len(words) + 1
                or len(paragraphs) != len(spans) or (view is not None and len(view.starts) != len(view.origins))):
            return None
        return Derived(spans, postings, view, paragraphs, capitalised)

    def put(self, text: str, derived: Derived) -> None:
        postings, view = derived.postings, derived.view
        paragraphs = derived.paragraphs if derived.paragraphs is not None else paragraph_numbers(text, derived.spans)
        parts: list[bytes | None] = [
            array("i", chain.from_iterable(derived.spans)).tobytes(), array("i", postings.offsets).tobytes(),
            array("i", postings.ids).tobytes(), array("i", paragraphs).tobytes(),
            None if view is None else array("i", view.starts).tobytes(),
            None if view is None else array("i", view.origins).tobytes(),
            " ".join(postings.keys).encode("utf-8", "surrogatepass"),
            None if derived.capitalised is None else " ".join(derived.capitalised).encode("utf-8", "surrogatepass"),
            None if view is None else view.text.encode("utf-8", "surrogatepass"),
        ]  # words: no white space in a stem or a capitalised word
        lengths = array("q", (-1 if part is None else len(part) for part in parts))
        self.dir.write(self.LAYOUT, *_bucketed(_derived_key(text)),
                       data=b"".join([self.MAGIC, lengths.tobytes(), *(part for part in parts if part is not None)]))


def _array(part: memoryview) -> array:
    values = array("i")
    values.frombytes(part)  # ValueError when not whole ints
    return values


def _bucketed(key: str) -> tuple[str, str]:
    return key[:2], key


def _derived_key(text: str) -> str:
    return hashlib.sha256(f"index|{_index_version()}|".encode() + text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=1)
def _index_version() -> str:
    """The code that derives ``Derived``: change it and every cached one is stale."""
    code = b"".join(Path(m.__file__ or "").read_bytes() for m in (normalize, locate, sys.modules[__name__]))
    return hashlib.sha256(code).hexdigest()[:16]
