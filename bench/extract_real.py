"""`factcheck extract` on 20 real articles, measured against facts labelled by hand (issue 14).

    .venv/bin/python bench/extract_real.py            # the four figures
    .venv/bin/python bench/extract_real.py --show     # also every miss, junk draft and unsupported draft
    .venv/bin/python bench/extract_real.py --mb 20    # text drafted for the timing (default 20 MB)

Data (read in place, never copied): the bodies of `article-extraction/ground-truth.json` picked and
labelled as `bench/extract_labels.json` says (its `_comment` gives the rule). Each body is drafted
as `factcheck extract` drafts a text file, with the publication date of the labels (the URL's),
and each drafted claim is placed where the checker reads it in the article (its mentions).

- drafted: a labelled fact is drafted when a claim of its type has a mention overlapping the fact;
- junk: a drafted claim overlapping no fact of its type nor an `ok` span, or a date the checker
  reads in it with another value than the label's; attributed statements are not labelled, so
  they are counted apart and left out of the figures for all;
- self: the drafts as written, each citing the article's own text (a local file) as its one
  source, verified by the checker: the share `supported`;
- time: the 181 bodies drafted one after another, cycled until `--mb` MB of text; wall and CPU
  seconds (the machine is shared: CPU seconds are the steadier figure), and 20 MB extrapolated;
- binary: `factcheck extract` on 200 KB of seeded high-bit bytes: exit status and seconds.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import cast

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from factcheck.article import Article  # noqa: E402
from factcheck.claimtypes import read_article  # noqa: E402
from factcheck.claimtypes.date import _date_expect  # noqa: E402
from factcheck.dates import DateSpan  # noqa: E402
from factcheck.draft import _drafts, draft_claims  # noqa: E402
from factcheck.engine import Checker, Options  # noqa: E402
from factcheck.index import Lenses  # noqa: E402
from factcheck.model import ArticleSpec, Claim, ClaimsFile, ClaimType, SourceSpec  # noqa: E402
from factcheck.normalize import normalize  # noqa: E402

GROUND_TRUTH = Path("/work/shared/bench/article-extraction/ground-truth.json")
LABELS = Path(__file__).with_name("extract_labels.json")
TYPES = ("name", "number", "date", "quote")
BINARY_BYTES = 200_000
SEED = 14


@dataclass(frozen=True)
class Fact:
    type: str
    label: str
    spans: tuple[tuple[int, int], ...]  # every place the article writes it
    value: str | None = None  # a date's meaning


def _spans(text: str, label: str, literal: bool) -> tuple[tuple[int, int], ...]:
    """Where ``label`` stands in ``text``; ``[core]`` narrows each place to the core."""
    label = normalize(label)  # as the article's text is: straight quotes and apostrophes
    plain = label if literal else label.replace("[", "").replace("]", "")
    core_at, core_len = 0, len(plain)
    if not literal and "[" in label:
        core_at = label.index("[")
        core_len = label.index("]") - core_at - 1
    out = []
    i = text.find(plain)
    while i >= 0:
        out.append((i + core_at, i + core_at + core_len))
        i = text.find(plain, i + 1)
    return tuple(out)


def facts_of(text: str, labels: dict) -> tuple[list[Fact], list[Fact]]:
    """(required facts, ok spans) of one article; a label the text lacks is an error in the labels."""
    required: list[Fact] = []
    ok: list[Fact] = []
    for kind in (*TYPES, "ok"):
        for entry in labels.get(kind, []):
            label, value = (entry[0], entry[1]) if kind == "date" else (entry, None)
            spans = _spans(text, label, literal=kind == "quote")
            if not spans:
                raise SystemExit(f"{LABELS.name}: label {label!r} is not in the article")
            (ok if kind == "ok" else required).append(Fact(kind, label, spans, value))
    return required, ok


def _overlaps(spans: tuple[tuple[int, int], ...], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


@dataclass
class Tally:
    facts: Counter[str]
    drafted: Counter[str]
    claims: Counter[str]
    junk: Counter[str]
    self_runs: Counter[str]
    supported: Counter[str]


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    parts = [int(p) for p in value.split("-")]
    return date(*parts) if len(parts) == 3 else None


def self_verdicts(claims: list[Claim], text: str, published: date | None, where: Path) -> list[str]:
    """The claims checked with the article's own text as their only source."""
    where.mkdir(parents=True, exist_ok=True)
    (where / "article.txt").write_text(text, encoding="utf-8")
    cited = [replace(c, sources=(SourceSpec("self", archive=where / "article.txt"),)) for c in claims]
    spec = ClaimsFile(where / "claims.yaml", ArticleSpec(path=where / "article.txt", published=published), tuple(cited))
    report = Checker(spec, Options(cache_dir=where / "cache", offline=True)).run()
    return [r.verdict.value for r in report.results]


