"""The claims-file loader: a good file loads exactly; every defect is one located ClaimsError."""

from __future__ import annotations

import copy
import os
import pickle
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck import claims as claims_module
from factcheck import settings as limits
from factcheck.claims import ClaimsError, load_claims, parse_claims
from factcheck.claimtypes import typed
from factcheck.cli import main
from factcheck.model import ArticleSpec, Claim, ClaimsFile, ClaimType, SourceSpec

FIXTURES = ROOT / "fixtures" / "claims"
GOOD = FIXTURES / "good.yaml"
PAGES = ROOT / "fixtures" / "pages"

LAVRENTIEV = SourceSpec(
    key="lavrentiev",
    url="https://en.wikipedia.org/wiki/Alexander_Lavrentiev",
    archive=PAGES / "lavrentiev.html",
    selector="#mw-content-text",
)
KREMLIN = SourceSpec(key="kremlin-address-2016", url="http://en.kremlin.ru/events/president/news/53379")

EXPECTED_GOOD = ClaimsFile(
    path=GOOD,
    article=ArticleSpec(path=ROOT / "seeds" / "000_cfcb191671b4f14f.txt", published=date(2017, 2, 8)),
    sources={"lavrentiev": LAVRENTIEV, "kremlin-address-2016": KREMLIN},
    claims=(
        Claim(
            id="envoy-name",
            type=ClaimType.NAME,
            text="Special Envoy Alexandre Laventieve",
            expect="Alexander Lavrentiev",
            aliases=("Alexander Lavrentyev", "Aleksandr Lavrentyev"),
            sources=(LAVRENTIEV,),
            note="Putin's special envoy for Syria",
            line=13,
        ),
        Claim(
            id="ozerov-name",
            type=ClaimType.NAME,
            text="the Committee's chairman Viktor Ozerov",
            expect="Viktor Ozerov",
            sources=(
                SourceSpec(
                    key="https://en.wikipedia.org/wiki/Viktor_Ozerov", url="https://en.wikipedia.org/wiki/Viktor_Ozerov"
                ),
            ),
            line=20,
        ),
        Claim(
            id="putin-address-date",
            type=ClaimType.DATE,
            text="Last December President Putin expressed this view",
            expect="2016-12",
            sources=(KREMLIN,),
            line=26,
        ),
        Claim(
            id="previous-concept-year",
            type=ClaimType.DATE,
            text="the previous one made public in 2013",
            expect="2013",
            accepted="the 2013 concept is referred to by its year only",
            line=31,
        ),
        Claim(
            id="hormuz-share",
            type=ClaimType.NUMBER,
            text="almost one fourth of world oil supplies pass",
            expect="about 20%",
            tolerance="10%",
            sources=(
                SourceSpec(
                    key="https://www.eia.gov/todayinenergy/detail.php?id=39932",
                    url="https://www.eia.gov/todayinenergy/detail.php?id=39932",
                    archive=PAGES / "eia-hormuz.html",
                ),
                SourceSpec(key="../pages/hormuz-notes.txt", archive=PAGES / "hormuz-notes.txt"),
            ),
            line=36,
        ),
        Claim(
            id="putin-quote",
            type=ClaimType.QUOTE,
            text="We aren't seeking a confrontation with anyone. We aren't seeking enemies, we need friends.",
            sources=(
                KREMLIN,
                SourceSpec(
                    key="../pages/kremlin_address_2016.html",
                    archive=PAGES / "kremlin_address_2016.html",
                    selector="article",
                ),
            ),
            line=45,
        ),
        Claim(
            id="s300",
            type=ClaimType.STATEMENT,
            text="Russia supplied Iran with the S-300 missile system",
            line=52,
        ),
    ),
)
EXPECTED_GOOD = replace(EXPECTED_GOOD, claims=tuple(typed(c) for c in EXPECTED_GOOD.claims))  # expect parsed at load


def test_good_file_loads_exactly():
    assert load_claims(GOOD) == EXPECTED_GOOD


