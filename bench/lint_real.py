"""`factcheck lint` on real article bodies: precision by hand labels, recall on planted typos.

    .venv/bin/python bench/lint_real.py              # both data sets, both figures
    .venv/bin/python bench/lint_real.py --show       # also every finding with its label
    .venv/bin/python bench/lint_real.py --growth     # name finding time at 1, 2, 4, 8 MB

Data (read in place, never copied): the 181 bodies of `article-extraction/ground-truth.json`, and
the `expected.html` of each readability test page (unpacked to a temporary directory, turned into
text: block elements and <br> end a line). Every finding on the unchanged texts must be labelled in
`bench/lint_labels.json` ("real" or "false", with a reason word); an unlabelled finding is printed
and counted as false. The planted set changes one mention of one person's surname per article
(a name mentioned at least twice, 5 letters or more) by one fixed rule drawn with a fixed seed:
a dropped, doubled or swapped letter (never the first letter nor the last two, which are a name's
ending in inflected languages), or a transliteration slip (v/ff, i/y, ks/x, kh/h); recall is the
share of planted spellings that a finding pairs with the original.
"""

from __future__ import annotations

import argparse
import html.parser
import json
import random
import re
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from factcheck.article import Article
from factcheck.language import detect
from factcheck.lint import LintFinding, lint_article
from factcheck.names import KNOWN_WORDS, NameKind, extract_names, find_name_mentions, fold_name

BENCH = Path("/work/shared/bench")
GROUND_TRUTH = BENCH / "article-extraction" / "ground-truth.json"
READABILITY = BENCH / "readability-pages" / "readability-testpages.tar.xz"
LABELS = Path(__file__).with_name("lint_labels.json")
SEED = 14
MIN_PLANT_LENGTH = 5  # shorter names allow no slip but a swap; planting there tests little
GROWTH_MB = (1, 2, 4, 8)


@dataclass(frozen=True)
class Doc:
    id: str
    text: str


@dataclass(frozen=True)
class Plant:
    doc: Doc
    original: str
    planted: str
    rule: str
    text: str


def ground_truth() -> list[Doc]:
    data = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    return [Doc(k[:12], data[k]["articleBody"]) for k in sorted(data)]


_BLOCKS = frozenset(
    "p div br li h1 h2 h3 h4 h5 h6 tr table ul ol blockquote pre section article figure figcaption dd dt".split()
)
_SKIP = frozenset("script style noscript template".split())


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _Text()
    parser.feed(markup)
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def readability() -> list[Doc]:
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(READABILITY) as tar:
            tar.extractall(tmp, filter="data")
        for path in sorted(Path(tmp).glob("*/*/expected.html")):
            docs.append(Doc(path.parent.name, html_text(path.read_text(encoding="utf-8"))))
    return docs


def key_of(doc: Doc, finding: LintFinding) -> str:
    return f"{doc.id}|" + "|".join(sorted(finding.forms))


def precision(name: str, docs: list[Doc], labels: dict[str, dict[str, str]], show: bool) -> None:
    real = false = unlabelled = 0
    for doc in docs:
        for finding in lint_article(Article.from_string(doc.text, path=f"{doc.id}.txt")):
            key = key_of(doc, finding)
            label = labels.get(key)
            if label is None:
                unlabelled += 1
                print(f"  UNLABELLED {key}  ({detect(doc.text).code})")
            elif label["label"] == "real":
                real += 1
            else:
                false += 1
            if show and label is not None:
                print(f"  {label['label']:5} {label['reason']:14} {key}")
    total = real + false + unlabelled
    figure = f"{real / total:.0%}" if total else "n/a"
    print(f"{name}: {len(docs)} texts, {total} findings, {real} real, {false} false, {unlabelled} unlabelled: "
          f"precision {figure}")


_SLIPS = ((r"v\b", "ff"), (r"i\b", "y"), (r"y", "i"), (r"ks", "x"), (r"x", "ks"), (r"kh", "h"))


def _misspell(word: str, rng: random.Random) -> tuple[str, str] | None:
    """One realistic slip in ``word``: (new spelling, rule)."""
    inner = range(1, len(word) - 2)  # neither the first letter nor the last two
    options: list[tuple[str, str]] = []
    for i in inner:
        options.append((word[:i] + word[i + 1 :], "dropped"))
        options.append((word[: i + 1] + word[i:], "doubled"))
        if word[i] != word[i + 1] and i + 1 < len(word) - 2:
            options.append((word[:i] + word[i + 1] + word[i] + word[i + 2 :], "swapped"))
    for pattern, repl in _SLIPS:
        for m in re.finditer(pattern, word[1:]):
            s, e = m.start() + 1, m.end() + 1
            options.append((word[:s] + repl + word[e:], "transliteration"))
    rules = sorted({r for _, r in options})
    if not rules:
        return None
    rule = rng.choice(rules)
    return rng.choice([o for o in options if o[1] == rule])


