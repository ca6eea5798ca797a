"""--archive wayback: a dead cited link is read from its Wayback Machine snapshot.

The availability API and the archive are a loopback server speaking the API's documented JSON
(archive.org/help/wayback_api.php); the Internet Archive is never reached."""

from __future__ import annotations

import json
import time
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.fetch.wayback import NoSnapshot, Snapshot, api_url, parse_answer
from loopback import respond

ARTICLE = """# Putin's envoy in Tehran

President Vladimir Putin sent his Special Envoy Alexander Lavrentiev to meet with Iran's Supreme
National Security Council secretary Ali Shamkhani on February 4.
"""

# The page as the Wayback Machine archived it, before the live one went away.
SNAPSHOT_PAGE = """<!doctype html><html><head><title>Alexander Lavrentiev - profile</title></head>
<body><article><h1>Alexander Lavrentiev</h1>
<p>Alexander Lavrentiev is a Russian diplomat. Since 2017 he has been the Special Presidential Envoy
of the Russian Federation for Syria.</p></article></body></html>"""

STAMP = "20170205093012"
API = "/wayback/available"


def claims_yaml(source: str) -> str:
    return f"""version: 1
article:
  path: article.md
  published: 2017-02-08
claims:
  - id: envoy-name
    type: name
    text: Special Envoy Alexander Lavrentiev
    expect: Alexander Lavrentiev
    sources: [{source}]
"""


@pytest.fixture
def desk(tmp_path, monkeypatch, loopback):
    """A claims file citing a page that is gone (404) on the loopback server."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "article.md").write_text(ARTICLE)
    dead = loopback.url("/profiles/lavrentiev")
    (tmp_path / "claims.yaml").write_text(claims_yaml(dead))
    return dead


def answer(loopback, closest: dict | None, status: str = "200 OK") -> None:
    body = json.dumps({"archived_snapshots": {"closest": closest} if closest else {}}).encode()
    loopback.routes[API] = lambda conn: respond(conn, body, status, ctype="application/json")


def snapshot_of(loopback, dead: str, page: str = SNAPSHOT_PAGE, **headers: str) -> str:
    """Serve the archived page; the snapshot's URL as the API names it."""
    shown = loopback.url(f"/web/{STAMP}/{dead}")
    raw = f"/web/{STAMP}id_/{dead}"
    loopback.routes[raw] = lambda conn: respond(conn, page.encode(), **headers)
    return shown


def closest(url: str, status: str = "200", stamp: str = STAMP) -> dict:
    return {"available": True, "url": url, "timestamp": stamp, "status": status}


def verify(loopback, *args: str, env: dict | None = None):
    """`factcheck verify --archive wayback` with the API on the loopback server; the JSON report."""
    api = ["--wayback-api", loopback.url(API)] if env is None else []
    result = CliRunner().invoke(main, ["verify", "--format", "json", "--timeout", "3", "--archive", "wayback",
                                       *api, *args], env=env, catch_exceptions=False)
    return result, json.loads(result.output)


def api_asks(loopback) -> list[dict]:
    return [parse_qs(urlsplit(path).query) for path, n in loopback.hits.items() if path.startswith(API)
            for _ in range(n)]


def test_a_dead_link_is_judged_from_its_snapshot_and_the_report_names_it(desk, loopback):
    shown = snapshot_of(loopback, desk)
    answer(loopback, closest(shown))
    result, report = verify(loopback)
    (claim,) = report["claims"]
    assert claim["verdict"] == "supported" and result.exit_code == 0
    (evidence,) = claim["evidence"]
    assert evidence["via"] == "archive" and evidence["status"] == "supports" and evidence["error"] is None
    (note,) = evidence["notes"]
    assert f"Wayback Machine snapshot of 2017-02-05 used: {shown}" in note
    assert note.startswith("live link dead: HTTP 404 Not Found; ")
    assert note.endswith("; save that page as this source's archive to keep it")
    # asked for the snapshot closest to the article's date; read the page as archived (id_), not the toolbar view
    assert api_asks(loopback) == [{"url": [desk], "timestamp": ["20170208"]}]
    assert loopback.hits[f"/web/{STAMP}id_/{desk}"] == 1
    text = CliRunner().invoke(main, ["verify", "--archive", "wayback", "--wayback-api", loopback.url(API)])
    assert shown in text.output and "save that page as this source's archive to keep it" in text.output
    page = CliRunner().invoke(main, ["verify", "--format", "html", "--archive", "wayback",
                                     "--wayback-api", loopback.url(API)])
    assert "snapshot of 2017-02-05 used" in page.output and shown in page.output


