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
from pathlib import Path


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


class Via(str, enum.Enum):
    """Where a source's text came from (SPEC §6). Local path sources count as ``archive``."""

    NETWORK = "network"
    CACHE = "cache"
    ARCHIVE = "archive"

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


@dataclass(frozen=True)
class Document:
    """A source's readable text, or why there is none."""

    source: SourceSpec
    text: str = ""
    via: Via | None = None
    error: str | None = None  # set when no text could be had
    url: str | None = None  # final URL after redirects
    sha256: str | None = None
    notes: tuple[str, ...] = ()  # e.g. "live link dead (404); archive used", "page changed since last check"


@dataclass(frozen=True)
class Evidence:
    source: str
    status: Status
    via: Via | None = None
    text: str | None = None  # the passage of the source that was judged
    value: str | None = None  # the value read from it
    error: str | None = None
    score: float | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Result:
    claim: Claim
    verdict: Verdict
    message: str
    mentions: tuple[Mention, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Report:
    claims_path: Path
    article_path: str  # as shown to people and CI: relative to the working directory where possible
    article_sha256: str
    results: tuple[Result, ...]
    fail_on: frozenset[Verdict] = DEFAULT_FAIL_ON
    article_text: str = ""  # the original article, for reports that show it

    def fails(self, result: Result) -> bool:
        """Whether this result fails the gate; an accepted finding never does."""
        return result.verdict in self.fail_on and not result.claim.accepted

    def stale_acceptance(self, result: Result) -> bool:
        return bool(result.claim.accepted) and result.verdict is Verdict.SUPPORTED

    @property
    def passed(self) -> bool:
        return not any(self.fails(r) for r in self.results)

    @property
    def counts(self) -> dict[str, int]:
        tally = Counter(r.verdict for r in self.results)
        return {v.value: tally.get(v, 0) for v in Verdict}
