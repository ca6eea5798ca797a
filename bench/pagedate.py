"""The page's own date: ``sources.page_date`` (metadata, <time>, URL) against htmldate, on the
article-extraction pages (which carry no date ground truth: the figures are coverage and agreement).

    python bench/pagedate.py                 # ours only
    HTMLDATE=1 python bench/pagedate.py      # also htmldate, if installed (not a dependency)

A third reference is the date in the page's original URL (``ground-truth.json``), where it has one.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
from factcheck.sources import page_date  # noqa: E402

DATA = next((p / "shared" / "bench" / "article-extraction" for p in (REPO.parent, REPO.parent.parent)
             if (p / "shared" / "bench" / "article-extraction").is_dir()), REPO.parent / "shared")
URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")


def main() -> None:
    truth = json.loads((DATA / "ground-truth.json").read_text(encoding="utf-8"))
    use_htmldate = bool(os.environ.get("HTMLDATE"))
    if use_htmldate:
        from htmldate import find_date
    ours_found = theirs_found = agree = both = url_ref = ours_url_ok = theirs_url_ok = 0
    t_ours = t_theirs = 0.0
    for pid in sorted(truth):
        html = gzip.decompress((DATA / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        start = time.perf_counter()
        ours = page_date(html)  # the URL is left out here: it is the reference below
        t_ours += time.perf_counter() - start
        ours_found += ours is not None
        m = URL_DATE.search(truth[pid]["url"])
        ref = f"{m[1]}-{m[2]}-{m[3]}" if m else None
        url_ref += ref is not None
        ours_url_ok += ref is not None and ours is not None and ours.isoformat() == ref
        if use_htmldate:
            start = time.perf_counter()
            theirs = find_date(html, original_date=True, extensive_search=False)
            t_theirs += time.perf_counter() - start
            theirs_found += theirs is not None
            theirs_url_ok += ref is not None and theirs == ref
            if ours and theirs:
                both += 1
                agree += ours.isoformat() == theirs
    n = len(truth)
    print(f"{n} pages; {url_ref} with a date in their URL (the reference)")
    print(f"ours:     found {ours_found}/{n}, equals the URL's date {ours_url_ok}/{url_ref}, {t_ours:.2f} s")
    if use_htmldate:
        print(f"htmldate: found {theirs_found}/{n}, equals the URL's date {theirs_url_ok}/{url_ref}, {t_theirs:.2f} s")
        print(f"both found {both}; same day {agree}")


if __name__ == "__main__":
    main()
