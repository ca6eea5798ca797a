"""Issue 7, hardening: the gate runs unattended on claims files edited by many hands and on
pages from servers nobody controls. It must never crash, never hang, never corrupt its cache,
and never let a claims file read the CI runner's secrets.

Sections follow the issue: 1 properties of the pure parts, 2 the claims file fuzzed through the
loader and the command line, 3 faults injected by a real server on 127.0.0.1, end to end,
4 the cache under SIGKILL / unwritable / concurrent runs, 5 safety in CI, 6 output never
half-written and Ctrl-C. Randomness is seeded (hypothesis derandomized, ``random.Random(7)``).
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck import dates, names, numbers
from factcheck.article import Article
from factcheck.claims import MAX_BYTES, ClaimsError, ClaimsFile, parse_claims
from factcheck.cli import main
from factcheck.engine import Checker, Options
from factcheck.fetch.cache import DiskCache
from factcheck.fetch.guard import link_local
from factcheck.locate import locate
from factcheck.normalize import fold
from loopback import Loopback, head, respond

FIXTURES = ROOT / "fixtures" / "hardening"
ARTICLE = (FIXTURES / "article.md").read_text(encoding="utf-8")
PAGE = (FIXTURES / "page.html").read_bytes()
SECRET = "hardening-test-not-a-real-secret"

PROPS = settings(max_examples=150, deadline=None, derandomize=True)
FUZZ = settings(max_examples=100, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


# == 1. properties of the pure parts ===========================================================

_prose = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
_wordy = st.lists(st.sampled_from(["Strait", "of", "Hormuz", "ﬁne", "Straße", "İstanbul", "é", "e\u0301",
                                   "\u00ad", "\u200b", "“", "—", "\n", "\r\n", "  ", "\t", "21%", "<b>", "</b>",
                                   "&amp;", "&#x41;", "[a](b)", "**", "# ", "<!--", "-->", "<", ">", "&"]),
                  max_size=60).map(" ".join)
_any_text = st.one_of(_prose, _wordy)


@PROPS
@given(_any_text, _any_text, st.floats(0, 100))
def test_locate_never_points_outside_the_text(needle, text, threshold):
    passage = locate(needle, text, threshold)
    if passage is not None:
        assert 0 <= passage.start <= passage.end <= len(text)


@PROPS
@given(_any_text, st.integers(0, 300), st.integers(1, 40))
def test_locate_finds_a_slice_of_the_text_inside_it(text, i, n):
    i = i % (len(text) + 1)
    needle = text[i:i + n]
    passage = locate(needle, text)
    if passage is not None:
        assert 0 <= passage.start <= passage.end <= len(text)
    if needle.isalnum():  # an exact slice is always found, and the passage holds it
        assert passage is not None and passage.score == 100
        assert fold(needle) in fold(text[passage.start:passage.end])


@PROPS
@given(_any_text, st.sampled_from(["text", "markdown", "html"]), st.lists(st.tuples(st.integers(0, 400),
                                                                                    st.integers(0, 60)), max_size=5))
def test_article_mentions_stay_inside_the_file(raw, kind, spans):
    article = Article.from_string(raw, "a", kind)
    assert len(article.origin) == len(article.text)
    assert all(0 <= o < max(len(raw), 1) for o in article.origin)
    lines = raw.splitlines() or [""]
    for start, width in spans:
        if not article.text:
            break
        start = start % len(article.text)
        end = min(len(article.text), start + width)
        m = article.mention(start, end)
        assert (m.start, m.end) == (start, end)
        assert 1 <= m.line <= len(lines) + 1
        assert 1 <= m.column <= len(raw) + 1
    for index in range(len(article.text) + 1):  # the end of the text too
        line, column = article.position(index)
        assert 1 <= line and 1 <= column


_PUB = st.one_of(st.none(), st.dates())


@PROPS
@given(_any_text, _PUB, _PUB)
def test_date_resolution_is_deterministic_whatever_ran_before(text, published, other):
    first = dates.find_dates(text, published)
    dates.find_dates(text, other)  # any cache must be keyed on the publication date
    assert dates.find_dates(text, published) == first


# Letters IGNORECASE takes for ASCII ones that lower() leaves apart: a page's "ſept." or "APRİL"
# once reached a month table as "ſept" and "apri̇l" and crashed the run.
_LOOKALIKE = {"s": "\u017f", "i": "\u0131", "I": "\u0130", "K": "\u212a"}
_dated = st.lists(st.sampled_from(["Sept. 12, 2019", "April 5, 2019", "APRIL", "the second Monday of August",
                                   "mid-September", "twenty-first", "five days ago", "this spring", "last Tuesday",
                                   "fifty-six", "seventh", "third quarter", "6 KM", "sixteen hundred", "in"]),
                  min_size=1, max_size=6).map(" ".join)


@PROPS
@given(_dated, st.randoms(use_true_random=False), _PUB)
def test_lookalike_letters_read_as_the_ascii_ones(text, rnd, published):
    odd = "".join(_LOOKALIKE[c] if c in _LOOKALIKE and rnd.random() < 0.3 else c for c in text)
    assert len(odd) == len(text)
    spans = [(d.start, d.end, d.span) for d in dates.find_dates(odd, published)]
    assert spans == [(d.start, d.end, d.span) for d in dates.find_dates(text, published)]
    assert all(d.text == odd[d.start:d.end] for d in dates.find_dates(odd, published))
    assert [(n.start, n.end) for n in numbers.find_numbers(odd)] == [(n.start, n.end) for n in numbers.find_numbers(text)]
    assert [(o.start, o.value) for o in numbers.find_ordinals(odd)] == [(o.start, o.value) for o in numbers.find_ordinals(text)]


@PROPS
@given(_any_text, _any_text)
def test_number_comparison_takes_any_two_texts(a, b):
    for qa in [m.quantity for m in numbers.find_numbers(a)][:3]:
        for qb in [m.quantity for m in numbers.find_numbers(b)][:3]:
            assert numbers.agrees(qa, qb) in (True, False)
            numbers.units_compatible(qa.unit, qb.unit)


@PROPS
@given(_any_text, _any_text)
def test_name_comparison_is_symmetric_on_any_text(a, b):
    assert names.same_name(a, b) == names.same_name(b, a)
    assert names.is_near_miss(a, b) == names.is_near_miss(b, a)


# == 2. the claims file, fuzzed ==================================================================

GOOD_YAML = """version: 1
article:
  path: article.md
  published: 2019-06-20
