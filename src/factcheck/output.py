"""Writing reports: all of them or none, never over what is not a regular file, never over an input.

A regular file (or a name not yet taken) gets a temporary file beside it, renamed over it only
once every report has been written; a device, a FIFO or a symlink (``-o /dev/null``,
``/dev/stdout``) is written into directly, since renaming over it would replace the node itself,
which as root is the system's device. Any failure removes the temporary files and is one
``OutputError`` line.
"""

from __future__ import annotations

import fcntl
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from . import interrupt


class OutputError(Exception):
    """A report cannot be written: one line naming the file; nothing was written."""


@dataclass(frozen=True)
class Report:
    path: Path
    content: str


@dataclass
class _Staged:
    path: Path  # as given, for messages
    target: Path  # symlinks resolved
    data: bytes
    temporary: Path | None = None  # renamed over ``target`` at commit
    fd: int | None = None  # or written into directly at commit (device, FIFO, /dev/stdout)


def check_targets(paths: Iterable[Path], inputs: Iterable[Path | str | None]) -> None:
    """Before anything runs: no report over the claims file or the article, no missing directory."""
    own = [Path(p) for p in inputs if p is not None and not str(p).startswith(("http://", "https://"))]
    seen: list[Path] = []
    for path in paths:
        if any(_same_file(path, other) for other in seen):
            raise OutputError(f"{path}: cannot write report: named twice by -o")
        seen.append(path)
        for source in own:
            if _same_file(path, source):
                raise OutputError(f"{path}: cannot write report: it is the input {source}; choose another file")
        parent = path.absolute().parent
        if not parent.is_dir():
            reason = "No such file or directory" if not parent.exists() else "Not a directory"
            raise OutputError(f"{path}: cannot write report: {reason}")


def write_reports(reports: Sequence[Report], then: Callable[[], None] | None = None) -> None:
    """Write every report or none; Ctrl-C before the renames leaves nothing behind. ``then`` (printing
    the terminal's report) runs with the renames, uninterrupted, so a run is either whole or interrupted."""
    staged: list[_Staged] = []

    def discard() -> None:
        for s in staged:
            if s.temporary is not None:
                with suppress(OSError):
                    s.temporary.unlink()

    interrupt.on_exit(discard)
    current = None
    try:
        for report in reports:
            current = report.path
            staged.append(_stage(report))
        for s in staged:
            if s.fd is not None:
                current = s.path
                _write_into(s.fd, s.data)
        with interrupt.deferred():
            for s in staged:
                if s.temporary is not None:
                    current = s.path
                    os.replace(s.temporary, s.target)
                    s.temporary = None
            current = None
            if then is not None:
                then()
    except OSError as exc:
        if current is None:  # the reports are written; what failed is ``then``'s own
            raise
        discard()
        raise OutputError(f"{current}: cannot write report: {exc.strerror or exc}") from None
    except BaseException:
        discard()
        raise
    finally:
        for s in staged:
            if s.fd is not None:
                with suppress(OSError):
                    os.close(s.fd)


_DESCRIPTOR = re.compile(r"/dev/(?:std(?P<std>in|out|err)|fd/(?P<fd>\d+))|/proc/self/fd/(?P<proc>\d+)")
_STD = {"in": 0, "out": 1, "err": 2}


def _stage(report: Report) -> _Staged:
    # A character UTF-8 cannot carry (a lone surrogate escaped in the claims file) is written as its escape.
    data = report.content.encode("utf-8", errors="backslashreplace")
    given = os.path.abspath(report.path)
    descriptor = _DESCRIPTOR.fullmatch(given)
    if descriptor:  # /dev/stdout and the like: this process's own descriptor, at its own offset
        number = _STD[descriptor["std"]] if descriptor["std"] else int(descriptor["fd"] or descriptor["proc"])
        return _Staged(report.path, Path(given), data, fd=os.dup(number))
    try:
        mode: int | None = os.stat(given).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(21, "Is a directory", str(report.path))
    if mode is not None and (not stat.S_ISREG(mode) or Path(given).parts[1:2] in (("proc",), ("dev",))):
        return _Staged(report.path, Path(given), data, fd=_open_direct(Path(given)))
    target = Path(os.path.realpath(given))  # a symlinked report is replaced where the link points
    _sweep(target)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with suppress(FileNotFoundError):
        tmp.unlink()  # left by a killed run that had our process id
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # O_EXCL: never through a planted symlink
    staged = _Staged(report.path, target, data, temporary=tmp)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise
    return staged


def _sweep(target: Path) -> None:
    """Remove the temporary files a killed run left beside ``target`` (named by its process id)."""
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.tmp")
    with suppress(OSError):
        for entry in os.scandir(target.parent):
            found = pattern.fullmatch(entry.name)
            if found and int(found[1]) != os.getpid() and not _alive(int(found[1])):
                with suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _open_direct(path: Path) -> int:
    """Open without blocking (a FIFO nobody reads is an error, not a hang), then write as usual."""
    fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~os.O_NONBLOCK)
    return fd


def _write_into(fd: int, data: bytes) -> None:
    for stream in (sys.stdout, sys.stderr):  # what this process printed comes first
        with suppress(OSError, ValueError, AttributeError):
            stream.flush()
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)
