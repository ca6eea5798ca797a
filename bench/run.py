"""Scaling benchmark: many claims against a shelf of large pages, fast path against a naive baseline.

    .venv/bin/python bench/run.py --quick       # 100 claims x 20 pages, 1,000 x 200 (about a minute once fast)
    .venv/bin/python bench/run.py               # also 10,000 claims x 2,000 pages
    .venv/bin/python bench/run.py --sizes 300x60 --profile --keep /tmp/fc-bench
    .venv/bin/python bench/run.py --quick --readme  # and rewrite the README's performance table

For each size, ``bench/corpus.py`` generates (seeded, invented facts) one article holding the
claim passages and a claims file citing 1-3 pages each by URL; the pages (50 KB-1 MB of news-page
HTML: nav, cookie banner, story, data tables, related links, a sidebar of distractor figures,
footer) are rendered on request by ThreadingHTTPServers on 127.0.0.1-127.0.0.16, with ETag and
Cache-Control: max-age, so that a warm-cache run makes no download. Three phases, each a fresh
child process running ``factcheck.engine.verify`` (so its peak RSS is its own):

  cold   empty cache, jobs=16, the fast path: pages/s and MB/s of the download (measured at the
         server: first request to last byte), and the whole run's time;
  warm   the same claims file again on the filled cache: claims/s, MB of page HTML/s, peak RSS;
  naive  warm cache, ``Options(naive=True, jobs=1)``: the baseline (every claim scans its pages'
         full text, one rapidfuzz call per window, pages one by one). ``--baseline-claims N``
         runs it on an evenly spread sample of N claims and extrapolates per claim (said so in
         the output); by default sizes above 1,000 claims are sampled at 1,000.

After the warm phase: the floor (every cached page text read once and split into words by one
regex) and one lxml parse of every page, for the ratios warm / floor and cold / (warm + parse);
before the sizes, start-up (one claim, warm cache, modules byte-compiled as an installed package
has them) against ``python -c "import requests"``.

The runner checks that the warm runs downloaded nothing and that the fast path's verdicts equal
the baseline's, and prints a table. Exit status 1 when verdicts differ or a phase failed.
Generated data lives in a temporary directory, deleted at the end unless ``--keep DIR``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import Corpus

QUICK = [(100, 20), (1000, 200)]
FULL = QUICK + [(10_000, 2_000)]
HOSTS = 16
AUTO_SAMPLE_ABOVE = 1000  # claims; larger sizes run the baseline on a sample by default


# --- the page server ---------------------------------------------------------------------------


class Traffic:
    """What the servers did during one phase."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self.lock:
            self.counts: Counter[str] = Counter()
            self.bytes = 0
            self.first: float | None = None
            self.last: float | None = None

    def start(self) -> None:
        with self.lock:
            now = time.perf_counter()
            self.first = now if self.first is None else min(self.first, now)

    def done(self, status: int, size: int) -> None:
        with self.lock:
            self.counts[str(status)] += 1
            self.bytes += size
            self.last = time.perf_counter()

    def take(self) -> dict:
        with self.lock:
            window = (self.last - self.first) if self.first is not None and self.last is not None else 0.0
            out = {"200": self.counts["200"], "304": self.counts["304"], "404": self.counts["404"],
                   "bytes": self.bytes, "window": window}
        self.reset()
        return out


class Shelf:
    """Serves every registered corpus at /TAG/SLUG from HOSTS loopback addresses."""

    def __init__(self, hosts: int = HOSTS) -> None:
        self.corpora: dict[str, Corpus] = {}
        self.traffic = Traffic()
        handler = self._handler()
        self.servers = []
        for i in range(hosts):
            httpd = ThreadingHTTPServer((f"127.0.0.{i + 1}", 0), handler)
            httpd.daemon_threads = True
            threading.Thread(target=httpd.serve_forever, args=(0.1,), daemon=True).start()
            self.servers.append(httpd)

    def url(self, tag: str, pid: int) -> str:
        httpd = self.servers[pid % len(self.servers)]
        host, port = httpd.server_address[:2]
        return f"http://{host}:{port}/{tag}/{self.corpora[tag].slug(pid)}"

    def close(self) -> None:
        for httpd in self.servers:
            httpd.shutdown()
            httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        shelf = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                shelf.traffic.start()
                tag, _, slug = self.path.lstrip("/").partition("/")
                corpus = shelf.corpora.get(tag)
                pid = corpus.page_id(slug) if corpus else None
                if pid is None:
                    self._send(404, b"not found", {"Content-Type": "text/plain"})
                    return
                etag = corpus.etag(pid)
                headers = {"ETag": etag, "Cache-Control": "max-age=86400"}
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", headers)
                    return
                self._send(200, corpus.page_html(pid), {"Content-Type": "text/html; charset=utf-8", **headers})

            def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if body:
                    self.wfile.write(body)
                shelf.traffic.done(status, len(body))

            def log_message(self, *args: object) -> None:
                pass

        return Handler


