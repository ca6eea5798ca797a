"""The Markdown report an editor pastes into a ticket."""

from __future__ import annotations

import re
from dataclasses import replace

from reportkit import CHANGED, DEAD_LINK, FAILING, KREMLIN, WIKI, build, hostile, settled

from factcheck.reports import markdown


def test_markdown_lists_failing_claims_first_and_supported_last_and_compact():
    text = markdown.render(build())
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == ["Failing claims", "Accepted findings", "Not failing the gate", "Supported"]
    failing, rest = text.split("## Accepted findings")
    assert [re.search(rf"^### \d+\. \w+: `{i}`", failing, re.M) is not None for i in FAILING] == [True] * 4
    assert "### 7. misspelled: `hezbollah` (line 9)" in rest
    assert "### 5. unverified: `six-day` (line 10)" in rest
    supported = text.split("## Supported", 1)[1].strip().splitlines()
    assert [line[:16] for line in supported] == ["- 8. `putin-name", "- 4. `ozerov` (l"]
    assert all("###" not in line and "Sources" not in line for line in supported)


def test_markdown_summary_counts_gate_and_acceptances():
    first = markdown.render(build()).split("\n## ", 1)[0]
    assert "**Failed**: 4 of 8 claims fail the gate" in first
    assert "2 supported, 1 contradicted, 2 misspelled, 1 misquoted, 1 unverified, 1 not_found" in first
    assert "1 accepted finding." in first and "Stale acceptance: `putin-name`." in first


def test_markdown_finding_sets_the_article_words_against_the_sources():
    text = markdown.render(build())
    envoy = text.split("### 1. misspelled: `envoy-name` (line 1)")[1].split("###")[0]
    assert ("**Article** (line 1, column 49): “Alexandre Laventieve” — "
            "**verified spelling:** “Alexander Lavrentiev”") in envoy
    assert "**Article** (line 5, column 38): “Leventieve” — **verified spelling:** “Lavrentiev”" in envoy
    assert "diff: `L[-e-]{+a+}v{+r+}entiev[-e-]`" in envoy
    assert f"<{WIKI}> — supports · {DEAD_LINK.text}:" in envoy  # the note already says the archive was used
    quote = text.split("`putin-quote`")[1].split("###")[0]
    assert "> - We ~~aren't~~ **are not** seeking **and have never sought** enemies we need …" in quote
    assert "diff:" not in quote and quote.count("We aren’t seeking enemies") == 1  # the diff, not the text again
    assert f"<{KREMLIN}> — contradicts · from the cache; {CHANGED.text}:" in quote
    number = text.split("`hormuz-share`")[1].split("###")[0]
    assert "(line 3, column 70): “almost one fourth” — **source:** “21% (21%)”" in number
    assert "- **Expected:** about 21%" in number
    assert "In the article (line 3): “" in number and "almost one fourth" in number.split("In the article")[1]
    missing = text.split("`arms-deal` (not in the article)")[1].split("###")[0]
    assert "**Claim text:** “Russia delivered the S-400 system to Iran in 2016.”" in missing
    unverified = text.split("`six-day`")[1].split("##")[0]
    assert "<https://tass.com/politics/929329> — error: timed out after 10 s" in unverified


def test_markdown_shows_accepted_reason_and_stale_acceptance():
    text = markdown.render(build())
    assert "**Accepted:** house style spells it Hezbollah" in text.split("## Accepted findings")[1]
    stale = next(line for line in text.splitlines() if "`putin-name`" in line and line.startswith("- "))
    assert "**Stale acceptance:**" in stale and "`accepted: desk checked the name in 2017`" in stale


def test_markdown_escapes_markup_links_and_mentions():
    report = hostile()
    text = markdown.render(report)
    assert "<script>" not in text and "<img" not in text and "<b " not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "](javascript" not in text and "<javascript" not in text
    assert "javascript:alert(1) — contradicts" in text  # shown, as text
    assert "<https://example.org/" not in text  # a URL with quotes and markup is not made a link
    pinging = replace(report.results[0], message="ping @alice about #12 and [x](http://e.vil)")
    report2 = settled(replace(report, results=(pinging,)))
    line = next(ln for ln in markdown.render(report2).splitlines() if "alice" in ln)
    assert "\\@alice" in line and "\\#12" in line and "\\[x\\](http://e.vil)" in line
    assert max(len(ln) for ln in text.splitlines()) < 2_000  # excerpts are clipped


def test_markdown_says_what_the_gate_is():
    first = markdown.render(build()).splitlines()[2]
    assert "The gate: a claim that is contradicted, disputed, misquoted, misspelled or not\\_found fails the run" in first


def test_a_misspelled_name_lists_where_the_article_spells_it_right():
    from reportkit import ARTICLE

    text = markdown.render(build(article_text=ARTICLE + "\n\nAlexander Lavrentiev later met him again."))
    envoy = text.split("`envoy-name`")[1].split("###")[0]
    assert "- **Spelled right** (line 13, column 1): “Alexander Lavrentiev”" in envoy
