"""The one protocol every claim type implements, and the small types that cross it.

A claim type parses its ``expect`` once (at load), reads the article at the claim's passage,
judges one source's text, says what the fix is, and drafts claims of its type. Nothing outside
``claimtypes`` branches on the type: it asks the registry for the type's ``ClaimKind``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from ..article import Article
from ..index import FullScan, TextIndex
from ..model import Claim, ClaimType, Mention, Status, Verdict

if TYPE_CHECKING:
    from .drafting import Draft, DraftContext

Lens = TextIndex | FullScan  # a text read through its index, or scanned in full (the naive baseline)


@dataclass(frozen=True)
class Page:
    """One source's text as a judge reads it."""

    text: str
    view: Lens
    published: date | None = None  # the page's own date, else the article's: anchors "November 16"
    subject: str | None = None  # its title or headline: names what every sentence on it is about


@dataclass(frozen=True)
class Setting:
    """The article's words around the value it states: what ties a source's value to the same thing."""

    before: tuple[str, ...]  # content words just before the value in its sentence, nearest last
    after: tuple[str, ...]  # ... and just after it, nearest first
    sentence: str  # the value's sentence (with the one before, if it has no other words): what the claim is about
    others: tuple[Neighbour, ...] = ()  # the sentence's other values of the kind, each with its own words


@dataclass(frozen=True)
class Neighbour:
    """Another value of the article's sentence, and the words around it, worked out when a judge
    first asks: a table's sentence holds hundreds of values, and reading one claim (a draft's
    read-back) needs none of their words."""

    value: object
    words: Callable[[], Setting] = field(compare=False, repr=False)

    @cached_property
    def setting(self) -> Setting:
        return self.words()


@dataclass(frozen=True)
class Reading:
    """What the article says about a claim."""

    mentions: tuple[Mention, ...]  # empty: not found
    agrees: bool  # with ``expect`` (always True for quotes and statements once found)
    stated: str  # the article's value, for messages
    detail: str = ""  # why it was not found, or how it disagrees
    typo: bool = False  # the disagreement is a near-miss spelling of the expected name
    value: object = None  # the article's own value at the passage (what sources are compared with without expect)
    variants: tuple[Mention, ...] = ()  # without expect: other spellings of the passage's name in the article
    caveat: str = ""  # what the reading could not settle and so assumed (a numeric date's day/month order)
    tied: tuple[Place, ...] = ()  # not found: the places the claim's words fit equally, each read as the claim's
    words_around: Callable[[], Setting] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def setting(self) -> Setting | None:
        """Dates and figures: the words around the article's value, worked out when a judge first
        asks (a draft's read-back only asks whether the passage is found and agrees)."""
        return self.words_around() if self.words_around is not None else None


@dataclass(frozen=True)
class Place:
    """One of the article's places that fit a claim's words as well as another does: its words
    as the article writes them, and what it says read as the claim's. A cited source that states
    those words word for word shows that place is another passage the article has right."""

    words: str
    reading: Reading


@dataclass(frozen=True)
class Judgement:
    """What one source's text says about a claim: where (offsets into that text) and with what value."""

    status: Status
    start: int = 0
    end: int = 0
    value: str | None = None  # the value read there, as shown to people
    score: float | None = None
    reason: str | None = None  # why the source is silent, with ``start``/``end`` at the closest candidate
    said: str | None = None  # the value as the source writes it: the fix, when it contradicts
    dated: bool = False  # year-less and relative dates were read against the page's own date
    closeness: float | None = None  # dates and figures: the share of the article's words around its value
    #                                 that stand around the source's (``about.tie``)


SILENT = Judgement(Status.SILENT)


class ClaimKind(Protocol):
    type: ClaimType
    keys: frozenset[str]  # the type-specific claim keys it takes ("aliases", "tolerance")
    needs_expect: bool  # a claim of this type must say what the verified value is
    contradicted_as: Verdict  # the verdict when the sources only say otherwise (a quotation: misquoted)
    has_value: bool  # its ``expect`` is the value sources are compared with (names, dates, figures)
    section: str  # the heading of its part of a drafted claims file

    def parse_expect(self, raw: str) -> object:
        """The typed value of ``expect``; ``ValueError`` with a one-line reason when it means nothing."""
        ...

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        """What the article says at the claim's passage, and whether it agrees with ``expect``."""
        ...

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """What one source's text says about the claim (``reading``: what the article says)."""
        ...

    def draft(self, context: DraftContext) -> list[Draft]:
        """Claims of this type drafted from the article, in the article's own words."""
        ...
