"""A/B of warm runs on one kept ``bench/run.py --keep DIR`` size: old and new code alternated.

    .venv/bin/python bench/run.py --sizes 1000x200 --no-baseline --no-startup --keep /tmp/s16
    git worktree add --detach /tmp/old main
    .venv/bin/python bench/warm_ab.py /tmp/s16/c1000x200 --old /tmp/old/src --runs 3

Each run is ``bench/run.py``'s warm child (``--child``, the same measurement) in a fresh process,
``PYTHONPATH`` pointing at the old or the new ``src`` (this checkout's by default), old first,
alternating, so that the machine's load falls on both alike. Prints each run's seconds and CPU
seconds, the median of each side, and whether every run gave the same verdicts (exit 1 if not).
The first run of a side whose ``index.py`` changed rebuilds the page indexes it finds stale
(``--prime`` runs each side once untimed first).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from run import run_phase  # noqa: E402

PHASE_TIMEOUT = 3600.0  # seconds a warm run may take before it counts as failed


def warm(data: Path, src: Path, out: Path) -> dict:
    """``run.py``'s warm phase on ``data`` with the code under ``src``; exits 2 if it fails."""
    spec = {"claims": str(data / "claims.yaml"), "cache": str(data / "cache"), "jobs": 16, "naive": False,
            "only": None, "out": str(out)}
    result = run_phase(f"warm ({src})", spec, PHASE_TIMEOUT, env={**os.environ, "PYTHONPATH": str(src)})
    if "error" in result:
        sys.exit(2)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", type=Path, help="a size's directory under a --keep DIR (claims.yaml, cache/)")
    ap.add_argument("--old", type=Path, required=True, help="the old code's src directory")
    ap.add_argument("--new", type=Path, default=HERE.parent / "src", help="the new code's src (default: this checkout's)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each side")
    ap.add_argument("--prime", action="store_true", help="one untimed run of each side first")
    args = ap.parse_args()
    sides = {"old": args.old.resolve(), "new": args.new.resolve()}
    if args.prime:
        for name, src in sides.items():
            warm(args.data, src, args.data / f"ab-{name}.json")
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    verdicts = []
    for i in range(args.runs):
        for name, src in sides.items():
            r = warm(args.data, src, args.data / f"ab-{name}.json")
            times[name].append((r["seconds"], r["cpu"]))
            verdicts.append(r["verdicts"])
            print(f"  run {i + 1} {name}: {r['seconds']:6.2f} s, CPU {r['cpu']:6.2f} s, peak {r['peak_mb']:.0f} MB",
                  flush=True)
    for name, rows in times.items():
        print(f"{name}: median {statistics.median(s for s, _ in rows):.2f} s, CPU {statistics.median(c for _, c in rows):.2f} s")
    same = all(v == verdicts[0] for v in verdicts)
    print("verdicts: " + ", ".join(f"{k} {n}" for k, n in Counter(verdicts[0].values()).most_common())
          + f"; the same in every run: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
