"""A small persistent HTTP cache: one file per URL, replaced atomically, confined to its directory.

Each entry is a single file: one line of JSON metadata, then the body bytes. It is
written to a temporary file in the same directory and moved into place with
``os.replace``, so a reader (another thread, another process, a later run after a
kill) sees the old entry or the new one, never half of either. The metadata records
the body's SHA-256 and length; an entry that does not match them, or whose fields are not
of the types written (a hand-edited or damaged file), is a miss and is refetched.
A run killed while writing leaves at most a temporary file, named after its process;
the next run removes those whose process is gone.

The cache directory may come with the claims file (a pull request can commit
``.factcheck-cache`` as a symlink to anywhere): its real path must lie inside the directory it
is confined to, and nothing below it is followed if it is a symlink (every open is relative to
a directory descriptor, with ``O_NOFOLLOW``). A cache directory that breaks the rule is not used.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DEFAULT_TTL = 3600.0  # freshness of a page whose server says nothing about it
_LAYOUT = "http-v1"
_KEPT_HEADERS = ("content-type", "etag", "last-modified", "cache-control", "expires", "date", "age")
_TMP = re.compile(r"\.tmp-(\d+)-")
_ORPHAN_AGE = 3600.0  # a temporary file this old is removed even if its process id is in use again
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)", re.IGNORECASE)
_SHA256 = re.compile(r"[0-9a-f]{64}")
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_READ_MAX = 64 * 2**20  # an entry file larger than this is not ours (bodies are capped at 10 MB)


@dataclass(frozen=True)
class Entry:
    url: str
    final_url: str
    status: int
    headers: dict[str, str]  # lower-case names, only those in _KEPT_HEADERS
    stored_at: float  # epoch seconds when the server last confirmed this body
    sha256: str
    body: bytes | None = field(default=None, repr=False)  # None: only the hash is kept (no-store)

    @property
    def validators(self) -> dict[str, str]:
        """Conditional request headers that let the server answer 304 instead of the body."""
        out = {}
        if "etag" in self.headers:
            out["If-None-Match"] = self.headers["etag"]
        if "last-modified" in self.headers:
            out["If-Modified-Since"] = self.headers["last-modified"]
        return out

    def unexpired(self, now: float | None = None) -> bool:
        """Within its freshness lifetime (whether or not the body is at hand: ``DiskCache.head``)."""
        now = time.time() if now is None else now
        return self._age(now) < freshness_lifetime(self.headers)

    def _age(self, now: float) -> float:
        try:
            carried = float(self.headers.get("age", 0))
        except ValueError:
            carried = 0.0
        return max(0.0, now - self.stored_at) + max(0.0, carried)


def kept_headers(headers: Mapping[str, Any]) -> dict[str, str]:
    return {k: str(headers[k]) for k in _KEPT_HEADERS if headers.get(k) is not None}


def storable(headers: dict[str, str]) -> bool:
    return "no-store" not in headers.get("cache-control", "").lower()


def freshness_lifetime(headers: dict[str, str]) -> float:
    """Seconds a response stays fresh: Cache-Control, then Expires, then DEFAULT_TTL."""
    cc = headers.get("cache-control", "").lower()
    if "no-cache" in cc or "no-store" in cc:
        return 0.0
    m = _MAX_AGE.search(cc)
    if m:
        return float(m.group(1))
    if "expires" in headers:
        expires = _http_date(headers["expires"])
        if expires is None:
            return 0.0  # RFC 9111: an invalid Expires means already expired
        served = _http_date(headers.get("date", "")) or expires
        return max(0.0, expires - served)
    return DEFAULT_TTL


def _http_date(value: str) -> float | None:
    from email.utils import parsedate_to_datetime  # 6 ms of start-up, for the few entries with Expires

    try:
        return parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _is(value: object, kind: type | tuple[type, ...]) -> bool:
    """``isinstance`` that does not take a bool for an int (JSON ``true`` is not a status)."""
    return isinstance(value, kind) and not isinstance(value, bool)


def parse_entry(url: str, raw: bytes) -> Entry | None:
    """The entry a file holds, or None when it is not exactly what ``DiskCache.put`` writes for
    ``url``: a missing key, a field of another type, a header that is not a kept string, a body
    that does not match its length and checksum."""
    head, sep, body = raw.partition(b"\n")
    meta = _metadata(url, head) if sep else None
    if meta is None:
        return None
    if meta["has_body"] and (len(body) != meta["length"] or hashlib.sha256(body).hexdigest() != meta["sha256"]):
        return None
    return _entry(url, meta, body if meta["has_body"] else None)


def _metadata(url: str, head: bytes) -> dict[str, Any] | None:
    """An entry's first line, when it is exactly what ``DiskCache.put`` writes for ``url``."""
    try:
        meta = json.loads(head)
    except (ValueError, RecursionError):
        return None
    if not isinstance(meta, dict):
        return None
    headers = meta.get("headers")
    checks = (
        meta.get("url") == url and _is(meta.get("final_url"), str),
        _is(meta.get("status"), int) and 100 <= meta["status"] <= 599,
        isinstance(headers, dict) and all(k in _KEPT_HEADERS and _is(v, str) for k, v in headers.items()),
        _is(meta.get("stored_at"), (int, float)) and math.isfinite(meta["stored_at"]),
        _is(meta.get("sha256"), str) and _SHA256.fullmatch(meta["sha256"]) is not None,
        isinstance(meta.get("has_body"), bool) and _is(meta.get("length"), int),
    )
    return meta if all(checks) else None


