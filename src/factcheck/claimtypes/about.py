"""Which sentences of a source speak of a claim: what dates, figures and statements share.

A sentence is about a claim when it shares enough of the claim's content words (``relevant``)
and names one of the proper nouns the claim names (or the sentence before it does), so that the
same figure for another place or body is not taken for this one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial
from typing import Any, cast

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ..article import Article
from ..index import TextIndex, whole_folded, within
from ..lexicon import DAYS, MONTHS, STOPWORDS, TITLES
from ..locate import (
    Passage,
    folded_stems,
    last_starting,
    locate,
    locate_exact,
    matches_from,
    occurrences,
    opening_word,
    sentence_around,
    stems,
    whole_words,
)
from ..model import Claim, Status
from ..normalize import fold
from ..settings import (
    CLAIM_CACHE,
    LOCATE_THRESHOLD,
    NEAR,
    NEAR_LIMIT,
    NEAR_SATURATION,
    RELEVANT,
    STRONGLY_RELEVANT,
    TIED_PLACES,
)
from .base import Judgement, Lens, Neighbour, Page, Place, Reading, Setting

NAME_RUN = re.compile(  # "Strait of Hormuz", "Viktor Ozerov", "EIA", "Gadrer"
    r"(?<![\w'-])[A-Z][\w-]*(?:'s)?(?:(?:\s+(?:of|the|de|al|bin|von|van))?\s+[A-Z][\w-]*(?:'s)?)*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
NOT_NAMES = STOPWORDS | TITLES | MONTHS | DAYS


def find(needle: str, text: str, view: Lens, threshold: float = LOCATE_THRESHOLD) -> Passage | None:
    """``locate`` over the whole text, or, through an index, the fuzzy part only over the
    sentences that share the needle's words (looked up only when the exact search fails)."""
    return locate(needle, text, threshold, hay=view.view, within=lambda: view.near(needle))


NOT_IN_ARTICLE = Reading((), False, "", "the claim's wording is not in the article")


def read_value(claim: Claim, article: Article, view: Lens, read: Callable[[str], list], what: str,
               prefer: Sequence[Callable[[Any], bool]], agrees: Callable[[Any], bool],
               describe: Callable[[Any], str]) -> Reading:
    """The date or figure the claim's passage states (the first the earliest of ``prefer``
    accepts: "Port number 3 had 103 ships" with expect "103 ships" is about 103), and whether it
    agrees with ``expect`` (always, without one: then the sources decide). ``read`` finds the
    values in a text; it is given the passage's own sentences only, so the rest of a long article
    is never parsed for one claim."""
    own = read(claim.text)  # the values the claim's wording states: the first is the claim's
    at = partial(_read_at, claim, article, view, read, what, prefer, agrees, describe, own)
    passage = locate_exact(claim.text, article.text, view.view)
    if passage is None:
        places = nearest(claim.text, article.text, value_places(claim.text, article.text, read), read)
        if len(places) > 1:
            return replace(NOT_IN_ARTICLE, detail=f"the claim's words around its {what} are at {len(places)} places "
                                                  "in the article, their values equally near the claim's (a table, a "
                                                  "reference list, a repeated line); quote more of its words",
                           tied=tied_places(article.text, places, at))
        # nothing but the value: a fuzzy match of it is any other value; but figures written around it
        # ("2.754 500 │ 2020-08-01", a table row) place it as words do
        if not places and _only_value(claim.text, own):
            places = nearest(claim.text, article.text, values_alike(claim.text, article.text, view.spans, read))
            if len(places) > 1:
                return replace(NOT_IN_ARTICLE, detail=f"the claim's wording is its {what} alone, and {len(places)} "
                                                      "of the article's are as near it; quote the words around it",
                               tied=tied_places(article.text, places, at))
        passage = places[0] if places else find(claim.text, article.text, view)
    if passage is None:
        return NOT_IN_ARTICLE
    return at(passage)


def tied_places(text: str, places: list[Passage], at: Callable[[Passage], Reading]) -> tuple[Place, ...]:
    """The places that fit a claim's words equally, each read as the claim's (none past
    ``TIED_PLACES``: a claim that fits more says too little to be placed by any source)."""
    if len(places) > TIED_PLACES:
        return ()
    return tuple(Place(text[p.start : p.end], reading) for p in places if (reading := at(p)).value is not None)