# --- one measured phase, in a child process ----------------------------------------------------


class Watch:
    """The engine's progress, used to sample memory as the run goes: at each quarter of the claims,
    resident memory (flat once pages are freed after their last claim, rising if they are kept) and
    the page indexes alive anywhere in the process (the article's, and any not freed)."""

    QUARTERS = 4

    def __init__(self) -> None:
        self.total = self.done = 0
        self.rss: list[float] = []
        self.indexes: list[int] = []

    def start(self, total: int) -> None:
        self.total = total

    def advance(self) -> None:
        import gc

        from factcheck.index import TextIndex

        self.done += 1
        if self.done * self.QUARTERS >= (len(self.rss) + 1) * self.total:
            self.rss.append(rss_mb())
            self.indexes.append(sum(isinstance(o, TextIndex) for o in gc.get_objects()))

    def finish(self) -> None:
        pass


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux; 0 elsewhere)."""
    try:
        resident = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return resident * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(spec: dict) -> None:
    """Runs ``verify`` once and prints one JSON line: seconds, CPU seconds (its own and its pool
    workers'), peak RSS and RSS by quarter of the claims, time spent waiting for pages."""
    import resource

    from factcheck.claims import load_claims
    from factcheck.engine import Checker, Options

    options = Options(jobs=spec["jobs"], cache_dir=Path(spec["cache"]), naive=spec["naive"],
                      only=frozenset(spec["only"]) if spec["only"] else None)
    profile = None
    if spec.get("profile"):
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    start, cpu = time.perf_counter(), time.process_time()
    checker = Checker(load_claims(spec["claims"]), options)  # what ``engine.verify`` does, watched
    watch = Watch()
    report = checker.run(watch)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if profile is not None:
        profile.disable()
        _print_profile(profile, spec["profile"])
    verdicts = {r.claim.id: str(r.verdict) for r in report.results}
    Path(spec["out"]).write_text(json.dumps(verdicts))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    documents = checker.documents
    print(json.dumps({"seconds": elapsed, "cpu": cpu, "peak_mb": peak, "claims": len(verdicts),
                      "rss_quarters": watch.rss, "indexes": watch.indexes, "workers_cpu": workers.ru_utime + workers.ru_stime,
                      "waited": documents.waited if documents is not None else 0.0,
                      "pooled": documents.pooled if documents is not None else 0}))


def _print_profile(profile, top: int) -> None:
    """The ``top`` factcheck functions by cumulative time (the engine's driver frames, which
    only wrap the rest, left out), then the five with most time of their own."""
    import pstats

    stats = pstats.Stats(profile)
    rows = [(v[3], v[2], v[1], k) for k, v in stats.stats.items()
            if "/factcheck/" in k[0] and not k[0].endswith("/factcheck/engine.py")]
    total = max((v[3] for v in stats.stats.values()), default=0.0)

    def show(row: tuple) -> str:
        cum, own, calls, (path, line, name) = row
        module = "factcheck." + path.split("/factcheck/", 1)[1].removesuffix(".py").replace("/", ".")
        return f"  {cum:12.2f} {own:8.2f} {calls:9d}  {module}.{name} (line {line})"

    print(f"  profile of one more warm run (total {total:.1f} s under cProfile); factcheck.engine frames left out")
    print(f"  {'cumulative s':>12} {'own s':>8} {'calls':>9}  function")
    for row in sorted(rows, reverse=True)[:top]:
        print(show(row))
    print("  most time of their own:")
    for row in sorted(rows, key=lambda r: r[1], reverse=True)[:5]:
        print(show(row))


def run_phase(name: str, spec: dict, timeout: float, env: dict[str, str] | None = None) -> dict:
    """One phase in a fresh child process (``env``: its environment, else this one's)."""
    started = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, __file__, "--child", json.dumps(spec)],
                              check=False, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        print(f"  {name}: no result within {timeout:.0f} s (stopped)")
        return {"error": f"timeout after {timeout:.0f} s"}
    wall = time.perf_counter() - started
    lines = proc.stdout.rstrip().splitlines()
    if proc.returncode != 0 or not lines:
        err = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"  {name}: FAILED (exit {proc.returncode}): {err}")
        return {"error": err}
    for line in lines[:-1]:
        print(line)
    result = json.loads(lines[-1])
    result["wall"] = wall
    result["verdicts"] = json.loads(Path(spec["out"]).read_text())
    return result


