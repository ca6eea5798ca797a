"""Scheduling: each distinct URL once per fetcher, at most ``per_host`` connections to one host,
and work queued round-robin over hosts so that the pool is not stuck behind one host's limit."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, InvalidStateError
from contextlib import contextmanager, suppress
from typing import Generic, TypeVar
from urllib.parse import urldefrag, urlsplit

T = TypeVar("T")


def host_of(url: str) -> str:
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""


def key_of(url: str) -> str:
    """What makes two URLs the same fetch: the fragment is never sent."""
    return urldefrag(url).url


def interleave_by_host(items: list[tuple[str, T]]) -> Iterator[tuple[str, T]]:
    """Round-robin over hosts, so workers are not all queued behind one host's limit."""
    by_host: dict[str, list[tuple[str, T]]] = {}
    for item in items:
        by_host.setdefault(host_of(item[0]), []).append(item)
    queues = list(by_host.values())
    for i in range(max((len(q) for q in queues), default=0)):
        for q in queues:
            if i < len(q):
                yield q[i]


class HostSlots:
    """At most ``per_host`` holders of one host's slot at a time."""

    def __init__(self, per_host: int) -> None:
        self.per_host = max(1, per_host)
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}

    @contextmanager
    def slot(self, url: str) -> Iterator[None]:
        host = host_of(url)
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.per_host))
        with slot:
            yield


class Once(Generic[T]):
    """One future per URL key; ``claim`` says whether the caller is the one to run it."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._futures: dict[str, Future[T]] = {}

    def claim(self, url: str) -> tuple[Future[T], bool]:
        key = key_of(url)
        with self.lock:
            future = self._futures.get(key)
            if future is not None:
                return future, False
            future = self._futures[key] = Future()
            return future, True

    def replace_done(self, url: str, change: Callable[[T], T]) -> None:
        """Swap a finished future's result for ``change(result)``; unfinished ones are left alone."""
        key = key_of(url)
        with self.lock:
            future = self._futures.get(key)
            if future is None or not future.done():
                return
            changed: Future[T] = Future()
            changed.set_result(change(future.result()))
            self._futures[key] = changed

    def answer_pending(self, answer: Callable[[str], T]) -> None:
        """Give every future nobody will run a result, so that no caller waits forever."""
        with self.lock:
            for key, future in self._futures.items():
                if not future.done():
                    with suppress(InvalidStateError):
                        future.set_result(answer(key))