def _read_at(claim: Claim, article: Article, view: Lens, read: Callable[[str], list], what: str,
             prefer: Sequence[Callable[[Any], bool]], agrees: Callable[[Any], bool],
             describe: Callable[[Any], str], own: list, passage: Passage) -> Reading:
    """``read_value`` once the claim's passage is placed."""
    start, end = passage.start, passage.end
    s, e = sentence_around(article.text, start, end, view.spans)
    w_start, w_end = _sentences_over(view.spans, min(s, start), max(e, end))
    found = [(a + w_start, b + w_start, v) for a, b, v in read(article.text[w_start:w_end])]
    inside = within(found, start, end)
    if not prefer:  # without expect the claim's value is its wording's own, never the sentence's other
        inside = _the_claims(inside, article.text, passage, claim.text, own) or ([] if own else within(found, s, e))
    else:
        inside = inside or within(found, s, e)
    for wanted in prefer:
        if chosen := [f for f in inside if wanted(f[2])]:
            inside = chosen
            break
    if not inside:
        mention = article.mention(start, end)
        return Reading((mention,), False, "", f"no {what} in the passage '{mention.text}'")
    f_start, f_end, value = inside[0]
    mention = article.mention(f_start, f_end, describe(value))
    sentence = _sentences_over(view.spans, f_start, f_end)

    def words() -> Setting:
        others = tuple(Neighbour(v, partial(setting_of, article.text, sentence, a, b)) for a, b, v in found
                       if sentence[0] <= a and b <= sentence[1] and (a, b) != (f_start, f_end))
        return replace(setting_of(article.text, sentence, f_start, f_end),
                       sentence=_what_it_is_of(article.text, view.spans, sentence, found), others=others)

    return Reading((mention,), agrees(value), f"'{mention.text}' ({mention.value})", value=value, words_around=words)


def _what_it_is_of(text: str, spans: Sequence[tuple[int, int]], sentence: tuple[int, int], values: list) -> str:
    """The value's sentence, with the one before it when it says nothing but its ``values``: a
    reference list's "LWN.net. 21 December 2005." dates the piece the sentence before names."""
    s, e = sentence
    words = text[s:e]
    for a, b, _ in sorted(values, reverse=True):
        if s <= a and b <= e:
            words = words[: a - s] + " " + words[b - s :]
    i = bisect.bisect_left(spans, sentence)
    return text[spans[i - 1][0] : e] if 0 < i and not stems(words) else text[s:e]


def _only_value(wording: str, own: list) -> bool:
    """Whether the claim's wording is nothing but its value ("30 August 2016", "More than 40%"):
    a fuzzy match of it is then just another value, not the claim's place."""
    return len(own) == 1 and not re.search(r"[^\W\d_]", wording[: own[0][0]] + " " + wording[own[0][1] :])


def values_alike(wording: str, text: str, spans: Sequence[tuple[int, int]],
                 read: Callable[[str], list]) -> list[Passage]:
    """The values of ``text`` written like the claim's wording (``LOCATE_THRESHOLD``, as a fuzzy
    match is), or one character from it, read only in the sentences that hold something that alike:
    for a claim that is its value alone, these are the places it may be once its value changed
    (``nearest`` picks). One changed character of n scores 100(1 - 1/n): under the threshold for a
    value of five characters or fewer ("1998", "$710"), which one slip would otherwise hide."""
    folded = fold(wording)
    cutoff = min(LOCATE_THRESHOLD, 100 * (1 - 1 / max(len(folded), 1)))
    out = []
    for s, e in spans:
        if fuzz.partial_ratio(folded, fold(text[s:e]), score_cutoff=cutoff):
            out += [Passage(s + a, s + b, 1.0) for a, b, _ in read(text[s:e])
                    if _alike(folded, fold(text[s + a : s + b]))]
    return out


def _alike(folded: str, value: str) -> bool:
    return bool(fuzz.ratio(folded, value, score_cutoff=LOCATE_THRESHOLD)) \
        or Levenshtein.distance(folded, value, score_cutoff=1) <= 1


def _the_claims(inside: list, text: str, passage: Passage, wording: str, own: list) -> list:
    """The passage's values that can be the claim's: once the claim's value is no longer written
    there, not one its wording states as another of its values ("10-12 members typically has
    one" misprinted "20-12 members": that reads as no figure, and "one" is still not the claim's)."""
    first = fold(wording[own[0][0] : own[0][1]]) if own else ""
    if len(own) < 2 or first in fold(text[passage.start : passage.end]):
        return inside  # still written as in the claim: its sentence reads it (in "S&P 500 fell 2%", no "500 fell")
    others = {fold(wording[a:b]) for a, b, _ in own[1:]} - {first}
    return [f for f in inside if fold(text[f[0] : f[1]]) not in others]


_TIE_WORDS = 4  # content words on each side of a value that tie it to what it measures ("15% tariffs on $125")
_TOKEN = re.compile(r"\w+")
_OTHER_SIDE = 0.5  # a word on the other side of the value ties it less: word order says what a figure belongs to


_ENDING = re.compile(r"(?<=\w{3})(?:ing|ed|es|s)$")  # "flowed", "flows" and "flow" are one word here


