"""The ClaimReview JSON-LD report: the fields Google's Fact Check markup requires, one review per claim."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import jsonschema
from reportkit import build

from factcheck.model import Verdict
from factcheck.reports import format_for, render
from factcheck.reports.claimreview import AUTHOR_PLACEHOLDER, RATINGS, reviews

# Required and recommended ClaimReview fields (developers.google.com/search/docs/appearance/structured-data/factcheck):
# ClaimReview claimReviewed, reviewRating, url required; author, datePublished, itemReviewed recommended; the
# Claim's appearance, author, datePublished recommended; the Rating's alternateName required.
CLAIMREVIEW = {
    "type": "object",
    "required": ["@context", "@type", "claimReviewed", "reviewRating", "url", "author", "itemReviewed",
                 "datePublished", "creativeWorkStatus"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "ClaimReview"},
        "claimReviewed": {"type": "string", "minLength": 1},
        "url": {"type": "string", "minLength": 1},
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "creativeWorkStatus": {"const": "Draft"},
        "author": {"type": "object", "required": ["@type", "name"],
                   "properties": {"@type": {"const": "Organization"}, "name": {"type": "string"}}},
        "reviewRating": {
            "type": "object",
            "required": ["@type", "alternateName", "ratingValue", "bestRating", "worstRating"],
            "properties": {"@type": {"const": "Rating"}, "alternateName": {"type": "string", "minLength": 1},
                           "ratingValue": {"type": "integer"}, "bestRating": {"type": "integer"},
                           "worstRating": {"type": "integer"}},
        },
        "itemReviewed": {
            "type": "object", "required": ["@type", "appearance", "author"],
            "properties": {"@type": {"const": "Claim"},
                           "appearance": {"type": "object", "required": ["@type", "url"],
                                          "properties": {"@type": {"const": "CreativeWork"}}},
                           "author": {"type": "object", "required": ["@type", "name"],
                                      "properties": {"@type": {"enum": ["Organization", "Person"]}}},
                           "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}},
        },
    },
}


def test_claimreview_one_valid_review_per_claim():
    report = build()
    doc = json.loads(render(report, "claimreview"))
    assert len(doc) == len(report.results)
    for review, result in zip(doc, report.results, strict=True):
        jsonschema.validate(review, CLAIMREVIEW)
        assert review["claimReviewed"] == result.claim.text
        assert review["reviewRating"]["alternateName"] == RATINGS[result.verdict].name
        rating = review["reviewRating"]
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert review["url"] == "seeds/article.txt" and review["author"]["name"] == AUTHOR_PLACEHOLDER


def test_claimreview_appearance_names_the_line_in_the_article():
    report = build()
    by_id = {r["identifier"]: r for r in reviews(report, today=date(2026, 2, 5))}
    envoy = by_id["envoy-name"]["itemReviewed"]["appearance"]
    assert envoy == {"@type": "CreativeWork", "url": "seeds/article.txt", "text": "Alexandre Laventieve",
                     "position": 1}
    assert "text" not in by_id["arms-deal"]["itemReviewed"]["appearance"]  # not found: no passage to point at
    assert {r["datePublished"] for r in by_id.values()} == {"2026-02-05"}


def test_claimreview_ratings_order_verdicts_and_extension():
    assert RATINGS[Verdict.SUPPORTED].value > RATINGS[Verdict.UNVERIFIED].value > RATINGS[Verdict.CONTRADICTED].value
    assert set(RATINGS) == set(Verdict)
    assert format_for("out/a.claimreview.json") == "claimreview" and format_for("a.json") == "json"


def test_claimreview_claim_is_dated_by_the_article_and_authored_by_the_newsroom():
    report = replace(build(), article_published=date(2017, 2, 8))
    claim = reviews(report, today=date(2026, 2, 5))[0]["itemReviewed"]
    assert claim["datePublished"] == "2017-02-08"
    assert claim["author"] == {"@type": "Organization", "name": AUTHOR_PLACEHOLDER}
    assert "datePublished" not in reviews(build())[0]["itemReviewed"]  # no article.published: none claimed
