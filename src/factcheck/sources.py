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
import signal
import stat
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, cast

from . import article as article_module
from . import normalize as normalize_module
from .fetch import FailureKind, FetchResult, decode_body
from .fetch.cache import StoredText, TextStore
from .model import Document, NoteKind, SourceNote, SourceSpec, Via
from .normalize import normalize
from .settings import MAX_LOCAL_BYTES

if TYPE_CHECKING:  # the process pool's modules are imported when a run has pages to extract (start-up)
    from concurrent.futures import ProcessPoolExecutor


class PageFetcher(Protocol):
    """What a run needs of a fetcher (``fetch.Fetcher``; a test may pass a fake)."""

    warnings: list[str]

    def fetch(self, url: str) -> FetchResult: ...

    def start(self, urls: Iterable[str]) -> dict[str, Future]: ...

    def fetch_all(self, urls: Iterable[str]) -> dict[str, FetchResult]: ...

    def cached(self, url: str) -> FetchResult | None: ...

    def release(self, url: str) -> None: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class PageText:
    """What a run reads from a page's body besides the fetch itself: derived once, in the
    extraction pool on a cold run, and cached by the body's hash so that a warm run parses no HTML."""

    text: str  # the readable article body, normalised
    notes: tuple[SourceNote, ...] = ()  # the extractor's, when it found no article body
    full_text: str = ""  # all visible text (HTML without a selector only)
    page_date: date | None = None
    title: str | None = None  # its og:title or <title>: the page's own subject


def __getattr__(name: str) -> object:
    """``page_date``, exported here before it had its own module: imported when asked for, since a
    warm run, which extracts no page, never needs it (start-up)."""
    if name == "page_date":
        from .pagedate import page_date

        return page_date
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def derive(raw: str, kind: str, selector: str | None, url: str | None) -> PageText:
    """A page's ``PageText`` from its decoded body: pure, so that it can run in a process pool."""
    text, notes = _readable(raw, kind, selector)
    if kind != "html":
        return PageText(text, notes)
    from .pagedate import page_date  # as the extractor: only when a page is extracted, never on a warm run

    return PageText(text, notes, _full_text(raw, selector), page_date(raw, url), page_title(raw))


def derive_and_store(raw: str, kind: str, selector: str | None, url: str | None, key: str | None,
                     texts: TextCache, also: Callable[[PageText], None] | None) -> PageText:
    """``derive`` in a pool worker, which also does there what the run would otherwise do in its
    own process, one page at a time: write the text to the cache and (``also``) store what the
    run's indexes derive from the page's texts, which the run then loads as a warm run does."""
    page = derive(raw, kind, selector, url)
    texts.put(key, page)
    if also is not None:
        also(page)
    return page


class TextCache:
    """``PageText`` kept beside the HTTP cache, keyed by the page body's hash, its kind, selector
    and URL, and the extractor's own code. Stored through ``fetch.cache.TextStore`` (confined, no
    symlink followed, a damaged entry is a miss); failing to read or write it only costs time."""

    def __init__(self, root: Path | None, confine: Path | None = None) -> None:
        self.store = TextStore(Path(root), confine) if root is not None else None

    def key(self, body_sha256: str | None, kind: str, selector: str | None, url: str | None) -> str | None:
        if self.store is None or body_sha256 is None:
            return None
        return hashlib.sha256(f"{_extractor_version()}|{kind}|{selector}|{url}|{body_sha256}".encode()).hexdigest()

    def get(self, key: str | None) -> PageText | None:
        stored = self.store.get(key) if self.store is not None and key is not None else None
        if stored is None:
            return None
        day = stored.fields.get("page_date")
        try:
            when = date.fromisoformat(day) if day else None
        except ValueError:
            return None
        return PageText(stored.text, tuple(SourceNote(NoteKind.EXTRACTION, n) for n in stored.notes),
                        stored.fields.get("full_text", ""), when, stored.fields.get("title") or None)

    def put(self, key: str | None, page: PageText) -> None:
        if self.store is None or key is None:
            return
        fields = {"full_text": page.full_text} if page.full_text else {}
        if page.page_date is not None:
            fields["page_date"] = page.page_date.isoformat()
        if page.title:
            fields["title"] = page.title
        self.store.put(key, StoredText(page.text, tuple(n.text for n in page.notes), fields))

    def page(self, body_sha256: str | None, raw: str, kind: str, selector: str | None, url: str | None) -> PageText:
        """The stored ``PageText``, or one derived now (and stored)."""
        key = self.key(body_sha256, kind, selector, url)
        found = self.get(key)
        if found is None:
            found = derive(raw, kind, selector, url)
            self.put(key, found)
        return found


