"""Drafts written by one checkout's code, to compare two checkouts' byte for byte (issue 14: a
faster `factcheck extract` must write the same drafts).

    .venv/bin/python bench/extract_same.py OUT                    # this checkout's code
    .venv/bin/python bench/extract_same.py OUT --repo ../main     # another checkout's code
    diff -r OUT_A OUT_B && echo identical

Drafted, each into its own file of OUT: the 181 bodies of `article-extraction/ground-truth.json`
(read in place) without a publication date and with one, the 20 labelled articles with theirs
(`bench/extract_labels.json`), one file of the bodies one after another until 2 MB, and the
articles of `fixtures/`, `seeds/` and `examples/`. Printed: the files written and the CPU
seconds of drafting the bodies once (without a date, after one drafted to warm up), the
figure to compare two checkouts by.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from datetime import date
from pathlib import Path

GROUND_TRUTH = Path("/work/shared/bench/article-extraction/ground-truth.json")
HERE = Path(__file__).resolve().parent.parent
BIG = 2_000_000
ARTICLES = ("fixtures", "seeds", "examples")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--repo", type=Path, default=HERE, help="the checkout whose src/ drafts (default: this one)")
    args = ap.parse_args()
    repo = args.repo.resolve()
    sys.path.insert(0, str(repo / "src"))
    Article = importlib.import_module("factcheck.article").Article
    draft_claims = importlib.import_module("factcheck.draft").draft_claims
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    def draft(name: str, text: str, published: date | None = None) -> None:
        (out / f"{name}.yaml").write_text(draft_claims(Article.from_string(text, "article.txt"), "article.txt",
                                                       published), encoding="utf-8")

    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    keys = sorted(truth)
    draft("warm-up", truth[keys[0]]["articleBody"])  # imports and first-use tables, outside the timing
    (out / "warm-up.yaml").unlink()
    cpu = time.process_time()
    for k in keys:
        draft(f"body-{k[:16]}", truth[k]["articleBody"])
    bodies = time.process_time() - cpu
    for k in keys:
        draft(f"dated-{k[:16]}", truth[k]["articleBody"], date(2019, 6, 1))
    labels = json.loads((HERE / "bench" / "extract_labels.json").read_text(encoding="utf-8"))
    full = {k[:12]: k for k in truth}
    for short, lab in labels["articles"].items():
        parts = [int(p) for p in (lab.get("published") or "").split("-") if p]
        draft(f"labelled-{short}", truth[full[short]]["articleBody"], date(*parts) if len(parts) == 3 else None)
    parts, size = [], 0
    while size < BIG:
        parts.append(truth[keys[len(parts) % len(keys)]]["articleBody"])
        size += len(parts[-1].encode("utf-8"))
    draft("bodies-2mb", "\n\n".join(parts))
    for path in sorted(p for d in ARTICLES for p in (HERE / d).rglob("*") if p.suffix in (".txt", ".md")):
        draft("article-" + str(path.relative_to(HERE)).replace("/", "_"), path.read_text(encoding="utf-8"))
    print(f"{len(list(out.glob('*.yaml')))} drafts written by {repo}'s code; the 181 bodies drafted once "
          f"in {bodies:.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
