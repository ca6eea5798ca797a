"""Misbehaving servers against the fetcher: per category, how many inputs were tried and how many
gave a traceback (an exception out of ``fetch`` or a masked one, ``FailureKind.INTERNAL``), a hang
(longer than 3 x timeout + 12 s, the bound of issue 19), a wrong outcome (not the failure kind,
or not the text, the input calls for), or a leak (a metadata address asked of a proxy).

Every server is on 127.0.0.1 (a raw socket server, and a CONNECT-logging proxy); the inputs are
generated from a fixed seed. Sources run 16 at a time, each with its own Fetcher.

    .venv/bin/python bench/fetch_faults.py [--timeout 1.0] [--seed 19]
"""

from __future__ import annotations

import argparse
import gzip
import os
import random
import socket
import sys
import time
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from factcheck.fetch import FailureKind, Fetcher

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from fetch_servers import LoggingProxy, SocketServer  # noqa: E402 - the tests' loopback servers

Route = Callable[[socket.socket], None]
TEXT = b"The Cape of Good Hope is a rocky headland on the Atlantic coast of the Cape Peninsula."
OK = None  # expected outcome: the text, no failure


@dataclass
class Case:
    category: str
    route: Route | None  # None: the URL is not served here (proxy cases)
    expect: FailureKind | None | set[FailureKind | None]  # a kind, OK, or any of a set
    text: bytes = TEXT
    url: str | None = None


def head(status: str = "200 OK", **headers: str) -> bytes:
    headers = {"Content-Type": "text/plain", "Connection": "close", **headers}
    return (f"HTTP/1.1 {status}\r\n" + "".join(f"{k.replace('_', '-')}: {v}\r\n" for k, v in headers.items())
            + "\r\n").encode("latin-1")


def trickle(data: bytes, delay: float) -> Route:
    def route(conn: socket.socket) -> None:
        for i in range(len(data)):
            conn.sendall(data[i:i + 1])
            time.sleep(delay)
    return route


def then_silence(data: bytes, seconds: float = 30) -> Route:
    def route(conn: socket.socket) -> None:
        conn.sendall(data)
        time.sleep(seconds)
    return route


def raw(data: bytes) -> Route:
    return lambda conn: conn.sendall(data)


def chunked(parts: list[bytes], end: bytes = b"0\r\n\r\n") -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts) + end


def cases(rng: random.Random, timeout: float) -> list[Case]:
    out: list[Case] = []
    delay = timeout / 4  # each byte within the read timeout: only the deadline ends these
    for n in (40, 80, 200, 1000, 5000):
        out.append(Case("trickling headers", trickle(b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * n, delay),
                        FailureKind.TIMEOUT))
        out.append(Case("trickling headers", trickle(head() + TEXT, delay), FailureKind.TIMEOUT))
    for framing in ("length", "chunked", "close"):
        for d in (delay, delay / 2, delay * 1.5):
            body = TEXT * 3
            if framing == "length":
                data = head(Content_Length=str(len(body))) + body
            elif framing == "chunked":
                data = head(Transfer_Encoding="chunked") + chunked([body[i:i + 1] for i in range(len(body))])
            else:
                data = head() + body
            out.append(Case("trickling body", trickle(data, d), FailureKind.TIMEOUT))
    for data in (b"", b"HTTP/1.1 200 OK\r\n", head(Content_Length="100"), head(Transfer_Encoding="chunked"),
                 head(Transfer_Encoding="chunked") + b"10\r\nabc", head(Content_Length="50") + b"x" * 10):
        out.append(Case("slowloris", then_silence(data), FailureKind.TIMEOUT))
    out += redirects(rng)
    for size in (70_000, 100_000, 1_000_000, 60_000):
        ok = size < 65_536
        out.append(Case("huge headers", raw(head(X_Huge="a" * (size - 10), Content_Length=str(len(TEXT))) + TEXT),
                        OK if ok else FailureKind.INVALID_RESPONSE))
    for count in (101, 1000, 10_000, 90):
        many = {f"X_{i}": "1" for i in range(count)}
        out.append(Case("huge headers", raw(head(**many, Content_Length=str(len(TEXT))) + TEXT),
                        OK if count < 95 else FailureKind.INVALID_RESPONSE))
    out += bombs()
    out += chunk_garbage(rng)
    for sent, declared in ((0, 500), (10, 500), (len(TEXT) - 1, len(TEXT))):
        out.append(Case("closed mid-body", raw(head(Content_Length=str(declared)) + TEXT[:sent]),
                        FailureKind.CONNECTION))
    out.append(Case("closed mid-body", raw(head(Transfer_Encoding="chunked") + b"400\r\n" + TEXT),
                    FailureKind.CONNECTION))
    out.append(Case("closed mid-body", raw(head() + TEXT[:20]), OK, text=TEXT[:20]))  # no length: ends at close
    for declared, expect, text in ((str(len(TEXT) - 30), OK, TEXT[:-30]), (str(len(TEXT) + 30), FailureKind.CONNECTION,
                                   TEXT), ("abc", OK, TEXT), ("-1", OK, TEXT), ("5, 9", FailureKind.INVALID_RESPONSE,
                                   TEXT), (" 1e3", OK, TEXT)):
        out.append(Case("wrong Content-Length", raw(head(Content_Length=declared) + TEXT), expect, text=text))
    out += garbage(rng)
    out += charsets()
    return out


