"""Fetching cited pages: one polite ``requests.Session`` shared by a pool of threads.

Retries (connection errors, 429, 5xx, Retry-After) are urllib3's ``Retry`` on the session's
adapter. Redirects are followed here, hop by hop, so that every hop's scheme is checked
before it is requested and the per-host limit applies to each hop. Bodies are streamed
with ``read1`` so that the size cap and the per-source deadline hold even against a
server that trickles one byte at a time; a watchdog shuts a source's sockets when its
deadline passes, so a server trickling its headers cannot hold a read open either.

Every connection, first request or redirect hop, checks the address it resolves to and
the address it actually reached: link-local and cloud-metadata addresses are refused
unless allowed, so a cited page cannot make a CI runner fetch its cloud credentials.
"""

from __future__ import annotations

import hashlib
import http
import http.client
import ipaddress
import math
import os
import socket
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import (
    Future,
    InvalidStateError,
    ThreadPoolExecutor,
    as_completed,
    wait,
)
from contextlib import contextmanager, suppress
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import click
import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.util.retry import Retry

from .. import __version__
from ..model import Via
from .cache import DiskCache, Entry, kept_headers, storable
from .decode import content_kind, decode_body, media_type

USER_AGENT = f"factcheck/{__version__} (citation checker)"
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
RETRY_AFTER_MAX = 5.0  # seconds; a longer Retry-After is cut to this
DEADLINE_FACTOR = 3  # a source gets at most timeout * DEADLINE_FACTOR in total
_SCHEMES = ("http", "https")
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_METADATA = (ipaddress.ip_address("fd00:ec2::254"),)  # AWS's IPv6 metadata service; the IPv4 one is link-local
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_local = threading.local()  # the current source's _Fetch, read by _BoundedRetry and the connections


class _Fetch:
    """One source's fetch in progress: its total deadline, whether link-local addresses are
    allowed, and the sockets it has opened or reused. When the deadline passes, ``expire``
    shuts them: a read that keeps receiving a byte now and then never times out by itself."""

    def __init__(self, deadline: float, allow_link_local: bool) -> None:
        self.deadline, self.allow_link_local = deadline, allow_link_local
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self.expired = False

    def watch(self, sock: socket.socket) -> None:
        try:  # a duplicate of the descriptor: shutting it down ends the connection, whoever holds it
            dup = socket.socket(fileno=os.dup(sock.fileno()))
        except (OSError, ValueError):
            return
        with self._lock:
            self._sockets.append(dup)
            expired = self.expired
        if expired:
            with suppress(OSError):
                dup.shutdown(socket.SHUT_RDWR)

    def expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for sock in sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            sock.close()


def _current() -> _Fetch | None:
    return getattr(_local, "fetch", None)


def _remaining() -> float:
    fetch = _current()
    return math.inf if fetch is None else fetch.deadline - time.monotonic()


def link_local(address: str) -> bool:
    """Whether an IP address is link-local (169.254.0.0/16, fe80::/10) or a cloud metadata service,
    also when written as IPv4-mapped or NAT64 IPv6."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        elif ip in _NAT64:
            ip = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.is_link_local or ip in _METADATA


class _AddressRefused(urllib3.exceptions.NewConnectionError):
    def __init__(self, conn: HTTPConnection, address: str) -> None:
        self.message = (f"refused to connect to {conn.host} ({address}): link-local or cloud-metadata address"
                        if conn.host.strip("[]") != address else
                        f"refused to connect to {address}: link-local or cloud-metadata address")
        super().__init__(conn, self.message)


class _Guarded:
    """A urllib3 connection that refuses link-local addresses and reports its socket to the
    current fetch's watchdog. The address is checked once resolved (before connecting) and
    again once connected, since a DNS answer can change between the two."""

    def _new_conn(self) -> socket.socket:
        fetch = _current()
        guard = fetch is None or not fetch.allow_link_local
        if guard:
            try:
                infos = socket.getaddrinfo(self._dns_host, self.port, 0, socket.SOCK_STREAM)
            except socket.gaierror as exc:
                raise urllib3.exceptions.NameResolutionError(self.host, self, exc) from exc
            for *_, address in infos:
                if link_local(str(address[0])):
                    raise _AddressRefused(self, str(address[0]))
        sock = super()._new_conn()
        if guard:
            with suppress(OSError):
                peer = str(sock.getpeername()[0])
                if link_local(peer):
                    sock.close()
                    raise _AddressRefused(self, peer)
        if fetch is not None:
            fetch.watch(sock)
        return sock

    def getresponse(self, *args, **kwargs):
        fetch = _current()
        if fetch is not None and self.sock is not None:  # a reused keep-alive connection
            fetch.watch(self.sock)
        return super().getresponse(*args, **kwargs)


class _GuardedHTTPConnection(_Guarded, HTTPConnection):
    pass


class _GuardedHTTPSConnection(_Guarded, HTTPSConnection):
    pass


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _GuardedHTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _GuardedHTTPSConnection


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}

    def proxy_manager_for(self, proxy: str, **proxy_kwargs):
        """Through an HTTP proxy the watchdog still sees the sockets; the address checked is the proxy's."""
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}
        return manager


