"""The HTTP layer against real servers on 127.0.0.1: pytest-httpserver for ordinary
responses, a raw ThreadingHTTPServer where the test needs control of the socket
(slow, trickling, unbounded and chunked bodies, concurrency counting)."""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import urllib3
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug import Request, Response

from factcheck import __version__
from factcheck.fetch import Fetcher, decode_body
from factcheck.fetch.retry import RETRY_AFTER_MAX, policy
from factcheck.model import Via
from fetch_servers import HTML, RawServer, closed_port, fixture_bytes, raw_server_fixture, send, server_fixture  # noqa: F401 - pytest's fixtures

# -- plain fetching -------------------------------------------------------------------


def test_html_page_is_read_with_its_hash_and_a_factcheck_user_agent(server):
    body = fixture_bytes("page.html")
    server.expect_request("/euro").respond_with_data(body, content_type=HTML)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/euro"))
    assert (r.error, r.status, r.kind, r.via) == (None, 200, "html", Via.NETWORK)
    assert "entered circulation on 1 January 2002" in r.text
    assert r.final_url == r.url == server.url_for("/euro")
    assert r.sha256 == hashlib.sha256(body).hexdigest()
    request = server.log[0][0]
    assert request.headers["User-Agent"].startswith(f"factcheck/{__version__}")


def test_plain_text_is_kind_text(server):
    server.expect_request("/t").respond_with_data(fixture_bytes("plain.txt"), content_type="text/plain")
    with Fetcher() as f:
        r = f.fetch(server.url_for("/t"))
    assert r.kind == "text" and "special envoy for Syria" in r.text


def test_gzip_body_is_decompressed(server):
    raw = fixture_bytes("page.html")
    server.expect_request("/gz").respond_with_data(gzip.compress(raw), content_type=HTML,
                                                   headers={"Content-Encoding": "gzip"})
    with Fetcher() as f:
        r = f.fetch(server.url_for("/gz"))
    assert r.text == raw.decode() and r.sha256 == hashlib.sha256(raw).hexdigest()


def test_chunked_body_is_read_whole(raw_server):
    def chunked(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain; charset=utf-8")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        for part in (b"Alexander ", b"Lavrentiev"):
            h.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            h.wfile.flush()
            time.sleep(0.02)
        h.wfile.write(b"0\r\n\r\n")

    raw_server.routes["/c"] = chunked
    with Fetcher() as f:
        assert f.fetch(raw_server.url("/c")).text == "Alexander Lavrentiev"


# -- redirects ------------------------------------------------------------------------


def test_redirect_chain_reports_final_url(server):
    server.expect_request("/a").respond_with_data("", status=301, headers={"Location": "/b"})
    server.expect_request("/b").respond_with_data("", status=302, headers={"Location": server.url_for("/c")})
    server.expect_request("/c").respond_with_data("", status=308, headers={"Location": "/final"})
    server.expect_request("/final").respond_with_data("<p>here</p>", content_type=HTML)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/a"))
    assert (r.error, r.status, r.text) == (None, 200, "<p>here</p>")
    assert r.url == server.url_for("/a") and r.final_url == server.url_for("/final")


def test_redirect_loop_stops_at_the_limit(server):
    server.expect_request("/x").respond_with_data("", status=301, headers={"Location": "/y"})
    server.expect_request("/y").respond_with_data("", status=301, headers={"Location": "/x"})
    with Fetcher(max_redirects=3) as f:
        r = f.fetch(server.url_for("/x"))
    assert r.error == "too many redirects (max 3)" and r.text is None and not r.dead
    assert len(server.log) == 4


@pytest.mark.parametrize("location", ["file:///etc/passwd", "data:text/html,<script>alert(1)</script>",
                                      "javascript:alert(1)", "ftp://127.0.0.1/x"])
def test_redirect_to_non_http_scheme_is_refused(server, location):
    server.expect_request("/go").respond_with_data("", status=302, headers={"Location": location})
    with Fetcher() as f:
        r = f.fetch(server.url_for("/go"))
    assert r.error.startswith("redirect to non-http(s) URL refused: ")
    assert r.error.split(": ", 1)[1].startswith(location.split(":")[0] + ":")
    assert r.text is None and r.status == 302
    assert "root:" not in r.error and len(server.log) == 1


@pytest.mark.parametrize("url", ["file:///etc/passwd", "data:text/plain,hello", "javascript:alert(1)",
                                 "ftp://127.0.0.1/x", "http://", "not a url", "http://[::1"])
def test_bad_urls_are_errors_not_exceptions(url):
    with Fetcher() as f:
        r = f.fetch_all([url])[url]
    assert r.error and r.text is None and r.via is None


# -- HTTP errors and retries ---------------------------------------------------------------


@pytest.mark.parametrize(("status", "error", "dead"), [
    (404, "HTTP 404 Not Found", True), (410, "HTTP 410 Gone", True), (403, "HTTP 403 Forbidden", False),
])
def test_error_status_is_one_clear_line(server, status, error, dead):
    server.expect_request("/gone").respond_with_data("missing", status=status)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/gone"))
    assert (r.error, r.status, r.dead, r.text) == (error, status, dead, None)


def test_429_retry_after_is_honoured(server):
    server.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "1"})
    server.expect_request("/busy").respond_with_data("<p>ok</p>", content_type=HTML)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/busy"))
    assert r.error is None and r.text == "<p>ok</p>"
    assert [resp.status_code for _, resp in server.log] == [429, 200]


