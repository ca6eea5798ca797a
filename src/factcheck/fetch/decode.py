"""Bytes to text, the way a browser would: declared charset first, then the page's own
``<meta>``, then detection, so that windows-1252 and latin-1 pages read right."""

from __future__ import annotations

import codecs
import re
from email.message import Message

import charset_normalizer

# WHATWG Encoding Standard: these labels mean windows-1252 on the web, whose extra
# characters (€, “ ”, —) sit in bytes 0x80-0x9F that latin-1 maps to control codes.
_WEB_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_SCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}


def media_type(content_type: str | None) -> tuple[str | None, str | None]:
    """``("text/html", "utf-8")`` from a Content-Type header value; ``(None, None)`` when absent."""
    if not content_type:
        return None, None
    msg = Message()
    msg["content-type"] = content_type
    kind = msg.get_content_type() if "/" in content_type.split(";")[0] else None
    charset = msg.get_param("charset")
    return kind, (charset if isinstance(charset, str) else None)


def content_kind(content_type: str | None, head: bytes = b"") -> str | None:
    """``"html"``, ``"text"``, or None for anything we do not read (PDF, images...).

    With no Content-Type the first bytes decide, as browsers sniff."""
    kind, _ = media_type(content_type)
    if kind in _HTML_TYPES:
        return "html"
    if kind in _TEXT_TYPES:
        return "text"
    if kind is not None and kind not in {"application/octet-stream", "text/unknown", "unknown/unknown"}:
        return None
    start = head.lstrip()[:64].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title")):
        return "html"
    if start.startswith(b"%pdf") or b"\x00" in head[:1024]:
        return None
    return "text"


def _codec(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when unknown."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):  # "base64", "zip", "rot13" are not charsets
        return None
    return _WEB_ALIASES.get(info.name, info.name)


def _try(body: bytes, codec: str | None) -> str | None:
    if codec is None:
        return None
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv=Content-Type>``."""
    found = _META_CHARSET.search(body[:_META_SCAN])
    return found.group(1).decode("ascii") if found else None


def detect(body: bytes) -> str:
    """Best guess of the encoding of undeclared bytes.

    Valid UTF-8 is taken as UTF-8. Otherwise charset_normalizer decides, except that
    windows-1252 (the web's default, as in browsers) wins whenever it decodes the bytes as
    cleanly as the detector's pick: on short Western pages the detector's language score
    prefers cp1250 and would turn "naïve" into "naďve"."""
    if _try(body, "utf-8") is not None:
        return "utf-8"
    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is None:
        return "cp1252"
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos + 1e-9 for m in matches):
        return "cp1252"
    return _codec(best.encoding) or "cp1252"


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode a page: BOM, then the header's charset, then ``<meta>``, then detection.

    A declared charset the bytes do not fit (a "utf-8" page that is really cp1252) falls
    through to the next clue rather than filling the text with replacement characters."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    kind, header = media_type(content_type)
    declared = [_codec(header)]
    if kind is None or kind in _HTML_TYPES:
        declared.append(_codec(meta_charset(body)))
    for codec in declared:
        text = _try(body, codec)
        if text is not None:
            return text
    return body.decode(detect(body), errors="replace")
