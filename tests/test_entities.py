"""Issue 11's bug: a mention ending in an HTML entity (``Shamkh&#257;n&#299;``) must be highlighted
and quoted to the entity's end, whether the article is a text file, an HTML file or a URL without
``.html``. Mentions carry their stretch of the original file, set once by the article."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from factcheck.article import Article
from factcheck.cli import main

HTML = (
    "<html><body><article><p>Iran's security chief Ali Shamkh&#257;n&#299; met the envoy in Tehran.</p>"
    "<p>Shamkh&#x101;n&#x12b; said the talks were useful.</p></article></body></html>\n"
)
TEXT = "Iran's security chief Ali Shamkh\u0101n\u012b met the envoy in Tehran.\n\nShamkh\u0101n\u012b said the talks were useful.\n"
CLAIMS = """version: 1
article:
  {where}
claims:
  - id: shamkhani
    type: name
    text: Ali Shamkhani
    expect: Ali Shamkhani
"""


def test_a_mention_ending_in_an_entity_spans_the_whole_entity():
    article = Article.from_string(HTML, "a.html")
    i = article.text.index("Ali Shamkh")
    m = article.mention(i, i + len("Ali Shamkhani"))
    assert HTML[m.raw_start : m.raw_end] == "Ali Shamkh&#257;n&#299;"
    j = article.text.index("Shamkh\u0101n\u012b said")
    m2 = article.mention(j, j + len("Shamkhani"))
    assert HTML[m2.raw_start : m2.raw_end] == "Shamkh&#x101;n&#x12b;"
    named = Article.from_string("<p>Tom &amp; Jerry</p>", "b.html")
    k = named.text.index("&")
    assert named.raw[named.mention(k, k + 1).raw_start : named.mention(k, k + 1).raw_end] == "&amp;"


def _reports(tmp_path, where: str) -> tuple[str, dict]:
    (tmp_path / "claims.yaml").write_text(CLAIMS.format(where=where), encoding="utf-8")
    result = CliRunner().invoke(main, [
        "verify", str(tmp_path / "claims.yaml"), "--strict", "--cache-dir", str(tmp_path / "cache"),
        "-o", str(tmp_path / "r.html"), "-o", str(tmp_path / "r.sarif"),
    ])
    assert result.exit_code == 1, result.output  # unverified fails under --strict: a SARIF result
    return (tmp_path / "r.html").read_text(encoding="utf-8"), json.loads((tmp_path / "r.sarif").read_text())


def _highlights_and_snippets(html_report: str, sarif_report: dict) -> tuple[list[str], list[str]]:
    marks = [m.get_text()[1:] for m in BeautifulSoup(html_report, "html.parser").select("mark.hl")]  # less the number
    (result,) = sarif_report["runs"][0]["results"]
    snippet = result["locations"][0]["physicalLocation"]["region"].get("snippet", {}).get("text", "")
    return marks, [snippet]


def test_html_file_article(tmp_path):
    (tmp_path / "article.html").write_text(HTML, encoding="utf-8")
    marks, snippets = _highlights_and_snippets(*_reports(tmp_path, "path: article.html"))
    assert marks == ["Ali Shamkh&#257;n&#299;", "Shamkh&#x101;n&#x12b;"]
    assert snippets == ["Ali Shamkh&#257;n&#299;"]


def test_text_file_article(tmp_path):
    (tmp_path / "article.txt").write_text(TEXT, encoding="utf-8")
    marks, snippets = _highlights_and_snippets(*_reports(tmp_path, "path: article.txt"))
    assert marks == ["Ali Shamkh\u0101n\u012b", "Shamkh\u0101n\u012b"]
    assert snippets == ["Ali Shamkh\u0101n\u012b"]


@pytest.mark.parametrize("path", ["/news/shamkhani-meets-envoy", "/news/story.php?id=7"])
def test_url_article_without_an_html_suffix(tmp_path, loopback, path):
    url = loopback.page(path.split("?")[0], HTML)
    marks, snippets = _highlights_and_snippets(*_reports(tmp_path, f"url: {loopback.url(path)}"))
    assert url.startswith("http://127.0.0.1:")
    assert marks == ["Ali Shamkh&#257;n&#299;", "Shamkh&#x101;n&#x12b;"]
    assert snippets == ["Ali Shamkh&#257;n&#299;"]
