"""The terminal report: one line per claim, compiler-style, then a summary line."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..messages import supports_label
from ..model import DEFAULT_FAIL_ON, Report, Result, Standing, Verdict
from ..terminal import clean, guard_lines
from .findings import in_article_order, sentence_of

_COLOURS = {
    Verdict.SUPPORTED: "32", Verdict.CONTRADICTED: "31", Verdict.MISSPELLED: "31", Verdict.MISQUOTED: "31",
    Verdict.DISPUTED: "35", Verdict.UNVERIFIED: "33", Verdict.NOT_FOUND: "31",
}
ORDERS = ("article", "file")


def render(report: Report, color: bool = False, verbosity: int = 0, complete: bool = True,
           order: str = "article") -> str:
    """``verbosity`` -1 shows only what fails the gate, 1 adds each source's evidence. ``order``
    "article" lists claims by where the article mentions them, "file" as the claims file does. A run
    cut short (``complete`` false) says so in its summary instead of passed or failed. Everything
    quoted from the article, the claims file or a page passes through ``terminal.clean``: no escape
    sequence, no control character, no line a CI runner would take for a command."""
    paint = _painter(color)
    results = [r for _n, r in in_article_order(report)] if order == "article" else list(report.results)
    lines = []
    for result in results:
        if verbosity < 0 and not report.fails(result):
            continue
        lines.append(_line(report, result, paint))
        if result.verdict is not Verdict.SUPPORTED and result.mentions:
            lines.append(f"    in: “{clean(sentence_of(report, result.mentions[0]))}”")
        for m in result.mentions[1:]:
            lines.append(f"    also at {m.line}:{m.column} '{clean(m.text)}'")
        for m in result.spelled_right:
            lines.append(f"    spelled right at {m.line}:{m.column} '{clean(m.text)}'")
        if verbosity > 0:
            for e in result.evidence:
                via = f" via {e.via}" if e.via else ""
                detail = clean(e.error if e.error else (e.text or ""))
                label = supports_label(result.claim, e, result.verdict)
                lines.append(f"    [{label}] {clean(e.source)}{via}: {detail}".rstrip(": "))
                lines.extend(f"        note: {clean(n.text)}" for n in e.notes)
    if verbosity == 0:
        lines.extend(_source_notes(report))
    lines.append(_summary(report, paint, complete))
    return guard_lines("\n".join(lines)) + "\n"


def render_many(reports: Sequence[Report], color: bool = False, verbosity: int = 0, order: str = "article",
                complete: bool = True, partial: Report | None = None) -> str:
    """Each claims file's report under a ``==> claims file <==`` header, then one line for them all.
    A run cut short (``complete`` false) shows ``partial``, the report Ctrl-C stopped, last, and its
    last line says interrupted."""
    paint = _painter(color)
    shown = [(r, True) for r in reports] + ([(partial, False)] if partial is not None else [])
    parts = [f"==> {clean(Path(r.claims_path).as_posix())} <==\n" + render(r, color, verbosity, whole, order)
             for r, whole in shown]
    fail_on = shown[0][0].fail_on if shown else DEFAULT_FAIL_ON
    everything = Report(Path("."), "", "", tuple(res for r, _ in shown for res in r.results), fail_on)
    files = f"{len(shown)} claims file{'s' * (len(shown) != 1)}, "
    return "\n".join(parts) + "\n" + guard_lines(files + _summary(everything, paint, complete)) + "\n"


def _painter(color: bool):
    return (lambda code, s: f"\033[{code}m{s}\033[0m") if color else (lambda code, s: s)


def _line(report: Report, result: Result, paint) -> str:
    path = clean(report.article_path)
    where = f"{path}:{result.mentions[0].line}:{result.mentions[0].column}" if result.mentions else path
    verdict = paint(_COLOURS[result.verdict], f"{result.verdict.value:<12}")
    tag = ""
    if result.claim.accepted:
        stale = report.stale_acceptance(result)
        tag = " [stale acceptance]" if stale else f" [accepted: {clean(result.claim.accepted)}]"
    return f"{where}: {verdict} {clean(result.claim.id)}: {clean(result.message)}{tag}"


def _source_notes(report: Report) -> list[str]:
    """What happened to each source (unreachable, archive used, page changed), once per source."""
    notes: dict[str, list[str]] = {}
    for result in report.results:
        for e in result.evidence:
            for n in (e.error,) if e.error else [note.text for note in e.notes]:
                notes.setdefault(e.source, [])
                if n not in notes[e.source]:
                    notes[e.source].append(n)
    if not notes:
        return []
    return ["sources:"] + [f"  {clean(source)}: {clean('; '.join(ns))}" for source, ns in notes.items()]


def _summary(report: Report, paint, complete: bool = True) -> str:
    """The counts, the accepted findings (as Markdown and HTML count them), and the outcome. "The
    gate" is the set of verdicts that make the run fail (``--fail-on``), so the line says which."""
    counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n)
    accepted = sum(r.standing is Standing.ACCEPTED for r in report.results)
    if accepted:
        counts += f" ({accepted} accepted: reported, not failing)"
    if not complete:
        verdict = paint("33", "interrupted")
    elif report.passed:
        verdict = paint("32", "passed")
    else:
        verdict = paint("31", f"failed: {report.failing} claim{'s' * (report.failing > 1)} with a verdict in --fail-on")
    return f"{len(report.results)} claims: {counts or 'none'}; {verdict}"