sources:
  page:
    archive: page.html
claims:
  - id: flow
    type: number
    text: about 21 million barrels per day of oil flowed through the strait
    expect: 21 million barrels per day
    sources: [page]
  - id: geo
    type: statement
    text: The Strait of Hormuz, between Oman and Iran, connects the Persian Gulf with the Gulf of Oman.
    sources: [page.html]
    note: "anchors \\u00e9 & aliases"
"""


def _loader_outcome(data: str | bytes) -> str:
    """Load one input: a ClaimsFile or a one-line ClaimsError (its time is bench/fuzz_claims.py's to print)."""
    try:
        result = parse_claims(data, "/nowhere/claims.yaml")
        outcome = "loaded"
        assert isinstance(result, ClaimsFile)
    except ClaimsError as err:
        assert "internal error" not in err.message, str(err)
        assert "\n" not in str(err) and "Traceback" not in str(err)
        outcome = "error"
    return outcome


def _alias_bomb(width: int, depth: int) -> str:
    lines = ["version: 1", "a0: &a0 [lol, lol]"]
    for i in range(1, depth + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


@FUZZ
@given(st.integers(2, 12), st.integers(1, 12))
def test_loader_alias_bombs_end_fast(width, depth):
    assert _loader_outcome(_alias_bomb(width, depth)) == "error"


@settings(FUZZ, max_examples=40)
@given(st.sampled_from(["text", "note", "expect", "key", "id", "path", "url"]), st.integers(0, 256 * 1024),
       st.sampled_from(["x", "é", "ab ", "\\u00e9", "'"]))
def test_loader_huge_scalars(where, size, unit):
    big = (unit * (size // len(unit) + 1))[:size]
    quoted = json.dumps(big)
    text = {
        "text": GOOD_YAML.replace("text: about 21 million", f"text: {quoted} #"),
        "note": GOOD_YAML.replace('note: "anchors \\u00e9 & aliases"', f"note: {quoted}"),
        "expect": GOOD_YAML.replace("expect: 21 million barrels per day", f"expect: {quoted}"),
        "key": GOOD_YAML + f"{quoted}: 1\n",
        "id": GOOD_YAML.replace("id: flow", f"id: {quoted}"),
        "path": GOOD_YAML.replace("path: article.md", f"path: {quoted}"),
        "url": GOOD_YAML.replace("archive: page.html", f"url: {quoted}"),
    }[where]
    _loader_outcome(text)


@FUZZ
@given(st.binary(min_size=1, max_size=8), st.integers(0, 10_000), st.booleans(), st.booleans())
def test_loader_non_utf8_bom_and_crlf(noise, at, bom, crlf):
    text = GOOD_YAML.replace("\n", "\r\n") if crlf else GOOD_YAML
    data = text.encode("utf-8")
    at %= len(data)
    data = data[:at] + noise + data[at:]
    if bom:
        data = codecs.BOM_UTF8 + data
    outcome = _loader_outcome(data)
    try:
        data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError:
        assert outcome == "error"


def test_loader_bom_and_crlf_alone_change_nothing():
    plain = parse_claims(GOOD_YAML, "/nowhere/claims.yaml")
    for variant in (GOOD_YAML.replace("\n", "\r\n").encode(), codecs.BOM_UTF8 + GOOD_YAML.encode(),
                    codecs.BOM_UTF8 + GOOD_YAML.replace("\n", "\r\n").encode(), "\ufeff" + GOOD_YAML):
        assert parse_claims(variant, "/nowhere/claims.yaml") == plain


WRONG = ["1", "1.5", "true", "null", "2019-06-20", "[a, b]", "{a: b}", "[]", "{}", '""', "!!binary aGk="]


def _field_lines() -> list[int]:
    return [i for i, line in enumerate(GOOD_YAML.splitlines()) if ":" in line]


@pytest.mark.parametrize("wrong", WRONG)
def test_loader_wrong_type_in_every_field(wrong):
    """Every `key: value` line of the file, its value replaced by each wrong type in turn."""
    lines = GOOD_YAML.splitlines()
    outcomes = Counter()
    for i in _field_lines():
        key, _, _ = lines[i].partition(":")
        edited = lines[:i] + [f"{key}: {wrong}"] + lines[i + 1:]
        outcomes[_loader_outcome("\n".join(edited) + "\n")] += 1
    assert outcomes["error"] >= len(_field_lines()) // 2  # most fields refuse most wrong types


def test_loader_refuses_a_lone_surrogate():
    with pytest.raises(ClaimsError, match="surrogate|not allowed|character"):
        parse_claims(GOOD_YAML.replace("anchors \\u00e9", "anchors \\ud800"), "/nowhere/claims.yaml")


# -- the same through the command line: exit 0/1/2, never a traceback -----------------------------

@pytest.fixture(scope="module")
def cli_dir(tmp_path_factory):
    d = tmp_path_factory.mktemp("cli_fuzz")
    (d / "article.md").write_text(ARTICLE, encoding="utf-8")
    (d / "page.html").write_bytes(PAGE)
    return d


def _cli_outcome(directory: Path, data: bytes) -> int:
    path = directory / "claims.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["verify", str(path), "--offline", "--format", "json",
                                       "--cache-dir", str(directory / "cache")])
    output = result.output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    if result.exit_code == 2:
        (line,) = output.strip().splitlines()
        assert line.startswith("factcheck: error: ") and "claims.yaml" in line
    else:
        json.loads(result.stdout)
    return result.exit_code


CLI_CASES = {
    "good": GOOD_YAML.encode(),
    "bom+crlf": codecs.BOM_UTF8 + GOOD_YAML.replace("\n", "\r\n").encode(),
    "alias bomb": _alias_bomb(10, 9).encode(),
    "deep nesting": ("x: " + "[" * 5000 + "]" * 5000 + "\n").encode(),
    "huge scalar": GOOD_YAML.replace("note: \"anchors \\u00e9 & aliases\"", "note: " + "x" * 2**18).encode(),
    "over the size limit": b"# " + b"x" * (MAX_BYTES + 10),
    "not utf-8": GOOD_YAML.encode().replace(b"Oman", b"Om\xe1n"),
    "utf-16": codecs.BOM_UTF16_LE + GOOD_YAML.encode("utf-16-le"),
    "lone surrogate": GOOD_YAML.replace("anchors \\u00e9", "anchors \\ud800").encode(),
    "python tag": GOOD_YAML.replace("version: 1", "version: !!python/object/apply:os.getpid []").encode(),
    "nul byte": GOOD_YAML.encode().replace(b"Oman", b"O\x00man"),
    "empty": b"",
    "only a bom": codecs.BOM_UTF8,
    "tabs": GOOD_YAML.replace("  ", "\t").encode(),
}


@pytest.mark.parametrize("case", list(CLI_CASES))
def test_cli_named_hostile_claims_files(cli_dir, case):
    code = _cli_outcome(cli_dir, CLI_CASES[case])
    expected = {"good": {0}, "bom+crlf": {0}}.get(case, {2})
    assert code in expected, case


_mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 2000), st.integers(0, 255)),
    st.tuples(st.just("insert"), st.integers(0, 2000), st.binary(min_size=1, max_size=12)),
    st.tuples(st.just("insert"), st.integers(0, 2000),
              st.sampled_from([b"&a ", b"*a", b"<<: ", b"!!python/object:os.system ", b"\xef\xbb\xbf", b"\r\n",
                               b"\t", b"[", b"{", b"- ", b"? ", b"\"\\ud800\"", b"~", b"\xff\xfe", b"\\"])),
    st.tuples(st.just("delete"), st.integers(0, 2000), st.integers(1, 40)),
    st.tuples(st.just("truncate"), st.integers(0, 2000)),
)
_value_mutation = st.one_of(
    st.tuples(st.just("value"), st.integers(0, 40), st.text(max_size=30), st.booleans()),
    st.tuples(st.just("value"), st.integers(0, 40), st.sampled_from(WRONG + ["*a", "&a x", "|", ">-", "~"]),
              st.just(False)),
)