def _content_word(token: str) -> str | None:
    """A folded word without its inflection, cut to five letters as ``stems`` cuts it; None for a
    stop word or a lone letter."""
    if token in STOPWORDS or (len(token) == 1 and not token.isdigit()):
        return None
    return _ENDING.sub("", token)[:5]


class _Words:
    """One sentence's words, split once: a table's sentence holds hundreds of values, and reading
    the words around each of them afresh would cost the sentence's length per value."""

    def __init__(self, sentence: str) -> None:
        self.folded = fold(sentence)  # as long as ``sentence``: offsets carry over
        spans = [m.span() for m in _TOKEN.finditer(self.folded)]
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.words = [_content_word(self.folded[a:b]) for a, b in spans]

    def before(self, cut: int) -> tuple[str, ...]:
        """The last content words of ``sentence[:cut]``, as that text alone splits (a word the
        cut goes through counts with its part before the cut), nearest last."""
        i = bisect.bisect_right(self.ends, cut)
        out: list[str] = []
        if i < len(self.starts) and self.starts[i] < cut:
            part = _content_word(self.folded[self.starts[i] : cut])
            if part is not None:
                out.append(part)
        while i > 0 and len(out) < _TIE_WORDS:
            i -= 1
            if self.words[i] is not None:
                out.append(cast(str, self.words[i]))
        return tuple(reversed(out))

    def after(self, cut: int) -> tuple[str, ...]:
        """The first content words of ``sentence[cut:]``, as that text alone splits."""
        j = bisect.bisect_left(self.starts, cut)
        out: list[str] = []
        if j > 0 and self.ends[j - 1] > cut:
            part = _content_word(self.folded[cut : self.ends[j - 1]])
            if part is not None:
                out.append(part)
        while j < len(self.starts) and len(out) < _TIE_WORDS:
            if self.words[j] is not None:
                out.append(cast(str, self.words[j]))
            j += 1
        return tuple(out)


_words_of = lru_cache(maxsize=64)(_Words)


def setting_of(text: str, sentence: tuple[int, int], start: int, end: int) -> Setting:
    """The words around ``text[start:end]`` within its sentence."""
    s, e = sentence
    words = _words_of(text[s:e])
    return Setting(words.before(start - s), words.after(end - s), text[s:e])


def tie(setting: Setting | None, text: str, sentence: tuple[int, int], start: int, end: int) -> float:
    """How many of the article's words around its value stand around a source's value: on the same
    side, or at half weight on the other (a paraphrase turns "21 million barrels passed Hormuz"
    into "Hormuz averaged 21 million", but "last year, an increase of 0.3 percent from 2017" is
    about 2017)."""
    if setting is None:
        return 0.0
    there = setting_of(text, sentence, start, end)
    same_side = (set(setting.before) & set(there.before)) | (set(setting.after) & set(there.after))
    either = set(setting.before + setting.after) & set(there.before + there.after)
    return len(same_side) + _OTHER_SIDE * len(either - same_side)


_AROUND_WORDS = 6  # words kept on each side of the value: enough to place it, few enough to stay local
_AROUND_GAP = 60  # characters another value may take in place of the claim's


def _around(wording: str, read: Callable[[str], list]) -> tuple[list[str], list[str], int, int] | None:
    """The claim's words before and after its (first) value, as written, and how many of its
    characters lie outside the place ``value_places`` finds by them (the words before and the
    value, or without words before, the value and the words after); None without a value."""
    values = read(wording)
    if not values:
        return None
    start, end = values[0][0], values[0][1]
    before = list(re.finditer(r"\w+", wording[:start]))[-_AROUND_WORDS:]
    after = list(re.finditer(r"\w+", wording[end:]))[:_AROUND_WORDS]
    return ([m.group() for m in before], [m.group() for m in after], before[0].start() if before else start,
            len(wording) - end - (0 if before or not after else after[-1].end()))


def locatable(wording: str, text: str, read: Callable[[str], list], known: KnownValues) -> bool:
    """Whether the claim's words around its value place it in ``text`` once its value changed: a
    drafted claim must catch a wrong value, not only confirm a right one."""
    return len(value_places(wording, text, read, limit=2, known=known)) <= 1


