"""The people and CI report formats (markdown, html, junit, sarif), from hand-built reports."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES
from factcheck.article import Article
from factcheck.decision import discrepancies_of
from factcheck.model import (
    Claim,
    ClaimType,
    Evidence,
    Mention,
    NoteKind,
    Report,
    Result,
    SourceNote,
    Status,
    Verdict,
    Via,
    standing_of,
)
from factcheck.reports import html, junit, markdown, sarif

SCHEMA = json.loads((FIXTURES / "sarif/sarif-2.1.0-trimmed.json").read_text())

ARTICLE = (
    "President Vladimir Putin sent his Special Envoy Alexandre Laventieve to meet with Iran\u2019s Supreme "
    "National Security Council Ali Shamkhani February 4.\n\n"
    "Iran has the military capabilities to block the strait through which almost one fourth of world oil "
    "supplies pass.\n\n"
    "The most probable message carried by Leventieve to Shamkhani was a call for restraint and calm.\n\n"
    "Last December President Putin expressed this view in clear terms. \u201cWe aren\u2019t seeking enemies, "
    "we need friends.\u201d\n\n"
    "Iran pulls out its Revolutionary Guard\u2019s units, militias and Hezbollah from both Iraq and Syria.\n"
    "The committee\u2019s chairman Viktor Ozerov told Russia\u2019s media about a six-day visit.\n"
)
WIKI = "https://en.wikipedia.org/wiki/Alexander_Lavrentiev"
EIA = "https://www.eia.gov/todayinenergy/detail.php?id=39932"
KREMLIN = "http://en.kremlin.ru/events/president/news/53379"
DEAD_LINK = SourceNote(NoteKind.ARCHIVE_USED, "live link dead (HTTP 404); archive used")
CHANGED = SourceNote(NoteKind.CHANGED, "the cited page changed since it was last checked")


def settled(report: Report) -> Report:
    """A hand-built report as the engine finishes one: each result's discrepancies worked out from
    its verdict and evidence, and where it stands against the report's gate."""
    results = tuple(
        replace(r, discrepancies=discrepancies_of(r.claim, r.verdict, r.mentions,
                                                  [e for e in r.evidence if e.status is Status.CONTRADICTS]),
                standing=standing_of(r.claim, r.verdict, report.fail_on))
        for r in report.results
    )
    return replace(report, results=results)


def _claim(id: str, type: str, text: str, **kw) -> Claim:
    return Claim(id, ClaimType(type), text, **kw)