def _no_auth(request: requests.PreparedRequest) -> requests.PreparedRequest:
    """Set as the session's auth so requests never adds the runner's ~/.netrc credentials to a
    request a claims file (or a page's redirect) chose."""
    return request


def _find(exc: BaseException | None, kind: type | tuple[type, ...], depth: int = 0) -> BaseException | None:
    """The first exception of ``kind`` in ``exc``, its arguments, causes and contexts (urllib3 and
    requests wrap the socket's or http.client's error several layers deep)."""
    if exc is None or depth > 6:
        return None
    if isinstance(exc, kind):
        return exc
    inner = [a for a in exc.args if isinstance(a, BaseException)]
    inner += [getattr(exc, "reason", None), exc.__cause__, exc.__context__]
    for candidate in inner:
        if isinstance(candidate, BaseException):
            found = _find(candidate, kind, depth + 1)
            if found is not None:
                return found
    return None


def _malformed(exc: BaseException) -> BaseException | None:
    """The http.client error of a response that is not valid HTTP (too many headers, a header
    line too long, a garbled status line); a dropped connection (RemoteDisconnected) is not one."""
    found = _find(exc, http.client.HTTPException)
    return None if found is None or isinstance(found, ConnectionError) else found


class _BoundedRetry(Retry):
    """urllib3's Retry with every wait bounded: Retry-After is honoured up to
    RETRY_AFTER_MAX, and no wait or retry runs past the source's deadline. A dropped
    keep-alive connection counts as a connection error (retried); a read timeout does
    not (``read=False``), since retrying a slow server only multiplies the wait."""

    def get_retry_after(self, response):
        after = super().get_retry_after(response)
        return None if after is None else max(0.0, min(after, RETRY_AFTER_MAX, _remaining()))

    def get_backoff_time(self) -> float:
        return max(0.0, min(super().get_backoff_time(), _remaining()))

    def is_exhausted(self) -> bool:
        return super().is_exhausted() or _remaining() <= 0

    def _is_connection_error(self, err: Exception) -> bool:
        if isinstance(err, urllib3.exceptions.ProtocolError) and _malformed(err):
            return False  # the server answered, with garbage: asking again gets the same
        return super()._is_connection_error(err) or isinstance(err, urllib3.exceptions.ProtocolError)

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        if isinstance(error, _AddressRefused):
            raise urllib3.exceptions.MaxRetryError(_pool, url, error) from error
        # Before a retry urllib3 reads the failed response's body to the end, with no limit:
        # an endless 503 body would hang the run. Read it here, bounded, or give up retrying
        # (the last response is then returned and reported as "HTTP 503 ...").
        if response is not None and error is None and not _discarded(response):
            raise urllib3.exceptions.MaxRetryError(_pool, url, urllib3.exceptions.ResponseError("error body too long"))
        if response is not None and error is None:
            # A wait that uses up the deadline leaves no time for the retry: report this answer.
            after = Retry.get_retry_after(self, response)
            if after is not None and min(after, RETRY_AFTER_MAX) >= _remaining():
                raise urllib3.exceptions.MaxRetryError(_pool, url, urllib3.exceptions.ResponseError("retry after the deadline"))
        return super().increment(method, url, response, error, _pool, _stacktrace)


