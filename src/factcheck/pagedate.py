"""A page's own publication date, read from its raw HTML (metadata, ``<time>``, byline) or its URL.

Year-less and relative dates on the page ("On Nov. 16", "last Tuesday") are read against it, so a
wrong date here makes every such date on the page wrong: no date beats a wrong one. What it reads,
in order (measured on two sets of real pages against hand-made labels: ``bench/pagedate.py``):

1. Publication metadata: ``<meta>`` names that mean *published* (``article:published_time``,
   ``datePublished``, ``pubdate``, ``dc.date``, ...; never ``modified``, ``updated`` or ``created``),
   JSON-LD ``datePublished`` of the page's own article (top level or ``@graph``, not a video's or a
   related story's), a ``<time>`` marked as the publication (``itemprop``, ``pubdate``, a
   ``published`` class). When they disagree the earliest wins: a later "published" date is a
   republication or an update (Medium, NBC), never the other way round.
2. Else the URL: ``/2019/11/18/``, ``/2019-11-18/``, ``/2019/nov/18/``, ``-20191118/`` (the page's
   canonical URL when the request's has no date, unless it names another site: a syndicated copy).
3. Else a date written out on a short line just after the headline, the byline ("REUTERS 19 NOV
   2019", "by Jeff Foust Monday, November 18, 2019") or a dateline ("Feb. 23, 2015 -- ..."), but
   not inside a sentence of the story, a span of dates, an update or an event ("Founded", in an
   encyclopedia's infobox); else the first ``<time datetime>`` from the headline on that is not a
   modification's or a reader comment's, and not as far as the comments.

A timestamp in UTC (``Z``, ``+00:00``, ``GMT``, or no zone) gives the UTC day, and a US evening
story is dated the next day there. The newsroom's own day, as the byline shows it, is the one
"today" and "Monday" on the page mean: so when the page shows the day before or after (the text of
its publication ``<time>``, a date written for readers in its metadata, its URL, the first date
after its headline) and the hour allows it, that day is taken.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from html import unescape

from .lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS

HEAD_CHARS = 300_000  # metadata and bylines sit this early in every page measured; JSON-LD is sought in all of it
BYLINE_LEAD = 400  # text after the headline that holds the byline; past it, captions and body text
BYLINE_LINE_EXTRA = 60  # other text on a byline's line ("By Joseph Tsidulko", "Associated Press"): more is a sentence
ARTICLE_HTML_CHARS = 30_000  # markup from the headline that may hold the article's <time>: past it, comments
COMMENT_MARKUP_CHARS = 300  # markup before a <time> that says it dates a reader's comment
EARLIEST_YEAR = 1990  # no web page is older: an earlier "date" is a founding year or a book's
LATEST_WEST_HOUR = 12  # a UTC time before noon may still be the day before somewhere in the Americas (UTC-12)
EARLIEST_EAST_HOUR = 10  # ... and one after 10:00 the next day in Asia or Oceania (UTC+14)

_PUBLISHED_NAMES = frozenset({
    "article:published_time", "og:published_time", "og:article:published_time", "article:published",
    "og:pubdate", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "article:publicationdate", "article.published", "article_date_original",
    "date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "sn-post-date", "pdate", "citation_publication_date", "citation_date",
})
_NOT_THE_PAGE = frozenset({  # JSON-LD objects whose datePublished is not the page's
    "videoobject", "imageobject", "audioobject", "mediaobject", "person", "organization",
    "newsmediaorganization", "website", "breadcrumblist", "itemlist", "comment", "review",
})
_MONTHS = {**MONTH_NUMBERS, **MONTH_ABBREVIATIONS}


class Zone(Enum):
    """What a stamp's day is relative to."""

    UTC = "utc"  # Z, +00:00, GMT, UTC, or a time with no zone (mostly UTC written without one)
    LOCAL = "local"  # another offset, a day without a time, or a date written for readers


@dataclass(frozen=True)
class Stamp:
    """A date the page states, as written: its day, the hour if given, and the day's zone."""

    day: date
    hour: int | None
    zone: Zone


