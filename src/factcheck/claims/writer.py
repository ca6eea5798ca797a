"""Writes a claims file: the YAML ``factcheck extract`` drafts, every value written so that the
loader reads it back as the same string."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date

import yaml

from ..claimtypes import KINDS
from ..model import Claim, ClaimType

SOURCES_LINE = "sources: []  # add the reference pages that confirm this"

# What a YAML stream may hold unescaped (YAML 1.1 §5.1); the rest is escaped in double quotes.
# Line breaks YAML reads inside a quoted string (NEL, LS, PS) are escaped too.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# A value YAML surely reads back as written when plain: it opens with a letter, holds no indicator
# (": ", " #", quotes at its start, ...) and is none of YAML 1.1's words for true, false or null.
# Anything else is tried by parsing, which is slow enough to dominate a long draft.
_SURELY_PLAIN = re.compile(r"[^\W\d_][\w ,.'()%$&/-]*(?<! )")
_YAML_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "null"})
# A value opening with a digit ("40 to 80 percent", "0 4 20 Chris Buescher") is plain too when it
# holds a space and a letter but no colon: YAML 1.1 reads none of those as a number, date or time.
_DIGIT_LED = re.compile(r"\d[\w ,.'()%$&/-]*(?<! )")
_SPACED_WORD = re.compile(r" .*[^\W\d_]|[^\W\d_].* ")
# A value holding ": " (a mapping inside a mapping) or " #" (a comment) never reads back plain.
_NEVER_PLAIN = re.compile(r": | #")
_FOLD_BREAKS = re.compile("[\t\r]")  # what could break or indent a folded line besides line breaks


def _surely_plain(value: str) -> bool:
    if _DIGIT_LED.fullmatch(value):
        return _SPACED_WORD.search(value) is not None
    return _SURELY_PLAIN.fullmatch(value) is not None and value.casefold() not in _YAML_WORDS


def _plain(value: str) -> bool:
    """Whether ``value`` reads back as written when plain after ``k: ``, parsed only when no rule tells."""
    if _surely_plain(value):
        return True
    return _NEVER_PLAIN.search(value) is None and _roundtrips(f"k: {value}\n", value)


def _surely_folds(value: str) -> bool:
    """Single-spaced printable text folds back as written (no line can start more indented)."""
    return _NOT_PRINTABLE.search(value) is None and _FOLD_BREAKS.search(value) is None


def _roundtrips(doc: str, value: str) -> bool:
    try:
        return yaml.safe_load(doc) == {"k": value}
    except (yaml.YAMLError, ValueError):  # "0x_" resolves as an int that PyYAML then cannot build
        return False

def _scalar(value: str, indent: int, quoted: bool = False) -> str:
    """``value`` as YAML after ``key:``: plain when that reads back as the same string, folded
    when long, double-quoted otherwise (JSON strings are valid YAML)."""
    if not quoted and len(value) <= 90 and _plain(value):
        return " " + value
    if len(value) > 90 and "\n" not in value and "  " not in value and value == value.strip():
        pad = " " * (indent + 2)
        lines, line = [], ""
        for word in value.split(" "):
            if line and len(line) + 1 + len(word) > 96 - len(pad):
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        block = " >-\n" + "\n".join(pad + ln for ln in lines)
        body = "k: >-\n" + "\n".join("  " + ln for ln in lines) + "\n"
        if _surely_folds(value) or _roundtrips(body, value):
            return block
    return " " + _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))

def _claim_yaml(claim: Claim) -> str:
    out = [f"  - id: {claim.id}", f"    type: {claim.type.value}", "    text:" + _scalar(claim.text, 4)]
    if claim.expect is not None:
        quoted = claim.type in (ClaimType.DATE, ClaimType.NUMBER)
        out.append("    expect:" + _scalar(claim.expect, 4, quoted=quoted))
    if claim.aliases:
        out.append("    aliases:")
        out += ["      -" + _scalar(a, 6) for a in claim.aliases]
    if claim.note:
        out.append("    note:" + _scalar(claim.note, 4))
    out.append("    " + SOURCES_LINE)
    return "\n".join(out) + "\n"


def render(article_path: str, published: date | None, from_dateline: bool, skipped: int,
           claims: Sequence[Claim]) -> str:
    """The claims file for ``claims`` (in the order given), ``article_path`` as ``article.path``."""
    shown = " ".join(article_path.split())
    lines = [
        f"# Draft claims for {_NOT_PRINTABLE.sub('?', shown)}, written by `factcheck extract`.",
        "# Every `text` is copied from the article. Without `expect` the sources decide; an `expect` written",
        "# here is the article's own value: correct it where the article is wrong. Each claim verifies as",
        "# `unverified` until reference pages are added under `sources:`; delete what is not worth checking.",
        "version: 1",
        "article:",
        "  path:" + _scalar(article_path, 2),
    ]
    if published is not None:
        comment = "  # from the article's dateline: check it" if from_dateline else ""
        lines.append(f"  published: {published.isoformat()}{comment}")
    else:
        lines.append("  # published: YYYY-MM-DD   # not found in the article: add it to check relative dates")
        if skipped:
            lines.append(f"  # ({skipped} date expression{'s' if skipped > 1 else ''} like 'last week' or "
                         "'February 4' left out until it is set)")
    lines += [
        "# sources:                     # optional: name a reference page once, cite it by name",
        "#   example:",
        "#     url: https://example.org/page",
        "#     archive: pages/example.html   # a saved copy, used offline",
        "",
        "claims:",
    ]
    text = "\n".join(lines) + "\n"
    if not claims:
        return text[: -len("claims:\n")] + "claims: []  # nothing checkable was found\n"
    for ctype in ClaimType:
        group = [c for c in claims if c.type is ctype]
        if not group:
            continue
        text += f"  # --- {KINDS[ctype].section}\n"
        text += "\n".join(_claim_yaml(c) for c in group) + "\n"
    return text.rstrip("\n") + "\n"