def _mutate(data: bytes, mutations) -> bytes:
    for kind, at, *rest in mutations:
        if kind == "value":  # a field's value replaced, quoted or as written
            lines = data.split(b"\n")
            fields = [i for i, line in enumerate(lines) if b": " in line] or [0]
            i = fields[at % len(fields)]
            key = lines[i].partition(b": ")[0]
            value = json.dumps(rest[0]) if rest[1] else rest[0]
            lines[i] = key + b": " + value.encode("utf-8", "surrogatepass")
            data = b"\n".join(lines)
            continue
        at %= max(len(data), 1)
        if kind == "flip":
            data = data[:at] + bytes([rest[0]]) + data[at + 1:]
        elif kind == "insert":
            data = data[:at] + rest[0] + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + rest[0]:]
        else:
            data = data[:at]
    return data


CLI_OUTCOMES: Counter[int] = Counter()  # exit codes seen by the two fuzz tests below


@FUZZ
@given(st.lists(_mutation, min_size=1, max_size=4), st.booleans(), st.booleans())
def test_cli_bytes_mutated_claims_files(cli_dir, mutations, bom, crlf):
    text = GOOD_YAML.replace("\n", "\r\n") if crlf else GOOD_YAML
    data = _mutate(text.encode("utf-8"), mutations)
    CLI_OUTCOMES[_cli_outcome(cli_dir, (codecs.BOM_UTF8 if bom else b"") + data)] += 1


@FUZZ
@given(st.lists(_value_mutation, min_size=1, max_size=2), st.booleans())
def test_cli_values_mutated_claims_files(cli_dir, mutations, crlf):
    text = GOOD_YAML.replace("\n", "\r\n") if crlf else GOOD_YAML
    CLI_OUTCOMES[_cli_outcome(cli_dir, _mutate(text.encode("utf-8"), mutations))] += 1


