"""Sources: from a cited reference (URL, saved archive, local file) to its readable text.

The live page is tried first (through the fetcher, which knows the cache and ``--offline``);
when it cannot be read and an archive is given, the archive is used and the report says why.
A source that yields no text is a ``Document`` with ``error`` set, never an exception.

Local files named by a claims file (archives and path sources) may be confined to a set of
directories: a claims file from a pull request must not make a CI runner read its secrets.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from . import normalize as normalize_module
from . import readable
from .article import Article
from .fetch import FailureKind, FetchResult, decode_body
from .fetch.cache import TextStore
from .model import Document, NoteKind, SourceNote, SourceSpec, Via
from .normalize import normalize
from .readable import extract
from .settings import MAX_LOCAL_BYTES


class PageFetcher(Protocol):
    """What a run needs of a fetcher (``fetch.Fetcher``; a test may pass a fake)."""

    warnings: list[str]

    def fetch(self, url: str) -> FetchResult: ...

    def start(self, urls: Iterable[str]) -> dict[str, Future]: ...

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]: ...

    def release(self, url: str) -> None: ...

    def close(self) -> None: ...


class TextCache:
    """Readable text kept beside the HTTP cache, keyed by the page body's hash, the selector and
    the extractor's own code, so that a warm run parses no HTML. Stored through ``fetch.cache.TextStore``
    (confined, no symlink followed, a damaged entry is a miss); failing to read or write it only costs time."""

    def __init__(self, root: Path | None, confine: Path | None = None) -> None:
        self.store = TextStore(Path(root), confine) if root is not None else None

    def readable(self, body_sha256: str | None, text: str, kind: str,
                 selector: str | None) -> tuple[str, tuple[SourceNote, ...]]:
        if self.store is None or body_sha256 is None:
            return _readable(text, kind, selector)
        key = hashlib.sha256(f"{_extractor_version()}|{kind}|{selector}|{body_sha256}".encode()).hexdigest()
        stored = self.store.get(key)
        if stored is not None:
            return stored[0], tuple(SourceNote(NoteKind.EXTRACTION, n) for n in stored[1])
        readable, notes = _readable(text, kind, selector)
        self.store.put(key, readable, tuple(n.text for n in notes))
        return readable, notes


@lru_cache(maxsize=1)
def _extractor_version() -> str:
    """The extraction code itself: change it and every cached text is stale."""
    code = b"".join(Path(m.__file__ or "").read_bytes() for m in (readable, normalize_module))
    return hashlib.sha256(code).hexdigest()[:16]


NO_TEXT_CACHE = TextCache(None)


def gather(specs: Iterable[SourceSpec], fetcher: PageFetcher,
           confine: Sequence[Path] | None = None) -> dict[SourceSpec, Document]:
    """Every distinct source once; URLs fetched concurrently by ``fetcher``."""
    unique = list(dict.fromkeys(specs))
    fetched = fetcher.fetch_all(s.url for s in unique if s.url)
    return {spec: _document(spec, fetched.get(spec.url) if spec.url else None, confine) for spec in unique}


class Documents:
    """Sources fetched concurrently in the background; a source's ``Document`` waits only for
    that source, so the first claims can be judged while later pages still download."""

    def __init__(self, specs: Iterable[SourceSpec], fetcher: PageFetcher, confine: Sequence[Path] | None = None,
                 texts: TextCache = NO_TEXT_CACHE) -> None:
        self.specs = list(dict.fromkeys(specs))
        self.confine = confine
        self.texts = texts
        self.fetcher = fetcher
        self._pending: dict[str, Future] = fetcher.start(s.url for s in self.specs if s.url)
        self._done: dict[SourceSpec, Document] = {}

    def __getitem__(self, spec: SourceSpec) -> Document:
        if spec not in self._done:
            if not spec.url:
                self._done[spec] = _document(spec, None, self.confine, self.texts)
                return self._done[spec]
            # every source citing this URL (another selector, say) is read now, then the body dropped
            result = self._pending.pop(spec.url).result()
            for other in self.specs:
                if other.url == spec.url:
                    self._done[other] = _document(other, replace(result, url=other.url), self.confine, self.texts)
            self.fetcher.release(spec.url)
        return self._done[spec]


def confined(path: Path, roots: Sequence[Path]) -> Path | None:
    """``path`` with symlinks resolved, or None when that lies outside every root. Reading the
    resolved path means a symlink swapped in later changes nothing."""
    try:
        real = Path(os.path.realpath(path))
    except (OSError, ValueError):
        return None
    for root in roots:
        try:
            real.relative_to(os.path.realpath(root))
            return real
        except (OSError, ValueError):
            continue
    return None


def _document(spec: SourceSpec, result: FetchResult | None, confine: Sequence[Path] | None = None,
              texts: TextCache = NO_TEXT_CACHE) -> Document:
    if result is not None and result.error is None and result.text is not None:
        text, notes = texts.readable(result.sha256, result.text, result.kind or "html", spec.selector)
        if result.note:
            kind = NoteKind.ARCHIVE_USED if result.via is Via.ARCHIVE else NoteKind.CACHE_USED  # a Wayback snapshot
            notes += (SourceNote(kind, result.note),)
        if result.changed:
            notes += (SourceNote(NoteKind.CHANGED, "the cited page changed since it was last checked"),)
        if result.final_url and result.final_url != spec.url:
            notes += (SourceNote(NoteKind.REDIRECTED, f"redirected to {result.final_url}"),)
        html = (result.kind or "html") == "html"
        return Document(spec, text, result.via, url=result.final_url or spec.url, sha256=result.sha256, notes=notes,
                        page_date=page_date(result.text, result.final_url or spec.url) if html else None,
                        full_text=_full_text(result.text, spec) if html else "")
    if spec.archive is None:
        return Document(spec, error=result.error if result else "no URL and no archive", url=spec.url)
    archived = read_local(spec, confine, texts)
    if result is None or archived.error:
        return archived
    why = "live link dead" if result.status in (404, 410) else "could not be reached"
    if result.failure is FailureKind.OFFLINE:
        why = "not fetched"
    return Document(
        spec, archived.text, Via.ARCHIVE, url=spec.url, sha256=archived.sha256, page_date=archived.page_date,
        full_text=archived.full_text,
        notes=(SourceNote(NoteKind.ARCHIVE_USED, f"{why}: {result.error}; archive used"),) + archived.notes,
    )


def read_local(spec: SourceSpec, confine: Sequence[Path] | None = None, texts: TextCache = NO_TEXT_CACHE) -> Document:
    """A saved copy or a local file cited as a source; with ``confine``, only below those directories."""
    if spec.archive is None:
        return Document(spec, error="no archive", url=spec.url)
    path = Path(spec.archive)
    if confine is not None:
        inside = confined(path, confine)
        if inside is None:
            what = "archive" if spec.url else "source"
            return Document(spec, error=f"{what} {path} is outside the claims file's directory "
                                        "(allow it with --allow-path)", url=spec.url)
        path = inside
    shown = spec.archive
    too_large = f"archive {shown} is larger than {MAX_LOCAL_BYTES // 2**20} MB"
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or a device would block or never end
            return Document(spec, error=f"archive {shown} is not a regular file")
        with path.open("rb") as handle:
            body = handle.read(MAX_LOCAL_BYTES + 1)
    except OSError as exc:
        return Document(spec, error=f"archive {shown} cannot be read: {exc.strerror or exc}")
    if len(body) > MAX_LOCAL_BYTES:
        return Document(spec, error=too_large)
    kind = "html" if Path(shown).suffix.lower() in {".html", ".htm", ".xhtml"} else "text"
    digest = hashlib.sha256(body).hexdigest()
    raw = decode_body(body, "text/html" if kind == "html" else "text/plain")
    text, notes = texts.readable(digest, raw, kind, spec.selector)
    html = kind == "html"
    return Document(spec, text, Via.ARCHIVE if spec.url else Via.FILE, url=spec.url, sha256=digest, notes=notes,
                    page_date=page_date(raw, spec.url) if html else None,
                    full_text=_full_text(raw, spec) if html else "")


_META_DATE = re.compile(
    r"""<meta\b[^>]*?(?:property|name|itemprop)\s*=\s*["']?(?:article:published_time|og:published_time|"""
    r"""datePublished|date|pubdate|publishdate|dc\.date(?:\.issued)?|sailthru\.date|parsely-pub-date)["']?"""
    r"""[^>]*?>""", re.I)
_CONTENT = re.compile(r"""\bcontent\s*=\s*["']([^"']+)""", re.I)
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')
_TIME = re.compile(r"""<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)""", re.I)
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d\d)[/-](\d\d)(?:/|$|[-_])")


def _full_text(html: str, spec: SourceSpec) -> str:
    """All the page's visible text (scripts, styles and navigation left out), for a claim its
    article body is silent on; none when the claims file narrows the page with a selector."""
    return "" if spec.selector else Article.from_string(html, "page.html", "html").text


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


def _readable(text: str, kind: str, selector: str | None) -> tuple[str, tuple[SourceNote, ...]]:
    """Normalised readable text, and the extractor's note when it found no article body."""
    if kind != "html":
        return normalize(text), ()
    extracted = extract(text, selector=selector)
    return normalize(extracted.text), ((SourceNote(NoteKind.EXTRACTION, extracted.note),) if extracted.note else ())
