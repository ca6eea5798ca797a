"""Claims-file fuzzer: mutated claims files through the command line, counting what comes out wrong.

    .venv/bin/python bench/fuzz_claims.py                  # 1,500 inputs, seed 19
    .venv/bin/python bench/fuzz_claims.py -n 300 --seed 7 --save /tmp/fuzz-cases

Each input is one of a few valid claims files (every key and source form) mutated 1-4 times:
bytes flipped, inserted or deleted, the file cut short, a line doubled, dropped or swapped, a
field's value replaced by a wrong type or a hostile scalar (alias, tag, huge number, control
character, lone surrogate escape, deep nesting), a BOM or CRLF line ends. Each runs in-process
through ``factcheck verify --offline --format json -o report.json`` beside a real article and
page. Counted as wrong:

  traceback   an exception escaped (anything but SystemExit), or a traceback was printed
  internal    exit 2 with the loader's "internal error" catch-all (a crash in disguise)
  exit        an exit code other than 0, 1, 2
  written     exit 2, yet report.json was written
  message     exit 2 with a message that is not one line starting "factcheck: error: "
  slow        longer than ``SLOW`` seconds (printed, never asserted)

Wrong inputs are printed (first few) and saved with ``--save``. Exit status 1 if any came out wrong.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from click.testing import CliRunner  # noqa: E402

from factcheck.cli import main  # noqa: E402

SLOW = 5.0  # seconds: far above a normal load (~50 ms), well below the 60 s hang bound

BASES = [
    """version: 1
article:
  path: article.md
  published: 2019-06-20
sources:
  page:
    url: https://www.eia.gov/todayinenergy/detail.php?id=39932
    archive: page.html
    selector: "article"
claims:
  - id: flow
    type: number
    text: about 21 million barrels per day of oil flowed through the strait
    expect: 21 million barrels per day
    tolerance: 5%
    sources: [page]
  - id: geo
    type: statement
    text: The Strait of Hormuz, between Oman and Iran, connects the Persian Gulf with the Gulf of Oman.
    sources: [page.html]
    note: "anchors \\u00e9 & aliases"
""",
    """version: 1
article: {path: article.md, published: 2019-06-20}
claims:
  - {id: share, type: number, text: "about 21% of global petroleum liquids consumption", expect: "about 21%",
     sources: [{archive: page.html, selector: "p"}], accepted: "house style"}
  - id: year
    type: date
    text: In 2018
    expect: "2018"
    sources: [page.html]
  - id: quote
    type: quote
    text: "“the world's most important oil transit chokepoint”"
    sources: [page.html]
  - id: who
    type: name
    text: Strait of Hormuz
    aliases: [Hormuz Strait]
    sources: [page.html]
