"""What a finding consists of, told the same way by every report for people and CI: where a
result stands against the gate, the article's words against the source's (with a diff), where a
source's text came from, and where each mention sits in the original article."""

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

