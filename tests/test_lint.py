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
from factcheck.language import detect
from factcheck.lint import LintFinding, MentionKind, lint_article, render_json, render_text

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
                    {"text": "Laventieve", "line": 3, "column": 59, "kind": "usual"},
                    {"text": "Leventieve", "line": 13, "column": 99, "kind": "variant"},
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
    for line, finding in zip(lines, findings, strict=True):
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
    assert [(m.line, m.text) for m in finding.variants] == [
        (1, "Clinton"),
        (3, "Clinton"),
        (8, "Clinton"),
        (15, "Clinten"),
    ]
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


def forms_of(text: str) -> list[set[str]]:
    return [set(f.forms) for f in lint_article(Article.from_string(text, path="news.txt"))]


GERMAN = (
    "Die elektronische Patientenakte soll den Versicherten helfen. Die Krankenkassen und die "
    "Krankenhäuser haben lange gestritten, und die Versicherung der Daten ist nicht geklärt. "
    "Die Krankenkasse Techniker Krankenkasse bietet eine eigene Akte an, auch für die "
    "Versicherte und den Versicherer. Gesundheitsminister Karl Lauterbach sagte, die Patientenakten "
    "werden kommen. Lauterbach sagte auch, die Gesundheitsdaten seien sicher."
)
RUSSIAN = (
    "Полина Гагарина выступила в Москве. Концерт Полины прошёл с успехом, и поклонники "
    "подарили Полине цветы. Первые зрители пришли рано. Первое отделение было коротким, и "
    "это было не всё. Кристина Орбакайте тоже пела, а песни Кристины слушали стоя, и зал был полон."
)
INDONESIAN = (
    "Sejarah Islam di Indonesia panjang dan ada banyak cerita yang tidak dikenal.\n"
    "Sebelumnya para ulama sudah menulis tentang hal ini dengan sangat rinci untuk umat.\n"
    "Sebaliknya para pedagang dari Gujarat membawa ajaran itu ke pantai utara Jawa dan juga ke Aceh."
)


def test_language_is_detected_cheaply():
    assert [detect(t).code for t in (GERMAN, RUSSIAN, INDONESIAN)] == ["de", "ru", "id"]
    assert detect(ENGLISH_NEWS).code == "en"
    assert detect("Too short").code == "en"


def test_german_nouns_russian_cases_and_line_start_words_are_not_typos():
    assert forms_of(GERMAN) == []
    assert forms_of(RUSSIAN) == []
    assert forms_of(INDONESIAN) == []


def test_a_typo_in_a_german_or_russian_name_is_still_found():
    assert forms_of(GERMAN + " Danach sprach Lautrbach mit der Presse.") == [{"Lauterbach", "Lautrbach"}]
    assert forms_of(RUSSIAN + " Гагарина и Гагрина — одна певица.") == [{"Гагарина", "Гагрина"}]


ENGLISH_NEWS = (
    "Ireland beat Iceland on Christmas Eve, and Christians marched in Dublin. The Jones Beach "
    "Theater and the DTE Energy Music Theatre sold out. The Tax Policy Center and the Centre for "
    "Economic Policy Research disagree. SpaceX won a contract from NASA over Boeing Defense, "
    "Space, and Security. Aluminum tariffs hit Aluminium producers.\n\nInternal memo: the "
    "Internet was down. The band played Long Train Running and It Keeps You Runnin’ again."
)


def test_places_common_words_brands_and_us_uk_spellings_are_not_typos():
    assert forms_of(ENGLISH_NEWS) == []


def test_four_letter_swaps_transliteration_and_final_y():
    text = (
        "Homeland Security Secretary Kristi Noem spoke on Monday. Critics said Neom was wrong. "
        "Russian diplomat Igor Usov arrived; Usoff left later. Coach Jan Matuszewski won, and "
        "Matuszewsky thanked the fans."
    )
    assert forms_of(text) == [{"Noem", "Neom"}, {"Usov", "Usoff"}, {"Matuszewski", "Matuszewsky"}]


def test_a_surname_two_brothers_share_still_catches_its_typo():
    text = (
        "Anas Haqqani was freed in a swap. His brother Sirajuddin Haqqani leads the network. "
        "The network founded by their father is feared, and Haqani said he would talk."
    )
    (finding,) = lint_article(Article.from_string(text, path="n.txt"))
    assert set(finding.forms) == {"Haqqani", "Haqani"}