# --- one size -------------------------------------------------------------------------------------


WORD = re.compile(r"\w+")


def floor(cache: Path) -> tuple[float, float, int, int]:
    """The least any checker must do on a warm cache: read every cached page text once and split it
    into words with one compiled regex. Returns (seconds, CPU seconds, texts read, words)."""
    t0, cpu = time.perf_counter(), time.process_time()
    texts = words = 0
    for path in sorted(p for p in (cache / "text-v1").rglob("*") if p.is_file()):  # not the indexes'
        try:
            stored = json.loads(path.read_bytes())
        except (ValueError, UnicodeDecodeError):
            continue
        if isinstance(stored, dict) and isinstance(stored.get("text"), str):
            texts += 1
            words += len(WORD.findall(stored["text"]))
    return time.perf_counter() - t0, time.process_time() - cpu, texts, words


def parse_pages(cache: Path) -> tuple[float, int]:
    """One lxml parse of every page body in the HTTP cache: the part of a cold run no cache saves,
    so that cold / (warm + parse) says how well the run spreads its extraction over the cores."""
    from lxml import html as lxml_html

    bodies = []
    for path in sorted(p for p in (cache / "http-v1").rglob("*") if p.is_file()):
        _, _, body = path.read_bytes().partition(b"\n")
        if body:
            bodies.append(body)
    t0 = time.perf_counter()
    for body in bodies:
        lxml_html.document_fromstring(body)
    return time.perf_counter() - t0, len(bodies)


def startup(shelf: Shelf, root: Path, runs: int = 5) -> dict:
    """``factcheck verify`` on a one-claim file with a warm cache against ``python -c "import
    requests"``: the fastest of ``runs`` each (the least disturbed by the machine's other work)."""
    tag = "startup"
    corpus = Corpus(1, 1, seed=6)
    shelf.corpora[tag] = corpus
    workdir = root / tag
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "article.txt").write_text(corpus.article_text(), encoding="utf-8")
    claims = workdir / "claims.yaml"
    claims.write_text(corpus.claims_yaml("article.txt", [shelf.url(tag, 0)]), encoding="utf-8")
    verify = [sys.executable, "-m", "factcheck", "verify", str(claims), "-q", "--cache-dir", str(workdir / "cache")]

    # Byte-compiled modules, as an installed package has them (pip compiles on install; an editable
    # install, or PYTHONDONTWRITEBYTECODE in the environment, would otherwise compile ~60 modules
    # from source on every run): the first run writes them below the data directory.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")

    def fastest(command: list[str]) -> float:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, timeout=120, env=env)
            times.append(time.perf_counter() - t0)
        return min(times)

    first = subprocess.run(verify, capture_output=True, text=True, check=False, timeout=120, env=env)  # fills the cache
    subprocess.run([sys.executable, "-c", "import requests"], capture_output=True, check=False, timeout=120, env=env)
    shelf.traffic.take()
    warm, baseline = fastest(verify), fastest([sys.executable, "-c", "import requests"])
    net = shelf.traffic.take()
    del shelf.corpora[tag]
    ok = first.returncode in (0, 1)
    print(f"\n== start-up: one claim, warm cache ==\n  factcheck verify {warm:.3f} s, python -c 'import requests' "
          f"{baseline:.3f} s: {warm / baseline:.1f}x (target <= 3x; fastest of {runs}; {net['200']} downloads)"
          + ("" if ok else f"; FAILED: exit {first.returncode}"))
    return {"startup": warm, "requests": baseline, "startup_ratio": warm / baseline, "failed": not ok}


