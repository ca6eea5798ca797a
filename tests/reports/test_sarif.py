"""The SARIF report for code-scanning views."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from reportkit import ARTICLE, HOSTILE_SCRIPT, HOSTILE_URL, _claim, build, hostile, results_of, settled, validate

from factcheck.article import Article
from factcheck.model import Report, Result, Verdict
from factcheck.reports import sarif


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


def test_sarif_misspelled_names_carry_a_fix_at_each_variant():
    report = build()
    fixed = replace(report, results=tuple(
        replace(r, fix="Alexander Lavrentiev") if r.claim.id == "envoy-name" else r for r in report.results))
    doc = json.loads(sarif.render(fixed))
    validate(doc)
    found = doc["runs"][0]["results"]
    envoy = [r for r in found if r["properties"]["claimId"] == "envoy-name"]
    replacements = [r["fixes"][0]["artifactChanges"][0]["replacements"][0] for r in envoy]
    assert replacements == [
        {"deletedRegion": {"startLine": 1, "startColumn": 49, "endColumn": 69},
         "insertedContent": {"text": "Alexander Lavrentiev"}},
        {"deletedRegion": {"startLine": 5, "startColumn": 38, "endColumn": 48},
         "insertedContent": {"text": "Lavrentiev"}},  # the surname alone: "carried by Lavrentiev to Shamkhani"
    ]
    assert all(r["fixes"][0]["artifactChanges"][0]["artifactLocation"]["uri"] == "seeds/article.txt" for r in envoy)
    assert envoy[0]["fixes"][0]["description"]["text"] == "Spell it 'Alexander Lavrentiev'"
    assert all("fixes" not in r for r in found if r["properties"]["claimId"] != "envoy-name")  # no fix known
    bad = json.loads(sarif.render(fixed))
    bad["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"][0].pop("deletedRegion")
    with pytest.raises(jsonschema.ValidationError):
        validate(bad)


def test_sarif_contradicted_figures_and_dates_carry_a_fix_at_the_value():
    text = "Oil: almost one fourth of world supplies pass the strait.\nThe envoy came on February 4.\n"
    art = Article.from_string(text, "a.txt")
    figure = art.mention(text.index("almost"), text.index(" of world"), "22.5-25%")
    day = art.mention(text.index("February 4"), text.index("February 4") + 10, "2017-02-04")
    passage = art.mention(0, text.index("\n"))  # no value read there: the mention is the whole sentence
    results = (
        Result(_claim("share", "number", "almost one fourth of world supplies", expect="about 21%"),
               Verdict.CONTRADICTED, "contradicted", (figure,), fix="about 21%"),
        Result(_claim("day", "date", "came on February 4"), Verdict.CONTRADICTED, "contradicted", (day,),
               fix="February 5"),
        Result(_claim("whole", "number", "almost one fourth of world supplies pass"), Verdict.CONTRADICTED,
               "contradicted", (passage,), fix="about 21%"),
        Result(_claim("q", "quote", "almost one fourth"), Verdict.MISQUOTED, "misquoted", (figure,),
               fix="nearly a quarter"),
    )
    found = results_of(settled(Report(Path("c.yaml"), "a.txt", "0" * 64, results, article_text=text)))
    fixes = {r["properties"]["claimId"]: r.get("fixes") for r in found}
    (share,) = fixes["share"]
    assert share["description"]["text"] == "Change it to 'about 21%', as the sources give it"
    assert share["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 1, "startColumn": 6, "endColumn": 23}, "insertedContent": {"text": "about 21%"}}]
    assert fixes["day"][0]["artifactChanges"][0]["replacements"] == [
        {"deletedRegion": {"startLine": 2, "startColumn": 19, "endColumn": 29}, "insertedContent": {"text": "February 5"}}]
    assert fixes["whole"] is None and fixes["q"] is None  # a whole passage, a quotation: no safe replacement