_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_META = re.compile(r"<meta\b[^>]*>", re.I)
_TIME = re.compile(r"<time\b([^>]*)>(.{0,300}?)</time>", re.I | re.S)
_JSON_LD = re.compile(r"""<script\b[^>]*application/ld\+json[^>]*>(.*?)</script>""", re.I | re.S)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_H1 = re.compile(r"<h1\b[^>]*>", re.I)
_TAG = re.compile(r"<script\b.*?</script>|<style\b.*?</style>|<!--.*?-->|<[^>]*>", re.I | re.S)
_CANONICAL = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?canonical[^>]*>|<meta\b[^>]*\bog:url\b[^>]*>""", re.I)
_PUBLISHED_CLASS = re.compile(r"publish|entry-date|posted", re.I)
_UPDATED_CLASS = re.compile(r"updat|modif", re.I)
_COMMENT = re.compile(r"\bclass\s*=\s*[\"']?[^\"'>]*comment", re.I)
_DASH = re.compile(r"\s*(?:--|[–—-])\s*")
_MODIFIED_WORDS = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)
_EVENT_WORD = re.compile(r"\b(?:founded|born|died|released|established|opened|launched|formed|incorporated)\W*$",
                         re.I)

_ZONE = r"(?P<zone>Z|UTC|GMT|[+-]\d\d:?\d\d)?"
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)"
                  r"(?:[T ](?P<h>\d\d):\d\d(?::\d\d(?:\.\d+)?)?\s*" + _ZONE + r")?", re.I)
_SLASHED = re.compile(r"^(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)$")
_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>\d\d)(?P<d>\d\d)(?:\d{6})?$")
_NUMERIC = re.compile(r"^(?P<a>\d\d?)/(?P<b>\d\d?)/(?P<y>(?:19|20)\d\d)\b")  # order settled only when unambiguous
_MONTH_NAME = r"(?P<mon>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WRITTEN = (re.compile(rf"\b{_MONTH_NAME}\s+{_DAY},?\s+{_YEAR}\b"),  # Nov. 19, 2019 / Tue Nov 19 2019
            re.compile(rf"\b{_DAY}\.?\s+{_MONTH_NAME},?\s+{_YEAR}\b"))  # 19 Nov 2019 / 19. November 2019
_WRITTEN_ZONE = re.compile(r"^[^.;|]{0,30}?\b(?P<zone>GMT|UTC)\b")
_WRITTEN_HOUR = re.compile(r"\b(?P<h>[012]?\d):\d\d\s*(?P<pm>[ap]\.?m\.?)?", re.I)
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?:/|$)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<mon>[a-z]{3,9})/(?P<d>[0-3]?\d)(?:/|$)", re.I),
    re.compile(r"[-_/](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|\.html?|$)"),
)


def page_date(html: str, url: str | None = None) -> date | None:
    """The page's own publication day, or None when it states none this reader trusts."""
    head = html[:HEAD_CHARS]
    nodes = _byline_nodes(head)
    canonical = _canonical(head)
    if url and canonical and _host(canonical) != _host(url):
        canonical = None  # a syndicated copy (MSN) names the original, which has its own date
    url_days = [d for d in map(_url_day, (u for u in (url, canonical) if u)) if d]
    published, shown = _published(head, html)
    if published:
        first = min(published, key=lambda s: s.day)
        evidence = [*shown, *url_days, *_written_days(" ".join(nodes))[:1],
                    *(s.day for s in published if s.zone is Zone.LOCAL and s != first)]
        return _local_day(first, [s for s in published if s.day == first.day], evidence)
    if url_days:
        return url_days[0]
    if day := _byline_day(nodes):
        return day
    stamp = _first_time(head)
    return stamp.day if stamp else None


def _first_time(head: str) -> Stamp | None:
    """The first ``<time datetime>`` in the article's part of the page (from the headline on, not
    past where comments and related stories begin), unless it is marked as a modification."""
    start = _H1.search(head)
    if start is None:
        return None
    for m in _TIME.finditer(head, start.start(), start.start() + ARTICLE_HTML_CHARS):
        attrs = _attrs(m.group(1))
        if ("datemodified" in attrs.get("itemprop", "").lower() or _MODIFIED_WORDS.search(_text(m.group(2)))
                or _COMMENT.search(head, max(0, m.start() - COMMENT_MARKUP_CHARS), m.end())):
            continue
        if stamp := read_stamp(attrs.get("datetime", "")):
            return stamp
    return None


