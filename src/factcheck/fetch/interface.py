"""What the rest of factcheck needs from a fetcher: engine and sources take any object with these
methods, so a test can pass a fake that serves pages from a dict; ``Fetcher`` is the real one."""

from __future__ import annotations

from collections.abc import Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from .client import FetchResult


@runtime_checkable
class SourceFetcher(Protocol):
    warnings: list[str]  # things the user should know that are not findings (the cache could not be used)

    def fetch(self, url: str) -> FetchResult:
        """One URL, now; never raises for a bad source."""
        ...

    def start(self, urls: Iterable[str]) -> dict[str, Future[FetchResult]]:
        """Distinct URLs in the background, each once; a future per URL given."""
        ...

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]:
        """Distinct URLs concurrently, each once, waiting for all."""
        ...

    def cached(self, url: str) -> FetchResult | None:
        """What ``fetch`` would give from the cache alone, without reading the body (``text`` None);
        None when it would do more."""
        ...

    def release(self, url: str) -> None:
        """Drop a fetched body once its text has been read."""
        ...

    def close(self) -> None: ...
