"""Attributed statements: a source sentence close enough to the claim's wording, naming what
the claim names, supports it."""

from __future__ import annotations

import re
from datetime import date

from ..article import Article
from ..lexicon import STOPWORDS
from ..model import Claim, ClaimType, Status, Verdict
from ..names import NameOccurrence
from ..settings import DRAFT_LONG_SENTENCE, STATEMENT_THRESHOLD
from .about import find, named, names_one, silent_near
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
        text, view = page.text, page.view
        best = find(claim.text, text, view, STATEMENT_THRESHOLD)
        sentence = view.relevant(claim.text, STATEMENT_THRESHOLD)
        candidates = []
        if best is not None:
            candidates.append((best.score, best.start, best.end))
        if sentence:
            s, e, score = sentence[0]
            candidates.append((score, s, e))
        pattern = named(claim)
        candidates = [c for c in candidates if names_one(pattern, text, view.spans, c[1], c[2])]
        if not candidates:
            return silent_near(claim.text, view, "no passage of the page says the same")
        score, start, end = max(candidates)
        return Judgement(Status.SUPPORTS, start, end, None, round(score, 1))

    def draft(self, context: DraftContext) -> list[Draft]:
        return _statement_claims(context.article, context.spans, context.quotes, context.people_at, context.ids,
                                 context.names_at)


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
