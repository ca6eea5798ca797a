"""Round trip on real pages (issue 12): claims drafted from a page's ground-truth article body,
checked without ``expect`` against the real HTML page served from 127.0.0.1.

    python bench/roundtrip.py [--data DIR] [--limit N] [--show N]
    python bench/roundtrip.py --set readability    # the second set, by the same rules
    python bench/roundtrip.py --phases planted --pages wikipedia --dump misses.json   # to study misses
    python bench/roundtrip.py --relevance no-rarity     # what the rarity weighting adds, measured

The second set is Readability.js's test pages (``../shared/bench/readability-pages``): each page's
``source.html`` is the cited page and the text of ``expected.html``'s blocks its article body.

The rules were fixed before the first run and are not tuned afterwards:

- Pages: the pages of ``../shared/bench/article-extraction`` whose ground-truth body is English:
  at least 8% of its ``\\w+`` tokens are one of "the and of to in a is that".
- Article: the ground-truth ``articleBody``, as a text file.
- Claims: ``factcheck extract``'s drafts of that body (no publication date given), kept when they are
  a figure with a unit or counted noun, a date, a person named at least twice, or a direct
  quotation; ``expect`` is dropped (the sources decide), and so is the drafted ``note`` (it only
  restates the article's value; amended after the first trial on 10 pages, where it diluted each
  figure's topic with "the article says"). Each cites the page's URL
  ``http://127.0.0.1:PORT/page/<id>`` (no ``.html``), served as ``text/html`` from the data.
- Phase "page": those claims against the real page. Supported is the goal; a false alarm is
  ``contradicted``, ``misspelled``, ``misquoted`` or ``disputed``.
- Phase "self": the same claims citing the article's own text (a local file) as their source.
- Phase "planted": the same claims against a copy of the article with one error planted in each
  claim's own mention (claims whose mention overlaps another's are left out of this phase):
  a figure's first digit +1 (9 becomes 1); a date's year +1, else its day of month +1 (-1 from
  the 28th); two adjacent letters in the middle of the surname swapped; the quotation's longest
  word replaced by "purple". Reported is ``contradicted``, ``misspelled`` or ``misquoted``.
Figures are printed per claim type.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
import tempfile
import threading
from collections import Counter, defaultdict
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from factcheck import locate  # noqa: E402
from factcheck.article import Article  # noqa: E402
from factcheck.claimtypes import read_article  # noqa: E402
from factcheck.draft import _drafts  # noqa: E402
from factcheck.engine import Checker, Options  # noqa: E402
from factcheck.index import Lenses  # noqa: E402
from factcheck.model import ArticleSpec, Claim, ClaimsFile, ClaimType, Result, SourceSpec  # noqa: E402

DEFAULT_DATA = next((p / "shared" / "bench" / "article-extraction" for p in (REPO.parent, REPO.parent.parent)
                     if (p / "shared" / "bench" / "article-extraction").is_dir()), REPO.parent / "shared")
ENGLISH = {"the", "and", "of", "to", "in", "a", "is", "that"}
ALARMS = {"contradicted", "misspelled", "misquoted", "disputed"}
REPORTED = {"contradicted", "misspelled", "misquoted"}


def english(body: str) -> bool:
    tokens = re.findall(r"\w+", body.lower())
    return bool(tokens) and sum(t in ENGLISH for t in tokens) / len(tokens) >= 0.08


def serve(pages: dict[str, bytes]) -> tuple[ThreadingHTTPServer, int]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path.removeprefix("/page/"))
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, httpd.server_address[1]


def kept(claim: Claim, article: Article) -> bool:
    """The fixed selection rules (module docstring)."""
    if claim.type is ClaimType.NUMBER:  # drafts carry no expect now: the article's own figure has the unit
        return getattr(read_article(claim, article, None, Lenses()).value, "unit", None) is not None
    if claim.type is ClaimType.NAME:
        return len(read_article(claim, article, None, Lenses()).mentions) >= 2
    return claim.type in (ClaimType.DATE, ClaimType.QUOTE)


def plant(claim: Claim, text: str) -> str | None:
    """One error in ``text`` (a claim's mention), by the fixed rules; None when the rule finds no place."""
    if claim.type is ClaimType.NUMBER:
        m = re.search(r"\d", text)
        return None if m is None else text[: m.start()] + str(int(m.group()) % 9 + 1) + text[m.end() :]
    if claim.type is ClaimType.DATE:
        if m := re.search(r"\b(1\d|20)\d\d\b", text):
            return text[: m.start()] + str(int(m.group()) + 1) + text[m.end() :]
        if m := re.search(r"\b([12]?\d|3[01])\b", text):
            day = int(m.group())
            return text[: m.start()] + str(day - 1 if day >= 28 else day + 1) + text[m.end() :]
        return None
    if claim.type is ClaimType.NAME:
        word = text.split()[-1]
        at = len(text) - len(word)
        i = len(word) // 2 - 1
        if len(word) < 4 or word[i] == word[i + 1]:
            return None
        return text[: at + i] + word[i + 1] + word[i] + word[i + 2 :]
    if claim.type is ClaimType.QUOTE:
        words = re.findall(r"[A-Za-z]{4,}", text)
        if not words:
            return None
        longest = max(words, key=len)
        return text.replace(longest, "purple", 1)
    return None


def run_claims(claims: list[Claim], article_text: str, where: Path, cache: Path) -> list[Result]:
    where.mkdir(parents=True, exist_ok=True)
    (where / "article.txt").write_text(article_text, encoding="utf-8")
    spec = ClaimsFile(where / "claims.yaml", ArticleSpec(path=where / "article.txt"), tuple(claims))
    return list(Checker(spec, Options(cache_dir=cache, timeout=30, jobs=4)).run().results)


def _miss(pid: str, phase: str, result: Result, article: str) -> dict:
    """One miss as ``--dump`` writes it: the claim, what the article passage read (with the words
    around it), what each source said."""
    return {"page": pid, "phase": phase, "type": result.claim.type.value, "verdict": result.verdict.value,
            "claim": result.claim.text, "article": [m.text for m in result.mentions],
            "around": [article[max(0, m.raw_start - 100) : m.raw_end + 100] for m in result.mentions],
            "message": result.message,
            "evidence": [{"status": e.status.value, "value": e.value, "text": e.text, "reason": e.reason}
                         for e in result.evidence]}


def article_extraction(data: Path) -> tuple[dict, dict[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return truth, {pid: gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()) for pid in truth}


_BLOCKS = ["p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre", "td"]


def readability() -> tuple[dict, dict[str, bytes]]:
    """The second set: each test page's ``source.html``, and as its article body the text of the
    blocks of ``expected.html`` (what Readability.js keeps), a paragraph each."""
    truth, pages = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(DEFAULT_DATA.parent / "readability-pages" / "readability-testpages.tar.xz") as tar:
            tar.extractall(tmp, filter="data")
        for page in sorted((Path(tmp) / "readability-testpages").iterdir()):
            soup = BeautifulSoup((page / "expected.html").read_bytes(), "lxml")
            blocks = [" ".join(b.get_text(" ").split()) for b in soup.find_all(_BLOCKS)
                      if not b.find_parent(_BLOCKS)]
            truth[page.name] = {"articleBody": "\n\n".join(b for b in blocks if b)}
            pages[page.name] = (page / "source.html").read_bytes()
    return truth, pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--set", choices=("article-extraction", "readability"), default="article-extraction",
                    help="readability: the second set, Readability.js's test pages and their expected text")
    ap.add_argument("--limit", type=int, default=0, help="only the first N English pages")
    ap.add_argument("--show", type=int, default=0, help="print N misses per phase and type")
    ap.add_argument("--phases", default="page,self,planted", help="the phases to run, comma-separated")
    ap.add_argument("--pages", default="", help="only these page ids (comma-separated prefixes)")
    ap.add_argument("--dump", type=Path, help="write every miss, with its evidence, to this JSON file")
    ap.add_argument("--relevance", choices=("weighted", "no-rarity", "plain"), default="weighted",
                    help="no-rarity: every claim word weighs 1 on every page; plain: also the sentence before "
                         "counts in full and the paragraph not at all (what the weighting adds, measured)")
    args = ap.parse_args()
    if args.relevance != "weighted":
        locate.RARITY_FLOOR = locate.RARITY_CEILING = 1.0
    if args.relevance == "plain":
        locate.CONTEXT_WEIGHT, locate.PARAGRAPH_WEIGHT = 1.0, 0.0

    truth, pages = article_extraction(args.data) if args.set == "article-extraction" else readability()
    ids = [pid for pid in sorted(truth) if english(truth[pid]["articleBody"])]
    if args.pages:
        ids = [pid for pid in ids if pid.startswith(tuple(args.pages.split(",")))]
    if args.limit:
        ids = ids[: args.limit]
    wanted = set(args.phases.split(","))
    dumped: list[dict] = []
    pages = {pid: pages[pid] for pid in ids}
    httpd, port = serve(pages)
    tally: dict[str, Counter] = defaultdict(Counter)
    misses: dict[str, list[str]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        root, cache = Path(tmp), Path(tmp) / "cache"
        for n, pid in enumerate(ids, 1):
            body = truth[pid]["articleBody"]
            article = Article.from_string(body, "article.txt")
            drafts = [d.claim for d in _drafts(article, None)[0] if kept(d.claim, article)]
            if not drafts:
                continue
            url = f"http://127.0.0.1:{port}/page/{pid}"
            mentions = [read_article(c, article, None, Lenses()).mentions for c in drafts]
            claims = [replace(c, expect=None, expected=None, note=None, sources=(SourceSpec(url, url=url),)) for c in drafts]
            selfs = [replace(c, sources=(SourceSpec("self", archive=root / pid / "self" / "article.txt"),))
                     for c in claims]
            phases = {}
            if "page" in wanted:
                phases["page"] = run_claims(claims, body, root / pid / "page", cache)
            if "self" in wanted:
                phases["self"] = run_claims(selfs, body, root / pid / "self", cache)
            planted, text, taken = [], body, []
            for c, ms in sorted(zip(claims, mentions, strict=True), key=lambda cm: -(cm[1][0].raw_start if cm[1] else 0)):
                if not ms:
                    continue
                start, end = ms[0].raw_start, ms[0].raw_end  # the body as written: normalising drops characters
                if any(start < e and s < end for s, e in taken):
                    continue
                wrong = plant(c, text[start:end])
                if wrong is None:
                    continue  # planted from the article's end backwards: earlier offsets stay valid
                text = text[:start] + wrong + text[end:]
                taken.append((start, end))
                planted.append(c)
            if planted and "planted" in wanted:
                phases["planted"] = run_claims(planted, text, root / pid / "planted", cache)
            for phase, results in phases.items():
                written = text if phase == "planted" else body
                for c, result in zip(claims if phase != "planted" else planted, results, strict=True):
                    v = result.verdict.value
                    tally[f"{phase} {c.type.value}"][v] += 1
                    good = v in REPORTED if phase == "planted" else v == "supported"
                    if not good:
                        dumped.append(_miss(pid, phase, result, written))
                    if not good and len(misses[f"{phase} {c.type.value}"]) < args.show:
                        misses[f"{phase} {c.type.value}"].append(f"{pid[:8]} {v}: {c.text[:100]}")
            print(f"  {n}/{len(ids)} pages", end="\r", file=sys.stderr)
    httpd.shutdown()
    if args.dump:
        args.dump.write_text(json.dumps(dumped, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"{len(ids)} English pages")
    for phase in ("page", "self", "planted"):
        total_all = Counter()
        for kind in ("name", "date", "number", "quote"):
            t = tally.get(f"{phase} {kind}", Counter())
            total_all += t
            _line(phase, kind, t)
        _line(phase, "all", total_all)
    for key, rows in misses.items():
        print(f"-- misses, {key}")
        for row in rows:
            print("   ", row)


def _line(phase: str, kind: str, t: Counter) -> None:
    n = sum(t.values())
    if not n:
        return
    if phase == "planted":
        hit = sum(t[v] for v in REPORTED)
        print(f"{phase:8} {kind:7} n={n:5}  reported {100 * hit / n:5.1f}%  ({dict(t)})")
    else:
        alarms = sum(t[v] for v in ALARMS)
        print(f"{phase:8} {kind:7} n={n:5}  supported {100 * t['supported'] / n:5.1f}%  "
              f"false alarms {100 * alarms / n:4.1f}%  ({dict(t)})")


if __name__ == "__main__":
    main()
