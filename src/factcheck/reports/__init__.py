"""Output formats: one module per format, each with ``render(report) -> str``, registered here.

``FORMATS`` drives ``--format``'s choices and the format ``-o`` infers from a file's extension;
add a format by writing its module and one ``ModuleFormat`` line below.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..model import Report


@dataclass(frozen=True)
class Style:
    """How a report for a terminal is shown; other formats ignore it."""

    color: bool = False
    verbosity: int = 0  # -1: only what fails the gate; 1: each source's evidence too
    complete: bool = True  # False: the run was cut short, and the summary says so instead of passed
    order: str = "article"  # "article": by position in the article; "file": the claims file's order


class Format(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def suffixes(self) -> tuple[str, ...]:
        """File name endings that imply this format, for -o."""
        ...

    def render(self, report: Report, style: Style) -> str: ...


@dataclass(frozen=True)
class ModuleFormat:
    """A format implemented by ``reports/<name>.py``'s ``render``, looked up when used."""

    name: str
    suffixes: tuple[str, ...]
    styled: bool = False  # its render takes ``color`` and ``verbosity``

    def render(self, report: Report, style: Style) -> str:
        module = importlib.import_module(f"{__name__}.{self.name}")
        if self.styled:
            return module.render(report, color=style.color, verbosity=style.verbosity, complete=style.complete,
                                 order=style.order)
        return module.render(report)


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        ModuleFormat("text", (".txt",), styled=True),
        ModuleFormat("json", (".json",)),
        ModuleFormat("markdown", (".md", ".markdown")),
        ModuleFormat("html", (".html", ".htm")),
        ModuleFormat("junit", (".xml",)),
        ModuleFormat("sarif", (".sarif", ".sarif.json")),
        ModuleFormat("claimreview", (".claimreview.json", ".jsonld")),
    )
}

# Names people type for a format, as its file extension says it.
ALIASES = {"md": "markdown", "xml": "junit", "txt": "text", "htm": "html"}


def render(report: Report, fmt: str, style: Style = Style()) -> str:
    """The report as ``fmt`` ("text", "json", "markdown", "html", "junit", "sarif", or an alias such
    as "md"); ``style`` only matters to the text format. ValueError for an unknown format."""
    fmt = ALIASES.get(fmt, fmt)
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    return FORMATS[fmt].render(report, style)


def format_for(path: str | Path) -> str | None:
    """The format a file name implies (``report.sarif`` → sarif), if any; the longest ending wins."""
    name = str(path).lower()
    endings = [(suffix, f.name) for f in FORMATS.values() for suffix in f.suffixes if name.endswith(suffix)]
    return max(endings, key=lambda e: len(e[0]))[1] if endings else None