def redirects(rng: random.Random) -> list[Case]:
    out = []
    for hops in (0, 1, 5, 10, 11, 50):
        out.append(Case("endless redirects", None, OK if hops <= 10 else FailureKind.REDIRECT_LOOP, url=f"hops:{hops}"))
    out.append(Case("endless redirects", raw(head("302 Found", Location="/loop-self", Content_Length="0")),
                    FailureKind.REDIRECT_LOOP, url="/loop-self"))
    for target in ("file:///etc/passwd", "data:text/html,<p>x</p>", "gopher://127.0.0.1/", "javascript:alert(1)"):
        out.append(Case("endless redirects", raw(head("301 Moved", Location=target, Content_Length="0")),
                        FailureKind.REDIRECT_SCHEME))
    return out


def bombs() -> list[Case]:
    out = []
    for mb in (11, 64, 256):
        zeros = b"\0" * (mb * 2**20)
        for name, packed in (("gzip", gzip.compress(zeros, 9)), ("deflate", zlib.compress(zeros, 9))):
            out.append(Case("decompression bombs", raw(head(Content_Encoding=name, Content_Length=str(len(packed)))
                                                       + packed), FailureKind.TOO_LARGE))
            out.append(Case("decompression bombs", raw(head(Content_Encoding=name, Transfer_Encoding="chunked")
                                                       + chunked([packed[i:i + 65536] for i in range(0, len(packed),
                                                                                               65536)])),
                            FailureKind.TOO_LARGE))
    small = gzip.compress(TEXT)
    out.append(Case("decompression bombs", raw(head(Content_Encoding="gzip", Content_Length=str(len(small)))
                                               + small), OK))
    out.append(Case("decompression bombs", raw(head(Content_Encoding="gzip", Content_Length="40") + b"\x1f\x8b"
                                               + b"z" * 38), FailureKind.DECODE))
    return out