@lru_cache(maxsize=1)
def _extractor_version() -> str:
    """The code that derives a ``PageText``: change it and every cached one is stale."""
    files = [Path(m.__file__ or "") for m in (normalize_module, article_module, sys.modules[__name__])]
    code = b"".join(p.read_bytes() for p in [*files, *(files[-1].with_name(f) for f in ("readable.py", "pagedate.py"))])
    return hashlib.sha256(code).hexdigest()[:16]


NO_TEXT_CACHE = TextCache(None)


def gather(specs: Iterable[SourceSpec], fetcher: PageFetcher,
           confine: Sequence[Path] | None = None) -> dict[SourceSpec, Document]:
    """Every distinct source once; URLs fetched concurrently by ``fetcher``."""
    unique = list(dict.fromkeys(specs))
    fetched = fetcher.fetch_all(s.url for s in unique if s.url)
    return {spec: _document(spec, fetched.get(spec.url) if spec.url else None, confine) for spec in unique}


# Pages extracted ahead of the one being judged, per pool worker: enough to keep every core busy
# while the run judges, few enough that extracted texts do not pile up in memory.
AHEAD_PER_WORKER = 3
POOL_MIN_PAGES = 2  # a single page is extracted in the run's own process: a pool costs ~0.1 s
# Bodies fetched (or being fetched) ahead of the page being read and not yet released: twice the
# fetcher's default and the benchmark's 16 connections keeps every connection busy, and bounds what
# a cold run holds (at most this many bodies of up to MAX_BYTES) however many pages it cites.
FETCH_AHEAD = 32


