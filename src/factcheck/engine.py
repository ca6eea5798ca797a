"""The pipeline, top to bottom: claims file → article → sources → locate and compare →
verdicts → ``Report``. Usable as a library::

    from factcheck.engine import Options, verify
    report = verify("claims.yaml", Options(offline=True))
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, kind_of
from .checks import judge, read_article
from .claims import ClaimsError, load_claims
from .fetch import Fetcher, decode_body
from .index import index_of
from .model import DEFAULT_FAIL_ON, ClaimsFile, Report, Result, Verdict
from .sources import Documents, TextCache, confined
from .verdicts import decide


@dataclass(frozen=True)
class Options:
    article: str | None = None  # overrides the claims file's article (path or URL)
    only: frozenset[str] | None = None  # claim ids to check
    fail_on: frozenset[Verdict] = DEFAULT_FAIL_ON
    offline: bool = False
    refresh: bool = False
    cache_dir: Path | None = None  # default: .factcheck-cache beside the claims file
    jobs: int = 8
    timeout: float = 10.0
    progress: bool = False
    naive: bool = False  # the benchmark's baseline: every claim scans its pages' full text, no index
    allow_paths: tuple[Path, ...] = ()  # local files the claims file may name besides its own directory tree
    allow_link_local: bool = False  # let sources reach link-local / cloud-metadata addresses
    fetcher_options: dict = field(default_factory=dict)  # passed through to ``Fetcher``


class Checker:
    """Checks one claims file. ``results()`` yields each claim's result in file order.

    Local files the claims file names (the article's path, archives, path sources) must lie in
    the claims file's directory tree, symlinks resolved, or below an ``allow_paths`` entry:
    the file may come from a pull request and the run from a CI runner with secrets on disk."""

    def __init__(self, claims: ClaimsFile, options: Options = Options()) -> None:
        self.claims = claims
        self.options = options
        unknown = (options.only or frozenset()) - {c.id for c in claims.claims}
        if unknown:
            raise ClaimsError(claims.path, None, "--only", f"no claim with id {', '.join(sorted(unknown))}")
        self.selected = [c for c in claims.claims if options.only is None or c.id in options.only]
        cache_dir = options.cache_dir or Path(claims.path).parent / ".factcheck-cache"
        self.texts = TextCache(cache_dir)
        self.roots = (Path(claims.path).absolute().parent, *(Path(p).absolute() for p in options.allow_paths))
        self.fetcher = Fetcher(
            cache_dir=cache_dir, offline=options.offline, refresh=options.refresh,
            timeout=options.timeout, jobs=options.jobs, progress=options.progress,
            **{"allow_link_local": options.allow_link_local, **options.fetcher_options},
        )

    @property
    def warnings(self) -> list[str]:
        """Things the user should know that are not findings (e.g. the cache could not be written)."""
        return list(self.fetcher.warnings)

    def load_article(self) -> Article:
        """The article as a file or a URL; unusable input is a ``ClaimsError`` (exit 2)."""
        spec = self.claims.article
        target = self.options.article or (spec.url if spec.url else str(spec.path))
        key = "--article" if self.options.article else ("article.url" if spec.url else "article.path")
        if target.startswith(("http://", "https://")):
            result = self.fetcher.fetch(target)
            if result.error or result.text is None:
                raise ClaimsError(self.claims.path, None, key, f"article {target} cannot be read: {result.error}")
            return Article.from_string(result.text, target, result.kind if result.kind == "html" else kind_of(target))
        path = Path(target)
        readable = path
        if not self.options.article:
            readable = confined(path, self.roots)
            if readable is None:
                raise ClaimsError(self.claims.path, None, key, f"article {target} is outside the claims file's "
                                  "directory (allow it with --allow-path)")
        try:
            if not stat.S_ISREG(readable.stat().st_mode):
                raise ClaimsError(self.claims.path, None, key, f"article {target} is not a regular file")
            raw = decode_body(readable.read_bytes(), "text/html" if kind_of(target) == "html" else None)
        except OSError as exc:
            raise ClaimsError(self.claims.path, None, key, f"article {target} cannot be read: {exc.strerror or exc}")
        return Article.from_string(raw, display_path(path))

    def results(self, article: Article) -> Iterator[Result]:
        """One result per selected claim, in file order, each as soon as its own sources are in."""
        documents = Documents((s for c in self.selected for s in c.sources), self.fetcher, self.roots, self.texts)
        for claim in self.selected:
            reading = read_article(claim, article, self.claims.article.published, self.options.naive)
            evidence = tuple(judge(claim, documents[s], self.options.naive) for s in claim.sources)
            verdict, message = decide(claim, reading, evidence)
            yield Result(claim, verdict, message, reading.mentions, evidence)

    def report(self, article: Article, results: Iterable[Result]) -> Report:
        return Report(
            claims_path=Path(self.claims.path), article_path=article.path, article_sha256=article.sha256,
            results=tuple(results), fail_on=self.options.fail_on, article_text=article.raw,
        )

    def close(self) -> None:
        self.fetcher.close()
        index_of.cache_clear()  # the pages' indexes are this run's; free them

    def run(self) -> Report:
        try:
            article = self.load_article()
            return self.report(article, self.results(article))
        finally:
            self.close()


def verify(claims_path: str | os.PathLike, options: Options = Options()) -> Report:
    return Checker(load_claims(claims_path), options).run()


def display_path(path: Path) -> str:
    """Relative to the working directory when below it (what CI annotations expect), with '/'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
