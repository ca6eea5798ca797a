"""The page's own date: ``sources.page_date`` (metadata, <time>, URL) against htmldate, on two sets
of real pages (neither carries a human-made date ground truth: the figures are coverage and
agreement with a reference).

    python bench/pagedate.py                          # article-extraction, ours only
    python bench/pagedate.py --set readability        # the second set: readability's test pages
    HTMLDATE=1 python bench/pagedate.py [--set ...]   # also htmldate, if installed (not a dependency)

References: for ``article-extraction``, the date in the page's original URL (``ground-truth.json``),
where it has one; for ``readability``, the ``publishedTime`` Readability.js reads from the page
(``expected-metadata.json``), where it found one. The URL is never given to either reader here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
from factcheck.sources import page_date  # noqa: E402

SHARED = next((p / "shared" / "bench" for p in (REPO.parent, REPO.parent.parent)
               if (p / "shared" / "bench").is_dir()), REPO.parent / "shared" / "bench")
URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")
ISO_DAY = re.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")


def article_extraction() -> Iterator[tuple[str, str | None]]:
    """(html, reference day) for each page of ``article-extraction``."""
    data = SHARED / "article-extraction"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for pid in sorted(truth):
        html = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        m = URL_DATE.search(truth[pid]["url"])
        yield html, (f"{m[1]}-{m[2]}-{m[3]}" if m else None)


def readability() -> Iterator[tuple[str, str | None]]:
    """(html, reference day) for each of readability's test pages, unpacked to a temporary directory."""
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(SHARED / "readability-pages" / "readability-testpages.tar.xz") as tar:
            tar.extractall(tmp, filter="data")
        for page in sorted((Path(tmp) / "readability-testpages").iterdir()):
            meta = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
            m = ISO_DAY.search(meta.get("publishedTime") or "")
            yield ((page / "source.html").read_text(encoding="utf-8", errors="replace"),
                   f"{m[1]}-{m[2]}-{m[3]}" if m else None)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=("article-extraction", "readability"), default="article-extraction")
    args = ap.parse_args()
    use_htmldate = bool(os.environ.get("HTMLDATE"))
    if use_htmldate:
        start = time.perf_counter()
        from htmldate import find_date
        print(f"htmldate import: {time.perf_counter() - start:.2f} s")
    n = ours_found = theirs_found = agree = both = refs = ours_ok = theirs_ok = 0
    t_ours = t_theirs = 0.0
    only_theirs: list[str] = []
    for html, ref in (article_extraction() if args.set == "article-extraction" else readability()):
        n += 1
        start = time.perf_counter()
        ours = page_date(html)
        t_ours += time.perf_counter() - start
        ours_found += ours is not None
        refs += ref is not None
        ours_ok += ref is not None and ours is not None and ours.isoformat() == ref
        if use_htmldate:
            start = time.perf_counter()
            theirs = find_date(html, original_date=True, extensive_search=False)
            t_theirs += time.perf_counter() - start
            theirs_found += theirs is not None
            theirs_ok += ref is not None and theirs == ref
            if ours and theirs:
                both += 1
                agree += ours.isoformat() == theirs
            elif theirs and len(only_theirs) < 10:
                only_theirs.append(f"{theirs} (reference {ref})")
    print(f"{args.set}: {n} pages; {refs} with a reference date")
    print(f"ours:     found {ours_found}/{n}, equals the reference {ours_ok}/{refs}, {t_ours:.2f} s")
    if use_htmldate:
        print(f"htmldate: found {theirs_found}/{n}, equals the reference {theirs_ok}/{refs}, {t_theirs:.2f} s")
        print(f"both found {both}; same day {agree}; htmldate only, e.g.: {', '.join(only_theirs)}")


if __name__ == "__main__":
    main()
