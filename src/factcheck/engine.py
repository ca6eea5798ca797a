"""The run, top to bottom: claims file → article → sources → locate and compare → decision →
``Report``. Usable as a library::

    from factcheck.engine import Options, verify
    report = verify("claims.yaml", Options(offline=True))

The run owns everything it builds (the fetcher unless one is passed in, the pages' indexes), so
nothing one run caches is seen by another.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Protocol

from . import dates
from .article import Article, kind_of
from .claims import ClaimsError, load_claims
from .claimtypes import KINDS, Reading, judge, read_article
from .decision import decide
from .fetch import Fetcher, decode_body
from .fetch.wayback import Wayback, wrap
from .index import DerivedStore, Lenses, TextIndex
from .messages import message
from .model import (
    DEFAULT_FAIL_ON,
    Claim,
    ClaimsFile,
    ClaimType,
    Evidence,
    Mention,
    Report,
    Result,
    SourceSpec,
    Verdict,
    standing_of,
)
from .sources import Documents, PageFetcher, PageText, TextCache, confined


@dataclass(frozen=True)
class Options:
    article: str | None = None  # overrides the claims file's article (path or URL)
    only: frozenset[str] | None = None  # claim ids to check
    fail_on: frozenset[Verdict] = DEFAULT_FAIL_ON
    offline: bool = False
    refresh: bool = False
    cache_dir: Path | None = None  # default: .factcheck-cache beside the claims file
    jobs: int = 8
    workers: int | None = None  # processes extracting pages on a cold run; None: one per core, 1: none
    timeout: float = 10.0
    naive: bool = False  # the benchmark's baseline: every claim scans its pages' full text, no index
    allow_paths: tuple[Path, ...] = ()  # local files the claims file may name besides its own directory tree
    allow_link_local: bool = False  # let sources reach link-local / cloud-metadata addresses
    wayback: Wayback | None = None  # --archive wayback: a dead link without archive: is read from its snapshot
    fetcher_options: dict = field(default_factory=dict)  # passed through to ``Fetcher``

    def __post_init__(self) -> None:
        """Any iterable of ids for ``only``; verdicts (or their names, or one comma-separated string)
        for ``fail_on``, an unknown name being a ``ValueError`` rather than a gate that never fails."""
        if self.only is not None:
            ids = [self.only] if isinstance(self.only, str) else list(self.only)
            if not all(isinstance(i, str) for i in ids):
                raise ValueError(f"Options.only: claim ids are strings, got {ids!r}")
            object.__setattr__(self, "only", frozenset(ids))
        object.__setattr__(self, "fail_on", verdicts(self.fail_on))


def verdicts(value: str | Iterable[str | Verdict]) -> frozenset[Verdict]:
    """``"contradicted,misquoted"`` or an iterable of verdicts or their names; ValueError naming the valid ones."""
    names = [n.strip() for n in value.split(",")] if isinstance(value, str) else list(value)
    if isinstance(value, str) and not any(names):
        raise ValueError("fail_on is empty (name at least one verdict, e.g. 'contradicted')")
    try:
        return frozenset(Verdict(n) for n in names if n != "")
    except ValueError:
        unknown = ", ".join(repr(n) for n in names if n not in {v.value for v in Verdict} and n not in set(Verdict))
        valid = ", ".join(v.value for v in Verdict)
        raise ValueError(f"unknown verdict {unknown} in fail_on (verdicts are {valid})") from None


class Progress(Protocol):
    """Told how far a run is; the command line fills it with a progress bar."""

    def start(self, total: int) -> None: ...

    def advance(self) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def finish(self) -> None:
        pass


class ArticleError(Exception):
    """The article cannot be read; ``reason`` completes "article X ..." ("cannot be read: ...")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_article(target: str, fetcher: PageFetcher | None = None, confine: Sequence[Path] | None = None) -> Article:
    """The article, from a file or (with a fetcher) a URL: the one loader of verify, lint, extract.
    With ``confine``, a file must lie below one of those directories, symlinks resolved."""
    if target.startswith(("http://", "https://")):
        if fetcher is None:
            raise ArticleError("is a URL; give a local file")
        result = fetcher.fetch(target)
        if result.error or result.text is None:
            raise ArticleError(f"cannot be read: {result.error}")
        if not_text(result.text):
            raise ArticleError("is not text")
        return Article.from_string(result.text, target, result.kind if result.kind == "html" else kind_of(target))
    path = Path(target)
    readable = path
    if confine is not None:
        inside = confined(path, confine)
        if inside is None:
            raise ArticleError("is outside the claims file's directory (allow it with --allow-path)")
        readable = inside
    try:
        if not stat.S_ISREG(readable.stat().st_mode):
            raise ArticleError("is not a regular file")
        raw = decode_body(readable.read_bytes(), "text/html" if kind_of(target) == "html" else None)
    except OSError as exc:
        raise ArticleError(f"cannot be read: {exc.strerror or exc}") from None
    if not_text(raw):
        raise ArticleError(f"is not text ({'empty' if not raw.strip() else 'binary data'})")
    return Article.from_string(raw, display_path(path))


