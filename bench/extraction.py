"""Score factcheck's page reader beside trafilatura and readability-lxml on two real page sets.

    python bench/extraction.py [--set NAME] [--only NAME] [--worst N] [--limit N]
    python bench/extraction.py --growth [--max-paragraphs N]

Sets: ``scrapinghub`` (181 pages, ../shared/bench/article-extraction, human gold) and
``readability`` (93 pages, ../shared/bench/readability-pages, unpacked to a temporary folder at run
time; gold = expected.html to text as its ABOUT.md says). Every extractor reads the same text,
decoded from the page's bytes by production's ``decode_body``; ours then takes production's exact
path to the readable text (``sources._readable``: extract, then normalise).

Per set and extractor: F1, precision, recall, exact-match accuracy, pages per CPU-second measured
page by page in this one process, and the slowest page. Then the pages where our output lost the
body (recall under LOST_RECALL) while trafilatura found it (recall at least FOUND_RECALL).

``--growth`` instead times the production path, each size in a fresh process, on pages of
125k..1M ``<p>`` and on 12.5k..100k nested ``<div>``, printing seconds and peak RSS so that linear
growth (and the 1 GB bound) can be read off; then ``factcheck text`` on the largest page.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scoring import PageCounts, page_counts, score_counts

REPO = Path(__file__).resolve().parent.parent
LOST_RECALL = 0.3  # below this our output holds almost none of the article: the body was lost
FOUND_RECALL = 0.7  # ... while trafilatura's holds most of it


def _shared() -> Path:
    """The shared bench folder: beside the repository, or beside the work tree's parent."""
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "bench").is_dir():
            return base / "shared" / "bench"
    return REPO.parent / "shared" / "bench"


@dataclass(frozen=True)
class Page:
    pid: str
    html: str  # decoded as production decodes
    gold: str


def _decode(body: bytes) -> str:
    from factcheck.fetch import decode_body
    return decode_body(body, "text/html")


def load_scrapinghub(limit: int | None) -> list[Page]:
    data = _shared() / "article-extraction"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    return [Page(pid, _decode(gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes())),
                 truth[pid]["articleBody"]) for pid in ids]


_GOLD_SKIP = {"script", "style", "noscript", "template"}


def html_to_gold(html: str) -> str:
    """expected.html as text: block elements and <br> end a line; script, style, noscript, template skipped."""
    from lxml import etree
    from lxml import html as lhtml
    from lxml.html.defs import block_tags

    root = lhtml.document_fromstring(html) if html.strip() else None
    if root is None:
        return ""
    out: list[str] = []
    hidden = 0  # depth inside skipped elements
    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        skipped = tag in _GOLD_SKIP
        if event == "start":
            hidden += skipped
            if not hidden:
                if tag in block_tags or tag == "br":
                    out.append("\n")
                if el.text and tag:
                    out.append(el.text)
            continue
        hidden -= skipped
        if not hidden:
            if tag in block_tags:
                out.append("\n")
            if el.tail:
                out.append(el.tail)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def load_readability(limit: int | None, tmp: Path) -> list[Page]:
    archive = _shared() / "readability-pages" / "readability-testpages.tar.xz"
    with tarfile.open(archive) as tar:
        tar.extractall(tmp, filter="data")
    root = tmp / "readability-testpages"
    names = sorted(p.name for p in root.iterdir())
    names = names[:limit] if limit else names
    return [Page(n, _decode((root / n / "source.html").read_bytes()),
                 html_to_gold((root / n / "expected.html").read_text(encoding="utf-8"))) for n in names]


def ours() -> Callable[[str], str]:
    from factcheck.sources import _readable
    return lambda html: _readable(html, "html", None)[0]


def trafilatura_fn() -> Callable[[str], str]:
    import trafilatura
    return lambda html: trafilatura.extract(html) or ""


def readability_fn() -> Callable[[str], str]:
    from lxml import html as lhtml
    from readability import Document

    def run(html: str) -> str:
        summary = Document(html).summary()
        return lhtml.document_fromstring(summary).text_content() if summary.strip() else ""
    return run


EXTRACTORS = {"ours": ours, "trafilatura": trafilatura_fn, "readability": readability_fn}


@dataclass(frozen=True)
class Run:
    name: str
    counts: list[PageCounts]
    cpu: float  # CPU seconds summed over pages
    slowest: tuple[float, str]
    errors: list[str]


def run(name: str, pages: list[Page]) -> Run | None:
    try:
        fn = EXTRACTORS[name]()
    except ImportError as exc:
        print(f"  {name}: not installed ({exc}); pip install it into the venv to compare")
        return None
    counts, cpu, slowest, errors = [], 0.0, (0.0, ""), []
    for page in pages:
        t0 = time.process_time()
        try:
            pred = fn(page.html)
        except Exception as exc:  # a crash is a finding to report, not a reason to stop the run
            errors.append(f"{name} {page.pid}: {type(exc).__name__}: {exc}")
            pred = ""
        dt = time.process_time() - t0
        cpu += dt
        slowest = max(slowest, (dt, page.pid))
        counts.append(page_counts(page.gold, pred))
    return Run(name, counts, cpu, slowest, errors)


