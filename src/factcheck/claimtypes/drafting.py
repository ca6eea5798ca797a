"""What drafting claims of every type shares: the article's sentences and people, readable
unique ids, and the few words of context that make a drafted claim's wording unique."""

from __future__ import annotations

import bisect
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from .. import dates
from ..article import Article
from ..index import Lenses, whole_folded, whole_view
from ..lexicon import ABBREVIATED_TITLES, PERSON_TITLES, STOPWORDS, TITLES
from ..lint import LintFinding, lint_article
from ..lint import people as group_people
from ..locate import last_starting
from ..model import Claim
from ..names import KNOWN_WORDS, NameKind, NameOccurrence, extract_names
from ..namewords import ORG_WORDS, SLOGAN_WORDS, census
from ..normalize import fold
from ..settings import DRAFT_MIN_QUOTE_WORDS, DRAFT_SLUG_LIMIT

T = TypeVar("T")

SPEECH = (
    r"said|says|told|tells|added|stated|declared|announced|confirmed|explained|noted|argued|wrote|"
    r"insisted|warned|expressed|urged|stressed|denied|claimed|welcomed|called|replied|asked"
)

SPEECH_AFTER = re.compile(rf"[ ,]+(?:{SPEECH})\b")

SPEECH_BEFORE = re.compile(rf"\b(?:{SPEECH})\s+(?:[A-Z][a-z]+\s+)*$")  # '…," said President Putin

_MAX_NAME_WORDS = 4  # "Daniel Elahi Galan", "Botic van de Zandschulp": longer runs are titles of works

PLACE_BEFORE = re.compile(r"(?i)\b(?:in|of|across|near|throughout|within)\s+$")
# Within a paragraph, in double quotes or the AP wire's two apostrophes (''We will win,'' he said),
# which must not run on into the narration after them.
_QUOTE = re.compile(r'"((?:[^"\n]|\n(?![ \t]*\n))+)"|\'\'((?:(?!\'\')[^\n]|\n(?![ \t]*\n))+)\'\'')


@dataclass(frozen=True)
class Draft:
    """A drafted claim and where the article states it, for ordering."""

    claim: Claim
    start: int


@dataclass
class DraftContext:
    """The article as every claim type's drafter reads it; each part is worked out once."""

    article: Article
    published: date | None
    ids: Ids
    lenses: Lenses = field(default_factory=Lenses)  # the checker's reading of the article, shared with the read-back

    @property
    def spans(self) -> Sequence[tuple[int, int]]:
        """The article's sentences as the checker's index holds them: split once for drafting and read-back."""
        return self.lenses(self.article.text).spans

    @cached_property
    def people(self) -> list[Person]:
        return people_in(self.article, self.names)

    @cached_property
    def people_at(self) -> SpanIndex[Person]:
        """Each person by the places the article names them."""
        return SpanIndex((o.start, o.end, p) for p in self.people for o in p.occurrences)

    @cached_property
    def names_at(self) -> SpanIndex[NameOccurrence]:
        return SpanIndex((o.start, o.end, o) for o in self.names)

    @cached_property
    def dates(self) -> list[dates.DateMatch]:
        return dates.find_dates(self.article.text, self.published)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quotations(self.article)

    @property
    def names(self) -> list[NameOccurrence]:
        """The article's names as the checker's index holds them: extracted once for drafting and read-back."""
        return self.lenses(self.article.text).names

    @cached_property
    def lint(self) -> list[LintFinding]:
        return lint_article(self.article, self.names)


_SLUG_WORD = re.compile(r"[a-z0-9]+")
_NON_SPACE = re.compile(r"\S+")
_LETTERS = re.compile(r"[a-z]+")
_THE_BEFORE = re.compile(r"(?i)\bthe\s+$")


def flat(text: str) -> str:
    """One line: an article wrapped at 80 columns must not put line breaks into the claims."""
    return " ".join(text.split())

def slug(text: str) -> str:
    words = _SLUG_WORD.findall(fold(text))
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > DRAFT_SLUG_LIMIT and out:
            break
        out = nxt
    return out or "x"

