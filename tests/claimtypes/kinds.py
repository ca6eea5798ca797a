"""Helpers for the claim-type tests: a claim as the loader gives it, and each step of the protocol."""

from __future__ import annotations

from datetime import date

from factcheck.article import Article
from factcheck.claimtypes import KINDS, Page, typed
from factcheck.claimtypes.drafting import DraftContext, Ids
from factcheck.index import Lenses
from factcheck.model import Claim, ClaimType, Status
from factcheck.normalize import normalize


def claim(kind: str, text: str, expect: str | None = None, **kw) -> Claim:
    return typed(Claim("c", ClaimType(kind), text, expect, **kw))


def read(c: Claim, article: str, published: date | None = None):
    return KINDS[c.type].read(c, Article.from_string(article, "a.txt"), Lenses()(article), published)


def judge(c: Claim, page: str, article: str | None = None, published: date | None = None) -> tuple[Status, str | None]:
    """As a run judges a page: its text normalised first (``sources`` does that), against what
    ``article`` (default: the claim's own text) says."""
    reading = read(c, article if article is not None else c.text + "\n")
    found = judgement(c, page, reading, published)
    return found.status, found.value


def judgement(c: Claim, page: str, reading=None, published: date | None = None):
    page = normalize(page)
    reading = reading if reading is not None else read(c, c.text + "\n")
    return KINDS[c.type].judge(c, reading, Page(page, Lenses()(page), published))


def drafted(kind: str, article: str, published: date | None = None) -> list[Claim]:
    context = DraftContext(Article.from_string(article, "a.txt"), published, Ids())
    return [d.claim for d in KINDS[ClaimType(kind)].draft(context)]
