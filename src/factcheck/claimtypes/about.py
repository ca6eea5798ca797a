"""Which sentences of a source speak of a claim: what dates, figures and statements share.

A sentence is about a claim when it shares enough of the claim's content words (``relevant``)
and names one of the proper nouns the claim names (or the sentence before it does), so that the
same figure for another place or body is not taken for this one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from ..article import Article
from ..index import within
from ..lexicon import DAYS, MONTHS, STOPWORDS, TITLES
from ..locate import Passage, locate, sentence_around, stems
from ..model import Claim, Status
from ..normalize import fold
from ..settings import LOCATE_THRESHOLD, NEAR, NEAR_LIMIT, NEAR_SATURATION, RELEVANT, STRONGLY_RELEVANT
from .base import Judgement, Lens, Page, Reading

_NAME_RUN = re.compile(  # "Strait of Hormuz", "Viktor Ozerov", "EIA", "Gadrer"
    r"(?<![\w'-])[A-Z][\w-]*(?:'s)?(?:(?:\s+(?:of|the|de|al|bin|von|van))?\s+[A-Z][\w-]*(?:'s)?)*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
_NOT_NAMES = STOPWORDS | TITLES | MONTHS | DAYS


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
    passage = find(claim.text, article.text, view)
    if passage is None:
        passage = around_value(claim.text, article.text, read)
    if passage is None:
        return NOT_IN_ARTICLE
    start, end = passage.start, passage.end
    s, e = sentence_around(article.text, start, end, view.spans)
    w_start, w_end = _sentences_over(view.spans, min(s, start), max(e, end))
    found = [(a + w_start, b + w_start, v) for a, b, v in read(article.text[w_start:w_end])]
    inside = within(found, start, end) or within(found, s, e)
    for wanted in prefer:
        if chosen := [f for f in inside if wanted(f[2])]:
            inside = chosen
            break
    if not inside:
        mention = article.mention(start, end)
        return Reading((mention,), False, "", f"no {what} in the passage '{mention.text}'")
    f_start, f_end, value = inside[0]
    mention = article.mention(f_start, f_end, describe(value))
    return Reading((mention,), agrees(value), f"'{mention.text}' ({mention.value})", value=value)


_AROUND_WORDS = 6  # words kept on each side of the value: enough to place it, few enough to stay local
_AROUND_MIN = 2  # words the claim must give besides its value ("In 2016" does; "2016" alone does not)
_AROUND_GAP = 60  # characters another value may take in place of the claim's


def around_value(wording: str, text: str, read: Callable[[str], list]) -> Passage | None:
    """The claim's passage when its value was changed: its words before and after the value, as
    written, with another value of the kind between them ("In 2016" finds "In 2017")."""
    values = read(wording)
    if not values:
        return None
    start, end = values[0][0], values[0][1]
    before = re.findall(r"\w+", wording[:start])[-_AROUND_WORDS:]
    after = re.findall(r"\w+", wording[end:])[:_AROUND_WORDS]
    if len(before) + len(after) < _AROUND_MIN:
        return None
    head = r"(?<!\w)" + r"\W+".join(map(re.escape, before)) + r"\W+" if before else r"(?<!\w)"
    tail = r"\W+" + r"\W+".join(map(re.escape, after)) + r"(?!\w)" if after else r"(?!\w)"
    for m in re.finditer(f"(?i){head}(?P<gap>[^\n]{{1,{_AROUND_GAP}}}?){tail}", text):
        if read(m["gap"]):
            return Passage(m.start(), m.end(), 1.0)
    return None


@dataclass(frozen=True)
class Names:
    """The names a claim gives, as a source sentence must show one of them: folded words, and
    (case-sensitive) the acronyms of its names and the expansions of its acronyms."""

    words: re.Pattern | None
    acronyms: re.Pattern | None


_JOINERS = {"of", "the", "and", "for", "on", "de"}


def _sentences_over(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole sentences it touches."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    j = bisect.bisect_right(spans, (max(start, end - 1), float("inf"))) - 1
    return (min(start, spans[i][0]) if i >= 0 else start), (max(end, spans[j][1]) if j >= 0 else end)


@lru_cache(maxsize=4096)
def named(claim: Claim) -> Names | None:
    """The names a claim and its note give ("Hormuz" of "Strait of Hormuz", "Ozerov", "EIA"): a
    source sentence about a figure or a statement must name one of them (or the sentence before
    it must). A name is the last word of a capitalised run; a single capitalised word opening the
    claim's own sentence is not taken for one. An acronym and its expansion are one name: "World
    Health Organization" is named by "WHO", "EIA" by "Energy Information Administration"."""
    terms = set()
    acronyms = set()
    for source, skip_initial in ((claim.text, True), (claim.note or "", False)):
        for m in _NAME_RUN.finditer(source):
            words = m.group().split()
            word = fold(words[-1].removesuffix("'s"))
            if word in _NOT_NAMES or len(word) < 2:
                continue
            if skip_initial and len(words) == 1 and _SENTENCE_START.search(source, 0, m.start()):
                continue
            terms.add(word)
            acronyms |= _acronym_forms(words)
    if not terms:
        return None
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)")
    return Names(pattern, re.compile("|".join(sorted(acronyms, key=len, reverse=True))) if acronyms else None)


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