class Ids:
    """Readable ids, made unique by a numeric suffix."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, *candidates: str) -> str:
        for c in candidates:
            if c and c not in self.used:
                self.used.add(c)
                return c
        base, n = candidates[0], 2
        while f"{base}-{n}" in self.used:
            n += 1
        self.used.add(f"{base}-{n}")
        return f"{base}-{n}"

class SpanIndex(Generic[T]):
    """Things placed at spans of one text, looked up by the stretch they fall in: a drafter asks
    about each claim's neighbourhood, and a scan of every thing per claim would grow with the
    square of the article."""

    def __init__(self, items: Iterable[tuple[int, int, T]]) -> None:
        self.items = sorted(items, key=lambda item: (item[0], item[1]))
        self.starts = [start for start, _, _ in self.items]
        self.longest = max((end - start for start, end, _ in self.items), default=0)

    def starting(self, lo: int, hi: int) -> list[tuple[int, int, T]]:
        """The things that start in ``[lo, hi)``, in text order."""
        return self.items[bisect.bisect_left(self.starts, lo) : bisect.bisect_left(self.starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[tuple[int, int, T]]:
        """The things that overlap ``[lo, hi)``, in text order."""
        return [item for item in self.starting(lo - self.longest, hi) if item[0] < hi and lo < item[1]]


_INDEXED_FROM = 100_000  # characters of article from which words are indexed: below, scanning it per claim is cheaper
_WORD = re.compile(r"\w+")
_RARE = 8  # places of a word few enough to check them all: the search for a rarer one stops there


class _WordIndex:
    """Where each word of a long text starts: a drafter asks whether thousands of wordings occur
    once, and scanning the whole text for each would grow with the square of the article."""

    def __init__(self, hay: str) -> None:
        self.hay = hay
        self.at: defaultdict[str, array] = defaultdict(lambda: array("q"))
        for m in _WORD.finditer(hay):
            self.at[m.group()].append(m.start())

    def count(self, needle: str, most: int) -> int | None:
        """How many times ``needle`` occurs in the text, counted up to ``most``; None when it holds
        no word it bounds on both sides (each occurrence has such a word whole, where indexed)."""
        anchor, seen = None, 0
        for m in _WORD.finditer(needle):
            if 0 < m.start() and m.end() < len(needle):
                n = len(self.at.get(m.group(), ()))
                if anchor is None or n < seen:
                    anchor, seen = m, n
                if seen <= _RARE:
                    break
        if anchor is None:
            return None
        found = 0
        for pos in self.at.get(anchor.group(), ()):
            start = pos - anchor.start()
            if start >= 0 and self.hay.startswith(needle, start):
                found += 1
                if found >= most:
                    break
        return found


@lru_cache(maxsize=4)
def _word_index(hay: str) -> _WordIndex:
    return _WordIndex(hay)


def _occurrences(needle: str, hay: str, most: int = 2) -> int:
    """``needle``'s occurrences in ``hay`` (overlapping ones too), counted up to ``most``."""
    if len(hay) >= _INDEXED_FROM:
        counted = _word_index(hay).count(needle, most)
        if counted is not None:
            return counted
    found, at = 0, hay.find(needle)
    while at >= 0 and found < most:
        found += 1
        at = hay.find(needle, at + 1) if found < most else -1
    return found


def unique(article: Article, text: str) -> bool:
    """Whether ``text`` occurs once in the article as the locator sees it (folded, spaces collapsed)."""
    return _unique_needle(article, " ".join(fold(text).split()))  # ``view(text).text.strip()``, without the view


def _unique_needle(article: Article, needle: str) -> bool:
    return bool(needle) and _occurrences(needle, whole_view(article.text).text) == 1


def _unique_at(article: Article, start: int, end: int) -> bool:
    """``unique(article, article.text[start:end])``."""
    return _unique_needle(article, " ".join(whole_folded(article.text)[start:end].split()))


