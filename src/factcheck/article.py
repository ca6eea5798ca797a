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
from .normalize import normalize, normalize_mapped
from .offsets import Offsets

# what html.parser reports as a character or entity reference (its own patterns), with its ';'
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][-.a-zA-Z0-9]*);?")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}


@dataclass(frozen=True)
class Article:
    path: str  # as shown in reports
    raw: str  # the original file's text
    text: str  # normalised plain text
    origin: Offsets  # offset in ``raw`` of each character of ``text``
    line_starts: tuple[int, ...]
    html: bool = False  # character references (``&#257;``) stand for one character or more
    date_order: str | None = None  # "DMY" | "MDY" for numeric dates ("4/5"): the engine sets it per run
    region: str = "US"  # whose holidays the article means: the engine sets it from article.region

    @classmethod
    def from_string(cls, raw: str, path: str = "<article>", kind: str | None = None) -> Article:
        kind = kind or kind_of(path)
        if kind == "html":
            plain, origin = _html_text(raw)
        elif kind == "markdown":
            plain, origin = _markdown_text(raw)
        else:
            plain, origin = raw, None
        text, offsets = normalize_mapped(plain, origin)
        starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", raw)]
        return cls(path, raw, text, offsets, tuple(starts), kind == "html")

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
        raw_end = self._raw_end(self.origin[end - 1]) if end > start else raw_start
        original = self.raw[raw_start:raw_end]
        if "<" in original or "&" in original or "[" in original:  # markup inside: quote the plain text
            original = self.text[start:end]
        return Mention(original, line, column, start, end, value, raw_start, raw_end)

    def _raw_end(self, offset: int) -> int:
        """Just after the source of the character at ``offset``: a whole character reference in HTML."""
        if self.html:
            reference = _REFERENCE.match(self.raw, offset)
            if reference:
                return reference.end()
        return offset + 1


def kind_of(name: str) -> str:
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "text"


# --- Markdown -------------------------------------------------------------------------------

# The link's label and URL stop at the next '[' (neither holds one unescaped): each scan then ends
# before the next link could start, so a line of 60,000 '[' or 50,000 '[a](' is read in linear time.
_MD_MARKUP = re.compile(
    r"!?\[(?P<label>[^\[\]\n]*)\]\([^)\[\n]*\)"  # [label](url) and ![alt](src): keep the label
    r"|^[ \t]{0,3}#{1,6}[ \t]+"  # heading markers
    r"|^[ \t]{0,3}>[ \t]?"  # block quote markers
    r"|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)"  # emphasis
    r"|`+",  # code spans
    re.MULTILINE,
)


def _markdown_text(raw: str) -> tuple[str, Offsets]:
    out: list[str] = []
    origin = Offsets()
    pos = 0
    for m in _MD_MARKUP.finditer(raw):
        out.append(raw[pos : m.start()])
        origin.add(pos, m.start() - pos)
        if m.group("label") is not None:
            out.append(m.group("label"))
            origin.add(m.start("label"), m.end("label") - m.start("label"))
        pos = m.end()
    out.append(raw[pos:])
    origin.add(pos, len(raw) - pos)
    return "".join(out), origin


# --- HTML -----------------------------------------------------------------------------------

