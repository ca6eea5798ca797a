"""Why a source could not be read: a kind that code can branch on, beside the one-line message
the reports show. Every way a URL, a server or the network can fail maps to one kind."""

from __future__ import annotations

import enum
import http
import http.client
from collections.abc import Mapping
from urllib.parse import urlsplit

import requests
import urllib3

from .guard import AddressRefused

TRANSIENT_STATUSES = frozenset({429, 500, 502, 503, 504})  # worth a retry, and a stale cached copy meanwhile


class FailureKind(str, enum.Enum):
    """The reason a fetch gave no text. The value is stable (reports and JSON may show it)."""

    STATUS = "status"  # an HTTP error status (404, 503, ...)
    TIMEOUT = "timeout"  # no answer within the timeout, or no complete response within the deadline
    DNS = "dns"  # the host name does not resolve
    CONNECTION = "connection"  # refused, reset, closed early, TLS failure
    TOO_LARGE = "too-large"  # the body passed the size cap (decoded bytes)
    UNSUPPORTED_TYPE = "unsupported-type"  # PDF, images, anything not HTML or text
    REFUSED_ADDRESS = "refused-address"  # link-local or cloud-metadata target
    REDIRECT_SCHEME = "redirect-scheme"  # a redirect to file:, data:, ...
    REDIRECT_LOOP = "redirect-loop"  # more redirects than allowed
    DECODE = "decode"  # a body that is not valid for its Content-Encoding or chunked framing
    INVALID_RESPONSE = "invalid-response"  # not HTTP: garbled status line, huge or too many headers
    INVALID_URL = "invalid-url"  # unparsable URL, no host, or a scheme other than http(s)
    OFFLINE = "offline"  # --offline and nothing in the cache
    CLOSED = "closed"  # the fetcher was closed before this source ran
    INTERNAL = "internal"  # a bug in factcheck, caught so that it sinks one source, not the run

    def __str__(self) -> str:
        return self.value


class Failure(Exception):
    """One source's failure, already phrased for the report. ``transient`` failures may be
    answered from a stale cache entry; ``dead`` ones mean the live link is gone."""

    def __init__(self, kind: FailureKind, error: str, *, status: int | None = None, dead: bool = False,
                 final_url: str | None = None, transient: bool = False) -> None:
        super().__init__(error)
        self.kind, self.error, self.status, self.dead = kind, error, status, dead
        self.final_url, self.transient = final_url, transient


def oneline(text: object, limit: int = 120) -> str:
    """Server- and URL-supplied strings, made safe for a one-line message."""
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def seconds(t: float) -> str:
    return f"{t:.1f}" if round(t, 1) == t else f"{t:g}"


def size(n: int) -> str:
    if n % 2**20 == 0:
        return f"{n // 2**20} MB"
    if n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n} bytes"


def find(exc: BaseException | None, kind: type | tuple[type, ...], depth: int = 0) -> BaseException | None:
    """The first exception of ``kind`` in ``exc``, its arguments, causes and contexts (urllib3 and
    requests wrap the socket's or http.client's error several layers deep)."""
    if exc is None or depth > 6:
        return None
    if isinstance(exc, kind):
        return exc
    inner: list[object] = [a for a in exc.args if isinstance(a, BaseException)]
    inner += [getattr(exc, "reason", None), exc.__cause__, exc.__context__]
    for candidate in inner:
        if isinstance(candidate, BaseException):
            found = find(candidate, kind, depth + 1)
            if found is not None:
                return found
    return None


def malformed(exc: BaseException) -> BaseException | None:
    """The http.client error of a response that is not valid HTTP (too many headers, a header
    line too long, a garbled status line); a dropped connection (RemoteDisconnected) is not one."""
    found = find(exc, http.client.HTTPException)
    return None if found is None or isinstance(found, ConnectionError) else found


def status_failure(status: int, final_url: str) -> Failure:
    """An HTTP error status; the phrase is the standard one, never the server's own words."""
    try:
        phrase = " " + http.HTTPStatus(status).phrase
    except ValueError:
        phrase = ""
    return Failure(FailureKind.STATUS, f"HTTP {status}{phrase}", status=status, dead=status in (404, 410),
                   final_url=final_url, transient=status in TRANSIENT_STATUSES)


def timed_out(timeout: float, url: str, status: int | None = None, *, whole: float | None = None) -> Failure:
    """No answer within ``timeout``; with ``whole``, no complete response within the deadline."""
    message = (f"timed out: no complete response within {seconds(whole)} s" if whole is not None
               else f"timed out after {seconds(timeout)} s")
    return Failure(FailureKind.TIMEOUT, message, status=status, dead=True, final_url=url, transient=True)


