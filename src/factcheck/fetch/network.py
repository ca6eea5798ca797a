"""The network half of fetching: requests and urllib3, imported the first time a page is asked
of a server (a run whose pages are all in the cache imports neither: start-up, issue 16). The
session, the exceptions a request or a body's read raise, and the failures they mean."""

from __future__ import annotations

import http.client
from collections.abc import Mapping
from urllib.parse import urlsplit

import requests
import urllib3

from .failures import Failure, FailureKind, find, malformed, oneline, timed_out
from .guard import AddressRefused, GuardedAdapter, no_auth
from .retry import CHUNK, policy

__all__ = ["CHUNK", "READ_ERRORS", "READ_TIMEOUT", "REQUEST_ERRORS", "body_failure", "request_failure", "session"]

REQUEST_ERRORS = (requests.RequestException, urllib3.exceptions.HTTPError, OSError, ValueError)
READ_ERRORS = (urllib3.exceptions.HTTPError, OSError, ValueError)  # reading a body that has begun
READ_TIMEOUT = urllib3.exceptions.ReadTimeoutError


def session(headers: Mapping[str, str], retries: int, per_host: int) -> requests.Session:
    """One polite session: our headers, no ~/.netrc credentials, guarded connections, bounded retries."""
    made = requests.Session()
    made.headers.update(headers)
    made.auth = no_auth
    adapter = GuardedAdapter(max_retries=policy(retries), pool_connections=64, pool_maxsize=max(1, per_host))
    for prefix in ("http://", "https://"):
        made.mount(prefix, adapter)
    return made


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
