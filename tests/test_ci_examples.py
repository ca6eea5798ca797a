"""The CI examples do what they say: their factcheck command lines, run as written against a copy of
the repository's claims, exit 1 on the seed's findings and leave reports that parse."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT

try:
    import factcheck.engine  # noqa: F401  (only whether it imports)
except ImportError:  # the engine is still being written: nothing to run the examples against
    ENGINE = False
else:
    ENGINE = True

needs_engine = pytest.mark.skipif(not ENGINE, reason="factcheck.engine is not importable yet")

WORKFLOW = ROOT / "examples/ci/github-actions.yml"
HOOKS = ROOT / ".pre-commit-hooks.yaml"
PRE_COMMIT = ROOT / "examples/ci/pre-commit-config.yaml"
FACTCHECK = Path(sys.executable).parent / "factcheck"  # the venv's console script
SARIF_SCHEMA = json.loads((ROOT / "fixtures/sarif/sarif-2.1.0-trimmed.json").read_text())


def steps() -> list[dict]:
    workflow = yaml.safe_load(WORKFLOW.read_text())
    (job,) = workflow["jobs"].values()
    return job["steps"]


def verify_step() -> dict:
    (step,) = [s for s in steps() if "factcheck verify" in s.get("run", "")]
    return step


def outputs(argv: list[str]) -> dict[str, str]:
    """``--format F -o PATH`` pairs, in order, as the CLI pairs them."""
    formats = [argv[i + 1] for i, a in enumerate(argv) if a == "--format"]
    paths = [argv[i + 1] for i, a in enumerate(argv) if a in ("-o", "--output")]
    return dict(zip(formats, paths, strict=False))


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    assert argv[0] == "factcheck"
    argv = [str(FACTCHECK), *argv[1:]]
    if "--offline" not in argv:
        argv.append("--offline")
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "claims.yaml", tmp_path / "claims.yaml")
    for folder in ("seeds", "fixtures"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def claim_ids() -> list[str]:
    return [c["id"] for c in yaml.safe_load((ROOT / "claims.yaml").read_text())["claims"]]


def test_workflow_uploads_both_reports_before_failing_the_job():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"]["security-events"] == "write"
    all_steps = steps()
    verify = verify_step()
    assert verify["continue-on-error"] is True and verify["id"]
    reports = outputs(shlex.split(verify["run"]))
    assert set(reports) == {"sarif", "html"}
    install = next(s for s in all_steps if "pip install" in s.get("run", ""))
    assert all_steps.index(install) < all_steps.index(verify)
    upload_sarif = next(s for s in all_steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    artifact = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload_sarif["with"]["sarif_file"] == reports["sarif"] and artifact["with"]["path"] == reports["html"]
    for upload in (upload_sarif, artifact):
        assert "always()" in upload["if"] and all_steps.index(upload) > all_steps.index(verify)
    gate = all_steps[-1]
    assert gate["if"] == f"steps.{verify['id']}.outcome == 'failure'"
    assert re.search(r"^\s*exit 1\s*$", gate["run"], re.M)


def test_pre_commit_hook_definition():
    (hook,) = yaml.safe_load(HOOKS.read_text())
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "factcheck", "factcheck verify", "python", False)
    files = re.compile(hook["files"])
    for path in ("claims.yaml", "desk/claims.yml", "seeds/000_cfcb191671b4f14f.txt", "articles/a.md", "story.html"):
        assert files.search(path), path
    for path in ("src/factcheck/cli.py", "claims.yaml.bak", "photo.jpg"):
        assert not files.search(path), path
    (repo_entry,) = yaml.safe_load(PRE_COMMIT.read_text())["repos"]
    (used,) = repo_entry["hooks"]
    assert used["id"] == hook["id"] and repo_entry["rev"]
    narrowed = re.compile(used["files"])
    assert narrowed.search("claims.yaml") and narrowed.search("seeds/000_cfcb191671b4f14f.txt")


@needs_engine
def test_workflow_command_exits_1_on_the_seed_and_writes_reports(repo: Path):
    argv = shlex.split(verify_step()["run"])
    done = run(argv, repo)
    assert done.returncode == 1, done.stderr
    reports = outputs(argv)
    sarif = json.loads((repo / reports["sarif"]).read_text())
    jsonschema.validate(sarif, SARIF_SCHEMA)
    found = sarif["runs"][0]["results"]
    assert {r["properties"]["claimId"] for r in found if "suppressions" not in r} >= {"envoy-name"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_cfcb191671b4f14f.txt"
               for r in found)
    page = BeautifulSoup((repo / reports["html"]).read_text(), "html.parser")
    assert [c.code.get_text() for c in page.select("article.card h3")] != []
    assert sorted(c.code.get_text() for c in page.select("article.card h3")) == sorted(claim_ids())
    assert page.find_all("script") == []


@needs_engine
def test_pre_commit_command_exits_1_on_the_seed(repo: Path):
    (hook,) = yaml.safe_load(HOOKS.read_text())
    (used,) = yaml.safe_load(PRE_COMMIT.read_text())["repos"][0]["hooks"]
    done = run(shlex.split(hook["entry"]) + used.get("args", []), repo)
    assert done.returncode == 1, done.stderr
    assert "seeds/000_cfcb191671b4f14f.txt:3:49: misspelled" in done.stdout
    assert done.stdout.rstrip().splitlines()[-1].startswith(f"{len(claim_ids())} claims:")


@needs_engine
def test_junit_and_markdown_from_the_same_run(repo: Path):
    argv = ["factcheck", "verify", "claims.yaml", "--format", "junit", "-o", "r.xml",
            "--format", "markdown", "-o", "r.md"]
    assert run(argv, repo).returncode == 1
    root = ET.parse(repo / "r.xml").getroot()
    assert root.get("tests") == str(len(claim_ids())) and int(root.get("failures")) >= 1
    assert (repo / "r.md").read_text().startswith("# Fact-check: seeds/000")
