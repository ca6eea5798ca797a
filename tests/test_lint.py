"""`factcheck lint` on the seed and on the hand-written fixtures in fixtures/articles/.

Run as a script for the precision/recall figures over every fixture and the seed:
``.venv/bin/python tests/test_lint.py``.
"""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck.article import Article
from factcheck.lint import LintFinding, lint_article, render_json, render_text

ARTICLES = ROOT / "fixtures" / "articles"
SEED = "seeds/000_cfcb191671b4f14f.txt"
SEED_LINE = (
    "seeds/000_cfcb191671b4f14f.txt:3:59: inconsistent spelling of one name: "
    "'Laventieve' (3:59), 'Leventieve' (13:99)"
)


def load(relpath: str) -> Article:
    return Article.from_string((ROOT / relpath).read_text(encoding="utf-8"), path=relpath)


def expected() -> dict[str, list[list[str]]]:
    data = json.loads((ARTICLES / "expected-lint.json").read_text(encoding="utf-8"))
    return {name: groups for name, groups in data.items() if not name.startswith("_")}


def groups(findings: list[LintFinding]) -> list[frozenset[str]]:
    return [frozenset(f.forms) for f in findings]


def test_seed_exact_line():
    article = load(SEED)
    findings = lint_article(article)
    assert render_text(article, findings) == SEED_LINE + "\n"
    (finding,) = findings
    assert finding.forms == ("Laventieve", "Leventieve")
    assert [(m.text, m.line, m.column, m.value) for m in finding.variants] == [
        ("Laventieve", 3, 59, "Laventieve"),
        ("Leventieve", 13, 99, "Leventieve"),
    ]


def test_seed_json_shape():
    article = load(SEED)
    doc = json.loads(render_json(article, lint_article(article)))
    assert doc == {
        "article": SEED,
        "findings": [
            {
                "line": 3,
                "column": 59,
                "message": SEED_LINE.split(": ", 1)[1],
                "variants": [
                    {"text": "Laventieve", "line": 3, "column": 59},
                    {"text": "Leventieve", "line": 13, "column": 99},
                ],
            }
        ],
    }


def test_every_fixture_is_listed_and_exists():
    files = {p.name for p in ARTICLES.iterdir() if p.suffix in {".txt", ".md", ".html"}}
    assert files == set(expected())
    assert {Path(f).suffix for f in files} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("name", sorted(expected()))
def test_fixture_yields_exactly_the_expected_groups(name):
    article = load(f"fixtures/articles/{name}")
    findings = lint_article(article)
    want = sorted(sorted(g) for g in expected()[name])
    assert sorted(sorted(g) for g in groups(findings)) == want
    lines = render_text(article, findings).splitlines()
    assert len(lines) == len(want)
    for line, finding in zip(lines, findings):
        assert line.startswith(f"fixtures/articles/{name}:{finding.first.line}:{finding.first.column}: ")
        for m in finding.variants:  # every mention is quoted from the original file at its position
            raw_line = article.raw.splitlines()[m.line - 1]
            assert raw_line[m.column - 1 :].startswith(m.text)
            assert f"{m.line}:{m.column}" in line


def test_majority_spelling_first_and_every_mention_listed():
    article = load("fixtures/articles/clinton_campaign.md")
    (finding,) = lint_article(article)
    assert finding.forms == ("Clinton", "Clinten")
    # Hillary's surname mentions only: Bill and Chelsea are other people
    assert [(m.line, m.text) for m in finding.variants] == [(1, "Clinton"), (3, "Clinton"), (8, "Clinton"), (15, "Clinten")]
    assert finding.message() == "inconsistent spelling of one name: 'Clinton' (1:3, 3:24, 8:1), 'Clinten' (15:20)"


def test_given_name_and_html_positions():
    article = load("fixtures/articles/gulf_tensions.html")
    (finding,) = lint_article(article)
    assert finding.forms == ("Mohammed", "Mohammad")
    assert [(m.text, m.line) for m in finding.variants] == [("Mohammed", 21), ("Mohammad", 25), ("Mohammed", 26)]


def test_name_broken_across_lines_is_one_name():
    article = Article.from_string(
        "Secretary of State Antony Blinken met Sergei\nLavrov. Lavrov and Blinkin spoke.\n", path="a.txt"
    )
    (finding,) = lint_article(article)
    assert finding.message() == "inconsistent spelling of one name: 'Blinken' (1:27), 'Blinkin' (2:20)"


def test_case_diacritics_and_hyphens_are_not_inconsistencies():
    text = (
        "Recep Tayyip Erdoğan met Kim Jong-un. ERDOGAN later said Kim Jong Un was late. "
        "Erdogan's aides agreed. Ali Shamkhānī and Ali Shamkhani are one man."
    )
    assert lint_article(Article.from_string(text, path="b.txt")) == []


def test_empty_and_nameless_articles():
    assert lint_article(Article.from_string("", path="e.txt")) == []
    article = Article.from_string("nothing here but lower case words.\n", path="e.txt")
    assert render_text(article, []) == ""
    assert json.loads(render_json(article, [])) == {"article": "e.txt", "findings": []}


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_lint_never_raises(text, path):
    article = Article.from_string(text, path=path)
    findings = lint_article(article)
    json.loads(render_json(article, findings))
    for f in findings:
        assert len(f.forms) >= 2 and len(f.variants) >= 2


def measure() -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over the fixtures and the seed."""
    cases = {f"fixtures/articles/{n}": g for n, g in expected().items()}
    cases[SEED] = [["Laventieve", "Leventieve"]]
    tp = fp = fn = 0
    for path, want in cases.items():
        got = set(groups(lint_article(load(path))))
        want_sets = {frozenset(g) for g in want}
        tp += len(got & want_sets)
        fp += len(got - want_sets)
        fn += len(want_sets - got)
        for extra in got - want_sets:
            print(f"  false alarm in {path}: {sorted(extra)}")
        for missed in want_sets - got:
            print(f"  missed in {path}: {sorted(missed)}")
    return tp, fp, fn


if __name__ == "__main__":
    tp, fp, fn = measure()
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"articles: {len(expected()) + 1}  groups expected: {tp + fn}  reported: {tp + fp}")
    print(f"precision {precision:.2f} ({tp}/{tp + fp})  recall {recall:.2f} ({tp}/{tp + fn})")
