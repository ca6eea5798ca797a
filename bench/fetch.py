"""Fetch throughput: concurrent against sequential, then the cache.

Serves PAGES distinct pages with LATENCY seconds added to every request, from HOSTS
ThreadingHTTPServers bound to 127.0.0.1, 127.0.0.2, ... (all loopback on Linux), so that
the per-host politeness limit (--per-host, default 4) and --jobs 16 can both hold: 16
connections at once, never more than 4 to one host. Then times

  1. jobs=1 against an empty cache (sequential),
  2. jobs=16 against another empty cache,
  3. jobs=16 again on that cache: every page fresh (max-age), so no request at all,
  4. jobs=16 with refresh=True: every page revalidated by ETag, answered 304, no body,

and prints the times, the speed-up of 2 over 1 (target >= 10x) and the body downloads in
3 and 4 (target 0). Exits 1 when a target is missed. The servers stop at the end, or by
themselves after --max-seconds.

    .venv/bin/python bench/fetch.py [--pages 200] [--latency 0.2] [--hosts 50] [--jobs 16]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from factcheck.fetch import Fetcher


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self.active: Counter[str] = Counter()
        self.max_active = 0  # most requests one host was serving at the same time

    def enter(self, host: str) -> None:
        with self.lock:
            self.active[host] += 1
            self.max_active = max(self.max_active, self.active[host])

    def leave(self, host: str) -> None:
        with self.lock:
            self.active[host] -= 1

    def add(self, what: str) -> None:
        with self.lock:
            self.counts[what] += 1

    def take(self) -> Counter[str]:
        with self.lock:
            out, self.counts = self.counts, Counter()
        return out


def make_handler(latency: float, stats: Stats) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            host = self.server.server_address[0]
            stats.enter(host)
            try:
                self.respond()
            finally:
                stats.leave(host)

        def respond(self) -> None:
            time.sleep(latency)
            etag = f'"{self.path.strip("/")}-v1"'
            if self.headers.get("If-None-Match") == etag:
                stats.add("304")
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = (f"<html><body><h1>Page {self.path}</h1>" + "<p>Euro banknotes and coins entered "
                    "circulation on 1 January 2002.</p>" * 40 + "</body></html>").encode()
            stats.add("200")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=3600")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


def start_servers(hosts: int, latency: float, stats: Stats) -> list[ThreadingHTTPServer]:
    servers = []
    handler = make_handler(latency, stats)
    for i in range(hosts):
        httpd = ThreadingHTTPServer((f"127.0.0.{i + 1}", 0), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(httpd)
    return servers


def stop_servers(servers: list[ThreadingHTTPServer]) -> None:
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def timed(urls: list[str], **options) -> tuple[float, dict]:
    start = time.perf_counter()
    with Fetcher(**options) as fetcher:
        results = fetcher.fetch_all(urls)
    elapsed = time.perf_counter() - start
    errors = [r.error for r in results.values() if r.error]
    if errors:
        sys.exit(f"bench: {len(errors)} fetches failed, first: {errors[0]}")
    return elapsed, results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--hosts", type=int, default=50)
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--per-host", type=int, default=4)
    ap.add_argument("--max-seconds", type=float, default=300)
    args = ap.parse_args()

    stats = Stats()
    servers = start_servers(args.hosts, args.latency, stats)
    watchdog = threading.Timer(args.max_seconds, stop_servers, args=(servers,))
    watchdog.daemon = True
    watchdog.start()
    urls = [f"http://127.0.0.{i % args.hosts + 1}:{servers[i % args.hosts].server_address[1]}/page{i}"
            for i in range(args.pages)]
    try:
        with tempfile.TemporaryDirectory() as seq_dir, tempfile.TemporaryDirectory() as par_dir:
            t_seq, _ = timed(urls, cache_dir=Path(seq_dir), jobs=1)
            seq = stats.take()
            t_par, _ = timed(urls, cache_dir=Path(par_dir), jobs=args.jobs, per_host=args.per_host)
            par = stats.take()
            t_warm, warm_results = timed(urls, cache_dir=Path(par_dir), jobs=args.jobs, per_host=args.per_host)
            warm = stats.take()
            t_reval, _ = timed(urls, cache_dir=Path(par_dir), jobs=args.jobs, per_host=args.per_host, refresh=True)
            reval = stats.take()
    finally:
        watchdog.cancel()
        stop_servers(servers)

    ratio = t_seq / t_par
    print(f"{args.pages} pages, {args.latency * 1000:.0f} ms latency each, {args.hosts} loopback hosts, "
          f"per-host limit {args.per_host}")
    print(f"cold, jobs=1            : {t_seq:7.2f} s   ({seq['200']} bodies downloaded)")
    print(f"cold, jobs={args.jobs:<2}           : {t_par:7.2f} s   ({par['200']} bodies downloaded)")
    print(f"most connections to one host at once: {stats.max_active} (limit {args.per_host})")
    print(f"speed-up jobs={args.jobs} / jobs=1 : {ratio:7.1f}x  (target >= 10x)")
    print(f"warm cache, jobs={args.jobs:<2}     : {t_warm:7.3f} s   ({warm['200']} bodies, "
          f"{sum(warm.values())} requests; all via {set(str(r.via) for r in warm_results.values())})")
    print(f"refresh (revalidate)    : {t_reval:7.2f} s   ({reval['200']} bodies, {reval['304']} x 304)")
    ok = ratio >= 10 and warm["200"] == 0 and reval["200"] == 0 and stats.max_active <= args.per_host
    print("targets met" if ok else "TARGET MISSED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
