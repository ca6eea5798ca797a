"""Quotations: the source must hold the article's words, word for word; a passage close to them
with other words is a misquote."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import cast

from ..article import Article
from ..locate import Passage, last_starting, locate_exact
from ..model import Claim, ClaimType, Status, Verdict
from ..quotes import find_quote
from ..settings import MESSAGE_CLIP
from .about import NOT_IN_ARTICLE, clip, find, silent_near, tied_places
from .base import Judgement, Lens, Page, Reading
from .drafting import (
    SPEECH,
    SPEECH_AFTER,
    SPEECH_BEFORE,
    Draft,
    DraftContext,
    Ids,
    Person,
    SpanIndex,
    flat,
    is_title,
    slug,
)


class QuoteKind:
    type = ClaimType.QUOTE
    keys: frozenset[str] = frozenset()  # the type-specific keys it takes
    needs_expect = False
    contradicted_as = Verdict.MISQUOTED  # the verdict when sources only say otherwise
    has_value = False
    section = "quotes: the source must hold these words"

    def parse_expect(self, raw: str) -> object:
        return raw

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        """The passage of the claim's words; when the article holds them nowhere word for word,
        every place it says them with one word changed is as much the claim's as the closest
        fuzzy match, and the cited sources tell those places apart (``judge``)."""
        passage = find(claim.text, article.text, text)
        if passage is not None and passage.score >= 100:
            return _quoted(article, passage.start, passage.end)
        places = list(words_off(claim.text, article.text, text))
        if passage is not None and not any(s < passage.end and passage.start < e for s, e in places):
            places.insert(0, (passage.start, passage.end))
        if len(places) == 1:
            return _quoted(article, *places[0])
        if not places:
            return NOT_IN_ARTICLE
        tied = tied_places(article.text, [Passage(s, e, 0.0) for s, e in places],
                           lambda p: _quoted(article, p.start, p.end))
        return replace(NOT_IN_ARTICLE, detail=f"the claim's words are at {len(places)} places of the article, "
                                              "each with another word; quote more of them", tied=tied)

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """The source must hold the article's words (as printed at the passage, which may differ
        from the claim's ``text`` by a typo the locator forgave)."""
        text, view = page.text, page.view
        words = cast("str | None", reading.value) or claim.text
        match = find_quote(words, text, hay=view.view, near=lambda: view.near(words))
        if words != claim.text and not (match and match.exact) and (own := locate_exact(claim.text, text, view.view)):
            said = text[own.start : own.end]  # the source holds the claim's words, the article others
            return Judgement(Status.CONTRADICTS, own.start, own.end, said, own.score, said=said)
        if match is None and (swapped := one_word_off(words, text, view)) is not None:
            said = text[swapped[0] : swapped[1]]
            return Judgement(Status.CONTRADICTS, swapped[0], swapped[1], said, 1.0, said=said)
        if match is None:
            return silent_near(words, view, "the page does not hold these words or any close to them")
        status = Status.SUPPORTS if match.exact else Status.CONTRADICTS
        said = text[match.start : match.end]
        return Judgement(status, match.start, match.end, said, match.score, said=said)

    def draft(self, context: DraftContext) -> list[Draft]:
        return _quote_claims(context.article, context.quotes, context.people_at, context.spans, context.ids)


_WORD = re.compile(r"\w+(?:'\w+)?")
_ONE_OFF_MIN = 4  # words a quotation needs before one changed word still places it
_FINAL_SIGMA = "\u03a3"  # the one letter ``str.lower`` maps by its neighbours: a word's lower case may differ


def one_word_off(words: str, text: str, lens: Lens | None = None) -> tuple[int, int] | None:
    """The first place ``words_off`` finds."""
    return next(words_off(words, text, lens), None)


def words_off(words: str, text: str, lens: Lens | None = None) -> Iterator[tuple[int, int]]:
    """Where ``text`` says the quotation with exactly one word in place of another ("I almost
    purple there" for "I almost died there"): too short a quotation for the fuzzy match to place,
    still unmistakable when every other word stands in order. ``lens`` (``text`` read through its
    index) keeps the text's words for the next quotation judged against it."""
    quoted = [w.lower() for w in _WORD.findall(words)]
    if len(quoted) < _ONE_OFF_MIN:
        return
    lowered = lens.kept(str.lower) if lens is not None else text.lower()
    if _FINAL_SIGMA not in text and _missing(quoted, lowered) > 1:
        return  # a word the text holds, lower-cased, is in the text lower-cased: two are missing
    folded = lens.kept(_folded_words) if lens is not None else _folded_words(text)
    n = len(quoted)
    last = len(folded) - n
    # only where the first word or the second stands: found by list.index, in C
    for i in sorted({*_positions(folded, quoted[0], 0, last), *_positions(folded, quoted[1], 1, last)}):
        if sum(map(str.__ne__, folded[i : i + n], quoted)) == 1:
            found = list(islice(_WORD.finditer(text), i, i + n))
            yield found[0].start(), found[-1].end()


def _missing(words: list[str], lowered: str) -> int:
    """How many of ``words`` ``lowered`` does not hold, counted up to two: a missing word is a
    search of the whole page, so the count stops once it says enough."""
    missing = 0
    for w in words:
        if w not in lowered:
            missing += 1
            if missing > 1:
                break
    return missing


