"""Score factcheck.readable.extract on the article-extraction benchmark (181 real pages).

    python bench/extraction.py [--data DIR] [--limit N] [--compare NAME] [--worst N]

Prints F1, precision, recall, exact-match accuracy, pages per second and the slowest page.
The data stays in the shared tree (../shared/bench/article-extraction from the repo root);
`--compare` runs another extractor (trafilatura, readability, bs4) on the same pages with the
same metric, so a choice between them rests on one run, not on published numbers.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import page_counts, score

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "article-extraction"


def load(data: Path, limit: int | None) -> list[tuple[str, str, str]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    pages = []
    for pid in ids:
        html = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        pages.append((pid, html, truth[pid]["articleBody"]))
    return pages


def ours() -> Callable[[str], str]:
    from factcheck.readable import extract
    return lambda html: extract(html).text


def trafilatura_fn() -> Callable[[str], str]:
    import trafilatura
    return lambda html: trafilatura.extract(html) or ""


def readability_fn() -> Callable[[str], str]:
    from bs4 import BeautifulSoup
    from readability import Document
    return lambda html: BeautifulSoup(Document(html).summary(), "lxml").get_text("\n")


def bs4_fn() -> Callable[[str], str]:
    from bs4 import BeautifulSoup
    return lambda html: BeautifulSoup(html, "lxml").get_text("\n")


EXTRACTORS = {"ours": ours, "trafilatura": trafilatura_fn, "readability": readability_fn, "bs4": bs4_fn}


def run(name: str, pages: list[tuple[str, str, str]], worst: int, errors: list[str]) -> None:
    try:
        fn = EXTRACTORS[name]()
    except ImportError as exc:
        print(f"{name}: not installed ({exc}); pip install it into the venv to compare")
        return
    preds, slowest = [], (0.0, "", 0)
    start = time.perf_counter()
    for pid, html, _ in pages:
        t0 = time.perf_counter()
        try:
            pred = fn(html)
        except Exception as exc:  # a crash is a finding to report, not a reason to stop the run
            errors.append(f"{name} {pid}: {type(exc).__name__}: {exc}")
            pred = ""
        dt = time.perf_counter() - t0
        if dt > slowest[0]:
            slowest = (dt, pid, len(html.encode("utf-8")))
        preds.append(pred)
    elapsed = time.perf_counter() - start
    s = score((truth, pred) for (_, _, truth), pred in zip(pages, preds))
    empty = sum(1 for p in preds if not p.strip())
    print(f"{name:12s} F1 {s.f1:.3f}  precision {s.precision:.3f}  recall {s.recall:.3f}  "
          f"accuracy {s.accuracy:.3f}  pages {s.pages}  empty {empty}  "
          f"{len(pages) / elapsed:.1f} pages/s  slowest {slowest[0] * 1000:.0f} ms "
          f"({slowest[2] / 1e6:.2f} MB, {slowest[1][:12]})")
    if worst:
        rows = []
        for (pid, _, truth), pred in zip(pages, preds):
            c = page_counts(truth, pred)
            p, r = c.precision or 0.0, c.recall or 0.0
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, pid))
        for f, p, r, pid in sorted(rows)[:worst]:
            print(f"   worst  F1 {f:.3f}  P {p:.3f}  R {r:.3f}  {pid}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="benchmark folder (ground-truth.json, html/)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages (sorted by id)")
    ap.add_argument("--compare", action="append", default=[], choices=sorted(set(EXTRACTORS) - {"ours"}),
                    help="also score another extractor (repeatable); it must be installed in the venv")
    ap.add_argument("--worst", type=int, default=0, help="list the N pages with the lowest F1")
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        print(f"error: no benchmark data at {args.data} (expected ground-truth.json and html/)", file=sys.stderr)
        return 2
    pages = load(args.data, args.limit)
    errors: list[str] = []
    for name in ["ours", *args.compare]:
        run(name, pages, args.worst, errors)
    for line in errors:
        print("error:", line)
    return 1 if any(e.startswith("ours ") for e in errors) else 0


if __name__ == "__main__":
    sys.exit(main())
