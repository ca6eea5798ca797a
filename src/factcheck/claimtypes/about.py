"""Which sentences of a source speak of a claim: what dates, figures and statements share.

A sentence is about a claim when it shares enough of the claim's content words (``relevant``)
and names one of the proper nouns the claim names (or the sentence before it does), so that the
same figure for another place or body is not taken for this one.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ..article import Article
from ..index import within
from ..lexicon import DAYS, MONTHS, STOPWORDS, TITLES
from ..locate import Passage, locate, sentence_around
from ..model import Claim, Status
from ..normalize import fold
from ..settings import LOCATE_THRESHOLD, RELEVANT, STRONGLY_RELEVANT
from .base import SILENT, Judgement, Lens, Reading

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
               prefer: Callable[[Any], bool], agrees: Callable[[Any], bool],
               describe: Callable[[Any], str]) -> Reading:
    """The date or figure the claim's passage states (the first ``prefer`` accepts, if any),
    and whether it agrees with ``expect``. ``read`` finds the values in a text; it is given the
    passage's own sentences only, so the rest of a long article is never parsed for one claim."""
    passage = find(claim.text, article.text, view)
    if passage is None:
        return NOT_IN_ARTICLE
    start, end = passage.start, passage.end
    s, e = sentence_around(article.text, start, end, view.spans)
    w_start, w_end = _sentences_over(view.spans, min(s, start), max(e, end))
    found = [(a + w_start, b + w_start, v) for a, b, v in read(article.text[w_start:w_end])]
    inside = within(found, start, end) or within(found, s, e)
    inside = [f for f in inside if prefer(f[2])] or inside
    if not inside:
        mention = article.mention(start, end)
        return Reading((mention,), False, "", f"no {what} in the passage '{mention.text}'")
    f_start, f_end, value = inside[0]
    mention = article.mention(f_start, f_end, describe(value))
    return Reading((mention,), agrees(value), f"'{mention.text}' ({mention.value})")


def _sentences_over(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to the whole sentences it touches."""
    i = bisect.bisect_right(spans, (start, float("inf"))) - 1
    j = bisect.bisect_right(spans, (max(start, end - 1), float("inf"))) - 1
    return (min(start, spans[i][0]) if i >= 0 else start), (max(end, spans[j][1]) if j >= 0 else end)


@lru_cache(maxsize=4096)
def named(claim: Claim) -> re.Pattern | None:
    """The names a claim and its note give ("Hormuz" of "Strait of Hormuz", "Ozerov", "EIA"), as
    one pattern: a source sentence about a figure or a statement must name one of them (or the
    sentence before it must). A name is the last word of a capitalised run; a single capitalised
    word opening the claim's own sentence is not taken for one."""
    terms = set()
    for source, skip_initial in ((claim.text, True), (claim.note or "", False)):
        for m in _NAME_RUN.finditer(source):
            words = m.group().split()
            word = fold(words[-1].removesuffix("'s"))
            if word in _NOT_NAMES or len(word) < 2:
                continue
            if skip_initial and len(words) == 1 and _SENTENCE_START.search(source, 0, m.start()):
                continue
            terms.add(word)
    if not terms:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)")


def names_one(pattern: re.Pattern | None, text: str, spans, start: int, end: int) -> bool:
    """Whether the sentence ``text[start:end]`` or the one before it names one of the claim's
    proper nouns (always, when the claim names none)."""
    if pattern is None:
        return True
    i = bisect.bisect_right(spans, (start, len(text) + 1)) - 1
    lo = spans[i - 1][0] if i > 0 else start
    return pattern.search(fold(text[lo:end])) is not None


def topic(claim: Claim, finder: Callable[[str], list]) -> str:
    """What a date or figure is about: the claim's words without the value itself (as ``finder``
    finds it), and its note."""
    words = f"{claim.text}\n{claim.note or ''}"
    for m in reversed(finder(words)):
        words = words[: m.start] + " " + words[m.end :]
    return words


def judge_value(claim: Claim, text: str, view: Lens, query: str, between: Callable[[int, int], list],
                compatible: Callable[[Any], bool], agrees: Callable[[Any], bool],
                describe: Callable[[Any], str]) -> Judgement:
    """Dates and figures: a relevant sentence holding the expected value supports; a strongly
    relevant one holding only other values of the same kind contradicts. A sidebar figure in a
    sentence about something else is neither."""
    pattern = named(claim)
    contradiction = None
    for s, e, score in view.relevant(query, RELEVANT):
        if not names_one(pattern, text, view.spans, s, e):
            continue
        values = [f for f in between(s, e) if s <= f[0] and f[1] <= e and compatible(f[2])]
        for f_start, f_end, value in values:
            if agrees(value):
                return Judgement(Status.SUPPORTS, f_start, f_end, f"{text[f_start:f_end]} ({describe(value)})", score)
        if values and contradiction is None and score >= STRONGLY_RELEVANT:
            f_start, f_end, value = values[0]
            contradiction = Judgement(
                Status.CONTRADICTS, f_start, f_end, f"{text[f_start:f_end]} ({describe(value)})", score
            )
    return contradiction or SILENT


def clip(words: str, width: int) -> str:
    words = " ".join(words.split())
    return words if len(words) <= width else words[: width - 1].rstrip() + "…"
