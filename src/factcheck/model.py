"""The types that flow through the pipeline.

claims file → ``ClaimsFile`` / ``Claim`` / ``SourceSpec``; article → ``Mention``;
sources → ``Document``; comparison → ``Evidence``; verdicts → ``Result``; reports → ``Report``.
Everything here is plain data: no I/O, no parsing.
"""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from .diff import Op


class Verdict(str, enum.Enum):
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MISSPELLED = "misspelled"
    MISQUOTED = "misquoted"
    DISPUTED = "disputed"
    UNVERIFIED = "unverified"
    NOT_FOUND = "not_found"

    def __str__(self) -> str:
        return self.value


DEFAULT_FAIL_ON: frozenset[Verdict] = frozenset(
    {Verdict.CONTRADICTED, Verdict.MISSPELLED, Verdict.MISQUOTED, Verdict.DISPUTED, Verdict.NOT_FOUND}
)


class ClaimType(str, enum.Enum):
    NAME = "name"
    DATE = "date"
    NUMBER = "number"
    QUOTE = "quote"
    STATEMENT = "statement"

    def __str__(self) -> str:
        return self.value


class Status(str, enum.Enum):
    """What one source says about one claim."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    SILENT = "silent"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


class Standing(str, enum.Enum):
    """Where a result stands against the gate."""

    FAILS = "fails"
    ACCEPTED = "accepted"  # a finding the claims file accepts: reported, not failing
    PASSES = "passes"  # another verdict the gate lets through, such as unverified without --strict
    STALE = "stale acceptance"  # accepted, but now supported: the acceptance can go
    SUPPORTED = "supported"

    def __str__(self) -> str:
        return self.value


def standing_of(claim: Claim, verdict: Verdict, fail_on: frozenset[Verdict]) -> Standing:
    if verdict in fail_on and not claim.accepted:
        return Standing.FAILS
    if claim.accepted and verdict is Verdict.SUPPORTED:
        return Standing.STALE
    if claim.accepted:
        return Standing.ACCEPTED
    return Standing.SUPPORTED if verdict is Verdict.SUPPORTED else Standing.PASSES


class NoteKind(str, enum.Enum):
    """What a note about a source's text says happened on the way."""

    ARCHIVE_USED = "archive used"  # the live page could not be read; the saved copy was
    CACHE_USED = "cache used"  # the live fetch failed; an older cached copy was
    CHANGED = "changed"  # the page differs from the last check
    REDIRECTED = "redirected"
    EXTRACTION = "extraction"  # the extractor's remark (no article body found, ...)
    OUTSIDE_BODY = "outside body"  # the evidence was found in the page's text outside its article body

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class SourceNote:
    kind: NoteKind
    text: str  # for people

    def __str__(self) -> str:
        return self.text


class Via(str, enum.Enum):
    """Where a source's text came from (SPEC §6): ``file`` is a local path cited as the source."""

    NETWORK = "network"
    CACHE = "cache"
    ARCHIVE = "archive"
    FILE = "file"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class SourceSpec:
    """One cited reference: a live URL, a saved copy, or both."""

    key: str  # the name under `sources:`, or the string as written in a claim
    url: str | None = None
    archive: Path | None = None  # saved copy; for a plain local-path source this is the path
    selector: str | None = None

    @property
    def label(self) -> str:
        return self.url or str(self.archive)


@dataclass(frozen=True)
class ArticleSpec:
    path: Path | None = None
    url: str | None = None
    published: date | None = None
    date_order: str | None = None  # "DMY" | "MDY": numeric dates the article does not settle ("4/5")
    region: str = "US"  # whose holidays ("Thanksgiving" is in October in CA): claims/keys.py REGIONS


@dataclass(frozen=True)
class Claim:
    id: str
    type: ClaimType
    text: str
    expect: str | None = None
    aliases: tuple[str, ...] = ()
    sources: tuple[SourceSpec, ...] = ()
    note: str | None = None
    accepted: str | None = None
    tolerance: str | None = None
    line: int = 0  # line of the claim in the claims file, for diagnostics
    expected: object = None  # ``expect`` as its claim type parsed it at load (a DateSpan, a Quantity, ...)
    margin: object = None  # ``tolerance`` parsed at load (a numbers.Tolerance)