@pytest.mark.parametrize(("header", "wait"), [("1", 1.0), ("3600", RETRY_AFTER_MAX), ("soon", None)])
def test_the_wait_before_a_retry_is_the_servers_retry_after_within_bounds(server, header, wait):
    """urllib3 sleeps what the policy's ``get_retry_after`` says, asked of the server's real answer
    (no clock in the test)."""
    server.expect_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": header})
    with urllib3.PoolManager() as pool:
        response = pool.request("GET", server.url_for("/busy"), retries=False)
    assert response.status == 429 and policy(3).get_retry_after(response) == wait


def test_a_retry_after_that_is_no_time_is_ignored(server):
    server.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "soon"})
    server.expect_request("/busy").respond_with_data("<p>ok</p>", content_type=HTML)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/busy"))
    assert r.error is None and r.text == "<p>ok</p>"


def test_long_retry_after_is_bounded_by_the_deadline(server):
    server.expect_request("/never").respond_with_data("no", status=429, headers={"Retry-After": "3600"})
    with Fetcher(timeout=0.25) as f:
        r = f.fetch(server.url_for("/never"))
    assert r.error == "HTTP 429 Too Many Requests" and not r.dead


def test_500_then_200_recovers(server):
    server.expect_oneshot_request("/flaky").respond_with_data("oops", status=500)
    server.expect_request("/flaky").respond_with_data("<p>fine</p>", content_type=HTML)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/flaky"))
    assert r.error is None and r.text == "<p>fine</p>" and len(server.log) == 2


def test_persistent_503_gives_up_after_the_retries(server):
    server.expect_request("/down").respond_with_data("down", status=503)
    with Fetcher(retries=2) as f:
        r = f.fetch(server.url_for("/down"))
    assert (r.error, r.status, r.dead) == ("HTTP 503 Service Unavailable", 503, False)
    assert len(server.log) == 3


def test_endless_error_body_does_not_hang_the_retries(raw_server):
    def endless_503(h):
        h.send_response(503)
        h.send_header("Content-Type", "text/html")
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        for _ in range(1000):  # 10 s of body, unless the client hangs up
            h.wfile.write(b"e" * 65536)
            time.sleep(0.01)

    raw_server.routes["/e"] = endless_503
    with Fetcher(timeout=1) as f:
        r = f.fetch(raw_server.url("/e"))
    assert r.error == "HTTP 503 Service Unavailable" and raw_server.hits["/e"] == 1


def test_connection_refused_is_dead():
    url = f"http://127.0.0.1:{closed_port()}/"
    with Fetcher(retries=0) as f:
        r = f.fetch(url)
    assert r.dead and r.error.startswith("connection failed: connection refused") and r.status is None


# -- time and size limits --------------------------------------------------------------------


def test_slow_page_times_out(raw_server):
    def slow(h):
        time.sleep(1.5)
        send(h, b"late")

    raw_server.routes["/slow"] = slow
    with Fetcher(timeout=0.3) as f:
        r = f.fetch(raw_server.url("/slow"))
    assert r.error == "timed out after 0.3 s" and r.dead