def _entry(url: str, meta: dict[str, Any], body: bytes | None) -> Entry:
    return Entry(url=url, final_url=meta["final_url"], status=meta["status"], headers=dict(meta["headers"]),
                 stored_at=float(meta["stored_at"]), sha256=meta["sha256"], body=body)


@dataclass(frozen=True)
class Head:
    """An entry read without its body: enough to tell what the body is (its hash, its kind) and
    whether it may be used, for a caller that keeps what it derives from a body by the body's hash."""

    entry: Entry  # its ``body`` None
    stored: bool  # the file holds a body (not a no-store response's hash alone)
    start: bytes  # the body's first bytes (up to ``SNIFF_BYTES``), which tell its kind without a Content-Type


SNIFF_BYTES = 1024
_HEAD_BYTES = 16 * 1024  # read for a ``Head``: the metadata line and the body's first bytes


def confine_check(directory: Path, confine: Path | None = None) -> str | None:
    """Why ``directory`` may not hold a cache, or None when it may: its real path (symlinks
    resolved) must lie inside ``confine`` (default: the directory it is named in), and it must
    not be a symlink to a place outside."""
    directory = Path(os.path.abspath(directory))
    root = Path(os.path.realpath(confine if confine is not None else directory.parent))
    real = Path(os.path.realpath(directory))
    if real != root and root not in real.parents:
        return f"it resolves to {real}, outside {root}; symlinks out of the tree are not followed"
    return None


class ConfinedDir:
    """A directory that is only read and written below its real root, following no symlink there.

    ``refused`` says why the directory may not be used (see ``confine_check``); a refused one
    reads nothing and writes nothing. Writes are atomic (a temporary file, then a rename)."""

    def __init__(self, root: Path, confine: Path | None = None) -> None:
        self.root = Path(root)
        self.refused = confine_check(self.root, confine)
        self._real = Path(os.path.realpath(root))

    @contextmanager
    def directory(self, *names: str, create: bool = False) -> Iterator[int]:
        """A descriptor of ``<real root>/names...``, no component below the root followed if a symlink."""
        if self.refused is not None:
            raise PermissionError(self.refused)
        if create:
            self._real.mkdir(parents=True, exist_ok=True)
        fds = [os.open(self._real, os.O_RDONLY | _DIRECTORY)]
        try:
            for name in names:
                if create:
                    with suppress(FileExistsError):
                        os.mkdir(name, 0o755, dir_fd=fds[-1])
                fds.append(os.open(name, os.O_RDONLY | _DIRECTORY | _NOFOLLOW, dir_fd=fds[-1]))
            yield fds[-1]
        finally:
            for fd in fds:
                os.close(fd)

    def read(self, *names: str, limit: int = _READ_MAX, prefix: int | None = None) -> bytes | None:
        """The regular file at ``names`` (directories, then the file name), or None when absent,
        unreadable, larger than ``limit`` or reached through a symlink; its first ``prefix``
        bytes only, when given."""
        *dirs, name = names
        try:
            with self.directory(*dirs) as dirfd:
                fd = os.open(name, os.O_RDONLY | _NOFOLLOW, dir_fd=dirfd)
                with os.fdopen(fd, "rb") as f:
                    info = os.fstat(f.fileno())
                    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                        return None
                    # sized by the file, not the limit: a read of n bytes allocates n first, and
                    # allocating 64 MB for each 300 KB entry cost a warm run 0.3 s of 400 index reads
                    raw = f.read(info.st_size + 1 if prefix is None else prefix)
        except OSError:
            return None
        return raw if len(raw) <= limit else None

    def write(self, *names: str, data: bytes) -> str | None:
        """Store ``data`` atomically at ``names``; why it could not be, or None."""
        *dirs, name = names
        tmp = f".tmp-{os.getpid()}-{secrets.token_hex(6)}"
        try:
            with self.directory(*dirs, create=True) as dirfd:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644, dir_fd=dirfd)
                try:
                    with os.fdopen(fd, "wb") as f:
                        f.write(data)
                    os.replace(tmp, name, src_dir_fd=dirfd, dst_dir_fd=dirfd)  # replaces a symlink, never follows it
                except OSError:
                    with suppress(OSError):
                        os.unlink(tmp, dir_fd=dirfd)
                    raise
        except OSError as exc:
            return exc.strerror or str(exc)
        return None

    def sweep(self, layout: str) -> int:
        """Remove temporary files left by killed runs in ``layout``'s buckets; how many. Never raises."""
        removed = 0
        try:
            with self.directory(layout) as top:
                buckets = [d.name for d in os.scandir(top) if d.is_dir(follow_symlinks=False)]
                for bucket in buckets:
                    with suppress(OSError), self.directory(layout, bucket) as dirfd:
                        removed += _sweep_bucket(dirfd)
        except OSError:
            return removed
        return removed