def nearest(wording: str, text: str, places: list[Passage], read: Callable[[str], list] | None = None) -> list[Passage]:
    """Of the places holding the claim's words around a value, those whose value differs least
    from the claim's (in characters, a substitution counting one, as a slip changes a value):
    "$243.97" misprinted "$343.97" is that one, not the "$67.77" of the next row; "Retrieved 11
    December 2016" is as near "Retrieved 1 December 2016" as "Retrieved 11 December 2017", so both
    are left, and the claim is not placed. Given the ``read`` that found ``value_places``, each
    place is compared as far as the claim's wording reaches beyond the words it was found by:
    two rows "2013 Census QuickStats about culture and identity" differ in the next word."""
    if len(places) < 2:
        return places
    folded = fold(wording)
    around = _around(wording, read) if read is not None else None
    lo, hi = around[2:] if around is not None else (0, 0)
    far = [Levenshtein.distance(folded, fold(text[max(0, p.start - lo) : p.end + hi])) for p in places]
    return [p for p, d in zip(places, far, strict=True) if d == min(far)]


@dataclass(frozen=True)
class KnownValues:
    """The values of the kind already read over a whole text, by where they start and end: what
    ``value_places`` asks instead of reading a window at each place of the words."""

    text: str
    by_start: dict[int, list[int]]
    by_end: dict[int, list[int]]
    _after: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = field(default_factory=dict, compare=False,
                                                                             repr=False)

    @classmethod
    def of(cls, text: str, spans: Iterable[tuple[int, int]]) -> KnownValues:
        by_start: dict[int, list[int]] = {}
        by_end: dict[int, list[int]] = {}
        for s, e in spans:
            by_start.setdefault(s, []).append(e)
            by_end.setdefault(e, []).append(s)
        return cls(text, by_start, by_end)

    def places(self, before: list[str], after: list[str], limit: int) -> list[Passage] | None:
        """``value_places`` for these words around a value, found from the words next to the
        text's values instead of a search of the text; None where the two could differ: a text
        whose letters ``(?i)`` matches otherwise than ``lower()`` does, or words that can overlap
        their next occurrence ("one one"), which a search does not find twice."""
        words = [w.lower() for w in before or after]
        if not (self._as_lower and set("".join(before + after)) <= self._chars):
            return None
        if any(words[d:] == words[: len(words) - d] for d in range(1, len(words))):
            return None
        if before:
            found = self._heads_by_tail(tuple(words)).get(tuple(w.lower() for w in after), [])
            return [Passage(_words_near(self._lower, at, -1)[-len(words)].start(), max(self.by_start[at]), 1.0)
                    for at in found[: limit or None]]
        found = self._tails.get(tuple(words), [])
        return [Passage(self.by_end[at][0], _words_near(self._lower, at, 1)[len(words) - 1].end(), 1.0)
                for at in found[: limit or None]]

    def _heads_by_tail(self, head: tuple[str, ...]) -> dict[tuple[str, ...], list[int]]:
        """The values after ``head`` (``_heads``) by the whole words right after them, up to
        ``_AROUND_WORDS``, past at least one non-word character (none: the value closes a word);
        worked out once per ``head``, so that a head the text repeats is not read again per wording."""
        if head not in self._after:
            text, low = self.text, self._lower
            out: dict[tuple[str, ...], list[int]] = {}
            for at in self._heads.get(head, ()):
                tails: set[tuple[str, ...]] = set()
                for e in self.by_start[at]:
                    if e == len(text) or not _WORD_CHAR.match(text, e):
                        near = [m.group() for m in _words_near(low, e, 1)]
                        tails.update(tuple(near[:j]) for j in range(len(near) + 1))
                for tail in tails:
                    out.setdefault(tail, []).append(at)
            self._after[head] = out
        return self._after[head]

    @cached_property
    def _chars(self) -> frozenset[str]:
        return frozenset(self.text)

    @cached_property
    def _as_lower(self) -> bool:
        return _reads_as_lower(self._chars)

    @cached_property
    def _lower(self) -> str:
        return self.text.lower()  # as long as the text where ``_as_lower`` holds

    @cached_property
    def _heads(self) -> dict[tuple[str, ...], list[int]]:
        """The values after each run of up to ``_AROUND_WORDS`` whole words of the text
        (lower-cased), past non-word characters: where each starts, in text order."""
        text, low = self.text, self._lower
        out: dict[tuple[str, ...], list[int]] = {}
        for at in sorted(self.by_start):
            if 0 < at < len(text) and _WORD_CHAR.match(text, at) and not _WORD_CHAR.match(text, at - 1):
                near = [m.group() for m in _words_near(low, at, -1)]
                for j in range(1, len(near) + 1):
                    out.setdefault(tuple(near[-j:]), []).append(at)
        return out

    @cached_property
    def _tails(self) -> dict[tuple[str, ...], list[int]]:
        """The values that close a word before each run of up to ``_AROUND_WORDS`` whole words:
        where each ends, in text order. A place whose first value (of ``by_end``) follows a letter
        or a digit is none, and left out."""
        text, low = self.text, self._lower
        out: dict[tuple[str, ...], list[int]] = {}
        for at in sorted(self.by_end):
            first = self.by_end[at][0]
            if first > 0 and text[first - 1].isalnum():
                continue
            if 0 < at < len(text) and _WORD_CHAR.match(text, at - 1) and not _WORD_CHAR.match(text, at):
                near = [m.group() for m in _words_near(low, at, 1)]
                for j in range(1, len(near) + 1):
                    out.setdefault(tuple(near[:j]), []).append(at)
        return out


