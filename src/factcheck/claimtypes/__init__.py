"""The claim types, one module each, behind ``ClaimKind`` (``base.py``). This registry is the only
place that maps a ``ClaimType`` to its behaviour; add a type here and in ``model.ClaimType``."""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date

from .. import numbers
from ..article import Article
from ..index import Lenses
from ..locate import excerpt, locate_exact
from ..model import Claim, ClaimType, Document, Evidence, NoteKind, SourceNote, Status
from .base import SILENT, ClaimKind, Judgement, Lens, Page, Reading


class Registry(Mapping[ClaimType, ClaimKind]):
    """``ClaimType`` → its ``ClaimKind``, each type's module imported the first time it is asked
    for: a run imports only the types its claims have (start-up, issue 16)."""

    def __init__(self, where: dict[ClaimType, tuple[str, str]]) -> None:
        self._where = where  # type → (module in this package, class)
        self._kinds: dict[ClaimType, ClaimKind] = {}

    def __getitem__(self, claim_type: ClaimType) -> ClaimKind:
        kind = self._kinds.get(claim_type)
        if kind is None:
            module, name = self._where[claim_type]  # KeyError for a type not registered, as a dict's
            kind = self._kinds[claim_type] = getattr(importlib.import_module(f"{__name__}.{module}"), name)()
        return kind

    def __iter__(self) -> Iterator[ClaimType]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


KINDS: Mapping[ClaimType, ClaimKind] = Registry({
    ClaimType.NAME: ("name", "NameKind"), ClaimType.DATE: ("date", "DateKind"),
    ClaimType.NUMBER: ("number", "NumberKind"), ClaimType.QUOTE: ("quote", "QuoteKind"),
    ClaimType.STATEMENT: ("statement", "StatementKind"),
})


def kind_of(claim_type: ClaimType) -> ClaimKind:
    return KINDS[claim_type]


def typed(claim: Claim) -> Claim:
    """The claim with ``expect`` parsed by its type (and ``tolerance``), as the loader hands it
    over: for claims built in code (drafted ones, tests)."""
    expected = claim.expected
    if expected is None and claim.expect is not None:
        expected = KINDS[claim.type].parse_expect(claim.expect)
    margin = claim.margin
    if margin is None and claim.tolerance is not None:
        margin = numbers.parse_tolerance(claim.tolerance)
    return replace(claim, expected=expected, margin=margin)


def read_article(claim: Claim, article: Article, published: date | None, lenses: Lenses) -> Reading:
    """What the article says about the claim."""
    return KINDS[claim.type].read(claim, article, lenses(article.text), published)


def judge(claim: Claim, reading: Reading, doc: Document, lenses: Lenses, published: date | None = None) -> Evidence:
    """What one source says about the claim (``reading``: what the article says; ``published``:
    the article's date, for a page without its own). A source without text is an error, never
    evidence. A silent source shows its closest candidate passage, if it has one, and says why. A
    body that is silent, or contradicts where the rest of the page (a caption, a timeline the
    extractor left out) states the value as the article does, is read with the rest of the page."""
    if doc.error is not None:
        return Evidence(doc.source.label, Status.ERROR, via=doc.via, error=doc.error, notes=doc.notes)
    if not reading.mentions and reading.tied:
        return _placed(claim, reading, doc, lenses, published)
    text, notes = doc.text, doc.notes
    view = lenses(text)
    dated = doc.page_date or published
    found = KINDS[claim.type].judge(claim, reading, Page(text, view, dated, doc.title))
    if _partial(found) and doc.full_text and doc.full_text != doc.text:
        whole = lenses(doc.full_text)
        outside = KINDS[claim.type].judge(claim, reading, Page(doc.full_text, whole, dated, doc.title))
        if _outweighs(outside, found):
            text, view, found = doc.full_text, whole, outside
            notes += (SourceNote(NoteKind.OUTSIDE_BODY, "found outside the page's article body"),)
    shown = excerpt(text, found.start, found.end, spans=view.spans) if found.end > found.start else None
    return Evidence(doc.source.label, found.status, via=doc.via, text=shown, value=found.value, score=found.score,
                    notes=notes, reason=found.reason if found.status is Status.SILENT else None,
                    page_date=doc.page_date if found.dated else None, said=found.said)


def _partial(found: Judgement) -> bool:
    """Whether the rest of the page may say more: the body is silent, contradicts, or supports by
    a value that only some of the article's words around its own stand beside."""
    return found.status is not Status.SUPPORTS or (found.closeness is not None and found.closeness < 1)


def _outweighs(outside: Judgement, body: Judgement) -> bool:
    """The rest of the page decides where the body is silent, where it states the value as the
    article does against the body's contradiction, and where it contradicts by a value with all the
    article's words around it against a body value only some stand beside ("Rauzon, Mark (2008)."
    in a reference list the body left out, against the body's "Mark, Alan (March 2009)."); a
    related link's headline that shares some of them ("20% of world's oil") does not."""
    if outside.status is Status.SILENT:
        return False
    if body.status is not Status.SUPPORTS:
        return body.status is Status.SILENT or outside.status is Status.SUPPORTS
    return outside.status is Status.CONTRADICTS and outside.closeness == 1 and (body.closeness or 0) < 1


def _placed(claim: Claim, reading: Reading, doc: Document, lenses: Lenses, published: date | None) -> Evidence:
    """A claim whose words fit several places of the article equally, none as the claim writes
    them: the places this source states word for word (in its body or the rest of the page) are
    passages the article has right, and other passages than the claim's; when one place is left,
    it is the claim's, judged as if found, and the evidence says which (``decide`` places the claim
    only where the sources agree on it). When more are left and the source states the claim's own
    words, it contradicts each of them. Otherwise the source is silent, and says why."""
    texts = [lenses(t) for t in dict.fromkeys((doc.text, doc.full_text)) if t]
    left = [i for i, place in enumerate(reading.tied)
            if not any(locate_exact(place.words, lens.text, lens.view) for lens in texts)]
    if len(left) > 1 and (against := _stated_otherwise(claim, doc, texts, lenses, published)) is not None:
        return replace(against, places=tuple(left))
    if len(left) != 1:
        why = (f"the claim's words fit {len(reading.tied)} places of the article, and this source states "
               + ("every one of them as the article does" if not left else f"{len(left)} of them in no words"))
        return Evidence(doc.source.label, Status.SILENT, via=doc.via, notes=doc.notes, reason=why)
    return replace(judge(claim, reading.tied[left[0]].reading, doc, lenses, published), places=(left[0],))


def _stated_otherwise(claim: Claim, doc: Document, texts: list[Lens], lenses: Lenses,
                      published: date | None) -> Evidence | None:
    """A source that states the claim's own words, more than its value alone, word for word
    contradicts each tied place it leaves: none says what it says."""
    if not any(locate_exact(claim.text, lens.text, lens.view) for lens in texts):
        return None
    own = read_article(claim, Article.from_string(claim.text, "claim.txt"), published, lenses)
    if not own.mentions:
        return None
    if KINDS[claim.type].has_value and not re.search(r"\w", claim.text.replace(own.mentions[0].text, "", 1)):
        return None  # a value alone ("1967") says nothing of which of the article's values it is
    found = judge(claim, own, doc, lenses, published)
    return replace(found, status=Status.CONTRADICTS) if found.status is Status.SUPPORTS else None


__all__ = [
    "KINDS", "SILENT", "ClaimKind", "Judgement", "Lens", "Page", "Reading", "judge", "kind_of", "read_article", "typed",
]