def test_trickling_body_hits_the_total_deadline(raw_server):
    def trickle(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Content-Length", "1000")
        h.end_headers()
        for _ in range(200):
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.05)

    raw_server.routes["/trickle"] = trickle
    with Fetcher(timeout=0.3) as f:
        r = f.fetch(raw_server.url("/trickle"))
    assert r.error == "timed out: no complete response within 0.9 s" and r.dead and r.text is None


def test_declared_oversized_body_is_refused(server):
    server.expect_request("/big").respond_with_data(b"a" * (2 * 2**20 + 1), content_type="text/plain")
    with Fetcher(max_bytes=2 * 2**20) as f:
        r = f.fetch(server.url_for("/big"))
    assert r.error == "body larger than 2 MB" and r.text is None and r.status == 200


def test_undeclared_oversized_body_is_aborted_while_streaming(raw_server):
    written = []

    def endless(h):
        h.send_response(200)
        h.send_header("Content-Type", "text/plain")
        h.send_header("Connection", "close")
        h.end_headers()
        h.close_connection = True
        for _ in range(400):  # up to 25 MB, unless the client hangs up first
            h.wfile.write(b"b" * 65536)
            written.append(1)

    raw_server.routes["/endless"] = endless
    with Fetcher(max_bytes=256 * 1024) as f:
        r = f.fetch(raw_server.url("/endless"))
    assert r.error == "body larger than 256 KB" and r.text is None
    time.sleep(0.1)
    assert len(written) < 400


# -- content types and charsets -------------------------------------------------------------


def test_windows_1252_page_without_charset_reads_right(server):
    server.expect_request("/w").respond_with_data(fixture_bytes("cp1252_no_charset.html"), content_type="text/html")
    with Fetcher() as f:
        r = f.fetch(server.url_for("/w"))
    assert "A naïve reader may think the € sign is older" in r.text and "“the changeover”" in r.text


def test_latin1_label_means_windows_1252(server):
    server.expect_request("/l").respond_with_data(fixture_bytes("cp1252_no_charset.html"),
                                                  content_type="text/html; charset=ISO-8859-1")
    with Fetcher() as f:
        assert "naïve reader may think the € sign" in f.fetch(server.url_for("/l")).text


def test_charset_declared_only_in_meta(server):
    server.expect_request("/ru").respond_with_data(fixture_bytes("cp1251_meta_charset.html"), content_type="text/html")
    with Fetcher() as f:
        r = f.fetch(server.url_for("/ru"))
    assert "Александр Лаврентьев — специальный представитель" in r.text


@pytest.mark.parametrize("ctype", ["application/pdf", "image/png", "application/pdf; charset=binary"])
def test_unsupported_content_type(server, ctype):
    server.expect_request("/doc").respond_with_data(fixture_bytes("stub.pdf"), content_type=ctype)
    with Fetcher() as f:
        r = f.fetch(server.url_for("/doc"))
    assert r.error == f"unsupported content type {ctype.split(';')[0]}" and r.text is None
    assert r.status == 200 and not r.dead


def test_pdf_without_content_type_is_sniffed(raw_server):
    def bare(h):
        body = fixture_bytes("stub.pdf")
        h.send_response(200)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    raw_server.routes["/bare"] = bare
    with Fetcher() as f:
        assert f.fetch(raw_server.url("/bare")).error.startswith("unsupported content type")


def test_decode_body_orders_header_meta_detection():
    latin = "naïve €".encode("cp1252")
    assert decode_body(latin, "text/plain") == "naïve €"
    assert decode_body(latin, "text/html; charset=utf-8") == "naïve €"  # a wrong label falls through
    meta = b'<meta charset="windows-1251">' + "Сирия".encode("cp1251")
    assert decode_body(meta, "text/html").endswith("Сирия")
    assert decode_body(meta, None).endswith("Сирия")
    assert decode_body(meta, "text/html; charset=koi8-r").endswith("Сирия".encode("cp1251").decode("koi8-r"))
    assert decode_body(b"\xef\xbb\xbfna\xc3\xafve", "text/plain; charset=cp1252") == "naïve"  # BOM wins


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([None, "", "text/html", "text/plain; charset=utf-8",
                                                 "text/html; charset=nonsense", "text/html; charset=base64",
                                                 "text/html; charset=punycode", "text/plain; charset=utf-16",
                                                 "text/plain; charset=utf-7", "text/html; charset=idna"]))