def test_good_file_with_bom_and_crlf_loads_the_same():
    data = b"\xef\xbb\xbf" + GOOD.read_bytes().replace(b"\n", b"\r\n")
    assert parse_claims(data, GOOD) == EXPECTED_GOOD
    assert parse_claims(data.decode("utf-8"), GOOD) == EXPECTED_GOOD


def test_path_is_kept_as_given_and_relative_paths_follow_the_claims_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    text = "version: 1\narticle:\n  path: ../story.md\nclaims: []\n"
    loaded = parse_claims(text, "desk/claims.yaml")
    assert loaded.path == Path("desk/claims.yaml")
    assert loaded.article.path == tmp_path / "story.md"
    assert loaded.claims == ()


def test_lenient_forms_that_mean_what_they_say():
    text = """\
version: 1
article:
  url: https://example.org/story
  published: "2017-02-08"
claims:
  - id: year
    type: date
    text: in 2013
    expect: 2013
  - id: day
    type: date
    text: &anchored February 4
    expect: 2017-02-04
  - id: count
    type: number
    text: six-day visit
    expect: 6
    tolerance: 1
"""
    loaded = parse_claims(text, "/newsroom/claims.yaml")
    assert loaded.article == ArticleSpec(url="https://example.org/story", published=date(2017, 2, 8))
    assert [(c.id, c.expect, c.tolerance) for c in loaded.claims] == [
        ("year", "2013", None),
        ("day", "2017-02-04", None),
        ("count", "6", "1"),
    ]
    assert [c.line for c in loaded.claims] == [6, 10, 14]


HEAD = "version: 1\narticle:\n  path: a.txt\nclaims:\n"  # claims start at line 5


def one(claim_lines: str) -> str:
    return HEAD + claim_lines


