"""The Wayback Machine for dead links (what InternetArchiveBot does for Wikipedia): a cited URL that
cannot be read and has no ``archive:`` is looked up with the Wayback availability API, asking for the
snapshot closest to the article's publication date, and that snapshot is read in its place.

``WaybackFetcher`` wraps the run's ``Fetcher``, so the snapshot goes through the same address guard,
deadline, size cap and cache as any cited page; the API call goes through the fetcher's guarded
session and deadline too (the fetcher itself reads only HTML and text, the API answers JSON). The
API's documented answer (archive.org/help/wayback_api.php)::

    {"archived_snapshots": {"closest": {"available": true, "status": "200", "timestamp": "20130919044612",
                                        "url": "http://web.archive.org/web/20130919044612/http://example.com/"}}}

and ``{"archived_snapshots": {}}`` when there is none. No snapshot, an API that is down or answers
something else, or a snapshot that cannot be read: the source stays dead, and its error says why.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterable
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from urllib.parse import urlencode, urlsplit

from ..model import ClaimsFile, Via
from .client import Fetcher, FetchResult
from .deadline import DEADLINE_FACTOR, deadline, remaining
from .failures import Failure, FailureKind, oneline, status_failure, timed_out
from .schedule import key_of

DEFAULT_API = "https://archive.org/wayback/available"
API_ENV = "FACTCHECK_WAYBACK_API"  # tests and mirrors point the lookup elsewhere
MAX_ANSWER_BYTES = 64 * 1024  # the answer is one small JSON object; anything longer is not the API
LOOKUPS_AT_ONCE = 2  # the availability API is a shared public service: dead links are looked up two at a time
RAW_FLAG = "id_"  # Wayback's flag for the page as archived: no toolbar, links not rewritten

# A live failure worth a snapshot: the page is gone or its server is broken. Not a page that is there
# but unreadable (too large, a PDF), a URL that is not one, a refused address, or --offline.
LOOK_UP_ON = frozenset({
    FailureKind.STATUS, FailureKind.TIMEOUT, FailureKind.DNS, FailureKind.CONNECTION,
    FailureKind.REDIRECT_LOOP, FailureKind.DECODE, FailureKind.INVALID_RESPONSE,
})
NOT_ASKED_OFFLINE = "the Wayback Machine was not asked"
_SNAPSHOT = re.compile(r"(?P<base>https?://[^/?#]+/web/)(?P<stamp>\d{8,14})(?:[a-z]{2}_)?/(?P<page>.+)", re.I)
_STAMP = re.compile(r"(\d{4})(\d\d)(\d\d)\d{0,6}")


@dataclass(frozen=True)
class Wayback:
    """``--archive wayback``: where the availability API is."""

    api: str = DEFAULT_API


@dataclass(frozen=True)
class Snapshot:
    url: str  # as the Wayback Machine links it: what the report names and a person opens
    taken: date
    raw_url: str  # what is fetched: the archived page itself, without the Wayback toolbar


class NoSnapshot(Exception):
    """Why a dead link has no snapshot to read, phrased to follow the link's own error."""


def api_url(api: str, url: str, published: date | None) -> str:
    query = {"url": url, **({"timestamp": published.strftime("%Y%m%d")} if published else {})}
    return f"{api}{'&' if '?' in api else '?'}{urlencode(query)}"


def parse_answer(body: bytes) -> Snapshot:
    """The closest snapshot in the API's answer; ``NoSnapshot`` when it has none or is not the API's JSON.
    A snapshot URL that is not http(s) is refused here, before anything could fetch it."""
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # RecursionError: nesting no API answer has
        raise NoSnapshot("the Wayback Machine's answer is not JSON") from None
    snapshots = answer.get("archived_snapshots") if isinstance(answer, dict) else None
    if not isinstance(snapshots, dict):
        raise NoSnapshot("the Wayback Machine's answer has no archived_snapshots")
    closest = snapshots.get("closest")
    if not isinstance(closest, dict) or closest.get("available") is not True:
        raise NoSnapshot("the Wayback Machine has no snapshot")
    if str(closest.get("status")) != "200":
        raise NoSnapshot(f"the Wayback Machine's closest snapshot is of an error page "
                         f"(HTTP {oneline(closest.get('status'), 10)})")
    url, stamp = closest.get("url"), closest.get("timestamp")
    if not isinstance(url, str) or not web_url(url):
        raise NoSnapshot(f"the Wayback Machine's snapshot URL is not http(s): {oneline(url, 80)}")
    taken = _taken(stamp if isinstance(stamp, str) else "")
    if taken is None:
        raise NoSnapshot(f"the Wayback Machine's snapshot has no valid timestamp ({oneline(stamp, 20)})")
    return Snapshot(url, taken, _raw(url))


