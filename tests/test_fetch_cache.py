"""The HTTP cache against damage and symlinks (issue 19): an entry whose checksum passes but whose
fields are not what ``put`` writes is a miss and is refetched; a cache directory that leads out of
its tree is not used, and nothing below it is followed if it is a symlink."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from factcheck.fetch import Fetcher
from factcheck.fetch.cache import ConfinedDir, StoredText, TextStore
from factcheck.model import Via
from fetch_servers import (
    HTML,
    server_fixture,  # noqa: F401 - pytest's fixture
)

PAGE = "<p>The Cape of Good Hope lies at the south-western tip of the Cape Peninsula.</p>"


def _drop(key):
    return lambda meta: {k: v for k, v in meta.items() if k != key}


def _set(key, value):
    return lambda meta: {**meta, key: value}


def _header(name, value):
    return lambda meta: {**meta, "headers": {**meta["headers"], name: value}}


DAMAGES = {
    "content-type not a string": _header("content-type", 5),
    "cache-control a list": _header("cache-control", ["max-age=3600"]),
    "etag null": _header("etag", None),
    "a header not kept": _header("set-cookie", "session=1"),
    "headers a list": _set("headers", [["content-type", HTML]]),
    "headers a string": _set("headers", "content-type: text/html"),
    "url not a string": _set("url", 7),
    "url another page's": _set("url", "http://127.0.0.1:1/other"),
    "final_url null": _set("final_url", None),
    "final_url a number": _set("final_url", 1),
    "status a string": _set("status", "200"),
    "status true": _set("status", True),
    "status out of range": _set("status", 99999),
    "stored_at a string": _set("stored_at", "yesterday"),
    "stored_at infinite": _set("stored_at", float("inf")),
    "sha256 a number": _set("sha256", 12),
    "has_body a string": _set("has_body", "yes"),
    "length a string": _set("length", "83"),
    "metadata a list": lambda meta: list(meta.items()),
    "metadata a number": lambda meta: 3,
    **{f"no {key}": _drop(key) for key in ("url", "final_url", "status", "headers", "stored_at", "sha256",
                                           "has_body", "length")},
}


def _entry_file(cache: Path) -> Path:
    (path,) = [p for p in cache.rglob("*") if p.is_file() and not p.name.startswith(".tmp-")]
    return path


def _prime(server, cache: Path) -> str:
    server.expect_request("/cape").respond_with_data(PAGE, content_type=HTML, headers={"Cache-Control": "max-age=3600"})
    url = server.url_for("/cape")
    with Fetcher(cache_dir=cache) as f:
        assert f.fetch(url).via is Via.NETWORK
    return url


def test_an_undamaged_entry_is_served_without_a_request(server, tmp_path):
    """The control for the damages: rewriting the metadata unchanged keeps the entry usable."""
    url = _prime(server, tmp_path / "cache")
    path = _entry_file(tmp_path / "cache")
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(json.dumps(json.loads(head)).encode() + b"\n" + body)
    with Fetcher(cache_dir=tmp_path / "cache") as f:
        r = f.fetch(url)
    assert (r.via, r.text, len(server.log)) == (Via.CACHE, PAGE, 1)


def test_a_fresh_entry_is_known_from_the_cache_without_its_body(server, tmp_path):
    """``cached``: what ``fetch`` gives from the cache, but the text, with the body unread (here
    damaged: read, it would be a miss); nothing when ``fetch`` would ask the server."""
    url = _prime(server, tmp_path / "cache")
    with Fetcher(cache_dir=tmp_path / "cache") as f:
        whole = f.fetch(url)
    path = _entry_file(tmp_path / "cache")
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(head + b"\n" + body.replace(b"Cape", b"Horn"))
    with Fetcher(cache_dir=tmp_path / "cache") as f:
        known = f.cached(url + "#tip")
    assert known is not None and known.text is None and whole.text == PAGE
    assert known == replace(whole, url=url + "#tip", text=None)
    for options in ({"refresh": True}, {"cache_dir": None}):
        with Fetcher(**{"cache_dir": tmp_path / "cache", **options}) as f:
            assert f.cached(url) is None
    with Fetcher(cache_dir=tmp_path / "cache", refresh=True, offline=True) as f:  # offline: the cache is all there is
        assert f.cached(url) == replace(known, url=url)
    assert len(server.log) == 1


def test_a_stale_or_bodiless_entry_is_not_known_from_the_cache(server, tmp_path):
    for path, headers in (("/stale", {"Cache-Control": "max-age=0"}), ("/kept", {"Cache-Control": "no-store"})):
        server.expect_request(path).respond_with_data(PAGE, content_type=HTML, headers=headers)
        url = server.url_for(path)
        with Fetcher(cache_dir=tmp_path / "cache") as f:
            assert f.fetch(url).via is Via.NETWORK and f.cached(url) is None
        with Fetcher(cache_dir=tmp_path / "cache", offline=True) as f:
            assert (f.cached(url) is None) == (path == "/kept")


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_an_entry_with_fields_of_the_wrong_type_is_a_miss_and_refetched(server, tmp_path, damage):
    url = _prime(server, tmp_path / "cache")
    path = _entry_file(tmp_path / "cache")
    head, _, body = path.read_bytes().partition(b"\n")
    path.write_bytes(json.dumps(damage(json.loads(head))).encode() + b"\n" + body)  # body and checksum intact
    with Fetcher(cache_dir=tmp_path / "cache", offline=True) as f:
        assert (f.fetch(url).error, f.fetch(url).text) == ("offline, and not in the cache", None)
    with Fetcher(cache_dir=tmp_path / "cache") as f:
        r = f.fetch(url)
    assert (r.error, r.via, r.text, len(server.log)) == (None, Via.NETWORK, PAGE, 2)
    with Fetcher(cache_dir=tmp_path / "cache", offline=True) as f:  # and the refetch repaired the entry
        assert f.fetch(url).via is Via.CACHE


def test_deeply_nested_metadata_is_a_miss(server, tmp_path):
    url = _prime(server, tmp_path / "cache")
    path = _entry_file(tmp_path / "cache")
    path.write_bytes(b"[" * 100_000 + b"\n" + PAGE.encode())
    with Fetcher(cache_dir=tmp_path / "cache", offline=True) as f:
        assert f.fetch(url).error == "offline, and not in the cache"


# -- symlinks --------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path):
    """A claims tree and, beside it, a directory it must never write to."""
    (tmp_path / "claims").mkdir()
    (tmp_path / "outside").mkdir()
    return tmp_path / "claims", tmp_path / "outside"


def _files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*"))


def test_a_cache_dir_symlinked_out_of_the_tree_is_not_used(server, tree):
    claims, outside = tree
    (claims / ".factcheck-cache").symlink_to(outside, target_is_directory=True)
    server.expect_request("/p").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(cache_dir=claims / ".factcheck-cache") as f:
        r = f.fetch(server.url_for("/p"))
    assert (r.error, r.text, r.via) == (None, PAGE, Via.NETWORK)
    (warning,) = f.warnings
    assert warning.startswith(f"cache directory {claims / '.factcheck-cache'} is not used (it resolves to {outside}")
    assert warning.endswith("this run continues without caching")
    assert _files(outside) == []


def test_a_cache_dir_symlinked_inside_the_tree_is_used(server, tree):
    claims, _ = tree
    (claims / "kept").mkdir()
    (claims / ".factcheck-cache").symlink_to(claims / "kept", target_is_directory=True)
    server.expect_request("/p").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(cache_dir=claims / ".factcheck-cache") as f:
        f.fetch(server.url_for("/p"))
    assert f.warnings == [] and len([p for p in _files(claims / "kept") if p.is_file()]) == 1


def test_a_cache_outside_the_given_confinement_is_not_used(server, tree):
    claims, outside = tree
    server.expect_request("/p").respond_with_data(PAGE, content_type=HTML)
    with Fetcher(cache_dir=outside / "cache", cache_confine=claims) as f:
        assert f.fetch(server.url_for("/p")).text == PAGE
    assert len(f.warnings) == 1 and _files(outside) == []


@pytest.mark.parametrize("level", ["layout", "bucket"])
def test_a_symlinked_directory_inside_the_cache_is_not_followed(server, tree, level):
    claims, outside = tree
    cache = claims / ".factcheck-cache"
    server.expect_request("/p").respond_with_data(PAGE, content_type=HTML)
    url = server.url_for("/p")
    bucket = hashlib.sha256(url.encode()).hexdigest()[:2]
    if level == "layout":
        cache.mkdir()
        (cache / "http-v1").symlink_to(outside, target_is_directory=True)
    else:
        (cache / "http-v1").mkdir(parents=True)
        (cache / "http-v1" / bucket).symlink_to(outside, target_is_directory=True)
    with Fetcher(cache_dir=cache) as f:
        assert f.fetch(url).text == PAGE
    (warning,) = f.warnings
    assert warning.startswith(f"cache directory {cache} cannot be written (")
    assert _files(outside) == []


def test_an_entry_that_is_a_symlink_is_neither_read_nor_written_through(server, tree):
    claims, outside = tree
    cache = claims / ".factcheck-cache"
    url = _prime(server, cache)
    entry = _entry_file(cache)
    secret = outside / "secret"
    planted = entry.read_bytes()
    secret.write_bytes(planted)  # a valid entry, but outside: must not be served
    entry.unlink()
    entry.symlink_to(secret)
    with Fetcher(cache_dir=cache) as f:
        r = f.fetch(url)
    assert (r.via, r.text, len(server.log)) == (Via.NETWORK, PAGE, 2)
    assert not entry.is_symlink() and entry.is_file()  # replaced by a regular file
    assert secret.read_bytes() == planted
    assert _files(outside) == [secret]


# -- the readable-text store ------------------------------------------------------------------

TEXT_DAMAGES = {
    "text a number": {"text": 3, "notes": []},
    "text null": {"text": None, "notes": []},
    "notes a string": {"text": "t", "notes": "no body found"},
    "a note not a string": {"text": "t", "notes": ["ok", 4]},
    "no notes": {"text": "t"},
    "no text": {"notes": []},
    "fields not strings": {"text": "t", "notes": [], "fields": {"full_text": 3}},
    "fields a list": {"text": "t", "notes": [], "fields": ["t"]},
    "a list": ["t", []],
    "a string": "t",
}


@pytest.mark.parametrize("damage", TEXT_DAMAGES.values(), ids=TEXT_DAMAGES.keys())
def test_a_text_entry_of_the_wrong_shape_is_a_miss(tmp_path, damage):
    store = TextStore(tmp_path)
    assert store.put("k", StoredText("The Cape of Good Hope", ("note",))) is None
    assert store.get("k") == StoredText("The Cape of Good Hope", ("note",))
    (path,) = [p for p in (tmp_path / "text-v1").rglob("*") if p.is_file()]
    path.write_text(json.dumps(damage))
    assert store.get("k") is None


def test_a_text_store_symlinked_out_of_its_tree_is_refused(tree):
    claims, outside = tree
    (claims / ".factcheck-cache").symlink_to(outside, target_is_directory=True)
    store = TextStore(claims / ".factcheck-cache")
    assert store.refused is not None and store.put("k", StoredText("t")) is not None and store.get("k") is None
    assert _files(outside) == []


def test_an_entry_larger_than_the_limit_is_not_read(tmp_path):
    """The read is sized by the file (not by the limit, which it once allocated for every entry),
    and an entry over the limit is still refused."""
    store = ConfinedDir(tmp_path)
    assert store.write("d", "e", data=b"x" * 100) is None
    assert store.read("d", "e", limit=100) == b"x" * 100
    assert store.read("d", "e", limit=99) is None
    assert store.write("d", "empty", data=b"") is None
    assert store.read("d", "empty", limit=0) == b""
