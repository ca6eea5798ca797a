"""schema.org ClaimReview (JSON-LD), the markup Google's Fact Check tools read: one review per claim.

Every review is marked ``creativeWorkStatus: "Draft"``: our verdicts judge a draft article against
its cited sources, not a public claim, so the desk edits and signs these before publishing them.
The fields are Google's Fact Check markup (required: ``claimReviewed``, ``reviewRating`` with its
``alternateName``, ``url``; recommended: ``author``, ``datePublished``, ``itemReviewed``, a ``Claim``
with its ``appearance``, ``author`` and ``datePublished``, and the rating's ``ratingValue``,
``bestRating``, ``worstRating``). The claim is the draft's own, so its author is the newsroom too, and
its date the article's ``published``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Report, Result, Verdict

AUTHOR_PLACEHOLDER = "YOUR NEWSROOM"  # the desk replaces it: the tool cannot know who publishes the review
BEST_RATING = 5
WORST_RATING = 1


@dataclass(frozen=True)
class Rating:
    value: int
    name: str  # ClaimReview's textual ``alternateName``, what readers see


RATINGS: dict[Verdict, Rating] = {
    Verdict.SUPPORTED: Rating(5, "Supported by its sources"),
    Verdict.UNVERIFIED: Rating(3, "Unverified"),
    Verdict.DISPUTED: Rating(3, "Disputed by its sources"),
    Verdict.NOT_FOUND: Rating(3, "Not found in the article"),
    Verdict.MISSPELLED: Rating(2, "Misspelled"),
    Verdict.MISQUOTED: Rating(2, "Misquoted"),
    Verdict.CONTRADICTED: Rating(1, "Contradicted by its sources"),
}


def reviews(report: Report, today: date | None = None, author: str = AUTHOR_PLACEHOLDER) -> list[dict]:
    published = (today or date.today()).isoformat()
    return [_review(report, r, published, author) for r in report.results]


def _review(report: Report, result: Result, published: str, author: str) -> dict:
    rating = RATINGS[result.verdict]
    appearance: dict = {"@type": "CreativeWork", "url": report.article_path}
    if result.mentions:
        appearance["text"] = result.mentions[0].text
        appearance["position"] = result.mentions[0].line
    claim: dict = {"@type": "Claim", "appearance": appearance, "author": _organization(author)}
    if report.article_published:
        claim["datePublished"] = report.article_published.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": result.claim.id,
        "url": report.article_path,
        "claimReviewed": result.claim.text,
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": BEST_RATING,
            "worstRating": WORST_RATING,
            "alternateName": rating.name,
        },
        "reviewBody": result.message,
        "datePublished": published,
        "author": _organization(author),
        "creativeWorkStatus": "Draft",
    }


def _organization(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def render(report: Report) -> str:
    return json.dumps(reviews(report), indent=2, ensure_ascii=False) + "\n"


def render_many(reports: Sequence[Report], today: date | None = None) -> str:
    """Every article's reviews in one list, all dated the same day."""
    day = today or date.today()
    return json.dumps([r for report in reports for r in reviews(report, day)], indent=2, ensure_ascii=False) + "\n"
