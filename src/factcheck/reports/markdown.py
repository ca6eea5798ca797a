"""The discrepancy report an editor pastes into a ticket: what fails first, what passed last.

Everything from the article and the sources is escaped, so a page cannot smuggle markup, links,
@-mentions or issue references into the ticket.
"""

from __future__ import annotations

import re

from ..diff import render as render_diff
from ..messages import misquote_hunks, short_source
from ..model import Discrepancy, Evidence, Report, Result, Standing, Status, Verdict
from ..settings import EXCERPT_CHARS
from ..terminal import strip_controls
from .findings import clip, discrepancies, gate, ordered, sentence_of, source_note, web_url

_HEADINGS = {
    Standing.FAILS: "Failing claims", Standing.ACCEPTED: "Accepted findings",
    Standing.PASSES: "Not failing the gate", Standing.STALE: "Supported", Standing.SUPPORTED: "Supported",
}


def render(report: Report) -> str:
    lines = [f"# Fact-check: {_escape(report.article_path)}", "", _summary(report), ""]
    heading = None
    for number, result in ordered(report):
        group = _HEADINGS[result.standing]
        if group != heading:
            heading = group
            lines += [f"## {group}", ""]
        if result.verdict is Verdict.SUPPORTED:
            lines.append(_compact(report, number, result))
        else:
            lines += _finding(report, number, result)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> str:
    failing = report.failing
    outcome = "**Passed**" if report.passed else f"**Failed**: {failing} of {len(report.results)} claims fail the gate"
    counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n) or "no claims"
    accepted = report.accepted
    stale = [r.claim.id for r in report.results if report.stale_acceptance(r)]
    parts = [f"{outcome} ({counts}).", _escape(gate(report))]
    if accepted:
        parts.append(f"{accepted} accepted finding{'s' * (accepted > 1)}.")
    if stale:
        parts.append(f"Stale acceptance{'s' * (len(stale) > 1)}: {', '.join(_code(i) for i in stale)}.")
    return " ".join(parts)


def _finding(report: Report, number: int, result: Result) -> list[str]:
    claim = result.claim
    where = f"line {result.mentions[0].line}" if result.mentions else "not in the article"
    lines = [f"### {number}. {result.verdict.value}: {_code(claim.id)} ({where})", ""]
    if claim.accepted:
        lines += [f"**Accepted:** {_escape(claim.accepted)}", ""]
    found = discrepancies(result)
    misquote = result.verdict is Verdict.MISQUOTED and any(d.ops is not None for d in found)
    lines += _misquote(result, found[0]) if misquote else [f"> {_escape(result.message)}", ""]
    if result.mentions and not misquote:  # a misquote's mention is the quotation itself
        first = result.mentions[0]
        lines += [f"In the article (line {first.line}): “{_escape(sentence_of(report, first))}”", ""]
    shown = {d.mention for d in found}
    for d in found:
        at = f"line {d.mention.line}, column {d.mention.column}" if d.mention else "article"
        if misquote:
            lines.append(f"- **Article** ({at}): “{_escape(clip(d.article, QUOTE_CHARS))}”")
            continue
        line = f"- **Article** ({at}): “{_escape(d.article)}” — **{d.label}:** “{_escape(d.source)}”"
        if d.ops is not None:
            line += f"  \n  diff: {_code(render_diff(list(d.ops), d.sep))}"
        lines.append(line)
    for m in result.mentions:
        if m not in shown:
            lines.append(f"- **Article** (line {m.line}, column {m.column}): “{_escape(m.text)}”")
    lines += [f"- **Spelled right** (line {m.line}, column {m.column}): “{_escape(m.text)}”"
              for m in result.spelled_right]
    if not result.mentions:
        lines.append(f"- **Claim text:** “{_escape(claim.text)}”")
    if claim.expect and not any(d.label == "expected" for d in found):
        lines.append(f"- **Expected:** {_escape(claim.expect)}")
    if claim.note:
        lines.append(f"- **Note:** {_escape(claim.note)}")
    lines.append("- **Sources:**" if result.evidence else "- **Sources:** none given")
    lines += [f"  - {_evidence(e)}" for e in result.evidence]
    return lines + [""]


def _misquote(result: Result, d: Discrepancy) -> list[str]:
    """Only the sentences that differ, each with a little context, as the HTML card shows them."""
    best = max((e for e in result.evidence if e.status is Status.CONTRADICTS), key=lambda e: e.score or 0,
               default=None)
    origin = short_source(best.source) if best else "the source"
    lines = [f"> The quotation differs from {_escape(origin)} (~~article~~, **source**):", ">"]
    for hunk in misquote_hunks(d.article, d.source):
        words = " ".join(_MARKS[op.kind].format(_escape(op.text)) for op in hunk.ops)
        lines.append(f"> - {'*not in the source:* ' if hunk.missing else ''}{words}")
    return lines + [""]


QUOTE_CHARS = 120  # the diff above says what differs; the quotation's opening is enough to find it
_MARKS = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}


def _evidence(e: Evidence) -> str:
    text = f"{_link(e.source)} — {e.status.value}"
    note = source_note(e)
    if note:
        text += f" · {_escape(note)}"
    if e.error and e.status is Status.ERROR:
        text += f": {_escape(e.error)}"
    elif e.text:
        text += f": “{_escape(clip(e.text, EXCERPT_CHARS))}”"
    return text


def _compact(report: Report, number: int, result: Result) -> str:
    claim = result.claim
    where = f"line {result.mentions[0].line}" if result.mentions else "—"
    line = f"- {number}. {_code(claim.id)} ({where}): {_escape(result.message)}"
    if report.stale_acceptance(result):
        line += f" **Stale acceptance:** the claim is now supported; remove {_code(f'accepted: {claim.accepted}')}."
    return line


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~@$])")


def _escape(text: str) -> str:
    """Inline text that renders as itself: no markup, HTML, autolinks, mentions, line breaks or controls."""
    text = re.sub(r"\s+", " ", strip_controls(text)).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """A code span that holds any text: the fence is one backtick longer than any run inside."""
    text = re.sub(r"\s+", " ", strip_controls(text))
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(url: str) -> str:
    return f"<{url}>" if web_url(url) else _escape(url)