def _sentence(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence of ``spans`` (in text order, not overlapping) that holds ``[start, end)``."""
    i = last_starting(spans, start)
    if i >= 0 and spans[i][0] <= start and end <= spans[i][1]:
        return spans[i]
    return start, end


_PIECE_LEAD = re.compile(r"[^\w$\u20ac\u00a3]+")  # what a piece grown backwards does not open with
_PIECE_TAIL = frozenset(",;:.!?\"'()-")  # nor end with, besides white space


def context(article: Article, spans, start: int, end: int, floor: int, before: int, after: int,
             least: int = 5, locates: Callable[[str], bool] | None = None) -> str | None:
    """The match with a few words of its clause around it (``before`` words before, ``after``
    after, at least ``least`` in all where the clause allows), grown until it is unique. It
    never reaches back past ``floor`` (the end of the previous value of the same kind), so the
    value the checker reads first in the passage is this one. ``locates`` (when given) must
    accept the piece too. Each piece is a stretch of the article, tested as such: when the whole
    clause occurs twice no piece of it is unique, and the growing stops at once."""
    text = article.text
    s, e = _sentence(spans, start, end)
    lo = max(s, floor)
    pre = [(lo + m.start(), lo + m.end()) for m in _NON_SPACE.finditer(text[lo:start])]
    post = [(end + m.start(), end + m.end()) for m in _NON_SPACE.finditer(text[end:e])]
    in_clause_pre = next((len(pre) - i - 1 for i in range(len(pre) - 1, -1, -1)
                          if text[pre[i][1] - 1] in ",;:"), len(pre))
    in_clause_post = next((i + 1 for i, (_, we) in enumerate(post) if text[we - 1] in ",;:"), len(post))
    own = len(text[start:end].split())
    b = min(before, in_clause_pre)
    a = min(after, in_clause_post)
    b = min(in_clause_pre, b + max(0, least - own - a - b))
    a = min(in_clause_post, a + max(0, least - own - a - b))
    grown = a
    tried = False
    while True:
        while a and fold(text[post[a - 1][0] : post[a - 1][1]]).strip(",;:.") in STOPWORDS:
            a -= 1  # "six-day visit to Iran", not "... to Iran to"
        first = pre[-b][0] if b else start
        last = post[a - 1][1] if a else end
        if first < start and (lead := _PIECE_LEAD.match(text, first, last)):
            first = lead.end()
        if last > end:
            while last > first and (text[last - 1] in _PIECE_TAIL or text[last - 1].isspace()):
                last -= 1
        if first < last and _unique_at(article, first, last) and (locates is None or locates(text[first:last])):
            return flat(text[first:last])
        if b >= len(pre) and grown >= len(post):
            return None
        if not tried:  # every piece lies within the clause from its first word to its last
            tried = True
            if not _unique_at(article, pre[0][0] if pre else start, post[-1][1] if post else end):
                return None
        b, grown = min(b + 1, len(pre)), min(grown + 1, len(post))
        a = grown

_STREET = r"(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|Lane|Ln|Drive|Dr|Way|Place|Pl|Court|Ct|Highway|Hwy)\b"
_NOT_FIGURES = (
    # a clock time: "10 p.m.", "4:25 kickoff", "0100 GMT"
    ("clock time", re.compile(r"^\s*(?::\d\d)?\s*(?:[ap]\.?m\b\.?|GMT|UTC|BST|CET|[ECMP][SD]?T\b|local\s+time)"),
     "after"),
    ("clock time", re.compile(r"\d:$"), "before"),
    # a score: "4-1", "7-6 (5)"
    ("score", re.compile(r"^[\u2013-]\d"), "after"),
    ("score", re.compile(r"\d[\u2013-]$"), "before"),
    ("score", re.compile(r"\d[\u2013-]\d+\s*\($"), "before"),
    # a house number: "1119 Eighth St."
    ("house number", re.compile(rf"^\s+(?:[A-Z][\w.]*\s+){{1,3}}{_STREET}"), "after"),
    # an emergency number: "911 calls", "called 999"
    ("phone number", re.compile(r"^\s+call"), "after"),
    ("phone number", re.compile(r"(?i)\b(?:call(?:ed|ing)?|dial(?:l?ed|ing)?)\s+$"), "before"),
)
_SCORE = re.compile(r"\d{1,3}[\u2013-]\d{1,3}")
_MODEL_BEFORE = re.compile(r"(?:^|(?<=\s))([A-Z][\w&+\-]*)\s$")


def _model_number(text: str, start: int) -> bool:
    """A bare number right after a name's word mid-sentence: a model or an index ("Boeing 737",
    "GTX 1660", "S&P 500"), not "Nearly 200 people" opening a sentence."""
    m = _MODEL_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.group(1).casefold() in STOPWORDS:
        return False
    lead = text[max(0, m.start(1) - 3) : m.start(1)].rstrip(" \t\"'(")
    return bool(lead) and lead[-1] not in ".!?:\n"


def not_a_figure(text: str, start: int, end: int, bare: bool = True) -> str | None:
    """What a number written at ``text[start:end]`` is when it is no figure to check: a clock time,
    a score, a house number, a phone number or (``bare``: it has no unit) a model number."""
    before, after = text[max(0, start - 40) : start], text[end : end + 40]
    if bare and _SCORE.fullmatch(text, start, end):
        return "score"
    for reason, pattern, side in _NOT_FIGURES:
        if pattern.search(before if side == "before" else after):
            return reason
    return "model number" if bare and _model_number(text, start) else None


@dataclass(frozen=True)
class Person:
    occurrences: tuple[NameOccurrence, ...]
    full: NameOccurrence  # the most complete spelling, as the article writes it

def is_title(word: str) -> bool:
    low = word.casefold()
    return low in TITLES or (low.endswith("s") and low[:-1] in TITLES)  # "Democratic senators Joe Manchin"

_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _word_before(window: str) -> tuple[int, str, str] | None:
    r"""``re.search(r"([A-Za-z]+)(\.?)\s+$", window)`` read from the end (the search tries every
    place of the window): where group 1 starts, group 1 and group 2."""
    j = len(window)
    while j and window[j - 1].isspace():  # what ``\s`` matches
        j -= 1
    if j == len(window):
        return None
    k = j - 1 if j and window[j - 1] == "." else j
    i = k
    while i and window[i - 1] in _ASCII_LETTERS:
        i -= 1
    return (i, window[i:k], window[k:j]) if i < k else None


_TITLE_OF_BEFORE = re.compile(r"([A-Za-z]+)\s+of\s+$")


def title_before(text: str, start: int) -> int:
    """Start of the run of title words right before a name ("Special Envoy", "chairman",
    "Secretary of State")."""
    pos = start
    while True:
        window = text[max(0, pos - 60) : pos]
        m = _word_before(window)
        if not m or not is_title(m[1]) or (m[2] and m[1].casefold() not in ABBREVIATED_TITLES):
            return pos  # "a North Korean leader. Kim" ends a sentence; "Gen. Milley" does not
        pos = pos - len(window) + m[0]
        of = _TITLE_OF_BEFORE.search(text, max(0, pos - 60), pos)
        if of and is_title(of.group(1)):
            pos -= len(of.group(0))

_ROLE_BEFORE = re.compile(r"(?:^|[.;:,]\s*|\n\s*\n)([^,.;:\"]{2,60}),\s+$")  # ends in a comma and a space
_ROLE_AFTER = re.compile(r",\s+([a-z][^,.;:\"]{2,80}?),")


def role_of(text: str, occ: NameOccurrence) -> str | None:
    """An apposition that says who the person is: "An Iranian commentator, Shoeib Bahman",
    "South Korea's president, Moon Jae-in" or "Ali Shamkhani, secretary of Iran's Supreme
    National Security Council,"."""
    after = _ROLE_AFTER.match(text, occ.end)  # closed by a comma
    if after:
        words = after.group(1).split()
        if len(words) <= 10 and (words[0] in ("the", "a", "an", "former") or is_title(words[0])):
            return " ".join(words)
    window = text[max(0, occ.start - 80) : occ.start]
    before = _ROLE_BEFORE.search(window) if window[-1:].isspace() and window.rstrip().endswith(",") else None
    if before:
        chunk = before.group(1).split()
        while len(chunk) > 1 and chunk[0].casefold() in ("and", "but", "while", "with"):
            chunk = chunk[1:]
        if len(chunk) <= 5 and (chunk[0].casefold() in ("a", "an", "the") or chunk[-1].casefold() in PERSON_TITLES):
            return " ".join(chunk)
    return None

