"""A page's whole visible text two ways, which must agree byte for byte: ``Article.from_string``'s
(the article's reader, which maps every character back to the source) and ``article.html_text``
(what a cited page's ``full_text`` is built with, no offsets).

    python bench/fulltext.py [--pages DIR]

Sets, read in place: every HTML page under fixtures/, ../shared/bench/article-extraction (181),
../shared/bench/readability-pages (93, unpacked to a temporary folder), and ``--pages DIR``'s
``*.html`` (e.g. a ``bench/run.py --keep`` run's pages, decoded). Prints per set the pages, how
many differ (the first differences shown) and each path's CPU seconds.
"""
from __future__ import annotations

import argparse
import difflib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction import REPO, _decode, load_readability, load_scrapinghub
from factcheck.article import Article, html_text

SHOWN = 3  # differing pages whose diff is printed, per set


def compare(name: str, pages: list[tuple[str, str]]) -> int:
    old_cpu = new_cpu = 0.0
    differ = []
    for pid, html in pages:
        c0 = time.process_time()
        old = Article.from_string(html, "page.html", "html").text
        c1 = time.process_time()
        new = html_text(html)
        new_cpu += time.process_time() - c1
        old_cpu += c1 - c0
        if old != new:
            differ.append((pid, old, new))
    speed = f"{old_cpu / new_cpu:.1f}x" if new_cpu else "-"
    print(f"{name}: {len(pages)} pages, {len(differ)} differ; CPU from_string {old_cpu:.2f} s, "
          f"html_text {new_cpu:.2f} s ({speed})")
    for pid, old, new in differ[:SHOWN]:
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), "from_string", "html_text", lineterm="", n=0)
        print(f"  {pid}:", *list(diff)[:12], sep="\n    ")
    return len(differ)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="a folder of decoded *.html pages")
    args = parser.parse_args()
    fixtures = sorted(p for p in (REPO / "fixtures").rglob("*") if p.suffix in (".html", ".htm"))
    sets = [("fixtures", [(str(p.relative_to(REPO)), _decode(p.read_bytes())) for p in fixtures])]
    sets.append(("article-extraction", [(p.pid, p.html) for p in load_scrapinghub(None)]))
    with tempfile.TemporaryDirectory() as tmp:
        sets.append(("readability-pages", [(p.pid, p.html) for p in load_readability(None, Path(tmp))]))
    if args.pages:
        sets.append((str(args.pages), [(p.name, p.read_text(encoding="utf-8")) for p in sorted(args.pages.glob("*.html"))]))
    differ = sum(compare(name, pages) for name, pages in sets)
    print(f"all: {sum(len(p) for _, p in sets)} pages, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
