"""The terminal report: one line per claim, compiler-style, then the sources' notes and a summary."""

from reportkit import DEAD_LINK, build

from factcheck.reports import text


def test_one_line_per_claim_then_a_summary():
    lines = text.render(build()).splitlines()
    assert lines[0].startswith("seeds/article.txt:1:") and "misspelled" in lines[0] and "envoy-name" in lines[0]
    assert lines[-1] == ("8 claims: 2 supported, 1 contradicted, 2 misspelled, 1 misquoted, 1 unverified, "
                         "1 not_found; failed (4 failing the gate)")


def test_quiet_shows_only_what_fails_and_verbose_each_source():
    quiet = text.render(build(), verbosity=-1)
    assert "ozerov" not in quiet and "envoy-name" in quiet
    verbose = text.render(build(), verbosity=1)
    assert f"note: {DEAD_LINK.text}" in verbose and "[supports]" in verbose


def test_each_sources_notes_are_listed_once():
    out = text.render(build())
    assert out.count(DEAD_LINK.text) == 1 and "sources:" in out