def sample_ids(ids: list[str], n: int | None) -> list[str] | None:
    """``n`` ids spread evenly over the file (so every claim type is represented), or None for all."""
    if n is None or n >= len(ids):
        return None
    step = len(ids) / n
    return [ids[int(i * step)] for i in range(n)]


def bench_size(claims: int, pages: int, shelf: Shelf, root: Path, args: argparse.Namespace) -> dict:
    tag = f"c{claims}x{pages}"
    print(f"\n== {claims:,} claims x {pages:,} pages ==", flush=True)
    t0 = time.perf_counter()
    corpus = Corpus(claims, pages, seed=args.seed)
    shelf.corpora[tag] = corpus
    workdir = root / tag
    cache = workdir / "cache"
    shutil.rmtree(cache, ignore_errors=True)  # a kept directory from an earlier run must not warm the cold phase
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "article.txt").write_text(corpus.article_text(), encoding="utf-8")
    urls = [shelf.url(tag, p) for p in range(pages)]
    claims_path = workdir / "claims.yaml"
    claims_path.write_text(corpus.claims_yaml("article.txt", urls), encoding="utf-8")
    mix = corpus.mix()
    print(f"  generated in {time.perf_counter() - t0:.1f} s: article {(workdir / 'article.txt').stat().st_size / 1e6:.2f} MB, "
          f"claims " + ", ".join(f"{k} {mix[k]}" for k in ("name", "date", "number", "quote", "statement")))

    def spec(phase: str, **kw) -> dict:
        base = dict(claims=str(claims_path), cache=str(cache), jobs=args.jobs, naive=False, only=None,
                    out=str(workdir / f"verdicts-{phase}.json"))
        return {**base, **kw}

    row: dict = {"claims": claims, "pages": pages}
    shelf.traffic.reset()
    cold = run_phase("cold", spec("cold"), args.phase_timeout)
    net = shelf.traffic.take()
    row["html_mb"] = net["bytes"] / 1e6
    if "error" not in cold:
        row["cold"] = cold["seconds"]
        row["cold_peak"] = cold["peak_mb"]
        window = net["window"] or float("nan")
        print(f"  cold   (jobs={args.jobs}, empty cache): {cold['seconds']:7.2f} s, peak {cold['peak_mb']:6.0f} MB; "
              f"download {net['200']} pages, {net['bytes'] / 1e6:.1f} MB in {window:.2f} s = "
              f"{net['200'] / window:.0f} pages/s, {net['bytes'] / 1e6 / window:.1f} MB/s")
        row["fetch_pps"], row["fetch_mbs"] = net["200"] / window, net["bytes"] / 1e6 / window
        row.update(cold_cpu=cold["cpu"], cold_workers_cpu=cold["workers_cpu"], cold_waited=cold["waited"])
        print(f"         CPU: the run's process {cold['cpu']:.2f} s, its {cold['pooled']} pages' extraction in the pool "
              f"{cold['workers_cpu']:.2f} s; the run waited {cold['waited']:.2f} s for pages (fetch or extraction)")
    else:
        row["failed"] = True

    warm = run_phase("warm", spec("warm"), args.phase_timeout)
    net = shelf.traffic.take()
    if "error" not in warm:
        s = warm["seconds"]
        row.update(warm=s, peak=warm["peak_mb"], cps=claims / s, ms_per_claim=1000 * s / claims,
                   ms_per_claim_cpu=1000 * warm["cpu"] / claims, rss_quarters=warm["rss_quarters"], indexes=warm["indexes"])
        print(f"  warm   (jobs={args.jobs}, warm cache) : {s:7.2f} s, peak {warm['peak_mb']:6.0f} MB; "
              f"{claims / s:.0f} claims/s, {pages / s:.1f} pages/s, {row['html_mb'] / s:.1f} MB HTML/s, "
              f"{1000 * s / claims:.2f} ms/claim ({row['ms_per_claim_cpu']:.2f} in CPU time); "
              f"requests: {net['200']} downloads, {net['304']} revalidated")
        print("         memory: resident " + ", ".join(f"{mb:.0f}" for mb in warm["rss_quarters"])
              + " MB after each quarter of the claims; text indexes alive then: "
              + ", ".join(map(str, warm["indexes"])))
        fl, fl_cpu, texts, words = floor(cache)
        row.update(floor=fl, floor_ratio=s / fl if fl else float("nan"), warm_cpu=warm["cpu"], floor_cpu=fl_cpu,
                   floor_ratio_cpu=warm["cpu"] / fl_cpu if fl_cpu else float("nan"))
        print(f"  floor  (read {texts} cached texts once, {words:,} words by one regex): {fl:7.2f} s; "
              f"warm / floor {row['floor_ratio']:.1f}x (target <= 3x); in CPU time {warm['cpu']:.2f} s / "
              f"{fl_cpu:.2f} s = {row['floor_ratio_cpu']:.1f}x (less disturbed by the machine's other work)")
        parse, parsed = parse_pages(cache)
        row["parse"] = parse
        if "cold" in row:
            row["cold_ratio"] = row["cold"] / (s + parse)
            print(f"  parse  (one lxml parse of each of {parsed} pages): {parse:7.2f} s; "
                  f"cold / (warm + parse) {row['cold_ratio']:.2f}x (target <= 1.5x)")
            if (work := cold_work(row)) is not None:
                print(f"         cold work in CPU time / (warm CPU time + parse) {work:.2f}x: on {os.cpu_count()} "
                      f"cores, cold / (warm + parse) at best {work / (os.cpu_count() or 1):.2f}x")
        if net["200"]:
            print(f"  WARNING: the warm run downloaded {net['200']} pages")
        tally = Counter(warm["verdicts"].values())
        intents = corpus.intents()
        agree = sum(intents[k] == v for k, v in warm["verdicts"].items())
        print("  verdicts: " + ", ".join(f"{k} {n}" for k, n in tally.most_common())
              + f"; as the generator meant: {agree}/{len(intents)} ({100 * agree / len(intents):.0f}%)")
        if "error" not in cold and cold["verdicts"] != warm["verdicts"]:
            print("  WARNING: cold and warm runs gave different verdicts")
    else:
        row["failed"] = True

    n_base = args.baseline_claims
    if n_base is None:
        n_base = AUTO_SAMPLE_ABOVE if claims > AUTO_SAMPLE_ABOVE else 0
    ids = [f.id for f in corpus.facts]
    only = sample_ids(ids, n_base or None)
    if args.no_baseline:
        print("  naive  skipped (--no-baseline)")
    else:
        naive = run_phase("naive", spec("naive", jobs=1, naive=True, only=only), args.phase_timeout)
        net = shelf.traffic.take()
        if "error" not in naive:
            measured = naive["seconds"]
            est = measured * claims / len(only) if only else measured
            row["naive"] = est
            how = (f"on a sample of {len(only):,} claims: {measured:.2f} s, extrapolated x{claims / len(only):.1f} "
                   f"per claim to {est:.1f} s" if only else f"{measured:.2f} s")
            print(f"  naive  (jobs=1, naive=True)    : {how}, peak {naive['peak_mb']:6.0f} MB"
                  + (f"; {net['200']} downloads" if net["200"] else ""))
            if "warm" in row:
                row["ratio"] = est / row["warm"]
                fast = warm["verdicts"]
                checked = only or ids
                base = naive["verdicts"]
                diffs = [(i, fast.get(i), base.get(i)) for i in checked if fast.get(i) != base.get(i)]
                row["equal"] = not diffs
                row["checked"] = len(checked)
                if diffs:
                    print(f"  verdicts equal: NO: {len(diffs)} of {len(checked)} differ")
                    for i, a, b in diffs[:15]:
                        print(f"    {i}: fast {a}, naive {b}")
                else:
                    print(f"  verdicts equal: yes ({len(checked):,} claims{', the sample' if only else ''})")
                print(f"  fast path {row['ratio']:.1f}x faster than the naive baseline")
        else:
            row["failed"] = True

    if args.profile and "error" not in warm:
        run_phase("profile", spec("profile", profile=10), args.phase_timeout)
        shelf.traffic.take()
    del shelf.corpora[tag]
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    return row


