"""Where "decodes cleanly" draws its line (``factcheck.fetch.decode.MAX_BAD_SHARE``), on real pages.

For every page of both bench sets that is valid UTF-8 with non-ASCII text, three bodies:
  - the page with 1 to 4 stray bytes (0x80-0xFF) put at seeded random places: should stay UTF-8;
  - the page re-encoded as windows-1252 (characters it lacks dropped) and still labelled UTF-8:
    a lie, should be overruled;
and prints, for each, the share of non-ASCII bytes that fail to decode as UTF-8 (min / median /
max), how many fall on the wrong side of MAX_BAD_SHARE, and how many pages decode_body turns
into the right text.

    .venv/bin/python bench/fetch_decode.py
"""

from __future__ import annotations

import gzip
import random
import statistics
import tarfile
import tempfile
from pathlib import Path

from factcheck.fetch.decode import MAX_BAD_SHARE, decode_body, decode_counting

BENCH = Path("/work/shared/bench")


def pages() -> dict[str, list[bytes]]:
    out: dict[str, list[bytes]] = {"article-extraction": [], "readability-pages": []}
    for path in sorted((BENCH / "article-extraction" / "html").glob("*.html.gz")):
        out["article-extraction"].append(gzip.decompress(path.read_bytes()))
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(BENCH / "readability-pages" / "readability-testpages.tar.xz") as tar:
            tar.extractall(tmp, filter="data")
        for path in sorted(Path(tmp).glob("*/*/source.html")):
            out["readability-pages"].append(path.read_bytes())
    return out


def share(body: bytes) -> float:
    _, bad = decode_counting(body, "utf-8")
    non_ascii = len(body.translate(None, bytes(range(128))))
    return bad / non_ascii if non_ascii else 0.0


def main() -> None:
    rng = random.Random(15)
    ctype = "text/html; charset=utf-8"
    for name, bodies in pages().items():
        utf8 = [b for b in bodies if _valid(b) and any(c > 127 for c in b)]
        strays, lies, stray_ok, lie_ok = [], [], 0, 0
        for body in utf8:
            text = body.decode("utf-8")
            damaged = bytearray(body)
            for _ in range(rng.randint(1, 4)):
                damaged.insert(rng.randrange(len(damaged)), rng.randrange(0x80, 0x100))
            strays.append(share(bytes(damaged)))
            decoded = decode_body(bytes(damaged), ctype)
            stray_ok += decoded == decode_counting(bytes(damaged), "utf-8")[0]
            western = text.encode("cp1252", "ignore")
            if any(c > 127 for c in western):
                lies.append(share(western))
                lie_ok += decode_body(western, ctype) == western.decode("cp1252")
        print(f"{name}: {len(utf8)} UTF-8 pages with non-ASCII text; MAX_BAD_SHARE = {MAX_BAD_SHARE}")
        print(f"  1-4 stray bytes:   bad share min {min(strays):.4f} median {statistics.median(strays):.4f} "
              f"max {max(strays):.4f}; over the line {sum(s > MAX_BAD_SHARE for s in strays)}; "
              f"read as UTF-8 {stray_ok}/{len(strays)}")
        print(f"  cp1252 as UTF-8:   bad share min {min(lies):.4f} median {statistics.median(lies):.4f} "
              f"max {max(lies):.4f}; under the line {sum(s <= MAX_BAD_SHARE for s in lies)}; "
              f"read as cp1252 {lie_ok}/{len(lies)}")


def _valid(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


if __name__ == "__main__":
    main()