def _byline_day(nodes: list[str]) -> date | None:
    """A date written out in the byline just after the headline: a short line of its own
    ("REUTERS 19 NOV 2019", "by Jeff Foust Monday, November 18, 2019") or a dateline ("Feb. 23,
    2015 -- Life-threatening..."); never one inside a sentence of the story ("voted on June 23,
    2016"), a span ("10 September 2013 – 22 May 2023"), an update or an event ("Founded")."""
    previous = ""
    for node in nodes:
        found = _written(node)
        if not found:
            previous = node
            continue
        m = found[0]
        before, after = node[:m.start()], node[m.end():]
        dash = _DASH.match(after)
        span = bool(dash and _written(after[dash.end():dash.end() + 20]))
        dateline = bool(dash) and not span and not before.strip()  # "Feb. 23, 2015 -- Life-threatening..."
        line = len(node) - len(m.group()) <= BYLINE_LINE_EXTRA or dateline
        if (_MODIFIED_WORDS.search(before) or _EVENT_WORD.search(f"{previous} {before}") or span
                or not line):
            return None
        days = _written_days(m.group())
        return days[0] if days else None
    return None


def _local_day(first: Stamp, same_day: list[Stamp], evidence: Iterable[date]) -> date:
    """The newsroom's day for a publication stamp: its UTC day moved by one when what the page
    shows (in the order given) says the day before or after and the stamp's hour allows it."""
    timed = next((s for s in same_day if s.hour is not None), None)
    if timed is None or timed.zone is not Zone.UTC:
        return first.day
    assert timed.hour is not None
    for day in evidence:
        if day == first.day:
            return day
        if day == first.day - timedelta(days=1) and timed.hour < LATEST_WEST_HOUR:
            return day
        if day == first.day + timedelta(days=1) and timed.hour >= EARLIEST_EAST_HOUR:
            return day
    return first.day


def _published(head: str, html: str) -> tuple[list[Stamp], list[date]]:
    """Every publication stamp the page's metadata gives, and the days its publication ``<time>``
    elements show to readers."""
    stamps: list[Stamp] = []
    for tag in _META.finditer(head):
        attrs = _attrs(tag.group())
        names = {attrs.get(k, "").strip().lower() for k in ("name", "property", "itemprop")}
        if names & _PUBLISHED_NAMES and (stamp := read_stamp(attrs.get("content", ""))):
            stamps.append(stamp)
    stamps.extend(s for value in _json_ld_dates(html) if (s := read_stamp(value)))
    shown: list[date] = []
    for m in _TIME.finditer(head):  # the first publication <time> is the article's; later ones list other stories
        attrs = _attrs(m.group(1))
        marks = " ".join(attrs.get(k, "") for k in ("itemprop", "class", "data-testid"))
        if "datemodified" in marks.lower() or _UPDATED_CLASS.search(marks):
            continue
        if "pubdate" in attrs or "datepublished" in marks.lower() or _PUBLISHED_CLASS.search(marks):
            if stamp := read_stamp(attrs.get("datetime") or attrs.get("content") or ""):
                stamps.append(stamp)
            shown.extend(_written_days(_text(m.group(2)))[:1])
            break
    return stamps, shown


def _json_ld_dates(html: str) -> Iterator[str]:
    """``datePublished`` of the page's own objects in its JSON-LD blocks (a block that is not
    valid JSON is read with a pattern)."""
    for block in _JSON_LD.finditer(html):
        try:
            data = json.loads(block.group(1), strict=False)
        except (ValueError, RecursionError):  # a hostile page may nest a block past the parser's depth
            yield from _JSON_LD_DATE.findall(block.group(1))
            continue
        for item in _ld_objects(data):
            value = item.get("datePublished")
            if isinstance(value, str):
                yield value


def _ld_objects(data: object) -> Iterator[dict]:
    """Top-level JSON-LD objects and ``@graph`` members that describe the page itself."""
    for item in data if isinstance(data, list) else [data]:
        if not isinstance(item, dict):
            continue
        if isinstance(item.get("@graph"), list):
            yield from _ld_objects(item["@graph"])
        kinds = item.get("@type")
        kinds = [kinds] if isinstance(kinds, str) else kinds if isinstance(kinds, list) else []
        if not any(isinstance(k, str) and k.lower() in _NOT_THE_PAGE for k in kinds):
            yield item