def build(article_text: str = ARTICLE, path: str = "seeds/article.txt", fail_on=None) -> Report:
    """The reference report: every verdict the formats must handle, with mentions located by the
    real ``Article`` so that lines and columns are what the engine would give."""
    art = Article.from_string(article_text, path)

    def at(text: str, value: str | None = None, nth: int = 0) -> Mention:
        i = -1
        for _ in range(nth + 1):
            i = art.text.index(text, i + 1)
        return art.mention(i, i + len(text), value)

    results = (
        Result(
            _claim("envoy-name", "name", "Special Envoy Alexandre Laventieve", expect="Alexander Lavrentiev",
                   aliases=("Alexander Lavrentyev",), note="Putin's special envoy for Syria"),
            Verdict.MISSPELLED,
            "article spells the name 'Alexandre Laventieve' (line 1) and 'Leventieve' (line 5); "
            "sources: 'Alexander Lavrentiev'",
            (at("Alexandre Laventieve"), at("Leventieve")),
            (Evidence(WIKI, Status.SUPPORTS, Via.ARCHIVE, "Alexander Lavrentiev is a Russian diplomat.",
                      "Alexander Lavrentiev", notes=(DEAD_LINK,)),),
        ),
        Result(
            _claim("hormuz-share", "number", "almost one fourth of world oil supplies", expect="about 21%"),
            Verdict.CONTRADICTED,
            f"article says 'almost one fourth' (25%); {EIA} say '21% (21%)'",
            (at("almost one fourth", "25%"),),
            (Evidence(EIA, Status.CONTRADICTS, Via.NETWORK,
                      "In 2018, its daily oil flow averaged 21 million barrels per day (b/d), or the equivalent "
                      "of about 21% of global petroleum liquids consumption.", "21% (21%)"),),
        ),
        Result(
            _claim("putin-quote", "quote", "We aren\u2019t seeking enemies, we need friends."),
            Verdict.MISQUOTED,
            "the source has other words",
            (at("We aren't seeking enemies, we need friends."),),
            (Evidence(KREMLIN, Status.CONTRADICTS, Via.CACHE,
                      "Unlike some of our colleagues abroad, who consider Russia an adversary, we are not seeking "
                      "and have never sought enemies. We need friends.",
                      "we are not seeking and have never sought enemies. We need friends.", score=80.0,
                      notes=(CHANGED,)),),
        ),
        Result(
            _claim("ozerov", "name", "Viktor Ozerov", expect="Viktor Ozerov"),
            Verdict.SUPPORTED,
            "article says 'Viktor Ozerov'; sources: 'Viktor Ozerov'",
            (at("Viktor Ozerov"),),
            (Evidence("https://en.wikipedia.org/wiki/Viktor_Ozerov", Status.SUPPORTS, Via.ARCHIVE,
                      "Viktor Alexeyevich Ozerov is a Russian politician", "Viktor Ozerov"),),
        ),
        Result(
            _claim("six-day", "number", "six-day visit", expect="6 days"),
            Verdict.UNVERIFIED,
            "article says 'six-day' (6 days); no source confirms it (https://tass.com/politics/929329: timed out)",
            (at("six-day", "6 days"),),
            (Evidence("https://tass.com/politics/929329", Status.ERROR, error="timed out after 10 s"),),
        ),
        Result(
            _claim("arms-deal", "statement", "Russia delivered the S-400 system to Iran in 2016."),
            Verdict.NOT_FOUND,
            "not found in the article: the claim's wording is not in the article",
        ),
        Result(
            _claim("hezbollah", "name", "Hezbollah", expect="Hizballah", accepted="house style spells it Hezbollah"),
            Verdict.MISSPELLED,
            "article spells the name 'Hezbollah' (line 9); expected 'Hizballah'",
            (at("Hezbollah"),),
        ),
        Result(
            _claim("putin-name", "name", "President Vladimir Putin", expect="Vladimir Putin",
                   accepted="desk checked the name in 2017"),
            Verdict.SUPPORTED,
            "article says 'Vladimir Putin'; sources: 'Vladimir Putin'",
            (at("Vladimir Putin"),),
            (Evidence("https://en.wikipedia.org/wiki/Vladimir_Putin", Status.SUPPORTS, Via.NETWORK,
                      "Vladimir Vladimirovich Putin is a Russian politician", "Vladimir Putin"),),
        ),
    )
    extra = {"fail_on": fail_on} if fail_on is not None else {}
    return settled(Report(Path("claims.yaml"), path, "ab" * 32, results, article_text=article_text, **extra))


FAILING = ["envoy-name", "hormuz-share", "putin-quote", "arms-deal"]

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_URL = "javascript:alert(1)"
LONG_LINE = "Hormuz " + "x" * 50_000


def hostile() -> Report:
    """Everything a source page or an article could smuggle in, in every field a format shows."""
    article = f"Oil {HOSTILE_SCRIPT} flows through the Strait of Hormuz {HOSTILE_IMG}.\n{LONG_LINE}\nEnd.\n"
    art = Article.from_string(article, "a.txt")
    i = art.text.index("Strait of Hormuz")
    mention = art.mention(i, i + len("Strait of Hormuz"))
    claim = _claim("hormuz-flow", "number", f"21 million barrels {HOSTILE_SCRIPT}", expect="21 million barrels per day",
                   note=f"note {HOSTILE_IMG}", accepted=None)
    evidence = (
        Evidence(HOSTILE_URL, Status.CONTRADICTS, Via.NETWORK, f"{HOSTILE_SCRIPT} {HOSTILE_IMG} {LONG_LINE}",
                 f"18 million {HOSTILE_IMG}", notes=(SourceNote(NoteKind.EXTRACTION, "<b onmouseover=alert(2)>note</b>"),)),
        Evidence("https://example.org/\"><script>alert(3)</script>", Status.SILENT, Via.NETWORK),
        Evidence(f"http://x.org/ onerror=alert(4) {HOSTILE_SCRIPT}", Status.ERROR, error=f"HTTP 500 {HOSTILE_SCRIPT}"),
    )
    result = Result(claim, Verdict.CONTRADICTED, f"article says {HOSTILE_IMG}; source says {HOSTILE_SCRIPT}",
                    (mention,), evidence)
    quote = Result(_claim("q", "quote", f"a {HOSTILE_SCRIPT} b"), Verdict.MISQUOTED, "misquoted",
                   (mention,), (Evidence("https://eia.gov/", Status.CONTRADICTS, text="x",
                                         value=f"a {HOSTILE_IMG} b", score=90.0),))
    return settled(Report(Path("claims.yaml"), f"</title>{HOSTILE_SCRIPT}.txt", "0" * 64, (result, quote),
                          article_text=article))


