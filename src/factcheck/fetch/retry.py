"""Retries (connection errors, 429, 5xx, Retry-After) as urllib3's ``Retry``, every wait bounded
by the source's deadline."""

from __future__ import annotations

from typing import Any

import urllib3
from urllib3.util.retry import Retry

from .deadline import remaining
from .failures import TRANSIENT_STATUSES, malformed
from .guard import AddressRefused

RETRY_STATUSES = TRANSIENT_STATUSES
RETRY_AFTER_MAX = 5.0  # seconds; a longer Retry-After is cut to this, so one source cannot stall a run
DISCARD_LIMIT = 256 * 1024  # an error body longer than this is not read to its end before a retry
CHUNK = 64 * 1024  # bytes per read: small enough for the size cap and deadline to act promptly


class BoundedRetry(Retry):
    """urllib3's Retry with every wait bounded: Retry-After is honoured up to
    RETRY_AFTER_MAX, and no wait or retry runs past the source's deadline. A dropped
    keep-alive connection counts as a connection error (retried); a read timeout does
    not (``read=False``), since retrying a slow server only multiplies the wait."""

    def get_retry_after(self, response: Any) -> float | None:
        after = _asked_wait(self, response)
        return None if after is None else max(0.0, min(after, RETRY_AFTER_MAX, remaining()))

    def get_backoff_time(self) -> float:
        return max(0.0, min(super().get_backoff_time(), remaining()))

    def is_exhausted(self) -> bool:
        return super().is_exhausted() or remaining() <= 0

    def _is_connection_error(self, err: Exception) -> bool:
        if isinstance(err, urllib3.exceptions.ProtocolError) and malformed(err):
            return False  # the server answered, with garbage: asking again gets the same
        return super()._is_connection_error(err) or isinstance(err, urllib3.exceptions.ProtocolError)

    def increment(self, method: Any = None, url: Any = None, response: Any = None, error: Any = None,
                  _pool: Any = None, _stacktrace: Any = None) -> BoundedRetry:
        if isinstance(error, AddressRefused):
            raise urllib3.exceptions.MaxRetryError(_pool, url, error) from error
        # Before a retry urllib3 reads the failed response's body to the end, with no limit:
        # an endless 503 body would hang the run. Read it here, bounded, or give up retrying
        # (the last response is then returned and reported as "HTTP 503 ...").
        if response is not None and error is None and not discarded(response):
            raise urllib3.exceptions.MaxRetryError(_pool, url, urllib3.exceptions.ResponseError("error body too long"))
        if response is not None and error is None:
            # A wait that uses up the deadline leaves no time for the retry: report this answer.
            after = _asked_wait(self, response)
            if after is not None and min(after, RETRY_AFTER_MAX) >= remaining():
                late = urllib3.exceptions.ResponseError("retry after the deadline")
                raise urllib3.exceptions.MaxRetryError(_pool, url, late)
        return super().increment(method, url, response, error, _pool, _stacktrace)


def _asked_wait(retry: Retry, response: Any) -> float | None:
    """The server's Retry-After in seconds; one that is neither seconds nor a date is ignored
    (RFC 9110 §10.2.3), so the retry falls back on the backoff instead of failing the fetch."""
    try:
        return Retry.get_retry_after(retry, response)
    except urllib3.exceptions.InvalidHeader:
        return None


def discarded(response: urllib3.BaseHTTPResponse, limit: int = DISCARD_LIMIT) -> bool:
    """Whether a response's body could be read to its end within ``limit`` bytes and the deadline."""
    seen = 0
    try:
        while seen <= limit and remaining() > 0:
            chunk = response.read1(CHUNK, decode_content=False)
            if not chunk:
                return True
            seen += len(chunk)
    except (urllib3.exceptions.HTTPError, OSError):
        return True  # nothing left to read; the retry opens a fresh connection
    return False


def policy(retries: int) -> BoundedRetry:
    """The session's retry policy: ``retries`` attempts for connection errors and retryable statuses."""
    return BoundedRetry(
        total=retries, connect=retries, read=False, status=retries, other=0, redirect=False,
        backoff_factor=0.25, backoff_max=2.0, status_forcelist=RETRY_STATUSES,
        allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True, raise_on_status=False,
    )