def test_without_the_option_the_api_is_never_asked(desk, loopback):
    answer(loopback, closest(snapshot_of(loopback, desk)))
    result = CliRunner().invoke(main, ["verify", "--format", "json", "--timeout", "3",
                                       "--wayback-api", loopback.url(API)])
    (claim,) = json.loads(result.output)["claims"]
    assert claim["verdict"] == "unverified" and claim["evidence"][0]["error"] == "HTTP 404 Not Found"
    assert api_asks(loopback) == []


def test_the_api_base_comes_from_the_environment(desk, loopback):
    answer(loopback, closest(snapshot_of(loopback, desk)))
    _, report = verify(loopback, env={"FACTCHECK_WAYBACK_API": loopback.url(API)})
    assert report["claims"][0]["verdict"] == "supported" and len(api_asks(loopback)) == 1


@pytest.mark.parametrize("serve, said", [
    (lambda lb, dead: answer(lb, None), "HTTP 404 Not Found; the Wayback Machine has no snapshot"),
    (lambda lb, dead: answer(lb, {"available": True}, "503 Service Unavailable"),
     "the Wayback Machine could not be asked (HTTP 503 Service Unavailable)"),
    (lambda lb, dead: lb.page(API, "<html>maintenance</html>"), "the Wayback Machine's answer is not JSON"),
    (lambda lb, dead: lb.page(API, "[" * 30_000 + "]" * 30_000, "application/json"),
     "the Wayback Machine's answer is not JSON"),
    (lambda lb, dead: answer(lb, closest(snapshot_of(lb, dead), status="404")),
     "closest snapshot is of an error page (HTTP 404)"),
    (lambda lb, dead: answer(lb, closest(lb.url(f"/web/{STAMP}/{dead}"))),  # the API names one the archive lacks
     "could not be read (HTTP 404 Not Found)"),
])
def test_no_snapshot_is_a_finding_and_the_link_stays_dead(desk, loopback, serve, said):
    serve(loopback, desk)
    result, report = verify(loopback)
    (claim,) = report["claims"]
    assert result.exit_code == 0 and claim["verdict"] == "unverified"  # never contradicted, never a crash
    assert claim["evidence"][0]["status"] == "error" and said in claim["evidence"][0]["error"]


def test_the_api_down_is_a_finding(desk, loopback):
    closed = CliRunner().invoke(main, ["verify", "--format", "json", "--timeout", "3", "--archive", "wayback",
                                       "--wayback-api", "http://127.0.0.1:9/wayback/available"])
    (claim,) = json.loads(closed.output)["claims"]
    assert closed.exit_code == 0 and claim["verdict"] == "unverified"
    assert "the Wayback Machine could not be asked (connection failed" in claim["evidence"][0]["error"]


def test_an_api_that_hangs_or_floods_is_cut_off(desk, loopback):
    loopback.routes[API] = lambda conn: time.sleep(20)
    result = CliRunner().invoke(main, ["verify", "--format", "json", "--timeout", "0.5", "--archive", "wayback",
                                       "--wayback-api", loopback.url(API)])
    assert "the Wayback Machine could not be asked (timed out" in json.loads(result.output)["claims"][0][
        "evidence"][0]["error"]
    huge = json.dumps({"archived_snapshots": {}, "padding": "x" * 100_000}).encode()
    loopback.routes[API] = lambda conn: respond(conn, huge, ctype="application/json")
    _, report = verify(loopback)
    assert "the Wayback Machine's answer is too long to be its API's" in report["claims"][0]["evidence"][0]["error"]


