"""The index answers exactly what a full scan answers; it only looks at fewer sentences."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck.article import Article
from factcheck.claims import load_claims
from factcheck.claimtypes import Reading, judge, read_article, typed
from factcheck.index import FullScan, Lenses, TextIndex
from factcheck.model import Document, Status, Via

SEED = (ROOT / "seeds" / "000_cfcb191671b4f14f.txt").read_text(encoding="utf-8")

NOTHING_READ = Reading((), True, "")  # with expect, what the article says does not change the judge
WORDS = ["oil", "strait", "Hormuz", "flow", "million", "barrels", "Iran", "Russia", "envoy", "the", "of", "in", "2018"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
paragraphs = st.lists(st.tuples(sentence, st.sampled_from([" ", " ", "\n\n"])), min_size=1, max_size=30).map(
    lambda parts: "".join(words + gap for words, gap in parts).strip())


@settings(max_examples=150, deadline=None)
@given(text=paragraphs, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
       saturation=st.integers(1, 8), min_score=st.sampled_from([0.0, 25.0, 40.0, 60.0]))
def test_relevant_sentences_equal_a_full_scan(text, query, saturation, min_score):
    indexed = TextIndex(text).relevant(query, min_score, saturation)
    scanned = FullScan(text).relevant(query, min_score, saturation)
    if min_score == 0.0:  # a full scan also lists sentences sharing no word; the index never needs them
        scanned = [s for s in scanned if s[2] > 0]
        indexed = [s for s in indexed if s[2] > 0]
    assert indexed == scanned



@settings(max_examples=150, deadline=None)
@given(text=paragraphs, queries=st.lists(st.tuples(st.sampled_from([25.0, 40.0, 60.0]), st.sampled_from([None, 1, 2, 5])),
                                         min_size=1, max_size=4),
       query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join), saturation=st.integers(1, 8))
def test_the_first_few_relevant_sentences_are_a_full_scans_first_few(text, queries, query, saturation):
    """A limited question ranks only what can be among its first ``limit``; asked again of the same
    index (kept scores reused at a higher threshold, or scored again for more), every answer is
    still the full scan's own first ones."""
    index = TextIndex(text)
    scanned = {m: FullScan(text).relevant(query, m, saturation) for m, _ in queries}
    for min_score, limit in queries:
        assert index.relevant(query, min_score, saturation, limit=limit) == scanned[min_score][:limit]

@settings(max_examples=100, deadline=None)
@given(text=paragraphs, words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=10),
       cut=st.integers(0, 9), saturation=st.integers(1, 8), limit=st.sampled_from([None, 1, 3]),
       min_score=st.sampled_from([0.0, 25.0, 40.0]))
def test_a_query_of_some_of_a_wider_querys_words_is_the_full_scans(text, words, cut, saturation, limit, min_score):
    """Scored after a query of more words (a claim's words with its article sentence's, then its
    own), from the wider query's kept candidates: still what a full scan finds."""
    index = TextIndex(text)
    wide, narrow = " ".join(words), " ".join(words[: cut + 1])
    index.relevant(wide, min_score, saturation + 1, limit=limit)
    scanned = FullScan(text).relevant(narrow, min_score, saturation)[:limit]
    found = index.relevant(narrow, min_score, saturation, limit=limit)
    if min_score == 0.0:
        scanned, found = [s for s in scanned if s[2] > 0], [s for s in found if s[2] > 0]
    assert found == scanned


@settings(max_examples=60, deadline=None)
@given(text=paragraphs, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
       saturation=st.integers(1, 8), limit=st.sampled_from([None, 1, 3]))
def test_paragraphs_numbered_out_of_order_score_as_in_order(text, query, saturation, limit):
    """A sentence's paragraph counts by which sentences share it, not by its number: an index
    whose paragraphs are numbered out of text order (a kept ``Derived``) scores as the plain
    one, through the path that does not read a paragraph as a run of sentences."""
    from factcheck.index import Derived

    plain = TextIndex(text)
    renumbered = [len(plain.spans) - p for p in plain.paragraphs]  # same groups, backwards
    other = TextIndex(text, Derived(plain.spans, plain.postings, paragraphs=renumbered))
    for min_score in (0.0, 40.0):
        assert other.relevant(query, min_score, saturation, limit) == plain.relevant(query, min_score, saturation,
                                                                                     limit)
    assert other._paragraphs_in_order == (len(set(renumbered)) == 1)


def test_values_and_names_equal_a_full_scan_on_the_seed():
    index, scan = TextIndex(SEED), FullScan(SEED)
    assert index.dates(date(2017, 2, 8)) == scan.dates(date(2017, 2, 8))
    assert index.numbers == scan.numbers
    assert [o.surname.key for o in index.names] == [o.surname.key for o in scan.names]
    assert index.relevant("Hormuz oil supplies world") == scan.relevant("Hormuz oil supplies world")


def test_seed_verdict_inputs_equal_between_index_and_full_scan():
    claims = load_claims(ROOT / "claims.yaml")
    article = Article.from_string(SEED, "seed.txt")
    for claim in claims.claims:
        assert read_article(claim, article, claims.article.published, Lenses()) == read_article(
            claim, article, claims.article.published, Lenses(naive=True)
        ), claim.id
        doc = Document(claim.sources[0], SEED, Via.ARCHIVE) if claim.sources else None
        if doc is not None:
            reading = read_article(claim, article, claims.article.published, Lenses())
            assert judge(claim, reading, doc, Lenses()) == judge(claim, reading, doc, Lenses(naive=True)), claim.id