@dataclass(frozen=True)
class ClaimsFile:
    path: Path
    article: ArticleSpec
    claims: tuple[Claim, ...]
    sources: dict[str, SourceSpec] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A stretch of the article: ``start``/``end`` index the article's plain text,
    ``line``/``column`` (1-based, in characters) point into the original file."""

    text: str
    line: int
    column: int
    start: int
    end: int
    value: str | None = None
    raw_start: int = 0  # the stretch of the original file it quotes, markup and entities included
    raw_end: int = 0


@dataclass(frozen=True)
class Document:
    """A source's readable text, or why there is none."""

    source: SourceSpec
    text: str = ""
    via: Via | None = None
    error: str | None = None  # set when no text could be had
    url: str | None = None  # final URL after redirects
    sha256: str | None = None
    notes: tuple[SourceNote, ...] = ()
    page_date: date | None = None  # the page's own publication date, read from its metadata or URL
    title: str | None = None  # the page's own subject (its title or headline), named by every sentence on it
    full_text: str = ""  # the page's whole visible text, for what the article body is silent on (HTML only)


@dataclass(frozen=True)
class Evidence:
    source: str
    status: Status
    via: Via | None = None
    text: str | None = None  # the passage of the source that was judged
    value: str | None = None  # the value read from it
    error: str | None = None
    score: float | None = None
    notes: tuple[SourceNote, ...] = ()
    reason: str | None = None  # why the source counts as silent
    page_date: date | None = None  # the page's own date, when year-less or relative dates were read against it
    said: str | None = None  # the source's value as written ("21 million b/d", "Lavrentiev"): the fix
    places: tuple[int, ...] = ()  # of a reading's tied places, those this source left (it states the others)


@dataclass(frozen=True)
class Discrepancy:
    """The article's words against the source's, with a diff where a diff helps a reader."""

    article: str
    source: str
    label: str  # what ``source`` is: "verified spelling", "source" or "expected"
    mention: Mention | None = None
    ops: tuple[Op, ...] | None = None
    sep: str = ""


@dataclass(frozen=True)
class Result:
    claim: Claim
    verdict: Verdict
    message: str
    mentions: tuple[Mention, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    discrepancies: tuple[Discrepancy, ...] = ()
    standing: Standing = Standing.PASSES
    fix: str | None = None  # the correction the sources support (contradicted, misspelled, misquoted)
    spelled_right: tuple[Mention, ...] = ()  # a misspelled name's other mentions, spelled as the sources do

    def mention_kinds(self) -> list[tuple[Mention, str]]:
        """A misspelled name's mentions in article order, each "misspelled" or "correct"; for any
        other result, its mentions with no kind."""
        if self.verdict is not Verdict.MISSPELLED:
            return [(m, "") for m in self.mentions]
        wrong = {d.mention for d in self.discrepancies}
        marked = [(m, "misspelled" if m in wrong else "correct") for m in self.mentions]
        marked += [(m, "correct") for m in self.spelled_right]
        return sorted(marked, key=lambda mk: mk[0].start)


@dataclass(frozen=True)
class Report:
    claims_path: Path
    article_path: str  # as shown to people and CI: relative to the working directory where possible
    article_sha256: str
    results: tuple[Result, ...]
    fail_on: frozenset[Verdict] = DEFAULT_FAIL_ON
    article_text: str = ""  # the original article, for reports that show it
    article_published: date | None = None  # the claims file's article.published

    def fails(self, result: Result) -> bool:
        """Whether this result fails the gate; an accepted finding never does."""
        return result.standing is Standing.FAILS

    def stale_acceptance(self, result: Result) -> bool:
        return result.standing is Standing.STALE

    @cached_property
    def failing(self) -> int:
        return sum(r.standing is Standing.FAILS for r in self.results)

    @cached_property
    def accepted(self) -> int:
        return sum(r.standing is Standing.ACCEPTED for r in self.results)

    @property
    def passed(self) -> bool:
        return self.failing == 0

    @cached_property
    def counts(self) -> dict[str, int]:
        tally = Counter(r.verdict for r in self.results)
        return {v.value: tally.get(v, 0) for v in Verdict}
