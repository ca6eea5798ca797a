"""Servers that misbehave (issue 19): each case is a finding on its source, of the right kind,
never an exception. Time bounds are measured in bench/fetch_faults.py, not here."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest

from factcheck.fetch import FailureKind, Fetcher
from factcheck.fetch.cache import DiskCache

BOMB = gzip.compress(b"\0" * (64 * 2**20), 9)  # 64 MB of zeros in about 64 KB
DEFLATE_BOMB = zlib.compress(b"\0" * (64 * 2**20), 9)
CANARY = "CANARY-7f3a"


def respond(conn, body: bytes, status: str = "200 OK", **headers: str) -> None:
    headers = {"Connection": "close", **headers}  # one request per connection, unless a route says otherwise
    head = f"HTTP/1.1 {status}\r\n" + "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in headers.items())
    conn.sendall(head.encode("latin-1") + b"\r\n" + body)


def gzip_bomb(conn):
    respond(conn, BOMB, Content_Type="text/html", Content_Encoding="gzip", Content_Length=str(len(BOMB)))


def chunked_gzip_bomb(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
                 b"Transfer-Encoding: chunked\r\n\r\n")
    for i in range(0, len(BOMB), 8192):
        part = BOMB[i:i + 8192]
        conn.sendall(b"%x\r\n%s\r\n" % (len(part), part))
    conn.sendall(b"0\r\n\r\n")


def deflate_bomb(conn):
    respond(conn, DEFLATE_BOMB, Content_Type="text/plain", Content_Encoding="deflate",
            Content_Length=str(len(DEFLATE_BOMB)))


def huge_header_line(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\nX-Huge: " + b"a" * 200_000 + b"\r\nContent-Length: 2\r\n\r\nok")


def garbage_chunk_length(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"5\r\nHello\r\nzz-not-hex\r\nmore\r\n0\r\n\r\n")


def chunked_closed_mid_chunk(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                 b"400\r\n" + b"x" * 100)


def closed_mid_body(conn):
    respond(conn, b"y" * 1000, Content_Type="text/plain", Content_Length="5000")


def status_then_silence(conn):
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    time.sleep(5)


def silence(conn):
    time.sleep(5)


def two_lengths(conn):
    respond(conn, b"hello", Content_Type="text/plain", Content_Length="5, 7")


REDIRECTS = iter(range(1, 10**9))


def next_redirect(conn):
    """Each hop to a new URL, so only the hop limit ends it."""
    respond(conn, b"", "302 Found", Location=f"/endless/{next(REDIRECTS)}", Content_Length="0")


# (route, failure kind, the error's wording)
CASES = {
    "/gzip-bomb": (gzip_bomb, FailureKind.TOO_LARGE, "body larger than 10 MB"),
    "/chunked-gzip-bomb": (chunked_gzip_bomb, FailureKind.TOO_LARGE, "body larger than 10 MB"),
    "/deflate-bomb": (deflate_bomb, FailureKind.TOO_LARGE, "body larger than 10 MB"),
    "/huge-header": (huge_header_line, FailureKind.INVALID_RESPONSE, "got more than 65536 bytes"),
    "/garbage-chunk": (garbage_chunk_length, FailureKind.DECODE, "invalid chunked body (bad chunk length)"),
    "/chunk-cut": (chunked_closed_mid_chunk, FailureKind.CONNECTION,
                   "chunked body cut off: connection closed after 100 bytes"),
    "/cut": (closed_mid_body, FailureKind.CONNECTION,
             "body shorter than its Content-Length: connection closed after 1000 of 5000 bytes"),
    "/status-then-silence": (status_then_silence, FailureKind.TIMEOUT, "timed out"),
    "/silence": (silence, FailureKind.TIMEOUT, "timed out after 0.5 s"),
    "/two-lengths": (two_lengths, FailureKind.INVALID_RESPONSE, "invalid Content-Length"),
    "/endless/0": (next_redirect, FailureKind.REDIRECT_LOOP, "too many redirects (max 10)"),
}


@pytest.mark.parametrize("path", CASES)
def test_a_misbehaving_server_is_a_finding_of_its_kind(loopback, path):
    route, kind, wording = CASES[path]
    loopback.routes[path] = route
    loopback.routes.update({f"/endless/{n}": next_redirect for n in range(1, 100)})
    with Fetcher(timeout=0.5, retries=0) as f:
        r = f.fetch(loopback.url(path))
    assert (r.failure, r.text) == (kind, None), r.error
    assert wording in r.error and "\n" not in r.error and len(r.error) < 200


def test_a_short_content_length_takes_that_many_bytes_and_the_next_request_is_clean(loopback):
    """The bytes after a too-small Content-Length, on a kept-alive connection, must not be read as
    the next response."""
    def two_answers(conn):
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\n\r\n"
                     b"Cape TownHTTP/1.1 500 Oops\r\nContent-Length: 0\r\n\r\n")
        conn.recv(65536)  # the next request, on the same connection
        respond(conn, b"Good Hope", Content_Type="text/plain", Content_Length="9")

    loopback.routes["/short-length"] = two_answers
    with Fetcher(timeout=1, jobs=1, per_host=1) as f:
        first, second = f.fetch(loopback.url("/short-length")), f.fetch(loopback.url("/next"))
    assert (first.text, second.error, second.text) == ("Cape Town", None, "Good Hope")


def test_a_negative_content_length_is_read_to_the_end_of_the_connection(loopback):
    loopback.routes["/negative"] = lambda conn: respond(conn, b"Good Hope", Content_Type="text/plain",
                                                             Content_Length="-5")
    with Fetcher(timeout=1) as f:
        assert f.fetch(loopback.url("/negative")).text == "Good Hope"


def test_response_headers_never_reach_a_result_or_the_cache(loopback, tmp_path):
    def leaky(conn):
        respond(conn, b"<p>Table Mountain</p>", Content_Type="text/html", Content_Length="21",
                Set_Cookie=f"session={CANARY}", Server=CANARY, X_Debug=CANARY, Cache_Control="max-age=60")

    def unsupported(conn):
        respond(conn, b"%PDF-1.7", Content_Type=f"application/{CANARY}<script>; x={CANARY}", Content_Length="8")

    def odd_status(conn):
        respond(conn, b"", f"599 {CANARY}", Content_Length="0", X_Debug=CANARY)

    for path, route in (("/leaky", leaky), ("/unsupported", unsupported), ("/odd", odd_status)):
        loopback.routes[path] = route
    with Fetcher(timeout=1, retries=0, cache_dir=tmp_path) as f:
        results = [f.fetch(loopback.url(p)) for p in ("/leaky", "/unsupported", "/odd")]
    assert [r.error for r in results] == [None, "unsupported content type (not a media type)", "HTTP 599"]
    assert all(CANARY not in repr(r) for r in results)
    (entry,) = [p for p in (tmp_path / "http-v1").rglob("*") if p.is_file()]
    assert CANARY.encode() not in entry.read_bytes()
    assert DiskCache(tmp_path).get(loopback.url("/leaky")).headers == {"content-type": "text/html",
                                                                           "cache-control": "max-age=60"}
