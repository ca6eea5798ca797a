"""Fault script: kill, race, starve and misdirect real runs; count what goes wrong.

    .venv/bin/python bench/faults.py             # every category
    .venv/bin/python bench/faults.py --kills 5   # fewer SIGKILLs

Each input is a real ``python -m factcheck verify`` child against a server on 127.0.0.1 that
serves a fixture page slowly (so a kill lands mid-run). Categories:

  sigkill      SIGKILL at a seeded random moment, then a rerun on the same cache and report
  concurrent   two runs at once on one cache (fresh each time), then an offline run from it
  unwritable   -o into a missing directory, under a file, onto a directory (click refuses it: its usage
               error counts as right), onto the claims file
               or the article, a FIFO nobody reads
  full-disk    -o /dev/full, alone and after a regular report
  devices      -o /dev/null, /dev/stdout, /dev/stderr; the claims file /dev/null or /dev/zero;
               the article or an archive at /dev/zero (with --allow-path /dev)

Counted per category: tracebacks (printed by the child), hangs (no exit within ``HANG`` s),
leaks (a temporary file left beside a report, a device node replaced, a report written on exit
2) and losses (a report half-written or an older one gone on exit 2, a cache entry that a rerun
cannot use, a rerun's verdicts that differ from a clean run's).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "fixtures" / "hardening" / "page.html").read_bytes()
ARTICLE = (ROOT / "fixtures" / "hardening" / "article.md").read_bytes()
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
HANG = 60.0  # seconds: issue 19's bound for any input
PAGE_DELAY = 0.15  # seconds per page, so that a run lasts long enough to be killed in the middle


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        time.sleep(PAGE_DELAY)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(PAGE)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args: object) -> None:
        pass


@dataclass
class Tally:
    tried: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def bad(self, kind: str, note: str) -> None:
        self.counts[kind] += 1
        if len(self.notes) < 5:
            self.notes.append(f"{kind}: {note}")


def _claims(directory: Path, base: str, n: int = 6) -> Path:
    (directory / "article.md").write_bytes(ARTICLE)
    (directory / "page.html").write_bytes(PAGE)
    lines = ["version: 1", "article:", "  path: article.md", "  published: 2019-06-20", "claims:"]
    for i in range(n):
        lines += [f"  - id: flow{i}", "    type: number",
                  "    text: about 21 million barrels per day of oil flowed through the strait",
                  "    expect: 21 million barrels per day", f"    sources: [\"{base}/page?n={i}\"]"]
    path = directory / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(args: list[str], cwd: Path, tally: Tally, label: str, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    tally.tried += 1
    try:
        proc = subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=ENV, stdout=stdout,
                              stderr=subprocess.PIPE, text=True, timeout=HANG)
    except subprocess.TimeoutExpired:
        tally.bad("hangs", label)
        return subprocess.CompletedProcess(args, -1, "", "")
    if "Traceback" in (proc.stderr or "") + (proc.stdout or ""):
        tally.bad("tracebacks", label)
    return proc


def _verdicts(report: Path) -> dict[str, str] | None:
    try:
        return {c["id"]: c["verdict"] for c in json.loads(report.read_text(encoding="utf-8"))["claims"]}
    except (OSError, ValueError, KeyError):
        return None


def _leftovers(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.endswith(".tmp")]


def sigkill(base: str, kills: int, rng: random.Random) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="fc-kill-") as tmp:
        work = Path(tmp)
        claims = _claims(work, base)
        clean = _run(["verify", str(claims), "--format", "json", "--cache-dir", str(work / "clean-cache")], work, tally,
                     "clean run")
        expected = {c["id"]: c["verdict"] for c in json.loads(clean.stdout)["claims"]}
        report = work / "report.json"
        report.write_text("previous report")
        for k in range(kills):
            child = subprocess.Popen([sys.executable, "-m", "factcheck", "verify", str(claims), "-o", str(report),
                                      "--refresh" if k % 2 else "--jobs=1"], cwd=work, env=ENV,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            tally.tried += 1
            time.sleep(rng.uniform(0.05, 1.6))
            child.send_signal(signal.SIGKILL)
            child.wait()
            content = report.read_text(encoding="utf-8")
            if content != "previous report" and _verdicts(report) is None:
                tally.bad("losses", f"kill {k}: report half-written")
            rerun = _run(["verify", str(claims), "--format", "json", "--offline"], work, tally, f"rerun after kill {k}")
            try:
                got = {c["id"]: c["verdict"] for c in json.loads(rerun.stdout)["claims"]}
            except ValueError:
                got = {}
            wrong = {i: v for i, v in got.items() if v not in (expected[i], "unverified")}  # unverified: not cached yet
            if wrong or not got:
                tally.bad("losses", f"kill {k}: offline rerun verdicts {wrong or rerun.stderr.strip()}")
            if "warning" in rerun.stderr:
                tally.bad("losses", f"kill {k}: {rerun.stderr.strip()}")
            live = _run(["verify", str(claims), "--format", "json"], work, tally, f"live rerun after kill {k}")
            if live.stdout and {c["id"]: c["verdict"] for c in json.loads(live.stdout)["claims"]} != expected:
                tally.bad("losses", f"kill {k}: live rerun verdicts differ")
        leftovers = _leftovers(work)
        if leftovers:
            tally.notes.append(f"{len(leftovers)} report temporary file(s) of killed runs left beside the report "
                               "(named by the dead process id; replaced by the next run with that id)")
    return tally


def concurrent(base: str, rounds: int) -> Tally:
    tally = Tally()
    for r in range(rounds):
        with tempfile.TemporaryDirectory(prefix="fc-race-") as tmp:
            work = Path(tmp)
            claims = _claims(work, base)
            cmd = [sys.executable, "-m", "factcheck", "verify", str(claims), "--format", "json"]
            procs = [subprocess.Popen(cmd, cwd=work, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                     for _ in range(2)]
            tally.tried += 2
            outs = []
            for p in procs:
                try:
                    outs.append(p.communicate(timeout=HANG))
                except subprocess.TimeoutExpired:
                    p.kill()
                    tally.bad("hangs", f"round {r}")
                    outs.append(("", ""))
            for out, err in outs:
                if "Traceback" in err:
                    tally.bad("tracebacks", f"round {r}")
                if out and {c["verdict"] for c in json.loads(out)["claims"]} != {"supported"}:
                    tally.bad("losses", f"round {r}: verdicts differ")
            offline = _run(["verify", str(claims), "--format", "json", "--offline"], work, tally, f"offline {r}")
            if offline.stdout and {c["verdict"] for c in json.loads(offline.stdout)["claims"]} != {"supported"}:
                tally.bad("losses", f"round {r}: the shared cache does not serve an offline run")
    return tally


def _expect_exit_2(tally: Tally, proc: subprocess.CompletedProcess, label: str, work: Path, old: Path | None) -> None:
    if proc.returncode != 2:
        tally.bad("leaks", f"{label}: exit {proc.returncode}, expected 2")
    lines = proc.stderr.strip().splitlines()
    usage = lines[:1] == ["Usage: python -m factcheck verify [OPTIONS] [CLAIMS]"] and lines[-1].startswith("Error: ")
    if not usage and (len(lines) != 1 or not lines[0].startswith("factcheck: error: ")):
        tally.bad("leaks", f"{label}: message {proc.stderr.strip()!r}")
    if old is not None and old.read_text() != "previous report":
        tally.bad("losses", f"{label}: the previous report was replaced on exit 2")
    if _leftovers(work):
        tally.bad("leaks", f"{label}: temporary file left")


def unwritable(base: str) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="fc-out-") as tmp:
        work = Path(tmp)
        claims = _claims(work, base, n=1)
        (work / "a-file").write_text("x")
        (work / "a-dir").mkdir()
        os.mkfifo(work / "fifo")
        old = work / "old.json"
        old.write_text("previous report")
        claims_before = claims.read_bytes()
        for target in (work / "missing" / "r.json", work / "a-file" / "r.json", work / "a-dir", claims,
                       work / "article.md", work / "fifo"):
            proc = _run(["verify", str(claims), "--format", "json", "-o", str(old), "--format", "json",
                         "-o", str(target)], work, tally, f"-o {target.name}")
            _expect_exit_2(tally, proc, f"-o {target}", work, old)
        if claims.read_bytes() != claims_before or (work / "article.md").read_bytes() != ARTICLE:
            tally.bad("losses", "an input was overwritten")
    return tally


def full_disk(base: str) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="fc-full-") as tmp:
        work = Path(tmp)
        claims = _claims(work, base, n=1)
        old = work / "old.json"
        old.write_text("previous report")
        for args in (["-o", "/dev/full", "--format", "text"],
                     ["-o", str(old), "--format", "json", "-o", "/dev/full", "--format", "json"],
                     ["--format", "html", "-o", "/dev/full"]):
            proc = _run(["verify", str(claims), *args], work, tally, " ".join(args))
            _expect_exit_2(tally, proc, " ".join(args), work, old)
        _check_device(tally, "/dev/full")
    return tally


_DEVICE_IDS: dict[str, tuple[int, int]] = {}


def _check_device(tally: Tally, device: str) -> None:
    st = os.lstat(device)
    if device in _DEVICE_IDS and (st.st_ino, st.st_rdev) != _DEVICE_IDS[device]:
        tally.bad("leaks", f"{device} was replaced")
    if not (stat.S_ISCHR(st.st_mode) or stat.S_ISLNK(st.st_mode)):
        tally.bad("leaks", f"{device} is no longer a device or link")


def devices(base: str) -> Tally:
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="fc-dev-") as tmp:
        work = Path(tmp)
        claims = _claims(work, base, n=1)
        for device in ("/dev/null", "/dev/stdout", "/dev/stderr"):
            proc = _run(["verify", str(claims), "--format", "json", "-o", device], work, tally, f"-o {device}")
            if proc.returncode not in (0, 1):
                tally.bad("leaks", f"-o {device}: exit {proc.returncode}: {proc.stderr.strip()}")
            _check_device(tally, device)
        for device in ("/dev/null", "/dev/zero"):
            proc = _run(["verify", device], work, tally, f"claims {device}")
            _expect_exit_2(tally, proc, f"claims file {device}", work, None)
        zero = claims.read_text().replace("path: article.md", "path: /dev/zero")
        (work / "zero.yaml").write_text(zero)
        proc = _run(["verify", str(work / "zero.yaml"), "--allow-path", "/dev"], work, tally, "article /dev/zero")
        _expect_exit_2(tally, proc, "article /dev/zero", work, None)
        archive = claims.read_text().replace(f'sources: ["{base}/page?n=0"]', "sources: [/dev/zero]")
        (work / "archive.yaml").write_text(archive)
        proc = _run(["verify", str(work / "archive.yaml"), "--allow-path", "/dev", "--format", "json"], work, tally,
                    "archive /dev/zero")
        if proc.returncode not in (0, 1, 2):
            tally.bad("leaks", f"archive /dev/zero: exit {proc.returncode}")
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--races", type=int, default=5)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    for device in ("/dev/null", "/dev/full", "/dev/stdout", "/dev/stderr"):
        st = os.lstat(device)
        _DEVICE_IDS[device] = (st.st_ino, st.st_rdev)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    rng = random.Random(args.seed)
    results = {
        "sigkill": sigkill(base, args.kills, rng),
        "concurrent": concurrent(base, args.races),
        "unwritable": unwritable(base),
        "full-disk": full_disk(base),
        "devices": devices(base),
    }
    server.shutdown()
    kinds = ("tracebacks", "hangs", "leaks", "losses")
    print(f"{'category':12} {'inputs':>6} " + " ".join(f"{k:>10}" for k in kinds))
    for name, tally in results.items():
        print(f"{name:12} {tally.tried:6} " + " ".join(f"{tally.counts[k]:10}" for k in kinds))
    for name, tally in results.items():
        for note in tally.notes:
            print(f"  {name}: {note}")
    return 1 if any(t.counts for t in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