def test_decode_body_never_raises(body, ctype):
    assert isinstance(decode_body(body, ctype), str)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="cp1252"), max_size=200), st.sampled_from(["utf-8", "windows-1252"]))
def test_decode_body_round_trips_a_declared_charset(text, charset):
    assert decode_body(text.encode(charset), f"text/plain; charset={charset}") == text


# -- the cache --------------------------------------------------------------------------------


def conditional(body: bytes, **validators: str):
    """A werkzeug handler that answers 304 to a matching conditional request."""
    def handler(request: Request) -> Response:
        etag, modified = validators.get("etag"), validators.get("last_modified")
        if (etag and request.headers.get("If-None-Match") == etag) or (
                modified and request.headers.get("If-Modified-Since") == modified):
            return Response(status=304, headers={"ETag": etag} if etag else {})
        headers = {"Cache-Control": "no-cache"}
        if etag:
            headers["ETag"] = etag
        if modified:
            headers["Last-Modified"] = modified
        return Response(body, content_type=HTML, headers=headers)
    return handler


@pytest.mark.parametrize("validators", [{"etag": '"v1"'}, {"last_modified": "Wed, 08 Feb 2017 10:00:00 GMT"}])
def test_revalidation_downloads_no_body(server, tmp_path, validators):
    body = fixture_bytes("page.html")
    server.expect_request("/p").respond_with_handler(conditional(body, **validators))
    with Fetcher(cache_dir=tmp_path) as f:
        first = f.fetch(server.url_for("/p"))
    with Fetcher(cache_dir=tmp_path) as f:
        second = f.fetch(server.url_for("/p"))
    assert first.via is Via.NETWORK and second.via is Via.CACHE
    assert second.text == first.text and second.sha256 == first.sha256 and not second.changed
    assert [resp.status_code for _, resp in server.log] == [200, 304]
    assert server.log[1][1].get_data() == b""


def test_max_age_fresh_entry_makes_no_request(server, tmp_path):
    server.expect_request("/fresh").respond_with_data("<p>a</p>", content_type=HTML,
                                                      headers={"Cache-Control": "max-age=600", "ETag": '"e"'})
    for _ in range(2):
        with Fetcher(cache_dir=tmp_path) as f:
            r = f.fetch(server.url_for("/fresh"))
    assert r.via is Via.CACHE and r.text == "<p>a</p>" and len(server.log) == 1


def test_refresh_ignores_freshness(server, tmp_path):
    server.expect_request("/fresh").respond_with_data("<p>a</p>", content_type=HTML,
                                                      headers={"Cache-Control": "max-age=600"})
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/fresh"))
    with Fetcher(cache_dir=tmp_path, refresh=True) as f:
        r = f.fetch(server.url_for("/fresh"))
    assert r.via is Via.NETWORK and len(server.log) == 2


def test_offline_with_empty_cache_touches_no_network(server, tmp_path):
    server.expect_request("/p").respond_with_data("<p>a</p>", content_type=HTML)
    with Fetcher(cache_dir=tmp_path, offline=True) as f:
        r = f.fetch(server.url_for("/p"))
    assert r.error == "offline, and not in the cache" and r.text is None and not r.dead
    assert len(server.log) == 0


def test_offline_serves_a_stale_entry_without_network(server, tmp_path):
    server.expect_request("/p").respond_with_data("<p>a</p>", content_type=HTML, headers={"Cache-Control": "no-cache"})
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/p"))
    with Fetcher(cache_dir=tmp_path, offline=True) as f:
        r = f.fetch(server.url_for("/p"))
    assert (r.via, r.text, r.error) == (Via.CACHE, "<p>a</p>", None) and len(server.log) == 1


def test_no_store_is_not_served_from_cache(server, tmp_path):
    server.expect_request("/p").respond_with_data("<p>a</p>", content_type=HTML, headers={"Cache-Control": "no-store"})
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/p"))
    with Fetcher(cache_dir=tmp_path, offline=True) as f:
        assert f.fetch(server.url_for("/p")).error == "offline, and not in the cache"


