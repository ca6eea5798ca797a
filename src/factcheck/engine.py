"""The pipeline, top to bottom: claims file → article → sources → locate and compare →
verdicts → ``Report``. Usable as a library::

    from factcheck.engine import Options, verify
    report = verify("claims.yaml", Options(offline=True))
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .article import Article, kind_of
from .checks import judge, read_article
from .claims import ClaimsError, load_claims
from .fetch import Fetcher, decode_body
from .model import DEFAULT_FAIL_ON, ClaimsFile, Report, Result, Verdict
from .sources import gather
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
    fetcher_options: dict = field(default_factory=dict)  # passed through to ``Fetcher``


class Checker:
    """Checks one claims file. ``results()`` yields each claim's result in file order."""

    def __init__(self, claims: ClaimsFile, options: Options = Options()) -> None:
        self.claims = claims
        self.options = options
        unknown = (options.only or frozenset()) - {c.id for c in claims.claims}
        if unknown:
            raise ClaimsError(claims.path, None, "--only", f"no claim with id {', '.join(sorted(unknown))}")
        self.selected = [c for c in claims.claims if options.only is None or c.id in options.only]
        cache_dir = options.cache_dir or Path(claims.path).parent / ".factcheck-cache"
        self.fetcher = Fetcher(
            cache_dir=cache_dir, offline=options.offline, refresh=options.refresh,
            timeout=options.timeout, jobs=options.jobs, progress=options.progress,
            **options.fetcher_options,
        )

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
        try:
            raw = decode_body(path.read_bytes(), "text/html" if kind_of(target) == "html" else None)
        except OSError as exc:
            raise ClaimsError(self.claims.path, None, key, f"article {target} cannot be read: {exc.strerror or exc}")
        return Article.from_string(raw, display_path(path))

    def results(self, article: Article) -> Iterator[Result]:
        documents = gather((s for c in self.selected for s in c.sources), self.fetcher)
        for claim in self.selected:
            reading = read_article(claim, article, self.claims.article.published)
            evidence = tuple(judge(claim, documents[s]) for s in claim.sources)
            verdict, message = decide(claim, reading, evidence)
            yield Result(claim, verdict, message, reading.mentions, evidence)

    def run(self) -> Report:
        article = self.load_article()
        try:
            results = tuple(self.results(article))
        finally:
            self.fetcher.close()
        return Report(
            claims_path=Path(self.claims.path), article_path=article.path, article_sha256=article.sha256,
            results=results, fail_on=self.options.fail_on, article_text=article.raw,
        )


def verify(claims_path: str | os.PathLike, options: Options = Options()) -> Report:
    return Checker(load_claims(claims_path), options).run()


def display_path(path: Path) -> str:
    """Relative to the working directory when below it (what CI annotations expect), with '/'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
