"""Many claims files in one run: ``factcheck verify a.yaml b.yaml`` or ``factcheck verify articles/``.

A thin layer over the library: each claims file is checked by its own ``Checker`` exactly as a run
of that file alone would check it (its cache beside it, its own article and sources), one file
after the other, and the reports become one document per format. Every claims file is read before
any is checked, so an unusable one stops the run before the network is touched.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

from . import __version__
from .claims import ClaimsError, load_claims
from .deprecations import selector_warnings
from .engine import Checker, Interrupted, Options, Progress
from .model import ClaimsFile, Report, Verdict
from .reports import Style

# What a folder's claims files are called: the default name, or an article's own (``budget.claims.yaml``).
CLAIMS_NAMES = frozenset({"claims.yaml", "claims.yml"})
CLAIMS_SUFFIXES = (".claims.yaml", ".claims.yml")
MARKDOWN_BREAK = "\n---\n\n"  # a thematic break between articles' reports


@dataclass(frozen=True)
class Plan:
    """One claims file to check, and which of its claims (None: all)."""

    claims: ClaimsFile
    only: frozenset[str] | None = None

    @property
    def total(self) -> int:
        return sum(self.only is None or c.id in self.only for c in self.claims.claims)


class BatchInterrupted(Exception):
    """Ctrl-C: the claims files checked so far, the one cut short (None while its article was read),
    and how many claims were checked of how many selected."""

    def __init__(self, reports: list[Report], partial: Report | None, checked: int, total: int) -> None:
        super().__init__("interrupted")
        self.reports, self.partial, self.checked, self.total = reports, partial, checked, total


def is_claims_file(name: str) -> bool:
    lower = name.lower()
    return lower in CLAIMS_NAMES or lower.endswith(CLAIMS_SUFFIXES)


def claims_files(paths: Sequence[Path]) -> list[Path]:
    """The files as given, each folder replaced by the claims files below it (sorted; hidden folders
    such as .git and .factcheck-cache skipped, symlinked folders not followed); each file once."""
    found: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        inside = sorted(Path(top, name) for top, dirs, names in os.walk(path) if not _prune(dirs)
                        for name in names if is_claims_file(name))
        if not inside:
            raise ClaimsError(path, None, None, "no claims files in this folder (claims.yaml, claims.yml or "
                                                "NAME.claims.yaml)")
        found += inside
    return list(dict.fromkeys(found))


def _prune(dirs: list[str]) -> bool:
    """Walk no hidden folder (``os.walk`` reads the list back); never prunes the walk itself."""
    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
    return False


def plan(files: Sequence[Path], only: frozenset[str] | None) -> list[Plan]:
    """Read every claims file (a ``ClaimsError`` for the first unusable one). ``only`` names claims
    across the files: a file holding none of them is not checked, an id in no file is an error.
    One file keeps ``only`` whole, so its error is the one a single run gives."""
    loaded = [load_claims(f) for f in files]
    if only is None or len(loaded) == 1:
        return [Plan(c, only) for c in loaded]
    known = {c.id for claims in loaded for c in claims.claims}
    unknown = only - known
    if unknown:
        raise ClaimsError(f"{len(loaded)} claims files", None, "--only",
                          f"no claim with id {', '.join(sorted(unknown))} in any of them")
    return [Plan(c, only & {x.id for x in c.claims}) for c in loaded if only & {x.id for x in c.claims}]


def run(plans: Sequence[Plan], options: Options, progress: Progress | None = None,
        warn: Callable[[str], None] = lambda _: None) -> list[Report]:
    """Check each plan in turn; ``warn`` hears what is not a finding (deprecated selectors, an unusable
    cache). Unusable input (an article that cannot be read) is a ``ClaimsError``; Ctrl-C a
    ``BatchInterrupted`` with what was checked."""
    reports: list[Report] = []
    total = sum(p.total for p in plans)
    for p in plans:
        try:
            checker = Checker(p.claims, replace(options, only=p.only))
            for warning in selector_warnings(p.claims):
                warn(warning)
            reports.append(checker.run(progress))
        except Interrupted as stop:
            checked = sum(len(r.results) for r in reports) + (len(stop.report.results) if stop.report else 0)
            raise BatchInterrupted(reports, stop.report, checked, total) from None
        except KeyboardInterrupt:  # between two files' runs
            raise BatchInterrupted(reports, None, sum(len(r.results) for r in reports), total) from None
        for warning in checker.warnings:
            warn(warning)
    return reports


def passed(reports: Sequence[Report]) -> bool:
    return all(r.passed for r in reports)


def as_json(reports: Sequence[Report]) -> dict:
    """SPEC §6's report per claims file under ``reports``, each with its ``claims_file``, and one summary."""
    counts = {v.value: sum(r.counts[v.value] for r in reports) for v in Verdict}
    return {
        "version": 1,
        "tool": {"name": "factcheck", "version": __version__},
        "summary": {"files": len(reports), "total": sum(len(r.results) for r in reports), **counts,
                    "passed": passed(reports)},
        "reports": [{"claims_file": Path(r.claims_path).as_posix(), **_format("json").as_dict(r)} for r in reports],
    }


def _json(reports: Sequence[Report], _style: Style) -> str:
    return json.dumps(as_json(reports), indent=2, ensure_ascii=False) + "\n"


def _format(name: str) -> ModuleType:
    """A format's module, imported when a report in it is asked for (start-up, issue 16)."""
    return importlib.import_module(f"{__package__}.reports.{name}")


# One document for many claims files, per format. HTML is one page per article and has none.
COMBINED: dict[str, Callable[[Sequence[Report], Style], str]] = {
    "text": lambda reports, style: _format("text").render_many(reports, style.color, style.verbosity, style.order),
    "json": _json,
    "sarif": lambda reports, _style: _format("sarif").render_many(reports),
    "junit": lambda reports, _style: _format("junit").render_many(reports),
    "markdown": lambda reports, _style: MARKDOWN_BREAK.join(_format("markdown").render(r) for r in reports),
    "claimreview": lambda reports, _style: _format("claimreview").render_many(reports),
}


def render_many(reports: Sequence[Report], fmt: str, style: Style) -> str:
    """The reports as one ``fmt`` document; ValueError for a format that has none (html)."""
    if fmt not in COMBINED:
        raise ValueError(f"--format {fmt} writes one article's report: give it one claims file")
    return COMBINED[fmt](reports, style)