BAD = [
    # (case id, text, line, key, phrase)
    ("empty", "# nothing\n", None, None, "empty claims file"),
    ("top-level-list", "- version: 1\n", 1, None, "expected a mapping with version, article and claims"),
    ("top-level-scalar", "just words\n", 1, None, "expected a mapping"),
    ("not-yaml", "version: 1\narticle: [a.txt\nclaims: []\n", 3, None, "not valid YAML: expected ',' or ']'"),
    ("tab-indent", "version: 1\narticle:\n\tpath: a.txt\n", 3, None, "not valid YAML"),
    ("two-documents", HEAD + "  []\n---\nversion: 1\n", 6, None, "expected a single document"),
    ("version-missing", "article:\n  path: a.txt\nclaims: []\n", 1, "version", "missing required key 'version'"),
    ("version-2", "version: 2\narticle:\n  path: a.txt\nclaims: []\n", 1, "version", "unsupported version 2"),
    ("version-string", 'claims: []\nversion: "1"\narticle: {path: a.txt}\n', 2, "version", "unsupported version '1'"),
    ("version-list", "version: [1]\n", 1, "version", "unsupported version a list"),
    ("unknown-top-key", HEAD + "  []\nauthor: me\n", 6, "author", "unknown key 'author'"),
    ("misspelled-top-key", "version: 1\narticle: {path: a.txt}\nclaim: []\n", 3, "claim", "did you mean 'claims'?"),
    ("article-missing", "version: 1\nclaims: []\n", 1, "article", "missing required key 'article'"),
    ("claims-missing", "version: 1\narticle: {path: a.txt}\n", 1, "claims", "missing required key 'claims'"),
    ("claims-not-list", HEAD + "  id: a\n", 5, "claims", "expected a list of claims, got a mapping"),
    ("claims-null", HEAD, 4, "claims", "expected a list of claims, got nothing"),
    ("published-empty", "version: 1\narticle:\n  path: a.txt\n  published:\nclaims: []\n", 4, "article.published", "expected an ISO date (YYYY-MM-DD), got nothing"),
    ("expect-empty", one("  - id: a\n    type: name\n    text: x\n    expect:\n"), 8, "claims[0].expect", "expected a string, got nothing"),
    ("article-not-mapping", "version: 1\narticle: a.txt\nclaims: []\n", 2, "article", "expected a mapping with path: or url:"),
    (
        "article-path-and-url",
        "version: 1\narticle:\n  path: a.txt\n  url: https://example.org/a\nclaims: []\n",
        4,
        "article",
        "not both",
    ),
    ("article-neither", "version: 1\narticle:\n  published: 2017-02-08\nclaims: []\n", 3, "article", "needs 'path'"),
    ("article-unknown-key", "version: 1\narticle:\n  path: a.txt\n  title: X\nclaims: []\n", 4, "article.title", "unknown key 'title'"),
    ("article-url-ftp", "version: 1\narticle:\n  url: ftp://example.org/a\nclaims: []\n", 3, "article.url", "scheme 'ftp:'"),
    ("article-url-no-host", "version: 1\narticle:\n  url: https:///a\nclaims: []\n", 3, "article.url", "has no host"),
    ("article-url-not-url", "version: 1\narticle:\n  url: example.org/a\nclaims: []\n", 3, "article.url", "is not a URL"),
    ("article-path-is-url", "version: 1\narticle:\n  path: https://example.org/a\nclaims: []\n", 3, "article.path", "is a URL, not a local path"),
    ("article-path-file-url", "version: 1\narticle:\n  path: file:///etc/passwd\nclaims: []\n", 3, "article.path", "scheme 'file:'"),
    ("article-path-list", "version: 1\narticle:\n  path: [a.txt]\nclaims: []\n", 3, "article.path", "expected a string, got a list"),
    ("article-path-nul", 'version: 1\narticle:\n  path: "a\\0.txt"\nclaims: []\n', 3, "article.path", "control characters"),
    (
        "published-words",
        "version: 1\narticle:\n  path: a.txt\n  published: Feb 8 2017\nclaims: []\n",
        4,
        "article.published",
        "'Feb 8 2017' is not an ISO date",
    ),
    (
        "published-impossible",
        "version: 1\narticle:\n  path: a.txt\n  published: 2017-02-30\nclaims: []\n",
        4,
        "article.published",
        "'2017-02-30' is not a valid date",
    ),
    (
        "published-datetime",
        "version: 1\narticle:\n  path: a.txt\n  published: 2017-02-08T10:00:00Z\nclaims: []\n",
        4,
        "article.published",
        "is not an ISO date (YYYY-MM-DD)",
    ),
    ("published-number", "version: 1\narticle:\n  path: a.txt\n  published: 2017\nclaims: []\n", 4, "article.published", "'2017' is not an ISO date"),
    ("claim-not-mapping", one("  - just words\n"), 5, "claims[0]", "expected a mapping (a claim with id, type, text)"),
    ("claim-missing-id", one("  - type: statement\n    text: x\n"), 5, "claims[0].id", "missing required key 'id'"),
    ("claim-missing-type", one("  - id: a\n    text: x\n"), 5, "claims[0].type", "missing required key 'type'"),
    ("claim-missing-text", one("  - id: a\n    type: statement\n"), 5, "claims[0].text", "missing required key 'text'"),
    ("id-number", one("  - id: 42\n    type: statement\n    text: x\n"), 5, "claims[0].id", "expected a string, got an integer"),
    ("id-bad-chars", one("  - id: envoy name\n    type: statement\n    text: x\n"), 5, "claims[0].id", "may use only letters, digits"),
    (
        "id-duplicate",
        one("  - id: a\n    type: statement\n    text: x\n  - type: statement\n    text: y\n    id: a\n"),
        10,
        "claims[1].id",
        "duplicate id 'a' (first at line 5)",
    ),
    ("type-unknown", one("  - id: a\n    type: nme\n    text: x\n"), 6, "claims[0].type", "unknown type 'nme' (expected one of: name, date"),
    ("text-empty", one('  - id: a\n    type: statement\n    text: ""\n'), 7, "claims[0].text", "must not be empty"),
    ("text-list", one("  - id: a\n    type: statement\n    text: [x]\n"), 7, "claims[0].text", "expected a string, got a list"),
    (
        "expect-bad-date",
        one("  - id: a\n    type: date\n    text: x\n    expect: Feb 30 2017\n"),
        8,
        "claims[0].expect",
        "'Feb 30 2017' is not a date (ISO date, YYYY-MM or year)",
    ),
    ("expect-bad-number", one("  - id: a\n    type: number\n    text: x\n    expect: lots\n"), 8, "claims[0].expect", "'lots' is not a number"),
    ("expect-boolean", one("  - id: a\n    type: name\n    text: x\n    expect: yes\n"), 8, "claims[0].expect", "got a boolean (put it in quotes)"),
    (
        "tolerance-on-name",
        one("  - id: a\n    type: name\n    text: x\n    expect: X\n    tolerance: 10%\n"),
        9,
        "claims[0].tolerance",
        "'tolerance' is only for number claims, not name",
    ),
    (
        "tolerance-bad",
        one("  - id: a\n    type: number\n    text: x\n    expect: 20%\n    tolerance: wide\n"),
        9,
        "claims[0].tolerance",
        "'wide' is not a tolerance",
    ),
    (
        "aliases-on-date",
        one("  - id: a\n    type: date\n    text: x\n    expect: 2013\n    aliases: [x]\n"),
        9,
        "claims[0].aliases",
        "'aliases' is only for name claims, not date",
    ),
    (
        "aliases-not-list",
        one("  - id: a\n    type: name\n    text: x\n    expect: X\n    aliases: Y\n"),
        9,
        "claims[0].aliases",
        "expected a list of strings, got a string",
    ),
    (
        "aliases-item-list",
        one("  - id: a\n    type: name\n    text: x\n    expect: X\n    aliases:\n      - Y\n      - [Z]\n"),
        11,
        "claims[0].aliases[1]",
        "expected a string, got a list",
    ),
    ("claim-unknown-key", one("  - id: a\n    type: name\n    text: x\n    expcet: X\n"), 8, "claims[0].expcet", "did you mean 'expect'?"),
    ("note-list", one("  - id: a\n    type: statement\n    text: x\n    note: [a]\n"), 8, "claims[0].note", "expected a string, got a list"),
    (
        "accepted-boolean",
        one("  - id: a\n    type: statement\n    text: x\n    accepted: true\n"),
        8,
        "claims[0].accepted",
        "expected a string (the reason it is accepted), got a boolean",
    ),
    (
        "sources-not-list",
        one("  - id: a\n    type: statement\n    text: x\n    sources: https://example.org/\n"),
        8,
        "claims[0].sources",
        "expected a list of sources, got a string",
    ),
    (
        "source-unknown-name",
        one("  - id: a\n    type: statement\n    text: x\n    sources: [lavrentiev]\n"),
        8,
        "claims[0].sources[0]",
        "unknown source 'lavrentiev' (not defined under sources:, not a URL)",
    ),
    (
        "source-javascript",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - https://example.org/\n      - javascript:alert(1)\n"),
        10,
        "claims[0].sources[1]",
        "scheme 'javascript:' is not allowed",
    ),
    (
        "source-file-url",
        one("  - id: a\n    type: statement\n    text: x\n    sources: [file:///etc/passwd]\n"),
        8,
        "claims[0].sources[0]",
        "scheme 'file:' is not allowed",
    ),
    (
        "source-data-url",
        one("  - id: a\n    type: statement\n    text: x\n    sources: ['data:text/html,<script>x</script>']\n"),
        8,
        "claims[0].sources[0]",
        "scheme 'data:'",
    ),
    ("source-mailto", one("  - id: a\n    type: statement\n    text: x\n    sources: [mailto:desk@example.org]\n"), 8, "claims[0].sources[0]", "scheme 'mailto:'"),
    ("source-ftp", one("  - id: a\n    type: statement\n    text: x\n    sources: [ftp://example.org/x]\n"), 8, "claims[0].sources[0]", "scheme 'ftp:'"),
    ("source-no-host", one("  - id: a\n    type: statement\n    text: x\n    sources: ['http://']\n"), 8, "claims[0].sources[0]", "has no host"),
    (
        "source-url-space",
        one("  - id: a\n    type: statement\n    text: x\n    sources: ['https://exa mple.org/']\n"),
        8,
        "claims[0].sources[0]",
        "contains white space",
    ),
    (
        "source-bad-port",
        one("  - id: a\n    type: statement\n    text: x\n    sources: ['https://example.org:99999/']\n"),
        8,
        "claims[0].sources[0]",
        "is not a valid URL",
    ),
    (
        "source-schemeless",
        one("  - id: a\n    type: statement\n    text: x\n    sources: [www.example.org/page]\n"),
        8,
        "claims[0].sources[0]",
        "looks like a URL without http:// or https://",
    ),
    (
        "source-padded",
        one("  - id: a\n    type: statement\n    text: x\n    sources: [' file:///etc/passwd']\n"),
        8,
        "claims[0].sources[0]",
        "leading or trailing white space",
    ),
    (
        "source-number",
        one("  - id: a\n    type: statement\n    text: x\n    sources: [42]\n"),
        8,
        "claims[0].sources[0]",
        "expected a source name, URL, path or mapping, got an integer",
    ),
    (
        "source-mapping-selector-only",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - selector: main\n"),
        9,
        "claims[0].sources[0]",
        "a source needs 'url' or 'archive'",
    ),
    (
        "source-mapping-unknown-key",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - url: https://example.org/\n        href: x\n"),
        10,
        "claims[0].sources[0].href",
        "unknown key 'href'",
    ),
    (
        "source-archive-is-url",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - archive: https://example.org/\n"),
        9,
        "claims[0].sources[0].archive",
        "is a URL, not a local path",
    ),
    (
        "source-archive-file-scheme",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - archive: file:///etc/passwd\n"),
        9,
        "claims[0].sources[0].archive",
        "scheme 'file:'",
    ),
    (
        "source-url-javascript",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - url: javascript:alert(1)\n"),
        9,
        "claims[0].sources[0].url",
        "scheme 'javascript:'",
    ),
    (
        "source-bad-selector",
        one("  - id: a\n    type: statement\n    text: x\n    sources:\n      - url: https://example.org/\n        selector: 'div[['\n"),
        10,
        "claims[0].sources[0].selector",
        "invalid CSS selector 'div[['",
    ),
    ("named-sources-list", "version: 1\narticle: {path: a.txt}\nsources:\n  - x\nclaims: []\n", 4, "sources", "expected a mapping of source names"),
    (
        "named-source-bad-name",
        "version: 1\narticle: {path: a.txt}\nsources:\n  the report: https://example.org/\nclaims: []\n",
        4,
        "sources.the report",
        "may use only letters, digits",
    ),
    (
        "named-source-ftp",
        "version: 1\narticle: {path: a.txt}\nsources:\n  report: ftp://example.org/\nclaims: []\n",
        4,
        "sources.report",
        "scheme 'ftp:'",
    ),
    (
        "named-source-bare-word",
        "version: 1\narticle: {path: a.txt}\nsources:\n  report: elsewhere\nclaims: []\n",
        4,
        "sources.report",
        "neither an http(s) URL nor a local path",
    ),
    (
        "named-source-unknown-key",
        "version: 1\narticle: {path: a.txt}\nsources:\n  report:\n    url: https://example.org/\n    title: X\nclaims: []\n",
        6,
        "sources.report.title",
        "unknown key 'title'",
    ),
    (
        "named-source-no-url",
        "version: 1\narticle: {path: a.txt}\nsources:\n  report:\n    selector: main\nclaims: []\n",
        5,
        "sources.report",
        "needs 'url' or 'archive'",
    ),
    (
        "duplicate-key",
        one("  - id: a\n    type: statement\n    type: name\n    text: x\n"),
        7,
        "claims[0].type",
        "duplicate key 'type' (first at line 6)",
    ),
    ("merge-key", "base: &b {version: 1}\n<<: *b\n", 2, None, "YAML aliases (*b) are not allowed"),
    ("merge-key-inline", "<<: {version: 1}\narticle: {path: a.txt}\nclaims: []\n", 1, None, "merge keys '<<' are not allowed"),
    ("alias", one("  - id: a\n    type: statement\n    text: &t x\n    note: *t\n"), 8, None, "YAML aliases (*t) are not allowed"),
    (
        "python-tag",
        one("  - id: a\n    type: statement\n    text: !!python/object/apply:os.system ['true']\n"),
        7,
        "claims[0].text",
        "YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    ("python-tag-top", "!!python/object:builtins.dict {}\n", 1, None, "YAML tag '!!python/object:builtins.dict'"),
    ("local-tag", one("  - id: a\n    type: !type statement\n    text: x\n"), 6, "claims[0].type", "YAML tag '!type' is not allowed"),
    ("binary-tag", one("  - id: a\n    type: statement\n    text: !!binary aGk=\n"), 7, "claims[0].text", "YAML tag '!!binary'"),
    ("set-tag", one("  - id: a\n    type: statement\n    text: !!set {x}\n"), 7, "claims[0].text", "YAML tag '!!set'"),
    ("str-tag-on-mapping", one("  - !!str {id: a}\n"), 5, "claims[0]", "YAML tag '!!str' is not allowed"),
    ("complex-key", "? [a, b]\n: c\n", 1, None, "keys must be plain strings, got a list"),
    ("nul-character", b"version: 1\narticle:\n  path: a\x00.txt\n", 3, None, "character U+0000 is not allowed"),
    ("not-utf8", b"version: 1\narticle:\n  path: caf\xe9.txt\n", 3, None, "not UTF-8 (byte 0xe9)"),
    ("utf16", "version: 1\n".encode("utf-16"), 1, None, "not UTF-8 (byte 0xff)"),
    ("deep-flow", "x: " + "[" * 5000 + "]" * 5000 + "\n", 1, None, "nesting deeper than 40 levels"),
    ("deep-block", "".join("  " * i + f"k{i}:\n" for i in range(60)), 40, None, "nesting deeper than 40 levels"),
]


@pytest.mark.parametrize(("text", "line", "key", "phrase"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_is_one_located_error(text, line, key, phrase):
    with pytest.raises(ClaimsError) as caught:
        parse_claims(text, "desk/claims.yaml")
    err = caught.value
    assert (err.line, err.key) == (line, key), str(err)
    assert phrase in err.message
    where = "desk/claims.yaml" if line is None else f"desk/claims.yaml:{line}"
    assert str(err) == (f"{where}: {key}: {err.message}" if key else f"{where}: {err.message}")
    assert "\n" not in str(err)


BAD_FILES = [
    ("bad_date.yaml", 8, "claims[0].expect", "'Feb 30 2017' is not a date (ISO date, YYYY-MM or year)"),
    ("billion_laughs.yaml", 2, None, "YAML aliases (*a) are not allowed"),
    ("duplicate_id.yaml", 8, "claims[1].id", "duplicate id 'a' (first at line 5)"),
    ("ftp_source.yaml", 8, "claims[0].sources[0]", "scheme 'ftp:' is not allowed"),
    ("not_yaml.yaml", 8, None, "not valid YAML"),
    ("python_tag.yaml", 7, "claims[0].text", "YAML tag '!!python/object/apply:os.system' is not allowed"),
    ("unknown_key.yaml", 8, "claims[0].expcet", "unknown key 'expcet' (did you mean 'expect'?)"),
    ("version_2.yaml", 1, "version", "unsupported version 2"),
]


def test_every_bad_fixture_has_a_case():
    assert sorted(p.name for p in (FIXTURES / "bad").iterdir()) == sorted(c[0] for c in BAD_FILES)


@pytest.mark.parametrize(("name", "line", "key", "phrase"), BAD_FILES)
def test_bad_fixture_files(name, line, key, phrase):
    path = FIXTURES / "bad" / name
    with pytest.raises(ClaimsError) as caught:
        load_claims(path)
    assert (caught.value.path, caught.value.line, caught.value.key) == (path, line, key)
    assert phrase in caught.value.message
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_error_format_without_line_or_key():
    assert str(ClaimsError("claims.yaml", None, None, "claims file not found")) == "claims.yaml: claims file not found"
    err = ClaimsError(Path("c.yaml"), 12, "claims[3].expect", "'Feb 30 2017' is not\na date")
    assert str(err) == "c.yaml:12: claims[3].expect: 'Feb 30 2017' is not a date"
    assert str(pickle.loads(pickle.dumps(err))) == str(err)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ClaimsError, match=r"^.*nope\.yaml: claims file not found$"):
        load_claims(tmp_path / "nope.yaml")
    with pytest.raises(ClaimsError, match="is a directory"):
        load_claims(tmp_path)
    with pytest.raises(ClaimsError, match="claims file not found"):
        load_claims(str(tmp_path / "missing" / "claims.yaml"))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_text(HEAD + "  []\n")
    path.chmod(0)
    with pytest.raises(ClaimsError, match="permission denied"):
        load_claims(path)


def test_huge_file_is_refused_before_parsing(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"#" * (claims_module.MAX_BYTES + 1))
    with pytest.raises(ClaimsError, match="too large"):
        load_claims(path)


def test_node_budget(monkeypatch):
    monkeypatch.setattr(limits, "CLAIMS_MAX_NODES", 50)
    text = "version: 1\nx: [" + ", ".join(["1"] * 60) + "]\n"
    with pytest.raises(ClaimsError, match="too many YAML values"):
        parse_claims(text, "claims.yaml")


def test_billion_laughs_ends_in_claims_error():
    with pytest.raises(ClaimsError, match="aliases"):
        load_claims(FIXTURES / "bad" / "billion_laughs.yaml")


# -- anything at all ends in a ClaimsFile or a ClaimsError --------------------------------------

GOOD_LINES = GOOD.read_text(encoding="utf-8").splitlines()
GOOD_DOC = yaml.safe_load(GOOD.read_text(encoding="utf-8"))


def _outcome(data: str | bytes) -> None:
    try:
        result = parse_claims(data, "/nowhere/claims.yaml")
    except ClaimsError as err:
        assert "internal error" not in err.message, str(err)
        assert "\n" not in str(err)
    else:
        assert isinstance(result, ClaimsFile)


_edit = st.one_of(
    st.tuples(st.just("delete"), st.integers(0, 200)),
    st.tuples(st.just("duplicate"), st.integers(0, 200)),
    st.tuples(st.just("swap"), st.integers(0, 200), st.integers(0, 200)),
    st.tuples(st.just("indent"), st.integers(0, 200), st.integers(-4, 4)),
    st.tuples(st.just("replace"), st.integers(0, 200), st.text(max_size=40)),
    st.tuples(st.just("insert"), st.integers(0, 200), st.text(alphabet=":-[]{}&*!|>'\"#%@,? \tabc1\\", max_size=30)),
    st.tuples(st.just("truncate"), st.integers(0, 200), st.integers(0, 60)),
)


def _apply(lines: list[str], edit: tuple) -> None:
    if not lines:
        lines.append("")
    i = edit[1] % len(lines)
    if edit[0] == "delete":
        del lines[i]
    elif edit[0] == "duplicate":
        lines.insert(i, lines[i])
    elif edit[0] == "swap":
        j = edit[2] % len(lines)
        lines[i], lines[j] = lines[j], lines[i]
    elif edit[0] == "indent":
        lines[i] = " " * max(0, edit[2]) + lines[i][max(0, -edit[2]) :]
    elif edit[0] == "replace":
        lines[i] = edit[2]
    elif edit[0] == "insert":
        lines.insert(i, edit[2])
    else:
        lines[i] = lines[i][: edit[2]]


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.lists(_edit, min_size=1, max_size=6))
def test_mutated_good_file(edits):
    lines = list(GOOD_LINES)
    for edit in edits:
        _apply(lines, edit)
    _outcome("\n".join(lines) + "\n")


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes(data):
    _outcome(data)


@FUZZ
@given(st.text(alphabet=":-[]{}&*!|>'\"#%@`,?~=<\n\t ab1.\\/\x00\ufeff", max_size=200))
def test_random_yamlish_text(text):
    _outcome(text)


_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20), st.dates()
)
_keys = st.sampled_from(
    ["version", "article", "claims", "sources", "id", "type", "text", "expect", "aliases", "url", "archive", "path"]
) | st.text(max_size=8)
_trees = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4), max_leaves=30
)