# --- markdown ----------------------------------------------------------------------------------


def test_markdown_lists_failing_claims_first_and_supported_last_and_compact():
    text = markdown.render(build())
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["Failing claims", "Accepted findings", "Not failing the gate", "Supported"]
    failing, rest = text.split("## Accepted findings")
    assert [re.search(rf"^### \d+\. \w+: `{i}`", failing, re.M) is not None for i in FAILING] == [True] * 4
    assert "### 7. misspelled: `hezbollah` (line 9)" in rest
    assert "### 5. unverified: `six-day` (line 10)" in rest
    supported = text.split("## Supported", 1)[1].strip().splitlines()
    assert [line[:16] for line in supported] == ["- 8. `putin-name", "- 4. `ozerov` (l"]
    assert all("###" not in line and "Sources" not in line for line in supported)


def test_markdown_summary_counts_gate_and_acceptances():
    first = markdown.render(build()).split("\n## ", 1)[0]
    assert "**Failed**: 4 of 8 claims fail the gate" in first
    assert "2 supported, 1 contradicted, 2 misspelled, 1 misquoted, 1 unverified, 1 not_found" in first
    assert "1 accepted finding." in first and "Stale acceptance: `putin-name`." in first


def test_markdown_finding_sets_the_article_words_against_the_sources():
    text = markdown.render(build())
    envoy = text.split("### 1. misspelled: `envoy-name` (line 1)")[1].split("###")[0]
    assert ("**Article** (line 1, column 49): “Alexandre Laventieve” — "
            "**verified spelling:** “Alexander Lavrentiev”") in envoy
    assert "**Article** (line 5, column 38): “Leventieve” — **verified spelling:** “Lavrentiev”" in envoy
    assert "diff: `L[-e-]{+a+}v{+r+}entiev[-e-]`" in envoy
    assert f"<{WIKI}> — supports ({DEAD_LINK.text})" in envoy  # the note already says the archive was used
    quote = text.split("`putin-quote`")[1].split("###")[0]
    assert "diff: `We [-aren't-] {+are not+} seeking {+and have never sought+} enemies we need friends`" in quote
    assert f"<{KREMLIN}> — contradicts (from the cache; {CHANGED.text})" in quote
    number = text.split("`hormuz-share`")[1].split("###")[0]
    assert "(line 3, column 70): “almost one fourth” — **source:** “21% (21%)”" in number
    assert "- **Expected:** about 21%" in number
    missing = text.split("`arms-deal` (not in the article)")[1].split("###")[0]
    assert "**Claim text:** “Russia delivered the S-400 system to Iran in 2016.”" in missing
    unverified = text.split("`six-day`")[1].split("##")[0]
    assert "<https://tass.com/politics/929329> — error: timed out after 10 s" in unverified


def test_markdown_shows_accepted_reason_and_stale_acceptance():
    text = markdown.render(build())
    assert "**Accepted:** house style spells it Hezbollah" in text.split("## Accepted findings")[1]
    stale = next(line for line in text.splitlines() if "`putin-name`" in line and line.startswith("- "))
    assert "**Stale acceptance:**" in stale and "`accepted: desk checked the name in 2017`" in stale