def test_changed_page_is_flagged_once(server, tmp_path):
    current = {"body": b"<p>Lavrentiev was appointed in 2017.</p>"}
    server.expect_request("/c").respond_with_handler(
        lambda request: Response(current["body"], content_type=HTML, headers={"Cache-Control": "no-cache"}))
    runs = []
    for body in (None, b"<p>Lavrentiev was appointed in 2017 (edited).</p>", None):
        if body:
            current["body"] = body
        with Fetcher(cache_dir=tmp_path) as f:
            runs.append(f.fetch(server.url_for("/c")))
    assert [r.changed for r in runs] == [False, True, False]
    assert runs[0].sha256 != runs[1].sha256 == runs[2].sha256


def test_stale_copy_is_served_when_the_server_fails(server, tmp_path):
    server.expect_oneshot_request("/s").respond_with_data("<p>a</p>", content_type=HTML,
                                                          headers={"Cache-Control": "no-cache"})
    server.expect_request("/s").respond_with_data("down", status=503)
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/s"))
    with Fetcher(cache_dir=tmp_path, retries=0) as f:
        r = f.fetch(server.url_for("/s"))
    assert (r.text, r.via, r.error, r.status) == ("<p>a</p>", Via.CACHE, None, 503)
    assert "HTTP 503 Service Unavailable" in r.note


def test_gone_page_is_not_served_from_a_stale_cache(server, tmp_path):
    server.expect_oneshot_request("/g").respond_with_data("<p>a</p>", content_type=HTML,
                                                          headers={"Cache-Control": "no-cache"})
    server.expect_request("/g").respond_with_data("gone", status=410)
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/g"))
    with Fetcher(cache_dir=tmp_path) as f:
        r = f.fetch(server.url_for("/g"))
    assert r.error == "HTTP 410 Gone" and r.dead and r.text is None


def test_corrupt_entry_is_ignored_and_replaced(server, tmp_path):
    server.expect_request("/p").respond_with_data("<p>complete</p>", content_type=HTML,
                                                  headers={"Cache-Control": "max-age=600"})
    with Fetcher(cache_dir=tmp_path) as f:
        f.fetch(server.url_for("/p"))
    (entry,) = [p for p in tmp_path.rglob("*") if p.is_file()]
    entry.write_bytes(entry.read_bytes()[:-3])  # as if a write had been cut short
    with Fetcher(cache_dir=tmp_path) as f:
        r = f.fetch(server.url_for("/p"))
    assert (r.via, r.text) == (Via.NETWORK, "<p>complete</p>") and len(server.log) == 2
    with Fetcher(cache_dir=tmp_path, offline=True) as f:
        assert f.fetch(server.url_for("/p")).text == "<p>complete</p>"


def _versioned_pages(raw_server: RawServer, n: int) -> list[str]:
    """Pages whose body changes on every request, always self-consistent (text matches hash)."""
    def page(h):
        body = f"<p>{h.path} version {time.monotonic_ns()}</p>".encode() * 200
        send(h, body, Cache_Control="no-cache")

    paths = [f"/p{i}" for i in range(n)]
    for p in paths:
        raw_server.routes[p] = page
    return [raw_server.url(p) for p in paths]


def _assert_cache_consistent(tmp_path: Path, urls: list[str]) -> None:
    with Fetcher(cache_dir=tmp_path, offline=True) as f:
        results = f.fetch_all(urls)
    for url, r in results.items():
        assert r.error is None and r.via is Via.CACHE
        assert r.text.startswith(f"<p>/{url.rsplit('/', 1)[1]} version")
        assert hashlib.sha256(r.text.encode()).hexdigest() == r.sha256


def test_two_fetchers_in_threads_share_one_cache_dir(raw_server, tmp_path):
    urls = _versioned_pages(raw_server, 12)
    outcomes = []

    def run():
        for _ in range(3):
            with Fetcher(cache_dir=tmp_path, refresh=True, jobs=4) as f:
                outcomes.append(f.fetch_all(urls))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(outcomes) == 6
    assert all(r.error is None and r.via is Via.NETWORK for o in outcomes for r in o.values())
    _assert_cache_consistent(tmp_path, urls)


CHILD = """
import json, sys
from pathlib import Path
from factcheck.fetch import Fetcher
urls = sys.argv[2:]
bad = []
for _ in range(3):
    with Fetcher(cache_dir=Path(sys.argv[1]), refresh=True, jobs=4) as f:
        bad += [u for u, r in f.fetch_all(urls).items() if r.error or r.text is None]
print(json.dumps(bad))
"""


