"""``factcheck extract``: a first claims file drafted from the article itself.

An editor starting a fact-check needs the list of what can be checked more than anything clever:
every named person, date, figure, quotation and attributed statement, each with the article's own
wording as ``text``. A draft leaves ``expect`` out wherever the loader allows it (SPEC §2: the
sources decide), so a misspelling in the article is never copied into the truth; it verifies as
``unverified`` throughout until the editor adds ``sources``.

Each claim type drafts its own claims (``claimtypes``); every drafted claim is read back through
the checker so that a claim it could not locate or would disagree with never reaches the file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from . import dates
from .article import Article
from .claims.writer import render
from .claimtypes import KINDS, read_article, typed
from .claimtypes.drafting import Draft, DraftContext, Ids
from .model import ClaimType

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")  # control characters and undecodable bytes

# what a full date read without a publication date holds: a digit, or a year in words ("two thousand
# nineteen", "nineteen ninety"); a line without one is not read for a dateline
_FULL_DATE_NEEDS = re.compile(r"\d|(?i:thousand|nineteen|eighteen|twenty)")

_LEAD_DASH = re.compile(r"[\s,)(A-Za-z]*\s+-\s")  # "CITY, March 10, 2023 - ": what ends a dateline's lead
_DASH_APART = re.compile(r"\s-\s")  # in every line with _LEAD_DASH
_DATELINE_LEAD = re.compile(r"(?i)^\W*(?:published|updated|posted|first\s+published|date|dateline)\b")


def _drafts(article: Article, published: date | None) -> tuple[list[Draft], int]:
    context = DraftContext(article, published, Ids())
    skipped = sum(1 for m in context.dates if m.span is None)
    drafts = [d for kind in KINDS.values() for d in kind.draft(context)]
    lenses = context.lenses
    kept = []
    for d in drafts:
        claim = d.claim if KINDS[d.claim.type].needs_expect else replace(d.claim, expect=None)
        if claim.expect is not None or claim.tolerance is not None:
            claim = typed(claim)  # without either, typed gives back a copy of the claim as it is
        reading = read_article(claim, article, published, lenses)
        if reading.mentions and reading.agrees:
            kept.append(Draft(claim, d.start))
    order = {t: i for i, t in enumerate(ClaimType)}
    kept.sort(key=lambda d: (order[d.claim.type], d.start))
    return kept, skipped



def draft_claims(article: Article, article_path: str, published: date | None) -> str:
    """The claims file (YAML text) for ``article``; ``article_path`` is written as ``article.path``.
    Without ``published`` the article's own dateline is used if it has one."""
    from_dateline = False
    if published is None:
        published = find_dateline(article)
        from_dateline = published is not None
    drafts, skipped = _drafts(article, published)
    return render(article_path, published, from_dateline, skipped, [d.claim for d in drafts])


def find_dateline(article: Article) -> date | None:
    """The article's own date, when its first lines carry one: a short line holding a full date,
    a "Published: …" line, or a "CITY, March 10, 2023 -" lead. An event date in the first
    sentence is not a dateline."""
    lines = [ln for ln in article.text.splitlines() if ln.strip()][:6]
    for line in lines:
        if not _FULL_DATE_NEEDS.search(line):
            continue  # without a publication date a day is dated by its year, in digits or words
        short_or_led = len(line.strip()) <= 60 or _DATELINE_LEAD.match(line)
        if not short_or_led and not _DASH_APART.search(line):
            continue  # a long line is a dateline only by a date before " - ": no dash, no date read
        for m in dates.find_dates(line, None):
            if m.span is None or m.span.precision != "day" or m.span.start != m.span.end:
                continue
            lead = line[: m.start]
            if short_or_led or (len(lead) <= 40 and _LEAD_DASH.match(line, m.end)):
                return m.span.start
    return None
