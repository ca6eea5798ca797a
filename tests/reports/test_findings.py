"""What every report shows of a finding: the article's sentence around a mention, in article order."""

from pathlib import Path

from factcheck.article import Article
from factcheck.messages import misquote_hunks, plain, render_hunks, short_source
from factcheck.model import Report
from factcheck.reports.findings import SENTENCE_CHARS, sentence_of


def _report(text: str) -> Report:
    return Report(Path("claims.yaml"), "a.txt", "0" * 64, (), article_text=text)


def test_the_sentence_around_a_mention_not_the_whole_paragraph():
    text = ("Iran held drills. " + "The fleet sailed on. " * 40 + "Iran can block the strait through which almost "
            "one fourth of world oil supplies pass. " + "Ships wait. " * 40)
    art = Article.from_string(text, "a.txt")
    i = art.text.index("almost one fourth")
    said = sentence_of(_report(text), art.mention(i, i + len("almost one fourth")))
    assert said == "Iran can block the strait through which almost one fourth of world oil supplies pass."


def test_a_long_sentence_is_clipped_around_the_mention_on_whole_words():
    text = "Intro. " + "word " * 300 + "almost one fourth of world oil supplies " + "pass " * 300 + "end."
    art = Article.from_string(text, "a.txt")
    i = art.text.index("almost one fourth")
    said = sentence_of(_report(text), art.mention(i, i + len("almost one fourth")))
    assert said.startswith("…word ") and said.endswith(" pass…") and "almost one fourth" in said
    assert len(said) <= SENTENCE_CHARS + 2


def test_markup_is_dropped_from_an_html_articles_sentence():
    text = "<p>Iran can block <b>almost one fourth</b> of supplies.</p>"
    art = Article.from_string(text, "a.html")
    i = art.text.index("almost one fourth")
    assert sentence_of(_report(text), art.mention(i, i + len("almost one fourth"))) == \
        "Iran can block almost one fourth of supplies."


def test_values_and_sources_as_editors_name_them():
    assert plain("about 21% (19.95-22.05%)") == "about 21%"
    assert plain("January 31, 2017 (2017-01-31)") == "January 31, 2017"
    assert short_source("https://www.eia.gov/todayinenergy/detail.php?id=39932") == "www.eia.gov"
    assert short_source("/desk/pages/notes.txt") == "notes.txt"


def test_a_misquote_is_aligned_sentence_by_sentence_and_short():
    quoted = ("We aren't seeking a confrontation with anyone. We understand the measure of our responsibility "
              "and are genuinely prepared to take part in solving global and regional problems.")
    source = ("We understand our responsibility and are sincerely ready to contribute to resolving global and "
              "regional problems. It is important to normalise relations. We aren't seeking a confrontation "
              "with anybody.")
    hunks = misquote_hunks(quoted, source)
    shown = render_hunks(hunks)
    assert len(hunks) == 2 and "not in the source" not in shown
    assert "[-anyone-] {+anybody+}" in shown and "[-genuinely prepared-] {+sincerely ready+}" in shown
    assert "normalise" not in shown  # the source's other sentence is not part of the diff
    assert len(shown) < len(quoted) + 60
