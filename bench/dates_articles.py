"""The date reader on a second data set: the article-extraction ground-truth bodies (real news and
blog pages), each resolved against the page's own date (``sources.page_date``: metadata, <time>, URL).

    .venv/bin/python bench/dates_articles.py [--sample 50] [--seed 13]

The pages carry no date ground truth, so this prints what is read (how many, at which precision,
how many need a publication date the page lacks) and a fixed random sample of reads with their
sentence, to be checked by hand against the text. ``bench/values.py`` is the scored corpus; this is
the check that its rules do not misfire on ordinary copy.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

from factcheck import dates
from factcheck.sources import page_date

DATA = Path("/work/shared/bench/article-extraction")
CONTEXT = 50  # characters shown either side of a read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    reads = []
    precision: Counter[str] = Counter()
    undated_pages = unresolved = ambiguous = 0
    took = 0.0
    for page_id, record in sorted(truth.items()):
        html = gzip.decompress((args.data / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8", "replace")
        published = page_date(html, record["url"])
        undated_pages += published is None
        body = record["articleBody"]
        start = time.perf_counter()
        found = dates.find_dates(body, published)
        took += time.perf_counter() - start
        for m in found:
            if m.span is None:
                unresolved += 1
                continue
            precision[m.span.precision] += 1
            ambiguous += m.span.ambiguous
            reads.append((page_id, published, m, body))
    print(f"article-extraction bodies: {len(truth)} pages, {undated_pages} without a page date; "
          f"read in {took:.2f}s")
    print(f"  dates read: {len(reads)} resolved, {unresolved} unresolved (relative, no page date), "
          f"{ambiguous} numeric ones of unsettled day/month order")
    print("  by precision: " + ", ".join(f"{p} {n}" for p, n in precision.most_common()))
    rng = random.Random(args.seed)
    print(f"\nsample of {args.sample} reads (seed {args.seed}) to check by hand: page date | read | value | context")
    for i, (page_id, published, m, body) in enumerate(sorted(rng.sample(reads, min(args.sample, len(reads))),
                                                              key=lambda r: (r[0], r[2].start)), 1):
        around = body[max(0, m.start - CONTEXT):m.end + CONTEXT].replace("\n", " ")
        print(f"{i:3}. {page_id[:8]} {published} | {m.text!r} | {m.span} | …{around}…")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
