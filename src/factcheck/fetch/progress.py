"""How fetching reports progress, without the HTTP layer knowing about terminals or click.

The caller passes a ``Progress``; the fetcher calls ``start`` once per batch of new URLs,
``advance`` as each completes (serialised: never two calls at once) and ``finish`` when the
batch is done. The CLI can fill it with click's bar; the default draws nothing."""

from __future__ import annotations

import sys
from typing import Protocol, TextIO, runtime_checkable


@runtime_checkable
class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, url: str) -> None: ...

    def finish(self) -> None: ...


class NoProgress:
    """Draws nothing."""

    def start(self, total: int) -> None:
        pass

    def advance(self, url: str) -> None:
        pass

    def finish(self) -> None:
        pass


class TerminalBar:
    """A one-line bar on a terminal (nothing when the stream is not one): what ``progress=True``
    has always drawn, kept so that callers passing a bool keep working."""

    WIDTH = 36

    def __init__(self, stream: TextIO | None = None, label: str = "fetching sources") -> None:
        self.stream, self.label = stream or sys.stderr, label
        self.total = self.done = 0
        self.active = False

    def start(self, total: int) -> None:
        self.total, self.done = total, 0
        self.active = total > 0 and self.stream.isatty()
        self._draw()

    def advance(self, url: str) -> None:
        self.done += 1
        self._draw()

    def finish(self) -> None:
        if self.active:
            self.stream.write("\n")
            self.stream.flush()
        self.active = False

    def _draw(self) -> None:
        if not self.active:
            return
        filled = self.WIDTH * self.done // max(1, self.total)
        self.stream.write(f"\r{self.label}  [{'#' * filled}{'-' * (self.WIDTH - filled)}]  {self.done}/{self.total}")
        self.stream.flush()


def progress_of(progress: bool | Progress | None) -> Progress:
    """``True`` is the terminal bar, ``False``/None draws nothing, anything else is used as given."""
    if progress is True:
        return TerminalBar()
    if progress is False or progress is None:
        return NoProgress()
    return progress