def test_markdown_escapes_markup_links_and_mentions():
    report = hostile()
    text = markdown.render(report)
    assert "<script>" not in text and "<img" not in text and "<b " not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "](javascript" not in text and "<javascript" not in text
    assert "javascript:alert(1) — contradicts" in text  # shown, as text
    assert "<https://example.org/" not in text  # a URL with quotes and markup is not made a link
    pinging = replace(report.results[0], message="ping @alice about #12 and [x](http://e.vil)")
    report2 = settled(replace(report, results=(pinging,)))
    line = next(ln for ln in markdown.render(report2).splitlines() if "alice" in ln)
    assert "\\@alice" in line and "\\#12" in line and "\\[x\\](http://e.vil)" in line
    assert max(len(ln) for ln in text.splitlines()) < 2_000  # excerpts are clipped


# --- html --------------------------------------------------------------------------------------


def soup(doc: str, parser: str = "html.parser") -> BeautifulSoup:
    return BeautifulSoup(doc, parser)


def test_html_has_one_card_per_claim_and_one_numbered_highlight_per_mention():
    report = build()
    page = soup(html.render(report))
    cards = page.select("article.card")
    assert len(cards) == len(report.results)
    assert [c["id"] for c in cards[:4]] == ["claim-1", "claim-2", "claim-3", "claim-6"]  # failing first
    marks = page.select("mark.hl")
    assert len(marks) == sum(len(r.mentions) for r in report.results)
    for n, result in enumerate(report.results, 1):
        card = page.find(id=f"claim-{n}")
        assert card.select_one(".num").get_text() == str(n)
        assert f"v-{result.verdict.value}" in card["class"]
        assert card.select_one(".badge").get_text() == result.verdict.value
        assert ("fails" in card["class"]) == report.fails(result)
        for j, mention in enumerate(result.mentions, 1):
            mark = page.find(id=f"m{n}-{j}")
            assert f"v-{result.verdict.value}" in mark["class"]
            assert mark.select_one("a.n")["href"] == f"#claim-{n}" and mark.select_one("a.n").get_text() == str(n)
            assert mark.get_text() == f"{n}{mention.text}"
            assert card.find("a", href=f"#m{n}-{j}").get_text() == f"line {mention.line}, column {mention.column}"


def test_html_card_content_diff_evidence_and_notes():
    page = soup(html.render(build()))
    envoy = page.find(id="claim-1")
    diffs = envoy.select(".diff")
    assert [d.get_text() for d in diffs] == ["Alexandere Lavrentieve", "Leavrentieve"]
    assert [x.get_text() for x in diffs[1].find_all("del")] == ["e", "e"]
    assert [x.get_text() for x in diffs[1].find_all("ins")] == ["a", "r"]
    link = envoy.select_one(".evidence a")
    assert link["href"] == WIKI and "noopener" in link["rel"]
    assert envoy.select_one(".evidence .note").get_text() == DEAD_LINK.text
    assert page.find(id="claim-4").select_one(".evidence .note").get_text() == "from the archive"
    quote = page.find(id="claim-3")
    assert [x.get_text() for x in quote.select(".diff ins")] == ["are not", "and have never sought"]
    assert CHANGED.text in quote.get_text()
    assert "Accepted: house style spells it Hezbollah" in page.find(id="claim-7").select_one(".gate").get_text()
    assert "Stale acceptance" in page.find(id="claim-8").select_one(".gate").get_text()
    assert page.find(id="claim-5").select_one(".gate") is None  # unverified, not failing: no gate line
    assert "Not located in the article" in page.find(id="claim-6").get_text()
    assert page.select_one(".outcome").get_text() == "Failed: 4 of 8 claims fail the gate"


def test_html_filters_work_without_script():
    report = build()
    doc = html.render(report)
    page = soup(doc)
    radios = page.select("input[type=radio][name=show]")
    present = [v.value for v in Verdict if report.counts[v.value]]
    assert [r["id"] for r in radios] == ["show-all", "show-fails"] + [f"show-{v}" for v in present]
    assert radios[0].has_attr("checked")
    for r in radios:
        assert page.find("label", attrs={"for": r["id"]}) is not None
        assert r.find_next_sibling("main") is not None  # the CSS sibling selector can reach the cards
    css = page.style.get_text()
    for v in present:
        assert f"#show-{v}:checked~main .card:not(.v-{v}){{display:none}}" in css
    assert "#show-fails:checked~main .card:not(.fails){display:none}" in css
    assert "@media print" in css and ".card{display:block!important" in css
    assert "@media (min-width" in css
    assert page.find("meta", attrs={"name": "viewport"}) is not None
    assert page.find_all("script") == []