def web_url(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def _taken(stamp: str) -> date | None:
    m = _STAMP.fullmatch(stamp)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _raw(url: str) -> str:
    m = _SNAPSHOT.fullmatch(url)
    return f"{m['base']}{m['stamp']}{RAW_FLAG}/{m['page']}" if m else url


def note_for(result: FetchResult, snapshot: Snapshot) -> str:
    why = "live link dead" if result.dead else "could not be reached"
    return (f"{why}: {result.error}; Wayback Machine snapshot of {snapshot.taken.isoformat()} used: "
            f"{snapshot.url}; save that page as this source's archive to keep it")


class WaybackFetcher:
    """The run's fetcher, with dead links answered from their Wayback snapshot. A URL in ``saved``
    (one the claims file gives an ``archive:`` for, or the article's) is never looked up."""

    def __init__(self, inner: Fetcher, settings: Wayback, published: date | None, saved: Iterable[str] = ()) -> None:
        self.inner = inner
        self.settings = settings
        self.published = published
        self.saved = frozenset(key_of(u) for u in saved)
        self.warnings = inner.warnings
        self._lock = threading.Lock()
        self._pool: ThreadPoolExecutor | None = None
        self._closed = False
        self._waiting: dict[int, Future[FetchResult]] = {}
        self._snapshots: dict[str, str] = {}  # cited URL -> the snapshot URL fetched for it

    def fetch(self, url: str) -> FetchResult:
        return self._settle(url, self.inner.fetch(url))

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]:
        return {url: self._settle(url, result) for url, result in self.inner.fetch_all(urls).items()}

    def start(self, urls: Iterable[str]) -> dict[str, Future[FetchResult]]:
        """Like ``Fetcher.start``; a dead link's future completes once its snapshot is read (or not)."""
        started = {}
        for url, future in self.inner.start(urls).items():
            outer: Future[FetchResult] = Future()
            with self._lock:
                self._waiting[id(outer)] = outer
            future.add_done_callback(partial(self._chain, url, outer))
            started[url] = outer
        return started

    def cached(self, url: str) -> FetchResult | None:
        return self.inner.cached(url)  # a cached page is live: there is nothing to look up

    def release(self, url: str) -> None:
        self.inner.release(url)
        snapshot = self._snapshots.get(key_of(url))
        if snapshot is not None:
            self.inner.release(snapshot)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            waiting, self._waiting = list(self._waiting.values()), {}
        for outer in waiting:  # cancelled before its lookup ran: nobody may wait forever
            with suppress(InvalidStateError):
                outer.set_result(FetchResult("", None, None, None, None, None, "fetcher closed",
                                             failure=FailureKind.CLOSED))
        self.inner.close()

    # -- the fallback ---------------------------------------------------------------------

    def _chain(self, url: str, outer: Future[FetchResult], done: Future[FetchResult]) -> None:
        """Runs in whichever thread completed the live fetch: a lookup is queued, never run here."""
        result = done.result()
        if not self._wanted(url, result):
            self._answer(outer, self._settle(url, result))
            return
        with self._lock:
            if self._closed:
                pool = None
            elif self._pool is None:
                pool = self._pool = ThreadPoolExecutor(max_workers=LOOKUPS_AT_ONCE,
                                                       thread_name_prefix="factcheck-wayback")
            else:
                pool = self._pool
        if pool is None:  # closing: the live result stands
            self._answer(outer, result)
            return
        pool.submit(self._look_up, url, result, outer)

    def _look_up(self, url: str, result: FetchResult, outer: Future[FetchResult]) -> None:
        """In the lookup pool; a bug sinks this source's lookup, never the run (nor leaves it waiting)."""
        try:
            settled = self._settle(url, result)
        except Exception as exc:
            settled = replace(result, error=f"{result.error}; the Wayback lookup failed: {type(exc).__name__}: "
                                            f"{oneline(exc)}")
        self._answer(outer, settled)

    def _answer(self, outer: Future[FetchResult], result: FetchResult) -> None:
        with self._lock:
            self._waiting.pop(id(outer), None)
        with suppress(InvalidStateError):
            outer.set_result(result)

    def _wanted(self, url: str, result: FetchResult) -> bool:
        return result.error is not None and result.failure in LOOK_UP_ON and key_of(url) not in self.saved

    def _settle(self, url: str, result: FetchResult) -> FetchResult:
        """The live result, or the snapshot's text in its place; a failed lookup extends the error."""
        if result.failure is FailureKind.OFFLINE and key_of(url) not in self.saved:
            return replace(result, error=f"{result.error}; {NOT_ASKED_OFFLINE}")
        if not self._wanted(url, result):
            return result
        try:
            snapshot = parse_answer(self._ask(api_url(self.settings.api, key_of(url), self.published)))
        except NoSnapshot as why:
            return replace(result, error=f"{result.error}; {why}")
        page = self.inner.fetch(snapshot.raw_url)
        if page.error is not None or page.text is None:
            return replace(result, error=f"{result.error}; the Wayback Machine's snapshot {snapshot.url} "
                                         f"could not be read ({page.error})")
        self._snapshots[key_of(url)] = snapshot.raw_url
        return replace(page, url=url, final_url=key_of(url), via=Via.ARCHIVE, status=result.status, error=None,
                       dead=result.dead, changed=False, failure=result.failure, note=note_for(result, snapshot))

    def _ask(self, url: str) -> bytes:
        """The API's answer body, under the fetcher's guard, deadline and per-host limit."""
        inner = self.inner
        session = inner.session
        from . import network  # imported with the session

        with deadline(inner.timeout * DEADLINE_FACTOR, inner.allow_link_local), inner.slots.slot(url):
            try:
                response = session.get(url, headers={"Accept": "application/json"}, stream=True,
                                       timeout=(inner.timeout, inner.timeout), allow_redirects=False)
            except network.REQUEST_ERRORS as exc:
                raise NoSnapshot(_lookup_failed(network.request_failure(exc, url, inner.timeout, None))) from None
            with response:
                if response.status_code != 200:
                    raise NoSnapshot(_lookup_failed(status_failure(response.status_code, url)))
                try:
                    body = response.raw.read(MAX_ANSWER_BYTES + 1, decode_content=True)
                except network.READ_ERRORS as exc:
                    raise NoSnapshot(_lookup_failed(network.request_failure(exc, url, inner.timeout, None))) from None
            if remaining() <= 0:
                raise NoSnapshot(_lookup_failed(timed_out(inner.timeout, url, whole=inner.timeout * DEADLINE_FACTOR)))
        if len(body) > MAX_ANSWER_BYTES:
            raise NoSnapshot("the Wayback Machine's answer is too long to be its API's")
        return body


def _lookup_failed(failure: Failure) -> str:
    return f"the Wayback Machine could not be asked ({failure.error})"


def wrap(fetcher: Fetcher, settings: Wayback | None, claims: ClaimsFile) -> Fetcher | WaybackFetcher:
    """The fetcher a run uses: ``fetcher`` itself, or with ``settings`` its dead links looked up."""
    if settings is None:
        return fetcher
    saved = [s.url for c in claims.claims for s in c.sources if s.url and s.archive is not None]
    return WaybackFetcher(fetcher, settings, claims.article.published,
                          [*saved, *([claims.article.url] if claims.article.url else [])])
