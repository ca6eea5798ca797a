"""The page's own date (``factcheck.pagedate.page_date``) against hand-made labels, on two sets of
real pages; htmldate beside it when installed (it is not a dependency).

    python bench/pagedate.py                          # both sets, ours only
    python bench/pagedate.py --set readability        # one set
    HTMLDATE=1 python bench/pagedate.py [--list]      # also htmldate (fast and extensive search)

The labels (``bench/pagedate_labels.json``) are the day each page was published as read from the
page by a person: the byline or dateline as the page shows it (the newsroom's own day, not the UTC
day of a timestamp), else its publication metadata or URL; ``null`` where the page states no
publication date (a product page, a section front, a last-updated footer only). ``also`` lists a
second day a careful reader could defend (a timestamp at midnight in the author's zone). A page
dated by script rather than by hand says so in its ``signal``.

A reader is *right* when it gives the label's day (or no date on an undated page), *wrong* when it
gives another day or dates an undated page, *none* when it gives no date for a dated page. Wrong
dates are split into one day off (a UTC day for a local one) and further off: a day off misplaces
only "yesterday" and weekdays, further off misplaces every year-less date on the page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
from factcheck.pagedate import page_date  # noqa: E402

SHARED = next((p / "shared" / "bench" for p in (REPO.parent, REPO.parent.parent)
               if (p / "shared" / "bench").is_dir()), REPO.parent / "shared" / "bench")
LABELS = REPO / "bench" / "pagedate_labels.json"
SETS = ("article-extraction", "readability")

Reader = Callable[[str, "str | None"], "str | None"]


@dataclass
class Tally:
    """One reader's results on one set."""

    right: int = 0
    day_off: int = 0
    far_off: int = 0
    none: int = 0
    seconds: float = 0.0
    wrong_pages: list[str] = field(default_factory=list)

    def add(self, page: str, got: str | None, label: dict) -> None:
        accepted = [label["date"], *label.get("also", [])]
        if got in accepted:
            self.right += 1
        elif got is None:
            self.none += 1
        else:
            truth = label["date"]
            off = truth is not None and abs((date.fromisoformat(got) - date.fromisoformat(truth)).days) == 1
            self.day_off += off
            self.far_off += not off
            self.wrong_pages.append(f"{page[:16]}: {got} (label {truth})")


def article_extraction() -> Iterator[tuple[str, str, str | None]]:
    """(id, html, url) for each page of ``article-extraction``."""
    data = SHARED / "article-extraction"
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for pid in sorted(truth):
        html = gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()).decode("utf-8", "replace")
        yield pid, html, truth[pid]["url"]


def readability() -> Iterator[tuple[str, str, str | None]]:
    """(id, html, no url: the set does not keep it) for each of readability's test pages."""
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(SHARED / "readability-pages" / "readability-testpages.tar.xz") as tar:
            tar.extractall(tmp, filter="data")
        for page in sorted((Path(tmp) / "readability-testpages").iterdir()):
            yield page.name, (page / "source.html").read_text(encoding="utf-8", errors="replace"), None


def ours(html: str, url: str | None) -> str | None:
    day = page_date(html, url)
    return day.isoformat() if day else None


def readers() -> dict[str, Reader]:
    """Our reader, and htmldate's two modes when ``HTMLDATE`` is set."""
    found: dict[str, Reader] = {"ours": ours}
    if os.environ.get("HTMLDATE"):
        start = time.perf_counter()
        from htmldate import find_date
        print(f"htmldate import: {time.perf_counter() - start:.2f} s")
        found["htmldate"] = lambda html, url: find_date(html, url=url, original_date=True, extensive_search=False)
        found["htmldate extensive"] = lambda html, url: find_date(html, url=url, original_date=True)
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=SETS, action="append", help="default: both")
    ap.add_argument("--no-url", action="store_true", help="do not give the readers the page's URL")
    ap.add_argument("--list", action="store_true", help="list each wrong date")
    args = ap.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    chosen = readers()
    for name in args.set or SETS:
        tallies = {reader: Tally() for reader in chosen}
        n = 0
        for pid, html, url in (article_extraction() if name == "article-extraction" else readability()):
            n += 1
            for reader, read in chosen.items():
                start = time.perf_counter()
                got = read(html, None if args.no_url else url)
                tallies[reader].seconds += time.perf_counter() - start
                tallies[reader].add(pid, got, labels[name][pid])
        dated = sum(1 for label in labels[name].values() if label["date"])
        print(f"\n{name}: {n} pages, {dated} with a publication date")
        print(f"{'reader':<20} {'right':>6} {'wrong':>6} {'(1 day)':>8} {'(more)':>7} {'none':>5} {'seconds':>8}")
        for reader, t in tallies.items():
            print(f"{reader:<20} {t.right:>6} {t.day_off + t.far_off:>6} {t.day_off:>8} {t.far_off:>7} "
                  f"{t.none:>5} {t.seconds:>8.2f}")
            if args.list:
                for line in t.wrong_pages:
                    print(f"    {line}")


if __name__ == "__main__":
    main()