def _words_near(text: str, at: int, side: int) -> list[re.Match[str]]:
    """The ``_AROUND_WORDS`` whole words of ``text`` nearest ``at`` before it (``side`` -1) or
    after it (1), in text order; a word the window cuts is read again wider."""
    width = 8 * _AROUND_WORDS
    while True:
        lo, hi = (max(0, at - width), at) if side < 0 else (at, min(len(text), at + width))
        words = list(_TOKEN.finditer(text, lo, hi))
        whole = words[1:] if lo > 0 and side < 0 else words[:-1] if hi < len(text) and side > 0 else words
        if len(whole) >= _AROUND_WORDS or (lo == 0 if side < 0 else hi == len(text)):
            return whole[-_AROUND_WORDS:] if side < 0 else whole[:_AROUND_WORDS]
        width *= 2


_WORD_CHAR = re.compile(r"\w")
_PLAIN_UP_TO = "\u0250"  # below it, the only letters IGNORECASE takes for another's are these four
_ODD_CASE = frozenset("\u0130\u0131\u017f\u00b5")


def _reads_as_lower(chars: frozenset[str]) -> bool:
    """Whether ``(?i)`` matches words of these characters exactly when their ``lower()`` are equal.
    Latin letters do but four ("ſ" for "s", "ı" and "İ" for "i", "µ" for "μ"), and so do characters
    without case; any other letter is asked of ``re`` against the rest ("ᲀ" is "в", Kelvin's K "k"),
    and "Σ" never is (``lower()`` writes it "ς" at a word's end)."""
    odd = [c for c in chars if not ((c < _PLAIN_UP_TO and c not in _ODD_CASE) or c.lower() == c == c.upper())]
    if not odd:
        return True
    if any(len(c.lower()) != 1 or c == "\u03a3" for c in odd):
        return False
    every = "".join(chars)
    return all(d.lower() == c.lower() for c in odd for d in re.findall("(?i)" + re.escape(c), every))


def value_places(wording: str, text: str, read: Callable[[str], list], limit: int = 0,
                 known: KnownValues | None = None, _search: bool = False) -> list[Passage]:
    """The places of ``text`` holding the claim's words around its value, as written, with one
    value of the kind (the claim's or another) and nothing else between them ("In 2016" finds "In
    2017"). One place is the claim's passage when its value was changed; several say that only
    the value told them apart (``nearest`` picks among them). Without ``known`` values of the
    text, ``read`` is given a short window after (or before) each place of the words only, never
    the whole text; ``limit`` (if not 0) stops the search at that many places. ``_search``
    searches the text even where ``known`` can tell the places (which must be the same)."""
    around = _around(wording, read)
    if around is None or not (around[0] or around[1]):
        return []
    before, after = around[:2]
    if known is not None and not _search and (found := known.places(before, after, limit)) is not None:
        return found
    head = re.compile("(?i)" + r"\W+".join([opening_word(before[0]), *map(re.escape, before[1:])]) + r"\W+") \
        if before else None
    tail = re.compile(r"(?i)\W+" + r"\W+".join(map(re.escape, after)) + r"(?!\w)" if after else r"(?!\w)")

    def starting(at: int) -> list[int]:
        if known is not None:
            return [e - at for e in known.by_start.get(at, ())]
        window = text[at : at + _AROUND_GAP].split("\n", 1)[0]
        return [b for a, b, _ in read(window) if a == 0]

    def ending(at: int) -> list[int]:
        if known is not None:
            return list(known.by_end.get(at, ()))
        lo = max(0, at - _AROUND_GAP)
        window = text[lo:at].rsplit("\n", 1)[-1]
        return [at - len(window) + a for a, b, _ in read(window) if b == len(window)]

    out = []
    if head is not None:
        # a match opens on the first word, written alike to the fold (each character the pattern
        # takes for one of the word's, ignoring case, folds as that one): looked for in the folded text
        for m in matches_from(head, text, occurrences(whole_folded(text), fold(before[0]))):
            ends = starting(m.end())
            if any(tail.match(text, m.end() + b) for b in ends):
                out.append(Passage(m.start(), m.end() + max(ends), 1.0))
                if len(out) == limit:
                    break
        return out
    for m in tail.finditer(text):
        starts = ending(m.start())
        if starts and (starts[0] == 0 or not text[starts[0] - 1].isalnum()):
            out.append(Passage(starts[0], m.end(), 1.0))
            if len(out) == limit:
                break
    return out


