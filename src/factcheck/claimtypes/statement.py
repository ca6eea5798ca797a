"""Attributed statements: a source sentence close enough to the claim's wording, naming what
the claim names, supports it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

from .. import dates, numbers
from ..article import Article
from ..lexicon import STOPWORDS
from ..locate import sentence_around
from ..model import Claim, ClaimType, Status, Verdict
from ..names import NameOccurrence
from ..normalize import fold
from ..settings import DRAFT_LONG_SENTENCE, STATEMENT_THRESHOLD
from .about import NOT_NAMES, TIE_MIN, find, named, names_one, setting_of, silent_near, tie
from .base import Judgement, Lens, Page, Reading
from .drafting import PLACE_BEFORE, Draft, DraftContext, Ids, Person, SpanIndex, flat, slug, unique
from .quote import read_passage

_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|confirmed|confirms|announced|announces)\b"
    r"|\baccording\s+to\s+(?=[A-Z\d]|(?:the|a|an|officials|sources|data|figures|reports|estimates)\b)"
)

_ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|newly|recently)\s+$")


class StatementKind:
    type = ClaimType.STATEMENT
    keys: frozenset[str] = frozenset()  # the type-specific keys it takes
    needs_expect = False
    contradicted_as = Verdict.CONTRADICTED  # the verdict when sources only say otherwise
    has_value = False
    section = "statements: attributed statements; a source must say the same"

    def parse_expect(self, raw: str) -> object:
        return raw

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        return read_passage(claim, article, text)

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """The passage that says the same supports the statement, unless it says it with another
        figure, date or name in place of the statement's: then it contradicts, naming the difference."""
        text, view = page.text, page.view
        best = find(claim.text, text, view, STATEMENT_THRESHOLD)
        sentence = view.relevant(claim.text, STATEMENT_THRESHOLD, limit=1)
        candidates = []
        if best is not None:
            candidates.append((best.score, best.start, best.end))
        if sentence:
            s, e, score = sentence[0]
            candidates.append((score, s, e))
        pattern = named(claim)
        for score, start, end in sorted(candidates, reverse=True):
            s, e = sentence_around(text, start, end, view.spans)
            found = difference(claim.text, text[s:e], page.published)
            if found is not None:
                said = found.theirs
                return Judgement(Status.CONTRADICTS, s + found.start, s + found.end,
                                 f"'{said}' in place of '{found.ours}'", round(score, 1), said=said)
            if names_one(pattern, text, view.spans, start, end, page.subject):
                return Judgement(Status.SUPPORTS, start, end, None, round(score, 1))
        return silent_near(claim.text, view, "no passage of the page says the same")

    def draft(self, context: DraftContext) -> list[Draft]:
        return _statement_claims(context.article, context.spans, context.quotes, context.people_at, context.ids,
                                 context.names_at)


@dataclass(frozen=True)
class Difference:
    """Another value in a source's passage in place of the statement's."""

    ours: str  # the statement's value, as written
    theirs: str  # the source's, as written
    start: int  # offsets of the source's value in the passage
    end: int


_SAME_WORDS = 0.8  # share of a statement's other words a passage repeats in order: the same, one name changed


def difference(statement: str, passage: str, published: date | None) -> Difference | None:
    """The first figure, date or name of ``statement`` that ``passage`` (which says the same)
    gives otherwise: a value of the same kind that none of the statement's values agrees with,
    tied to the statement's words around its own better than any agreeing value ("LONDON (March
    19) - ... cut rates on 20 March" gives the cut's date as 20 March)."""
    for read, agree in ((lambda t: _dates(t, published), _dates_agree), (_figures, _figures_agree)):
        ours, theirs = read(statement), read(passage)
        for o_start, o_end, mine in ours:
            setting = setting_of(statement, (0, len(statement)), o_start, o_end)
            least = TIE_MIN if setting.before or setting.after else 0
            same = [(tie(setting, passage, (0, len(passage)), a, b), a, b) for a, b, v in theirs if agree(mine, v)]
            rivals = [(tie(setting, passage, (0, len(passage)), a, b), a, b) for a, b, v in theirs
                      if _comparable(mine, v) and not any(agree(o, v) for _, _, o in ours)]
            best, rival = max(same, default=None), max(rivals, default=None)
            if rival is not None and rival[0] >= least and (best is None or rival[0] > best[0]):
                return Difference(statement[o_start:o_end], passage[rival[1] : rival[2]], rival[1], rival[2])
    return _other_name(statement, passage)


@lru_cache(maxsize=1024)  # a statement's own values, read again for each page and passage judged
def _figures(text: str) -> list[tuple[int, int, Any]]:
    """The figures that are not part of a date ("20" of "20 March")."""
    taken = [(m.start, m.end) for m in dates.find_dates(text)]
    return [(m.start, m.end, m.quantity) for m in numbers.find_numbers(text)
            if not any(s < m.end and m.start < e for s, e in taken)]


@lru_cache(maxsize=1024)
def _dates(text: str, published: date | None) -> list[tuple[int, int, Any]]:
    return [(m.start, m.end, m.span) for m in dates.find_dates(text, published) if m.span is not None]


def _figures_agree(a: numbers.Quantity, b: numbers.Quantity) -> bool:
    return numbers.agrees(a, b) or numbers.agrees(b, a)


def _dates_agree(a: dates.DateSpan, b: dates.DateSpan) -> bool:
    return dates.agrees(a, b) or dates.agrees(b, a)


def _comparable(a: Any, b: Any) -> bool:
    """Two values that measure the same kind of thing: dates, or figures in one unit (or both bare)."""
    if isinstance(a, numbers.Quantity) and isinstance(b, numbers.Quantity):
        return (a.unit is None) == (b.unit is None) and numbers.units_compatible(a.unit, b.unit)
    return isinstance(a, dates.DateSpan) and isinstance(b, dates.DateSpan)


