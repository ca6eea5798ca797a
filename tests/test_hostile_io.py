"""Issue 19, what reaches the terminal and the disk: escape sequences and workflow commands from
a page, a claims file or an article; reports all or none, never over a device or an input;
Ctrl-C exit 130 at every stage; no library warning; linear Markdown and HTML reading.

Servers are real (127.0.0.1); Ctrl-C is a real SIGINT sent to a real child process.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import terminal
from factcheck.article import Article
from factcheck.cli import main
from factcheck.offsets import Offsets
from loopback import Loopback

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures" / "hardening"
ARTICLE = (FIXTURES / "article.md").read_text(encoding="utf-8")
PAGE = (FIXTURES / "page.html").read_text(encoding="utf-8")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ENV.pop("PYTHONWARNINGS", None)

OSC_TITLE = "\x1b]0;pwned\x07"
HOSTILE = [OSC_TITLE, "\x1b[2J\x1b[31m", "\x07", "\x9b31m", "\x1b]8;;http://evil.example/\x1b\\", "\u202e", "\u2066",
           "\x00", "\x7f", "\r"]
# What must never reach a terminal: C0 but line feed, DEL, C1, bidi overrides and isolates.
FORBIDDEN = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
COMMAND_LINE = re.compile(r"^\s*(::|##\[)", re.MULTILINE)


# == the sanitizer ==================================================================================

@pytest.mark.parametrize("sequence", HOSTILE)
def test_clean_drops_every_control_sequence_and_its_payload(sequence):
    out = terminal.clean(f"Good Hope.{sequence} next")
    assert not FORBIDDEN.search(out), repr(out)
    assert out.startswith("Good Hope.") and out.endswith("next")
    assert "pwned" not in out and "evil" not in out  # an OSC's payload goes with it


def test_clean_collapses_line_breaks_so_no_line_can_start_a_workflow_command():
    out = terminal.clean("harmless\n::set-output name=verdict::supported\r\n##[error]fake")
    assert "\n" not in out and out == "harmless ::set-output name=verdict::supported ##[error]fake"
    assert terminal.clean("::add-mask::x").startswith(terminal.COMMAND_GUARD)


def test_guard_lines_prefixes_each_command_line_and_nothing_else():
    block = "ok line\n::set-output name=a::b\n  ::warning::indented\n##[group]g\nnot :: a command"
    guarded = terminal.guard_lines(block).splitlines()
    assert guarded[0] == "ok line" and guarded[-1] == "not :: a command"
    assert not any(COMMAND_LINE.match(line) for line in guarded)
    assert terminal.clean_block(block).count("\n") == block.count("\n")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "\x1b", "]", "[", "0", ";", "\x07", "\x9b", "\x9d", "\\",
                                         "m", ":", "#", "\u202e", "\x85", "\u2028", "é"]), max_size=60))
def test_clean_output_is_always_one_safe_line(text):
    out = terminal.clean(text)
    assert not FORBIDDEN.search(out) and "\n" not in out and "\u2028" not in out
    assert not COMMAND_LINE.match(out)


def test_json_for_terminal_is_the_same_json():
    doc = {"text": "a\x9b31m b\u202e c\x7f", "n": 1}
    shown = terminal.json_for_terminal(json.dumps(doc, ensure_ascii=False))
    assert not FORBIDDEN.search(shown) and json.loads(shown) == doc


# == end to end: page, claims file and article text never reach the terminal raw ===================

def _hostile_project(tmp_path: Path) -> Path:
    evil = "".join(HOSTILE)
    page = PAGE.replace("connects the Persian Gulf", f"connects{evil} the Persian Gulf").replace(
        "</article>", "<p>\n::set-output name=verdict::supported\n</p><p>::error file=x::fake</p></article>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE.replace("between Oman and Iran", f"between Oman{OSC_TITLE} and Iran"),
                                         encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "version: 1\narticle:\n  path: article.md\n  published: 2019-06-20\nclaims:\n"
        "  - id: geo\n    type: statement\n"
        '    text: "The Strait of Hormuz, between Oman and Iran, connects the Persian Gulf with the Gulf of Oman."\n'
        '    sources: [page.html]\n    note: "note \\e]0;pwned\\a and \\x9b31m"\n'
        '    accepted: "house style \\e[31m"\n', encoding="utf-8")
    return claims


def test_verbose_text_report_prints_no_control_character_and_no_command_line(tmp_path):
    claims = _hostile_project(tmp_path)
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline", "-vv"])
    assert result.exit_code in (0, 1), result.output
    assert "[supports]" in result.output or "[silent]" in result.output, result.output
    assert not FORBIDDEN.search(result.output), repr(result.output)
    assert not COMMAND_LINE.search(result.output)
    assert "pwned" not in result.output


def test_markdown_html_json_reports_carry_no_raw_control_character(tmp_path):
    claims = _hostile_project(tmp_path)
    outputs = [tmp_path / n for n in ("r.md", "r.html", "r.json", "r.sarif", "r.xml")]
    args = ["verify", str(claims), "--offline", "-v"] + [a for p in outputs for a in ("-o", str(p))]
    result = CliRunner().invoke(main, args)
    assert result.exit_code in (0, 1), result.output
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x1b]", text), (path.name, repr(text[:200]))
        if path.suffix in (".md", ".html"):
            assert not FORBIDDEN.search(text.replace("\t", "").replace("\r", "")), path.name


def test_text_command_keeps_lines_but_guards_commands_and_drops_controls(tmp_path):
    _hostile_project(tmp_path)
    result = CliRunner().invoke(main, ["text", str(tmp_path / "page.html")])
    assert result.exit_code == 0, result.output
    assert "set-output name=verdict::supported" in result.output  # the text is kept, only made harmless
    assert not COMMAND_LINE.search(result.output) and not FORBIDDEN.search(result.output)
    as_json = CliRunner().invoke(main, ["text", "--format", "json", str(tmp_path / "page.html")])
    assert not FORBIDDEN.search(as_json.output) and "connects" in json.loads(as_json.output)["text"]


def test_error_messages_quoting_the_claims_file_are_clean(tmp_path):
    claims = tmp_path / "claims.yaml"
    claims.write_text('version: 1\narticle:\n  path: "a\\e]0;pwned\\a.md"\nclaims:\n  - id: x\n    type: statement\n'
                      '    text: t\n"\\e[2J::set-output\\x9b": 1\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline"])
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("factcheck: error: ") and not FORBIDDEN.search(line), repr(line)


# == reports: all or none, never over a device, a FIFO or an input ================================

def _project(tmp_path: Path) -> Path:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    claims = tmp_path / "claims.yaml"
    claims.write_text(
        "version: 1\narticle:\n  path: article.md\n  published: 2019-06-20\nclaims:\n"
        "  - id: flow\n    type: number\n    text: about 21 million barrels per day of oil flowed through the strait\n"
        "    expect: 21 million barrels per day\n    sources: [page.html]\n", encoding="utf-8")
    return claims


def _verify(*args: str):
    return CliRunner().invoke(main, ["verify", *args, "--offline"])


def test_a_report_naming_the_claims_file_or_the_article_is_refused(tmp_path):
    claims = _project(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    (tmp_path / "alias.yaml").symlink_to(claims)
    for target in (claims, tmp_path / "article.md", tmp_path / "alias.yaml", tmp_path / "sub" / ".." / "claims.yaml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = _verify(str(claims), "--format", "json", "-o", str(target))
        assert result.exit_code == 2, result.output
        (line,) = result.output.splitlines()
        assert line.startswith(f"factcheck: error: {target}: cannot write report: it is the input "), line
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name in before} == before


def test_one_unwritable_report_means_no_report_at_all(tmp_path):
    claims = _project(tmp_path)
    (tmp_path / "old.json").write_text("previous report")
    result = _verify(str(claims), "-o", str(tmp_path / "old.json"), "-o", str(tmp_path / "new.html"),
                     "--format", "json", "--format", "html", "-o", "/dev/full", "--format", "sarif")
    assert result.exit_code == 2
    assert result.output.strip() == "factcheck: error: /dev/full: cannot write report: No space left on device"
    assert (tmp_path / "old.json").read_text() == "previous report" and not (tmp_path / "new.html").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_same_file_twice_is_refused(tmp_path):
    claims = _project(tmp_path)
    result = _verify(str(claims), "-o", str(tmp_path / "r.json"), "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 2 and "named twice" in result.output and not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_a_device_is_written_into_never_replaced(tmp_path, device):
    if not os.access(device, os.W_OK):
        pytest.skip(f"{device} is not writable here")
    claims = _project(tmp_path)
    before = os.stat(device)
    result = _verify(str(claims), "--format", "json", "-o", device)
    after = os.stat(device)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)
    assert not [p for p in Path("/dev").iterdir() if p.name.endswith(".tmp")]
    if device == "/dev/null":
        assert result.exit_code == 0, result.output
    else:
        assert result.exit_code == 2
        assert result.output.strip() == "factcheck: error: /dev/full: cannot write report: No space left on device"


def test_dev_stdout_gets_the_report_through_the_descriptor(tmp_path):
    claims = _project(tmp_path)
    out = tmp_path / "captured.json"
    with out.open("wb") as sink:
        proc = subprocess.run([sys.executable, "-m", "factcheck", "verify", str(claims), "--offline", "--format",
                               "json", "-o", "/dev/stdout", "-q"], stdout=sink, stderr=subprocess.PIPE, env=ENV)
    assert proc.returncode == 0, proc.stderr
    report, end = json.JSONDecoder().raw_decode(out.read_text())  # then the terminal's one summary line
    assert report["summary"]["total"] == 1 and out.read_text()[end:].strip().startswith("1 claims: 1 supported")


def test_a_fifo_is_written_into_and_one_without_reader_is_an_error_not_a_hang(tmp_path):
    claims = _project(tmp_path)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    result = _verify(str(claims), "--format", "json", "-o", str(fifo))
    assert result.exit_code == 2
    assert result.output.strip() == f"factcheck: error: {fifo}: cannot write report: No such device or address"
    received: list[bytes] = []
    reader_ready = threading.Event()

    def read() -> None:
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        reader_ready.set()
        chunks = []
        os.set_blocking(fd, True)
        while True:
            try:
                chunk = os.read(fd, 65536)
            except BlockingIOError:
                continue
            if not chunk and chunks:
                break
            if chunk:
                chunks.append(chunk)
            else:
                time.sleep(0.01)
        os.close(fd)
        received.append(b"".join(chunks))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader_ready.wait(5)
    result = _verify(str(claims), "--format", "json", "-o", str(fifo))
    reader.join(10)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["summary"]["total"] == 1


def test_a_symlinked_report_replaces_its_target_and_keeps_the_link(tmp_path):
    claims = _project(tmp_path)
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.json").write_text("old")
    (tmp_path / "latest.json").symlink_to(tmp_path / "reports" / "r.json")
    result = _verify(str(claims), "-o", str(tmp_path / "latest.json"))
    assert result.exit_code == 0, result.output
    assert (tmp_path / "latest.json").is_symlink()
    assert json.loads((tmp_path / "reports" / "r.json").read_text())["summary"]["total"] == 1


def test_the_temporary_report_of_a_killed_run_is_swept_by_the_next(tmp_path):
    claims = _project(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()
    (tmp_path / f".r.json.{dead}.tmp").write_text('{"half": ')
    (tmp_path / f".r.json.{os.getppid()}.tmp").write_text("a live process's, being written")
    result = _verify(str(claims), "-o", str(tmp_path / "r.json"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob(".r.json.*")) == [f".r.json.{os.getppid()}.tmp"]


# == Ctrl-C =========================================================================================

def _hang(conn: socket.socket) -> None:
    time.sleep(20)


@pytest.fixture
def slow_server():
    """The loopback server, where /hang (an article or a source) never answers; ``hit`` says it was asked."""
    server = Loopback()
    server.routes["/hang"] = server.routes["/hang/article.md"] = _hang
    yield server
    server.stop()


def _interrupt_when(proc: subprocess.Popen, ready: threading.Event, settle: float = 0.2) -> tuple[str, str]:
    """SIGINT once the hanging URL is asked for, after ``settle`` seconds for the claims that need it not."""
    assert ready.wait(20), "the run never reached the point to interrupt"
    time.sleep(settle)
    proc.send_signal(signal.SIGINT)
    return proc.communicate(timeout=20)


def _assert_interrupted(proc, out: str, err: str, checked: str) -> None:
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err + out and "Aborted" not in err + out and "KeyboardInterrupt" not in err
    assert err.strip().splitlines()[-1] == f"factcheck: interrupted: {checked} claims checked", err
    assert "passed" not in out


def _claims_citing(tmp_path: Path, article: str, sources: list[list[str]]) -> Path:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "article.md").write_text(ARTICLE, encoding="utf-8")
    lines = ["version: 1", "article:", f"  {article}", "  published: 2019-06-20", "claims:"]
    for i, cited in enumerate(sources):
        lines += [f"  - id: c{i}", "    type: number",
                  "    text: about 21 million barrels per day of oil flowed through the strait",
                  "    expect: 21 million barrels per day", f"    sources: {json.dumps(cited)}"]
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, claims: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "factcheck", "verify", str(claims), "--timeout", "15",
                             "-o", str(tmp_path / "report.json")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=ENV, cwd=tmp_path)


def test_ctrl_c_while_the_article_downloads(tmp_path, slow_server):
    claims = _claims_citing(tmp_path, f"url: {slow_server.url('/hang/article.md')}", [["page.html"]] * 3)
    proc = _run(tmp_path, claims)
    out, err = _interrupt_when(proc, slow_server.hit)
    _assert_interrupted(proc, out, err, "0 of 3")
    assert not (tmp_path / "report.json").exists() and not list(tmp_path.glob(".*.tmp"))


def test_ctrl_c_before_the_first_claim_while_its_source_downloads(tmp_path, slow_server):
    claims = _claims_citing(tmp_path, "path: article.md", [[slow_server.url("/hang")], ["page.html"]])
    proc = _run(tmp_path, claims)
    out, err = _interrupt_when(proc, slow_server.hit)
    _assert_interrupted(proc, out, err, "0 of 2")
    assert out.splitlines()[-1] == "0 claims: none; interrupted"
    assert not (tmp_path / "report.json").exists()


def test_ctrl_c_after_some_claims_says_interrupted_not_passed(tmp_path, slow_server):
    claims = _claims_citing(tmp_path, "path: article.md", [["page.html"], [slow_server.url("/hang")]])
    proc = _run(tmp_path, claims)
    # /hang is fetched ahead, before the first claim is judged; it holds the second claim for the whole
    # --timeout, so a longer wait only makes sure the first one is done, on a busy machine too.
    out, err = _interrupt_when(proc, slow_server.hit, settle=3.0)
    _assert_interrupted(proc, out, err, "1 of 2")
    assert out.splitlines()[-1] == "1 claims: 1 supported; interrupted"


def test_ctrl_c_during_start_up_is_exit_130_without_traceback():
    """As soon as the entry point module is imported, before click and the rest: SIGINT to self."""
    code = "import os, signal, time\nimport factcheck.cli\nos.kill(os.getpid(), signal.SIGINT)\ntime.sleep(10)\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=20)
    assert proc.returncode == 130 and proc.stderr == "factcheck: interrupted\n", proc.stderr


# == library warnings ===============================================================================

def test_no_library_warning_before_the_exit_2_line(tmp_path):
    claims = _project(tmp_path)
    claims.write_text(claims.read_text().replace("sources: [page.html]",
                                                 'sources: [{archive: page.html, selector: "p:contains(Hormuz)"}]')
                      + "unknown_key: 1\n")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "verify", str(claims), "--offline"],
                          capture_output=True, text=True, env=ENV, timeout=60)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("factcheck: error: ") and "unknown_key" in line


def test_a_deprecated_pseudo_class_is_said_in_our_words(tmp_path):
    claims = _project(tmp_path)
    claims.write_text(claims.read_text().replace(
        "sources: [page.html]", 'sources: [{archive: page.html, selector: "article p:contains(barrels)"}]'))
    proc = subprocess.run([sys.executable, "-m", "factcheck", "verify", str(claims), "--offline"],
                          capture_output=True, text=True, env=ENV, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr and "soupsieve" not in proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith("factcheck: warning: ") and line.endswith(
        "selector 'article p:contains(barrels)': ':contains' is deprecated, write ':-soup-contains'")


@pytest.mark.parametrize("body", ["https://example.org/page.html",
                                  '<?xml version="1.0"?><html><body><p>x</p></body></html>'])
def test_the_text_command_prints_no_bs4_warning(tmp_path, body):
    page = tmp_path / "page.html"
    page.write_text(body, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "factcheck", "text", str(page)], capture_output=True, text=True,
                          env=ENV, timeout=60)
    assert "Warning" not in proc.stderr and "warn" not in proc.stderr.lower(), proc.stderr


# == linear reading of hostile Markdown and HTML (timings are in bench/growth.py) ===================

def test_markdown_links_still_read_and_bracket_floods_keep_every_character():
    article = Article.from_string("See [the report](https://eia.gov/x) and ![map](m.png).\n" + "[" * 500 + "\n"
                                  + "[a](" * 200 + "\n[[nested](u)", "a.md")
    lines = article.text.split("\n")
    assert lines[0] == "See the report and map."
    assert lines[1] == "[" * 500 and lines[2] == "[a](" * 200 and lines[3] == "[nested"
    m = article.mention(article.text.index("nested"), article.text.index("nested") + 6)
    assert (m.line, m.column) == (4, 3)


@settings(max_examples=200, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 5), st.sampled_from([0, 1])), max_size=30))
def test_offsets_behave_like_the_list_they_replace(stretches):
    offsets, model = Offsets(), []
    for origin, count, step in stretches:
        offsets.add(origin, count, step)
        model.extend(range(origin, origin + count) if step else [origin] * count)
    assert len(offsets) == len(model) and list(offsets) == model
    assert all(offsets[i] == model[i] for i in range(-len(model), len(model)))
    if model:
        i, j = len(model) // 3, len(model) - len(model) // 3
        assert [o for origin, n, step in offsets.runs(i, j)
                for o in (range(origin, origin + n) if step else [origin] * n)] == model[i:j]
        offsets.drop_last()
        assert list(offsets) == model[:-1]
    with pytest.raises(IndexError):
        offsets[len(offsets)]