def read_stamp(value: str) -> Stamp | None:
    """A date as metadata writes it: ISO 8601 with or without time and zone, ``2019/11/19``,
    ``20191119``, ``19 Nov 2019 07:09 GMT``, ``Tue Nov 19 2019 03:05:46 GMT+0000``,
    ``05/29/2007`` (only when the order is not in doubt)."""
    value = unescape(value).strip()
    if m := _ISO.search(value):
        zone = m["zone"]
        utc = m["h"] is not None and (zone is None or zone.upper() in ("Z", "UTC", "GMT")
                                      or zone.replace(":", "") in ("+0000", "-0000"))
        return _stamp(int(m["y"]), int(m["m"]), int(m["d"]), int(m["h"]) if m["h"] else None,
                      Zone.UTC if utc else Zone.LOCAL)
    if m := _SLASHED.match(value) or _COMPACT.match(value):
        return _stamp(int(m["y"]), int(m["m"]), int(m["d"]), None, Zone.LOCAL)
    if m := _NUMERIC.match(value):
        a, b = int(m["a"]), int(m["b"])
        if (a > 12) == (b > 12):
            return None
        month, day = (b, a) if a > 12 else (a, b)
        return _stamp(int(m["y"]), month, day, None, Zone.LOCAL)
    for m in _written(value):
        rest = value[m.end():]
        hour = _WRITTEN_HOUR.search(value)
        utc = bool(_WRITTEN_ZONE.match(rest)) and hour is not None
        return _stamp(int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]), _hour(hour) if utc and hour else None,
                      Zone.UTC if utc else Zone.LOCAL)
    return None


def _written(text: str) -> list[re.Match]:
    """Dates written out with a month name and a year, in the order they appear."""
    found = [m for pattern in _WRITTEN for m in pattern.finditer(text) if m["mon"].lower() in _MONTHS]
    return sorted(found, key=lambda m: m.start())


def _written_days(text: str) -> list[date]:
    """The days of the dates written out in a text, first first (GMT/UTC ones as written)."""
    days = []
    for m in _written(text):
        with suppress(ValueError):
            day = date(int(m["y"]), _MONTHS[m["mon"].lower()], int(m["d"]))
            if day.year >= EARLIEST_YEAR:
                days.append(day)
    return days


def _hour(m: re.Match) -> int:
    hour = int(m["h"]) % 12 if m["pm"] else int(m["h"])
    return hour + 12 if m["pm"] and m["pm"].lower().startswith("p") else hour


def _stamp(year: int, month: int, day: int, hour: int | None, zone: Zone) -> Stamp | None:
    if year < EARLIEST_YEAR:
        return None
    try:
        return Stamp(date(year, month, day), hour, zone)
    except ValueError:
        return None


def _url_day(url: str) -> date | None:
    """The day a URL's path gives (``/2019/11/18/``, ``/2019-11-18/``, ``/2019/nov/18/``, ``-20191118/``)."""
    path = url.split("?", 1)[0]
    for pattern in _URL_DATES:
        if m := pattern.search(path):
            groups = m.groupdict()
            month = _MONTHS.get((groups.get("mon") or "").lower()) or int(groups.get("m") or 0)
            if stamp := _stamp(int(m["y"]), month, int(m["d"]), None, Zone.LOCAL):
                return stamp.day
    return None


def _host(url: str) -> str:
    return url.split("//", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")


def _canonical(head: str) -> str | None:
    """The page's own URL as it states it (``<link rel=canonical>``, ``og:url``)."""
    for m in _CANONICAL.finditer(head):
        attrs = _attrs(m.group())
        if value := attrs.get("href") or attrs.get("content"):
            return value
    return None


def _byline_nodes(head: str) -> list[str]:
    """The lines of visible text from the page's first headline on, as far as the byline can
    reach and never into readers' comments."""
    m = _H1.search(head)
    if m is None:
        return []
    window = head[m.start():m.start() + ARTICLE_HTML_CHARS]
    if comments := _COMMENT.search(window):
        window = window[:comments.start()]
    nodes, total = [], 0
    for raw in _TAG.split(window):
        if (node := " ".join(unescape(raw).split())) and total < BYLINE_LEAD:
            nodes.append(node)
            total += len(node)
    return nodes


def _text(html: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", html)).split())


def _attrs(tag: str) -> dict[str, str]:
    """A tag's attributes, names lower-cased; a bare attribute (``pubdate``) maps to ''."""
    found = {m[1].lower(): m[2] if m[2] is not None else m[3] if m[3] is not None else m[4]
             for m in _ATTR.finditer(tag)}
    for bare in re.findall(r"\s(pubdate)(?=[\s>/])", tag, re.I):
        found.setdefault(bare.lower(), "")
    return found
