"""Many articles per run: `factcheck verify a.yaml b.yaml` and `factcheck verify folder/`, one combined
report per format and one exit code. Every run is --offline; the sources are saved pages."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from conftest import FIXTURES, ROOT
from factcheck.cli import main
from factcheck.engine import Options, verify
from factcheck.reports import Style, render
from factcheck.runs import BatchInterrupted, claims_files, plan, run

ENVOY_ARTICLE = """# Moscow's man for Syria

Alexander Lavrentiev, the Kremlin's special envoy for Syria, flew to Tehran this week.
"""

ENVOY_CLAIMS = """version: 1
article:
  path: envoy.md
  published: 2017-02-08
claims:
  - id: envoy-name
    type: name
    text: Alexander Lavrentiev
    expect: Alexander Lavrentiev
    sources: [pages/lavrentiev.html]
"""


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    """A repository with two articles: the e2e primer (fails the gate) and a short piece that passes,
    plus what a folder search must not take for claims files."""
    root = tmp_path / "articles"
    shutil.copytree(FIXTURES / "e2e", root / "primer")
    envoy = root / "syria" / "envoy"
    (envoy / "pages").mkdir(parents=True)
    (envoy / "envoy.md").write_text(ENVOY_ARTICLE)
    (envoy / "envoy.claims.yaml").write_text(ENVOY_CLAIMS)
    shutil.copy(FIXTURES / "pages" / "lavrentiev.html", envoy / "pages" / "lavrentiev.html")
    (root / ".factcheck-cache").mkdir()
    (root / ".factcheck-cache" / "claims.yaml").write_text("not a claims file")
    (root / "syria" / "notes.yaml").write_text("version: 1\n")
    monkeypatch.chdir(tmp_path)
    return root


PRIMER = "articles/primer/claims.yaml"
ENVOY = "articles/syria/envoy/envoy.claims.yaml"


def cli(*args: str):
    return CliRunner().invoke(main, ["verify", "--offline", *args], catch_exceptions=False)


def test_a_folder_holds_its_claims_files_in_order_and_nothing_else(newsroom):
    assert [p.as_posix() for p in claims_files([Path("articles")])] == [PRIMER, ENVOY]
    assert claims_files([Path(ENVOY), Path("articles")]) == [Path(ENVOY), Path(PRIMER)]  # each once
    empty = newsroom / "empty"
    empty.mkdir()
    result = cli("articles/empty")
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert "articles/empty: no claims files in this folder" in result.output


def test_combined_json_holds_each_files_own_report(newsroom):
    result = cli("--format", "json", PRIMER, ENVOY)
    assert result.exit_code == 1  # the worst: the primer fails the gate, the envoy piece passes
    doc = json.loads(result.output)
    assert [r["claims_file"] for r in doc["reports"]] == [PRIMER, ENVOY]
    for entry, path in zip(doc["reports"], [PRIMER, ENVOY], strict=True):
        alone = json.loads(render(verify(path, Options(offline=True)), "json"))
        assert {k: v for k, v in entry.items() if k != "claims_file"} == alone
    summary = doc["summary"]
    assert summary["files"] == 2 and summary["total"] == 12 and summary["supported"] == 4
    assert summary["passed"] is False and [r["summary"]["passed"] for r in doc["reports"]] == [False, True]


def test_the_exit_code_is_the_worst_and_passes_when_all_pass(newsroom):
    assert cli("articles").exit_code == 1
    twice = cli("--format", "json", ENVOY, f"./{ENVOY}")
    assert twice.exit_code == 0 and len(json.loads(twice.output)["reports"]) == 1  # named twice: checked once
    assert cli("--fail-on", "misspelled", "articles/syria").exit_code == 0


def test_one_file_gives_the_single_report_a_folder_the_combined_one(newsroom):
    for fmt in ("text", "json", "sarif", "junit", "markdown"):
        single = cli("--format", fmt, ENVOY).output
        assert single == render(verify(ENVOY, Options(offline=True)), fmt, Style())
    folder = json.loads(cli("--format", "json", "articles/syria").output)
    assert [r["claims_file"] for r in folder["reports"]] == [ENVOY]


def test_combined_sarif_is_one_run_with_each_finding_at_its_own_article(newsroom, tmp_path):
    result = cli("articles", "-o", "out.sarif", "--fail-on", "contradicted,misspelled,supported")
    assert result.exit_code == 1
    doc = json.loads((tmp_path / "out.sarif").read_text())
    jsonschema.validate(doc, json.loads((FIXTURES / "sarif/sarif-2.1.0-trimmed.json").read_text()))
    (only_run,) = doc["runs"]
    where = {(r["properties"]["claimsFile"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"])
             for r in only_run["results"]}
    assert where == {(PRIMER, "articles/primer/article.md"), (ENVOY, "articles/syria/envoy/envoy.md")}
    envoy = [r for r in only_run["results"] if r["properties"]["claimsFile"] == ENVOY]
    assert [r["ruleId"] for r in envoy] == ["supported"]
    articles = only_run["properties"]["articles"]
    assert [(a["path"], a["passed"]) for a in articles] == [("articles/primer/article.md", False),
                                                            ("articles/syria/envoy/envoy.md", False)]
    assert only_run["properties"]["summary"]["supported"] == 4 and only_run["properties"]["passed"] is False


def test_combined_junit_has_a_suite_per_claims_file(newsroom, tmp_path):
    cli("articles", "-o", "out.xml")
    root = ET.fromstring((tmp_path / "out.xml").read_text())
    suites = root.findall("testsuite")
    assert [s.find("properties/property[@name='claims']").get("value") for s in suites] == [PRIMER, ENVOY]
    assert [s.get("tests") for s in suites] == ["11", "1"] and root.get("tests") == "12"
    assert root.get("failures") == str(sum(int(s.get("failures")) for s in suites)) != "0"
    assert {c.get("classname") for c in suites[1].findall("testcase")} == {"articles/syria/envoy/envoy.md"}


def test_combined_text_has_a_header_per_file_and_one_last_line(newsroom):
    out = cli("articles").output
    assert out.index(f"==> {PRIMER} <==") < out.index(f"==> {ENVOY} <==")
    assert "articles/syria/envoy/envoy.md:3:1: supported    envoy-name" in out
    last = out.rstrip("\n").splitlines()[-1]
    assert last.startswith("2 claims files, 12 claims: 4 supported") and "failed:" in last


def test_combined_markdown_and_claimreview(newsroom):
    md = cli("--format", "md", "articles").output
    assert md.count("# Fact-check: ") == 2 and "\n---\n" in md
    reviews = json.loads(cli("--format", "claimreview", "articles").output)
    assert len(reviews) == 12 and reviews[-1]["identifier"] == "envoy-name"


@pytest.mark.parametrize("bad, said", [
    ("version: 2\n", "version"),
    (ENVOY_CLAIMS.replace("path: envoy.md", "path: gone.md"), "article.path"),  # read only when its turn comes
])
def test_an_unusable_file_is_exit_2_with_nothing_written(newsroom, tmp_path, bad, said):
    (newsroom / "syria" / "envoy" / "envoy.claims.yaml").write_text(bad)
    result = CliRunner().invoke(main, ["verify", "--offline", "articles", "-o", "out.sarif", "-o", "out.xml"])
    assert result.exit_code == 2 and result.output.count("\n") == 1 and "Traceback" not in result.output
    assert result.output.startswith(f"factcheck: error: {ENVOY}") and said in result.output
    assert not (tmp_path / "out.sarif").exists() and not (tmp_path / "out.xml").exists()


def test_what_many_files_cannot_do(newsroom):
    html = cli("--format", "html", "articles")
    assert html.exit_code == 2 and "html is one article's page" in html.output
    article = cli("--article", "articles/syria/envoy/envoy.md", PRIMER, ENVOY)
    assert article.exit_code == 2 and "--article" in article.output


def test_only_picks_claims_across_files(newsroom):
    doc = json.loads(cli("--format", "json", "--only", "envoy-name,lavrov-name", "articles").output)
    assert [[c["id"] for c in r["claims"]] for r in doc["reports"]] == [["lavrov-name"], ["envoy-name"]]
    just_envoy = json.loads(cli("--format", "json", "--only", "envoy-name", "articles").output)
    assert [r["claims_file"] for r in just_envoy["reports"]] == [ENVOY]
    none = cli("--only", "no-such-claim", "articles")
    assert none.exit_code == 2 and "no claim with id no-such-claim in any of them" in none.output


class StopAfter:
    """A progress display whose Ctrl-C arrives after ``n`` claims, as a user's would."""

    def __init__(self, n: int) -> None:
        self.left = n

    def start(self, total: int) -> None:
        pass

    def advance(self) -> None:
        self.left -= 1
        if self.left == 0:
            raise KeyboardInterrupt

    def finish(self) -> None:
        pass


