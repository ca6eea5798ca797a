"""What a finding consists of, told the same way by every report for people and CI: results in
the order people read them, the discrepancies the decision found, where a source's text came
from, and where each mention sits in the original article. Nothing here decides or re-reads."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..diff import render as render_diff
from ..model import Discrepancy, Evidence, Mention, NoteKind, Report, Result, Standing, Status, Via
from ..settings import EXCERPT_CHARS

_ORDER = (Standing.FAILS, Standing.ACCEPTED, Standing.PASSES, Standing.STALE, Standing.SUPPORTED)
# The notes that already say where a source's text came from.
_SAYS_ORIGIN = {Via.ARCHIVE: NoteKind.ARCHIVE_USED, Via.CACHE: NoteKind.CACHE_USED}


def ordered(report: Report) -> list[tuple[int, Result]]:
    """Results numbered in claims-file order (1-based), failing first and supported last."""
    numbered = list(enumerate(report.results, 1))
    return sorted(numbered, key=lambda nr: _ORDER.index(nr[1].standing))


def in_article_order(report: Report) -> list[tuple[int, Result]]:
    """Results numbered in claims-file order, sorted by where the article first mentions them (how
    an editor reads it); claims not found in the article come last, in file order."""
    numbered = list(enumerate(report.results, 1))
    return sorted(numbered, key=lambda nr: (0, nr[1].mentions[0].raw_start) if nr[1].mentions else (1, nr[0]))


# A sentence around a mention is clipped to this many characters: a one-line paragraph must not
# come back whole, yet the words either side of the mention are what an editor looks for.
SENTENCE_CHARS = 220
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'”’)]*\s|\n\s*\n|^#+ ", re.M)
_TAG = re.compile(r"<[^>]*>")


def sentence_of(report: Report, mention: Mention) -> str:
    """The article's sentence around a mention, as plain text, clipped around the mention with "…"."""
    raw = report.article_text
    start, end = mention.raw_start, max(mention.raw_end, mention.raw_start)
    if not raw or end > len(raw):
        return mention.text
    before = [m.end() for m in _SENTENCE_BREAK.finditer(raw, max(0, start - 4 * SENTENCE_CHARS), start)]
    after = _SENTENCE_BREAK.search(raw, end)
    lo = before[-1] if before else max(0, start - 4 * SENTENCE_CHARS)
    hi = after.start() + 1 if after else len(raw)
    room = max(0, SENTENCE_CHARS - (end - start)) // 2
    left, right = max(lo, start - room), min(hi, end + room)
    if left > lo:  # start and end the clip on whole words
        left = raw.find(" ", left, start) + 1 or left
    if right < hi:
        right = raw.rfind(" ", end, right) if raw.rfind(" ", end, right) > 0 else right
    text = raw[left:right]
    if "<" in text:
        text = html.unescape(_TAG.sub("", text))
    text = " ".join(text.split())
    return ("…" if left > lo else "") + text + ("…" if right < hi else "")


def gate(report: Report) -> str:
    """What "the gate" is, said once in each report an editor reads (``fail_on`` is never empty)."""
    *rest, last = sorted(v.value for v in report.fail_on)
    listed = f"{', '.join(rest)} or {last}" if rest else last
    return f"The gate: a claim that is {listed} fails the run (--fail-on)."


def discrepancies(result: Result, only: Mention | None = None) -> list[Discrepancy]:
    """``only`` keeps the one about that variant spelling."""
    return [d for d in result.discrepancies if only is None or d.mention == only]


def details(result: Result, only: Mention | None = None) -> list[str]:
    """The facts behind a finding as plain lines, for CI logs (JUnit, SARIF); ``only`` keeps the
    lines about one mention (SARIF's one result per variant spelling)."""
    claim = result.claim
    lines = []
    found = discrepancies(result, only)
    for d in found:
        at = f"line {d.mention.line}, column {d.mention.column}" if d.mention else "article"
        diff = f" (diff: {render_diff(list(d.ops), d.sep)})" if d.ops is not None else ""
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
    origin = {Via.ARCHIVE: "archive", Via.CACHE: "cache"}.get(e.via) if e.via else None
    said = e.via in _SAYS_ORIGIN and any(n.kind is _SAYS_ORIGIN[e.via] for n in e.notes)
    return "; ".join(([f"from the {origin}"] if origin and not said else []) + [n.text for n in e.notes])


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
    """For each mention, ``(claim index, mention index, mention, start, end)``: its stretch of
    ``report.article_text``, as the article set it."""
    for i, result in enumerate(report.results):
        for j, m in enumerate(result.mentions):
            yield i, j, m, m.raw_start, m.raw_end
