"""The CI examples do what they say: their factcheck command lines, run as written against a copy of
the repository's claims, exit 1 on the seed's findings and leave reports that parse."""

from __future__ import annotations

import json
import os
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


ACTION = ROOT / "action.yml"
_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def action() -> dict:
    return yaml.safe_load(ACTION.read_text())


def steps() -> list[dict]:
    return action()["runs"]["steps"]


def verify_step() -> dict:
    (step,) = [s for s in steps() if s.get("id") == "verify"]
    return step


def substitute(value: str, inputs: dict[str, str]) -> str:
    """``${{ inputs.x }}`` as GitHub expands it before the shell sees the script; nothing else is expected."""
    def one(m: re.Match) -> str:
        expr = m.group(1)
        assert expr.startswith("inputs."), expr
        return inputs[expr.removeprefix("inputs.")]
    return _EXPR.sub(one, value)


def run_step(step: dict, inputs: dict[str, str], cwd: Path, github_output: Path) -> subprocess.CompletedProcess:
    """A composite ``run:`` step as the runner runs it: bash, inputs substituted, its env set."""
    assert step["shell"] == "bash"
    env = {**os.environ, "PATH": f"{FACTCHECK.parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_OUTPUT": str(github_output), "GITHUB_ACTION_PATH": str(ROOT),
           **{k: substitute(str(v), inputs) for k, v in step.get("env", {}).items()}}
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", substitute(step["run"], inputs)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def action_inputs(**given: str) -> dict[str, str]:
    inputs = {name: str(spec.get("default", "")) for name, spec in action()["inputs"].items()}
    return {**inputs, **given}


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


def test_workflow_uses_the_action():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    assert workflow["permissions"]["security-events"] == "write"
    (job,) = workflow["jobs"].values()
    (used,) = [s for s in job["steps"] if s.get("uses") == "./"]
    assert used["with"]["claims"] == "claims.yaml" and set(used["with"]) <= set(action()["inputs"])


def test_action_uploads_both_reports_before_failing():
    assert action()["runs"]["using"] == "composite"
    all_steps = steps()
    verify = verify_step()
    install = next(s for s in all_steps if "pip install" in s.get("run", ""))
    assert install["run"].strip() == 'python -m pip install "$GITHUB_ACTION_PATH"'
    assert all_steps.index(install) < all_steps.index(verify)
    cache = next(s for s in all_steps if s.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == "${{ inputs.cache-dir }}" and "--cache-dir" in verify["run"]
    upload_sarif = next(s for s in all_steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    artifact = next(s for s in all_steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload_sarif["with"]["sarif_file"] == verify["env"]["SARIF"] == "${{ inputs.sarif }}"
    assert artifact["with"]["path"] == verify["env"]["HTML"] == "${{ inputs.html }}"
    for upload in (upload_sarif, artifact):
        assert "always()" in upload["if"] and all_steps.index(upload) > all_steps.index(verify)
    gate = all_steps[-1]
    assert gate["if"] == "steps.verify.outputs.exit-code == '1'"
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


def _step_outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)


@needs_engine
def test_action_steps_exit_1_on_the_seed_after_writing_reports(repo: Path, tmp_path: Path):
    """The verify and gate steps as written (the install step is the venv's editable install here;
    ``--offline`` keeps it off the network, as every CI test does)."""
    inputs = action_inputs(**{"fail-on": "", "cache-dir": str(tmp_path / "cache")})
    out = tmp_path / "github_output"
    verify = dict(verify_step())
    verify["run"] = verify["run"].replace('factcheck "${args[@]}"', 'factcheck "${args[@]}" --offline')
    assert verify["run"] != verify_step()["run"]
    done = run_step(verify, inputs, repo, out)
    assert done.returncode == 0, done.stderr
    assert _step_outputs(out)["exit-code"] == "1"
    sarif = json.loads((repo / inputs["sarif"]).read_text())
    jsonschema.validate(sarif, SARIF_SCHEMA)
    found = sarif["runs"][0]["results"]
    assert {r["properties"]["claimId"] for r in found if "suppressions" not in r} >= {"envoy-name"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "seeds/000_cfcb191671b4f14f.txt"
               for r in found)
    page = BeautifulSoup((repo / inputs["html"]).read_text(), "html.parser")
    assert sorted(c.code.get_text() for c in page.select("article.card h3")) == sorted(claim_ids())
    assert page.find_all("script") == []
    gate = steps()[-1]
    assert gate["if"] == "steps.verify.outputs.exit-code == '1'"  # true here
    assert run_step(gate, inputs, repo, out).returncode == 1


@needs_engine
def test_action_inputs_reach_the_command(repo: Path, tmp_path: Path):
    """fail-on narrowed to a verdict the seed does not have: the run passes and the gate stays off."""
    inputs = action_inputs(**{"fail-on": "disputed", "sarif": "out.sarif", "html": "out.html",
                              "cache-dir": str(tmp_path / "cache")})
    verify = dict(verify_step())
    verify["run"] = verify["run"].replace('factcheck "${args[@]}"', 'factcheck "${args[@]}" --offline')
    out = tmp_path / "github_output"
    done = run_step(verify, inputs, repo, out)
    assert done.returncode == 0, done.stderr
    assert _step_outputs(out)["exit-code"] == "0"
    assert (repo / "out.sarif").is_file() and (repo / "out.html").is_file()


@needs_engine
def test_action_checks_a_folder_of_claims_files_into_one_sarif(repo: Path, tmp_path: Path):
    desk = repo / "desk"  # two articles' claims files, each with what it cites below it
    shutil.copytree(repo / "seeds", desk / "seeds")
    shutil.copytree(repo / "fixtures" / "pages", desk / "fixtures" / "pages")
    shutil.copy(repo / "claims.yaml", desk / "iran.claims.yaml")
    shutil.copy(repo / "claims.yaml", desk / "copy.claims.yaml")
    inputs = action_inputs(**{"claims": "desk", "archive": "wayback", "cache-dir": str(tmp_path / "cache")})
    verify = dict(verify_step())
    verify["run"] = verify["run"].replace('factcheck "${args[@]}"', 'factcheck "${args[@]}" --offline')
    out = tmp_path / "github_output"
    done = run_step(verify, inputs, repo, out)
    assert done.returncode == 0, done.stderr
    assert _step_outputs(out)["exit-code"] == "1" and not (repo / inputs["html"]).exists()
    sarif = json.loads((repo / inputs["sarif"]).read_text())
    jsonschema.validate(sarif, SARIF_SCHEMA)
    files = {r["properties"]["claimsFile"] for r in sarif["runs"][0]["results"]}
    assert len(sarif["runs"]) == 1 and len(files) == 2


@needs_engine
def test_action_stops_at_once_on_an_unusable_claims_file(repo: Path, tmp_path: Path):
    (repo / "claims.yaml").write_text("version: 2\n")
    out = tmp_path / "github_output"
    done = run_step(verify_step(), action_inputs(**{"cache-dir": str(tmp_path / "cache")}), repo, out)
    assert done.returncode == 2 and _step_outputs(out)["exit-code"] == "2"
    assert "claims.yaml" in done.stderr and not (repo / "factcheck.sarif").exists()


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