def test_ctrl_c_keeps_the_files_checked_so_far(newsroom):
    plans = plan(claims_files([Path("articles")]), None)
    with pytest.raises(BatchInterrupted) as stop:
        run(list(reversed(plans)), Options(offline=True), StopAfter(3))
    assert [r.claims_path.as_posix() for r in stop.value.reports] == [ENVOY]
    assert stop.value.partial is not None and len(stop.value.partial.results) == 2
    assert (stop.value.checked, stop.value.total) == (3, 12)


def test_ctrl_c_on_the_command_line_prints_each_file_so_far_and_exits_130(newsroom, loopback, tmp_path):
    loopback.routes["/hang"] = lambda conn: time.sleep(20)
    hanging = newsroom / "zz-later"
    hanging.mkdir()
    (hanging / "envoy.md").write_text(ENVOY_ARTICLE)
    (hanging / "claims.yaml").write_text(ENVOY_CLAIMS.replace("[pages/lavrentiev.html]", f"[{loopback.url('/hang')}]"))
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", "verify", ENVOY, "articles/zz-later/claims.yaml",
                             "-o", "report.sarif"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=tmp_path)
    limit = time.monotonic() + 30
    while not loopback.hits["/hang"] and time.monotonic() < limit:
        loopback.hit.wait(0.05)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)  # a hang guard: the source hangs for 20 s, the run must not wait
    assert proc.returncode == 130 and "Traceback" not in err + out, (out, err)
    assert err.strip().splitlines()[-1] == "factcheck: interrupted: 1 of 2 claims checked"
    assert out.index(f"==> {ENVOY} <==") < out.index("==> articles/zz-later/claims.yaml <==")
    assert out.splitlines()[-1] == "2 claims files, 1 claims: 1 supported; interrupted"
    assert not (tmp_path / "report.sarif").exists()
