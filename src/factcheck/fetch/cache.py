"""A small persistent HTTP cache: one file per URL, replaced atomically.

Each entry is a single file: one line of JSON metadata, then the body bytes. It is
written to a temporary file in the same directory and moved into place with
``os.replace``, so a reader (another thread, another process, a later run after a
kill) sees the old entry or the new one, never half of either. The metadata records
the body's SHA-256 and length; an entry that does not match them is ignored as corrupt.
A run killed while writing leaves at most a temporary file, named after its process;
the next run removes those whose process is gone.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_TTL = 3600.0  # freshness of a page whose server says nothing about it
_LAYOUT = "http-v1"
_KEPT_HEADERS = ("content-type", "etag", "last-modified", "cache-control", "expires", "date", "age")
_TMP = re.compile(r"\.tmp-(\d+)-")
_ORPHAN_AGE = 3600.0  # a temporary file this old is removed even if its process id is in use again
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*\"?(\d+)", re.IGNORECASE)


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

    def fresh(self, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        return self.body is not None and self._age(now) < freshness_lifetime(self.headers)

    def _age(self, now: float) -> float:
        try:
            carried = float(self.headers.get("age", 0))
        except ValueError:
            carried = 0.0
        return max(0.0, now - self.stored_at) + max(0.0, carried)


def kept_headers(headers) -> dict[str, str]:
    return {k: headers[k] for k in _KEPT_HEADERS if headers.get(k) is not None}


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
    try:
        return email.utils.parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


class DiskCache:
    """Entries under ``<root>/http-v1/<2 hex>/<sha256 of url>``; safe across threads and processes."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root) / _LAYOUT

    def _path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.root / key[:2] / key

    def get(self, url: str) -> Entry | None:
        """The stored entry, or None when absent, unreadable or corrupt."""
        try:
            raw = self._path(url).read_bytes()
        except OSError:
            return None
        head, sep, body = raw.partition(b"\n")
        if not sep:
            return None
        try:
            meta = json.loads(head)
            entry = Entry(
                url=meta["url"], final_url=meta["final_url"], status=int(meta["status"]),
                headers=dict(meta["headers"]), stored_at=float(meta["stored_at"]), sha256=meta["sha256"],
                body=body if meta["has_body"] else None,
            )
        except (ValueError, KeyError, TypeError):
            return None
        if entry.url != url:
            return None
        if entry.body is not None and (
            len(body) != meta.get("length") or hashlib.sha256(body).hexdigest() != entry.sha256
        ):
            return None
        return entry

    def sweep(self) -> int:
        """Remove temporary files left by killed runs; how many were removed. Never raises."""
        removed = 0
        try:
            buckets = [d for d in os.scandir(self.root) if d.is_dir(follow_symlinks=False)]
        except OSError:
            return 0
        now = time.time()
        for bucket in buckets:
            try:
                names = [e for e in os.scandir(bucket.path) if e.name.startswith(".tmp-")]
            except OSError:
                continue
            for item in names:
                match = _TMP.match(item.name)
                try:
                    orphan = (match is None or not _alive(int(match.group(1)))
                              or now - item.stat(follow_symlinks=False).st_mtime > _ORPHAN_AGE)
                    if orphan:
                        os.unlink(item.path)
                        removed += 1
                except OSError:
                    continue
        return removed

    def put(self, entry: Entry) -> str | None:
        """Store atomically; a failure to write (full disk, read-only dir) only loses the cache.
        Returns why the entry could not be stored, or None."""
        path = self._path(entry.url)
        body = entry.body or b""
        meta = {
            "url": entry.url, "final_url": entry.final_url, "status": entry.status,
            "headers": entry.headers, "stored_at": entry.stored_at, "sha256": entry.sha256,
            "has_body": entry.body is not None, "length": len(body),
        }
        data = json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n" + body
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".tmp-{os.getpid()}-")
        except OSError as exc:
            return exc.strerror or str(exc)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError as exc:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return exc.strerror or str(exc)
        return None

    def touch(self, entry: Entry, headers: dict[str, str]) -> Entry:
        """After a 304: the same body, confirmed now, with the server's updated headers."""
        merged = {**entry.headers, **{k: v for k, v in headers.items() if k != "content-type"}}
        renewed = replace(entry, headers=merged, stored_at=time.time())
        self.put(renewed)  # not stored: the next run revalidates again, nothing worse
        return renewed


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