_SKIP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "nav"}
_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
    "blockquote", "section", "article", "header", "footer", "aside", "main", "figure", "figcaption",
    "pre", "hr", "dd", "dt", "dl", "form", "title",
}
_VOID = {"br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


_WORDS_AND_SPACES = re.compile(r"\S+|\s+")


class _VisibleText(HTMLParser):
    """Walks the visible text of a page: what ``script``, ``style``, navigation and the like hold is
    left out, and a block element ends the line. White space collapses to one space (none at a
    line's start). ``convert_charrefs`` is off so that every data chunk maps one-to-one onto the
    source and each entity onto its ``&``; a subclass keeps the text (``_emit``, ``_break``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.parts: list[str] = []
        self.last = ""  # the last character kept: "" at the start, "\n" after a block
        self.skip_depth = 0

    def _emit(self, text: str, step: int) -> None:
        """``text`` from the current position on (step 1), or all of it standing for the entity there (0)."""
        raise NotImplementedError

    def _break(self) -> None:
        raise NotImplementedError

    def text(self, raw: str) -> str:
        self.feed(raw)
        self.close()
        return self.finish()

    def finish(self) -> str:
        """The text kept, its last line ended (and no line break after it)."""
        self._break()
        if self.last == "\n":
            self._drop_last()
        return "".join(self.parts)

    def _drop_last(self) -> None:
        self.parts.pop()

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
            self._emit(data, 1)

    def handle_entityref(self, name):
        if not self.skip_depth:
            self._emit(html.entities.html5.get(name + ";") or html.entities.html5.get(name) or f"&{name}", 0)

    def handle_charref(self, name):
        if not self.skip_depth:
            try:
                code = int(name[1:], 16) if name[:1] in "xX" else int(name)
                char = chr(code)
            except (ValueError, OverflowError):
                char = "\ufffd"
            self._emit(char, 0)


class _PositionedText(_VisibleText):
    """The visible text with the offset of each character in the source, by stretches. Text is
    taken a word at a time, not a character at a time: an 8 MB article is millions of characters,
    and the work per character is what grew faster than the page."""

    def __init__(self, raw: str) -> None:
        super().__init__()
        self.line_offsets = [0] + [m.end() for m in re.finditer(r"\n", raw)]
        self.origin = Offsets()
        self.space: int | None = None  # offset of a space still to be written, once text follows

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _word(self, text: str, offset: int, step: int = 1) -> None:
        if self.space is not None:
            self.parts.append(" ")
            self.origin.add(self.space, 1)
            self.space = None
        self.parts.append(text)
        self.origin.add(offset, len(text), step)
        self.last = text[-1]

    def _emit(self, text: str, step: int) -> None:
        offset = self._offset()
        for m in _WORDS_AND_SPACES.finditer(text):
            at = offset + m.start() * step
            if m.group().isspace():
                if self.last not in ("", "\n") and self.space is None:
                    self.space = at
            else:
                self._word(m.group(), at, step)

    def _break(self) -> None:
        self.space = None
        if self.last not in ("", "\n"):
            self.parts.append("\n")
            self.origin.add(self._offset(), 1)
            self.last = "\n"

    def _drop_last(self) -> None:
        super()._drop_last()
        self.origin.drop_last()


class _PlainText(_VisibleText):
    """The same text without its offsets, a data chunk at a time: a page's whole visible text is
    read for its words only, and keeping the offsets was most of what reading it cost."""

    def __init__(self) -> None:
        super().__init__()
        self.space = False  # a space still to be written, once text follows

    def _emit(self, text: str, step: int) -> None:
        words = text.split()  # the white space of ``str.isspace``, as ``_PositionedText`` splits
        if text[:1].isspace() and self.last not in ("", "\n"):
            self.space = True
        if words:
            if self.space:
                self.parts.append(" ")
            self.parts.append(" ".join(words))
            self.last = words[-1][-1]
            self.space = text[-1].isspace()

    def _break(self) -> None:
        self.space = False
        if self.last not in ("", "\n"):
            self.parts.append("\n")
            self.last = "\n"

    def updatepos(self, i: int, j: int) -> int:
        """The parser's line and column (``getpos``) are not kept: nothing here maps back to the
        source, and counting the line breaks of every token was a tenth of the reading."""
        return j


def _html_text(raw: str) -> tuple[str, Offsets]:
    parser = _PositionedText(raw)
    return parser.text(raw), parser.origin


def html_text(raw: str) -> str:
    """``Article.from_string(raw, kind="html").text`` without the map back to the source: read off
    libxml2's tree (1.3-1.6 times faster than html.parser's walk) where the two parsers read a page
    alike (all 303 pages of both shared sets and the fixtures, ``bench/fulltext.py``), else walked
    as the article is."""
    text = _tree_text(raw)
    return normalize(_PlainText().text(raw) if text is None else text)


# What html.parser and libxml2 read differently: markup inside these elements is markup to the one,
# text to the other; a NUL; and (``_tree_text``) a title outside the page's own head, odd character
# references, markup libxml2 rebuilt.
_RAW_TEXT = re.compile(r"<(?:noembed|noframes|xmp|plaintext)\b|\x00", re.I)
_HEAD = re.compile(r"<head[\s/>]", re.I)
# libxml2's errors where its tree is not the markup as written: an end tag without its start (html.parser
# closes what it names, libxml2 what is open), a start tag it moved, nesting it flattened
_REBUILT = frozenset({"ERR_TAG_NAME_MISMATCH", "HTML_STRUCURE_ERROR", "ERR_RESOURCE_LIMIT"})
_CHARREF = re.compile(r"&#([xX][0-9a-fA-F]+|[0-9]+)")


def _odd_code(ref: str) -> bool:
    """A character reference that html.parser reads as the code point it names and libxml2 may
    not: a control character, a surrogate, beyond Unicode."""
    code = int(ref[1:], 16) if ref[:1] in "xX" else int(ref)
    return not (code in (9, 10, 13) or 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or 0xE000 <= code < 0xFFFE
                or 0x10000 <= code <= 0x10FFFF)


def _tree_text(raw: str) -> str | None:
    """``_PlainText().text(raw)`` from lxml's parse, or None where it could differ."""
    if _RAW_TEXT.search(raw) or any(_odd_code(ref) for ref in _CHARREF.findall(raw)):
        return None
    from lxml import etree  # only when a page is extracted

    from .readable import html_tree

    try:
        data = raw.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate
        return None
    if not data.strip():
        return None
    root, errors = html_tree(data)
    if root is None or any(e.type_name in _REBUILT for e in errors):
        return None
    # html.parser skips what lies between <head> and </head>, and shows a <title> elsewhere;
    # libxml2 may end the head before the title, and supplies a head where the page has none
    if root.xpath("boolean(//title[not(ancestor::head) and not(ancestor::svg)])") or (
            not _HEAD.search(raw) and root.xpath("boolean(//head/title)")):
        return None
    out, depth = _PlainText(), 0  # html.parser's walk keeps the text; libxml2's tree drives it
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP:
            depth += 1 if event == "start" else -1
        elif tag in _BLOCK:
            out._break()
        if not depth:
            if event == "start" and el.text:
                out._emit(el.text, 1)
            elif event == "end" and el.tail:
                out._emit(el.tail, 1)
    return out.finish()