README_BEGIN = "<!-- bench/run.py --readme: begin -->"
README_END = "<!-- bench/run.py --readme: end -->"


def _f(row: dict, key: str, fmt: str, unit: str = "") -> str:
    return format(row[key], fmt) + unit if key in row else "-"


def table_lines(rows: list[dict], start: dict | None) -> list[str]:
    """The results as a Markdown table (what ``--readme`` writes into the README) and the lines under it."""
    head = ("claims x pages", "HTML", "floor", "warm", "warm / floor", "same, CPU time", "ms/claim", "ms/claim, CPU", "peak (warm)", "cold",
            "cold / (warm + parse)", "peak (cold)", "naive", "fast vs naive", "verdicts equal")
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    for r in rows:
        eq = "-" if "equal" not in r else ("yes" if r["equal"] else "NO") + f" ({r['checked']:,})"
        lines.append("| " + " | ".join((
            f"{r['claims']:,} x {r['pages']:,}", _f(r, "html_mb", ".0f", " MB"), _f(r, "floor", ".2f", " s"),
            _f(r, "warm", ".2f", " s"), _f(r, "floor_ratio", ".1f", "x"), _f(r, "floor_ratio_cpu", ".1f", "x"),
            _f(r, "ms_per_claim", ".2f"), _f(r, "ms_per_claim_cpu", ".2f"),
            _f(r, "peak", ",.0f", " MB"), _f(r, "cold", ".1f", " s"), _f(r, "cold_ratio", ".2f", "x"),
            _f(r, "cold_peak", ",.0f", " MB"), _f(r, "naive", ".1f", " s"), _f(r, "ratio", ".1f", "x"), eq)) + " |")
    lines.append("")
    if start:
        lines.append(f"Start-up (one claim, warm cache, fastest of 5): `factcheck verify` {start['startup']:.2f} s, "
                     f"`python -c \"import requests\"` {start['requests']:.2f} s: {start['startup_ratio']:.1f}x.")
    per_claim = [f"{r['ms_per_claim']:.2f} ms" + (f" ({r['ms_per_claim_cpu']:.2f} ms CPU)" if "ms_per_claim_cpu" in r else "")
                 + f" at {r['claims']:,}" for r in rows if "ms_per_claim" in r]
    if len(per_claim) > 1:
        lines.append("Warm cost per claim: " + ", ".join(per_claim) + ".")
    work = [f"{r['claims']:,}: {r['cold_cpu']:.1f} s + {r['cold_workers_cpu']:.1f} s = {cold_work(r):.1f}x"
            for r in rows if cold_work(r) is not None]
    if work:
        lines.append("Cold work in CPU time, the run's process + its extraction pool, as a multiple of the warm run's "
                     f"CPU time + the parse (on {os.cpu_count()} cores cold / (warm + parse) is at best this over "
                     "the cores): " + "; ".join(work) + ".")
    quarters = [f"{r['claims']:,}: " + " / ".join(f"{mb:.0f}" for mb in r["rss_quarters"]) + " MB"
                for r in rows if r.get("rss_quarters")]
    if quarters:
        lines.append("Warm resident memory after each quarter of the claims (flat when pages are freed): "
                     + "; ".join(quarters) + ".")
    return lines