def test_html_is_self_contained_under_a_strict_csp():
    page = soup(html.render(build()))
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["style-src"] == "'unsafe-inline'"
    assert "script-src" not in directives  # default-src 'none' forbids every script
    assert page.find("meta") is page.head.find("meta", charset="utf-8")
    assert page.find_all(["link", "img", "iframe", "object", "embed", "base", "form"]) == []
    assert [el for el in page.find_all(True) if el.has_attr("src")] == []
    assert "url(" not in page.style.get_text() and "@import" not in page.style.get_text()
    hrefs = [a["href"] for a in page.find_all("a")]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)


@pytest.mark.parametrize("parser", ["html.parser", "lxml"])
def test_html_shows_hostile_content_as_text(parser):
    report = hostile()
    page = soup(html.render(report), parser)
    assert page.find_all("script") == []
    assert page.find_all(["img", "b", "iframe"]) == []
    assert [el.name for el in page.find_all(True) if any(a.lower().startswith("on") for a in el.attrs)] == []
    for a in page.find_all("a"):
        assert a["href"].startswith(("#", "http://", "https://")) and "javascript" not in a["href"]
        assert '"' not in a["href"] and " " not in a["href"]
    assert page.title.get_text() == f"Fact-check: </title>{HOSTILE_SCRIPT}.txt"
    text = page.get_text()
    for needle in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_URL, "<b onmouseover=alert(2)>note</b>", "HTTP 500 <script>"):
        assert needle in text
    card = page.find(id="claim-1")
    assert card.find("a", string=HOSTILE_URL) is None and HOSTILE_URL in card.select_one(".source").get_text()
    assert LONG_LINE in page.select_one(".article .text").get_text()
    assert len(card.select_one("blockquote").get_text()) <= html.EXCERPT_CHARS
    assert "a <img src=x onerror=alert(1)> b" in page.find(id="claim-2").get_text()


def test_html_highlights_html_articles_with_markup_inside_a_mention():
    raw = "<p>The envoy <b>Alexandre</b> Laventieve met Ali Shamkhani.</p>\n<p>Then Leventieve left.</p>\n"
    art = Article.from_string(raw, "a.html")
    i = art.text.index("Alexandre")
    mapped = art.mention(i, i + len("Alexandre Laventieve"))  # plain text; the original has markup inside
    assert mapped.text == "Alexandre Laventieve" and raw[mapped.column - 1 :].startswith("Alexandre</b>")
    j = art.text.index("Leventieve")
    second = art.mention(j, j + len("Leventieve"))
    claim = _claim("envoy", "name", "Alexandre Laventieve", expect="Alexander Lavrentiev")
    report = settled(Report(Path("c.yaml"), "a.html", "0" * 64,
                            (Result(claim, Verdict.MISSPELLED, "misspelled", (mapped, second)),), article_text=raw))
    page = soup(html.render(report))
    marks = [page.find(id=f"m1-{j}") for j in (1, 2)]
    assert marks[0].get_text() == "1Alexandre</b> Laventieve"
    assert marks[1].get_text() == "1Leventieve" and marks[1].previous_sibling.endswith("</p>\n<p>Then ")
    assert page.select_one(".article .text").get_text().replace("1", "", 2) == raw


def test_html_nests_overlapping_mentions():
    report = build()
    art = Article.from_string(ARTICLE, "seeds/article.txt")
    i = art.text.index("sent his Special Envoy Alexandre")
    statement = Result(_claim("visit", "statement", "sent his Special Envoy Alexandre Laventieve to meet"),
                       Verdict.SUPPORTED, "ok", (art.mention(i, i + len("sent his Special Envoy Alexandre")),))
    report = settled(replace(report, results=report.results + (statement,)))
    page = soup(html.render(report))
    outer, inner = page.find(id="m9-1"), page.find(id="m1-1")
    assert inner.parent is outer
    assert outer.get_text() == "9sent his Special Envoy 1Alexandre"
    assert inner.get_text() == "1Alexandre"  # cut at the enclosing mark's end
    assert page.select_one(".article .text").get_text().count("Laventieve to meet") == 1