def request_failure(exc: Exception, url: str, timeout: float, whole: float | None) -> Failure:
    """A request that raised before any response; ``whole`` set when the deadline has passed."""
    if whole is not None:
        return timed_out(timeout, url, whole=whole)
    if isinstance(exc, requests.exceptions.Timeout):
        return timed_out(timeout, url)
    if isinstance(exc, requests.exceptions.ConnectionError):
        return connection_failure(exc, url)
    if header := find(exc, urllib3.exceptions.InvalidHeader):  # the server's words are not repeated
        which = "Content-Length" if "Content-Length" in str(header) else "header"
        return Failure(FailureKind.INVALID_RESPONSE, f"invalid HTTP response from {_where(url)}: invalid {which}",
                       final_url=url)
    if isinstance(exc, (requests.exceptions.InvalidURL, requests.exceptions.InvalidSchema,
                        requests.exceptions.MissingSchema, requests.exceptions.InvalidHeader)):
        return Failure(FailureKind.INVALID_URL, f"invalid URL: {oneline(exc)}", final_url=url)
    bad = malformed(exc)
    if bad is not None:
        return Failure(FailureKind.INVALID_RESPONSE, f"invalid HTTP response: {oneline(bad, 80)}", final_url=url)
    return Failure(FailureKind.CONNECTION, f"request failed: {oneline(exc)}", final_url=url, transient=True)


def _where(url: str) -> str:
    try:
        parts = urlsplit(url)
        return f"{parts.hostname}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    except ValueError:
        return "the server"


def connection_failure(exc: requests.exceptions.ConnectionError, url: str) -> Failure:
    reason = exc.args[0] if exc.args else exc
    reason = getattr(reason, "reason", reason)  # MaxRetryError wraps the last error
    where = _where(url)
    if isinstance(reason, AddressRefused):
        return Failure(FailureKind.REFUSED_ADDRESS, f"{reason.message} (allow it with --allow-link-local)",
                       final_url=url)
    bad = malformed(exc)
    if bad is not None:
        return Failure(FailureKind.INVALID_RESPONSE, f"invalid HTTP response from {where}: {oneline(bad, 80)}",
                       final_url=url)
    kind, dead, message = FailureKind.CONNECTION, False, f"connection failed: {oneline(reason, 100)}"
    if isinstance(reason, urllib3.exceptions.NameResolutionError):
        kind, dead = FailureKind.DNS, True
        message = f"connection failed: cannot resolve host {oneline(urlsplit(url).hostname, 80)}"
    elif isinstance(reason, urllib3.exceptions.NewConnectionError):
        cause = reason.__cause__ or reason.__context__ or reason
        dead = isinstance(cause, ConnectionRefusedError)
        message = (f"connection failed: connection refused by {where}" if dead else
                   f"connection failed: {where}: {oneline(getattr(cause, 'strerror', None) or cause, 80)}")
    elif isinstance(reason, urllib3.exceptions.SSLError):
        message = f"TLS error: {oneline(reason, 100)}"
    elif isinstance(reason, urllib3.exceptions.ProtocolError):
        reset = find(reason, ConnectionResetError) and not find(reason, http.client.RemoteDisconnected)
        message = f"connection failed: connection reset by {where}" if reset else \
            f"connection failed: {where} closed the connection"
    return Failure(kind, message, dead=dead, final_url=url, transient=True)


def body_failure(exc: Exception, status: int, headers: Mapping[str, str], received: int, url: str) -> Failure:
    """A body that broke off or could not be decoded while streaming, ``received`` bytes in."""
    if find(exc, urllib3.exceptions.DecodeError):
        encoding = oneline(headers.get("content-encoding") or "?", 30)
        return Failure(FailureKind.DECODE, f"invalid body: not valid {encoding} data (Content-Encoding: {encoding})",
                       status=status, final_url=url)
    short = find(exc, http.client.IncompleteRead)
    chunked = "chunked" in (headers.get("transfer-encoding") or "").lower()
    if find(exc, urllib3.exceptions.InvalidChunkLength) or (chunked and short is not None and find(short, ValueError)):
        return Failure(FailureKind.DECODE, "invalid chunked body (bad chunk length)", status=status, final_url=url)
    if chunked and short is not None:
        message = f"chunked body cut off: connection closed after {received} bytes"
    elif isinstance(short, http.client.IncompleteRead):
        got = short.partial if isinstance(short.partial, int) else len(short.partial)
        expected = short.expected if isinstance(short.expected, int) else None
        of = f" of {got + expected}" if expected is not None else ""
        message = f"body shorter than its Content-Length: connection closed after {got}{of} bytes"
    elif find(exc, ConnectionResetError):
        message = "connection reset by the server while reading the body"
    else:
        message = f"connection failed while reading the body: {oneline(exc, 80)}"
    return Failure(FailureKind.CONNECTION, message, status=status, final_url=url, transient=True)