def _folded_words(text: str) -> list[str]:
    """The words of a text, lower-cased."""
    return list(map(str.lower, _WORD.findall(text)))


def _positions(words: list[str], word: str, offset: int, last: int) -> Iterator[int]:
    """Each ``i - offset`` in ``[0, last]`` where ``words[i]`` is ``word``."""
    i = offset - 1
    with suppress(ValueError):
        while True:
            i = words.index(word, i + 1, last + offset + 1)
            yield i - offset


def read_passage(claim: Claim, article: Article, text: Lens) -> Reading:
    """Quotes and statements: found is all the article has to say; the sources judge the rest."""
    passage = find(claim.text, article.text, text)
    return NOT_IN_ARTICLE if passage is None else _quoted(article, passage.start, passage.end)


def _quoted(article: Article, start: int, end: int) -> Reading:
    mention = article.mention(start, end)
    return Reading((mention,), True, clip(mention.text, MESSAGE_CLIP), value=article.text[start:end])


_NAME_WORDS = r"(?:(?:[A-Z][\w'\-]*\.?|de|van|von|al|bin|la)\s+)*[A-Z][\w'\-]+"
# The attribution right after a quotation, either way round: '," said Putin' or '," the 14th-ranked
# Schwartzman said'; a pronoun or a lower-case subject ("a spokesperson said") names nobody here.
_SAID_X = re.compile(rf"[\s,'\"]*(?:{SPEECH})\s+(?P<pre>(?:[a-z][\w\-]*\s+){{0,3}}?)(?P<name>{_NAME_WORDS})")
_X_SAID = re.compile(
    rf"[\s,'\"]*(?P<pre>(?:(?:the|a|an)\s+)?(?:[a-z0-9][\w\-]*\s+){{0,3}}?)(?P<name>{_NAME_WORDS})[\s,]+(?:{SPEECH})\b")


@dataclass(frozen=True)
class Speaker:
    """Who says a quotation: a drafted person when the article names one, else the name as the
    attribution writes it."""

    name: str
    surname: str


def _attributed(text: str, people: SpanIndex[Person], end: int) -> Speaker | None:
    """The name in the attribution that follows the quotation ending at ``end``, the nearest verb of
    saying and its subject ("…," Trump said, before Senator Schumer replied: Trump)."""
    after = _SAID_X.match(text, end)
    if after is not None and not all(w == "the" or is_title(w) for w in after.group("pre").split()):
        after = None  # "said a WeWork spokesperson": the speaker is no name
    said = [m for m in (after, _X_SAID.match(text, end)) if m is not None]
    if not said:
        return None
    m = min(said, key=lambda found: found.end())
    start, stop = m.span("name")
    words = [w for w in text[start:stop].split() if not is_title(w.rstrip("."))]
    if not words:
        return None
    surname = words[-1]
    for _, _, person in people.overlapping(start, stop):
        return _as_speaker(text, person)
    return Speaker(" ".join(words), surname)


def _speaker(article: Article, people: SpanIndex[Person], spans, start: int, end: int) -> Speaker | None:
    """Who says the quotation ``text[start:end]``: the name its attribution gives ('…," Bahman
    said'), a person named right after it or before it in its sentence, or else in the sentence
    that introduces it ('Putin expressed this view. "…"')."""
    text = article.text
    named = _attributed(text, people, end)
    if named is not None:
        return named
    tail = re.match(r"(?:[^.!?\n]|\n(?!\s*\n))*", text[end:])
    reach = tail.end() if tail else 0  # the pattern matches everywhere, if only the empty string
    after = [(o_start, p) for o_start, o_end, p in people.starting(end, end + reach)
             if SPEECH_AFTER.match(text, o_end) or SPEECH_BEFORE.search(text, max(0, o_start - 20), o_start)]
    if after:
        return _as_speaker(text, after[0][1])
    index = last_starting(spans, start)
    if index < 0 or not spans[index][0] <= start < spans[index][1]:
        return None
    windows = [(spans[index][0], start)]
    if index > 0 and "\n\n" not in text[spans[index - 1][1] : spans[index][0]]:
        windows.append(spans[index - 1])
    for lo, hi in windows:
        before = people.overlapping(lo, hi)
        if before:
            return _as_speaker(text, max(before, key=lambda item: item[0])[2])
    return None


def _as_speaker(text: str, person: Person) -> Speaker:
    return Speaker(flat(text[person.full.tokens[0].start : person.full.end]), person.full.surname.text)


def _close(text: str, end: int) -> int:
    """Just past the closing quotation mark (and the comma inside it) of a quotation ending at ``end``."""
    m = re.match(r"[,;:.!?\s]*(?:''|\")", text[end:])
    return end + (m.end() if m else 1)


def _quote_claims(article: Article, quotes, people, spans, ids: Ids) -> list[Draft]:
    out = []
    counts: Counter[str] = Counter()
    seen = set()
    for s, e in quotes:
        wording = flat(article.text[s:e])
        if wording in seen:
            continue
        seen.add(wording)
        speaker = _speaker(article, people, spans, s - 1, _close(article.text, e))
        who = slug(speaker.surname) if speaker else "unattributed"
        counts[who] += 1
        note = f"speaker: {speaker.name}" if speaker else "speaker not found in the article: say who said it"
        claim = Claim(ids.take(f"quote-{who}-{counts[who]}"), ClaimType.QUOTE, wording, note=note)
        out.append(Draft(claim, s))
    return out
