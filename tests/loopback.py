"""The one loopback HTTP server of the suite: a raw server on 127.0.0.1 where each route gets the
connected socket and writes whatever bytes it likes, so a test can serve an ordinary page or
misbehave in ways a well-behaved server library will not."""

from __future__ import annotations

import socket
import threading
from collections import Counter
from collections.abc import Callable

Route = Callable[[socket.socket], None]


class Loopback:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.hit = threading.Event()
        self.stopping = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def page(self, path: str, body: bytes | str, ctype: str = "text/html; charset=utf-8") -> str:
        """Serve ``body`` at ``path``; its URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = lambda conn: respond(conn, data, ctype=ctype)
        return self.url(path)

    def _serve(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(10)
            head = b""
            try:
                while b"\r\n\r\n" not in head and len(head) < 65536:
                    chunk = conn.recv(4096)
                    if not chunk:
                        return
                    head += chunk
                path = head.split(b" ", 2)[1].decode("latin-1")
                self.hits[path] += 1
                self.hit.set()
                self.routes.get(path.split("?", 1)[0], not_found)(conn)
            except OSError:
                pass

    def stop(self) -> None:
        self.stopping.set()
        self.sock.close()


def head(status: str = "200 OK", ctype: str = "text/html; charset=utf-8", length: int | None = None,
         **headers: str) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {ctype}", "Connection: close"]
    if length is not None:
        lines.append(f"Content-Length: {length}")
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(conn: socket.socket, body: bytes, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
            **headers: str) -> None:
    conn.sendall(head(status, ctype, length=len(body), **headers) + body)


def not_found(conn: socket.socket) -> None:
    respond(conn, b"<p>nothing here</p>", "404 Not Found")
