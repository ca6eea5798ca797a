"""The reference reports every format test renders: every verdict, accepted and stale findings,
and everything a hostile page could smuggle in. Built by hand, finished as the engine finishes one."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
from bs4 import BeautifulSoup

from conftest import FIXTURES
from factcheck.article import Article
from factcheck.claimtypes.name import spelled_right
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
from factcheck.reports import sarif

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
DEAD_LINK = SourceNote(NoteKind.ARCHIVE_USED, "live link dead: HTTP 404; archive used")
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
    results = tuple(replace(r, spelled_right=spelled_right(art, [r.claim.expect or "", *r.claim.aliases], r.mentions))
                    if r.verdict is Verdict.MISSPELLED else r for r in results)
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


def soup(doc: str, parser: str = "html.parser") -> BeautifulSoup:
    return BeautifulSoup(doc, parser)


def validate(doc: dict) -> None:
    jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).validate(doc)


def results_of(report: Report) -> list[dict]:
    doc = json.loads(sarif.render(report))
    validate(doc)
    return doc["runs"][0]["results"]
