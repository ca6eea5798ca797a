"""What every test module shares: where the repository is, and the loopback server."""

from __future__ import annotations

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
