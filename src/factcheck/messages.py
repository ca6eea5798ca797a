"""The one-line finding of a decision, as every report shows it: what the article says and, when
it is wrong, what to change it to and which source says so. Editor-facing: no internal ranges,
no repeated clauses, nothing an editor has to decode."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from .decision import Decision
from .diff import Op, word_diff
from .model import Claim, Evidence, Mention, Status, Verdict

# Words of unchanged text kept on each side of a change in a misquote diff: enough to find the spot.
DIFF_CONTEXT_WORDS = 3
# An article sentence matching no source sentence this well (0-100) is reported as not in the source.
SENTENCE_MATCH = 45.0
# Mentions named in a message before "and N more".
MENTIONS_LISTED = 3

_INTERNAL = re.compile(r"\s*\([^()]*\)\s*$")  # "about 21% (19.95-22.05%)": the parser's reading in brackets
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+|\s*\[\.\]\s*|\n\s*\n")


def plain(value: str | None) -> str:
    """A value as an editor wrote or read it: "about 21% (19.95-22.05%)" → "about 21%"."""
    return _INTERNAL.sub("", value or "").strip()


def short_source(source: str) -> str:
    """A source as people name it: the site for a URL ("www.eia.gov"), the file name for a path."""
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.hostname:
        return parts.hostname
    return PurePath(source).name or source


def message(claim: Claim, decision: Decision) -> str:
    said = _message(claim, decision)
    return f"{said} ({decision.reading.caveat})" if decision.reading.caveat else said


def _message(claim: Claim, decision: Decision) -> str:
    reading = decision.reading
    verdict = decision.verdict
    if verdict is Verdict.NOT_FOUND:
        return f"not found in the article: {reading.detail}"
    stated = _stated(reading.mentions)
    if verdict is Verdict.MISSPELLED and (reading.agrees or not claim.expect):
        sources = decision.against or decision.supports  # no expect: a source spells it otherwise
        return f"change {stated} — {_names(sources)} spells it '{decision.fix}'"
    if verdict is Verdict.MISSPELLED:
        forms = ", ".join(dict.fromkeys(f"'{m.text}'" for m in reading.mentions if _misspelt(m, claim)))
        return f"change {forms or stated} to '{claim.expect}' — {_confirmed_or_expected(claim, decision)}"
    if not reading.agrees:
        return f"change {stated} — {_confirmed_or_expected(claim, decision)}"
    if verdict is Verdict.MISQUOTED:
        best = max(decision.against, key=lambda e: e.score or 0)
        said = decision.misquote.article if decision.misquote else claim.text
        diff = render_hunks(misquote_hunks(said, best.value or ""))
        return f"the quotation differs from {short_source(best.source)}: {diff}"
    if verdict is Verdict.DISPUTED:
        return (f"sources disagree on {stated}: {_names(decision.supports)} confirm it,"
                f" {_names(decision.against)} say {_values(decision.against)}")
    if verdict is Verdict.CONTRADICTED and not decision.has_value:  # a statement: the source's value in place of ours
        said = "; ".join(dict.fromkeys(e.value for e in decision.against if e.value)) or "otherwise"
        return f"change {stated} — {_names(decision.against)} says {said}"
    if verdict is Verdict.CONTRADICTED:
        return f"change {stated} — {_names(decision.against)} says {_values(decision.against)}"
    if verdict is Verdict.SUPPORTED:
        what = _values(decision.supports) if decision.has_value else "otherwise"
        what = "it" if what == "otherwise" else what
        return f"article says {stated}; {_names(decision.supports)} confirms {what}"
    return f"article says {stated}; {_why_unconfirmed(decision.evidence)}"


def supports_label(claim: Claim, e: Evidence, verdict: Verdict) -> str:
    """A source's status next to the verdict: a source confirming ``expect`` on a claim the article
    gets wrong supports the expected value, not the article, and says so."""
    if e.status is Status.SUPPORTS and verdict in (Verdict.CONTRADICTED, Verdict.MISSPELLED) and claim.expect:
        return f"supports the expected '{claim.expect}', not the article"
    return e.status.value


def _misspelt(m: Mention, claim: Claim) -> bool:
    return m.text not in (claim.expect, *claim.aliases) and not (claim.expect or "").endswith(m.text)


def _stated(mentions: Sequence[Mention]) -> str:
    """"'almost one fourth'", or "'Ali Shamkhani' (line 3) and 'Shamkhani' (line 13)"."""
    forms: dict[str, list[int]] = {}
    for m in mentions:
        lines = forms.setdefault(m.text, [])
        if m.line not in lines:
            lines.append(m.line)
    if len(forms) == 1:
        text = next(iter(forms))
        return f"'{text}'" if len(text) <= 90 else f"'{text[:89].rstrip()}…'"
    named = [f"'{t}' ({'line' if len(ls) == 1 else 'lines'} {', '.join(map(str, ls))})" for t, ls in forms.items()]
    if len(named) > MENTIONS_LISTED:
        named = named[:MENTIONS_LISTED] + [f"{len(named) - MENTIONS_LISTED} more"]
    return ", ".join(named[:-1]) + " and " + named[-1]


def _confirmed_or_expected(claim: Claim, decision: Decision) -> str:
    if decision.supports:
        values = _values(decision.supports) if decision.has_value else ""
        return f"{_names(decision.supports)} says {values if values != 'otherwise' else repr(claim.expect)}"
    if decision.against:
        return f"the expected value is '{claim.expect}'; {_names(decision.against)} says {_values(decision.against)}"
    return f"the expected value is '{claim.expect}' ({_why_unconfirmed(decision.evidence)})"


def _why_unconfirmed(evidence: Sequence[Evidence]) -> str:
    if not evidence:
        return "no sources given"
    errors = [e for e in evidence if e.status is Status.ERROR]
    parts = [f"{short_source(e.source)} could not be read ({e.error})" for e in errors]
    silent = len(evidence) - len(errors)
    if silent:
        parts.append(f"{silent} source{' says' if silent == 1 else 's say'} nothing on it")
    return "no source confirms it: " + "; ".join(parts)


def _names(evidence: Sequence[Evidence]) -> str:
    return ", ".join(dict.fromkeys(short_source(e.source) for e in evidence))


def _values(evidence: Sequence[Evidence]) -> str:
    """What the sources say, in their words where the judge kept them ("21 million b/d"), else the
    value it read, without the parser's bracketed reading."""
    said = (" ".join(e.said.split()) if e.said else plain(e.value) for e in evidence if e.said or e.value)
    return ", ".join(dict.fromkeys(f"'{v}'" for v in said)) or "otherwise"