def chunk_garbage(rng: random.Random) -> list[Case]:
    out = []
    for _ in range(12):
        parts = [TEXT[i:i + 9] for i in range(0, len(TEXT), 9)]
        body = chunked(parts)
        kind = rng.choice(["bad length", "cut", "valid", "no terminator"])
        if kind == "bad length":
            at = body.index(b"\r\n", rng.randrange(len(body) // 2)) + 2
            data, expect = body[:at] + b"zz" + rng.randbytes(3).hex().encode() + b"\r\n" + body[at:], FailureKind.DECODE
        elif kind == "cut":
            data, expect = body[: rng.randrange(5, len(body) - 5)], FailureKind.CONNECTION
        elif kind == "no terminator":
            data, expect = body[: -len(b"0\r\n\r\n")], FailureKind.CONNECTION
        else:
            data, expect = body, OK
        out.append(Case("chunked garbage", raw(head(Transfer_Encoding="chunked") + data), expect))
    return out


def garbage(rng: random.Random) -> list[Case]:
    """Random bytes, or a valid response with random bytes flipped: anything but a crash is right."""
    any_outcome = {None, *FailureKind} - {FailureKind.INTERNAL}
    out = [Case("random responses", raw(rng.randbytes(rng.randrange(1, 3000))), any_outcome) for _ in range(60)]
    valid = head(Content_Length=str(len(TEXT))) + TEXT
    for _ in range(60):
        data = bytearray(valid)
        for _ in range(rng.randrange(1, 6)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        out.append(Case("random responses", raw(bytes(data)), any_outcome))
    return out


def charsets() -> list[Case]:
    text = "<p>Александр Лаврентьев met Staffan de Mistura in Geneva; naïve €</p>".encode()
    out = []
    for label in ("punycode", "idna", "rot13", "base64", "zip", "uu", "hex", "bz2", "utf-7", "utf-16", "utf-32",
                  "unicode_escape"):
        page = f'<html><head><meta charset="{label}"></head>'.encode() + text
        out.append(Case("lying charsets", raw(head(Content_Type="text/html", Content_Length=str(len(page))) + page), OK,
                        text=page))
        out.append(Case("lying charsets", raw(head(Content_Type=f"text/html; charset={label}",
                                                   Content_Length=str(len(page))) + page), OK, text=page))
    return out


PROXY_TARGETS = ["https://169.254.169.254/latest/meta-data/", "http://169.254.169.254/latest/meta-data/",
                 "http://[fd00:ec2::254]/", "http://[fe80::a9fe:a9fe]/", "http://2852039166/",
                 "http://[::ffff:169.254.169.254]/", "http://169.254.170.2/v2/credentials", "http://0251.0376.0251.0376/"]


def run(case: Case, url: str, timeout: float) -> tuple[str, float]:
    """The verdict on one case: 'traceback', 'hang', 'wrong' or 'ok', and the seconds it took."""
    start = time.monotonic()
    try:
        with Fetcher(timeout=timeout, retries=0) as fetcher:
            result = fetcher.fetch(url)
    except Exception:  # the finding this script exists to count
        return "traceback", time.monotonic() - start
    took = time.monotonic() - start
    if result.failure is FailureKind.INTERNAL:
        return "traceback", took
    if took > 3 * timeout + 12:
        return "hang", took
    expected = case.expect if isinstance(case.expect, set) else {case.expect}
    if result.failure not in expected:
        return "wrong", took
    if result.failure is None and case.expect is OK and result.text is not None:
        body = case.text.decode("utf-8")
        if not result.text.endswith(body.split("</head>")[-1]):
            return "wrong", took
    return "ok", took


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    server = SocketServer()
    all_cases = cases(rng, args.timeout)
    jobs: list[tuple[Case, str]] = []
    for i, case in enumerate(all_cases):
        if case.url and case.url.startswith("hops:"):
            hops = int(case.url.split(":")[1])
            for h in range(hops):
                server.routes[f"/c{i}-{h}"] = raw(head("302 Found", Location=f"/c{i}-{h + 1}", Content_Length="0"))
            server.routes[f"/c{i}-{hops}"] = raw(head(Content_Length=str(len(TEXT))) + TEXT)
            jobs.append((case, server.url(f"/c{i}-0")))
        elif case.url:
            server.routes[case.url] = case.route  # type: ignore[assignment]
            jobs.append((case, server.url(case.url)))
        else:
            server.routes[f"/c{i}"] = case.route  # type: ignore[assignment]
            jobs.append((case, server.url(f"/c{i}")))
    counts: dict[str, Counter[str]] = {}
    slowest: Counter[str] = Counter()
    start = time.monotonic()
    with ThreadPoolExecutor(16) as pool:
        outcomes = list(pool.map(lambda job: run(job[0], job[1], args.timeout), jobs))
    for (case, url), (verdict, took) in zip(jobs, outcomes, strict=True):
        counts.setdefault(case.category, Counter())[verdict] += 1
        slowest[case.category] = max(slowest[case.category], took)
        if verdict != "ok":
            print(f"  {verdict}: {case.category}: {url}", file=sys.stderr)
    server.stop()
    leaks = proxy_leaks(args.timeout)  # tried, asked of the proxy, refused
    print(f"timeout {args.timeout} s, hang bound {3 * args.timeout + 12:g} s, seed {args.seed}, "
          f"{time.monotonic() - start:.0f} s in all")
    print(f"{'category':24} {'tried':>5} {'tracebacks':>10} {'hangs':>5} {'wrong':>5} {'leaks':>5} {'slowest s':>9}")
    bad = 0
    for category, c in counts.items():
        print(f"{category:24} {sum(c.values()):5} {c['traceback']:10} {c['hang']:5} {c['wrong']:5} {0:5} "
              f"{slowest[category]:9.1f}")
        bad += c["traceback"] + c["hang"] + c["wrong"]
    tried, leaked, refused = leaks
    print(f"{'proxy, metadata target':24} {tried:5} {0:10} {0:5} {tried - refused:5} {leaked:5} {'':>9}")
    total = sum(sum(c.values()) for c in counts.values()) + tried
    print(f"{'all':24} {total:5}   {'all zero' if bad + leaked + tried - refused == 0 else 'FAILURES'}")
    return 1 if bad or leaked or tried != refused else 0


def proxy_leaks(timeout: float) -> tuple[int, int, int]:
    """Each metadata target under each proxy variable: (tried, asked of the proxy, refused)."""
    proxy = LoggingProxy()
    tried = refused = 0
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.lower().endswith("_proxy")}
    try:
        for variable in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"):
            os.environ[variable] = proxy.url
            for url in PROXY_TARGETS:
                with Fetcher(timeout=timeout, retries=0) as fetcher:
                    refused += fetcher.fetch(url).failure is FailureKind.REFUSED_ADDRESS
                tried += 1
            del os.environ[variable]
    finally:
        os.environ.update(saved)
        proxy.stop()
    return tried, len(proxy.log), refused


if __name__ == "__main__":
    sys.exit(main())
