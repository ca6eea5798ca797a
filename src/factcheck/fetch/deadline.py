"""Each source's total deadline, and the watchdog that enforces it.

A read that keeps receiving a byte now and then never times out by itself, so every socket a
source opens (or reuses) is registered with its ``Deadline``; when the deadline passes, the
watchdog shuts them all and the blocked read returns. The current source's deadline is
thread-local: the guarded connections and the retry policy read it from the worker thread."""

from __future__ import annotations

import math
import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress

DEADLINE_FACTOR = 3  # a source gets at most timeout * DEADLINE_FACTOR in total, redirects and retries included
_local = threading.local()


class Deadline:
    """One source's fetch in progress: when it must end, whether link-local addresses are
    allowed, and the sockets it has opened or reused."""

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


def current() -> Deadline | None:
    return getattr(_local, "fetch", None)


def remaining() -> float:
    """Seconds left to the current source (infinite outside a fetch)."""
    fetch = current()
    return math.inf if fetch is None else fetch.deadline - time.monotonic()


def guarding() -> bool:
    """Whether the current fetch must refuse link-local and metadata addresses (outside a fetch: yes)."""
    fetch = current()
    return fetch is None or not fetch.allow_link_local


@contextmanager
def deadline(total: float, allow_link_local: bool) -> Iterator[Deadline]:
    """Run one source's fetch in this thread under a ``total``-second deadline, watchdog included."""
    fetch = _local.fetch = Deadline(time.monotonic() + total, allow_link_local)
    watchdog = threading.Timer(total, fetch.expire)
    watchdog.daemon = True
    watchdog.start()
    try:
        yield fetch
    finally:
        watchdog.cancel()
        fetch.close()
        _local.fetch = None