def test_two_processes_share_one_cache_dir(raw_server, tmp_path):
    urls = _versioned_pages(raw_server, 12)
    procs = [subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), *urls], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert [json.loads(out) for out, _ in outs] == [[], []]
    assert not list(tmp_path.rglob(".tmp-*"))
    _assert_cache_consistent(tmp_path, urls)


# -- concurrency and politeness ----------------------------------------------------------------------


def test_each_url_is_fetched_once(server):
    server.expect_request("/once").respond_with_data("<p>a</p>", content_type=HTML)
    url = server.url_for("/once")
    with Fetcher() as f:
        results = f.fetch_all([url, url, url + "#section", url])
        again = f.fetch(url)
    assert list(results) == [url, url + "#section"]
    assert results[url + "#section"].url == url + "#section" and results[url + "#section"].text == "<p>a</p>"
    assert again.text == "<p>a</p>" and len(server.log) == 1


def test_per_host_limit_holds_while_fetching_in_parallel(raw_server):
    def slow(h):
        time.sleep(0.15)
        send(h, b"<p>ok</p>")

    paths = [f"/h{i}" for i in range(8)]
    for p in paths:
        raw_server.routes[p] = slow
    with Fetcher(jobs=8, per_host=2) as f:
        results = f.fetch_all(raw_server.url(p) for p in paths)
    assert all(r.text == "<p>ok</p>" for r in results.values())
    assert raw_server.max_active == 2


def test_progress_is_silent_when_stderr_is_not_a_tty(server, capfd):
    server.expect_request("/p").respond_with_data("<p>a</p>", content_type=HTML)
    with Fetcher(progress=True) as f:
        f.fetch_all([server.url_for("/p")])
    assert capfd.readouterr().err == ""


# -- hardening (issue 7): what a hostile server can do to one source -----------------------------


def test_trickling_headers_hit_the_total_deadline(raw_server):
    """Every byte arrives well within the read timeout; only the watchdog's deadline ends it."""
    def trickle(h):
        for byte in b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Slow: " + b"a" * 200:
            h.wfile.write(bytes([byte]))
            h.wfile.flush()
            time.sleep(0.05)

    raw_server.routes["/slow-head"] = trickle
    with Fetcher(timeout=0.3) as f:
        r = f.fetch(raw_server.url("/slow-head"))
    assert r.error == "timed out: no complete response within 0.9 s" and r.text is None


def test_a_malformed_response_is_reported_and_not_retried(raw_server):
    def many_headers(h):
        h.wfile.write(b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(200))
                      + b"Content-Length: 2\r\n\r\nok")

    raw_server.routes["/many"] = many_headers
    with Fetcher() as f:
        r = f.fetch(raw_server.url("/many"))
    port = raw_server.httpd.server_address[1]
    assert r.error == f"invalid HTTP response from 127.0.0.1:{port}: got more than 100 headers"
    assert raw_server.hits["/many"] == 1


def test_an_unwritable_cache_warns_once_and_every_fetch_still_succeeds(server, tmp_path):
    for p in ("/a", "/b", "/c"):
        server.expect_request(p).respond_with_data("<p>ok</p>", content_type=HTML)
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with Fetcher(cache_dir=blocker / "cache") as f:
        results = f.fetch_all(server.url_for(p) for p in ("/a", "/b", "/c"))
    assert all(r.text == "<p>ok</p>" and r.via is Via.NETWORK for r in results.values())
    (warning,) = f.warnings
    assert warning.startswith(f"cache directory {blocker / 'cache'} cannot be written (")


def test_redirect_to_a_metadata_address_is_refused_before_connecting(server):
    server.expect_request("/r").respond_with_data("", status=302, headers={"Location": "http://[fd00:ec2::254]/"})
    with Fetcher(timeout=1) as f:
        r = f.fetch(server.url_for("/r"))
    assert r.error == ("refused to connect to fd00:ec2::254: link-local or cloud-metadata address "
                       "(allow it with --allow-link-local)")


def test_netrc_credentials_are_never_sent(server, tmp_path, monkeypatch):
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login ci password SECRET-NETRC\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    server.expect_request("/private").respond_with_data("<p>ok</p>", content_type=HTML)
    with Fetcher() as f:
        assert f.fetch(server.url_for("/private")).text == "<p>ok</p>"
    (request, _), = server.log
    assert "Authorization" not in request.headers
