"""The terminal report: one line per claim, compiler-style, then the sources' notes and a summary."""

from reportkit import DEAD_LINK, build

from factcheck.reports import text


def test_one_line_per_claim_then_a_summary():
    lines = text.render(build(), order="file").splitlines()
    assert lines[0].startswith("seeds/article.txt:1:") and "misspelled" in lines[0] and "envoy-name" in lines[0]
    assert lines[-1] == ("8 claims: 2 supported, 1 contradicted, 2 misspelled, 1 misquoted, 1 unverified, "
                         "1 not_found (1 accepted: reported, not failing); failed: 4 claims with a verdict in --fail-on")


def test_claims_follow_the_article_unless_file_order_is_asked_for():
    report = build()
    by_article = [ln for ln in text.render(report).splitlines() if ln.startswith("seeds/")]
    positions = [tuple(map(int, ln.split(":")[1:3])) for ln in by_article if ln.split(":")[1].isdigit()]
    assert positions == sorted(positions) and len(positions) >= 5
    by_file = [ln for ln in text.render(report, order="file").splitlines() if ln.startswith("seeds/")]
    assert [ln.split()[2] for ln in by_file] == [f"{r.claim.id}:" for r in report.results]


def test_a_finding_shows_the_articles_sentence_clipped():
    report = build()
    out = text.render(report, order="file").splitlines()
    at = next(i for i, ln in enumerate(out) if "hormuz-share" in ln)
    assert out[at + 1].startswith("    in: “") and "almost one fourth" in out[at + 1]


def test_a_source_confirming_expect_on_a_failing_claim_says_what_it_supports():
    verbose = text.render(build(), verbosity=1, order="file")
    assert "[supports the expected 'Alexander Lavrentiev', not the article]" in verbose


def test_quiet_shows_only_what_fails_and_verbose_each_source():
    quiet = text.render(build(), verbosity=-1)
    assert "ozerov" not in quiet and "envoy-name" in quiet
    verbose = text.render(build(), verbosity=1)
    assert f"note: {DEAD_LINK.text}" in verbose and "[supports]" in verbose


def test_each_sources_notes_are_listed_once():
    out = text.render(build())
    assert out.count(DEAD_LINK.text) == 1 and "sources:" in out


def test_a_misspelled_name_says_where_the_article_spells_it_right():
    from reportkit import ARTICLE

    out = text.render(build(article_text=ARTICLE + "\n\nAlexander Lavrentiev later met him again."))
    envoy = out.split("envoy-name")[1].split("seeds/article.txt:")[0]
    assert "    spelled right at 13:1 'Alexander Lavrentiev'" in envoy