def names_one(names: Names | None, text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` or the one before it names one of the claim's
    proper nouns (always, when the claim names none)."""
    if names is None or names.words is None:
        return True
    i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
    lo = spans[i - 1][0] if i > 0 else start
    if names.words.search(fold(text[lo:end])) is not None:
        return True
    return names.acronyms is not None and names.acronyms.search(text, lo, end) is not None


def topic(claim: Claim, finder: Callable[[str], list]) -> str:
    """What a date or figure is about: the claim's words without the value itself (as ``finder``
    finds it), and its note."""
    words = f"{claim.text}\n{claim.note or ''}"
    for m in reversed(finder(words)):
        words = words[: m.start] + " " + words[m.end :]
    return words


def judge_value(claim: Claim, page: Page, query: str, between: Callable[[int, int], list],
                compatible: Callable[[Any], bool], agrees: Callable[[Any], bool],
                describe: Callable[[Any], str], what: str,
                same: Callable[[Any, str], bool] | None = None) -> Judgement:
    """Dates and figures: a relevant sentence holding the expected value supports; a strongly
    relevant one holding only other values of the same kind contradicts. A sidebar figure in a
    sentence about something else is neither, and so is a value that measures something else
    (``same(value, the words after it)`` false: "18 years" against "13,000 troops"). Silence
    says why, at the closest candidate."""
    text, view = page.text, page.view
    pattern = named(claim)
    contradiction = None
    closest: tuple[int, int] | None = None
    unresolved = other = False
    for s, e, score in view.relevant(query, RELEVANT):
        if not names_one(pattern, text, view.spans, s, e):
            continue
        closest = closest or (s, e)
        found = [f for f in between(s, e) if s <= f[0] and f[1] <= e]
        unresolved = unresolved or any(f[2] is None for f in found)
        values = [f for f in found if f[2] is not None and compatible(f[2])]
        for f_start, f_end, value in values:
            if agrees(value):
                return Judgement(Status.SUPPORTS, f_start, f_end, f"{text[f_start:f_end]} ({describe(value)})", score,
                                 said=text[f_start:f_end])
        other = other or bool(values)
        rivals = [f for f in values if same is None or same(f[2], text[f[1] : f[1] + 40])]
        if rivals and contradiction is None and score >= STRONGLY_RELEVANT:
            f_start, f_end, value = _belonging(claim, text, s, rivals)
            contradiction = Judgement(
                Status.CONTRADICTS, f_start, f_end, f"{text[f_start:f_end]} ({describe(value)})", score,
                said=text[f_start:f_end],
            )
    if contradiction is not None:
        return contradiction
    if anchored := _anchored(claim, page, between, compatible, agrees, describe, pattern):
        return anchored
    if closest is None:
        return silent_near(query, view, "no passage about the claim")
    if other:
        reason = f"the passage about it holds another {what}, but is not clearly about the same thing"
    elif unresolved and what == "date":
        reason = "the passage's date has no year, and the page gives none"
    else:
        reason = f"the passage about it holds no {what}"
    return Judgement(Status.SILENT, closest[0], closest[1], reason=reason)


def _belonging(claim: Claim, text: str, start: int, rivals: list) -> tuple:
    """Of several values in a sentence, the one the claim is about: the most of the claim's words
    in the stretch leading up to it (since the value before), then the one written most like the
    article's ("4 November 2016" against "5 November 2016", not "12 December 2015")."""
    words = stems(claim.text)
    lead = [start, *(f[1] for f in rivals[:-1])]

    def rank(i: int) -> tuple[int, float]:
        f_start, f_end, _value = rivals[i]
        return len(words & stems(text[lead[i] : f_start])), fuzz.partial_ratio(text[f_start:f_end], claim.text)

    return rivals[max(range(len(rivals)), key=rank)]


def _anchored(claim: Claim, page: Page, between: Callable[[int, int], list], compatible: Callable[[Any], bool],
              agrees: Callable[[Any], bool], describe: Callable[[Any], str],
              pattern: Names | None) -> Judgement | None:
    """The claimed value is an anchor: a sentence holding it needs less topical overlap (the
    claim's own words, its unit among them, against ``NEAR``) than one holding another value,
    which never contradicts from here."""
    text, view = page.text, page.view
    candidates = view.relevant(claim.text, NEAR, saturation=NEAR_SATURATION)[:NEAR_LIMIT]
    if not stems(claim.text):  # "In 2016": no content word to look for, only the words as written
        folded = fold(claim.text)
        candidates = [(s, e, 0.0) for s, e in view.spans if folded in fold(text[s:e])][:NEAR_LIMIT]
    for s, e, score in candidates:
        if not names_one(pattern, text, view.spans, s, e):
            continue
        for f_start, f_end, value in between(s, e):
            if s <= f_start and f_end <= e and value is not None and compatible(value) and agrees(value):
                return Judgement(Status.SUPPORTS, f_start, f_end, f"{text[f_start:f_end]} ({describe(value)})", score,
                                 said=text[f_start:f_end])
    return None


def silent_near(query: str, view: Lens, reason: str) -> Judgement:
    """Silence, shown at the sentence closest to the claim (if any shares its words), so that an
    editor can tell a silent source from a miss."""
    near = view.relevant(query, NEAR, saturation=NEAR_SATURATION)[:1]
    if not near:
        return Judgement(Status.SILENT, reason=reason)
    s, e, _ = near[0]
    return Judgement(Status.SILENT, s, e, reason=f"{reason}; the closest passage is shown")


def clip(words: str, width: int) -> str:
    words = " ".join(words.split())
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"