# --- junit -------------------------------------------------------------------------------------


def test_junit_one_testcase_per_claim_failures_for_the_gate():
    report = build()
    root = ET.fromstring(junit.render(report))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    for el in (root, suite):
        assert (el.get("tests"), el.get("failures"), el.get("errors"), el.get("skipped")) == ("8", "4", "0", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [r.claim.id for r in report.results]
    assert {c.get("classname") for c in cases} == {"seeds/article.txt"}
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert sorted(failed) == sorted(FAILING)
    assert failed["envoy-name"].get("type") == "misspelled"
    assert failed["envoy-name"].get("message") == report.results[0].message
    assert "L[-e-]{+a+}v{+r+}entiev[-e-]" in failed["envoy-name"].text and DEAD_LINK.text in failed["envoy-name"].text
    assert failed["arms-deal"].get("type") == "not_found"
    out = {c.get("name"): c.findtext("system-out") for c in cases}
    assert out["hezbollah"].startswith("accepted: house style spells it Hezbollah\nmisspelled:")
    assert out["putin-name"].startswith("stale acceptance:")
    assert out["six-day"].startswith("unverified: ") and "timed out after 10 s" in out["six-day"]
    assert all(c.find("failure") is None or c.find("system-out") is None for c in cases)


def test_junit_counts_follow_strict_and_survive_control_characters():
    report = build(fail_on=frozenset(Verdict) - {Verdict.SUPPORTED})
    bad = replace(report.results[4], message="timed out \x00\x1b[31m\x0c")
    report = settled(replace(report, results=report.results[:4] + (bad,) + report.results[5:]))
    root = ET.fromstring(junit.render(report))
    assert root.get("failures") == "5"
    case = root.find(".//testcase[@name='six-day']")
    assert case.find("failure").get("type") == "unverified"
    assert "\ufffd" in case.find("failure").get("message")


# --- sarif -------------------------------------------------------------------------------------


def validate(doc: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(doc)


def results_of(report: Report) -> list[dict]:
    doc = json.loads(sarif.render(report))
    validate(doc)
    return doc["runs"][0]["results"]


def test_sarif_is_valid_and_describes_the_tool_and_rules():
    doc = json.loads(sarif.render(build()))
    validate(doc)
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json" and doc["version"] == "2.1.0"
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "factcheck" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == [v.value for v in Verdict]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {"supported": "note", "contradicted": "error", "misspelled": "error", "misquoted": "error",
                      "disputed": "error", "unverified": "warning", "not_found": "error"}
    for r in doc["runs"][0]["results"]:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_results_one_per_variant_located_at_the_article():
    found = results_of(build())
    assert [(r["ruleId"], r["properties"]["claimId"]) for r in found] == [
        ("misspelled", "envoy-name"), ("misspelled", "envoy-name"), ("contradicted", "hormuz-share"),
        ("misquoted", "putin-quote"), ("not_found", "arms-deal"), ("misspelled", "hezbollah"),
        ("supported", "putin-name"),
    ]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in found]
    assert regions[0] == {
        "startLine": 1, "startColumn": 49, "endColumn": 69, "snippet": {"text": "Alexandre Laventieve"}}
    assert regions[1] == {"startLine": 5, "startColumn": 38, "endColumn": 48, "snippet": {"text": "Leventieve"}}
    assert regions[4] == {"startLine": 1}  # not found: the file, no column
    assert "'Leventieve' is not the verified spelling" in found[1]["message"]["text"]
    assert "Alexandre Laventieve" not in found[1]["message"]["text"].split("\n", 1)[1]  # this variant's facts only
    assert "21 million barrels per day" in found[2]["message"]["text"]
    assert "{+are not+}" in found[3]["message"]["text"]
    for r in found:
        loc = r["locations"][0]["physicalLocation"]["artifactLocation"]
        assert loc == {"uri": "seeds/article.txt", "uriBaseId": "%SRCROOT%"}
    assert [r["level"] for r in found] == ["error"] * 6 + ["note"]


def test_sarif_suppresses_accepted_findings_and_notes_stale_acceptances():
    found = {r["properties"]["claimId"]: r for r in results_of(build())}
    assert found["hezbollah"]["suppressions"] == [
        {"kind": "external", "status": "accepted", "justification": "house style spells it Hezbollah"}
    ]
    stale = found["putin-name"]
    assert "suppressions" not in stale and stale["level"] == "note"
    assert stale["message"]["text"].startswith("stale acceptance (putin-name)")
    assert all("suppressions" not in r for i, r in found.items() if i not in ("hezbollah",))


def test_sarif_unverified_is_a_warning_only_under_strict():
    assert "six-day" not in {r["properties"]["claimId"] for r in results_of(build())}
    strict = results_of(build(fail_on=frozenset(Verdict) - {Verdict.SUPPORTED}))
    (unverified,) = [r for r in strict if r["ruleId"] == "unverified"]
    assert unverified["level"] == "warning" and unverified["properties"]["claimId"] == "six-day"


def test_sarif_fingerprints_are_stable_and_ignore_line_numbers():
    first, again = results_of(build()), results_of(build())
    prints = [r["partialFingerprints"]["factcheck/v1"] for r in first]
    assert prints == [r["partialFingerprints"]["factcheck/v1"] for r in again]
    assert len(set(prints)) == len(prints) and all(re.fullmatch(r"[0-9a-f]{64}", p) for p in prints)
    moved = results_of(build("Editor's note: updated.\n\n" + ARTICLE))
    assert [r["locations"][0]["physicalLocation"]["region"].get("startLine") for r in moved][:2] == [3, 7]
    assert [r["partialFingerprints"]["factcheck/v1"] for r in moved] == prints
    text = ARTICLE.replace("by Leventieve", "by Lewentieve")
    art = Article.from_string(text, "seeds/article.txt")
    i = art.text.index("Lewentieve")
    report = build()
    envoy = replace(report.results[0], mentions=(report.results[0].mentions[0], art.mention(i, i + 10)))
    respelled = results_of(settled(replace(report, results=(envoy,) + report.results[1:], article_text=text)))
    assert respelled[0]["partialFingerprints"]["factcheck/v1"] == prints[0]
    assert respelled[1]["partialFingerprints"]["factcheck/v1"] != prints[1]


def test_sarif_repeated_variant_gets_distinct_fingerprints_and_multiline_regions():
    text = "Envoy Laventieve met.\nLater Laventieve left.\n"
    art = Article.from_string(text, "dir\\a.txt")
    m1, m2 = (art.mention(i, i + 10) for i in (6, 28))
    claim = _claim("envoy", "name", "Laventieve", expect="Lavrentiev")
    quote = Result(_claim("q", "quote", "met. Later"), Verdict.MISQUOTED, "misquoted", (art.mention(17, 27),))
    report = settled(Report(Path("c.yaml"), "dir\\a.txt", "0" * 64,
                            (Result(claim, Verdict.MISSPELLED, "misspelled", (m1, m2)), quote), article_text=text))
    found = results_of(report)
    assert found[0]["partialFingerprints"] != found[1]["partialFingerprints"]
    assert found[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "dir/a.txt"
    assert found[2]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 1, "startColumn": 18, "endLine": 2, "endColumn": 6, "snippet": {"text": "met.\nLater"}}


def test_sarif_keeps_hostile_text_as_data():
    doc = json.loads(sarif.render(hostile()))
    validate(doc)
    (first, second) = doc["runs"][0]["results"]
    assert HOSTILE_SCRIPT in first["message"]["text"] and HOSTILE_URL in first["message"]["text"]
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("%3C/title%3E")


def test_every_format_renders_an_empty_report():
    report = Report(Path("c.yaml"), "a.txt", "0" * 64, (), article_text="")
    assert "**Passed**" in markdown.render(report)
    assert soup(html.render(report)).select("article.card") == []
    assert ET.fromstring(junit.render(report)).get("tests") == "0"
    assert results_of(report) == []
