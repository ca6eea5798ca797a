"""Helpers for the claim-type tests: a claim as the loader gives it, and each step of the protocol."""

from __future__ import annotations

from datetime import date

from factcheck.article import Article
from factcheck.claimtypes import KINDS, typed
from factcheck.claimtypes.drafting import DraftContext, Ids
from factcheck.index import Lenses
from factcheck.model import Claim, ClaimType, Status
from factcheck.normalize import normalize


def claim(kind: str, text: str, expect: str | None = None, **kw) -> Claim:
    return typed(Claim("c", ClaimType(kind), text, expect, **kw))


def read(c: Claim, article: str, published: date | None = None):
    return KINDS[c.type].read(c, Article.from_string(article, "a.txt"), Lenses()(article), published)


def judge(c: Claim, page: str) -> tuple[Status, str | None]:
    """As a run judges a page: its text normalised first (``sources`` does that)."""
    page = normalize(page)
    found = KINDS[c.type].judge(c, page, Lenses()(page))
    return found.status, found.value


def drafted(kind: str, article: str, published: date | None = None) -> list[Claim]:
    context = DraftContext(Article.from_string(article, "a.txt"), published, Ids())
    return [d.claim for d in KINDS[ClaimType(kind)].draft(context)]
