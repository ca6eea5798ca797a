"""Growth probe: does every stage take time and memory linear in its input?

    .venv/bin/python bench/growth.py              # every stage at 1x, 2x, 4x, 8x
    .venv/bin/python bench/growth.py --quick      # smaller base sizes
    .venv/bin/python bench/growth.py --stages locate,verify

Each (stage, size) runs in a fresh child process, so its peak RSS (less the child's own start-up)
is the stage's. Printed per stage: time and peak MB at each size, and the exponent of growth,
the slope of log(time) against log(size) by least squares: ~1 is linear, 2 quadratic. A stage
whose exponent is above ``SUPERLINEAR`` is flagged. Inputs are generated (seeded), written like
news copy; the pathological ones are the hostile inputs of issue 19 (a Markdown line of '[',
one of '[a](', a page of nothing but <p>).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SUPERLINEAR = 1.25  # n log n over 1x..8x gives about 1.1; quadratic 2
FACTORS = (1, 2, 4, 8)

PARAGRAPH = ("Tankers crossed the strait every day in the spring, and shipping lanes off the coast of Oman "
             "stayed busy while insurers raised their rates for the Gulf routes.\n\n")
CLAIM = "about 21 million barrels per day of oil flowed through the Strait of Hormuz in 2018"
NAME_LINE = "Officials said Alexander Lavrentiev met the delegation on Tuesday.\n\n"


def _story(size: int) -> str:
    """Prose of about ``size`` characters, then the claim's passage at the very end."""
    body = PARAGRAPH * max(1, size // len(PARAGRAPH))
    return body + NAME_LINE + f"In 2018, {CLAIM}, the agency said.\n"


def _markdown(size: int) -> str:
    text = _story(size).replace("shipping lanes", "[shipping lanes](https://example.org/lanes)")
    return "# The strait\n\n" + text + "[" * (size // 50) + "\n" + "[a](" * (size // 200) + "\n"


def _html(size: int) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in _story(size).split("\n\n") if p.strip())
    return f"<html><head><title>Strait</title></head><body><article>{paras}</article></body></html>"


def _claims_yaml(n: int) -> str:
    lines = ["version: 1", "article:", "  path: article.md", "  published: 2019-06-20", "claims:"]
    for i in range(n):
        lines += [f"  - id: c{i}", "    type: number", f"    text: \"{CLAIM}\"",
                  "    expect: 21 million barrels per day", "    sources: [page.html]",
                  f"    note: \"claim {i} & its note\""]
    return "\n".join(lines) + "\n"


# -- stages: each takes the size and returns a callable doing the timed work -------------------

def stage_claims(size: int) -> Callable[[], object]:
    from factcheck.claims import parse_claims
    data = _claims_yaml(size // 100)
    return lambda: parse_claims(data, "/nowhere/claims.yaml")


def _article(kind: str, make: Callable[[int], str]) -> Callable[[int], Callable[[], object]]:
    def stage(size: int) -> Callable[[], object]:
        from factcheck.article import Article
        raw = make(size)
        return lambda: Article.from_string(raw, f"article.{kind}")
    return stage


def stage_locate(size: int) -> Callable[[], object]:
    from factcheck.article import Article
    from factcheck.locate import locate
    text = Article.from_string(_story(size), "a.txt").text
    return lambda: locate(CLAIM, text)


def stage_names(size: int) -> Callable[[], object]:
    from factcheck.names import find_name_mentions
    text = _story(size)
    return lambda: find_name_mentions(text, "Alexander Lavrentiev")


def stage_verify(size: int) -> Callable[[], object]:
    from factcheck.engine import Options, verify
    work = Path(tempfile.mkdtemp(prefix="fc-growth-"))
    (work / "article.md").write_text(_story(size), encoding="utf-8")
    (work / "page.html").write_text(_html(20_000), encoding="utf-8")
    claims = _claims_yaml(3).rstrip("\n") + "\n" + "\n".join([
        "  - id: envoy", "    type: name", "    text: Alexander Lavrentiev", "    expect: Alexander Lavrentiev",
        "    sources: [page.html]"]) + "\n"
    (work / "claims.yaml").write_text(claims, encoding="utf-8")
    return lambda: verify(work / "claims.yaml", Options(offline=True, cache_dir=work / "cache"))


def stage_text(size: int) -> Callable[[], object]:
    from factcheck.readable import extract
    page = _html(size)
    return lambda: extract(page)


def stage_many_p(size: int) -> Callable[[], object]:
    from factcheck.readable import extract
    page = "<html><body>" + "<p>x</p>" * (size // 8) + "</body></html>"
    return lambda: extract(page)


_GIVEN = "Maria John Aisha Kenji Olga Pierre Fatima Liam Sofia Diego Anna Omar Ingrid Tomas Leila Raj".split()
_SURNAMES = ("Lopez Carter Haddad Tanaka Petrova Dubois Rahman Walsh Rossi Alvarez Berg Nasser Larsen Novak "
             "Karimi Mehta Quinn Osei Varga Holm").split()
_UNITS = "people barrels tonnes jobs homes votes".split()
_MONTHS = "January February March April May June July August September October November December".split()


def _news(size: int) -> str:
    """Seeded news copy of about ``size`` characters, every paragraph its own: people named in full
    then by surname, figures, dates and quotations, as ``factcheck extract`` drafts them."""
    rng = random.Random(19)
    out: list[str] = []
    total = 0
    while total < size:
        given, surname = rng.choice(_GIVEN), rng.choice(_SURNAMES) + rng.choice(["", "son", "ova", "i", "er"])
        n, unit, year = rng.randrange(2, 99_999), rng.choice(_UNITS), rng.randrange(1990, 2024)
        para = (f"Minister {given} {surname} said on {rng.choice(_MONTHS)} {rng.randrange(1, 29)}, {year}, that "
                f"{n:,} {unit} were affected, up {rng.randrange(2, 60)}% from {year - 1}. \"We will act within "
                f"{rng.randrange(2, 30)} days on plan {rng.randrange(10**6)},\" {surname} said.\n\n")
        out.append(para)
        total += len(para)
    return "".join(out)


def stage_extract(size: int) -> Callable[[], object]:
    from factcheck.article import Article
    from factcheck.draft import draft_claims
    article = Article.from_string(_news(size), "a.txt")
    return lambda: draft_claims(article, "a.txt", None)


def stage_extract_highbit(size: int) -> Callable[[], object]:
    """Letters of the upper half of Latin-1 with no sentence ends (issue 14: 200 KB of high-bit bytes)."""
    from factcheck.article import Article
    from factcheck.draft import draft_claims
    rng = random.Random(14)
    text = "".join(chr(rng.randrange(0xC0, 0x100)) if rng.random() > 0.15 else " " for _ in range(size))
    article = Article.from_string(text, "a.txt")
    return lambda: draft_claims(article, "a.txt", None)


STAGES: dict[str, tuple[Callable[[int], Callable[[], object]], int]] = {
    # name: (stage, base size in characters at 1x)
    "claims-load": (stage_claims, 50_000),
    "article-text": (_article("txt", _story), 2_000_000),
    "article-markdown": (_article("md", _markdown), 2_000_000),
    "article-html": (_article("html", _html), 1_000_000),
    "locate": (stage_locate, 2_000_000),
    "names (names.py)": (stage_names, 60_000),
    "verify": (stage_verify, 500_000),
    "text on HTML": (stage_text, 500_000),
    "many <p> (readable.py)": (stage_many_p, 250_000),
    "extract (draft.py)": (stage_extract, 50_000),
    "extract high-bit text": (stage_extract_highbit, 20_000),
}


def _one(stage: str, size: int) -> None:
    """In the child: build the input, then time the stage alone; peak RSS above the input's."""
    work = STAGES[stage][0](size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": elapsed, "peak_mb": peak / 1024, "added_mb": (peak - before) / 1024}))


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log y on log x."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="base sizes divided by 4")
    parser.add_argument("--stages", help="comma-separated stage names (default: all)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds per (stage, size) before it counts as a hang")
    parser.add_argument("--one", nargs=2, metavar=("STAGE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one[0], int(args.one[1]))
        return 0
    chosen = [s.strip() for s in args.stages.split(",")] if args.stages else list(STAGES)
    flagged = []
    print(f"{'stage':24} " + " ".join(f"{f'{f}x s':>8} {'MB':>6}" for f in FACTORS) + "  exponent")
    for name in chosen:
        base = STAGES[name][1] // (4 if args.quick else 1)
        times, cells = [], []
        for factor in FACTORS:
            try:
                out = subprocess.run([sys.executable, __file__, "--one", name, str(base * factor)], capture_output=True,
                                     text=True, timeout=args.timeout, check=True)
            except subprocess.TimeoutExpired:
                cells.append(f"{'hang':>8} {'':>6}")
                break
            except subprocess.CalledProcessError as exc:
                died = f"killed by signal {-exc.returncode}" if exc.returncode < 0 else f"exit {exc.returncode}"
                cells.append(f"{'died':>8} {'':>6}")
                print(f"{name} at {factor}x: {died}: {(exc.stderr.strip().splitlines() or [''])[-1]}", file=sys.stderr)
                break
            figures = json.loads(out.stdout.strip().splitlines()[-1])
            times.append(figures["seconds"])
            cells.append(f"{figures['seconds']:8.3f} {figures['peak_mb']:6.0f}")
        exponent = slope([float(f) for f in FACTORS[:len(times)]], times) if len(times) >= 2 else float("nan")
        mark = "  SUPERLINEAR" if exponent > SUPERLINEAR or len(times) < len(FACTORS) else ""
        if mark:
            flagged.append(name)
        print(f"{name:24} " + " ".join(cells) + " " * (16 * (len(FACTORS) - len(cells))) + f"  {exponent:6.2f}{mark}",
              flush=True)
    print("base sizes (characters at 1x): " + ", ".join(f"{n} {STAGES[n][1] // (4 if args.quick else 1):,}"
                                                         for n in chosen))
    if flagged:
        print("superlinear or unfinished:", ", ".join(flagged))
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
