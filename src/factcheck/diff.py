"""Character and word diffs between the article's wording and the source's, for people to read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from .normalize import fold, normalize

_WORD = re.compile(r"[\w'-]+")


@dataclass(frozen=True)
class Op:
    kind: str  # "equal" | "delete" (only in the article) | "insert" (only in the source)
    text: str


def _ops(a: list[str], b: list[str], key, sep: str) -> list[Op]:
    ops: list[Op] = []
    matcher = SequenceMatcher(None, [key(x) for x in a], [key(x) for x in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.append(Op("equal", sep.join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(Op("delete", sep.join(a[i1:i2])))
        if j2 > j1:
            ops.append(Op("insert", sep.join(b[j1:j2])))
    return ops


def char_diff(article: str, source: str) -> list[Op]:
    """Letter by letter, case-sensitive: "Laventieve" against "Lavrentiev"."""
    return _ops(list(article), list(source), str, "")


def word_diff(article: str, source: str) -> list[Op]:
    """Word by word, ignoring case, accents, typography and punctuation; shown as written."""
    return _ops(_WORD.findall(normalize(article)), _WORD.findall(normalize(source)), fold, " ")


def render(ops: list[Op], sep: str = "") -> str:
    """Plain text, as ``git diff --word-diff`` shows it: ``[-article only-]{+source only+}``.
    Use ``sep=" "`` for word diffs."""
    marks = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
    return sep.join(marks[op.kind].format(op.text) for op in ops)


def changed(ops: list[Op]) -> bool:
    return any(op.kind != "equal" for op in ops)
