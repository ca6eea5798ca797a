"""Ctrl-C, from the first instant of a run: exit 130 with one line, never a traceback.

``install`` runs at the top of the entry point, before the heavy imports. From then on SIGINT
ends the process at once with ``factcheck: <status>``, unless code has asked for the interrupt
as an exception (``raising``) so as to print what it has done so far, or has made a short stretch
uninterruptible (``deferred``: the renames that publish the reports, all or none).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NoReturn

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report it


@dataclass
class _State:
    status: Callable[[], str]
    raising: bool = False
    cleanups: list[Callable[[], None]] | None = None


_state = _State(status=lambda: "interrupted")


def install() -> None:
    """SIGINT exits 130 from now on. Only the main thread may set handlers; elsewhere, nothing."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _on_sigint)


def set_status(status: Callable[[], str]) -> None:
    """What the one line says if the run is interrupted now (e.g. how many claims were checked)."""
    _state.status = status


def on_exit(cleanup: Callable[[], None]) -> None:
    """Run ``cleanup`` (remove a temporary file) if Ctrl-C ends the process."""
    _state.cleanups = [*(_state.cleanups or []), cleanup]


def exit_interrupted(message: str | None = None) -> NoReturn:
    """Print ``factcheck: <message>`` and leave at once, without waiting for threads in flight."""
    with _ignored():
        for cleanup in _state.cleanups or []:
            try:
                cleanup()
            except Exception:  # noqa: S112 - leaving anyway; one failed cleanup must not stop the others
                continue
        line = f"factcheck: {message or _state.status()}\n"
        try:
            sys.stdout.flush()
        except (OSError, ValueError, RuntimeError):  # a write cut short by the signal itself
            pass
        os.write(2, line.encode("utf-8", "backslashreplace"))
        os._exit(EXIT_INTERRUPTED)


@contextmanager
def raising() -> Iterator[None]:
    """Inside, Ctrl-C raises ``KeyboardInterrupt``, for code that reports partial work itself."""
    before, _state.raising = _state.raising, True
    try:
        yield
    finally:
        _state.raising = before


@contextmanager
def deferred() -> Iterator[None]:
    """Inside, Ctrl-C is ignored: for a few renames that must all happen or none."""
    with _ignored():
        yield


@contextmanager
def _ignored() -> Iterator[None]:
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        yield
    finally:
        if main and previous is not None:
            signal.signal(signal.SIGINT, previous)


def _on_sigint(signum: int, frame: object) -> None:
    if _state.raising:
        raise KeyboardInterrupt
    exit_interrupted()