def test_a_source_without_text_is_an_error_not_evidence():
    claims = load_claims(ROOT / "claims.yaml")
    claim = claims.claims[0]
    evidence = judge(claim, NOTHING_READ, Document(claim.sources[0], error="HTTP 404 Not Found"), Lenses())
    assert evidence.status is Status.ERROR and evidence.error == "HTTP 404 Not Found"


def test_name_mentions_near_the_surname_equal_a_full_scan():
    text = SEED + (
        " Talks went on. President Bashar al-Assad met envoys. Later al-Assad spoke. North Korea's"
        " Kim Jong-un replied; Kim Jong-il had died in 2011. O'Brien's view differed from Lavrov's."
    )
    index, scan = TextIndex(text), FullScan(text)
    for expect, aliases in [("Alexander Lavrentiev", ()), ("Bashar al-Assad", ()), ("Kim Jong-un", ()),
                            ("Conan O'Brien", ()), ("Sergey Lavrov", ("Sergei Lavrov",)), ("Ali Shamkhani", ())]:
        assert index.mentions_of(expect, aliases) == scan.mentions_of(expect, aliases), expect
    assert [m.text for m in index.mentions_of("Alexander Lavrentiev")] == ["Alexandre Laventieve", "Leventieve"]


def test_the_same_figure_for_another_named_place_is_not_evidence():
    """EIA figures: Hormuz carried about 21 million b/d in 2018, Malacca 16 million b/d in 2016."""
    from factcheck.model import Claim, ClaimType, SourceSpec

    spec = SourceSpec("eia", archive=ROOT / "x.html")
    claim = typed(Claim("flow", ClaimType.NUMBER,
                        "about 21 million barrels per day of oil passed through the Strait of Hormuz",
                        "21 million barrels per day", sources=(spec,)))
    other_place = "Tankers are busy. 16 million barrels per day of oil passed through the Strait of Malacca in 2016."
    same_place = "Tankers are busy. 18 million barrels per day of oil passed through the Strait of Hormuz in 2016."
    for naive in (False, True):
        assert judge(claim, NOTHING_READ, Document(spec, other_place, Via.ARCHIVE), Lenses(naive)).status is Status.SILENT
        assert judge(claim, NOTHING_READ, Document(spec, same_place, Via.ARCHIVE), Lenses(naive)).status is Status.CONTRADICTS


HUBBLE = (
    "NASA's Hubble Space Telescope was launched on April 24, 1990, aboard the space shuttle Discovery. "
    "The telescope orbits Earth about 540 kilometres up. "
    "Since then it has made more than 1.5 million observations. "
    "Five times between 1993 and 2009, astronauts serviced it, replacing gyroscopes and cameras. "
    "Each mission took about a week. "
    "The telescope's main mirror is 2.4 metres across. "
    "In 2021 NASA launched the James Webb Space Telescope, Hubble's successor, and the older telescope kept working."
)


def _ranked(text: str, query: str) -> list[str]:
    found = TextIndex(text).relevant(query, 0.0)
    assert found == [f for f in FullScan(text).relevant(query, 0.0) if f[2] > 0]
    return [text[s:e] for s, e, _ in found]


def test_rare_words_on_the_page_weigh_more_than_its_common_ones():
    """"telescope" is in most of the page's sentences, "astronauts" and "serviced" in one: the
    sentence holding those two outranks the earlier one holding "telescope" and "orbits"."""
    ranked = _ranked(HUBBLE, "astronauts serviced the telescope in orbit")
    assert ranked[0].startswith("Five times between 1993 and 2009")
    assert ranked.index("The telescope orbits Earth about 540 kilometres up.") > 0


def test_the_sentence_after_a_match_never_outranks_it():
    """"Each mission took about a week" has none of the claim's words; its context (the sentence
    before) has them all, but counts for less than holding them."""
    scores = {HUBBLE[s:e]: score for s, e, score in TextIndex(HUBBLE).relevant("astronauts serviced Hubble", 0.0)}
    match = scores["Five times between 1993 and 2009, astronauts serviced it, replacing gyroscopes and cameras."]
    assert match > scores["Each mission took about a week."] > 0


def test_a_sentences_paragraph_counts_a_little_toward_it():
    """WeWork, valued at $47 billion in January 2019: the sentence with the figure does not name
    the company, its paragraph does (two sentences earlier); a paragraph break removes that."""
    opening = "WeWork filed for Chapter 11 bankruptcy protection on November 6, 2023, in New Jersey."
    middle = "Adam Neumann co-founded it in 2010."
    figure = "In January 2019 private investors valued the company at $47 billion."
    query = "WeWork was valued at $47 billion"

    def score(text: str) -> float:
        found = {text[s:e]: score for s, e, score in TextIndex(text).relevant(query, 0.0)}
        assert found[figure] == dict((text[s:e], v) for s, e, v in FullScan(text).relevant(query, 0.0))[figure]
        return found[figure]

    together, apart = score(f"{opening} {middle} {figure}"), score(f"{opening} {middle}\n\n{figure}")
    assert together > apart > 0
    assert apart == score(f"{opening}\n\n{middle}\n\n{figure}")