def test_every_mention_is_listed_and_marked():
    text = "Adam Schiff opened. Day-by-day Schiff's panel met. Schiff spoke, and Shiff left. Schiff stayed."
    (finding,) = lint_article(Article.from_string(text, path="n.txt"))
    assert [(m.mention.text, m.kind) for m in finding.mentions] == [
        ("Schiff", MentionKind.USUAL),
        ("Schiff", MentionKind.USUAL),
        ("Schiff", MentionKind.USUAL),
        ("Shiff", MentionKind.VARIANT),
        ("Schiff", MentionKind.USUAL),
    ]


def test_contractions_and_word_forms_are_not_names():
    text = (
        "You're late. You've seen it. They're here. They've gone. Communism and the Communist "
        "party; Economic growth and Economics students; Publishers and Publishing houses."
    )
    assert forms_of(text) == []


def test_references_written_surname_first_are_different_people():
    text = "^ Barker, Fiona (2012). Title.\n\n^ Baker, John (2005). Other title.\n\n^ Barker, Fiona (2013). More."
    assert forms_of(text) == []


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


def test_reference_lists_are_many_people_not_typos_of_one():
    """Authors written surname first are read so even when a name is also a word (Grant, Bill),
    so a given name (David) is never compared with a surname (Davis)."""
    text = (
        "^ Davis, Denise (September 2007). \"The impact of change\". Retrieved 2010.\n\n"
        "^ Davis, Denise; Solomon, Maui (March 2009). \"Culture\". Retrieved 2010.\n\n"
        "^ Hamer, David. \"Seddon, Richard John\". Dictionary of Biography.\n\n"
        "^ Grant, David (March 2009). \"Southland places\". Retrieved 2010.\n\n"
        "^ Mackay, Duncan (1986). \"The Search\". Retrieved 2008.\n\n"
        "^ McKay, Bill (2004). \"Architecture\". Retrieved 2011. The grant and the bill were small.\n"
    )
    assert forms_of(text) == []


def test_two_words_seen_once_each_or_two_slips_apart_are_not_one_name():
    text = (
        "Then the jackasses over at Slashdot posted a link to it. Another Slashdork post would follow.\n\n"
        "The Organisation for Economic Co-operation and Development met the Department of Conservation. "
        "The Department of Conservation and the Co-operation office met again, and Conservation won.\n"
    )
    assert forms_of(text) == []


def test_a_place_of_several_words_is_one_word():
    """'New Zealand' is no Zealand beside the Dutch province of Zeeland, in a song title or a body's
    name too; 'Mackenzie Basin' is no Basin beside the author Bain."""
    text = (
        "New Zealand is an island country. God Defend New Zealand is its anthem, and the New Zealand "
        "Company settled it. Cartographers named it after the Dutch province of Zeeland.\n\n"
        "Statistics New Zealand\n\n"
        "The Mackenzie Basin is dry. ^ Bain 2006, p. 44. ^ Bain, Carolyn (2006). Lonely Planet.\n"
    )
    assert forms_of(text) == []


def test_a_typo_in_a_caption_or_a_body_is_still_found():
    text = (
        "West Merica Police\n\nThe tablets were sold online, West Mercia police said. Chief inspector "
        "Jennifer Mattinson from the West Mercia police warned buyers.\n"
    )
    assert forms_of(text) == [{"Mercia", "Merica"}]


NEW_ZEALAND = (
    "Dutch explorer Abel Tasman sighted New Zealand in 1642. A 1657 map shows its western coastline as "
    "\"Nova Zeelandia\". In 1645, Dutch cartographers renamed the land Nova Zeelandia after the Dutch "
    "province of Zeeland.\n\nNew Zealand is part of Zealandia, a microcontinent nearly half the size of "
    "Australia that gradually submerged after breaking away from the Gondwanan supercontinent.\n"
)


def test_a_place_named_new_in_another_language_is_no_person():
    """"Nova Zeelandia" is the old map's name, Zealandia the continent: no person named Nova."""
    assert lint_article(Article.from_string(NEW_ZEALAND, "nz.txt")) == []
    slipped = NEW_ZEALAND.replace("Australia that", "Australia that Tasman, or Tasmam as one map has it, never saw; it")
    found = lint_article(Article.from_string(slipped, "nz.txt"))
    assert [f.forms for f in found] == [("Tasman", "Tasmam")]


def test_a_few_words_in_another_script_leave_a_latin_text_latin():
    """The script count is skipped for a text all in Latin letters; a text with some other
    letters is still counted, and only a majority of words in Cyrillic makes it Russian."""
    assert detect(ENGLISH_NEWS + " Путин, Москва — and 北京.").code == "en"
    assert detect("Путин " * 11 + "the " * 10).code == "ru"
    assert detect("Путин " * 9 + "the " * 11).code == "en"
