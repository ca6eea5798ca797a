"""End to end through the command line: verdicts, exit codes, report files, bad input.

Every run is --offline (tests never reach the internet); the fixture pages are the archives."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factcheck import __version__
from factcheck.cli import main

E2E = ROOT / "fixtures" / "e2e"

EXPECTED = {
    "shamkhani-name": "supported",
    "lavrov-name": "misspelled",
    "hormuz-share": "contradicted",
    "hormuz-flow": "disputed",
    "shamkhani-role": "supported",
    "concept-year": "contradicted",
    "putin-quote": "misquoted",
    "address-date": "supported",
    "s300-delivery": "unverified",
    "pipeline": "not_found",
    "missing-archive": "unverified",
}


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def verify_json(*args):
    result = run("verify", "--offline", "--format", "json", *args)
    return result, json.loads(result.output)


def test_every_verdict_on_the_fixture(e2e):
    result, report = verify_json()
    assert result.exit_code == 1
    assert {c["id"]: c["verdict"] for c in report["claims"]} == EXPECTED
    assert [c["id"] for c in report["claims"]] == list(EXPECTED)  # claims file order
    summary = report["summary"]
    assert summary["total"] == 11 and summary["supported"] == 3 and summary["contradicted"] == 2
    assert summary["passed"] is False


def test_json_report_shape_follows_the_spec(e2e):
    _, report = verify_json()
    assert report["version"] == 1 and report["tool"] == {"name": "factcheck", "version": __version__}
    assert report["article"]["path"] == "article.md" and len(report["article"]["sha256"]) == 64
    claim = next(c for c in report["claims"] if c["id"] == "lavrov-name")
    assert {"id", "type", "verdict", "message", "expect", "article", "evidence"} <= claim.keys()
    assert claim["article"] == [  # every mention of a misspelled name, marked
        {"text": "Sergei Lavrov", "line": 7, "column": 30, "value": None, "kind": "correct"},
        {"text": "Lavrof", "line": 7, "column": 77, "value": "Lavrof", "kind": "misspelled"},
    ]
    (evidence,) = claim["evidence"]
    assert evidence["via"] == "archive" and evidence["status"] == "supports" and evidence["error"] is None
    assert "Lavrov" in evidence["text"] and "Sergey" in evidence["value"]
    assert any("archive used" in note for note in evidence["notes"])
    # offline, the page was not fetched at all: not "dead", and no parentheses inside parentheses
    assert evidence["notes"][0] == "not fetched: offline, and not in the cache; archive used"


def test_findings_point_at_the_article_line_and_column(e2e):
    _, report = verify_json()
    by_id = {c["id"]: c for c in report["claims"]}
    share = by_id["hormuz-share"]["article"][0]
    assert (share["line"], share["column"], share["text"]) == (3, 30, "about a third")
    year = by_id["concept-year"]["article"][0]
    assert (year["line"], year["text"]) == (11, "2014")


def test_distractor_in_a_sidebar_does_not_count(e2e):
    _, report = verify_json("--only", "hormuz-share")
    (evidence,) = report["claims"][0]["evidence"]
    assert evidence["status"] == "supports" and "21%" in evidence["value"]
    assert "Malacca" not in (evidence["text"] or "")


def test_disputed_shows_both_sides(e2e):
    _, report = verify_json("--only", "hormuz-flow")
    statuses = {e["source"]: e["status"] for e in report["claims"][0]["evidence"]}
    assert sorted(statuses.values()) == ["contradicts", "supports"]
    assert "18.5 million" in report["claims"][0]["message"]


def test_unreadable_source_is_unverified_with_the_reason(e2e):
    _, report = verify_json("--only", "missing-archive")
    (evidence,) = report["claims"][0]["evidence"]
    assert evidence["status"] == "error" and "no-such-page.html" in evidence["error"]


def test_exit_codes_and_gate_options(e2e):
    assert run("verify", "--offline", "--only", "shamkhani-name,shamkhani-role").exit_code == 0
    assert run("verify", "--offline", "--only", "s300-delivery").exit_code == 0
    assert run("verify", "--offline", "--only", "s300-delivery", "--strict").exit_code == 1
    assert run("verify", "--offline", "--only", "s300-delivery", "--fail-on", "unverified").exit_code == 1
    assert run("verify", "--offline", "--only", "lavrov-name", "--fail-on", "contradicted").exit_code == 0


def test_text_report_is_one_line_per_claim_without_colour_off_a_tty(e2e):
    result = run("verify", "--offline")
    lines = result.output.splitlines()
    assert "\033[" not in result.output
    assert any(line.startswith("article.md:7:77: misspelled") and "lavrov-name" in line for line in lines)
    assert lines[-1].startswith("11 claims:") and "failed" in lines[-1]


def test_several_reports_in_one_run_and_format_from_extension(e2e):
    result = run("verify", "--offline", "--format", "json", "-o", "r.json", "-o", "r.md")
    assert result.exit_code == 1
    assert json.loads(Path("r.json").read_text())["summary"]["total"] == 11
    assert Path("r.md").read_text().strip()
    assert "11 claims:" in result.output  # the terminal still gets the text report


def test_accepted_finding_does_not_fail_the_gate(e2e):
    text = Path("claims.yaml").read_text().replace(
        "    text: We need friends and partners\n",
        "    text: We need friends and partners\n    accepted: paraphrase agreed with the desk\n",
    )
    Path("claims.yaml").write_text(text)
    result, report = verify_json("--only", "putin-quote")
    assert result.exit_code == 0
    assert report["claims"][0]["verdict"] == "misquoted" and report["claims"][0]["accepted"]


@pytest.mark.parametrize(
    "args, phrase",
    [
        (["verify", "nope.yaml"], "nope.yaml"),
        (["verify", "--only", "no-such-claim"], "no-such-claim"),
        (["verify", "--fail-on", "wrong"], "wrong"),
        (["verify", "-o", "report.unknown"], "format"),
        (["verify", "--article", "missing.md"], "missing.md"),
    ],
)
def test_unusable_input_exits_2_with_one_line_and_no_report(e2e, args, phrase):
    result = CliRunner().invoke(main, args + ["--offline", "-o", "out.json"] if "-o" not in args else args + ["--offline"])
    assert result.exit_code == 2, result.output
    assert phrase in result.output
    assert "Traceback" not in result.output
    assert not Path("out.json").exists()


def test_article_missing_names_the_claims_file_and_key(e2e):
    Path("claims.yaml").write_text(Path("claims.yaml").read_text().replace("path: article.md", "path: gone.md"))
    result = CliRunner().invoke(main, ["verify", "--offline"])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert "claims.yaml" in line and "article.path" in line and "gone.md" in line


def test_version():
    assert run("--version").output.strip() == f"factcheck {__version__}"


def test_seed_demo_verdicts(tmp_path, monkeypatch):
    """The README's first command, offline: the envoy misspelled twice, the Hormuz share overstated."""
    for name in ("claims.yaml", "seeds", "fixtures"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    result, report = verify_json()
    assert result.exit_code == 1
    verdicts = {c["id"]: c for c in report["claims"]}
    envoy = next(c for c in report["claims"] if c["type"] == "name" and c["expect"] == "Alexander Lavrentiev")
    assert envoy["verdict"] == "misspelled"
    assert [(m["line"], m["column"]) for m in envoy["article"]] == [(3, 49), (13, 99)]
    hormuz = next(c for c in report["claims"] if c["type"] == "number" and "fourth" in c["article"][0]["text"])
    assert hormuz["verdict"] == "contradicted"
    assert sum(c["verdict"] == "supported" for c in verdicts.values()) >= 5
    assert len(report["claims"]) >= 12