def measure(truth: dict, labels: dict, show: bool) -> Tally:
    tally = Tally(Counter(), Counter(), Counter(), Counter(), Counter(), Counter())
    full = {k[:12]: k for k in truth}
    with tempfile.TemporaryDirectory() as tmp:
        for short, lab in labels["articles"].items():
            body = truth[full[short]]["articleBody"]
            article = Article.from_string(body, "article.txt")
            published = _published(lab.get("published"))
            required, ok = facts_of(article.text, lab)
            claims = [d.claim for d in _drafts(article, published)[0]]
            lenses = Lenses()
            readings = [read_article(c, article, published, lenses) for c in claims]
            placed = [(c, r.mentions) for c, r in zip(claims, readings, strict=True)]
            meaning = {c.id: _date_expect(cast("DateSpan", r.value)) for c, r in zip(claims, readings, strict=True)
                       if c.type is ClaimType.DATE and r.value is not None}
            for f in required:
                tally.facts[f.type] += 1
                hit = any(c.type.value == f.type and any(_overlaps(f.spans, m.start, m.end) for m in ms)
                          for c, ms in placed)
                tally.drafted[f.type] += hit
                if not hit and show:
                    print(f"  MISSED {short} {f.type}: {f.label}")
            for c, ms in placed:
                kind = c.type.value
                tally.claims[kind] += 1
                same = [f for f in required if f.type == kind and any(_overlaps(f.spans, m.start, m.end) for m in ms)]
                fine = bool(same) or any(_overlaps(f.spans, m.start, m.end) for f in ok for m in ms)
                wrong = kind == "date" and bool(same) and all(f.value != meaning.get(c.id) for f in same)
                if not fine or wrong:
                    tally.junk[kind] += 1
                    if show:
                        why = f"read as {meaning.get(c.id)}, labelled {[f.value for f in same]}" if wrong else "no fact"
                        print(f"  JUNK {short} {c.id} ({why}): {c.text[:90]}")
            verdicts = self_verdicts(claims, body, published, Path(tmp) / short)
            for c, v in zip(claims, verdicts, strict=True):
                tally.self_runs[c.type.value] += 1
                tally.supported[c.type.value] += v == "supported"
                if v != "supported" and show:
                    print(f"  SELF {short} {c.id} {v}: {c.text[:90]}")
    return tally


def _share(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "  n/a"


def report(tally: Tally) -> None:
    print(f"{'type':9} {'facts':>6} {'drafted':>8} {'share':>7}   {'claims':>6} {'junk':>5} {'share':>7}   "
          f"{'self':>5} {'supported':>9}")
    kinds = sorted(set(tally.facts) | set(tally.claims), key=lambda k: (k not in TYPES, k))
    for kind in (*kinds, "all"):  # "all": the labelled types
        pick = [k for k in kinds if k in TYPES] if kind == "all" else [kind]
        f, d = sum(tally.facts[k] for k in pick), sum(tally.drafted[k] for k in pick)
        c, j = sum(tally.claims[k] for k in pick), sum(tally.junk[k] for k in pick)
        r, s = sum(tally.self_runs[k] for k in pick), sum(tally.supported[k] for k in pick)
        print(f"{kind:9} {f:6} {d:8} {_share(d, f):>7}   {c:6} {j:5} {_share(j, c):>7}   {r:5} {_share(s, r):>9}")


_WORDS = re.compile(r"\w+")


def _cycle(bodies: list[str], target: float, work) -> tuple[int, int, float]:
    """``work`` on each body in turn until ``target`` bytes went through: (bytes, bodies, CPU seconds)."""
    done = n = 0
    cpu = time.process_time()
    while done < target:
        body = bodies[n % len(bodies)]
        work(body)
        done += len(body.encode("utf-8"))
        n += 1
    return done, n, time.process_time() - cpu


def timing(truth: dict, megabytes: float) -> None:
    """Every body drafted in turn, as ``factcheck extract`` drafts and writes it, cycled until
    ``megabytes`` of text went through; beside it the floor, the same text read and split into
    words once, so that the ratio holds on a loaded machine."""
    bodies = [truth[k]["articleBody"] for k in sorted(truth)]
    target = megabytes * 1_000_000
    start = time.perf_counter()
    done, n, used = _cycle(bodies, target, lambda b: draft_claims(Article.from_string(b, "article.txt"),
                                                                     "article.txt", None))
    elapsed = time.perf_counter() - start
    _, _, floor = _cycle(bodies, target, lambda b: _WORDS.findall(Article.from_string(b, "article.txt").text))
    mb = done / 1e6
    print(f"time: {mb:.1f} MB in {n} articles drafted in {elapsed:.1f} s wall, {used:.1f} s CPU "
          f"({mb / used:.4f} MB per CPU second: 20 MB in {20 / (mb / used):.0f} CPU seconds); "
          f"floor (read and split into words) {floor:.2f} s CPU: {used / floor:.0f}x the floor")


def binary() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "blob.txt"
        rng = random.Random(SEED)
        path.write_bytes(bytes(rng.randrange(128, 256) for _ in range(BINARY_BYTES)))
        start, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        run = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path), "-o", str(Path(tmp) / "c.yaml")],
                             capture_output=True, text=True, cwd=REPO)
        elapsed = time.perf_counter() - start
        used = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - cpu
        message = (run.stderr.strip().splitlines() or [""])[-1]
        print(f"binary: {BINARY_BYTES // 1000} KB of high-bit bytes: exit {run.returncode} in {elapsed:.2f} s wall, "
              f"{used:.2f} s CPU (start-up included): {message}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every miss, junk draft and unsupported draft")
    ap.add_argument("--mb", type=float, default=20, help="MB of text drafted for the timing (0: skip)")
    args = ap.parse_args()
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    report(measure(truth, labels, args.show))
    if args.mb:
        timing(truth, args.mb)
    binary()
    return 0


if __name__ == "__main__":
    sys.exit(main())