class Documents:
    """Sources fetched concurrently in the background and read in the order given (the run's
    plan): ``take`` waits only for that source. The pages after it are extracted meanwhile in a
    process pool, one worker per core, when two or more pages are cited; a page whose text is in
    the cache is not extracted at all. Each source's ``Document`` is handed out once and not kept.
    At most ``fetch_ahead`` URLs are fetched and not yet read: the next is started as one is released.
    ``in_worker``: called in the worker with each page it extracts (a picklable callable)."""

    def __init__(self, specs: Iterable[SourceSpec], fetcher: PageFetcher, confine: Sequence[Path] | None = None,
                 texts: TextCache = NO_TEXT_CACHE, workers: int | None = None,
                 fetch_ahead: int = FETCH_AHEAD, in_worker: Callable[[PageText], None] | None = None) -> None:
        self.specs = list(dict.fromkeys(specs))
        self.confine = confine
        self.texts = texts
        self.in_worker = in_worker
        self.fetcher = fetcher
        self.workers = max(1, workers if workers is not None else (os.cpu_count() or 1))
        self._urls = list(dict.fromkeys(s.url for s in self.specs if s.url))  # in the order they are read
        self._pool = self._fork_workers(len(self._urls))
        self.fetch_ahead = max(1, fetch_ahead)
        self._started = 0  # self._urls[:self._started] have been started
        self._begun: set[str] = set()  # every URL started, in order or not
        self._unreleased: set[str] = set()
        self._pending: dict[str, Future] = {}
        self._fetched: dict[str, FetchResult] = {}
        self._citing: dict[str, list[SourceSpec]] = {}  # each URL's specs
        for spec in self.specs:
            if spec.url:
                self._citing.setdefault(spec.url, []).append(spec)
        self._users = Counter({url: len(specs) for url, specs in self._citing.items()})  # specs not yet taken
        self._pages: dict[SourceSpec, PageText | Future[PageText]] = {}
        self._position = {spec: i for i, spec in enumerate(self.specs)}
        self._prepared: set[SourceSpec] = set()  # looked up in the cache, or submitted for extraction
        self._next = 0  # the position after the last source taken
        self.pooled = 0  # pages extracted in the pool
        self.waited = 0.0  # seconds ``take`` spent waiting for a fetch or an extraction (the benchmark's)
        self._top_up()

    def take(self, spec: SourceSpec) -> Document:
        """The source's ``Document``; the fetched body is dropped once every source citing it is read."""
        if not spec.url:
            return _document(spec, None, self.confine, self.texts)
        here = self._position.get(spec, len(self.specs))
        self._next = max(self._next, here + 1)
        self._prepare(here, here + 1 + AHEAD_PER_WORKER * self.workers)
        began = time.perf_counter()
        result = self._result(spec.url)
        page = self._pages.pop(spec, None)
        if isinstance(page, Future):
            from concurrent.futures.process import BrokenProcessPool  # imported already: a pool exists

            try:
                page = page.result()
            except BrokenProcessPool:  # a worker was killed (out of memory?): extract here instead
                page = None
        self.waited += time.perf_counter() - began
        document = _document(spec, result, self.confine, self.texts, page)
        self._users[spec.url] -= 1
        if self._users[spec.url] <= 0:
            self._fetched.pop(spec.url, None)
            self.fetcher.release(spec.url)
            self._unreleased.discard(spec.url)
            self._top_up()
        return document

    def prepare(self) -> None:
        """Start extracting the next pages to be taken whose fetch is done: for a run busy with
        something else before it takes the first (reading its claims in the article)."""
        self._prepare(self._next, self._next + AHEAD_PER_WORKER * self.workers)

    def close(self, wait: bool = True) -> None:
        """Stop the extraction pool (``wait=False``: at once, on Ctrl-C)."""
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def _top_up(self, also: str | None = None) -> None:
        """Start the next URLs in reading order while fewer than ``fetch_ahead`` are unreleased
        (and ``also``, a URL read out of order, at once); one whose texts the cache holds for the
        body the HTTP cache holds is not fetched (``_known``), and counts as one held."""
        batch = [also] if also is not None and also not in self._begun else []
        self._begun.update(batch)
        while self._started < len(self._urls) and len(self._unreleased) + len(batch) < self.fetch_ahead:
            url = self._urls[self._started]
            self._started += 1
            if url not in self._begun:
                self._begun.add(url)
                batch.append(url)
        self._unreleased.update(batch)
        batch = [url for url in batch if not self._known(url)]
        if batch:
            self._pending.update(self.fetcher.start(batch))

    def _known(self, url: str) -> bool:
        """Whether every source citing ``url`` has its text in the cache for the body the fetcher
        would give from its cache alone: then those texts are the pages, and the body is never read."""
        result = self.fetcher.cached(url) if url in self._citing else None
        if result is None:
            return False
        pages = {}
        for spec in self._citing[url]:
            kind, final = _extracted_as(result, spec)
            page = self.texts.get(self.texts.key(result.sha256, kind, spec.selector, final))
            if page is None:
                return False
            pages[spec] = page
        self._fetched[url] = result
        self._pages.update(pages)
        self._prepared.update(pages)
        return True

    def _result(self, url: str) -> FetchResult:
        if url not in self._fetched:
            if url not in self._pending:
                self._top_up(also=url)
            future = self._pending.pop(url, None) or self.fetcher.start([url])[url]  # asked again: its result
            self._fetched[url] = future.result()
        return self._fetched[url]

    def _prepare(self, here: int, upto: int) -> None:
        """Look up in the cache, or start extracting, the pages of ``specs[here:upto]`` whose
        fetch is done (never waiting for one: a slow page must not hold up the one before it)."""
        for spec in self.specs[here:upto]:
            if not spec.url or spec in self._prepared or spec.url not in self._unreleased:
                continue  # not started yet: prepared once it is
            pending = self._pending.get(spec.url)
            if pending is not None and not pending.done():
                continue
            self._prepared.add(spec)
            result = self._result(spec.url)
            if result.error is not None or result.text is None:
                continue
            kind, url = _extracted_as(result, spec)
            key = self.texts.key(result.sha256, kind, spec.selector, url)
            stored = self.texts.get(key)
            if stored is not None:
                self._pages[spec] = stored
                continue
            if self._pool is None:
                continue  # extracted when taken
            self._pages[spec] = self._pool.submit(derive_and_store, result.text, kind, spec.selector, url, key,
                                                  self.texts, self.in_worker)
            self.pooled += 1

    def _fork_workers(self, pages: int) -> ProcessPoolExecutor | None:
        """The extraction pool for ``pages`` pages, its workers forked now, before any page is fetched:
        a worker forked later would hold a copy of every socket open then, keeping a connection the
        run (or a program embedding it) closes open until the worker exits."""
        if self.workers < 2 or pages < POOL_MIN_PAGES:
            return None
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        try:
            pool = ProcessPoolExecutor(min(self.workers, pages), mp_context=multiprocessing.get_context("fork"),
                                       initializer=_quiet_worker)
            pool.submit(int).result()  # with fork, the first task starts every worker
        except (OSError, BrokenProcessPool):
            return None  # no processes to be had: extract in this one
        return pool