_TOKEN = re.compile(r"[\w'-]+")


def _other_name(statement: str, passage: str) -> Difference | None:
    """One name of the statement given as another name, every other word in its place ("Ozerov
    told RIA" against "Kosachev told RIA"). Two names changed is another story, not a contradiction."""
    ours, theirs = list(_TOKEN.finditer(statement)), list(_TOKEN.finditer(passage))
    folded_ours, folded_theirs = [fold(t.group()) for t in ours], [fold(t.group()) for t in theirs]
    matcher = SequenceMatcher(None, folded_ours, folded_theirs, autojunk=False)
    found = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
             if tag in ("replace", "delete") and _names(statement, ours[i1:i2], set(folded_theirs))
             and (tag == "delete" or _names(passage, theirs[j1:j2], set(folded_ours)))]
    if len(found) != 1 or found[0][3] <= found[0][2]:
        return None
    i1, i2, j1, j2 = found[0]
    if sum(b.size for b in matcher.get_matching_blocks()) < _SAME_WORDS * (len(ours) - (i2 - i1)):
        return None
    mine, other = _names(statement, ours[i1:i2], set(folded_theirs)), _names(passage, theirs[j1:j2], set(folded_ours))
    if fold(mine[0].group())[:5] == fold(other[0].group())[:5]:
        return None  # "Russia's" and "Russian": one name, another ending
    return Difference(statement[mine[0].start() : mine[-1].end()], passage[other[0].start() : other[-1].end()],
                      other[0].start(), other[-1].end())


_OPENS = re.compile(r"(?:^|[.!?:;\"'“‘(]\s*)$")


def _names(text: str, tokens: list[re.Match], elsewhere: set[str]) -> list[re.Match]:
    """The tokens that are a name the other text lacks: capitalised, not a common word capitalised
    ("The", a month) and not a sentence's first word ("Officials said")."""
    return [t for t in tokens if t.group()[:1].isupper() and fold(t.group()) not in NOT_NAMES
            and fold(t.group()) not in elsewhere and not _OPENS.search(text, 0, t.start())]


def _clause(text: str, s: int, e: int, verb: re.Match) -> tuple[int, int]:
    """The clause around an attribution verb in a long sentence ("the Committee's chairman
    Viktor Ozerov told Russia's media"), widened to the clause before when it is too short."""
    bounds = [s] + [s + m.end() for m in re.finditer(r"[,;]\s+", text[s:e])] + [e]
    for i in range(len(bounds) - 1):
        if bounds[i] <= verb.start() < bounds[i + 1]:
            lo, hi = i, i + 1
            while len(text[bounds[lo] : bounds[hi]].split()) < 6 and lo > 0:
                lo -= 1
            return bounds[lo], bounds[hi]
    return s, e

def _who(text: str, people: SpanIndex[Person], names: SpanIndex[NameOccurrence], cs: int, ce: int,
         verb: re.Match) -> str:
    """A short subject for a statement's id: the person before the verb (after it in the passive,
    "announced by Mogherini"), else a named body ("Russia said"), the words before the verb
    ("officials said"), or the person after it ("Aides said Clinton would...")."""
    def people_in(lo: int, hi: int) -> list[Person]:
        return [p for _, _, p in people.starting(lo, hi)]

    after = people_in(verb.end(), ce)
    if after and re.match(r"\s+by\s", text[verb.end() : verb.end() + 5]):
        return slug(after[0].full.surname.text)
    cs = max(cs, text.rfind(";", cs, verb.start()) + 1)  # "...met Putin; Syrian state media said"
    before = people_in(cs, verb.start())
    if before:  # the first: "Haitham al-Ghais, who succeeded Mohammad Barkindo, said"
        return slug(before[0].full.surname.text)
    named = [o for _, _, o in names.starting(cs, verb.start())
             if not PLACE_BEFORE.search(text, max(0, o.start - 12), o.start)]  # not "Analysts in Baghdad"
    if named:
        return slug(text[named[-1].start : named[-1].end])
    words = [w for w in re.findall(r"[A-Za-z]+", text[cs : verb.start()]) if w.casefold() not in STOPWORDS][-2:]
    if words:
        return slug(" ".join(words))
    return slug(after[0].full.surname.text) if after else "source"

def _statement_claims(article: Article, spans, quotes, people: SpanIndex[Person], ids: Ids,
                      names: SpanIndex[NameOccurrence]) -> list[Draft]:
    text = article.text
    out = []
    quoted = SpanIndex((qs, qe, None) for qs, qe in quotes)
    for s, e in spans:
        if quoted.overlapping(s, e):
            continue  # the quotation's own claim covers it
        if text[e - 1] not in ".!?\"')":
            continue  # a heading ("Briefing: who said what this week") states nothing
        verb = next((m for m in _ATTRIBUTION.finditer(text, s, e)
                     if not (m.group().startswith("announced") and _ADJECTIVE_BEFORE.search(text, s, m.start()))),
                    None)
        if verb is None:
            continue
        cs, ce = (s, e) if e - s <= DRAFT_LONG_SENTENCE else _clause(text, s, e, verb)
        wording = flat(re.sub(r"[\s,;:.]+$", "", text[cs:ce]))
        if not wording or not unique(article, wording):
            wording = flat(re.sub(r"[\s.]+$", "", text[s:e]))
            if not unique(article, wording):
                continue
        cid = ids.take(f"statement-{_who(text, people, names, cs, ce, verb)}-{slug(verb.group().split()[0])}")
        out.append(Draft(Claim(cid, ClaimType.STATEMENT, wording), cs))
    return out
