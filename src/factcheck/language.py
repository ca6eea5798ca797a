"""Which language a text is in, cheaply: its script, then counts of each language's commonest words.

The lint needs only to know which of its rules hold: English proper nouns are the capitalised
words, German capitalises every noun, and most other languages inflect names at the end
(Полина / Полины). A wrong guess between two similar languages costs nothing as long as the
rule flags agree, so the stopword lists are short and chosen for being frequent and distinctive.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Enough running words to tell languages apart; a shorter text is taken as English (the default
# the rules were written for).
_MIN_WORDS = 20
# Share of letters in one script above which the text is in that script.
_SCRIPT_SHARE = 0.5
# Stopword hits below this share of words (lists of scores, box scores): too little to tell, so
# the default, English.
_MIN_STOPWORD_SHARE = 0.02

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is was that for with on are as his her they this have from by but".split()),
    "de": frozenset("der die das und ist nicht ein eine zu den von mit sich auf für dem des auch werden".split()),
    "fr": frozenset("le la les et est des une dans que pour pas sur au qui avec ce par sont du".split()),
    "es": frozenset("el la los las y que en del por con una para es se al lo como más".split()),
    "it": frozenset("il la che di e un una per non sono con del della gli le nel è anche dei".split()),
    "pt": frozenset("o a os as e que do da em um uma para com não no na dos é se".split()),
    "nl": frozenset("de het een en van is dat op te zijn niet met voor ook aan er die".split()),
    "id": frozenset("dan yang di ini itu dengan untuk dari tidak ada akan pada juga dalam oleh adalah".split()),
}

_WORD = re.compile(r"[^\W\d_]+")
_BEYOND_LATIN = re.compile(r"[^\u0000-\u024f]")  # without one, every word is in Latin script
assert all(len(w) <= 6 for stops in _STOPWORDS.values() for w in stops)  # what ``detect`` once counted alone


@dataclass(frozen=True)
class Language:
    """A language code ("en", "de", "ru", … or "und") and the name rules that hold for it."""

    code: str

    @property
    def capitalises_nouns(self) -> bool:
        """Every noun starts with a capital: a capitalised word alone is no sign of a name."""
        return self.code == "de"

    @property
    def inflects_names(self) -> bool:
        """Names take case or number endings (Полина / Полины, Aktes / Akte)."""
        return self.code != "en"


ENGLISH = Language("en")


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if o < 0x0250:
        return "latin"
    return "other"


def detect(text: str) -> Language:
    """The text's language: Cyrillic script is "ru" (the rules for Russian hold for its
    neighbours), other non-Latin scripts "und", Latin script the language whose stopwords
    occur most (English when none stands out or the text is too short to tell)."""
    folded = text[:200_000].casefold()
    words = _WORD.findall(folded)
    if len(words) < _MIN_WORDS:
        return ENGLISH
    if not folded.isascii() and _BEYOND_LATIN.search(folded):  # ASCII is all Latin script
        scripts = Counter(_script(w[0]) for w in words)
        script, count = scripts.most_common(1)[0]
        if script != "latin" and count >= _SCRIPT_SHARE * len(words):
            return Language("ru" if script == "cyrillic" else "und")
    counts = Counter(words)  # counted in C; only the stopwords are read from it
    hits = {code: sum(counts[w] for w in stops) for code, stops in _STOPWORDS.items()}
    best = max(hits, key=lambda c: hits[c])
    if hits[best] < _MIN_STOPWORD_SHARE * len(words):
        return ENGLISH
    return Language(best)
