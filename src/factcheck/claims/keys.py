"""The claims file's keys (SPEC §2), declared once: the loader checks against them, the writer
writes them, in this order."""

from __future__ import annotations

TOP_KEYS = ("version", "article", "sources", "claims")
ARTICLE_KEYS = ("path", "url", "published", "date_order", "region")
SOURCE_KEYS = ("url", "archive", "selector")
DATE_ORDERS = ("DMY", "MDY")  # article.date_order: day first (22/04/2016) or month first (04/22/2016)
# article.region: whose holidays the article means (Thanksgiving is in October in CA); dates.REGIONAL_RULES
REGIONS = ("US", "CA", "GB", "IE", "AU", "NZ", "IN", "ZA", "JM", "TT", "BZ", "PH")
CLAIM_KEYS = ("id", "type", "text", "expect", "aliases", "sources", "note", "accepted", "tolerance")
TYPE_KEYS = ("aliases", "tolerance")  # keys only some claim types take (``ClaimKind.keys``)