@FUZZ
@given(st.sampled_from(["top", "article", "claim", "source", "field"]), _trees, st.integers(0, 20))
def test_random_subtree_in_the_good_structure(where, tree, index):
    doc = copy.deepcopy(GOOD_DOC)
    claim = doc["claims"][index % len(doc["claims"])]
    if where == "top":
        doc = tree
    elif where == "article":
        doc["article"] = tree
    elif where == "claim":
        doc["claims"][index % len(doc["claims"])] = tree
    elif where == "source":
        claim["sources"] = [tree]
    else:
        claim[sorted(claim)[index % len(claim)]] = tree
    _outcome(yaml.safe_dump(doc, allow_unicode=True))


@FUZZ
@given(st.integers(1, 300), st.sampled_from(["[", "{a: ", "- ", "? "]))
def test_random_nesting(depth, opener):
    closer = {"[": "]", "{a: ": "}"}.get(opener, "")
    _outcome(opener * depth + "x" + closer * depth)


@pytest.mark.parametrize("kind", ["name", "date", "number", "quote", "statement"])
def test_expect_is_optional_for_every_type(kind):
    """SPEC §2: without expect, the sources decide."""
    (claim,) = parse_claims(f"version: 1\narticle:\n  path: a.txt\nclaims:\n  - id: a\n    type: {kind}\n    text: x\n",
                            "/nowhere/claims.yaml").claims
    assert claim.expect is None and claim.expected is None