def _quiet_worker() -> None:
    """A pool worker leaves Ctrl-C to the run (which stops it) and never writes to the terminal."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


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


def _extracted_as(result: FetchResult, spec: SourceSpec) -> tuple[str, str | None]:
    """The kind and the URL a fetched page's text is extracted (and its text cached) as."""
    return result.kind or "html", result.final_url or spec.url


def _document(spec: SourceSpec, result: FetchResult | None, confine: Sequence[Path] | None = None,
              texts: TextCache = NO_TEXT_CACHE, page: PageText | None = None) -> Document:
    """The source's ``Document`` from its fetch result (``page``: its text, when already derived;
    then the result may come without the body's text, ``PageFetcher.cached``)."""
    if result is not None and result.error is None and (result.text is not None or page is not None):
        kind, url = _extracted_as(result, spec)
        page = page or texts.page(result.sha256, cast("str", result.text), kind, spec.selector, url)
        notes = page.notes
        if result.note:
            kind = NoteKind.ARCHIVE_USED if result.via is Via.ARCHIVE else NoteKind.CACHE_USED  # a Wayback snapshot
            notes += (SourceNote(kind, result.note),)
        if result.changed:
            notes += (SourceNote(NoteKind.CHANGED, "the cited page changed since it was last checked"),)
        if result.final_url and result.final_url != spec.url:
            notes += (SourceNote(NoteKind.REDIRECTED, f"redirected to {result.final_url}"),)
        return Document(spec, page.text, result.via, url=url, sha256=result.sha256, notes=notes,
                        page_date=page.page_date, title=page.title, full_text=page.full_text)
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
        title=archived.title, full_text=archived.full_text,
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
    page = texts.page(digest, raw, kind, spec.selector, spec.url)
    return Document(spec, page.text, Via.ARCHIVE if spec.url else Via.FILE, url=spec.url, sha256=digest,
                    notes=page.notes, page_date=page.page_date, title=page.title, full_text=page.full_text)


def _full_text(html: str, selector: str | None) -> str:
    """All the page's visible text (scripts, styles and navigation left out), for a claim its
    article body is silent on; none when the claims file narrows the page with a selector."""
    return "" if selector else article_module.html_text(html)


_OG_TITLE = re.compile(r"""<meta\b[^>]*?(?:property|name)\s*=\s*["']?(?:og:title|twitter:title)["']?[^>]*?>""", re.I)
_QUOTED_CONTENT = re.compile(r"""\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)  # "Trump's" inside double quotes
_TITLE = re.compile(r"<title\b[^>]*>([^<]{1,500})</title>", re.I)


def page_title(html: str) -> str | None:
    """The page's headline as its metadata gives it (``og:title``), else its ``<title>``: what every
    sentence on the page is about, though few repeat it ("the company" on a WeWork page)."""
    head = html[:300_000]
    found = [_QUOTED_CONTENT.search(m.group()) for m in _OG_TITLE.finditer(head)]
    for value in [m.group(1) or m.group(2) for m in found if m] + _TITLE.findall(head)[:1]:
        if text := " ".join(unescape(value).split()):
            return text
    return None


def _readable(text: str, kind: str, selector: str | None) -> tuple[str, tuple[SourceNote, ...]]:
    """Normalised readable text, and the extractor's note when it found no article body."""
    if kind != "html":
        return normalize(text), ()
    from .readable import extract  # lxml: only when a page is extracted, never on a warm run

    extracted = extract(text, selector=selector)
    return normalize(extracted.text), ((SourceNote(NoteKind.EXTRACTION, extracted.note),) if extracted.note else ())
