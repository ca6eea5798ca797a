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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein, Levenshtein

from .lexicon import DAYS, MONTHS, TITLES
from .lexicon import NOT_NAME_WORDS as STOPWORDS
from .normalize import normalize

# --- vocabularies -----------------------------------------------------------------------------

PARTICLES = frozenset(
    "bin ibn bint al el ad as ash an ar at az abu abd von van der den de del della di da du la le "
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
_ABBREVIATIONS = frozenset("mr mrs ms dr gen sen rep gov lt col capt prof st adm maj sgt pres jr sr".split())

_LETTER = r"[^\W\d_]"
_APOS = "'\u2019\u02bc"
_HYPH = "\\-\u2010\u2011"
_TOKEN = re.compile(
    rf"(?<![\w{_HYPH}{_APOS}])({_LETTER}+(?:[{_HYPH}{_APOS}]{_LETTER}+)*)(?![\w{_HYPH}]\w)"
)
_POSSESSIVE = re.compile(rf"[{_APOS}][sS]$")


# --- comparison -------------------------------------------------------------------------------


def _strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold_name(s: str) -> str:
    """The comparison key of a name: case, diacritics, possessive, hyphens, dots and apostrophes
    do not count ("Shamkhānī's" → "shamkhani", "Jong-un" → "jong un")."""
    s = normalize(s)
    s = re.sub(rf"'[sS](?!{_LETTER})", "", s)
    s = _strip_accents(s).casefold()
    s = s.replace("'", "")
    s = re.sub(r"[-.]", " ", s)
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


def _part_near(x: str, y: str) -> bool:
    """A typo-level difference between two folded name parts (``x != y``)."""
    if x == y or not x or not y or x[0] != y[0]:
        return False
    x, y = sorted((x, y))  # one alignment whichever way round: symmetric
    bound = _edit_bound(min(len(x), len(y)))
    if not bound:
        return False
    stem = os.path.commonprefix([x, y])
    tails = {x[len(stem) :], y[len(stem) :]}
    doubled = "" in tails and len(stem) and all(set(t) <= {stem[-1]} for t in tails)
    if not doubled and (tails <= _DERIVATIONS | {""} or ("" not in tails and tails <= _ENDINGS)):
        return False
    if DamerauLevenshtein.distance(x, y, score_cutoff=bound) > bound:
        return False
    # a typo drops or adds one letter at a time; two or more together make another word
    # (Austrian / Australian)
    return all(
        op.tag in ("equal", "replace") or max(op.src_end - op.src_start, op.dest_end - op.dest_start) < 2
        for op in Levenshtein.opcodes(x, y)
    )


def token_relation(x: str, y: str) -> str | None:
    """"same", "near" or None for two folded tokens (hyphenated parts compared one by one)."""
    if x.replace(" ", "") == y.replace(" ", ""):
        return "same"
    px, py = x.split(), y.split()
    if len(px) == len(py) and all(a == b or _part_near(a, b) for a, b in zip(px, py)):
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
        return all(x == y or _part_near(x, y) for x, y in zip(pa, pb))
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

    @property
    def compact(self) -> str:
        return self.key.replace(" ", "")


@dataclass(frozen=True)
class NameOccurrence:
    """One run of name words, titles removed: "Special Envoy Alexandre Laventieve's" → the two
    name tokens. The last token is taken as the surname."""

    tokens: tuple[NameToken, ...]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def surname(self) -> NameToken:
        return self.tokens[-1]

    @property
    def given(self) -> tuple[NameToken, ...]:
        """Given names and initials before the surname, particles left out."""
        return tuple(t for t in self.tokens[:-1] if not t.particle)


@dataclass(frozen=True)
class _Raw:
    start: int
    end: int
    text: str
    possessive: bool
    dotted: bool  # took a following "." (initial or abbreviation)
    particle: bool = False


def _raw_tokens(text: str) -> Iterator[_Raw]:
    for m in _TOKEN.finditer(text):
        word, start = m.group(1), m.start(1)
        low = word.casefold()
        # "al-Assad": the particle and the name are separate tokens
        head, sep, tail = word.partition("-")
        if sep and head.casefold() in _HYPHEN_PARTICLES and tail[:1].isupper():
            yield _Raw(start, start + len(head), head, False, False, particle=True)
            word, start, low = tail, start + len(head) + 1, tail.casefold()
        possessive = bool(_POSSESSIVE.search(word))
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
            yield _Raw(start, end, word, possessive, dotted, particle=low in PARTICLES and word.islower())


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "ly", "d"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class _Context:
    lower_stems: frozenset[str]
    heading_spans: tuple[tuple[int, int], ...]

    def ordinary(self, word: str) -> bool:
        low = word.casefold()
        return low in STOPWORDS or low in MONTHS or low in DAYS or _stem(low) in self.lower_stems

    def in_heading(self, index: int) -> bool:
        i = bisect.bisect_right(self.heading_spans, (index, float("inf"))) - 1
        return i >= 0 and self.heading_spans[i][0] <= index < self.heading_spans[i][1]


def _context(text: str) -> _Context:
    stems = set()
    for m in re.finditer(rf"{_LETTER}+", text):
        w = m.group()
        if w[0].islower():
            stems.add(_stem(w))
    headings = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        words = re.findall(rf"{_LETTER}+", stripped)
        long_words = [w for w in words if len(w) > 3]
        if (
            stripped
            and len(words) <= 20
            and len(long_words) >= 2
            and stripped[-1] not in '.!?"\''
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
                run = []
            else:
                run.append(tok)
        else:
            if run:
                yield run
            run = [tok] if capital else []
        prev = tok
    if run:
        yield run


def _trim(text: str, run: list[_Raw], ctx: _Context) -> list[_Raw]:
    run = list(run)
    while run and (run[0].particle or run[0].text.casefold() in STOPWORDS | MONTHS | DAYS):
        run.pop(0)
    if run and (_sentence_start(text, run[0].start) or ctx.in_heading(run[0].start)):
        if ctx.ordinary(run[0].text):
            run.pop(0)
    while run:
        low = run[-1].text.casefold()
        after = text[run[-1].end :].lstrip()[:1]
        if run[-1].particle or low in DAYS or low in _SUFFIXES or (low in MONTHS and after.isdigit()):
            run.pop()
        else:
            break
    # titles mark a name but are not part of it: keep what follows the last title word
    keys = [t.text.casefold() for t in run]
    last_title = max((i for i, k in enumerate(keys[:-1]) if k in TITLES), default=-1)
    run = run[last_title + 1 :]
    while len(run) > 1 and run[0].text.casefold() in TITLES:
        run.pop(0)
    while run and run[0].particle:
        run.pop(0)
    return run


def _occurrence(run: list[_Raw]) -> NameOccurrence | None:
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
        )
        for r in run
    )
    if all(t.initial or t.particle for t in tokens) or tokens[-1].key in _OFFICES:
        return None
    return NameOccurrence(tokens)


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