def cold_work(row: dict) -> float | None:
    """A cold run's CPU time (its process and its pool's workers) over the warm run's and the parse:
    how much more work cold does, whatever the machine's load does to the wall clock."""
    if not all(k in row for k in ("cold_cpu", "cold_workers_cpu", "warm_cpu", "parse")):
        return None
    return (row["cold_cpu"] + row["cold_workers_cpu"]) / (row["warm_cpu"] + row["parse"])


def table(rows: list[dict], start: dict | None) -> None:
    print("\n" + "\n".join(table_lines(rows, start)))
    for r in rows:
        if (r["claims"], r["pages"]) == (1000, 200) and "warm" in r:
            ok = r.get("floor_ratio", 99) <= 3 and r.get("cold_ratio", 99) <= 1.5 and r.get("equal")
            print(f"1,000x200 targets (warm / floor <= 3x, cold / (warm + parse) <= 1.5x, verdicts equal): "
                  f"{'met' if ok else 'NOT met'} ({r.get('floor_ratio', float('nan')):.1f}x, "
                  f"{r.get('cold_ratio', float('nan')):.2f}x, equal {r.get('equal')})")
        if (r["claims"], r["pages"]) == (10_000, 2_000) and "peak" in r:
            print(f"10,000x2,000 peak (warm) {r['peak']:,.0f} MB (target <= 1,536 MB)")


def write_readme(lines: list[str], header: str) -> None:
    """Replace the README's table between the markers with this run's."""
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text(encoding="utf-8")
    begin, end = text.find(README_BEGIN), text.find(README_END)
    if begin < 0 or end < begin:
        raise SystemExit(f"{readme}: no {README_BEGIN} ... {README_END} markers")
    body = "\n".join([README_BEGIN, header, "", *lines, README_END])
    readme.write_text(text[:begin] + body + text[end + len(README_END):], encoding="utf-8")
    print(f"README.md: table rewritten ({header})")