def _f1(c: PageCounts) -> float:
    p, r = c.precision or 0.0, c.recall or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def report(set_name: str, pages: list[Page], names: list[str], worst: int) -> bool:
    print(f"\n{set_name}: {len(pages)} pages")
    runs = {r.name: r for r in (run(n, pages) for n in names) if r is not None}
    for r in runs.values():
        s = score_counts(r.counts)
        print(f"  {r.name:12s} F1 {s.f1:.3f}  P {s.precision:.3f}  R {s.recall:.3f}  acc {s.accuracy:.3f}  "
              f"{len(pages) / r.cpu:6.1f} pages/CPU-s  slowest {r.slowest[0] * 1000:.0f} ms ({r.slowest[1][:16]})")
    if "ours" in runs and "trafilatura" in runs:
        mine, theirs = runs["ours"], runs["trafilatura"]
        print(f"  speed: ours {theirs.cpu / mine.cpu:.2f}x trafilatura's pages/s")
        lost = [(p.pid, a, b) for p, a, b in zip(pages, mine.counts, theirs.counts, strict=True)
                if (a.recall or 0.0) < LOST_RECALL and (b.recall or 0.0) >= FOUND_RECALL]
        print(f"  body lost by ours, found by trafilatura: {len(lost)}")
        for pid, a, b in lost:
            print(f"    {pid}  ours R {a.recall or 0:.2f}  trafilatura R {b.recall or 0:.2f}")
    if worst and "ours" in runs:
        pairs = zip(pages, runs["ours"].counts, strict=True)
        rows = sorted((_f1(c), c.precision or 0.0, c.recall or 0.0, p.pid) for p, c in pairs)
        for f, p, r, pid in rows[:worst]:
            print(f"    worst  F1 {f:.3f}  P {p:.3f}  R {r:.3f}  {pid}")
    for r in runs.values():
        for line in r.errors:
            print("  error:", line)
    return not (runs.get("ours") and runs["ours"].errors)


# --- growth -----------------------------------------------------------------------------------


def growth_page(kind: str, n: int) -> bytes:
    """A page of ``n`` paragraphs (8 bytes each), or of ``n`` nested divs around one fact."""
    if kind == "paragraphs":
        return b"<html><body>" + b"<p>fact\n" * n + b"</body></html>"
    fact = b"<p>The Strait of Hormuz carried about 21 million barrels per day of oil in 2018.</p>"
    return b"<html><body>" + b"<div>" * n + fact + b"</div>" * n + b"</body></html>"


def _growth_child(kind: str, n: int) -> None:
    """In a fresh process: time the production path on one page, then print seconds and peak RSS."""
    from factcheck.sources import _readable
    body = growth_page(kind, n)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    text, _ = _readable(_decode(body), "html", None)
    dt = time.process_time() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": dt, "peak_mb": peak / 1024, "start_mb": before / 1024, "chars": len(text)}))


def growth(max_paragraphs: int) -> None:
    for kind, top in (("paragraphs", max_paragraphs), ("nested divs", max_paragraphs // 10)):
        print(f"\n{kind}:")
        base = None
        for factor in (1, 2, 4, 8):
            n = top * factor // 8
            out = subprocess.run([sys.executable, __file__, "--growth-child", kind, str(n)],
                                 capture_output=True, text=True, check=False)
            if out.returncode:
                print(f"  {n:>9,}  failed: {out.stderr.strip().splitlines()[-1:]}")
                continue
            m = json.loads(out.stdout.strip().splitlines()[-1])
            base = base or m["seconds"]
            print(f"  {n:>9,} ({len(growth_page(kind, n)) / 1e6:5.1f} MB)  {m['seconds']:6.2f} s "
                  f"({m['seconds'] / base:4.1f}x)  peak RSS {m['peak_mb']:6.0f} MB (start {m['start_mb']:.0f} MB)  "
                  f"text {m['chars']:,} chars")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "million.html"
        path.write_bytes(growth_page("paragraphs", max_paragraphs))
        exe = Path(sys.executable).with_name("factcheck")
        t0 = time.perf_counter()
        proc = subprocess.Popen([str(exe), "text", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        print(f"\nfactcheck text on {max_paragraphs:,} <p> ({path.stat().st_size / 1e6:.1f} MB): exit "
              f"{proc.returncode}, {time.perf_counter() - t0:.1f} s wall, peak RSS {usage.ru_maxrss / 1024:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--set", choices=["scrapinghub", "readability", "both"], default="both")
    ap.add_argument("--only", action="append", choices=sorted(EXTRACTORS),
                    help="run only this extractor (repeatable); default: all three")
    ap.add_argument("--limit", type=int, default=None, help="only the first N pages of each set (sorted by id)")
    ap.add_argument("--worst", type=int, default=0, help="list our N pages with the lowest F1")
    ap.add_argument("--growth", action="store_true", help="time and peak memory at 1x, 2x, 4x, 8x page sizes")
    ap.add_argument("--max-paragraphs", type=int, default=1_000_000, help="the 8x size of --growth")
    ap.add_argument("--growth-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.growth_child:
        _growth_child(args.growth_child[0], int(args.growth_child[1]))
        return 0
    if args.growth:
        growth(args.max_paragraphs)
        return 0
    if not (_shared() / "article-extraction" / "ground-truth.json").is_file():
        print(f"error: no benchmark data under {_shared()}", file=sys.stderr)
        return 2
    names = args.only or list(EXTRACTORS)
    ok = True
    if args.set in ("scrapinghub", "both"):
        ok &= report("scrapinghub (article-extraction)", load_scrapinghub(args.limit), names, args.worst)
    if args.set in ("readability", "both"):
        with tempfile.TemporaryDirectory() as tmp:
            pages = load_readability(args.limit, Path(tmp))
        ok &= report("readability-pages", pages, names, args.worst)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
