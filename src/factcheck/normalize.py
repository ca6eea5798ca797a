"""Typographic normalisation for matching.

Curly quotes, dashes, exotic spaces and invisible characters must not count as differences,
but an article's reported positions must not move either: ``normalize_mapped`` carries, for each
character it keeps, the offset it came from.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import chain, zip_longest

from .offsets import Offsets, compose

_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

_TABLE: dict[int, str | None] = {ord(c): "'" for c in _SINGLE_QUOTES}
_TABLE.update({ord(c): '"' for c in _DOUBLE_QUOTES})
_TABLE.update({ord(c): "-" for c in _DASHES})
_TABLE.update({ord(c): " " for c in _SPACES})
_TABLE.update({ord(c): None for c in _DROPPED})
_TABLE[ord("\u2026")] = "."  # an ellipsis keeps one character so offsets stay one-to-one


# the characters ``_TABLE`` changes, in runs: ``str.translate`` looks up every character of a page in
# the table, and a character not in it is the slow path, several times the cost of this one search
_CHANGED_RUN = re.compile("[" + re.escape("".join(map(chr, _TABLE))) + "]+")


def normalize(text: str) -> str:
    """Straight quotes, ASCII hyphens, plain spaces; invisible characters removed. Case is kept."""
    return _CHANGED_RUN.sub(_translated, text)


def _translated(run: re.Match[str]) -> str:
    return run.group().translate(_TABLE)


_DROPPED_RUN = re.compile(f"[{_DROPPED}]+")


def normalize_mapped(text: str, origin: Offsets | None = None) -> tuple[str, Offsets]:
    """``normalize`` that also returns, for each output character, its offset in ``text``
    (or ``origin[i]`` when ``text`` is itself derived from an original). Every replacement is one
    character for one, so only the dropped characters move offsets: linear, by stretches."""
    kept, pos = [], 0
    for m in _DROPPED_RUN.finditer(text):
        kept.append((pos, m.start()))
        pos = m.end()
    kept.append((pos, len(text)))
    return normalize(text), compose(iter(kept), origin)


# Under re.IGNORECASE these letters match ASCII ones ("ſ" matches "s", "İ" and "ı" match "i", the
# Kelvin sign matches "k"), but lower() keeps them apart: a word a pattern read would then miss its
# table. Each maps to one character, so every offset stays where it was.
_ASCII_CASE = str.maketrans({"\u017f": "s", "\u0130": "I", "\u0131": "i", "\u212a": "K"})


def ascii_case(text: str) -> str:
    """``text`` with the letters IGNORECASE takes for ASCII written as ASCII; ``text`` itself if it has none."""
    return text.translate(_ASCII_CASE) if any(c in text for c in "\u017f\u0130\u0131\u212a") else text


_FOLDED: dict[int, str] = {}  # code point → its folded letter, filled as characters are met
_WIDE = re.compile(r"([^\x00-\x7f]+)")


def fold(text: str) -> str:
    """Case- and accent-insensitive form ("Shamkhānī" → "shamkhani") of exactly the same length,
    so an index into the folded text is an index into ``text``. The ASCII stretches are lowered and
    only the others translated (a dictionary lookup per character, 2.5 times slower over a page
    whose only wide characters are its curly quotes and dashes)."""
    if text.isascii():
        return text.lower()
    parts = _WIDE.split(text)  # ASCII, wide, ASCII, ..., ASCII
    wide = parts[1::2]
    for ch in set("".join(wide)):
        if ord(ch) not in _FOLDED:
            _FOLDED[ord(ch)] = _fold_char(ch)
    return "".join(chain.from_iterable(zip_longest(map(str.lower, parts[::2]), [w.translate(_FOLDED) for w in wide],
                                                   fillvalue="")))


def _fold_char(ch: str) -> str:
    ch = ascii_case(ch)
    if ch.isascii():
        return ch.lower()
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return (base or ch).casefold()[0]
