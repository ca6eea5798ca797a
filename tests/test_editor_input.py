"""Input is never half-accepted (issue 17): each unusable input is exit 2 with one line, and the
library's ``Options`` refuses what the command line refuses."""

import json

import pytest
from click.testing import CliRunner

from conftest import ROOT
from factcheck.cli import main
from factcheck.engine import Options
from factcheck.model import Verdict

E2E = ROOT / "fixtures" / "e2e"
PAGE = ROOT / "fixtures" / "pages" / "eia_hormuz.html"


@pytest.fixture
def desk(e2e):
    return e2e


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _claims(desk, claims: str) -> str:
    (desk / "c.yaml").write_text(f"version: 1\narticle:\n  path: article.md\nclaims:\n{claims}", encoding="utf-8")
    return "c.yaml"


def test_a_missing_local_path_source_is_exit_2_naming_its_line(desk):
    name = _claims(desk, "  - id: x\n    type: statement\n    text: Iran\n    sources: [pages/no-such-file.html]\n")
    result = run("verify", "--offline", name, "-o", "r.json")
    assert result.exit_code == 2 and not (desk / "r.json").exists()
    assert result.output.startswith("factcheck: error: c.yaml:5: claims[0].sources[0]: ")
    assert "no-such-file.html" in result.output and "does not exist" in result.output


def test_an_empty_claims_list_is_exit_2(desk):
    result = run("verify", "--offline", _claims(desk, "  []\n"))
    assert result.exit_code == 2 and "claims" in result.output and "empty" in result.output


@pytest.mark.parametrize("content", [b"", b"  \n\n", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4])
@pytest.mark.parametrize("command", ["lint", "extract", "verify"])
def test_an_empty_or_binary_article_is_refused_as_not_text(desk, content, command):
    (desk / "article.md").write_bytes(content)
    result = run(command, "article.md") if command != "verify" else run("verify", "--offline")
    assert result.exit_code == 2 and "is not text" in result.output and len(result.output.splitlines()) == 1


@pytest.mark.parametrize("fail_on", ["", " , ", "xyz", "contradicted,xyz"])
def test_fail_on_that_names_no_verdict_or_an_unknown_one_is_an_error(desk, fail_on):
    result = run("verify", "--offline", "--fail-on", fail_on)
    assert result.exit_code == 2 and "--fail-on" in result.output


@pytest.mark.parametrize("alias, name", [("md", "# Fact-check"), ("xml", "<testsuites")])
def test_format_aliases_are_accepted(desk, alias, name):
    result = run("verify", "--offline", "--format", alias)
    assert result.exit_code == 1 and name in result.output


def test_verify_help_lists_the_formats_and_points_at_the_claims_format_doc():
    out = run("verify", "--help").output.replace("\n", " ")
    assert "docs/claims-format.md" in out and "markdown|html|junit|sarif" in out.replace(" ", "")


def test_json_keeps_the_claims_file_order_while_text_follows_the_article(desk):
    from factcheck.claims import load_claims

    in_file = [c.id for c in load_claims(desk / "claims.yaml").claims]
    assert [c["id"] for c in json.loads(run("verify", "--offline", "--format", "json").output)["claims"]] == in_file
    located = [ln.split(": ")[0].split(":")[1:] for ln in run("verify", "--offline").output.splitlines()
               if ln.startswith("article.md:") and ln.split(":")[1].isdigit()]
    positions = [(int(line), int(col)) for line, col in located]
    assert len(positions) > 5 and positions == sorted(positions)
    filed = [ln.split()[2].rstrip(":") for ln in run("verify", "--offline", "--order", "file").output.splitlines()
             if ln.startswith("article.md")]
    assert filed == in_file


def test_text_selector_matching_nothing_says_so_and_exits_1():
    result = CliRunner().invoke(main, ["text", str(PAGE), "--selector", ".sidebar-nowhere"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "matches nothing" in result.stderr


def test_text_prints_several_pages_each_under_a_header_and_names_a_missing_file():
    other = ROOT / "fixtures" / "pages" / "s300.html"
    result = CliRunner().invoke(main, ["text", str(PAGE), str(other), "nowhere.html"])
    assert result.exit_code == 1
    assert result.stdout.index(f"==> {PAGE} <==") < result.stdout.index(f"==> {other} <==")
    assert "Strait of Hormuz" in result.stdout and "no such file: nowhere.html" in result.stderr
    assert "archive" not in result.stderr


def test_options_take_any_iterable_of_ids_and_refuse_unknown_verdicts():
    assert Options(only=["a", "b"]).only == frozenset({"a", "b"})
    assert Options(only=("a",)).only == frozenset({"a"})
    assert Options(fail_on="contradicted,misquoted").fail_on == {Verdict.CONTRADICTED, Verdict.MISQUOTED}
    assert Options(fail_on={"unverified"}).fail_on == {Verdict.UNVERIFIED}
    with pytest.raises(ValueError, match="unknown verdict 'xyz'"):
        Options(fail_on={"xyz"})
    with pytest.raises(ValueError, match="empty"):
        Options(fail_on="")


def test_the_library_entry_points_say_what_they_do():
    from factcheck.engine import verify
    from factcheck.reports import render

    assert verify.__doc__ and "report" in verify.__doc__ and render.__doc__ and "format" in render.__doc__