def test_cli_fuzz_reached_both_loads_and_errors():
    if len(CLI_OUTCOMES) == 0:
        pytest.skip("run with the fuzz tests above")
    print("CLI fuzz exit codes:", dict(CLI_OUTCOMES))
    assert CLI_OUTCOMES[2] > 0 and CLI_OUTCOMES[0] + CLI_OUTCOMES[1] > 0, CLI_OUTCOMES


# == 3. faults injected by a real server =======================================================

def _page(conn):
    respond(conn, PAGE)


def _reset_mid_body(conn):
    conn.sendall(head(length=5000) + b"<p>" + b"x" * 997)
    time.sleep(0.2)
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # close() sends RST


def _short_body(conn):
    conn.sendall(head(length=5000) + b"<p>" + b"x" * 997)


def _invalid_gzip(conn):
    respond(conn, b"\x1f\x8b\x08\x00 this is not gzip " * 20, Content_Encoding="gzip")


def _endless_chunked(conn):
    conn.sendall(head(Transfer_Encoding="chunked"))
    chunk = b"<p>" + b"y" * 65533
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))


def _trickle_body(conn):
    """One byte every half second: each read succeeds well within the 1 s read timeout, so only
    the total deadline per source can end it."""
    conn.sendall(head(length=1000))
    for _ in range(60):
        conn.sendall(b"x")
        time.sleep(0.5)


def _trickle_headers(conn):
    for byte in head(length=2, X_Slow="a" * 200) + b"ok":
        conn.sendall(bytes([byte]))
        time.sleep(0.5)


def _ten_thousand_headers(conn):
    extra = "".join(f"X-Header-{i}: {i}\r\n" for i in range(10_000))
    conn.sendall(head(length=2)[:-2] + extra.encode() + b"\r\nok")


def _not_http(conn):
    conn.sendall(b"SSH-2.0-OpenSSH_9.6\r\n\r\n")


def _redirect(location: str):
    def route(conn):
        respond(conn, b"", "302 Found", Location=location)
    return route


# (route, wording the evidence's error must have)
FAULTS = {
    "/reset": (_reset_mid_body, r"connection reset"),
    "/short": (_short_body, r"^body shorter than its Content-Length: connection closed after 1000 of 5000 bytes$"),
    "/gzip": (_invalid_gzip, r"^invalid body: not valid gzip data \(Content-Encoding: gzip\)$"),
    "/endless": (_endless_chunked, r"^body larger than 10 MB$|^timed out: no complete response within 3\.0 s$"),
    "/trickle": (_trickle_body, r"^timed out: no complete response within 3\.0 s$"),
    "/trickle-headers": (_trickle_headers, r"^timed out: no complete response within 3\.0 s$"),
    "/headers": (_ten_thousand_headers, r"^invalid HTTP response from 127\.0\.0\.1:\d+: got more than 100 headers$"),
    "/not-http": (_not_http, r"^invalid HTTP response from 127\.0\.0\.1:\d+: .*SSH-2\.0"),
    "/to-file": (_redirect("file:///etc/passwd"), r"^redirect to non-http\(s\) URL refused: file:///etc/passwd$"),
    "/to-data": (_redirect("data:text/html,<p>root:x:0:0</p>"), r"^redirect to non-http\(s\) URL refused: data:"),
    "/to-metadata": (_redirect("http://169.254.169.254/latest/meta-data/"),
                     (r"^refused to connect to 169\.254\.169\.254: link-local or cloud-metadata address "
                      r"\(allow it with --allow-link-local\)$")),
}


@pytest.fixture(scope="module")
def faults():
    server = Loopback()
    server.routes.update({path: route for path, (route, _) in FAULTS.items()})
    server.routes["/page"] = _page
    yield server
    server.stop()


GEO = "The Strait of Hormuz, between Oman and Iran, connects the Persian Gulf with the Gulf of Oman."
GOOD_CLAIMS = {
    "flow": ("number", "about 21 million barrels per day of oil flowed through the strait",
             "21 million barrels per day"),
    "share": ("number", "about 21% of global petroleum liquids consumption", "about 21%"),
    "geo": ("statement", GEO, None),
    "destinations": ("statement", "China, India, Japan, South Korea and Singapore were the largest destinations",
                     None),
}


def write_claims(directory: Path, urls: dict[str, list[str]], sources: str = "") -> Path:
    """A claims file beside a copy of the article: the good claims cite ``urls["_good"]`` (and
    ``urls["_<id>"]`` besides), then one statement claim per other entry of ``urls``."""
    (directory / "article.md").write_text(ARTICLE, encoding="utf-8")
    lines = ["version: 1", "article:", "  path: article.md", "  published: 2019-06-20", sources.rstrip(), "claims:"]
    for cid, (ctype, text, expect) in GOOD_CLAIMS.items():
        lines += [f"  - id: {cid}", f"    type: {ctype}", f"    text: {json.dumps(text)}"]
        if expect:
            lines.append(f"    expect: {json.dumps(expect)}")
        sources = urls.get("_good", [])
        lines.append(f"    sources: {json.dumps(sources + urls.get('_' + cid, []))}")
    for cid, sources in urls.items():
        if not cid.startswith("_"):
            lines += [f"  - id: {cid}", "    type: statement", f"    text: {json.dumps(GEO)}",
                      f"    sources: {json.dumps(sources)}"]
    path = directory / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def verify_json(claims: Path, *args: str):
    result = CliRunner().invoke(main, ["verify", str(claims), "--format", "json", *args])
    assert "Traceback" not in result.output, result.output
    assert result.exit_code in (0, 1), (result.exit_code, result.output, result.exception)
    return result, json.loads(result.stdout)


