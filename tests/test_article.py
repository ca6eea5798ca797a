"""Positions reported for mentions point at the original file, whatever its markup."""

from pathlib import Path

import pytest

from conftest import SEED
from factcheck.article import Article, html_text, kind_of
from factcheck.fetch import decode_body

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _at(article: Article, needle: str, nth: int = 0):
    i = -1
    for _ in range(nth + 1):
        i = article.text.index(needle, i + 1)
    return article.mention(i, i + len(needle))


def test_plain_text_positions_match_the_spec():
    seed = Article.from_string(SEED.read_text(encoding="utf-8"), "seeds/000_cfcb191671b4f14f.txt")
    m1, m2 = _at(seed, "Laventieve"), _at(seed, "Leventieve")
    assert (m1.line, m1.column, m1.text) == (3, 59, "Laventieve")
    assert (m2.line, m2.column, m2.text) == (13, 99, "Leventieve")


def test_typography_is_normalised_without_moving_positions():
    raw = "Line one\nHe said \u201cit\u2019s\u00a0fine\u201d \u2014 twice; co\u00adoperation matters.\n"
    article = Article.from_string(raw, "a.txt")
    assert "\"it's fine\" - twice; cooperation" in article.text
    m = _at(article, "cooperation")
    assert (m.line, m.column) == (2, 30)
    assert m.text == "co\u00adoperation"  # quoted as the file has it


def test_normalize_changes_each_character_of_its_table_and_no_other():
    from factcheck.normalize import _TABLE, normalize

    every = "".join(map(chr, range(0x3100))) + "\u205f\u2060\ufe58\ufe63\ufeff\uff0d"
    assert normalize(every) == every.translate(_TABLE)
    assert normalize("a\u201c\u2019\u00ad\u2014\t\u2026b") == "a\"'- .b"


def test_crlf_line_endings():
    article = Article.from_string("first\r\nsecond Lavrentiev\r\n", "a.txt")
    assert (_at(article, "Lavrentiev").line, _at(article, "Lavrentiev").column) == (2, 8)


def test_markdown_markup_is_stripped_but_positions_kept():
    raw = "# Heading\n\nThe **envoy** [Alexander Lavrentiev](https://example.org/a_b) met _Ali_ Shamkhani.\n"
    article = Article.from_string(raw, "a.md")
    assert "The envoy Alexander Lavrentiev met Ali Shamkhani." in article.text
    m = _at(article, "Alexander Lavrentiev")
    assert (m.line, m.column) == (3, 16)
    assert m.text == "Alexander Lavrentiev"
    assert "https" not in article.text


def test_html_text_with_entities_and_tags_maps_to_source_columns():
    raw = (
        "<html><head><title>T</title><script>var x = 'Lavrov';</script></head>\n"
        "<body><p>The envoy &amp; <b>Alexander\n   Lavrentiev</b> met&nbsp;Ali Shamkh&#257;ni.</p>\n"
        "<p>Second paragraph.</p></body></html>\n"
    )
    article = Article.from_string(raw, "a.html")
    assert "Lavrov" not in article.text
    assert "The envoy & Alexander Lavrentiev met Ali Shamkh\u0101ni." in article.text
    assert (_at(article, "Lavrentiev").line, _at(article, "Lavrentiev").column) == (3, 4)
    name = _at(article, "Alexander Lavrentiev")
    assert (name.line, name.column) == (2, 29)
    assert _at(article, "Shamkh").column == 32
    assert "\nSecond paragraph." in article.text


# white space and entities at every kind of edge: a chunk that starts or ends with a space, one of
# only spaces, entities that are white space (&nbsp; &#10;) or no entity (&bogus), a skipped element
# left open, a block between two spaces, a break at the start and at the end
_EDGES = [
    " <p> a  b </p> <p>\n</p>c&nbsp;d &#10; e&bogus f&#xD800;<br/>  g ",
    "<div> x<nav>skipped</div> still skipped</nav> y <span> z </span>w</div>\t",
    "&amp;&amp; <b>&lt;</b>&gt;<script>1 < 2</script> <!-- c --> tail&#x20;&#32;end&NewLine;",
    "",
    "<p> </p>",
    # where libxml2's tree is not the markup as written (``html_text`` then walks it as the article is)
    "<html><head><script></script><div>x</div><title>The title</title></head><body><p>b</p></body></html>",
    "<html><title>No head</title><body><p>b</p></body></html>",
    "<p>a<noembed><b>c</b> &amp; d</noembed>e</p>",
    "<p>&#128;-&#0;-&#x110000;-&#x9;</p>",
]


@pytest.mark.parametrize("raw", _EDGES + [decode_body(p.read_bytes(), "text/html")
                                          for p in sorted(FIXTURES.rglob("*.html"))])
def test_a_pages_whole_text_is_the_articles_text_without_offsets(raw):
    assert html_text(raw) == Article.from_string(raw, "page.html", "html").text


@pytest.mark.parametrize(
    "name, kind",
    [("a.html", "html"), ("b.HTM", "html"), ("c.md", "markdown"), ("d.txt", "text"), ("https://x.org/p.html?q=1", "html")],
)
def test_kind_by_suffix(name, kind):
    assert kind_of(name) == kind


def test_position_past_the_end_is_the_end_of_file():
    article = Article.from_string("ab\ncd", "a.txt")
    assert article.position(len(article.text)) == (2, 3)
