"""The seed's HTML report in a real browser: it renders, with no console errors.

Needs Debian's chromium (`apt-get install chromium`); skipped where it is absent."""

import shutil
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from factcheck.engine import Options, verify
from factcheck.reports import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--enable-logging=stderr", "--v=0",
]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_seed_report_renders_in_chromium_without_console_errors(tmp_path):
    report = verify(ROOT / "claims.yaml", Options(offline=True, cache_dir=tmp_path / "cache"))
    page = tmp_path / "report.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    run = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    dom = BeautifulSoup(run.stdout, "html.parser")
    ids = {r.claim.id for r in report.results}
    assert ids and all(claim_id in dom.get_text() for claim_id in ids)
    assert len(dom.find_all("mark")) >= sum(len(r.mentions) for r in report.results)
