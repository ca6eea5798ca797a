"""Progress goes through a small protocol, and the fetcher is an interface others can fake."""

from __future__ import annotations

import os
import select
import subprocess
import sys

import pytest

from factcheck.fetch import Fetcher, NoProgress, Progress, SourceFetcher, TerminalBar
from fetch_servers import (
    HTML,
    server_fixture,  # noqa: F401 - pytest's fixture
)


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, object]] = []

    def start(self, total: int) -> None:
        self.calls.append(("start", total))

    def advance(self, url: str) -> None:
        self.calls.append(("advance", url))

    def finish(self) -> None:
        self.calls.append(("finish", None))


def test_progress_is_told_of_each_url_and_the_end(server):
    for p in ("/a", "/b", "/c"):
        server.expect_request(p).respond_with_data("<p>ok</p>", content_type=HTML)
    urls = [server.url_for(p) for p in ("/a", "/b", "/c")]
    recorder = Recorder()
    with Fetcher(progress=recorder) as f:
        f.fetch_all(urls + urls[:1])  # a URL asked for twice counts once
        f.fetch_all(urls)  # nothing new: no second batch
    assert recorder.calls[0] == ("start", 3) and recorder.calls[-1] == ("finish", None)
    assert sorted(url for what, url in recorder.calls if what == "advance") == sorted(urls)
    assert len(recorder.calls) == 5


def test_a_given_progress_is_told_of_background_batches_and_true_is_not(server, monkeypatch):
    """``progress=True`` is what the CLI passes while it draws its own bar over the results: only
    ``fetch_all`` draws then, as before; a Progress given is told of ``start``'s batches too."""
    server.expect_request("/a").respond_with_data("<p>ok</p>", content_type=HTML)
    server.expect_request("/b").respond_with_data("<p>ok</p>", content_type=HTML)
    recorder = Recorder()
    with Fetcher(progress=recorder) as f:
        f.start([server.url_for("/a")])[server.url_for("/a")].result()
    assert recorder.calls == [("start", 1), ("advance", server.url_for("/a")), ("finish", None)]
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as tty:
        monkeypatch.setattr(sys, "stderr", tty)
        with Fetcher(progress=True) as f:
            f.start([server.url_for("/a")])[server.url_for("/a")].result()
            os.set_blocking(leader, False)
            with pytest.raises(BlockingIOError):
                os.read(leader, 4096)  # nothing drawn
            f.fetch_all([server.url_for("/b")])
            assert "1/1" in _drawn(leader)
    os.close(leader)


def test_a_broken_progress_display_loses_no_source(server):
    class Broken(Recorder):
        def advance(self, url: str) -> None:
            raise RuntimeError("display gone")

    server.expect_request("/a").respond_with_data("<p>ok</p>", content_type=HTML)
    with Fetcher(progress=Broken()) as f:
        assert f.fetch_all([server.url_for("/a")])[server.url_for("/a")].text == "<p>ok</p>"


def _drawn(leader: int) -> str:
    """Everything written to the terminal so far: a pty hands over what was written in pieces."""
    out = b""
    while select.select([leader], [], [], 0.5)[0]:
        chunk = os.read(leader, 4096)
        if not chunk:
            break
        out += chunk
    return out.decode()


def test_progress_true_draws_a_bar_on_a_terminal_and_nothing_elsewhere(server, capfd):
    server.expect_request("/a").respond_with_data("<p>ok</p>", content_type=HTML)
    leader, follower = os.openpty()
    with os.fdopen(follower, "w") as tty:
        bar = TerminalBar(tty)
        with Fetcher(progress=bar) as f:
            f.fetch_all([server.url_for("/a")])
        drawn = _drawn(leader)
    os.close(leader)
    assert "fetching sources" in drawn and "1/1" in drawn and drawn.endswith("\n")
    with Fetcher(progress=True) as f:
        f.fetch_all([server.url_for("/a")])
    assert capfd.readouterr().err == ""  # stderr is not a terminal under pytest


def test_the_protocols_are_met():
    assert isinstance(NoProgress(), Progress) and isinstance(TerminalBar(), Progress)
    assert isinstance(Recorder(), Progress)
    with Fetcher() as f:
        assert isinstance(f, SourceFetcher)


def test_the_http_layer_imports_no_click():
    code = "import sys, factcheck.fetch; print('click' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