def revision() -> str:
    """The commit measured (and whether the tree had changes), so figures can be attributed."""
    repo = Path(__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, check=False,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "src"], cwd=repo,
                               capture_output=True, text=True, check=False, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "commit unknown"
    return f"commit {head or 'unknown'}{' + uncommitted changes in src/' if dirty else ''}"


def parse_sizes(text: str) -> list[tuple[int, int]]:
    sizes = []
    for part in text.split(","):
        m = re.fullmatch(r"\s*(\d+)x(\d+)\s*", part)
        if not m:
            raise argparse.ArgumentTypeError(f"size {part!r} is not CLAIMSxPAGES")
        sizes.append((int(m.group(1)), int(m.group(2))))
    return sizes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="100x20 and 1,000x200 only")
    ap.add_argument("--sizes", type=parse_sizes, help="e.g. 100x20,1000x200 (claims x pages)")
    ap.add_argument("--baseline-claims", type=int, default=None,
                    help="run the naive baseline on a sample of N claims and extrapolate (0: all claims; "
                         f"default: all up to {AUTO_SAMPLE_ABOVE:,} claims, else a sample of {AUTO_SAMPLE_ABOVE:,})")
    ap.add_argument("--no-baseline", action="store_true", help="skip the naive baseline")
    ap.add_argument("--jobs", type=int, default=16)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--profile", action="store_true",
                    help="after timing, one more warm run under cProfile: top 10 factcheck functions")
    ap.add_argument("--phase-timeout", type=float, default=3600.0, help="seconds before a phase is stopped")
    ap.add_argument("--keep", type=Path, metavar="DIR", help="generate into DIR and keep it")
    ap.add_argument("--no-startup", action="store_true", help="skip the start-up measurement")
    ap.add_argument("--readme", action="store_true", help="rewrite the README's performance table with this run's")
    ap.add_argument("--save", type=Path, metavar="FILE", help="write this run's rows as JSON")
    ap.add_argument("--add", type=Path, metavar="FILE", action="append", default=[],
                    help="rows an earlier --save wrote (a size run apart, e.g. the long 10,000 x 2,000), for the table")
    ap.add_argument("--table-only", action="store_true", help="measure nothing: the table (and --readme) from --add files")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(json.loads(args.child))
        return 0

    if args.table_only:
        return tables(args, [], None, "")
    sizes = args.sizes or (QUICK if args.quick else FULL)
    root = args.keep or Path(tempfile.mkdtemp(prefix="factcheck-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    print(f"factcheck scaling benchmark: sizes {', '.join(f'{c:,}x{p:,}' for c, p in sizes)}; seed {args.seed}; "
          f"{os.cpu_count()} CPUs; {revision()}; data in {root}{' (kept)' if args.keep else ''}")
    shelf = Shelf()
    rows = []
    start = None
    try:
        if not args.no_startup:
            start = startup(shelf, root)
        for claims, pages in sizes:
            rows.append(bench_size(claims, pages, shelf, root, args))
    finally:
        shelf.close()
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    if args.save:
        args.save.write_text(json.dumps({"rows": rows, "start": start, "revision": revision()}))
    return tables(args, rows, start, revision())


def tables(args: argparse.Namespace, rows: list[dict], start: dict | None, measured: str) -> int:
    """Print the table of ``rows`` and those of the ``--add`` files; with ``--readme``, write it there."""
    revisions = [measured] if rows else []
    for earlier in args.add:
        saved = json.loads(earlier.read_text())
        rows += [r for r in saved["rows"] if (r["claims"], r["pages"]) not in {(x["claims"], x["pages"]) for x in rows}]
        start = start or saved["start"]
        revisions.append(saved["revision"])
    rows.sort(key=lambda r: (r["claims"], r["pages"]))
    table(rows, start)
    if args.readme:
        write_readme(table_lines(rows, start), f"`bench/run.py` on {os.cpu_count()} CPUs, "
                     f"{', '.join(dict.fromkeys(revisions))}, {time.strftime('%Y-%m-%d', time.gmtime())}:")
    bad = any(r.get("failed") or r.get("equal") is False for r in rows) or bool(start and start["failed"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
