"""The self-contained HTML report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from reportkit import (
    ARTICLE,
    CHANGED,
    DEAD_LINK,
    HOSTILE_IMG,
    HOSTILE_SCRIPT,
    HOSTILE_URL,
    LONG_LINE,
    WIKI,
    _claim,
    build,
    hostile,
    settled,
    soup,
)

from factcheck.article import Article
from factcheck.model import Report, Result, Verdict
from factcheck.reports import html


def test_html_has_one_card_per_claim_and_one_numbered_highlight_per_mention():
    report = build()
    page = soup(html.render(report))
    cards = page.select("article.card")
    assert len(cards) == len(report.results)
    assert [c["id"] for c in cards[:4]] == ["claim-1", "claim-2", "claim-3", "claim-6"]  # failing first
    marks = page.select("mark.hl")
    assert len(marks) == sum(len(r.mentions) for r in report.results)
    for n, result in enumerate(report.results, 1):
        card = page.find(id=f"claim-{n}")
        assert card.select_one(".num").get_text() == str(n)
        assert f"v-{result.verdict.value}" in card["class"]
        assert card.select_one(".badge").get_text() == result.verdict.value
        assert ("fails" in card["class"]) == report.fails(result)
        for j, mention in enumerate(result.mentions, 1):
            mark = page.find(id=f"m{n}-{j}")
            assert f"v-{result.verdict.value}" in mark["class"]
            assert mark.select_one("a.n")["href"] == f"#claim-{n}" and mark.select_one("a.n").get_text() == str(n)
            assert mark.get_text() == f"{n}{mention.text}"
            assert card.find("a", href=f"#m{n}-{j}").get_text() == f"line {mention.line}, column {mention.column}"


def test_html_card_content_diff_evidence_and_notes():
    page = soup(html.render(build()))
    envoy = page.find(id="claim-1")
    diffs = envoy.select(".diff")
    assert [d.get_text() for d in diffs] == ["Alexandere Lavrentieve", "Leavrentieve"]
    assert [x.get_text() for x in diffs[1].find_all("del")] == ["e", "e"]
    assert [x.get_text() for x in diffs[1].find_all("ins")] == ["a", "r"]
    link = envoy.select_one(".evidence a")
    assert link["href"] == WIKI and "noopener" in link["rel"]
    assert envoy.select_one(".evidence .note").get_text() == DEAD_LINK.text
    assert page.find(id="claim-4").select_one(".evidence .note.neutral").get_text() == "archive used"
    quote = page.find(id="claim-3")
    assert [x.get_text() for x in quote.select(".diff ins")] == ["are not", "and have never sought"]
    assert CHANGED.text in quote.get_text()
    assert "Accepted: house style spells it Hezbollah" in page.find(id="claim-7").select_one(".gate").get_text()
    assert "Stale acceptance" in page.find(id="claim-8").select_one(".gate").get_text()
    assert page.find(id="claim-5").select_one(".gate") is None  # unverified, not failing: no gate line
    assert "Not located in the article" in page.find(id="claim-6").get_text()
    assert page.select_one(".outcome").get_text() == "Failed: 4 of 8 claims fail the gate"
    assert page.select_one("header .meta").get_text().startswith("The gate: a claim that is contradicted, disputed,")
    assert envoy.select_one(".gate").get_text() == "Fails the gate: a misspelled claim fails the run (--fail-on)"


def test_html_filters_work_without_script():
    report = build()
    doc = html.render(report)
    page = soup(doc)
    radios = page.select("input[type=radio][name=show]")
    present = [v.value for v in Verdict if report.counts[v.value]]
    assert [r["id"] for r in radios] == ["show-all", "show-fails"] + [f"show-{v}" for v in present]
    assert radios[0].has_attr("checked")
    for r in radios:
        assert page.find("label", attrs={"for": r["id"]}) is not None
        assert r.find_next_sibling("main") is not None  # the CSS sibling selector can reach the cards
    css = page.style.get_text()
    for v in present:
        assert f"#show-{v}:checked~main .card:not(.v-{v}){{display:none}}" in css
    assert "#show-fails:checked~main .card:not(.fails){display:none}" in css
    assert "@media print" in css and ".card{display:block!important" in css
    assert "@media (min-width" in css
    assert page.find("meta", attrs={"name": "viewport"}) is not None
    assert page.find_all("script") == []


def test_html_is_self_contained_under_a_strict_csp():
    page = soup(html.render(build()))
    csp = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["style-src"] == "'unsafe-inline'"
    assert "script-src" not in directives  # default-src 'none' forbids every script
    assert page.find("meta") is page.head.find("meta", charset="utf-8")
    assert page.find_all(["link", "img", "iframe", "object", "embed", "base", "form"]) == []
    assert [el for el in page.find_all(True) if el.has_attr("src")] == []
    assert "url(" not in page.style.get_text() and "@import" not in page.style.get_text()
    hrefs = [a["href"] for a in page.find_all("a")]
    assert all(h.startswith(("#", "http://", "https://")) for h in hrefs)


@pytest.mark.parametrize("parser", ["html.parser", "lxml"])
def test_html_shows_hostile_content_as_text(parser):
    report = hostile()
    page = soup(html.render(report), parser)
    assert page.find_all("script") == []
    assert page.find_all(["img", "b", "iframe"]) == []
    assert [el.name for el in page.find_all(True) if any(a.lower().startswith("on") for a in el.attrs)] == []
    for a in page.find_all("a"):
        assert a["href"].startswith(("#", "http://", "https://")) and "javascript" not in a["href"]
        assert '"' not in a["href"] and " " not in a["href"]
    assert page.title.get_text() == f"Fact-check: </title>{HOSTILE_SCRIPT}.txt"
    text = page.get_text()
    for needle in (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_URL, "<b onmouseover=alert(2)>note</b>", "HTTP 500 <script>"):
        assert needle in text
    card = page.find(id="claim-1")
    assert card.find("a", string=HOSTILE_URL) is None and HOSTILE_URL in card.select_one(".source").get_text()
    assert LONG_LINE in page.select_one(".article .text").get_text()
    assert len(card.select_one("blockquote").get_text()) <= html.EXCERPT_CHARS
    assert "a <img src=x onerror=alert(1)> b" in page.find(id="claim-2").get_text()


def test_html_highlights_html_articles_with_markup_inside_a_mention():
    raw = "<p>The envoy <b>Alexandre</b> Laventieve met Ali Shamkhani.</p>\n<p>Then Leventieve left.</p>\n"
    art = Article.from_string(raw, "a.html")
    i = art.text.index("Alexandre")
    mapped = art.mention(i, i + len("Alexandre Laventieve"))  # plain text; the original has markup inside
    assert mapped.text == "Alexandre Laventieve" and raw[mapped.column - 1 :].startswith("Alexandre</b>")
    j = art.text.index("Leventieve")
    second = art.mention(j, j + len("Leventieve"))
    claim = _claim("envoy", "name", "Alexandre Laventieve", expect="Alexander Lavrentiev")
    report = settled(Report(Path("c.yaml"), "a.html", "0" * 64,
                            (Result(claim, Verdict.MISSPELLED, "misspelled", (mapped, second)),), article_text=raw))
    page = soup(html.render(report))
    marks = [page.find(id=f"m1-{j}") for j in (1, 2)]
    assert marks[0].get_text() == "1Alexandre</b> Laventieve"
    assert marks[1].get_text() == "1Leventieve" and marks[1].previous_sibling.endswith("</p>\n<p>Then ")
    assert page.select_one(".article .text").get_text().replace("1", "", 2) == raw


def test_html_nests_overlapping_mentions():
    report = build()
    art = Article.from_string(ARTICLE, "seeds/article.txt")
    i = art.text.index("sent his Special Envoy Alexandre")
    statement = Result(_claim("visit", "statement", "sent his Special Envoy Alexandre Laventieve to meet"),
                       Verdict.SUPPORTED, "ok", (art.mention(i, i + len("sent his Special Envoy Alexandre")),))
    report = settled(replace(report, results=report.results + (statement,)))
    page = soup(html.render(report))
    outer, inner = page.find(id="m9-1"), page.find(id="m1-1")
    assert inner.parent is outer
    assert outer.get_text() == "9sent his Special Envoy 1Alexandre"
    assert inner.get_text() == "1Alexandre"  # cut at the enclosing mark's end
    assert page.select_one(".article .text").get_text().count("Laventieve to meet") == 1


def test_normal_source_states_are_neutral_badges_and_a_change_is_a_warning():
    from reportkit import CHANGED, DEAD_LINK

    page = html.render(build())
    assert f'<span class="note neutral" title="{DEAD_LINK.text}">' in page
    assert f'<span class="note warn" title="{CHANGED.text}">' in page


def test_the_misquote_card_shows_the_diff_rendered_once_without_raw_markup():
    page = html.render(build())
    card = page[page.index('<code>putin-quote</code>'):]
    card = card[: card.index("</article>")]
    assert "[-" not in card and "{+" not in card and "<del" in card and "<ins" in card
    assert card.count("seeking") <= 3  # once in the diff, once in the source's excerpt (and its value at most)


def test_the_correct_mentions_of_a_misspelled_name_are_highlighted_as_correct():
    from reportkit import ARTICLE

    page = html.render(build(article_text=ARTICLE + "\n\nAlexander Lavrentiev later met him again."))
    assert page.count('class="hl v-supported correct"') == 1
    assert 'title="correct spelling: envoy-name"' in page
