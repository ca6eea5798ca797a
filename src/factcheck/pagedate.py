"""A page's own publication date, read from its raw HTML (metadata, ``<time>``) or its URL.

Year-less and relative dates on the page ("On Nov. 16", "last Tuesday") are read against it, so a
wrong date here makes every such date on the page wrong: no date beats a wrong one.
"""

from __future__ import annotations

import re
from contextlib import suppress
from datetime import date

_META_DATE = re.compile(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|og:published_time|"""
    r"""datePublished|date|pubdate|publishdate|dc\.date(?:\.issued)?|sailthru\.date|parsely-pub-date)["']?"""
    r"""[^>]*?>""", re.I)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']([^"']+)""", re.I)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME = re.compile(r"""<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)""", re.I)
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|[-_])")


def page_date(html: str, url: str | None = None) -> date | None:
    """The page's own publication date, read from the raw HTML before extraction: its metadata
    (``article:published_time``, JSON-LD ``datePublished``, ...), then its first ``<time
    datetime>``, then a ``/2019/11/18/`` in its URL. Year-less dates in the page are read against it."""
    head = html[:300_000]
    found = [_CONTENT.search(m.group()) for m in _META_DATE.finditer(head)]
    candidates = [m.group(1) for m in found if m] + _JSON_LD_DATE.findall(head) + _TIME.findall(head)[:1]
    for value in candidates:
        if m := _ISO.search(value):
            with suppress(ValueError):
                return date(int(m[1]), int(m[2]), int(m[3]))
    if url and (m := _URL_DATE.search(url)):
        with suppress(ValueError):
            return date(int(m[1]), int(m[2]), int(m[3]))
    return None