def _titled(text: str, occ: NameOccurrence) -> bool:
    """A personal title right before the name or in an apposition beside it."""
    start = title_before(text, occ.start)
    words = set(_LETTERS.findall(text[start : occ.start].casefold())) if start < occ.start else set()
    role = role_of(text, occ)
    if role:
        words |= set(_LETTERS.findall(role.casefold()))
    return bool(words & PERSON_TITLES)

def _is_person(text: str, occs: list[NameOccurrence], full: NameOccurrence, standalone: set[str]) -> bool:
    """Places, bodies and peoples look like names too; a person is named with a personal title,
    speaks, or is introduced in full and then called by surname alone (not "in Korea")."""
    if any(t.text.isupper() and len(t.text) > 1 for t in full.tokens) or full.surname.key in TITLES:
        return False  # "NASA", "State Attorney General", "House of Representatives Speaker"
    if _THE_BEFORE.search(text[max(0, full.start - 8) : full.start]):
        return False  # "the Middle East", "the White House"
    for occ in occs:
        if _titled(text, occ) or (len(occ.tokens) > 1 and SPEECH_AFTER.match(text, occ.end)):
            return True
    bare = [o for o in occs if not o.given and not PLACE_BEFORE.search(text, max(0, o.start - 12), o.start)]
    given_alone = any(t.key in standalone for t in full.given)
    return bool(full.given) and not given_alone and (bool(bare) or _plain_full_name(full))