# -- misquotes: sentence by sentence, only what changed --------------------------------------------


@dataclass(frozen=True)
class Hunk:
    """One changed article sentence: its word diff against the closest source sentence, with
    unchanged stretches cut to a little context (``Op("equal", "…")`` marks a cut)."""

    ops: tuple[Op, ...]
    missing: bool = False  # no source sentence is close: the whole sentence is not in the source


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip(" .")]


def misquote_hunks(quoted: str, source: str) -> list[Hunk]:
    """Each sentence of the quotation against the source sentence most like it, so a source that
    orders its sentences differently gives a short diff, not the whole passage rewritten."""
    theirs = sentences(source)
    hunks = []
    for mine in sentences(quoted):
        windows = theirs + [" ".join(pair) for pair in zip(theirs, theirs[1:], strict=False)]  # a sentence split in two
        scored = [(fuzz.ratio(mine.lower(), s.lower()), s) for s in windows]
        score, best = max(scored, default=(0.0, ""))
        if score < SENTENCE_MATCH:
            hunks.append(Hunk((Op("delete", mine),), missing=True))
            continue
        ops = word_diff(mine, best)
        if any(op.kind != "equal" for op in ops):
            hunks.append(Hunk(tuple(_trim(ops))))
    return hunks


def _trim(ops: list[Op]) -> list[Op]:
    k = DIFF_CONTEXT_WORDS
    out = []
    for i, op in enumerate(ops):
        words = op.text.split()
        first, last = i == 0, i == len(ops) - 1
        keep = k if first or last else 2 * k
        if op.kind != "equal" or len(words) <= keep:
            out.append(op)
            continue
        head = [] if first else words[:k]
        tail = [] if last else words[-k:]
        out.append(Op("equal", " ".join([*head, "…", *tail])))
    return out


def render_hunks(hunks: Sequence[Hunk]) -> str:
    """Plain text: ``[-article only-] {+source only+}``, one hunk per changed sentence, joined by " | "."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    shown = [
        ("not in the source: " if h.missing else "") + " ".join(marks[op.kind].format(op.text) for op in h.ops)
        for h in hunks
    ]
    return " | ".join(shown) or "the same words, differently punctuated"
