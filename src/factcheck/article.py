"""The article: its plain text for matching, mapped back to line and column in the original file.

Plain text, Markdown and HTML all become one normalised string (``Article.text``); ``origin[i]``
is the offset in the original file of ``text[i]``, so every mention reports the position an
editor sees in their editor, whatever markup or typography surrounded it.
"""

from __future__ import annotations

import bisect
import hashlib
import html.entities
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .model import Mention
from .normalize import normalize_mapped

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class Article:
    path: str  # as shown in reports
    raw: str  # the original file's text
    text: str  # normalised plain text
    origin: tuple[int, ...]  # offset in ``raw`` of each character of ``text``
    line_starts: tuple[int, ...]
    ends: tuple[int, ...] = ()  # offset in ``raw`` just after each character's source (an entity is several)

    @classmethod
    def from_string(cls, raw: str, path: str = "<article>", kind: str | None = None) -> Article:
        kind = kind or kind_of(path)
        if kind == "html":
            plain, origin, ends = _html_text(raw)
        elif kind == "markdown":
            plain, origin = _markdown_text(raw)
            ends = [o + 1 for o in origin]
        else:
            plain, origin, ends = raw, list(range(len(raw))), list(range(1, len(raw) + 1))
        text, kept = normalize_mapped(plain)
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
        return cls(path, raw, text, tuple(origin[i] for i in kept), tuple(starts), tuple(ends[i] for i in kept))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    def position(self, index: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of ``text[index]``."""
        offset = self.origin[index] if index < len(self.origin) else len(self.raw)
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def mention(self, start: int, end: int, value: str | None = None) -> Mention:
        """The stretch ``text[start:end]`` as a ``Mention`` quoting the original file."""
        line, column = self.position(start)
        raw_start = self.origin[start]
        raw_end = self.ends[end - 1] if end > start else raw_start
        original = self.raw[raw_start:raw_end]
        if "<" in original or "&" in original or "[" in original:  # markup inside: quote the plain text
            original = self.text[start:end]
        return Mention(original, line, column, start, end, value, raw_start, raw_end)


def kind_of(name: str) -> str:
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


# --- Markdown -------------------------------------------------------------------------------

_MD_MARKUP = re.compile(
    r"!?\[(?P<label>[^\]\n]*)\]\([^)\n]*\)"  # [label](url) and ![alt](src): keep the label
    r"|^[ \t]{0,3}#{1,6}[ \t]+"  # heading markers
    r"|^[ \t]{0,3}>[ \t]?"  # block quote markers
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"  # emphasis
    r"|`+",  # code spans
    re.MULTILINE,
)


def _markdown_text(raw: str) -> tuple[str, list[int]]:
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in _MD_MARKUP.finditer(raw):
        out.append(raw[pos : m.start()])
        origin.extend(range(pos, m.start()))
        if m.group("label") is not None:
            out.append(m.group("label"))
            origin.extend(range(m.start("label"), m.end("label")))
        pos = m.end()
    out.append(raw[pos:])
    origin.extend(range(pos, len(raw)))
    return "".join(out), origin


# --- HTML -----------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "nav"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "blockquote", "section", "article", "header", "footer", "aside", "main", "figure", "figcaption",
    "pre", "hr", "dd", "dt", "dl", "form", "title",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


class _PositionedText(HTMLParser):
    """Collects text nodes with the offset of each character in the source.

    ``convert_charrefs`` is off so that every data chunk maps one-to-one onto the source and each
    entity maps onto its ``&``.
    """

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_offsets = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        self.chars: list[str] = []
        self.origin: list[int] = []
        self.ends: list[int] = []
        self.skip_depth = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _emit(self, text: str, offsets, ends) -> None:
        for ch, off, end in zip(text, offsets, ends, strict=True):
            if ch.isspace():
                if not self.chars or self.chars[-1] in " \n":
                    continue
                ch = " "
            self.chars.append(ch)
            self.origin.append(off)
            self.ends.append(end)

    def _reference_end(self, start: int, body: str) -> int:
        """Where the reference ``&body`` (``&#257;``, ``&amp;``) that starts at ``start`` ends in the source."""
        end = start + 1 + len(body)
        return end + 1 if self.raw.startswith(";", end) else end

    def _break(self) -> None:
        while self.chars and self.chars[-1] == " ":
            self.chars.pop()
            self.origin.pop()
            self.ends.pop()
        if self.chars and self.chars[-1] != "\n":
            self.chars.append("\n")
            self.origin.append(self._offset())
            self.ends.append(self._offset())

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP and tag not in _VOID:
            self.skip_depth += 1
        elif tag in _BLOCK:
            self._break()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK:
            self._break()

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
        elif tag in _BLOCK:
            self._break()

    def handle_data(self, data):
        if not self.skip_depth:
            start = self._offset()
            self._emit(data, range(start, start + len(data)), range(start + 1, start + len(data) + 1))

    def handle_entityref(self, name):
        if not self.skip_depth:
            char = html.entities.html5.get(name + ";") or html.entities.html5.get(name) or f"&{name}"
            start = self._offset()
            self._emit(char, [start] * len(char), [self._reference_end(start, name)] * len(char))

    def handle_charref(self, name):
        if not self.skip_depth:
            try:
                code = int(name[1:], 16) if name[:1] in "xX" else int(name)
                char = chr(code)
            except (ValueError, OverflowError):
                char = "\ufffd"
            start = self._offset()
            self._emit(char, [start], [self._reference_end(start, "#" + name)])


def _html_text(raw: str) -> tuple[str, list[int], list[int]]:
    parser = _PositionedText(raw)
    parser.feed(raw)
    parser.close()
    parser._break()
    if parser.chars and parser.chars[-1] == "\n":
        parser.chars.pop()
        parser.origin.pop()
        parser.ends.pop()
    return "".join(parser.chars), parser.origin, parser.ends