def test_every_fault_is_an_error_on_its_source_and_the_other_claims_still_get_verdicts(faults, tmp_path):
    urls = {"_good": [faults.url("/page")], "_destinations": [faults.url("/reset")]}
    urls.update({"fault" + path.replace("/", "-"): [faults.url(path)] for path in FAULTS})
    claims = write_claims(tmp_path, urls)
    result, report = verify_json(claims, "--timeout", "1", "--cache-dir", str(tmp_path / "cache"))
    verdicts = {c["id"]: c for c in report["claims"]}
    assert [c["id"] for c in report["claims"]] == list(GOOD_CLAIMS) + [k for k in urls if not k.startswith("_")]
    for cid in GOOD_CLAIMS:  # nothing lost: every good claim checked, against the page
        assert verdicts[cid]["verdict"] == "supported", verdicts[cid]
    assert [e["status"] for e in verdicts["destinations"]["evidence"]] == ["supports", "error"]
    for path, (_, reason) in FAULTS.items():
        claim = verdicts["fault" + path.replace("/", "-")]
        (evidence,) = claim["evidence"]
        assert claim["verdict"] == "unverified" and evidence["status"] == "error", (path, claim)
        assert re.search(reason, evidence["error"]), (path, evidence["error"])
        assert "\n" not in evidence["error"] and len(evidence["error"]) < 200
    assert result.exit_code == 0


TITANIC_PAGE = """<html><head><title>RMS Titanic</title></head><body><article>
<h1>The loss of the Titanic</h1>
<p>RMS Titanic ſailed from Southampton on her maiden voyage on Aprıl 10, 1912.</p>
<p>She ſtruck an iceberg and ſank in the North Atlantic in the early hours of APRİL 15, 1912.</p>
<p>More than fıfteen hundred people died; the wreck was found on Sept. 1, 1985.</p>
</article></body></html>"""


def dated_claims(tmp_path, page: str, article: str, claims: list[tuple[str, str, str | None]],
                 published: str | None = None) -> tuple:
    """``verify --format json`` of date claims (id, text, expect or None) citing ``page`` on 127.0.0.1."""
    server = Loopback()
    try:
        url = server.page("/page", page)
        (tmp_path / "article.md").write_text(article, encoding="utf-8")
        lines = ["version: 1", "article:", "  path: article.md"] + ([f"  published: {published}"] if published else [])
        lines.append("claims:")
        for cid, text, expect in claims:
            lines += [f"  - id: {cid}", "    type: date", f"    text: {json.dumps(text)}",
                      *([f"    expect: {expect}"] if expect else []), f"    sources: [{json.dumps(url)}]"]
        (tmp_path / "claims.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return verify_json(tmp_path / "claims.yaml", "--cache-dir", str(tmp_path / "cache"))
    finally:
        server.stop()


def test_a_page_written_with_lookalike_letters_is_read_not_a_crash(tmp_path):
    claims = [("sailed", "sailed from Southampton on April 10, 1912", "1912-04-10"),
              ("sank", "It sank on April 15, 1912", "1912-04-15"),
              ("wreck", "Its wreck was found on September 1, 1985", "1985-09-01")]
    result, report = dated_claims(
        tmp_path, TITANIC_PAGE, "RMS Titanic sailed from Southampton on April 10, 1912. It sank on April 15, 1912.\n"
        "Its wreck was found on September 1, 1985.\n", claims, published="2012-04-15")
    assert {c["id"]: c["verdict"] for c in report["claims"]} == {cid: "supported" for cid, _, _ in claims}
    assert result.exit_code == 0


GAZETTE_PAGE = """<html><head><title>The Treaty of Paris</title></head><body><article>
<h1>The Treaty of Paris, 1783</h1>
<p>John Adams, Benjamin Franklin and John Jay ſigned the treaty in Paris on ſept. 3, 1783.</p>
<p>The Congreſs of the Confederation ratıfıed it in Annapolıs on Jan. 14, 1784.</p>
</article></body></html>"""


def test_lookalike_letters_neither_end_a_sentence_nor_hide_its_words(tmp_path):
    """A transcribed print's "ſept." is an abbreviation like "Sept.", and its "ratıfıed" the word "ratified":
    split at "ſept." the date's sentence was "3, 1783," and the page said nothing on the claim."""
    result, report = dated_claims(
        tmp_path, GAZETTE_PAGE, "The Treaty of Paris was signed on September 3, 1783.\n"
        "Congress ratified the treaty in Annapolis on January 14, 1784.\n",
        [("signed", "The Treaty of Paris was signed on September 3, 1783", None),
         ("ratified", "Congress ratified the treaty in Annapolis on January 14, 1784", None)])
    read = {c["id"]: (c["verdict"], c["evidence"][0]["value"]) for c in report["claims"]}
    assert read == {"signed": ("supported", "ſept. 3, 1783 (1783-09-03)"),  # not the headline's coarser "1783"
                    "ratified": ("supported", "Jan. 14, 1784 (1784-01-14)")}
    assert result.exit_code == 0


# == 4. the cache ==================================================================================

WRITER = """
import hashlib, sys, time
from pathlib import Path
from factcheck.fetch.cache import DiskCache, Entry
cache, page, urls = DiskCache(Path(sys.argv[1])), Path(sys.argv[2]).read_bytes(), sys.argv[3:]
n = 0
while True:  # rewrite every entry, each time with a different 2 MB body, until killed
    for url in urls:
        body = page + b"<!-- version %d " % n + b"p" * 2_000_000 + b" -->"
        headers = {"content-type": "text/html; charset=utf-8", "cache-control": "max-age=3600"}
        cache.put(Entry(url, url, 200, headers, time.time(), hashlib.sha256(body).hexdigest(), body))
        n += 1
    if n == len(urls):
        print("ready", flush=True)
"""


def test_sigkill_while_writing_leaves_a_cache_the_next_run_uses(faults, tmp_path):
    """A writer that does nothing but write cache entries, killed at seeded random moments:
    after each kill a run that may only use the cache gets every verdict from it. The cache
    lives on tmpfs when there is one: on ext4 a rename over a file waits for the data to be
    written, and SIGKILL would nearly always land there, after the entry is complete."""
    rng = random.Random(7)
    (tmp_path / "page.html").write_bytes(PAGE)
    urls = [faults.url(f"/page?entry={i}") for i in range(4)]
    claims = write_claims(tmp_path, {"_good": urls[:1], "_share": urls[1:2], "_geo": urls[2:3],
                                     "_destinations": urls[3:]})
    shm = Path("/dev/shm")
    cache = Path(tempfile.mkdtemp(dir=shm)) if shm.is_dir() else tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    kills = orphans = 0
    try:
        while kills < 5 or (orphans < 1 and kills < 20):
            child = subprocess.Popen([sys.executable, "-c", WRITER, str(cache), str(tmp_path / "page.html"), *urls],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            assert child.stdout.readline() == b"ready\n", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.1))
            child.kill()  # SIGKILL, this child only
            child.wait(timeout=10)
            child.stdout.close()
            child.stderr.close()
            kills += 1
            orphans += len(list(cache.rglob(".tmp-*")))
            result, report = verify_json(claims, "--offline", "--cache-dir", str(cache))  # whole entries only
            assert result.exit_code == 0 and "warning" not in result.stderr
            assert {c["verdict"] for c in report["claims"]} == {"supported"}
            assert {e["via"] for c in report["claims"] for e in c["evidence"]} == {"cache"}
            assert not list(cache.rglob(".tmp-*"))  # what the killed writer left was swept
        result, report = verify_json(claims, "--refresh", "--cache-dir", str(cache))  # a live run rewrites all
        assert {c["verdict"] for c in report["claims"]} == {"supported"} and "warning" not in result.stderr
        assert {e["via"] for c in report["claims"] for e in c["evidence"]} == {"network"}
    finally:
        if cache.parent == shm:
            shutil.rmtree(cache, ignore_errors=True)
    print(f"{kills} kills, {orphans} temporary files orphaned mid-write and swept")
    if cache.parent == shm:
        assert orphans >= 1  # the kills did land while writing


