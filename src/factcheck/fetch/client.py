"""Fetching cited pages: one polite ``requests.Session`` shared by a pool of threads.

Redirects are followed here, hop by hop, so that every hop's scheme is checked before it is
requested and the per-host limit applies to each hop. Bodies are streamed with ``read1`` so that
the size cap (on decoded bytes: a gzip bomb stops at the cap) and the per-source deadline hold even
against a server that trickles one byte at a time. The concerns live beside this module: the
address guard (``guard``), the deadline and its watchdog (``deadline``), retries (``retry``),
failure kinds (``failures``), the session and what its exceptions mean (``network``, imported with
the first request: a run on a warm cache imports no HTTP library), scheduling (``schedule``), the
cache (``cache``), decoding (``decode``) and progress (``progress``).
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Iterable
from concurrent.futures import Future, InvalidStateError, ThreadPoolExecutor, wait
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..model import Via
from .cache import SNIFF_BYTES, DiskCache, Entry, kept_headers, storable
from .deadline import DEADLINE_FACTOR, deadline, remaining
from .decode import content_kind, decode_body, media_type
from .failures import Failure, FailureKind, oneline, size, status_failure, timed_out
from .progress import Progress, progress_of
from .schedule import HostSlots, Once, interleave_by_host, key_of

if TYPE_CHECKING:  # the network's modules are imported when a page is asked of a server (``network``)
    import requests

__all__ = ["ACCEPT", "DEADLINE_FACTOR", "MAX_BYTES", "USER_AGENT", "FetchResult", "Fetcher"]

USER_AGENT = f"factcheck/{__version__} (citation checker)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
ACCEPT_ENCODING = "gzip, deflate"  # what urllib3 decodes without optional packages
MAX_BYTES = 10 * 2**20  # a cited page larger than this (decoded) is not an article
_SCHEMES = ("http", "https")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_TOKEN = re.compile(r"[A-Za-z0-9!#$&^_.+-]{1,40}/[A-Za-z0-9!#$&^_.+-]{1,60}")  # a media type, nothing else


@dataclass(frozen=True)
class FetchResult:
    """What fetching one URL gave. ``error`` set means no text, and ``failure`` says which kind.
    A result served from the cache after the live fetch failed has ``text`` and ``via=CACHE``;
    ``dead``, ``status`` and ``failure`` describe the live failure, and ``note`` says so."""

    url: str  # as requested
    final_url: str | None  # after redirects
    text: str | None  # decoded body, None on error
    kind: str | None  # "html" | "text"
    via: Via | None  # Via.NETWORK or Via.CACHE
    status: int | None  # last HTTP status seen
    error: str | None  # one line: "HTTP 404 Not Found", "timed out after 5.0 s", ...
    dead: bool = False  # the live link is gone: 404/410, DNS failure, refused, timeout
    sha256: str | None = None  # of the body bytes
    changed: bool = False  # sha256 differs from the one recorded for this URL by an earlier run
    note: str | None = None  # e.g. "live fetch failed (HTTP 503 Service Unavailable); cached copy from ... used"
    failure: FailureKind | None = None  # why there is no (live) text; None when the live fetch succeeded


def _failed(url: str, failure: Failure) -> FetchResult:
    return FetchResult(url, failure.final_url, None, None, None, failure.status, failure.error,
                       dead=failure.dead, failure=failure.kind)


def _media(content_type: str) -> str:
    """The media type of a Content-Type, for a message; a value that is not one is not repeated."""
    kind = media_type(content_type)[0] or ""
    return kind if _TOKEN.fullmatch(kind) else "(not a media type)"


class Fetcher:
    """Fetches cited pages; each distinct URL once per Fetcher, however often it is asked for.

    ``cache_dir`` None means no persistent cache; ``cache_confine`` is the directory the cache
    must lie in (default: the one ``cache_dir`` is named in), a cache outside it is not used.
    ``offline`` never touches the network. ``refresh`` revalidates even fresh cache entries.
    ``per_host`` bounds concurrent connections to one host name; ``jobs`` bounds them overall.
    ``progress`` is a ``Progress``, told of every batch ``start`` or ``fetch_all`` begins; True is a
    plain terminal bar while ``fetch_all`` waits (what it always was), False none.
    Proxies from the environment (HTTPS_PROXY, ...) are used as requests uses them; the address
    guard checks each request's target before a proxy is asked for it."""

    def __init__(self, *, cache_dir: Path | None = None, offline: bool = False, refresh: bool = False,
                 timeout: float = 10.0, jobs: int = 8, per_host: int = 4, max_bytes: int = MAX_BYTES,
                 max_redirects: int = 10, retries: int = 2, progress: bool | Progress = False,
                 allow_link_local: bool = False, cache_confine: Path | None = None) -> None:
        self.warnings: list[str] = []  # for the user, once each: e.g. the cache could not be written
        self.cache = self._open_cache(cache_dir, cache_confine)
        self.offline, self.refresh = offline, refresh
        self.progress = progress_of(progress)
        # ``True`` keeps its old meaning (a bar while ``fetch_all`` waits, none for ``start``, whose
        # caller may be drawing its own); a Progress given is told of every batch.
        self._progress_in_background = not isinstance(progress, bool)
        self.allow_link_local = allow_link_local
        self.timeout, self.jobs = float(timeout), max(1, jobs)
        self.max_bytes, self.max_redirects = max_bytes, max_redirects
        self._retries = retries
        self._session: requests.Session | None = None
        self.slots = HostSlots(per_host)
        self._lock = threading.Lock()
        self._cache_failed = False
        self._once: Once[FetchResult] = Once()
        self._pool: ThreadPoolExecutor | None = None

    @property
    def per_host(self) -> int:
        return self.slots.per_host

    @property
    def session(self) -> requests.Session:
        """The session, made when the first page is asked of a server: a run that reads every page
        from the cache imports no HTTP library."""
        with self._lock:
            if self._session is None:
                from .network import session

                self._session = session({"User-Agent": USER_AGENT, "Accept": ACCEPT,
                                         "Accept-Encoding": ACCEPT_ENCODING}, self._retries, self.per_host)
            return self._session

    def _open_cache(self, cache_dir: Path | None, confine: Path | None) -> DiskCache | None:
        if cache_dir is None:
            return None
        cache = DiskCache(Path(cache_dir), confine)
        if cache.refused is not None:
            self.warnings.append(f"cache directory {cache_dir} is not used ({cache.refused}); "
                                 "this run continues without caching")
            return None
        cache.sweep()
        return cache

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        self._once.answer_pending(  # cancelled before they ran: nobody may wait forever
            lambda key: _failed(key, Failure(FailureKind.CLOSED, "fetcher closed")))
        with self._lock:
            made, self._session = self._session, None
        if made is not None:
            made.close()

    # -- public -----------------------------------------------------------------------

    def fetch(self, url: str) -> FetchResult:
        future, mine = self._once.claim(url)
        if mine:
            self._run(url, future)
        return replace(future.result(), url=url)

    def start(self, urls: Iterable[str]) -> dict[str, Future[FetchResult]]:
        """Start fetching distinct URLs in the background (fragments ignored), each once; each
        future's result is a ``FetchResult`` (for the URL without its fragment). Progress counts
        the URLs this call started."""
        return self._start(urls, self._progress_in_background)[0]

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]:
        """Distinct URLs concurrently (fragments ignored), each once; never raises for a bad source.
        Returns once the results are in and the progress display has been told."""
        claimed, reported = self._start(urls, True)
        wait(set(claimed.values()))
        reported.wait()
        return {url: replace(future.result(), url=url) for url, future in claimed.items()}

    def _start(self, urls: Iterable[str], report: bool) -> tuple[dict[str, Future[FetchResult]], threading.Event]:
        claimed = {url: self._once.claim(url) for url in dict.fromkeys(urls)}
        todo = [(url, future) for url, (future, mine) in claimed.items() if mine]
        reported = self._track([future for _, future in todo] if report else [])
        if todo:
            pool = self._executor()
            for url, future in interleave_by_host(todo):
                pool.submit(self._run, url, future)
        return {url: future for url, (future, _) in claimed.items()}, reported

    def cached(self, url: str) -> FetchResult | None:
        """``fetch(url)``'s result when the cache alone gives it (a fresh entry, or any ``offline``),
        but without its text: the body is not read. For a caller that keeps what it derives from a
        body by the body's hash (a run's text cache): a warm run reads no HTML. None when ``fetch``
        would do more than read the cache."""
        key = key_of(url)
        if self.cache is None or _invalid(key) is not None:
            return None
        head = self.cache.head(key)
        if head is None or not head.stored or not self._serves(head.entry):
            return None
        return _cache_result(url, head.entry, head.start, None)

    def release(self, url: str) -> None:
        """Forget a fetched body once its text has been read (a run keeps no raw HTML); the URL
        still counts as fetched, and asking again gives its result without the body."""
        self._once.replace_done(url, lambda result: replace(result, text=None))

    # -- scheduling -------------------------------------------------------------------

    def _track(self, batch: list[Future[FetchResult]]) -> threading.Event:
        """Report a batch's progress: ``advance`` as each future completes, ``finish`` after the last
        (the calls serialised, whichever worker completes the future); the event is set after ``finish``."""
        reported = threading.Event()
        if not batch:
            reported.set()
            return reported
        left = [len(batch)]
        lock = threading.Lock()
        self.progress.start(len(batch))

        def done(future: Future[FetchResult]) -> None:
            with lock:
                with suppress(Exception):  # a broken progress display must not lose a source
                    self.progress.advance(future.result().url)
                left[0] -= 1
                if left[0] == 0:
                    with suppress(Exception):
                        self.progress.finish()
                    reported.set()

        for future in batch:
            future.add_done_callback(done)
        return reported

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="factcheck-fetch")
            return self._pool

    def _run(self, url: str, future: Future[FetchResult]) -> None:
        if future.done():
            return
        try:
            result = self._fetch_one(key_of(url))
        except Exception as exc:  # a bug must not sink the whole run; it shows on this source
            result = _failed(url, Failure(FailureKind.INTERNAL, f"fetch failed: {type(exc).__name__}: {oneline(exc)}"))
        with suppress(InvalidStateError):  # close() may have answered it already
            future.set_result(result)

    # -- one source -------------------------------------------------------------------

    def _fetch_one(self, url: str) -> FetchResult:
        invalid = _invalid(url)
        if invalid is not None:
            return _failed(url, invalid)
        entry = self.cache.get(url) if self.cache is not None else None
        cached = entry if entry is not None and entry.body is not None else None
        if cached and self._serves(cached):
            return self._from_entry(url, cached)
        if self.offline:
            return _failed(url, Failure(FailureKind.OFFLINE, "offline, and not in the cache"))
        with deadline(self.timeout * DEADLINE_FACTOR, self.allow_link_local):
            try:
                return self._download(url, entry)
            except Failure as failure:
                if cached and failure.transient:
                    return self._stale(url, cached, failure)
                return _failed(url, failure)

    def _serves(self, entry: Entry) -> bool:
        """Whether a stored body is the answer without asking the server: offline, any; else a
        fresh one, unless ``refresh``."""
        return self.offline or (not self.refresh and entry.unexpired())

    def _stale(self, url: str, cached: Entry, failure: Failure) -> FetchResult:
        when = datetime.fromtimestamp(cached.stored_at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return replace(self._from_entry(url, cached), status=failure.status, dead=failure.dead, failure=failure.kind,
                       note=f"live fetch failed ({failure.error}); cached copy from {when} used")

    def _download(self, url: str, entry: Entry | None) -> FetchResult:
        current, hops = url, 0
        while True:
            conditional = entry is not None and entry.body is not None and current == entry.final_url
            with self.slots.slot(current):
                response = self._get(current, entry.validators if conditional and entry else {})
                try:
                    status = response.status_code
                    location = response.headers.get("location") if status in _REDIRECTS else None
                    if location is None:
                        if status == 304 and conditional and entry and self.cache is not None:
                            return self._from_entry(url, self.cache.touch(entry, kept_headers(response.headers)))
                        return self._read(url, current, response, entry)
                finally:
                    response.close()
            hops += 1
            if hops > self.max_redirects:
                raise Failure(FailureKind.REDIRECT_LOOP, f"too many redirects (max {self.max_redirects})",
                              status=status, final_url=current)
            current = _redirect_target(current, location, status)

    def _get(self, url: str, headers: dict[str, str]) -> requests.Response:
        left = remaining()
        if left <= 0:
            raise self._overtime(url)
        wait_for = min(self.timeout, left)
        session = self.session
        from . import network  # imported with the session

        try:
            return session.get(url, headers=headers, timeout=(wait_for, wait_for), stream=True, allow_redirects=False)
        except network.REQUEST_ERRORS as exc:
            overtime = self.timeout * DEADLINE_FACTOR if remaining() <= 0 else None  # the watchdog shut it
            raise network.request_failure(exc, url, self.timeout, overtime) from None

    def _read(self, url: str, final_url: str, response: requests.Response, entry: Entry | None) -> FetchResult:
        status = response.status_code
        if not 200 <= status < 300:
            raise status_failure(status, final_url)
        content_type = response.headers.get("content-type")
        if content_type and content_kind(content_type) is None:
            raise Failure(FailureKind.UNSUPPORTED_TYPE, f"unsupported content type {_media(content_type)}",
                          status=status, final_url=final_url)
        try:
            declared = int(response.headers.get("content-length", "-1"))
        except ValueError:
            declared = -1
        if declared > self.max_bytes:
            raise self._too_large(status, final_url)
        body = self._body(response, final_url)
        kind = content_kind(content_type, body[:SNIFF_BYTES])
        if kind is None:
            raise Failure(FailureKind.UNSUPPORTED_TYPE, "unsupported content type (none declared; the body is "
                          "not text)", status=status, final_url=final_url)
        digest = hashlib.sha256(body).hexdigest()
        if self.cache is not None:
            headers = kept_headers(response.headers)
            self._store(Entry(url, final_url, status, headers, time.time(), digest,
                              body if storable(headers) else None))
        return FetchResult(url, final_url, decode_body(body, content_type), kind, Via.NETWORK, status, None,
                           sha256=digest, changed=entry is not None and entry.sha256 != digest)

    def _body(self, response: requests.Response, url: str) -> bytes:
        """The whole decoded body, or a Failure once it passes max_bytes or the deadline.

        ``read1`` returns whatever has arrived (and with urllib3 2.6 or later at most ``CHUNK``
        decoded bytes however compressed), so a trickling server is caught by the deadline and a
        gzip bomb by the cap, chunk by chunk."""
        from . import network  # imported already: there is a response

        chunks: list[bytes] = []
        total, status = 0, response.status_code
        while True:
            if remaining() <= 0:
                raise self._overtime(url, status)
            try:
                chunk = response.raw.read1(network.CHUNK, decode_content=True)
            except network.READ_ERRORS as exc:
                if remaining() <= 0:
                    raise self._overtime(url, status) from None
                if isinstance(exc, network.READ_TIMEOUT):
                    raise timed_out(self.timeout, url, status) from None
                raise network.body_failure(exc, status, response.headers, total, url) from None
            if not chunk:
                if remaining() <= 0:  # the watchdog's shutdown looks like the end of the body
                    raise self._overtime(url, status)
                return b"".join(chunks)
            total += len(chunk)
            if total > self.max_bytes:
                raise self._too_large(status, url)
            chunks.append(chunk)

    def _store(self, entry: Entry) -> None:
        """Into the cache; the first failure to write turns writing off for this run, with one warning."""
        if self.cache is None or self._cache_failed:
            return
        problem = self.cache.put(entry)
        if problem is None:
            return
        with self._lock:
            if self._cache_failed:
                return
            self._cache_failed = True
            self.warnings.append(f"cache directory {self.cache.root.parent} cannot be written ({problem}); "
                                 "this run continues without caching")

    # -- results and failures -----------------------------------------------------------

    @staticmethod
    def _from_entry(url: str, entry: Entry) -> FetchResult:
        body = entry.body or b""
        return _cache_result(url, entry, body, decode_body(body, entry.headers.get("content-type")))

    def _too_large(self, status: int, url: str) -> Failure:
        return Failure(FailureKind.TOO_LARGE, f"body larger than {size(self.max_bytes)}", status=status, final_url=url)

    def _overtime(self, url: str, status: int | None = None) -> Failure:
        return timed_out(self.timeout, url, status, whole=self.timeout * DEADLINE_FACTOR)


def _cache_result(url: str, entry: Entry, body: bytes, text: str | None) -> FetchResult:
    """A cached entry's result, its kind sniffed from the ``body`` (its first bytes will do)."""
    kind = content_kind(entry.headers.get("content-type"), body[:SNIFF_BYTES]) or "text"
    return FetchResult(url, entry.final_url, text, kind, Via.CACHE, entry.status, None, sha256=entry.sha256)


def _invalid(url: str) -> Failure | None:
    """Why a URL cannot be fetched at all, before any cache or network."""
    try:
        parts = urlsplit(url)
        scheme, host = parts.scheme.lower(), parts.hostname
    except ValueError as exc:
        return Failure(FailureKind.INVALID_URL, f"invalid URL: {oneline(exc)}")
    if scheme not in _SCHEMES:
        return Failure(FailureKind.INVALID_URL, f"unsupported URL scheme {scheme or 'none'!r} (only http and https)")
    if not host:
        return Failure(FailureKind.INVALID_URL, "invalid URL: no host name")
    return None


def _redirect_target(current: str, location: str, status: int) -> str:
    """The next hop's URL; only http(s) is followed."""
    try:
        target = urljoin(current, location.strip())
        target_scheme = urlsplit(target).scheme.lower()
    except ValueError:
        raise Failure(FailureKind.INVALID_RESPONSE, f"invalid redirect: {oneline(location, 80)}",
                      status=status, final_url=current) from None
    if target_scheme not in _SCHEMES:
        raise Failure(FailureKind.REDIRECT_SCHEME, f"redirect to non-http(s) URL refused: {oneline(target, 80)}",
                      status=status, final_url=current)
    return target
