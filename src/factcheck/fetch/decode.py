"""Bytes to text, the way a browser would, with the page's claims about itself checked.

Order: a BOM; the header's charset; the page's own ``<meta>``; detection. A declaration is only
a clue: a label that is not a web text encoding (``punycode``, ``base64``, ``rot13``, ``utf-7``...)
is ignored, and a declared charset the bytes do not decode in *cleanly* is overruled. "Cleanly"
tolerates a few stray bytes (a UTF-8 page with one pasted windows-1252 byte is still UTF-8, with
one replacement character) but not a page whose every non-ASCII byte fails (a windows-1252 page
labelled UTF-8)."""

from __future__ import annotations

import codecs
import re
import threading
from email.message import Message

# The share of a body's non-ASCII bytes that may fail to decode in a declared charset before the
# declaration is called a lie. In a windows-1252 page labelled UTF-8 nearly every non-ASCII byte
# fails (a lone accented letter is never a valid UTF-8 sequence); in a real UTF-8 page with a few
# stray bytes, a handful of its hundreds of non-ASCII bytes do. Measured by bench/fetch_decode.py
# on both bench sets: the lies fail at 94-100%, pages with 1-4 stray bytes at a median of 1-2%;
# the few strays above half are on pages with almost no non-ASCII text, where detection changes
# no more than those few characters.
MAX_BAD_SHARE = 0.5

# WHATWG Encoding Standard: the web's encodings, as Python codec names. A label that maps to
# anything else (a transform like base64, punycode or idna; utf-7; utf-32) is not a page's charset.
_WEB_CODECS = frozenset({
    "utf-8", "utf-16-le", "utf-16-be", "cp866", "iso8859-2", "iso8859-3", "iso8859-4", "iso8859-5",
    "iso8859-6", "iso8859-7", "iso8859-8", "iso8859-10", "iso8859-13", "iso8859-14", "iso8859-15", "iso8859-16",
    "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251", "cp1252", "cp1253", "cp1254",
    "cp1255", "cp1256", "cp1257", "cp1258", "gb18030", "big5hkscs", "euc_jp", "iso2022_jp", "cp932", "cp949",
})
# Labels that mean something else on the web than in Python, or that Python does not know.
_WEB_ALIASES = {
    "utf-16": "utf-16-le", "iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252", "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874", "gbk": "gb18030", "gb2312": "gb18030", "big5": "big5hkscs", "shift_jis": "cp932",
    "euc_kr": "cp949", "windows-874": "cp874", "x-mac-cyrillic": "mac-cyrillic", "x-mac-roman": "mac-roman",
    "iso-8859-8-i": "iso8859-8", "x-sjis": "cp932", "unicode-1-1-utf-8": "utf-8", "x-gbk": "gb18030",
}
_UTF16 = frozenset({"utf-16-le", "utf-16-be"})
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_SCAN = 4096
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_TEXT_TYPES = {"text/plain", "text/markdown", "text/x-markdown"}
_ASCII = bytes(range(128))
_counts = threading.local()


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _counts.bad += exc.end - exc.start
    return "\ufffd", exc.end


codecs.register_error("factcheck-count", _count_and_replace)


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


def web_codec(label: str | None) -> str | None:
    """Python's codec for a web charset label, or None when the label is not a web text encoding."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    if name in _WEB_ALIASES:
        return _WEB_ALIASES[name]
    try:
        name = codecs.lookup(name).name
    except (LookupError, ValueError):
        return None
    name = _WEB_ALIASES.get(name, name)
    return name if name in _WEB_CODECS else None


def decode_counting(body: bytes, codec: str) -> tuple[str, int]:
    """The text with undecodable bytes replaced, and how many bytes were undecodable."""
    _counts.bad = 0
    text = body.decode(codec, errors="factcheck-count")
    return text, _counts.bad


def clean(body: bytes, codec: str | None) -> str | None:
    """The text, when ``codec`` decodes ``body`` cleanly (see MAX_BAD_SHARE); None otherwise.

    UTF-16 writes every ASCII character (space, newline, ``<``) with a zero byte: a body with
    no zero byte at all is not UTF-16, however evenly it splits into pairs."""
    if codec is None or (codec in _UTF16 and b"\x00" not in body):
        return None
    try:
        text, bad = decode_counting(body, codec)
    except (UnicodeError, LookupError, ValueError):
        return None
    if bad == 0:
        return text
    non_ascii = len(body.translate(None, _ASCII))
    return text if bad <= MAX_BAD_SHARE * non_ascii else None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``<meta http-equiv=Content-Type>``."""
    found = _META_CHARSET.search(body[:_META_SCAN])
    return found.group(1).decode("ascii") if found else None


def _meta_codec(body: bytes) -> str | None:
    """The ``<meta>`` charset as a codec. HTML's prescan reads a UTF-16 ``<meta>`` as UTF-8: a page
    whose bytes spell out ``<meta charset=utf-16>`` in ASCII is, by that very fact, not UTF-16."""
    codec = web_codec(meta_charset(body))
    return "utf-8" if codec in _UTF16 else codec


def detect(body: bytes) -> str:
    """Best guess of the encoding of undeclared bytes.

    UTF-8 that decodes cleanly is taken as UTF-8. Otherwise charset_normalizer decides, except that
    windows-1252 (the web's default, as in browsers) wins whenever it decodes the bytes as
    cleanly as the detector's pick: on short Western pages the detector's language score
    prefers cp1250 and would turn "naïve" into "naďve"."""
    if clean(body, "utf-8") is not None:
        return "utf-8"
    import charset_normalizer  # 8 ms of start-up, for the few pages that are neither declared nor UTF-8

    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is None:
        return "cp1252"
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos + 1e-9 for m in matches):
        return "cp1252"
    return web_codec(best.encoding) or "cp1252"


def decode_body(body: bytes, content_type: str | None) -> str:
    """Decode a page: BOM, then the header's charset, then ``<meta>``, then detection. Never raises.

    A declared charset the bytes do not fit (a "utf-8" page that is really cp1252) falls
    through to the next clue rather than filling the text with replacement characters."""
    for bom, with_bom in _BOMS:
        if body.startswith(bom):
            return body.decode(with_bom, errors="replace")
    kind, header = media_type(content_type)
    declared: list[str | None] = [web_codec(header)]
    if kind is None or kind in _HTML_TYPES:
        declared.append(_meta_codec(body))
    for codec in declared:
        text = clean(body, codec)
        if text is not None:
            return text
    return body.decode(detect(body), errors="replace")