# Share of control characters (NUL included) above which a decoded file is binary, not an article:
# real articles have none beyond tabs and newlines, and a few stray ones must not refuse a file.
BINARY_SHARE = 0.01


def not_text(decoded: str) -> bool:
    """An empty file, or one whose decoded text is binary (NULs, control characters, undecodable bytes)."""
    if not decoded.strip():
        return True
    sample = decoded[:65536]
    odd = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    return odd > BINARY_SHARE * len(sample)


class Interrupted(Exception):
    """Ctrl-C during a run: the claims checked so far, as a report (None before the article was read)."""

    def __init__(self, report: Report | None, total: int) -> None:
        super().__init__("interrupted")
        self.report = report
        self.total = total


class Checker:
    """Checks one claims file. ``results()`` yields each claim's result in file order.

    Local files the claims file names (the article's path, archives, path sources) must lie in
    the claims file's directory tree, symlinks resolved, or below an ``allow_paths`` entry:
    the file may come from a pull request and the run from a CI runner with secrets on disk."""

    def __init__(self, claims: ClaimsFile, options: Options = Options(),
                 fetcher: PageFetcher | None = None) -> None:
        self.claims = claims
        self.options = options
        unknown = (options.only or frozenset()) - {c.id for c in claims.claims}
        if unknown:
            raise ClaimsError(claims.path, None, "--only", f"no claim with id {', '.join(sorted(unknown))}")
        self.selected = [c for c in claims.claims if options.only is None or c.id in options.only]
        cache_dir = options.cache_dir or Path(claims.path).parent / ".factcheck-cache"
        # the default cache lies in the claims tree and must stay there; one the user names is theirs
        confine = None if options.cache_dir else Path(claims.path).parent
        self.texts = TextCache(cache_dir, confine)
        self.index_store = DerivedStore(cache_dir, confine)
        self.roots = (Path(claims.path).absolute().parent, *(Path(p).absolute() for p in options.allow_paths))
        self.lenses = self._lenses()
        self.documents: Documents | None = None
        self.owns_fetcher = fetcher is None  # one passed in is the caller's to close
        self.fetcher: PageFetcher = fetcher or wrap(Fetcher(
            cache_dir=cache_dir, cache_confine=confine, offline=options.offline, refresh=options.refresh,
            timeout=options.timeout, jobs=options.jobs,
            **{"allow_link_local": options.allow_link_local, **options.fetcher_options},
        ), options.wayback, claims)

    @property
    def warnings(self) -> list[str]:
        """Things the user should know that are not findings (e.g. the cache could not be written)."""
        return list(self.fetcher.warnings)

    def load_article(self) -> Article:
        """The article as a file or a URL; unusable input is a ``ClaimsError`` (exit 2)."""
        spec = self.claims.article
        target = self.options.article or (spec.url if spec.url else str(spec.path))
        key = "--article" if self.options.article else ("article.url" if spec.url else "article.path")
        try:
            article = load_article(target, self.fetcher, None if self.options.article else self.roots)
        except ArticleError as exc:
            raise ClaimsError(self.claims.path, None, key, f"article {target} {exc.reason}") from None
        # The article's own unambiguous numeric dates settle the day/month order, else the claims file.
        settled = dates.order_in_text(article.text)
        return replace(article, date_order=settled.value if settled else spec.date_order, region=spec.region)

    def results(self, article: Article) -> Iterator[Result]:
        """One result per selected claim, in file order, each as soon as its own sources are in.

        Every claim is read in the article first, in one pass: the article's derived data (its
        name index, its lower-cased words) stays in the judges' small caches for the whole pass
        instead of being rebuilt after every few pages, which made the cost per claim grow with
        the article. Then sources are read one at a time in the order of ``plan``: each is judged
        for every claim that cites it, then its text and index are dropped, so a run holds one
        page at a time (and the article) however many pages it cites."""
        order = plan(self.selected)
        named = any(c.type is ClaimType.NAME for c in self.selected)  # their judge reads each page's capitalised words
        indexed = None if self.options.naive else partial(index_page, self.index_store, capitalised=named)
        self.documents = documents = Documents(order.sources, self.fetcher, self.roots, self.texts,
                                               self.options.workers, in_worker=indexed)
        published = self.claims.article.published
        readings: dict[int, Reading] = {}
        for i, claim in enumerate(self.selected):
            readings[i] = read_article(claim, article, published, self.lenses)
            documents.prepare()  # the first pages are extracted meanwhile, as their fetches complete
        found: dict[int, dict[SourceSpec, Evidence]] = {}
        waiting = [len(set(c.sources)) for c in self.selected]
        done = 0

        def result(i: int) -> Result:
            claim, read, judged = self.selected[i], readings.pop(i), found.pop(i, {})
            evidence = tuple(judged[s] for s in claim.sources)
            decision = decide(KINDS[claim.type], claim, read, evidence)
            right: tuple[Mention, ...] = ()
            if decision.verdict is Verdict.MISSPELLED:
                from .claimtypes.name import spelled_right  # the name type's module: imported when a name is checked

                right = spelled_right(article, [decision.fix or "", claim.expect or "", *claim.aliases], read.mentions)
            return Result(claim, decision.verdict, message(claim, decision), decision.reading.mentions, evidence,
                          decision.discrepancies, standing_of(claim, decision.verdict, self.options.fail_on),
                          decision.fix, right)

        for spec in order.sources:
            while done < len(waiting) and waiting[done] == 0:
                yield result(done)
                done += 1
            document = documents.take(spec)
            for i in order.citing[spec]:
                found.setdefault(i, {})[spec] = judge(self.selected[i], readings[i], document, self.lenses, published)
                waiting[i] -= 1
            self.lenses.forget(document.text, document.full_text, keep=article.text)
        while done < len(waiting):
            yield result(done)
            done += 1

    def report(self, article: Article, results: Iterable[Result]) -> Report:
        return Report(
            claims_path=Path(self.claims.path), article_path=article.path, article_sha256=article.sha256,
            results=tuple(results), fail_on=self.options.fail_on, article_text=article.raw,
            article_published=self.claims.article.published,
        )

    def close(self) -> None:
        if self.documents is not None:
            self.documents.close()
        if self.owns_fetcher:
            self.fetcher.close()
        self.lenses = self._lenses()  # the pages' indexes are this run's; free them

    def _lenses(self) -> Lenses:
        """The run's indexes, what they derive from a page kept beside its text in the cache."""
        return Lenses(self.options.naive, self.index_store)

    def run(self, progress: Progress | None = None) -> Report:
        """The whole run. Ctrl-C raises ``Interrupted`` with the claims checked so far and leaves
        the fetches in flight alone (closing would wait for them, up to their deadline)."""
        progress = progress or NoProgress()
        article = None
        done: list[Result] = []
        try:
            article = self.load_article()
            progress.start(len(self.selected))
            for result in self.results(article):
                done.append(result)
                progress.advance()
        except KeyboardInterrupt:
            progress.finish()
            if self.documents is not None:
                self.documents.close(wait=False)
            raise Interrupted(None if article is None else self.report(article, done), len(self.selected)) from None
        except BaseException:
            progress.finish()
            self.close()
            raise
        progress.finish()
        self.close()
        return self.report(article, done)


