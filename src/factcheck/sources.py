"""Sources: from a cited reference (URL, saved archive, local file) to its readable text.

The live page is tried first (through the fetcher, which knows the cache and ``--offline``);
when it cannot be read and an archive is given, the archive is used and the report says why.
A source that yields no text is a ``Document`` with ``error`` set, never an exception.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from .fetch import Fetcher, FetchResult, decode_body
from .model import Document, SourceSpec, Via
from .normalize import normalize
from .readable import extract

MAX_LOCAL_BYTES = 10 * 2**20


def gather(specs: Iterable[SourceSpec], fetcher: Fetcher) -> dict[SourceSpec, Document]:
    """Every distinct source once; URLs fetched concurrently by ``fetcher``."""
    unique = list(dict.fromkeys(specs))
    fetched = fetcher.fetch_all(s.url for s in unique if s.url)
    return {spec: _document(spec, fetched.get(spec.url) if spec.url else None) for spec in unique}


def _document(spec: SourceSpec, result: FetchResult | None) -> Document:
    if result is not None and result.error is None and result.text is not None:
        text, notes = _readable(result.text, result.kind or "html", spec.selector)
        if result.note:
            notes += (result.note,)
        if result.changed:
            notes += ("the cited page changed since it was last checked",)
        if result.final_url and result.final_url != spec.url:
            notes += (f"redirected to {result.final_url}",)
        return Document(spec, text, result.via, url=result.final_url or spec.url, sha256=result.sha256, notes=notes)
    if spec.archive is None:
        return Document(spec, error=result.error if result else "no URL and no archive", url=spec.url)
    archived = read_local(spec)
    if result is None or archived.error:
        return archived
    why = "live link dead" if result.dead else "live page not read"
    return Document(
        spec, archived.text, Via.ARCHIVE, url=spec.url, sha256=archived.sha256,
        notes=(f"{why} ({result.error}); archive used",) + archived.notes,
    )


def read_local(spec: SourceSpec) -> Document:
    """A saved copy or a local file cited as a source."""
    path = Path(spec.archive)
    try:
        if path.stat().st_size > MAX_LOCAL_BYTES:
            return Document(spec, error=f"archive {path} is larger than {MAX_LOCAL_BYTES // 2**20} MB")
        body = path.read_bytes()
    except OSError as exc:
        return Document(spec, error=f"archive {path} cannot be read: {exc.strerror or exc}")
    kind = "html" if path.suffix.lower() in {".html", ".htm", ".xhtml"} else "text"
    text, notes = _readable(decode_body(body, "text/html" if kind == "html" else "text/plain"), kind, spec.selector)
    return Document(spec, text, Via.ARCHIVE, url=spec.url, sha256=hashlib.sha256(body).hexdigest(), notes=notes)


def _readable(text: str, kind: str, selector: str | None) -> tuple[str, tuple[str, ...]]:
    """Normalised readable text, and the extractor's note when it found no article body."""
    if kind != "html":
        return normalize(text), ()
    extracted = extract(text, selector=selector)
    return normalize(extracted.text), ((extracted.note,) if extracted.note else ())
