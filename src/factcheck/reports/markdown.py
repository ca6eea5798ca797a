"""The discrepancy report an editor pastes into a ticket: what fails first, what passed last.

Everything from the article and the sources is escaped, so a page cannot smuggle markup, links,
@-mentions or issue references into the ticket. The helpers in the second half (``standing``,
``discrepancies``, ``source_note``, ``web_url``, ``spans``) are shared by the HTML, JUnit and
SARIF reports, so that all formats tell the same story.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import process

from ..article import Article
from ..diff import Op, char_diff, render as render_diff, word_diff
from ..model import Evidence, Mention, Report, Result, Status, Verdict, Via

EXCERPT_CHARS = 400

FAILS, ACCEPTED, OTHER, STALE, SUPPORTED = "fails", "accepted", "passes", "stale acceptance", "supported"
_ORDER = (FAILS, ACCEPTED, OTHER, STALE, SUPPORTED)
_HEADINGS = {
    FAILS: "Failing claims", ACCEPTED: "Accepted findings", OTHER: "Not failing the gate",
    STALE: "Supported", SUPPORTED: "Supported",
}


def render(report: Report) -> str:
    lines = [f"# Fact-check: {_escape(report.article_path)}", "", _summary(report), ""]
    heading = None
    for number, result in ordered(report):
        group = _HEADINGS[standing(report, result)]
        if group != heading:
            heading = group
            lines += [f"## {group}", ""]
        if result.verdict is Verdict.SUPPORTED:
            lines.append(_compact(report, number, result))
        else:
            lines += _finding(report, number, result)
    return "\n".join(lines).rstrip("\n") + "\n"


def _summary(report: Report) -> str:
    failing = sum(report.fails(r) for r in report.results)
    outcome = "**Passed**" if report.passed else f"**Failed**: {failing} of {len(report.results)} claims fail the gate"
    counts = ", ".join(f"{n} {v}" for v, n in report.counts.items() if n) or "no claims"
    accepted = sum(standing(report, r) == ACCEPTED for r in report.results)
    stale = [r.claim.id for r in report.results if report.stale_acceptance(r)]
    parts = [f"{outcome} ({counts}).", f"Fails on: {', '.join(sorted(v.value for v in report.fail_on))}."]
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
    lines += [f"> {_escape(result.message)}", ""]
    found = discrepancies(result)
    shown = {d.mention for d in found}
    for d in found:
        at = f"line {d.mention.line}, column {d.mention.column}" if d.mention else "article"
        line = f"- **Article** ({at}): “{_escape(d.article)}” — **{d.label}:** “{_escape(d.source)}”"
        if d.ops is not None:
            line += f"  \n  diff: {_code(render_diff(d.ops, d.sep))}"
        lines.append(line)
    for m in result.mentions:
        if m not in shown:
            lines.append(f"- **Article** (line {m.line}, column {m.column}): “{_escape(m.text)}”")
    if not result.mentions:
        lines.append(f"- **Claim text:** “{_escape(claim.text)}”")
    if claim.expect and not any(d.label == "expected" for d in found):
        lines.append(f"- **Expected:** {_escape(claim.expect)}")
    if claim.note:
        lines.append(f"- **Note:** {_escape(claim.note)}")
    lines.append("- **Sources:**" if result.evidence else "- **Sources:** none given")
    lines += [f"  - {_evidence(e)}" for e in result.evidence]
    return lines + [""]


def _evidence(e: Evidence) -> str:
    text = f"{_link(e.source)} — {e.status.value}"
    note = source_note(e)
    if note:
        text += f" ({_escape(note)})"
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
        line += f" **Stale acceptance:** the claim is now supported; remove {_code('accepted: ' + claim.accepted)}."
    return line


_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~@$])")


def _escape(text: str) -> str:
    """Inline text that renders as itself: no markup, HTML, autolinks, mentions or line breaks."""
    text = re.sub(r"\s+", " ", text).strip()
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """A code span that holds any text: the fence is one backtick longer than any run inside."""
    text = re.sub(r"\s+", " ", text)
    fence = "`" * (max((len(r) for r in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _link(url: str) -> str:
    return f"<{url}>" if web_url(url) else _escape(url)


# --- shared with the HTML, JUnit and SARIF reports -------------------------------------------

def standing(report: Report, result: Result) -> str:
    """Where a result stands against the gate: ``fails``, ``accepted`` (a finding the claims file
    accepts), ``stale acceptance`` (accepted but now supported), ``supported``, or ``passes``
    (another verdict the gate lets through, such as unverified without --strict)."""
    if report.fails(result):
        return FAILS
    if report.stale_acceptance(result):
        return STALE
    if result.claim.accepted:
        return ACCEPTED
    return SUPPORTED if result.verdict is Verdict.SUPPORTED else OTHER


def ordered(report: Report) -> list[tuple[int, Result]]:
    """Results numbered in claims-file order (1-based), failing first and supported last."""
    numbered = list(enumerate(report.results, 1))
    return sorted(numbered, key=lambda nr: _ORDER.index(standing(report, nr[1])))


@dataclass(frozen=True)
class Discrepancy:
    """The article's words against the source's, with a diff where a diff helps a reader."""

    article: str
    source: str
    label: str  # what ``source`` is: "verified spelling", "source" or "expected"
    mention: Mention | None = None
    ops: list[Op] | None = None
    sep: str = ""


def discrepancies(result: Result, only: Mention | None = None) -> list[Discrepancy]:
    """``only`` keeps the one about that variant spelling."""
    claim = result.claim
    if result.verdict is Verdict.MISSPELLED:
        forms = [f for f in (claim.expect, *claim.aliases) if f]
        mentions = result.mentions if only is None else [m for m in result.mentions if m == only]
        return [_spelling(m, forms) for m in mentions] if forms else []
    against = [e for e in result.evidence if e.status is Status.CONTRADICTS and e.value]
    if result.verdict is Verdict.MISQUOTED and against:
        source = max(against, key=lambda e: e.score or 0).value
        first = result.mentions[0] if result.mentions else None
        return [Discrepancy(claim.text, source, "source", first, word_diff(claim.text, source), " ")]
    if result.verdict in (Verdict.CONTRADICTED, Verdict.DISPUTED) and result.mentions:
        m = result.mentions[0]
        if against:
            values = ", ".join(dict.fromkeys(e.value for e in against))
            return [Discrepancy(m.text, values, "source", m)]
        if claim.expect:
            return [Discrepancy(m.text, claim.expect, "expected", m)]
    return []


def _spelling(mention: Mention, forms: list[str]) -> Discrepancy:
    """Diff a variant against the verified form with as many words ("Leventieve" against
    "Lavrentiev", not against "Alexander Lavrentiev")."""
    width = len(mention.text.split())
    candidates = list(dict.fromkeys(" ".join(f.split()[-width:]) for f in forms)) + forms
    target = process.extractOne(mention.text, candidates)[0]
    return Discrepancy(mention.text, target, "verified spelling", mention, char_diff(mention.text, target))


def details(result: Result, only: Mention | None = None) -> list[str]:
    """The facts behind a finding as plain lines, for CI logs (JUnit, SARIF); ``only`` keeps the
    lines about one mention (SARIF's one result per variant spelling)."""
    claim = result.claim
    lines = []
    found = discrepancies(result, only)
    for d in found:
        at = f"line {d.mention.line}, column {d.mention.column}" if d.mention else "article"
        diff = f" (diff: {render_diff(d.ops, d.sep)})" if d.ops is not None else ""
        lines.append(f"{at}: '{d.article}' against {d.label} '{d.source}'{diff}")
    shown = {d.mention for d in found}
    lines += [
        f"line {m.line}, column {m.column}: '{m.text}'"
        for m in result.mentions
        if m not in shown and (only is None or m == only)
    ]
    if not result.mentions:
        lines.append(f"claim text: '{claim.text}'")
    if claim.expect:
        lines.append(f"expected: '{claim.expect}'")
    for e in result.evidence:
        note = source_note(e)
        line = f"source {e.source}: {e.status.value}" + (f" ({note})" if note else "")
        if e.status is Status.ERROR and e.error:
            line += f": {e.error}"
        elif e.text:
            line += f": '{clip(' '.join(e.text.split()), EXCERPT_CHARS)}'"
        lines.append(line)
    if not result.evidence:
        lines.append("sources: none given")
    return lines


def source_note(e: Evidence) -> str:
    """Where the source's text came from and what the fetcher noticed on the way."""
    origin = {Via.ARCHIVE: "archive", Via.CACHE: "cache"}.get(e.via)
    said = origin is not None and any(origin in note for note in e.notes)
    return "; ".join(([f"from the {origin}"] if origin and not said else []) + list(e.notes))


_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")  # RFC 3986: no quotes, brackets or spaces


def web_url(url: str) -> bool:
    """Only http(s) URLs become links; ``javascript:``, ``file:`` and the rest stay text."""
    if _URL_CHARS.fullmatch(url) is None:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def spans(report: Report) -> Iterator[tuple[int, int, Mention, int, int]]:
    """For each mention, ``(claim index, mention index, mention, start, end)`` with offsets into
    ``report.article_text``. Trusts the mention's plain-text offsets when they map onto its line and
    column; otherwise looks for its wording at (then near) its line and column; failing that, an
    empty span at that spot."""
    raw = report.article_text
    article = Article.from_string(raw, report.article_path)
    for i, result in enumerate(report.results):
        for j, m in enumerate(result.mentions):
            yield (i, j, m, *_span(article, m))


def _span(article: Article, m: Mention) -> tuple[int, int]:
    raw = article.raw
    if 0 <= m.start < m.end <= len(article.origin) and article.position(m.start) == (m.line, m.column):
        return article.origin[m.start], article.origin[m.end - 1] + 1
    if not 1 <= m.line <= len(article.line_starts):
        return len(raw), len(raw)
    line_start = article.line_starts[m.line - 1]
    line_end = article.line_starts[m.line] if m.line < len(article.line_starts) else len(raw)
    at = min(line_start + max(m.column, 1) - 1, line_end)
    if m.text and raw.startswith(m.text, at):
        return at, at + len(m.text)
    found = [x.start() for x in re.finditer(re.escape(m.text), raw[line_start:line_end])] if m.text else []
    if found:
        near = line_start + min(found, key=lambda x: abs(line_start + x - at))
        return near, near + len(m.text)
    return at, at