_TOWER = "  - id: tower\n    type: number\n    text: The Eiffel Tower is 330 metres tall\n    expect: 330 metres\n"


@pytest.mark.parametrize(("claims", "phrase"), [
    (HEAD + _TOWER.replace("expect: 330 metres", "expect: 0x_"), "claims[0].expect: '0x_' is not a number"),
    (HEAD + _TOWER.replace("text: The Eiffel Tower is 330 metres tall", "text: 0x_"),
     "claims[0].text: expected a string, got an integer (put it in quotes)"),
    (HEAD + _TOWER.replace("id: tower", "id: 0x_"), "claims[0].id: expected a string, got an integer (put it in quotes)"),
    (HEAD.replace("version: 1", "version: 0x_") + _TOWER, "version: unsupported version 0x_"),
], ids=["expect", "text", "id", "version"])
def test_a_value_yaml_resolves_as_an_int_it_cannot_build_is_one_line_from_verify(tmp_path, monkeypatch, claims, phrase):
    """"0x_" matches PyYAML's int pattern but int() refuses it (the claims writer crashed on it):
    the loader never builds it as an int, so ``verify`` gives its one-line error, exit 2."""
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("The Eiffel Tower is 330 metres tall.\n")
    Path("claims.yaml").write_text(claims)
    result = CliRunner().invoke(main, ["verify", "--offline", "claims.yaml"], catch_exceptions=False)
    assert result.exit_code == 2, result.output
    (line,) = result.output.strip().splitlines()
    assert line.startswith("factcheck: error: claims.yaml:") and phrase in line


def test_0x_as_a_name_s_expect_is_read_as_the_text_written():
    (claim,) = parse_claims(one("  - id: a\n    type: name\n    text: x\n    expect: 0x_\n"), "/nowhere/claims.yaml").claims
    assert claim.expect == "0x_"