def plant(doc: Doc, rng: random.Random) -> Plant | None:
    occurrences = extract_names(doc.text)
    people = [o for o in occurrences if o.kind is NameKind.PERSON and len(o.given) >= 1 and not o.surname_first]
    candidates = sorted({o.surname.text for o in people if len(o.surname.text) >= MIN_PLANT_LENGTH
                         and o.surname.text.isalpha() and o.surname.key not in KNOWN_WORDS
                         and not o.surname.common and not any(t.common for t in o.given)})
    rng.shuffle(candidates)
    for surname in candidates:
        full = next(o for o in people if o.surname.text == surname)
        expect = doc.text[full.start : full.end]
        mentions = [m for m in find_name_mentions(doc.text, expect, occurrences=occurrences) if m.kind == "exact"]
        if len(mentions) < 2:
            continue
        slip = _misspell(surname, rng)
        if slip is None:
            continue
        planted, rule = slip
        if fold_name(planted) in fold_name(doc.text):
            continue  # the slip is a word the text already has
        m = rng.choice(mentions)
        at = doc.text.find(surname, m.start, m.end)
        if at < 0:
            continue
        text = doc.text[:at] + planted + doc.text[at + len(surname) :]
        return Plant(doc, surname, planted, rule, text)
    return None


def recall(name: str, docs: list[Doc], show: bool) -> None:
    rng = random.Random(SEED)
    caught = tried = 0
    by_rule: dict[str, list[int]] = {}
    for doc in docs:
        p = plant(doc, rng)
        if p is None:
            continue
        tried += 1
        findings = lint_article(Article.from_string(p.text, path=f"{doc.id}.txt"))
        hit = any({fold_name(p.original), fold_name(p.planted)} <= {fold_name(f) for f in x.forms} for x in findings)
        caught += hit
        by_rule.setdefault(p.rule, [0, 0])
        by_rule[p.rule][0] += hit
        by_rule[p.rule][1] += 1
        if not hit or show:
            verdict = "caught" if hit else "MISSED"
            print(f"  {verdict} {doc.id} {p.original} -> {p.planted} ({p.rule}, {detect(doc.text).code})")
    rules = ", ".join(f"{r} {c}/{n}" for r, (c, n) in sorted(by_rule.items()))
    figure = f"{caught / tried:.0%}" if tried else "n/a"
    print(f"{name} planted: {tried} articles, {caught} caught: recall {figure} ({rules})")


def growth(docs: list[Doc]) -> None:
    """Name finding (extract_names, and the mentions of one person) on texts of 1-8 MB made of
    the real bodies end to end: seconds per MB should stay flat."""
    pool = "\n\n".join(d.text for d in docs)
    print(f"{'MB':>4} {'extract s':>10} {'s/MB':>6} {'mentions s':>11} {'s/MB':>6}")
    base = None
    for mb in GROWTH_MB:
        size = mb * 1_000_000
        text = (pool * (size // len(pool) + 1))[:size]
        t0 = time.perf_counter()
        extract_names(text)
        t1 = time.perf_counter()
        find_name_mentions(text, "Volodymyr Zelensky")
        t2 = time.perf_counter()
        per = (t1 - t0) / mb
        base = base or per
        mentions = t2 - t1
        print(f"{mb:>4} {t1 - t0:>10.2f} {per:>6.2f} {mentions:>11.2f} {mentions / mb:>6.2f} x{per / base:.2f} vs 1 MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--show", action="store_true", help="print every finding and every planted typo")
    ap.add_argument("--growth", action="store_true", help="time name finding at 1, 2, 4, 8 MB")
    args = ap.parse_args()
    bodies = ground_truth()
    if args.growth:
        growth(bodies)
        return 0
    labels = json.loads(LABELS.read_text(encoding="utf-8"))  # "_comment" aside
    precision("article-extraction", bodies, labels["article-extraction"], args.show)
    recall("article-extraction", bodies, args.show)
    pages = readability()
    precision("readability-pages", pages, labels["readability-pages"], args.show)
    recall("readability-pages", pages, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
