"""What every test module shares: where the repository is, the loopback server, and a working copy
of the end-to-end fixture."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from loopback import Loopback

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEED = ROOT / "seeds" / "000_cfcb191671b4f14f.txt"


@pytest.fixture
def loopback():
    """A fresh HTTP server on 127.0.0.1 for one test."""
    server = Loopback()
    yield server
    server.stop()


@pytest.fixture
def e2e(tmp_path, monkeypatch):
    """A copy of fixtures/e2e (without a local run's cache), so the default cache dir lands in tmp;
    the test runs from inside it."""
    shutil.copytree(FIXTURES / "e2e", tmp_path / "e2e", ignore=shutil.ignore_patterns(".factcheck-cache"))
    monkeypatch.chdir(tmp_path / "e2e")
    return tmp_path / "e2e"