_NOT_NAME_PARTS = KNOWN_WORDS | ORG_WORDS | TITLES | SLOGAN_WORDS


def _plain_full_name(full: NameOccurrence) -> bool:
    """A given name and a surname the census knows, no word of which the text also writes in lower
    case or is a place, a people, a body or a title: how a person is named once in passing
    ("running back Trey Edmunds"), unlike a product or a phrase ("Echo Dot", "Star Wars")."""
    words = [t for t in full.tokens if not t.particle and not t.initial]
    if not 2 <= len(words) <= _MAX_NAME_WORDS or any(t.common or t.key in _NOT_NAME_PARTS for t in words):
        return False
    names = census()
    given, surname = full.given[0].key.split(), full.surname.key.split()
    return given[0] in names.given and any(part in names.surnames for part in surname)

def people_in(article: Article, names: list[NameOccurrence] | None = None) -> list[Person]:
    """The people the article names; places, bodies and slogans are not drafted as names.
    ``names`` is ``extract_names(article.text)`` when the caller has it already."""
    found = extract_names(article.text) if names is None else names
    occurrences = [o for o in found if o.kind is NameKind.PERSON]
    standalone = {o.tokens[0].key for o in occurrences if len(o.tokens) == 1}
    people = []
    for group in group_people(occurrences):
        occs = sorted(group, key=lambda o: o.start)
        if not occs:
            continue
        if len(occs) == 1:
            full = occs[0]  # named once (most people): the fullest spelling without counting any
        else:
            spelled = Counter(tuple(t.text for t in o.tokens) for o in occs)
            full = max(occs, key=lambda o: (len(o.tokens), spelled[tuple(t.text for t in o.tokens)], -o.start))
        if _is_person(article.text, occs, full, standalone):
            people.append(Person(tuple(occs), full))
    return people

def quotations(article: Article) -> list[tuple[int, int]]:
    """Spans of the quotations inside straight double quotes, long enough to be someone's words."""
    out = []
    for m in _QUOTE.finditer(article.text):
        group = 1 if m.group(1) is not None else 2
        s, e = m.start(group), m.end(group)
        inner = article.text[s:e]
        stripped = inner.rstrip(" ,;:")
        e -= len(inner) - len(stripped)
        lead = len(stripped) - len(stripped.lstrip())
        if len(stripped.split()) >= DRAFT_MIN_QUOTE_WORDS:
            out.append((s + lead, e))
    return out