@dataclass(frozen=True)
class Names:
    """The names a claim gives, as a source sentence must show one of them: folded words, and
    (case-sensitive) the acronyms of its names and the expansions of its acronyms."""

    words: re.Pattern | None
    acronyms: re.Pattern | None
    # the index stems (``locate.folded_stems``) of the first word of each folded name: a sentence
    # that names one holds its stem; None when one has none (a stop word's first letters)
    stems: frozenset[str] | None = None


_JOINERS = {"of", "the", "and", "for", "on", "de"}


def _sentences_over(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole sentences it touches."""
    i, j = last_starting(spans, start), last_starting(spans, max(start, end - 1))
    return (min(start, spans[i][0]) if i >= 0 else start), (max(end, spans[j][1]) if j >= 0 else end)


@lru_cache(maxsize=CLAIM_CACHE)
def named(claim: Claim) -> Names | None:
    """The names a claim and its note give ("Hormuz" of "Strait of Hormuz", "Ozerov", "EIA"): a
    source sentence about a figure or a statement must name one of them (or the sentence before
    it must). A name is the last word of a capitalised run; a single capitalised word opening the
    claim's own sentence is not taken for one. An acronym and its expansion are one name: "World
    Health Organization" is named by "WHO", "EIA" by "Energy Information Administration"."""
    terms = set()
    acronyms = set()
    for source, skip_initial in ((claim.text, True), (claim.note or "", False)):
        for m in NAME_RUN.finditer(source):
            words = m.group().split()
            word = fold(words[-1].removesuffix("'s"))
            if word in NOT_NAMES or len(word) < 2:
                continue
            if skip_initial and len(words) == 1 and _SENTENCE_START.search(source, 0, m.start()):
                continue
            terms.add(word)
            acronyms |= _acronym_forms(words)
    if not terms:
        return None
    pattern = re.compile(whole_words(terms))
    keys = [folded_stems(first.group()) if (first := _RUN.match(term)) else frozenset() for term in terms]
    return Names(pattern, re.compile("|".join(sorted(acronyms, key=len, reverse=True))) if acronyms else None,
                 frozenset().union(*keys) if all(keys) else None)


_RUN = re.compile(r"\w+")


def _acronym_forms(words: list[str]) -> set[str]:
    """Patterns for the other form of a name: the initials of a run of three or more capitalised
    words, or the expansion of an all-capitals acronym."""
    capitals = [w for w in words if w.lower() not in _JOINERS]
    if len(capitals) >= 3 and all(w[:1].isupper() for w in capitals):
        return {r"\b" + "".join(w[0] for w in capitals) + r"\b"}
    if len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6 and words[0].isalpha():
        gap = r"\w*[\s-]+(?:(?:of|the|and|for|on)\s+)?"
        return {r"\b" + gap.join(words[0]) + r"\w+"}
    return set()


def names_one(names: Names | None, text: str, spans, start: int, end: int, subject: str | None = None) -> bool:
    """Whether the sentence ``text[start:end]``, the one before it or the page's own subject (its
    title: a WeWork page's sentences say "the company") names one of the claim's proper nouns
    (always, when the claim names none)."""
    if names is None or names.words is None:
        return True
    i = last_starting(spans, start)
    lo = spans[i - 1][0] if i > 0 else start
    return any(names.words.search(fold(where)) is not None
               or (names.acronyms is not None and names.acronyms.search(where) is not None)
               for where in (text[lo:end], subject or ""))


@lru_cache(maxsize=4096)  # a page's title, asked once per claim that cites it
def _names_in_subject(names: Names, subject: str) -> bool:
    return names_one(names, subject, [(0, len(subject))], 0, len(subject))


def naming(names: Names | None, page: Page) -> Callable[[int, int], bool]:
    """``names_one(names, page.text, page.view.spans, start, end, page.subject)`` for a sentence
    ``(start, end)`` of the page. Through its index, a sentence that neither it nor the one before
    holds the stem of a name is passed over without a search, where no word lies between the two
    (a word there or across their border is the search's, as is a name with an acronym)."""
    text, view, subject = page.text, page.view, page.subject

    def searched(start: int, end: int) -> bool:
        return names_one(names, text, view.spans, start, end, subject)

    if (names is None or names.words is None or names.stems is None or names.acronyms is not None
            or not isinstance(view, TextIndex)):
        return searched
    if subject and _names_in_subject(names, subject):
        return lambda start, end: True
    starts, ends, held = view.sentence_starts, view.sentence_ends, view.holding(names.stems)

    def named_in(start: int, end: int) -> bool:
        i = bisect.bisect_right(starts, start) - 1  # as names_one's bisect of the spans: starts are in order
        if i < 0 or starts[i] != start or ends[i] != end or i in held or (i - 1) in held:
            return searched(start, end)
        if i == 0:
            return False
        gap = ends[i - 1]
        return searched(start, end) if gap >= start or _WORD_CHAR.search(text, gap, start) else False

    return named_in


@dataclass(frozen=True)
class Topic:
    """What a date or figure is about, without the values themselves."""

    own: str  # the claim's words and note
    wide: str  # ... and the article's sentence that states the value ("to $27.2 billion" alone is about nothing)

    def relevant(self, view: Lens, min_score: float) -> list[tuple[int, int, float]]:
        """The source sentences about it, each at its better score of the two: the sentence's
        extra words widen what is found, but never dilute a claim that says enough itself."""
        best: dict[tuple[int, int], float] = {}
        for query in (self.wide, self.own):  # the wider first: the index scores the other from its candidates
            for s, e, score in view.relevant(query, min_score):
                best[s, e] = max(score, best.get((s, e), 0.0))
        return sorted(((s, e, score) for (s, e), score in best.items()), key=lambda t: (-t[2], t[0]))


def topic(claim: Claim, reading: Reading, finder: Callable[[str], list]) -> Topic:
    """The claim's topic (as ``finder`` finds values, they are left out)."""
    own = f"{claim.text}\n{claim.note or ''}"
    return Topic(_without_values(own, finder),
                 _without_values(f"{own}\n{reading.setting.sentence if reading.setting else ''}", finder))


@lru_cache(maxsize=CLAIM_CACHE)  # asked again for every page a claim cites; the finders are module functions
def _without_values(words: str, finder: Callable[[str], list]) -> str:
    for m in reversed(finder(words)):
        words = words[: m.start] + " " + words[m.end :]
    return words


@dataclass(frozen=True)
class _Candidate:
    """A value of the claim's kind in a source sentence about the claim."""

    start: int
    end: int
    value: Any
    score: float  # the sentence's relevance to the claim
    tie: float  # the article's words around its value found around this one (``tie``)
    agrees: bool
    rival: bool  # disagrees and measures the same thing, in a sentence relevant enough to contradict
    coarse: bool = False  # agrees only by holding the article's value ("2017" for "4 January 2017")

    @property
    def rank(self) -> tuple[float, float]:
        return self.tie, self.score


def judge_value(claim: Claim, reading: Reading, page: Page, query: Topic, between: Callable[[int, int], list],
                compatible: Callable[[Any], bool], agrees: Callable[[Any], bool],
                describe: Callable[[Any], str], what: str, same: Callable[[Any, str], bool] | None = None,
                alike: Callable[[Any, Any], bool] | None = None,
                coarser: Callable[[Any], bool] | None = None) -> Judgement:
    """Dates and figures. Of the values in the source's sentences about the claim, the one whose
    surrounding words best match the article's around its own value decides: it supports when it
    agrees; when a value that measures the same thing but disagrees is tied closer to those words
    than any agreeing one, the source contradicts (in a strongly relevant sentence, or one that
    repeats the article's words around the value) or, otherwise, is silent. A sidebar figure in a
    sentence about something else is neither, and so is a value that measures something else
    (``same(value, the words after it)`` false: "18 years" against "13,000 troops") or one that
    the article's sentence states for another thing, in that thing's words (``alike(page value,
    article value)``: "made public in December 2016, ... the previous one made public in 2013":
    the page's "made public on 1 December 2016" is the other one's). A value that agrees only by
    holding the article's (``coarser``: "2017" for "14 September 2017") says nothing of which day
    it is: it supports only where, disagreeing, it would contradict and one of the article's words
    stands beside it ("NASA launched ... in 1991" is no date for a citation's "NASA. 24 April 1991."),
    and no disagreeing value beside those words as closely (then the source is silent), and anchors
    nothing. Silence says why, at the closest candidate."""
    text, view = page.text, page.view
    pattern = named(claim)
    naming_one = naming(pattern, page)
    closest: tuple[int, int] | None = None
    unresolved = False
    pool: list[_Candidate] = []
    setting = reading.setting
    least = TIE_MIN if setting is not None and (setting.before or setting.after) else 0  # else nothing to tie to
    for s, e, score in query.relevant(view, RELEVANT):
        if not naming_one(s, e):
            continue
        closest = closest or (s, e)
        found = [f for f in between(s, e) if s <= f[0] and f[1] <= e]
        unresolved = unresolved or any(f[2] is None for f in found)
        values = [(f_start, f_end, value, tie(setting, text, (s, e), f_start, f_end))
                  for f_start, f_end, value in found if value is not None and compatible(value)]
        other = [_theirs(setting, alike, text, (s, e), *v) for v in values]
        # the article's words belong to the page's value that ties them best: when that one is the
        # article's other value ("made public on 1 December 2016"), its neighbour is no rival
        explained = max((v[3] for v, o in zip(values, other, strict=True) if o), default=-1.0)
        for (f_start, f_end, value, tied), elsewhere in zip(values, other, strict=True):
            ok = agrees(value)
            measures = same is None or same(value, text[f_end : f_end + 40])
            placed = tied >= least and (score >= STRONGLY_RELEVANT or tied >= _TIE_CONTRADICTS)
            against = not ok and measures and not elsewhere and tied > explained and placed
            coarse = ok and coarser is not None and coarser(value)
            ok = ok and (not coarse or (placed and tied >= TIE_MIN))
            pool.append(_Candidate(f_start, f_end, value, score, tied, ok, against, coarse))
    pool += _anchored(claim, reading, page, between, compatible,
                      agrees if coarser is None else lambda v: agrees(v) and not coarser(v), naming_one)
    support = max((c for c in pool if c.agrees), key=lambda c: (c.rank, not c.coarse), default=None)
    rival = max((c for c in pool if c.rival), key=lambda c: c.rank, default=None)
    words = len(set(setting.before + setting.after)) if setting is not None else 0
    if support is not None and (rival is None or support.tie > rival.tie or (support.tie == rival.tie
                                                                             and not support.coarse)):
        return _said(Status.SUPPORTS, text, support, describe, words)
    if rival is not None and (support is None or rival.tie > support.tie):
        return _said(Status.CONTRADICTS, text, rival, describe, words)
    if closest is None:
        return silent_near(query.wide, view, "no passage about the claim")
    if any(not c.agrees for c in pool):
        reason = f"the passage about it holds another {what}, but is not clearly about the same thing"
    elif unresolved and what == "date":
        reason = "the passage's date has no year, and the page gives none"
    else:
        reason = f"the passage about it holds no {what}"
    return Judgement(Status.SILENT, closest[0], closest[1], reason=reason)


def _theirs(setting: Setting | None, alike: Callable[[Any, Any], bool] | None, text: str, sentence: tuple[int, int],
            start: int, end: int, value: Any, tied: float) -> bool:
    """Whether a page's value is one the article's sentence states for its other thing: alike
    that value and tied to its words at least as well as to the claim's."""
    if setting is None or alike is None:
        return False
    return any(alike(value, n.value) and tie(n.setting, text, sentence, start, end) >= tied for n in setting.others)


TIE_MIN = 1  # a value contradicts only when a word beside it is the article's ("$6.99 per month" is another price)
_TIE_CONTRADICTS = 2  # a value with this many of the article's words around it is the same figure's place


def _said(status: Status, text: str, c: _Candidate, describe: Callable[[Any], str], words: int) -> Judgement:
    return Judgement(status, c.start, c.end, f"{text[c.start:c.end]} ({describe(c.value)})", c.score,
                     said=text[c.start : c.end], closeness=min(1.0, c.tie / words) if words else None)


def _anchored(claim: Claim, reading: Reading, page: Page, between: Callable[[int, int], list],
              compatible: Callable[[Any], bool], agrees: Callable[[Any], bool],
              naming_one: Callable[[int, int], bool]) -> list[_Candidate]:
    """The claimed value is an anchor: a sentence holding it needs less topical overlap (the
    claim's own words, its unit among them, against ``NEAR``) than one holding another value,
    which never contradicts from here."""
    text, view = page.text, page.view
    candidates = view.relevant(claim.text, NEAR, saturation=NEAR_SATURATION, limit=NEAR_LIMIT)
    if not stems(claim.text):  # "In 2016": no content word to look for, only the words as written
        folded = fold(claim.text)
        candidates = [(s, e, 0.0) for s, e in view.spans if folded in fold(text[s:e])][:NEAR_LIMIT]
    out = []
    for s, e, score in candidates:
        if not naming_one(s, e):
            continue
        for f_start, f_end, value in between(s, e):
            if s <= f_start and f_end <= e and value is not None and compatible(value) and agrees(value):
                out.append(_Candidate(f_start, f_end, value, score, tie(reading.setting, text, (s, e), f_start, f_end),
                                      True, False))
    return out


def silent_near(query: str, view: Lens, reason: str) -> Judgement:
    """Silence, shown at the sentence closest to the claim (if any shares its words), so that an
    editor can tell a silent source from a miss."""
    near = view.relevant(query, NEAR, saturation=NEAR_SATURATION, limit=1)
    if not near:
        return Judgement(Status.SILENT, reason=reason)
    s, e, _ = near[0]
    return Judgement(Status.SILENT, s, e, reason=f"{reason}; the closest passage is shown")


def clip(words: str, width: int) -> str:
    words = " ".join(words.split())
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"