def extract_names(text: str) -> list[NameOccurrence]:
    """Every run of capitalised words in ``text`` that can be a name, in text order."""
    ctx = _context(text)
    found: list[NameOccurrence] = []
    for run in _runs(text, ctx):
        for piece in _split_abbreviations(run, text):
            occ = _occurrence(_trim(text, piece, ctx))
            if occ is not None:
                found.append(occ)
    return found


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


def close_keys(key: str, keys: Sequence[str], bound: int = 6) -> list[tuple[str, int, int]]:
    """The folded ``keys`` within ``bound`` edits of ``key`` (spaces ignored): one batch call as
    the cheap prefilter before the part-wise rules."""
    return process.extract(
        key,
        keys,
        scorer=DamerauLevenshtein.distance,
        processor=lambda s: s.replace(" ", ""),
        score_cutoff=bound,
        limit=None,
    )


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
    surnames = sorted({o.surname.key for o in occurrences})
    relation: dict[tuple[str, int], str] = {}
    for j, form in enumerate(forms):
        for key, _dist, _ in close_keys(form.surname, surnames):
            rel = token_relation(key, form.surname)
            if rel:
                relation[key, j] = rel
    related = {key for key, _ in relation}
    endings = {f.compact[i:] for f in forms for i in range(len(f.compact))}
    out: list[NameMatch] = []
    for occ in occurrences:
        # only a related surname or a spelling that ends the whole name can match (see _match)
        if occ.surname.key not in related and occ.tokens[-1].compact not in endings:
            continue
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