@dataclass(frozen=True)
class Plan:
    """The order a run reads its sources in, planned from the claims up front: every distinct
    source once, in the order the claims first cite it, with the claims (positions) citing it."""

    sources: tuple[SourceSpec, ...]
    citing: dict[SourceSpec, tuple[int, ...]]


def plan(claims: Sequence[Claim]) -> Plan:
    """Claim ``i``'s sources are all first cited by claims ``0..i``, so by this order its result
    is ready once the sources first cited up to it are read: results stream in file order."""
    citing: dict[SourceSpec, list[int]] = {}
    for i, claim in enumerate(claims):
        for spec in dict.fromkeys(claim.sources):
            citing.setdefault(spec, []).append(i)
    return Plan(tuple(citing), {spec: tuple(ids) for spec, ids in citing.items()})


def index_page(store: DerivedStore, page: PageText, capitalised: bool = False) -> None:
    """What the run's indexes derive from a page's texts (its body and its whole text; their
    folded views too, which nearly every page's claims need, and with ``capitalised`` the words a
    name claim compares), built in the extraction worker on a cold run and stored, so that the run
    loads them as a warm run does instead of building them one page at a time in its own process
    (and storing each index again once a name claim has read its words)."""
    seen: dict[str, frozenset[str]] = {}  # the body's sentences are nearly all in the whole text
    for text in dict.fromkeys((page.text, page.full_text)):
        if text:
            index = TextIndex(text, seen=seen)
            store.put(text, replace(index.derived(), view=index.view,
                                    capitalised=index.capitalised if capitalised else None))


def verify(claims_path: str | Path, options: Options = Options(),
           fetcher: PageFetcher | None = None) -> Report:
    """Check the claims file at ``claims_path`` and return the report (``report.passed``,
    ``report.results``); unusable input raises ``ClaimsError``. Pass ``fetcher`` to share one
    (and its cache) between runs; ``reports.render(report, "json")`` turns the report into text."""
    return Checker(load_claims(claims_path), options, fetcher).run()


def display_path(path: Path) -> str:
    """Relative to the working directory when below it (what CI annotations expect), with '/'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
