"""What reaches a terminal or a CI log from a page, a claims file or an article.

Such text is untrusted: an escape sequence could retitle the terminal, hide a line or fake a
verdict, and in a GitHub Actions log a line that starts with ``::`` (or ``##[``) is a workflow
command the runner executes. ``clean`` makes one field safe; ``guard_lines`` makes a whole
printed block safe line by line.
"""

from __future__ import annotations

import re

# Escape sequences are dropped whole, payload included: an OSC title ends at BEL or ST (ESC \),
# a CSI at its final byte; a C1 introducer (0x9b CSI, 0x9d OSC, 0x90 DCS ...) counts as ESC + letter.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence, or a lone ESC
)
_LINE_BREAK = re.compile(r"[\n\r\t\v\f\x85\u2028\u2029]+")
# C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069)
# that make a line read differently from its bytes.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# GitHub Actions reads a line as a command when it starts, after white space, with one of these.
_COMMAND_START = re.compile(r"^[ \t]*(?:::|##\[)", re.MULTILINE)
COMMAND_GUARD = "| "  # prefixed to such a line: the runner no longer reads it as a command


def clean(text: str) -> str:
    """One field on one line: escape sequences and control characters removed, line breaks a space."""
    if text.isprintable():  # the common case: nothing to do (printable excludes every character handled here)
        return _guard(text)
    text = _SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub(" ", text)
    return _guard(_CONTROL.sub("", text))


def clean_block(text: str) -> str:
    """Several lines (a page's readable text): each cleaned as a field, line breaks kept."""
    return "\n".join(clean(line) for line in text.split("\n"))


_CONTROL_BUT_LAYOUT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Escape sequences and control characters removed, line breaks and tabs kept: for a document
    (HTML, Markdown) that shows the article's own lines, yet may be printed with ``cat``."""
    if text.isprintable():
        return text
    return _CONTROL_BUT_LAYOUT.sub("", _SEQUENCE.sub("", text))


def guard_lines(text: str) -> str:
    """Every line of a printed block that a CI runner would take for a workflow command, prefixed."""
    return _COMMAND_START.sub(lambda m: COMMAND_GUARD + m.group(0), text)


def _guard(line: str) -> str:
    return guard_lines(line) if "::" in line or "##[" in line else line


# Characters JSON leaves raw that a terminal may still act on: DEL, C1 (0x9b is CSI), bidi controls,
# and the Unicode line separators. Inside JSON they only occur in strings, where \uXXXX is the same text.
_JSON_RAW = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def json_for_terminal(text: str) -> str:
    """A JSON document with every character a terminal could act on written as its \\u escape."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def silence_library_warnings() -> None:
    """Library warnings (soupsieve deprecations, bs4's guesses about its input) are for developers:
    none reaches the user, unless they asked for warnings with ``-W`` or ``PYTHONWARNINGS``."""
    import sys
    import warnings

    if not sys.warnoptions:
        warnings.simplefilter("ignore")
