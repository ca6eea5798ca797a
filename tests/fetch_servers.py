"""Loopback servers for the HTTP layer's tests. A test module imports the fixtures it uses
(``from fetch_servers import raw_server_fixture  # noqa: F401``) and names them without the
``_fixture`` (``def test_x(raw_server)``). Here:
pytest-httpserver for ordinary responses, a raw ThreadingHTTPServer where a test writes the
response itself, and a CONNECT-logging HTTP proxy. Where a test needs the bytes on the wire, it
uses the suite's ``loopback`` server (tests/loopback.py)."""

from __future__ import annotations

import select
import socket
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "http"
HTML = "text/html; charset=utf-8"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


class RawServer:
    """ThreadingHTTPServer on 127.0.0.1; each route is a function that writes the whole response."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable[[BaseHTTPRequestHandler], None]] = {}
        self.hits: Counter[str] = Counter()
        self.active = self.max_active = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                with outer._lock:
                    outer.hits[self.path] += 1
                    outer.active += 1
                    outer.max_active = max(outer.max_active, outer.active)
                try:
                    outer.routes[self.path](self)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with outer._lock:
                        outer.active -= 1

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(h: BaseHTTPRequestHandler, body: bytes, status: int = 200, ctype: str = HTML, **headers: str) -> None:
    h.send_response(status)
    h.send_header("Content-Type", ctype)
    h.send_header("Content-Length", str(len(body)))
    for name, value in headers.items():
        h.send_header(name.replace("_", "-"), value)
    h.end_headers()
    h.wfile.write(body)


class LoggingProxy:
    """An HTTP proxy on 127.0.0.1 that logs every request line it is asked (``CONNECT host:port``,
    ``GET http://...``). It forwards plain GETs and tunnels CONNECTs to 127.0.0.1 only; anything
    else is answered 502 without a connection, so a test never reaches beyond the loopback."""

    def __init__(self) -> None:
        self.log: list[str] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_CONNECT(self) -> None:  # noqa: N802
                outer._record(f"CONNECT {self.path}")
                host, _, port = self.path.rpartition(":")
                if host != "127.0.0.1":
                    self.send_error(502)
                    return
                with socket.create_connection((host, int(port)), timeout=10) as upstream:
                    self.send_response(200, "Connection established")
                    self.end_headers()
                    _pipe(self.connection, upstream)

            def do_GET(self) -> None:  # noqa: N802
                outer._record(f"GET {self.path}")
                if not self.path.startswith("http://127.0.0.1:"):
                    self.send_error(502)
                    return
                hostport, _, rest = self.path[len("http://"):].partition("/")
                host, _, port = hostport.partition(":")
                with socket.create_connection((host, int(port)), timeout=10) as upstream:
                    upstream.sendall(f"GET /{rest} HTTP/1.0\r\nHost: {hostport}\r\n\r\n".encode())
                    while data := upstream.recv(65536):
                        self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def _record(self, line: str) -> None:
        with self._lock:
            self.log.append(line)

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _pipe(a: socket.socket, b: socket.socket) -> None:
    while True:
        ready, _, _ = select.select([a, b], [], [], 10)
        if not ready:
            return
        for sock in ready:
            data = sock.recv(65536)
            if not data:
                return
            (b if sock is a else a).sendall(data)


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(name="server")
def server_fixture(httpserver_ipv4):
    return httpserver_ipv4


@pytest.fixture(name="raw_server")
def raw_server_fixture() -> Iterator[RawServer]:
    s = RawServer()
    yield s
    s.stop()


@pytest.fixture(name="proxy")
def proxy_fixture() -> Iterator[LoggingProxy]:
    p = LoggingProxy()
    yield p
    p.stop()