def _discarded(response: urllib3.BaseHTTPResponse, limit: int = 256 * 1024) -> bool:
    """Whether a response's body could be read to its end within ``limit`` bytes and the deadline."""
    seen = 0
    try:
        while seen <= limit and _remaining() > 0:
            chunk = response.read1(_CHUNK, decode_content=False)
            if not chunk:
                return True
            seen += len(chunk)
    except (urllib3.exceptions.HTTPError, OSError):
        return True  # nothing left to read; the retry opens a fresh connection
    return False


@dataclass(frozen=True)
class FetchResult:
    """What fetching one URL gave. ``error`` set means no text. A result served from the
    cache after the live fetch failed has ``text`` and ``via=CACHE``, ``dead`` and
    ``status`` describe the live failure, and ``note`` says so."""

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


class _Failure(Exception):
    """One source's failure, already phrased for the report."""

    def __init__(self, error: str, *, status: int | None = None, dead: bool = False,
                 final_url: str | None = None, transient: bool = False) -> None:
        super().__init__(error)
        self.error, self.status, self.dead, self.final_url, self.transient = error, status, dead, final_url, transient


def _oneline(text: object, limit: int = 120) -> str:
    """Server- and URL-supplied strings, made safe for a one-line message."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _seconds(t: float) -> str:
    return f"{t:.1f}" if round(t, 1) == t else f"{t:g}"


def _size(n: int) -> str:
    if n % 2**20 == 0:
        return f"{n // 2**20} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def _host(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def _interleave_by_host(items: list[tuple[str, Future]]) -> Iterator[tuple[str, Future]]:
    """Round-robin over hosts, so workers are not all queued behind one host's limit."""
    by_host: dict[str, list[tuple[str, Future]]] = {}
    for item in items:
        by_host.setdefault(_host(item[0]), []).append(item)
    queues = list(by_host.values())
    for i in range(max((len(q) for q in queues), default=0)):
        for q in queues:
            if i < len(q):
                yield q[i]


