"""Names: when two spellings are the same name, a typo of it, or another person's.

Everything here is pure. A "near miss" is a typo-level difference of one name (a changed, missing,
doubled or swapped letter), judged part by part so that a different person sharing most letters
(Kim Jong-un / Kim Jong-il, Iran / Iraq, Austria / Australia, Russia / Russian) is never one.
``extract_names`` finds the capitalised word runs of a text that can be names; both
``find_name_mentions`` (one expected person) and the lint (every name) build on it.
"""

from __future__ import annotations

import bisect
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import cached_property, lru_cache
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from .lazyre import lazy_regex
from .lexicon import DAYS, MONTHS, TITLES
from .lexicon import NOT_NAME_WORDS as STOPWORDS
from .namewords import COMMON_PROPER, COUNTRIES, DEMONYMS, ORG_WORDS, PLACES, SLOGAN_WORDS
from .normalize import normalize

# --- vocabularies -----------------------------------------------------------------------------

# Lower-case words inside a name. "as", "an" and "at" are English words first ("replace Mauricio
# Pochettino as Tottenham's manager"): as Arabic particles they come hyphenated ("as-Sadr").
PARTICLES = frozenset(
    "bin ibn bint al el ad ash ar az abu abd von van der den de del della di da du la le "
    "dos das ter ten zu".split()
)
# Title words that name an office, never a person: a run ending in one is not a name.
_OFFICES = frozenset(
    "ministry council committee security state affairs interior finance defence defense national "
    "foreign executive high minister secretary president envoy representative".split()
)
_SUFFIXES = frozenset("jr sr ii iii iv".split())
_HYPHEN_PARTICLES = frozenset("al el ad as ash an ar at az".split())

# Endings that turn a place into a people or an adjective (Russia/Russian, Iraq/Iraqi): a
# different word, not a typo.
_DERIVATIONS = frozenset(
    "s es n an ian ans ians ns i is ese ish ic ics y al ite ites ist ists er ers a".split()
)
# Two different final vowels mark another form of a word, not a typo (Argentina / Argentine,
# Maria / Mario); only an added or dropped "e" can still be one (Lavrentiev / Lavrentieve).
_ENDINGS = _DERIVATIONS | {"e", "o"}
# Suffixes that make another word of one stem (Communism / Communist, Publishers / Publishing).
_WORD_FORMS = _ENDINGS | frozenset(
    "ism isms ist ists ies ing ings ers ed ion ions or ors ator ators ation ations ment ments ity "
    "ness ive ical ly ally".split()
)
# How far back from the first differing letter a suffix may start ("communis-m" / "communis-t").
_SUFFIX_REACH = 2
# The part after an apostrophe that makes a contraction, not a name (You're, They've).
_CONTRACTIONS = frozenset("re ve ll d m t".split())
_ABBREVIATIONS = frozenset("mr mrs ms dr gen sen rep gov lt col capt prof st adm maj sgt pres jr sr".split())

_LETTER = r"[^\W\d_]"
_APOS = "'\u2019\u02bc"
_HYPH = "\\-\u2010\u2011"
_TOKEN = lazy_regex(
    rf"(?<![\w{_HYPH}{_APOS}])({_LETTER}+(?:[{_HYPH}{_APOS}]{_LETTER}+)*)(?![\w{_HYPH}]\w)"
)
# ``_TOKEN`` less the words ``_raw_tokens`` leaves out unread, most of a text: an ASCII word in lower
# case (inner "'" too: "don't") that is no particle, ending where the token does
_PLAIN_LOWER = (rf"(?!(?!(?:{'|'.join(sorted(PARTICLES))})(?![\w{_HYPH}{_APOS}]))"
                rf"[a-z][A-Za-z]*(?:'[A-Za-z]+)*(?![\w{_HYPH}{_APOS}]))")
_NAME_TOKEN = lazy_regex(_TOKEN.pattern.replace("])(", "])" + _PLAIN_LOWER + "(", 1))
_NEXT_VISIBLE = lazy_regex(r"\s*(\S?)")

# Words whose near spellings are other words, never a typo of one another (Ireland / Iceland,
# Christmas / Christians).
KNOWN_WORDS = PLACES | DEMONYMS | COMMON_PROPER