def test_a_temporary_file_of_a_dead_process_is_swept_and_a_live_ones_kept(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True)
    bucket = tmp_path / "http-v1" / "ab"
    bucket.mkdir(parents=True)
    (bucket / f".tmp-{dead.stdout.strip()}-x1").write_bytes(b'{"url": "half')
    (bucket / f".tmp-{os.getpid()}-x2").write_bytes(b"mine, being written")
    assert DiskCache(tmp_path).sweep() == 1
    assert [p.name for p in bucket.iterdir()] == [f".tmp-{os.getpid()}-x2"]


def test_unwritable_cache_dir_warns_and_runs_without_cache(faults, tmp_path):
    claims = write_claims(tmp_path, {"_good": [faults.url("/page")]})
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    result = CliRunner().invoke(main, ["verify", str(claims), "--format", "json",
                                       "--cache-dir", str(blocker / "cache")])
    assert result.exit_code == 0, result.output
    assert {c["verdict"] for c in json.loads(result.stdout)["claims"]} == {"supported"}
    (warning,) = [line for line in result.stderr.splitlines() if "warning" in line]
    assert warning.startswith(f"factcheck: warning: cache directory {blocker / 'cache'} cannot be written (")
    assert warning.endswith("); this run continues without caching")
    assert blocker.read_text() == "a file where the cache directory should be"