class Fetcher:
    """Fetches cited pages; each distinct URL once per Fetcher, however often it is asked for.

    ``cache_dir`` None means no persistent cache. ``offline`` never touches the network.
    ``refresh`` revalidates even fresh cache entries. ``per_host`` bounds concurrent
    connections to one host name; ``jobs`` bounds them overall."""

    def __init__(self, *, cache_dir: Path | None = None, offline: bool = False, refresh: bool = False,
                 timeout: float = 10.0, jobs: int = 8, per_host: int = 4, max_bytes: int = 10 * 2**20,
                 max_redirects: int = 10, retries: int = 2, progress: bool = False,
                 allow_link_local: bool = False) -> None:
        self.cache = DiskCache(Path(cache_dir)) if cache_dir is not None else None
        if self.cache is not None:
            self.cache.sweep()
        self.warnings: list[str] = []  # for the user, once each: e.g. the cache could not be written
        self.offline, self.refresh, self.progress = offline, refresh, progress
        self.allow_link_local = allow_link_local
        self.timeout, self.jobs, self.per_host = float(timeout), max(1, jobs), max(1, per_host)
        self.max_bytes, self.max_redirects = max_bytes, max_redirects
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT, "Accept": ACCEPT})
        self.session.auth = _no_auth
        retry = _BoundedRetry(
            total=retries, connect=retries, read=False, status=retries, other=0, redirect=False,
            backoff_factor=0.25, backoff_max=2.0, status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True, raise_on_status=False,
        )
        adapter = _Adapter(max_retries=retry, pool_connections=64, pool_maxsize=self.per_host)
        for prefix in ("http://", "https://"):
            self.session.mount(prefix, adapter)
        self._lock = threading.Lock()
        self._cache_failed = False
        self._futures: dict[str, Future] = {}
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._pool: ThreadPoolExecutor | None = None

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
        with self._lock:
            for key, future in self._futures.items():  # cancelled before they ran: nobody may wait forever
                if not future.done():
                    future.set_result(FetchResult(key, None, None, None, None, None, "fetcher closed"))
        self.session.close()

    # -- public -----------------------------------------------------------------------

    def fetch(self, url: str) -> FetchResult:
        future, mine = self._claim(url)
        if mine:
            self._run(url, future)
        return replace(future.result(), url=url)

    def start(self, urls: Iterable[str]) -> dict[str, Future]:
        """Start fetching distinct URLs in the background (fragments ignored), each once; each
        future's result is a ``FetchResult`` (for the URL without its fragment)."""
        claimed = {url: self._claim(url) for url in dict.fromkeys(urls)}
        todo = [(url, future) for url, (future, mine) in claimed.items() if mine]
        if todo:
            pool = self._executor()
            for url, future in _interleave_by_host(todo):
                pool.submit(self._run, url, future)
        return {url: future for url, (future, _) in claimed.items()}

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]:
        """Distinct URLs concurrently (fragments ignored), each once; never raises for a bad source."""
        claimed = self.start(urls)
        futures = set(claimed.values())
        if self.progress and futures and sys.stderr.isatty():
            with click.progressbar(length=len(futures), label="fetching sources", file=sys.stderr) as bar:
                for _ in as_completed(futures):
                    bar.update(1)
        else:
            wait(futures)
        return {url: replace(future.result(), url=url) for url, future in claimed.items()}

    def release(self, url: str) -> None:
        """Forget a fetched body once its text has been read (a run keeps no raw HTML); the URL
        still counts as fetched, and asking again gives its result without the body."""
        key = urldefrag(url).url
        with self._lock:
            future = self._futures.get(key)
            if future is None or not future.done():
                return
            emptied: Future = Future()
            emptied.set_result(replace(future.result(), text=None))
            self._futures[key] = emptied

    # -- scheduling -------------------------------------------------------------------

    def _claim(self, url: str) -> tuple[Future, bool]:
        """The future for this URL's fetch, and whether the caller must run it."""
        key = urldefrag(url).url if isinstance(url, str) else url
        with self._lock:
            future = self._futures.get(key)
            if future is not None:
                return future, False
            future = self._futures[key] = Future()
            return future, True

    def _executor(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="factcheck-fetch")
            return self._pool

    def _run(self, url: str, future: Future) -> None:
        if future.done():
            return
        try:
            result = self._fetch_one(urldefrag(url).url)
        except Exception as exc:  # a bug must not sink the whole run; it shows on this source
            result = FetchResult(url, None, None, None, None, None, f"fetch failed: {type(exc).__name__}: {_oneline(exc)}")
        with suppress(InvalidStateError):  # close() may have answered it already
            future.set_result(result)

    @contextmanager
    def _host_slot(self, url: str) -> Iterator[None]:
        host = _host(url)
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slot:
            yield

    # -- one source -------------------------------------------------------------------

    def _fetch_one(self, url: str) -> FetchResult:
        try:
            parts = urlsplit(url)
            scheme, host = parts.scheme.lower(), parts.hostname
        except ValueError as exc:
            return self._error(url, _Failure(f"invalid URL: {_oneline(exc)}"))
        if scheme not in _SCHEMES:
            return self._error(url, _Failure(f"unsupported URL scheme {scheme or 'none'!r} (only http and https)"))
        if not host:
            return self._error(url, _Failure("invalid URL: no host name"))
        entry = self.cache.get(url) if self.cache is not None else None
        cached = entry if entry is not None and entry.body is not None else None
        if self.offline:
            return self._from_entry(url, cached) if cached else self._error(url, _Failure("not in cache (offline)"))
        if cached and not self.refresh and cached.fresh():
            return self._from_entry(url, cached)
        total = self.timeout * DEADLINE_FACTOR
        fetch = _local.fetch = _Fetch(time.monotonic() + total, self.allow_link_local)
        watchdog = threading.Timer(total, fetch.expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._download(url, entry)
        except _Failure as failure:
            if cached and failure.transient:
                when = datetime.fromtimestamp(cached.stored_at, timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
                stale = self._from_entry(url, cached)
                return replace(stale, status=failure.status, dead=failure.dead,
                               note=f"live fetch failed ({failure.error}); cached copy from {when} used")
            return self._error(url, failure)
        finally:
            watchdog.cancel()
            fetch.close()
            _local.fetch = None

    def _download(self, url: str, entry: Entry | None) -> FetchResult:
        current, hops = url, 0
        while True:
            conditional = entry is not None and entry.body is not None and current == entry.final_url
            with self._host_slot(current):
                response = self._get(current, entry.validators if conditional else {})
                try:
                    status = response.status_code
                    location = response.headers.get("location") if status in _REDIRECTS else None
                    if location is None:
                        if status == 304 and conditional and self.cache is not None:
                            return self._from_entry(url, self.cache.touch(entry, kept_headers(response.headers)))
                        return self._read(url, current, response, entry)
                finally:
                    response.close()
            hops += 1
            if hops > self.max_redirects:
                raise _Failure(f"too many redirects (max {self.max_redirects})", status=status, final_url=current)
            try:
                target = urljoin(current, location.strip())
                target_scheme = urlsplit(target).scheme.lower()
            except ValueError:
                raise _Failure(f"invalid redirect: {_oneline(location, 80)}", status=status, final_url=current) from None
            if target_scheme not in _SCHEMES:
                raise _Failure(f"redirect to non-http(s) URL refused: {_oneline(target, 80)}",
                               status=status, final_url=current)
            current = target

    def _get(self, url: str, headers: dict[str, str]) -> requests.Response:
        remaining = _remaining()
        if remaining <= 0:
            raise self._overtime(None, url)
        wait_for = min(self.timeout, remaining)
        try:
            return self.session.get(url, headers=headers, timeout=(wait_for, wait_for),
                                    stream=True, allow_redirects=False)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            if _remaining() <= 0:  # the watchdog shut the connection
                raise self._overtime(None, url) from None
            raise self._request_failure(exc, url) from None

    def _request_failure(self, exc: Exception, url: str) -> _Failure:
        if isinstance(exc, requests.exceptions.Timeout):
            return self._timed_out(url)
        if isinstance(exc, requests.exceptions.ConnectionError):
            return self._connection_failure(exc, url)
        if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                            requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
            return _Failure(f"invalid URL: {_oneline(exc)}", final_url=url)
        malformed = _malformed(exc)
        if malformed is not None:
            return _Failure(f"invalid HTTP response: {_oneline(malformed, 80)}", final_url=url)
        return _Failure(f"request failed: {_oneline(exc)}", final_url=url, transient=True)

    def _read(self, url: str, final_url: str, response: requests.Response, entry: Entry | None) -> FetchResult:
        status = response.status_code
        if not 200 <= status < 300:
            try:
                phrase = http.HTTPStatus(status).phrase
            except ValueError:
                phrase = _oneline(response.reason or "", 60)
            raise _Failure(f"HTTP {status} {phrase}".strip(), status=status, dead=status in (404, 410),
                           final_url=final_url, transient=status in RETRY_STATUSES)
        content_type = response.headers.get("content-type")
        if content_type and content_kind(content_type) is None:
            raise _Failure(f"unsupported content type {_oneline(media_type(content_type)[0] or content_type, 60)}",
                           status=status, final_url=final_url)
        try:
            declared = int(response.headers.get("content-length", "-1"))
        except ValueError:
            declared = -1
        if declared > self.max_bytes:
            raise _Failure(f"body larger than {_size(self.max_bytes)}", status=status, final_url=final_url)
        body = self._body(response, final_url)
        kind = content_kind(content_type, body[:1024])
        if kind is None:
            raise _Failure("unsupported content type (none declared; the body is not text)",
                           status=status, final_url=final_url)
        digest = hashlib.sha256(body).hexdigest()
        if self.cache is not None:
            headers = kept_headers(response.headers)
            self._store(Entry(url, final_url, status, headers, time.time(), digest,
                              body if storable(headers) else None))
        return FetchResult(url, final_url, decode_body(body, content_type), kind, Via.NETWORK, status, None,
                           sha256=digest, changed=entry is not None and entry.sha256 != digest)

    def _body(self, response: requests.Response, url: str) -> bytes:
        """The whole body, or a _Failure once it passes max_bytes or the deadline.

        ``read1`` returns whatever has arrived, so a trickling server is caught by the
        deadline instead of blocking in a read that waits for a full chunk."""
        chunks, size = [], 0
        while True:
            if _remaining() <= 0:
                raise self._overtime(response.status_code, url)
            try:
                chunk = response.raw.read1(_CHUNK, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
                if _remaining() <= 0:
                    raise self._overtime(response.status_code, url) from None
                if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
                    raise self._timed_out(url, response.status_code) from None
                raise self._broken_body(exc, response, url) from None
            if not chunk:
                if _remaining() <= 0:  # the watchdog's shutdown looks like the end of the body
                    raise self._overtime(response.status_code, url)
                return b"".join(chunks)
            size += len(chunk)
            if size > self.max_bytes:
                raise _Failure(f"body larger than {_size(self.max_bytes)}", status=response.status_code, final_url=url)
            chunks.append(chunk)

    @staticmethod
    def _broken_body(exc: Exception, response: requests.Response, url: str) -> _Failure:
        status = response.status_code
        if _find(exc, urllib3.exceptions.DecodeError):
            encoding = _oneline(response.headers.get("content-encoding", "?"), 30)
            return _Failure(f"invalid body: not valid {encoding} data (Content-Encoding: {encoding})",
                            status=status, final_url=url)
        short = _find(exc, http.client.IncompleteRead)
        if short is not None:
            got = short.partial if isinstance(short.partial, int) else len(short.partial)
            expected = short.expected if isinstance(short.expected, int) else None
            of = f" of {got + expected}" if expected is not None else ""
            return _Failure(f"body shorter than its Content-Length: connection closed after {got}{of} bytes",
                            status=status, final_url=url, transient=True)
        if _find(exc, urllib3.exceptions.InvalidChunkLength):
            return _Failure("invalid chunked body (bad chunk length)", status=status, final_url=url)
        if _find(exc, ConnectionResetError):
            return _Failure("connection reset by the server while reading the body", status=status,
                            final_url=url, transient=True)
        return _Failure(f"connection failed while reading the body: {_oneline(exc, 80)}",
                        status=status, final_url=url, transient=True)

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

    def _from_entry(self, url: str, entry: Entry) -> FetchResult:
        content_type = entry.headers.get("content-type")
        body = entry.body or b""
        return FetchResult(url, entry.final_url, decode_body(body, content_type),
                           content_kind(content_type, body[:1024]) or "text", Via.CACHE, entry.status, None,
                           sha256=entry.sha256)

    @staticmethod
    def _error(url: str, failure: _Failure) -> FetchResult:
        return FetchResult(url, failure.final_url, None, None, None, failure.status, failure.error,
                           dead=failure.dead)

    def _timed_out(self, url: str, status: int | None = None) -> _Failure:
        if _remaining() <= 0.01:
            return self._overtime(status, url)
        return _Failure(f"timed out after {_seconds(self.timeout)} s", status=status, dead=True,
                        final_url=url, transient=True)

    def _overtime(self, status: int | None, url: str) -> _Failure:
        total = self.timeout * DEADLINE_FACTOR
        return _Failure(f"timed out: no complete response within {_seconds(total)} s", status=status,
                        dead=True, final_url=url, transient=True)

    @staticmethod
    def _connection_failure(exc: requests.exceptions.ConnectionError, url: str) -> _Failure:
        reason = exc.args[0] if exc.args else exc
        reason = getattr(reason, "reason", reason)  # MaxRetryError wraps the last error
        try:
            parts = urlsplit(url)
            where = f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
        except ValueError:
            where = "the server"
        if isinstance(reason, _AddressRefused):
            return _Failure(f"{reason.message} (allow it with --allow-link-local)", final_url=url)
        malformed = _malformed(exc)
        if malformed is not None:
            return _Failure(f"invalid HTTP response from {where}: {_oneline(malformed, 80)}", final_url=url)
        if isinstance(reason, urllib3.exceptions.NameResolutionError):
            return _Failure(f"connection failed: cannot resolve host {urlsplit(url).hostname}", dead=True,
                            final_url=url, transient=True)
        if isinstance(reason, urllib3.exceptions.NewConnectionError):
            if isinstance(reason.__cause__ or reason.__context__, ConnectionRefusedError):
                return _Failure(f"connection failed: connection refused by {where}", dead=True,
                                final_url=url, transient=True)
            cause = reason.__cause__ or reason.__context__ or reason
            return _Failure(f"connection failed: {where}: {_oneline(getattr(cause, 'strerror', None) or cause, 80)}",
                            final_url=url, transient=True)
        if isinstance(reason, urllib3.exceptions.SSLError):
            return _Failure(f"TLS error: {_oneline(reason, 100)}", final_url=url, transient=True)
        if isinstance(reason, urllib3.exceptions.ProtocolError):
            if _find(reason, ConnectionResetError) and not _find(reason, http.client.RemoteDisconnected):
                return _Failure(f"connection failed: connection reset by {where}", final_url=url, transient=True)
            return _Failure(f"connection failed: {where} closed the connection", final_url=url, transient=True)
        return _Failure(f"connection failed: {_oneline(reason, 100)}", final_url=url, transient=True)