""",
]

HOSTILE_VALUES = [
    "1", "-1", "1e999", "0x10", "true", "null", "~", "2019-02-30", "[]", "{}", "[a, [b, [c]]]", "{a: {b: {c: d}}}",
    '""', "''", "!!binary aGk=", "!!python/object/apply:os.system [id]", "!!str", "&a x", "*a", "*undefined",
    '"\\ud800"', '"\\x00"', '"\\e]0;pwned\\a"', '"a\\u202eb"', "'" + "x" * 5000 + "'", "[" * 200 + "]" * 200,
    "{" * 100 + "}" * 100, "|\n  block\n  scalar", ">-\n  folded", "? complex\n  : key", "- a\n- b", "'::set-output'",
    "http://169.254.169.254/", "file:///etc/passwd", "javascript:alert(1)", "../../etc/passwd", "/etc/passwd",
    "p:contains(x)", "p[", "a\tb", "'\u2028'", "%", "@reserved", "`reserved",
]
SNIPPETS = [b"&a ", b"*a", b"!!", b"\x00", b"\xff", b"\xc3", b"{", b"[", b"}", b"]", b":", b": ", b"- ", b"\t", b"\r",
            b"\n", b"#", b"'", b'"', b"\\", b"%YAML 1.1\n", b"---\n", b"...\n", b"? ", b"|", b">", b"\xef\xbb\xbf"]


def mutate(rng: random.Random, data: bytes) -> bytes:
    for _ in range(rng.choice([1, 1, 1, 2, 3, 4])):
        kind = rng.choice(["flip", "insert", "delete", "cut", "value", "value", "line-dup", "line-drop", "line-swap",
                           "crlf", "bom"])
        at = rng.randrange(max(len(data), 1))
        lines = data.split(b"\n")
        if kind == "flip" and data:
            data = data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
        elif kind == "insert":
            data = data[:at] + rng.choice(SNIPPETS) * rng.choice([1, 1, 2, 50]) + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + rng.randint(1, 40):]
        elif kind == "cut":
            data = data[:at]
        elif kind == "value":
            fields = [i for i, line in enumerate(lines) if b": " in line] or [0]
            i = rng.choice(fields)
            key = lines[i].partition(b": ")[0]
            lines[i] = key + b": " + rng.choice(HOSTILE_VALUES).encode("utf-8", "surrogatepass")
            data = b"\n".join(lines)
        elif kind == "line-dup":
            i = rng.randrange(len(lines))
            data = b"\n".join(lines[:i + 1] + lines[i:])
        elif kind == "line-drop":
            i = rng.randrange(len(lines))
            data = b"\n".join(lines[:i] + lines[i + 1:])
        elif kind == "line-swap" and len(lines) > 1:
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            data = b"\n".join(lines)
        elif kind == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif kind == "bom":
            data = b"\xef\xbb\xbf" + data
    return data


def judge(directory: Path, data: bytes) -> tuple[int | str, list[str], float]:
    """Run one input; its exit code and the list of what was wrong with the outcome."""
    claims, report = directory / "claims.yaml", directory / "report.json"
    claims.write_bytes(data)
    report.unlink(missing_ok=True)
    start = time.perf_counter()
    result = CliRunner().invoke(main, ["verify", str(claims), "--offline", "--format", "json", "-o", str(report)])
    elapsed = time.perf_counter() - start
    wrong = []
    if (result.exception is not None and not isinstance(result.exception, SystemExit)) or "Traceback" in result.output:
        wrong.append("traceback")
    if result.exit_code not in (0, 1, 2):
        wrong.append("exit")
    if result.exit_code == 2:
        lines = result.stderr.splitlines()
        if report.exists():
            wrong.append("written")
        if len(lines) != 1 or not lines[0].startswith("factcheck: error: "):
            wrong.append("message")
        if "internal error" in result.stderr:
            wrong.append("internal")
    if result.exit_code in (0, 1):
        json.loads(report.read_text(encoding="utf-8"))  # a report is whole
    if elapsed > SLOW:
        wrong.append("slow")
    return result.exit_code, wrong, elapsed


def main_() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=1500, help="inputs to try")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--save", type=Path, help="directory for the inputs that came out wrong")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    exits: Counter[int | str] = Counter()
    wrongs: Counter[str] = Counter()
    slowest = 0.0
    shown = 0
    with tempfile.TemporaryDirectory(prefix="fc-fuzz-") as tmp:
        directory = Path(tmp)
        (directory / "article.md").write_bytes((ROOT / "fixtures" / "hardening" / "article.md").read_bytes())
        (directory / "page.html").write_bytes((ROOT / "fixtures" / "hardening" / "page.html").read_bytes())
        for i in range(args.n):
            data = mutate(rng, rng.choice(BASES).encode("utf-8"))
            code, wrong, elapsed = judge(directory, data)
            exits[code] += 1
            slowest = max(slowest, elapsed)
            for w in wrong:
                wrongs[w] += 1
            if wrong:
                if shown < 10:
                    print(f"input {i}: {', '.join(wrong)} (exit {code}): {data[:160]!r}")
                    shown += 1
                if args.save:
                    args.save.mkdir(parents=True, exist_ok=True)
                    (args.save / f"case-{i}.yaml").write_bytes(data)
    print(f"{args.n} mutated claims files, seed {args.seed}; exit codes: "
          + ", ".join(f"{k}: {v}" for k, v in sorted(exits.items(), key=str)))
    print("wrong: " + ", ".join(f"{k} {wrongs[k]}" for k in ("traceback", "internal", "exit", "written", "message",
                                                            "slow")) + f"; slowest input {slowest:.2f} s")
    return 1 if wrongs else 0


if __name__ == "__main__":
    sys.exit(main_())