def test_two_runs_at_once_on_one_cache_both_report_correctly(faults, tmp_path):
    urls = {"_good": [faults.url("/page?copy=1")], "_geo": [faults.url("/page?copy=2")],
            "_share": [faults.url("/page?copy=3")]}
    claims = write_claims(tmp_path, urls)
    cmd = [sys.executable, "-m", "factcheck", "verify", str(claims), "--format", "json", "--refresh", "--timeout", "2"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
             for _ in range(2)]
    outs = [p.communicate(timeout=30) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    for out, err in outs:
        assert "Traceback" not in err and "warning" not in err
        assert {c["id"]: c["verdict"] for c in json.loads(out)["claims"]} == dict.fromkeys(GOOD_CLAIMS, "supported")
    _result, report = verify_json(claims, "--offline")  # the shared cache serves a third run alone
    assert {c["verdict"] for c in report["claims"]} == {"supported"}
    assert {e["via"] for c in report["claims"] for e in c["evidence"]} == {"cache"}
    assert not list((tmp_path / ".factcheck-cache").rglob(".tmp-*"))


# == 5. safety in CI ===============================================================================

@pytest.fixture
def project(tmp_path):
    """tmp/project holds the claims file; tmp/outside a secret and a page it must not read."""
    outside, inside = tmp_path / "outside", tmp_path / "project"
    outside.mkdir()
    inside.mkdir()
    (outside / "secret.txt").write_bytes((FIXTURES / "secret.txt").read_bytes())
    (outside / "page.html").write_bytes(PAGE)
    (outside / "article.md").write_text(ARTICLE, encoding="utf-8")
    (inside / "page.html").write_bytes(PAGE)
    (inside / "sub").mkdir()
    (inside / "sub" / "page.html").write_bytes(PAGE)
    (inside / "link-out.html").symlink_to(outside / "secret.txt")
    (inside / "link-in.html").symlink_to(inside / "sub" / "page.html")
    return inside


OUTSIDE = "is outside the claims file's directory (allow it with --allow-path)"


def test_local_sources_are_confined_to_the_claims_files_tree(project):
    secret = project.parent / "outside" / "secret.txt"
    claims = write_claims(project, {
        "_good": ["page.html"], "_geo": ["sub/page.html", "link-in.html"],
        "absolute": [str(secret)], "dotdot": ["../outside/page.html"], "symlink": ["link-out.html"],
        "dotdot-inside": ["sub/../page.html"], "etc-passwd": ["passwd"],
    }, sources="sources:\n  passwd:\n    url: https://example.org/passwd\n    archive: /etc/passwd\n")
    result, report = verify_json(claims, "--offline")
    verdicts = {c["id"]: c for c in report["claims"]}
    for cid in GOOD_CLAIMS:
        assert verdicts[cid]["verdict"] == "supported"
    assert verdicts["dotdot-inside"]["verdict"] == "supported"
    assert verdicts["absolute"]["evidence"][0]["error"] == f"source {secret} {OUTSIDE}"
    assert verdicts["dotdot"]["evidence"][0]["error"] == f"source {project.parent / 'outside' / 'page.html'} {OUTSIDE}"
    assert verdicts["symlink"]["evidence"][0]["error"] == f"source {project / 'link-out.html'} {OUTSIDE}"
    assert verdicts["etc-passwd"]["evidence"][0]["error"] == f"archive /etc/passwd {OUTSIDE}"
    assert SECRET not in result.output and "root:" not in result.output
    # an explicit --allow-path opens exactly that directory
    _, allowed = verify_json(claims, "--offline", "--allow-path", str(project.parent / "outside"))
    allowed = {c["id"]: c for c in allowed["claims"]}
    assert allowed["dotdot"]["verdict"] == "supported"
    assert allowed["etc-passwd"]["evidence"][0]["error"] == f"archive /etc/passwd {OUTSIDE}"


def test_the_article_path_is_confined_too(project):
    claims = write_claims(project, {"_good": ["page.html"]})
    claims.write_text(claims.read_text().replace("path: article.md", "path: ../outside/article.md"))
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline"])
    assert result.exit_code == 2
    assert result.output.strip() == (f"factcheck: error: {claims}: article.path: article "
                                     f"{project.parent / 'outside' / 'article.md'} {OUTSIDE}")
    ok = CliRunner().invoke(main, ["verify", str(claims), "--offline", "--allow-path", str(project.parent / "outside")])
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize("address, refused", [
    ("169.254.169.254", True), ("169.254.0.1", True), ("fe80::1", True), ("fe80::1%eth0", True),
    ("fd00:ec2::254", True), ("::ffff:169.254.169.254", True), ("64:ff9b::a9fe:a9fe", True),
    ("127.0.0.1", False), ("::1", False), ("10.0.0.1", False), ("192.168.1.1", False), ("8.8.8.8", False),
    ("fd00:ec2::253", False), ("not an address", False),
])
def test_link_local_and_metadata_addresses(address, refused):
    assert link_local(address) is refused


def test_metadata_addresses_are_refused_before_any_connection(faults, tmp_path):
    claims = write_claims(tmp_path, {
        "_good": [faults.url("/page")],
        "aws-v4": ["http://169.254.169.254/latest/meta-data/iam/security-credentials/"],
        "aws-v6": ["http://[fd00:ec2::254]/latest/meta-data/"],
        "mapped": ["http://[::ffff:169.254.169.254]/"],
        "decimal": ["http://2852039166/"], "hex": ["http://0xa9fea9fe/"],
        "redirect": [faults.url("/to-metadata")],
    })
    _result, report = verify_json(claims, "--timeout", "1", "--cache-dir", str(tmp_path / "cache"))
    verdicts = {c["id"]: c for c in report["claims"]}
    assert {cid: verdicts[cid]["verdict"] for cid in GOOD_CLAIMS} == dict.fromkeys(GOOD_CLAIMS, "supported")
    for cid in ("aws-v4", "aws-v6", "mapped", "decimal", "hex", "redirect"):
        error = verdicts[cid]["evidence"][0]["error"]
        assert error.startswith("refused to connect to ") and error.endswith(
            ": link-local or cloud-metadata address (allow it with --allow-link-local)"), error


def test_allow_link_local_reaches_the_fetcher(tmp_path):
    claims = write_claims(tmp_path, {})
    from factcheck.claims import load_claims
    assert Checker(load_claims(claims), Options(allow_link_local=True)).fetcher.allow_link_local is True
    assert Checker(load_claims(claims), Options()).fetcher.allow_link_local is False


def _with_cookies(conn):
    respond(conn, PAGE, Set_Cookie="session=SECRET-COOKIE-VALUE; HttpOnly", X_Api_Key="SECRET-HEADER-VALUE",
            Authorization="Bearer SECRET-TOKEN")


def test_reports_and_cache_never_carry_response_headers(faults, tmp_path):
    faults.routes["/cookies"] = _with_cookies
    claims = write_claims(tmp_path, {"_good": [faults.url("/cookies")]})
    outputs = [tmp_path / n for n in ("r.json", "r.md", "r.html", "r.xml", "r.sarif", "r.txt")]
    args = ["verify", str(claims), "-vv", "--cache-dir", str(tmp_path / "cache")]
    for path in outputs:
        args += ["-o", str(path)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    everything = result.output + "".join(p.read_text(encoding="utf-8") for p in outputs)
    everything += "".join(p.read_bytes().decode("latin-1") for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert "SECRET" not in everything and "Set-Cookie" not in everything.title()


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system", "!!python/object/new:os.system",
                                 "!!python/name:os.system", "!!python/module:os"])
def test_yaml_never_constructs_objects(tmp_path, tag):
    marker = tmp_path / "pwned"
    claims = write_claims(tmp_path, {})
    claims.write_text(claims.read_text() + f"extra: {tag} [\"touch {marker}\"]\n")
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "tag" in result.output and not marker.exists()


# == 6. output never half-written; Ctrl-C ==========================================================

def test_unwritable_report_target_is_exit_2_and_leaves_no_temporary_file(tmp_path):
    claims = write_claims(tmp_path, {"_good": ["page.html"]})
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "blocker").write_text("a file, not a directory")
    for target, reason in ((tmp_path / "blocker" / "r.json", "Not a directory"),
                           (tmp_path / "missing" / "r.json", "No such file or directory")):
        result = CliRunner().invoke(main, ["verify", str(claims), "--offline", "-o", str(target)])
        assert result.exit_code == 2
        assert result.output.strip() == f"factcheck: error: {target}: cannot write report: {reason}"
    written = sorted(p.name for p in tmp_path.iterdir() if p.name != ".factcheck-cache")  # the cache is not output
    assert written == ["article.md", "blocker", "claims.yaml", "page.html"]