# One word spelled the US and the UK way (Theater / Theatre): rewritten to the US form.
_US_UK = (
    (lazy_regex(r"(?<=[a-z]{3})our(s?)$"), r"or\1"),
    (lazy_regex(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (lazy_regex(r"(?<=[a-z]{2})yse$"), "yze"),
    (lazy_regex(r"(?<=[a-z]{2}[tbg])re(s?)$"), r"er\1"),
    (lazy_regex(r"(?<=[a-z]{2})ogue$"), "og"),
    (lazy_regex(r"^(def|off|pret|lic)ence$"), r"\1ense"),
    (lazy_regex(r"^aluminium$"), "aluminum"),
    (lazy_regex(r"(?<=[a-z])ae(?=[a-z]{3})"), "e"),
    (lazy_regex(r"(?<=[a-z]{3}g)ement(s?)$"), r"ment\1"),
)
# Slips of transliteration (Usov / Usoff, Matuszewski / Matuszewsky, Zelenskiy / Zelensky):
# rewritten to one spelling, so that a slip is a near miss even where the letter bound allows none.
_TRANSLIT = (
    (lazy_regex(r"(?<=[aeiou])ff$"), "v"),
    (lazy_regex(r"(?<=o)w$"), "v"),
    (lazy_regex(r"y"), "i"),
    (lazy_regex(r"ii"), "i"),
    (lazy_regex(r"kh"), "h"),
    (lazy_regex(r"sch"), "sh"),
    (lazy_regex(r"tch"), "ch"),
    (lazy_regex(r"ks"), "x"),
    (lazy_regex(r"ph"), "f"),
)
# what each rule of _TRANSLIT needs in a word to change it: a word without it is left as it is
_TRANSLIT_NEEDS = ("ff", "w", "y", "ii", "kh", "sch", "tch", "ks", "ph")
_TRANSLIT_ANY = lazy_regex("|".join(_TRANSLIT_NEEDS))


# --- comparison -------------------------------------------------------------------------------


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


_FOLDED_POSSESSIVE = lazy_regex(rf"'[sS](?!{_LETTER})")
_FOLDED_BREAK = lazy_regex(r"[-.]")


@lru_cache(maxsize=1 << 16)  # an article writes each name many times; the lint and the drafts fold them all
def fold_name(s: str) -> str:
    """The comparison key of a name: case, diacritics, possessive, hyphens, dots and apostrophes
    do not count ("Shamkhānī's" → "shamkhani", "Jong-un" → "jong un")."""
    s = normalize(s)
    s = _FOLDED_POSSESSIVE.sub("", s)
    s = _strip_accents(s).casefold()
    s = s.replace("'", "")
    s = _FOLDED_BREAK.sub(" ", s)
    return " ".join(s.split())


def _name_parts(s: str) -> list[str]:
    """Folded parts of a name without its leading titles; hyphenated parts count separately."""
    parts = fold_name(s).split()
    while len(parts) > 1 and parts[0] in TITLES:
        parts.pop(0)
    return parts


def same_name(a: str, b: str) -> bool:
    """Same letters in the same order: only case, diacritics, hyphens, spacing and titles differ."""
    return "".join(_name_parts(a)) == "".join(_name_parts(b))


# Names this short take no letter change (Iran / Iraq), only a swap of two neighbours (Noem / Neom).
_SHORT_NAME = 4
# A transliteration slip needs some letters around it to be told from another name.
_MIN_SLIP_LENGTH = 4


def _edit_bound(length: int) -> int:
    """Typos a name part of this length can carry and still be recognisable; short parts none,
    because two short names one letter apart (Iran/Iraq, un/il) are usually different names."""
    if length <= 4:
        return 0
    if length <= 7:
        return 1
    if length <= 9:
        return 2
    return 3


def _rewrite(word: str, rules: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    for pattern, replacement in rules:
        word = pattern.sub(replacement, word)
    return word


def _transliterated(word: str) -> str:
    """``_rewrite(word, _TRANSLIT)``, each rule tried only where the word holds what it needs."""
    if not _TRANSLIT_ANY.search(word):
        return word
    for (pattern, replacement), needs in zip(_TRANSLIT, _TRANSLIT_NEEDS, strict=True):
        if needs in word:
            word = pattern.sub(replacement, word)
    return word


def us_uk_pair(x: str, y: str) -> bool:
    """One word in its US and its UK spelling (Center / Centre, Aluminum / Aluminium)."""
    return x != y and _rewrite(x, _US_UK) == _rewrite(y, _US_UK)


def _swapped(x: str, y: str) -> bool:
    """Two neighbouring letters swapped, not the first (Noem / Neom)."""
    diff = [i for i, (a, b) in enumerate(zip(x, y, strict=False)) if a != b]
    return (
        len(x) == len(y)
        and len(diff) == 2
        and diff[0] > 0
        and diff[1] == diff[0] + 1
        and x[diff[0]] == y[diff[1]]
        and x[diff[1]] == y[diff[0]]
    )


def _part_near(x: str, y: str) -> bool:
    """A typo-level difference between two folded name parts (``x != y``)."""
    if x == y or not x or not y or x[0] != y[0]:
        return False
    x, y = sorted((x, y))  # one alignment whichever way round: symmetric
    if (x in KNOWN_WORDS and y in KNOWN_WORDS) or us_uk_pair(x, y):
        return False
    if min(len(x), len(y)) >= _MIN_SLIP_LENGTH and _transliterated(x) == _transliterated(y):
        return True
    bound = _edit_bound(max(len(x), len(y)) if min(len(x), len(y)) >= _SHORT_NAME else 0)
    if not bound:
        return len(x) == _SHORT_NAME and _swapped(x, y)
    stem = os.path.commonprefix([x, y])
    tails = {x[len(stem) :], y[len(stem) :]}
    doubled = "" in tails and len(stem) and all(set(t) <= {stem[-1]} for t in tails)
    if not doubled and (tails <= _DERIVATIONS | {""} or ("" not in tails and tails <= _ENDINGS)):
        return False
    if not doubled and any(
        {x[len(stem) - k :], y[len(stem) - k :]} <= _WORD_FORMS | {""} for k in range(min(_SUFFIX_REACH, len(stem)) + 1)
    ):
        return False
    if DamerauLevenshtein.distance(x, y, score_cutoff=bound) > bound:
        return False
    # a typo drops or adds one letter at a time; two or more together make another word
    # (Austrian / Australian)
    return all(
        op.tag in ("equal", "replace") or max(op.src_end - op.src_start, op.dest_end - op.dest_start) < 2
        for op in Levenshtein.opcodes(x, y)
    )


def one_slip(x: str, y: str) -> bool:
    """Two folded spellings one slip of the hand apart: a letter changed, dropped or added, two
    neighbours swapped, or a transliteration slip (Usov / Usoff). Two or more slips make another
    word more often than a typo (Cooperation / Conservation, Whanganui / Whangarei)."""
    x, y = x.replace(" ", ""), y.replace(" ", "")
    if DamerauLevenshtein.distance(x, y, score_cutoff=1) <= 1:
        return True
    return min(len(x), len(y)) >= _MIN_SLIP_LENGTH and _transliterated(x) == _transliterated(y)


def slip_neighbours(keys: Sequence[str]) -> dict[str, set[str]]:
    """For each folded key, the other keys one slip away (``one_slip``), in time linear in the keys:
    two spellings one slip apart share a form with one letter deleted (or are that form), or one
    transliterated form. Keys shorter than a short name take no slip but a swap, which the
    deleted forms find as well."""
    deleted: defaultdict[str, list[str]] = defaultdict(list)  # a form with one letter deleted (or none) -> its keys
    transliterated: defaultdict[str, list[str]] = defaultdict(list)  # a transliterated form -> the keys that have it
    for key in keys:
        c = key.replace(" ", "")
        if len(c) < _SHORT_NAME:
            continue
        forms = {c[:i] + c[i + 1 :] for i in range(len(c))}  # each once: a key is in a form's list once
        forms.add(c)
        for form in forms:
            deleted[form].append(key)
        transliterated[_transliterated(c)].append(key)
    out: dict[str, set[str]] = {key: set() for key in keys}
    for index in (deleted, transliterated):
        for group in index.values():
            if len(group) > 1:
                for key in group:
                    out[key].update(group)
    return {key: {o for o in near if o != key and one_slip(key, o)} if near else near for key, near in out.items()}


def token_relation(x: str, y: str) -> str | None:
    """"same", "near" or None for two folded tokens (hyphenated parts compared one by one)."""
    if x.replace(" ", "") == y.replace(" ", ""):
        return "same"
    px, py = x.split(), y.split()
    if len(px) == len(py) and all(a == b or _part_near(a, b) for a, b in zip(px, py, strict=True)):
        return "near"
    return None


def is_near_miss(a: str, b: str) -> bool:
    """``b`` is ``a`` with a typo (or the reverse): every part equal or a near miss, at least one
    letter different. A surname alone is compared with the other name's surname."""
    if same_name(a, b):
        return False
    pa, pb = _name_parts(a), _name_parts(b)
    if not pa or not pb:
        return False
    if len(pa) == len(pb):
        return all(x == y or _part_near(x, y) for x, y in zip(pa, pb, strict=True))
    if min(len(pa), len(pb)) == 1:
        short, long_ = (pa, pb) if len(pa) == 1 else (pb, pa)
        return _part_near(short[0], long_[-1])
    return False


# --- finding names in a text -------------------------------------------------------------------


@dataclass(frozen=True)
class NameToken:
    start: int
    end: int  # excludes a possessive 's
    text: str
    key: str  # fold_name(text)
    particle: bool = False
    initial: bool = False
    common: bool = False  # the text also writes this word in lower case: an ordinary word

    @property
    def compact(self) -> str:
        return self.key.replace(" ", "")


class NameKind(Enum):
    """What a run of capitalised words names, as far as the words tell."""

    PERSON = "person"  # or could be: nothing says otherwise
    PLACE = "place"
    ORGANISATION = "organisation"
    OTHER = "other"  # a slogan, a feast, a people, a common word


@dataclass(frozen=True)
class NameOccurrence:
    """One run of name words, titles removed: "Special Envoy Alexandre Laventieve's" → the two
    name tokens. The last token is taken as the surname, except in a name written surname
    first (Fan Menguang, later "Mr Fan")."""

    tokens: tuple[NameToken, ...]
    kind: NameKind = NameKind.PERSON
    titled: bool = False  # a title stood before it ("Mr Fan", "President Putin")
    at_start: bool = False  # it opens a sentence, a line or a heading
    surname_first: bool = False

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def surname(self) -> NameToken:
        return self.tokens[0] if self.surname_first else self.tokens[-1]

    @cached_property  # asked for again and again by the lint and the drafts; the fields never change
    def given(self) -> tuple[NameToken, ...]:
        """Given names and initials besides the surname, particles left out."""
        rest = self.tokens[1:] if self.surname_first else self.tokens[:-1]
        return tuple(t for t in rest if not t.particle)


class _Raw(NamedTuple):  # a tuple: an article has a hundred thousand words
    start: int
    end: int
    text: str
    possessive: bool
    dotted: bool  # took a following "." (initial or abbreviation)
    particle: bool = False


_APOS_SPLIT = lazy_regex(f"[{_APOS}]")
_ASCII_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")


def _raw_tokens(text: str) -> Iterator[_Raw]:
    """The words of ``text`` that a name may take. A lower-case word that is no particle is left
    out: it ends a run all the same, as no run joins across it (``_joinable``)."""
    for m in _NAME_TOKEN.finditer(text):
        word = m.group(1)
        if word[0] in _ASCII_LOWER and "-" not in word and word.isascii() and word not in PARTICLES:
            continue  # most words: no capital, no particle, no "al-" to split off
        start = m.start(1)
        low = word.casefold()
        if len(low) > 2 and _APOS_SPLIT.search(low) and _APOS_SPLIT.split(low)[-1] in _CONTRACTIONS:
            continue
        # "al-Assad": the particle and the name are separate tokens
        head, sep, tail = word.partition("-")
        if sep and head.casefold() in _HYPHEN_PARTICLES and tail[:1].isupper():
            yield _Raw(start, start + len(head), head, False, False, particle=True)
            word, start, low = tail, start + len(head) + 1, tail.casefold()
        possessive = len(word) > 1 and word[-1] in "sS" and word[-2] in _APOS  # "Putin's", any apostrophe
        if possessive:
            word = word[:-2]
        end = start + len(word)
        nxt = text[m.end(1) : m.end(1) + 1]
        if not possessive and nxt in _APOS and word.endswith("s"):
            possessive = True  # plural possessive: "the Saudis' oil"
        dotted = False
        if nxt == "." and not possessive and (len(word) == 1 or low in _ABBREVIATIONS):
            dotted = True
        if word:
            yield _Raw(start, end, word, possessive, dotted, low in PARTICLES and word.islower())


_STEM_SUFFIXES = tuple((suffix, len(suffix)) for suffix in ("ing", "ed", "es", "s", "ly", "d"))


_STEM_LAST = frozenset(suffix[-1] for suffix, _ in _STEM_SUFFIXES)  # a word ending otherwise keeps its end


def _stem(word: str) -> str:
    if word[-1:] not in _STEM_LAST:
        return word
    n = len(word)
    for suffix, k in _STEM_SUFFIXES:
        if n > k + 2 and word.endswith(suffix):
            return word[:-k]
    return word


_INF = float("inf")


@dataclass(frozen=True)
class _Context:
    lower_stems: frozenset[str]
    heading_spans: tuple[tuple[int, int], ...]

    def lower_case(self, word: str) -> bool:
        """The text writes this word (or another form of it) in lower case too."""
        return _stem(word.casefold()) in self.lower_stems

    def ordinary(self, word: str) -> bool:
        low = word.casefold()
        if low in STOPWORDS or low in MONTHS or low in DAYS or _stem(low) in self.lower_stems:
            return True
        parts = re.split(f"[{_HYPH}]", low)  # "Day-by-day Schiff's": every part an ordinary word
        return len(parts) > 1 and all(p in STOPWORDS or _stem(p) in self.lower_stems for p in parts)

    def in_heading(self, index: int) -> bool:
        if not self.heading_spans:
            return False
        i = bisect.bisect_right(self.heading_spans, (index, _INF)) - 1
        return i >= 0 and self.heading_spans[i][0] <= index < self.heading_spans[i][1]


_WORD = lazy_regex(rf"{_LETTER}+")


def _context(text: str) -> _Context:
    stems = {_stem(w) for w in set(_WORD.findall(text)) if w[0].islower()}
    headings = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped and stripped[-1] not in '.!?"\'':  # a line ending a sentence is no heading: not read
            words = _WORD.findall(stripped)
            long_words = [w for w in words if len(w) > 3]
            if (
                len(words) <= 20
                and len(long_words) >= 2
                and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)
            ):
                headings.append((pos, pos + len(line)))
        pos += len(line)
    return _Context(frozenset(stems), tuple(headings))


def _sentence_start(text: str, index: int) -> bool:
    i = index - 1
    newlines = 0
    while i >= 0 and (text[i].isspace() or text[i] in "\"'()[]*#>-\u201c\u2018"):
        newlines += text[i] == "\n"
        i -= 1
    return i < 0 or text[i] in ".!?:;" or newlines >= 2


def _joinable(text: str, a: _Raw, b: _Raw) -> bool:
    """Two name words belong together across white space, or across a hyphenated particle that
    the tokens leave out ("Bashar al-Assad")."""
    gap = text[a.end + (1 if a.dotted else 0) : b.start]
    return (
        not a.possessive
        and bool(gap)
        and (not gap.strip() or (a.particle and len(gap) == 1 and gap in _HYPH))
        and gap.count("\n") <= 1
    )


def _runs(text: str, ctx: _Context) -> Iterator[list[_Raw]]:
    run: list[_Raw] = []
    prev: _Raw | None = None
    for tok in _raw_tokens(text):
        capital = tok.text[0].isupper() and not tok.particle
        usable = capital or tok.particle
        if run and usable and prev is not None and _joinable(text, prev, tok):
            if ctx.in_heading(tok.start) and capital and ctx.ordinary(tok.text):
                yield run
                run = [tok]  # _trim drops it unless it opens a place ("Statistics New Zealand")
            else:
                run.append(tok)
        else:
            if run:
                yield run
            run = [tok] if capital else []
        prev = tok
    if run:
        yield run


@dataclass(frozen=True)
class _Trimmed:
    run: list[_Raw]
    titled: bool
    at_start: bool


def _opens_place(run: list[_Raw]) -> bool:
    """The run starts with a place of several words ("New Zealand", "South Africa"), whose
    first word is an ordinary one at the start of a sentence."""
    return any(" ".join(fold_name(r.text) for r in run[:n]) in PLACES for n in (2, 3))


_NOT_OPENING = STOPWORDS | MONTHS | DAYS
_PEOPLES_AND_COUNTRIES = DEMONYMS | COUNTRIES  # united once, not at each run asked
_SLOGANS_AND_PEOPLES = SLOGAN_WORDS | DEMONYMS


def _trim(text: str, run: list[_Raw], ctx: _Context) -> _Trimmed:
    run = list(run)
    while run and (run[0].particle or run[0].text.casefold() in _NOT_OPENING):
        run.pop(0)
    first = run[0].start if run else -1
    opening = bool(run) and (_sentence_start(text, first) or ctx.in_heading(first))
    if opening:
        if ctx.ordinary(run[0].text) and not _opens_place(run):
            run.pop(0)
    while run:
        low = run[-1].text.casefold()
        m = _NEXT_VISIBLE.match(text, run[-1].end)
        after = m.group(1) if m else ""
        if run[-1].particle or low in DAYS or low in _SUFFIXES or (low in MONTHS and after.isdigit()):
            run.pop()
        else:
            break
    # titles mark a name but are not part of it: keep what follows the last title word
    keys = [t.text.casefold() for t in run]
    last_title = max((i for i, k in enumerate(keys[:-1]) if k in TITLES), default=-1) if len(keys) > 1 else -1
    titled = last_title >= 0
    run = run[last_title + 1 :]
    while len(run) > 1 and run[0].text.casefold() in TITLES:
        run.pop(0)
        titled = True
    # a nationality or a country before a full name is not part of it ("Ukraine Kurt Volker")
    while len(run) > 2 and fold_name(run[0].text) in _PEOPLES_AND_COUNTRIES and not run[1].particle:
        run.pop(0)
    while run and run[0].particle:
        run.pop(0)
    at_start = bool(run) and not titled and (
        opening if run[0].start == first else _sentence_start(text, run[0].start) or ctx.in_heading(run[0].start))
    return _Trimmed(run, titled, at_start)


def _kind(tokens: tuple[NameToken, ...]) -> NameKind:
    keys = [t.key for t in tokens if not t.particle]
    joined = " ".join(keys)
    if joined in PLACES:
        return NameKind.PLACE
    if keys[-1] in ORG_WORDS or (len(tokens) == 1 and tokens[0].text.isupper()):
        return NameKind.ORGANISATION
    if keys[0] in _SLOGANS_AND_PEOPLES or joined in COMMON_PROPER or (len(keys) == 1 and tokens[0].common):
        return NameKind.OTHER
    return NameKind.PERSON


def _occurrence(trimmed: _Trimmed, ctx: _Context) -> NameOccurrence | None:
    run = trimmed.run
    if not run or len(run[-1].text) == 1:  # a name does not end in an initial
        return None
    tokens = tuple(
        NameToken(
            r.start,
            r.end,
            r.text,
            fold_name(r.text),
            particle=r.particle,
            initial=len(r.text) == 1,
            common=ctx.lower_case(r.text),
        )
        for r in run
    )
    if all(t.initial or t.particle for t in tokens) or tokens[-1].key in _OFFICES:
        return None
    return NameOccurrence(tokens, _kind(tokens), trimmed.titled, trimmed.at_start)


def _split_abbreviations(run: list[_Raw], text: str) -> Iterator[list[_Raw]]:
    """Letters and dots without spaces ("U.S.", "U.N.") are an abbreviation, not initials."""
    part: list[_Raw] = []
    i = 0
    while i < len(run):
        tok = run[i]
        if tok.dotted and len(tok.text) == 1 and text[tok.end + 1 : tok.end + 2].isalpha():
            if part:
                yield part
            part = []
            while i < len(run) and run[i].dotted and len(run[i].text) == 1:
                i += 1
            continue
        part.append(tok)
        i += 1
    if part:
        yield part


_INVERTED_END = lazy_regex(r"\s*[(;&]|\s*\.?\s*$|\s*\.?\s*\(", re.M)
# What follows an author in a reference entry and nothing else: the year in brackets ("Grant,
# David (March 2009)") or a quoted title ("Hamer, David. "Seddon...""). After it even a word the
# text also writes in lower case (Grant, Bill) is a name.
_CITATION_END = lazy_regex(r"\s*\([^()\n]{0,30}\b\d{4}\b[^()\n]{0,10}\)|\.\s*[\"\u201c]")


def _can_invert(occ: NameOccurrence, citation: bool) -> bool:
    common = occ.kind is NameKind.OTHER and all(t.common for t in occ.tokens)
    return occ.kind is NameKind.PERSON or (citation and common)


def _inverted(text: str, found: list[NameOccurrence]) -> list[NameOccurrence]:
    """"Baker, John (2005)" in a list of references: one name, surname first. Read so, the given
    name of each author is no surname of its own (Hamer, David / Davis, Denise are two people,
    not David and Davis)."""
    out: list[NameOccurrence] = []
    i = 0
    while i < len(found):
        occ = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        citation = nxt is not None and bool(_CITATION_END.match(text, nxt.end))
        if (
            nxt is not None
            and len(occ.tokens) == 1
            and _can_invert(occ, citation)
            and _can_invert(nxt, citation)
            and text[occ.end : nxt.start] == ", "
            and len(nxt.tokens) <= 2
            and (citation or _INVERTED_END.match(text, nxt.end))
        ):
            out.append(NameOccurrence(occ.tokens + nxt.tokens, NameKind.PERSON, surname_first=True))
            i += 2
            continue
        out.append(occ)
        i += 1
    return out


def _surname_first(found: list[NameOccurrence]) -> list[NameOccurrence]:
    """Names written surname first (Fan Menguang): the first word stands alone after a title
    ("Mr Fan") and the last word never stands alone."""
    titled_alone = {o.tokens[0].key for o in found if len(o.tokens) == 1 and o.titled}
    alone = {o.tokens[0].key for o in found if len(o.tokens) == 1}
    out = []
    for occ in found:
        toks = occ.tokens
        if (
            len(toks) == 2
            and occ.kind is NameKind.PERSON
            and not any(t.particle or t.initial for t in toks)
            and toks[0].key in titled_alone
            and toks[-1].key not in alone
        ):
            occ = NameOccurrence(toks, occ.kind, occ.titled, occ.at_start, surname_first=True)
        out.append(occ)
    return out


def extract_names(text: str) -> list[NameOccurrence]:
    """Every run of capitalised words in ``text`` that can be a name, in text order, each with
    what it seems to name (``kind``): people, but also places, bodies and other words, which the
    lint compares too. In time linear in the text."""
    ctx = _context(text)
    found: list[NameOccurrence] = []
    for run in _runs(text, ctx):
        for piece in _split_abbreviations(run, text):
            occ = _occurrence(_trim(text, piece, ctx), ctx)
            if occ is not None:
                found.append(occ)
    return _surname_first(_inverted(text, found))


def person_names(text: str) -> list[NameOccurrence]:
    """The names in ``text`` that can be people's: places, bodies, slogans and peoples left out
    ("New York", "Full Fact", "Welcome Jose", "American")."""
    return [o for o in extract_names(text) if o.kind is NameKind.PERSON]


# --- mentions of one expected name ---------------------------------------------------------------


@dataclass(frozen=True)
class NameMatch:
    start: int
    end: int
    text: str
    kind: str  # "exact", "alias" or "variant"
    form: str  # the expected form compared with


@dataclass(frozen=True)
class _Form:
    text: str
    kind: str
    compact: str
    surname: str
    given: tuple[str, ...]


def _split_particle(word: str) -> list[str]:
    """"al-Assad" is the particle "al" and the surname "Assad", as the article's tokens have it."""
    head, sep, tail = word.partition("-")
    return [head, tail] if sep and tail and head.casefold() in _HYPHEN_PARTICLES else [word]


def _parse_form(form: str, kind: str) -> _Form | None:
    words = [w for w in normalize(form).replace(".", ". ").split() if w]
    words = [w for w in words if w.strip(".")]
    words = [part for w in words for part in _split_particle(w)]
    while len(words) > 1 and fold_name(words[0]) in TITLES:
        words.pop(0)
    keys = [fold_name(w) for w in words]
    keys = [k for k in keys if k]
    if not keys:
        return None
    given = tuple(k for k in keys[:-1] if k not in PARTICLES)
    return _Form(form, kind, "".join(k.replace(" ", "") for k in keys), keys[-1], given)


def _given_relation(a: NameToken, b: str) -> str | None:
    x = a.key
    if a.initial or len(b) == 1:
        return "same" if x[:1] == b[:1] else None
    return token_relation(x, b)


def _match_given(given: tuple[NameToken, ...], form: tuple[str, ...]) -> tuple[int, bool] | None:
    """(index of the first matched given token, all same?) or None for another person."""
    n = min(len(given), len(form))
    for offset_g, offset_f in ((0, 0), (len(given) - n, len(form) - n)):
        rels = [_given_relation(given[offset_g + i], form[offset_f + i]) for i in range(n)]
        if all(rels):
            return offset_g, all(r == "same" for r in rels)
    return None


_RANK = {"exact": 0, "alias": 1, "variant": 2}


def _match(occ: NameOccurrence, form: _Form, surname_rel: str | None) -> tuple[int, int, str] | None:
    """(start, end, kind) of ``occ`` as a mention of ``form``, or None."""
    toks = occ.tokens
    for i in range(len(toks)):  # whole name; spacing may move the surname ("Kim Jong Un")
        if "".join(t.compact for t in toks[i:]) == form.compact:
            return toks[i].start, occ.end, form.kind
    if surname_rel is None:
        return None
    if not occ.given or not form.given:
        return occ.surname.start, occ.end, form.kind if surname_rel == "same" else "variant"
    matched = _match_given(occ.given, form.given)
    if matched is None:  # same surname, another first name: another person
        return None
    first, all_same = matched
    kind = form.kind if surname_rel == "same" and all_same else "variant"
    return occ.given[first].start, occ.end, kind


# Edits a transliteration slip or a swap adds to a name part's typo bound (Usov / Usoff is two).
_SLIP_EDITS = 2
_MAX_REACH = 6


def _reach(key: str) -> int:
    """The most edits ``token_relation`` can forgive between ``key`` and another key: each part's
    typo bound and a slip, so the prefilter stays narrow for short names."""
    return min(_MAX_REACH, sum(_edit_bound(len(p)) + _SLIP_EDITS for p in key.split()))


def close_keys(key: str, keys: Sequence[str], bound: int = 6,
               compacted: Sequence[str] | None = None) -> list[tuple[str, int, int]]:
    """The folded ``keys`` within ``bound`` edits of ``key`` (spaces ignored): one batch call as
    the cheap prefilter before the part-wise rules. ``compacted`` is ``keys`` without their
    spaces when the caller keeps them (one text's surnames, asked for each of its people)."""
    if compacted is None:
        compacted = [k.replace(" ", "") for k in keys]
    found = process.extract(key.replace(" ", ""), compacted, scorer=DamerauLevenshtein.distance,
                            score_cutoff=bound, limit=None)
    return [(keys[i], distance, i) for _, distance, i in found]


@dataclass(frozen=True)
class _MentionIndex:
    """What every look-up of one person in one text needs, worked out once per text: each
    person's mentions then cost only the occurrences that can be theirs."""

    occurrences: Sequence[NameOccurrence]
    reversed_names: frozenset[str]
    by_letter: dict[str, tuple[list[str], list[str]]]  # first letter -> the surnames opening on it, and
    # each without its spaces, as ``close_keys`` compares them (a related surname has the same first letter)
    by_surname: dict[str, list[int]]  # surname key -> indexes into occurrences
    by_last: dict[str, list[int]]  # the last token's compact spelling -> indexes
    starts: list[int]  # each occurrence's start, in text order


_INDEXES: dict[int, _MentionIndex] = {}
_INDEXES_KEPT = 8  # texts whose index is kept: the article and the pages of one claim


def _mention_index(occurrences: Sequence[NameOccurrence]) -> _MentionIndex:
    found = _INDEXES.get(id(occurrences))
    if found is not None and found.occurrences is occurrences:
        return found
    by_surname: dict[str, list[int]] = {}
    by_last: dict[str, list[int]] = {}
    for i, o in enumerate(occurrences):
        by_surname.setdefault(o.surname.key, []).append(i)
        by_last.setdefault(o.tokens[-1].compact, []).append(i)
    by_letter: dict[str, tuple[list[str], list[str]]] = {}
    for key in sorted(by_surname):
        compact = key.replace(" ", "")
        keys, compacts = by_letter.setdefault(compact[:1], ([], []))
        keys.append(key)
        compacts.append(compact)
    index = _MentionIndex(
        occurrences,
        frozenset("".join(t.compact for t in o.tokens) for o in occurrences if o.surname_first),
        by_letter,
        by_surname,
        by_last,
        [o.start for o in occurrences],
    )
    while len(_INDEXES) >= _INDEXES_KEPT:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(occurrences)] = index
    return index


def occurrences_within(occurrences: Sequence[NameOccurrence], start: int, end: int) -> list[NameOccurrence]:
    """The occurrences (of ``extract_names``, in text order) that lie within ``[start, end)``."""
    index = _mention_index(occurrences)
    lo, hi = bisect.bisect_left(index.starts, start), bisect.bisect_left(index.starts, end)
    return [o for o in occurrences[lo:hi] if o.end <= end]


def find_name_mentions(
    text: str, expect: str, aliases: Sequence[str] = (), occurrences: Sequence[NameOccurrence] | None = None
) -> list[NameMatch]:
    """Every mention of the person ``expect`` in ``text``: full name or surname alone, exact, an
    alias, or a near-miss variant. Another person sharing a name part is not a mention.
    ``occurrences`` is ``extract_names(text)`` when the caller has it already."""
    forms = [f for f in (_parse_form(expect, "exact"), *(_parse_form(a, "alias") for a in aliases)) if f]
    if not forms:
        return []
    if occurrences is None:
        occurrences = extract_names(text)
    index = _mention_index(occurrences)
    forms = [
        replace(f, surname=f.given[0], given=(f.surname,))
        if f.compact in index.reversed_names and len(f.given) == 1 else f
        for f in forms
    ]
    relation: dict[tuple[str, int], str] = {}
    for j, form in enumerate(forms):
        keys, compacts = index.by_letter.get(form.surname.replace(" ", "")[:1], ([], []))
        for key, _dist, _ in close_keys(form.surname, keys, _reach(form.surname), compacts):
            rel = token_relation(key, form.surname)
            if rel:
                relation[key, j] = rel
    # only a related surname or a spelling that ends the whole name can match (see _match)
    picked = {i for key, _ in relation for i in index.by_surname[key]}
    for f in forms:
        picked.update(i for n in range(1, len(f.compact) + 1) for i in index.by_last.get(f.compact[-n:], ()))
    out: list[NameMatch] = []
    for occ in (occurrences[i] for i in sorted(picked)):
        candidates = []
        for j, form in enumerate(forms):
            m = _match(occ, form, relation.get((occ.surname.key, j)))
            if m:
                start, end, kind = m
                candidates.append((_RANK[kind], start - end, start, end, kind, form.text))
        if candidates:
            _, _, start, end, kind, form_text = min(candidates)
            out.append(NameMatch(start, end, text[start:end], kind, form_text))
    return out