@pytest.mark.parametrize("snapshot, said", [
    ("file:///etc/passwd", "snapshot URL is not http(s): file:///etc/passwd"),
    ("http://169.254.169.254/web/20170205093012/latest/meta-data/", "link-local or cloud-metadata address"),
])
def test_a_snapshot_url_passes_the_same_guard(desk, loopback, snapshot, said):
    answer(loopback, closest(snapshot))
    _, report = verify(loopback)
    (claim,) = report["claims"]
    assert claim["verdict"] == "unverified" and said in claim["evidence"][0]["error"]


def test_offline_never_asks_and_says_so(desk, loopback):
    answer(loopback, closest(snapshot_of(loopback, desk)))
    _, report = verify(loopback, "--offline")
    error = report["claims"][0]["evidence"][0]["error"]
    assert error == "offline, and not in the cache; the Wayback Machine was not asked"
    assert api_asks(loopback) == [] and loopback.hits == {}


def test_a_source_with_an_archive_uses_it_and_the_api_is_not_asked(desk, loopback, tmp_path):
    (tmp_path / "saved.html").write_text(SNAPSHOT_PAGE)
    (tmp_path / "claims.yaml").write_text(claims_yaml(f"{{url: {desk}, archive: saved.html}}"))
    answer(loopback, closest(snapshot_of(loopback, desk)))
    _, report = verify(loopback)
    (evidence,) = report["claims"][0]["evidence"]
    assert evidence["via"] == "archive" and evidence["notes"] == ["live link dead: HTTP 404 Not Found; archive used"]
    assert api_asks(loopback) == []


def test_the_snapshot_is_kept_in_the_cache(desk, loopback):
    shown = snapshot_of(loopback, desk, Cache_Control="max-age=86400")
    answer(loopback, closest(shown))
    for _ in range(2):
        _, report = verify(loopback)
        assert report["claims"][0]["verdict"] == "supported"
    assert loopback.hits[f"/web/{STAMP}id_/{desk}"] == 1  # the second run read it from the cache
    assert len(api_asks(loopback)) == 2  # the dead link itself is asked about again: it may have come back


def test_a_live_page_is_never_looked_up(desk, loopback, tmp_path):
    live = loopback.page("/profiles/live", SNAPSHOT_PAGE)
    (tmp_path / "claims.yaml").write_text(claims_yaml(live))
    answer(loopback, None)
    _, report = verify(loopback)
    assert report["claims"][0]["evidence"][0]["via"] == "network" and api_asks(loopback) == []


def test_the_documented_answer_parses():
    documented = b"""{"archived_snapshots": {"closest": {"available": true,
        "url": "http://web.archive.org/web/20130919044612/http://example.com/",
        "timestamp": "20130919044612", "status": "200"}}}"""
    assert parse_answer(documented) == Snapshot(
        "http://web.archive.org/web/20130919044612/http://example.com/", date(2013, 9, 19),
        "http://web.archive.org/web/20130919044612id_/http://example.com/")
    with pytest.raises(NoSnapshot, match="no snapshot"):
        parse_answer(b'{"archived_snapshots":{}}')
    with pytest.raises(NoSnapshot, match="no valid timestamp"):
        parse_answer(b'{"archived_snapshots":{"closest":{"available":true,"status":"200",'
                     b'"url":"http://web.archive.org/web/2013/http://example.com/","timestamp":"20131399"}}}')
    assert api_url("https://archive.org/wayback/available", "http://example.com/a?b=1", date(2017, 2, 8)) == (
        "https://archive.org/wayback/available?url=http%3A%2F%2Fexample.com%2Fa%3Fb%3D1&timestamp=20170208")
    assert api_url("http://127.0.0.1:1/api?key=k", "http://example.com/", None) == (
        "http://127.0.0.1:1/api?key=k&url=http%3A%2F%2Fexample.com%2F")
