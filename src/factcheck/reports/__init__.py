"""Output formats: one module per format, each with ``render(report) -> str``."""

from __future__ import annotations

import importlib
from pathlib import Path

from ..model import Report

FORMATS = ("text", "json", "markdown", "html", "junit", "sarif")
_SUFFIXES = {
    ".txt": "text", ".json": "json", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xml": "junit", ".sarif": "sarif",
}


def render(report: Report, fmt: str, **options) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{fmt}").render(report, **options)


def format_for(path: str | Path) -> str | None:
    """The format a file name implies (``report.sarif`` → sarif), if any."""
    name = str(path).lower()
    if name.endswith(".sarif.json"):
        return "sarif"
    return _SUFFIXES.get(Path(name).suffix)