def _key(text: str) -> tuple[str, str]:
    key = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return key[:2], key


class DiskCache:
    """Entries under ``<root>/http-v1/<2 hex>/<sha256 of url>``; safe across threads and processes,
    confined as ``ConfinedDir`` is (``refused`` says why a directory is not used)."""

    def __init__(self, root: Path, confine: Path | None = None) -> None:
        self.root = Path(root) / _LAYOUT
        self.dir = ConfinedDir(Path(root), confine)
        self.refused = self.dir.refused

    def get(self, url: str) -> Entry | None:
        """The stored entry, or None when absent, unreadable, damaged or a symlink."""
        raw = self.dir.read(_LAYOUT, *_key(url))
        return None if raw is None else parse_entry(url, raw)

    def head(self, url: str) -> Head | None:
        """The stored entry without its body, which is neither read nor checked; None as ``get``
        (and when the metadata line is longer than any ``put`` writes)."""
        raw = self.dir.read(_LAYOUT, *_key(url), prefix=_HEAD_BYTES)
        head, sep, start = (raw or b"").partition(b"\n")
        meta = _metadata(url, head) if sep else None
        if meta is None:
            return None
        return Head(_entry(url, meta, None), meta["has_body"], start[:SNIFF_BYTES])

    def sweep(self) -> int:
        """Remove temporary files left by killed runs; how many were removed. Never raises."""
        return self.dir.sweep(_LAYOUT)

    def put(self, entry: Entry) -> str | None:
        """Store atomically; a failure to write (full disk, read-only dir) only loses the cache.
        Returns why the entry could not be stored, or None."""
        body = entry.body or b""
        meta = {
            "url": entry.url, "final_url": entry.final_url, "status": entry.status,
            "headers": entry.headers, "stored_at": entry.stored_at, "sha256": entry.sha256,
            "has_body": entry.body is not None, "length": len(body),
        }
        data = json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n" + body
        return self.dir.write(_LAYOUT, *_key(entry.url), data=data)

    def touch(self, entry: Entry, headers: dict[str, str]) -> Entry:
        """After a 304: the same body, confirmed now, with the server's updated headers."""
        merged = {**entry.headers, **{k: v for k, v in headers.items() if k != "content-type"}}
        renewed = replace(entry, headers=merged, stored_at=time.time())
        self.put(renewed)  # not stored: the next run revalidates again, nothing worse
        return renewed


@dataclass(frozen=True)
class StoredText:
    """What ``TextStore`` keeps for one key: a page's readable text, the extractor's notes, and
    whatever else is derived from the page once (``fields``: its whole visible text, its date)."""

    text: str
    notes: tuple[str, ...] = ()
    fields: dict[str, str] = field(default_factory=dict)


class TextStore:
    """Readable text, its notes and other strings derived from a page, by key, under
    ``<root>/text-v1/``, confined like ``DiskCache``: what ``sources.TextCache`` keeps beside the
    HTTP cache. An entry that is not a JSON object with a string ``text``, a list of string
    ``notes`` and (if any) a string-to-string ``fields`` is a miss."""

    LAYOUT = "text-v1"

    def __init__(self, root: Path, confine: Path | None = None, layout: str = LAYOUT) -> None:
        """``layout``: the directory under ``root``, one per kind of entry (what an index derives
        from a text lives apart from the texts)."""
        self.dir = ConfinedDir(Path(root), confine)
        self.layout = layout
        self.refused = self.dir.refused

    def get(self, key: str) -> StoredText | None:
        raw = self.dir.read(self.layout, *_key(key))
        if raw is None:
            return None
        try:
            stored = json.loads(raw)
        except (ValueError, RecursionError):
            return None
        if not isinstance(stored, dict):
            return None
        text, notes, fields = stored.get("text"), stored.get("notes"), stored.get("fields", {})
        if not isinstance(text, str) or not isinstance(notes, list) or not all(isinstance(n, str) for n in notes):
            return None
        if not isinstance(fields, dict) or not all(isinstance(v, str) for v in fields.values()):
            return None
        return StoredText(text, tuple(notes), fields)

    def put(self, key: str, stored: StoredText) -> str | None:
        entry = {"text": stored.text, "notes": list(stored.notes), "fields": stored.fields}
        data = json.dumps(entry, ensure_ascii=False).encode("utf-8", "surrogatepass")
        return self.dir.write(self.layout, *_key(key), data=data)


def _sweep_bucket(dirfd: int) -> int:
    removed, now = 0, time.time()
    for item in os.scandir(dirfd):
        if not item.name.startswith(".tmp-"):
            continue
        match = _TMP.match(item.name)
        try:
            orphan = (match is None or not _alive(int(match.group(1)))
                      or now - item.stat(follow_symlinks=False).st_mtime > _ORPHAN_AGE)
            if orphan:
                os.unlink(item.name, dir_fd=dirfd)
                removed += 1
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but not ours to signal
        return True
    return True