def test_a_failing_render_writes_no_report_at_all(tmp_path, monkeypatch):
    import factcheck.reports.html
    claims = write_claims(tmp_path, {"_good": ["page.html"]})
    (tmp_path / "page.html").write_bytes(PAGE)
    (tmp_path / "old.json").write_text("previous report")

    def broken(report, **options):
        raise RuntimeError("injected render failure")

    monkeypatch.setattr(factcheck.reports.html, "render", broken)
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline", "-o", str(tmp_path / "old.json"),
                                       "-o", str(tmp_path / "r.html")])
    assert isinstance(result.exception, RuntimeError)
    assert (tmp_path / "old.json").read_text() == "previous report"  # untouched: renders come before writes
    assert not (tmp_path / "r.html").exists() and not list(tmp_path.glob(".*.tmp"))


def test_reports_replace_old_ones_whole_even_with_a_lone_surrogate(tmp_path):
    claims = write_claims(tmp_path, {"_good": ["page.html"]})
    (tmp_path / "page.html").write_bytes(PAGE)
    claims.write_text(claims.read_text() + '  - id: odd\n    type: statement\n    text: "connects the Persian Gulf\\ud800"\n')
    outputs = [tmp_path / n for n in ("r.json", "r.md", "r.html", "r.xml", "r.sarif")]
    outputs[0].write_text("old")
    args = ["verify", str(claims), "--offline", "-v"] + [a for p in outputs for a in ("-o", str(p))]
    result = CliRunner().invoke(main, args)
    assert "Traceback" not in result.output and not list(tmp_path.glob(".*.tmp")), result.output
    if result.exit_code == 2:  # once the loader refuses lone surrogates: no report at all
        assert outputs[0].read_text() == "old" and not any(p.exists() for p in outputs[1:])
    else:
        assert result.exit_code == 0, result.output
        assert json.loads(outputs[0].read_text())["summary"]["total"] == 5
        assert all(p.stat().st_size > 0 for p in outputs)


def test_write_atomically_writes_what_utf8_cannot_carry_as_an_escape(tmp_path):
    from factcheck.output import Report, write_reports
    target = tmp_path / "r.md"
    write_reports([Report(target, "Gulf\ud800 – done\n")])
    assert target.read_text(encoding="utf-8") == "Gulf\\ud800 – done\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]


def _hang(conn):
    time.sleep(20)


def test_ctrl_c_prints_what_was_checked_and_exits_130(faults, tmp_path):
    faults.routes["/hang"] = _hang
    (tmp_path / "page.html").write_bytes(PAGE)
    claims = write_claims(tmp_path, {"_good": ["page.html"], "_share": [faults.url("/hang")]})
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    faults.hit.clear()
    before = faults.hits["/hang"]
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "verify", str(claims), "--timeout", "10",
                             "-o", str(tmp_path / "report.json")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=tmp_path)
    deadline = time.monotonic() + 10
    while faults.hits["/hang"] == before and time.monotonic() < deadline:
        faults.hit.wait(0.05)
    time.sleep(3.0)  # /hang is fetched ahead and hangs for 20 s: the wait only lets the first claim be judged
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)  # a hang guard: the source hangs for 20 s, the run must not wait
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert err.strip().splitlines()[-1] == "factcheck: interrupted: 1 of 4 claims checked"
    assert out.splitlines()[0].startswith("article.md:") and " flow: " in out.splitlines()[0]
    assert out.splitlines()[-1].startswith("1 claims: 1 supported")
    assert not (tmp_path / "report.json").exists() and not list(tmp_path.glob(".*.tmp"))
