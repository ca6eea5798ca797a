"""Why a source could not be read: a kind that code can branch on, beside the one-line message
the reports show. Every way a URL, a server or the network can fail maps to one kind (the network's
exceptions in ``network``, which imports requests)."""

from __future__ import annotations

import enum
import http

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
    import http.client  # with ssl, 5 ms of start-up; only a fetch over the network gets here

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
