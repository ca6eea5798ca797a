"""A pattern compiled on first use reads as ``re.compile`` would, and the readers' patterns cost a
run's start-up nothing until a claim needs them."""

import re
import subprocess
import sys

import pytest

from factcheck.lazyre import lazy_regex

CASES = [
    (r"(?P<day>\d{1,2}) (?P<month>[A-Z][a-z]+) (?P<year>\d{4})", 0, "on 28 February 2022 and 3 March 2023"),
    (r"\bper\s*cent\b", re.IGNORECASE, "almost 20 Per Cent, not 25 percent"),
    (r"^\s*#.*$", re.MULTILINE, "a\n  # one\nb\n# two"),
]


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_a_lazy_pattern_reads_as_the_compiled_one(pattern, flags, text):
    lazy, compiled = lazy_regex(pattern, flags), re.compile(pattern, flags)
    assert lazy.pattern == compiled.pattern
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.findall(text) == compiled.findall(text)
    assert lazy.sub("<>", text) == compiled.sub("<>", text)
    assert lazy.split(text) == compiled.split(text)
    assert (lazy.flags, lazy.groups, lazy.groupindex) == (compiled.flags, compiled.groups, compiled.groupindex)
    assert lazy.search(text).span() == compiled.search(text).span()


def test_a_pattern_is_compiled_when_first_used_not_when_written():
    broken = lazy_regex("(unclosed")  # re.compile would raise here
    with pytest.raises(re.error):
        broken.search("text")


def test_importing_the_readers_compiles_almost_none_of_their_patterns():
    script = """
from factcheck import cli, dates, names, numbers, units
from factcheck.lazyre import _Lazy
patterns = [v for m in (dates, names, numbers, units) for v in vars(m).values() if isinstance(v, _Lazy)]
print(len(patterns), sum("_compiled" in vars(p) for p in patterns))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    written, compiled = map(int, out.split())
    assert written > 100
    assert compiled <= written // 20
