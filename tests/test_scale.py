"""Scale: the run's plan (every source read once, then freed), the extraction pool and the cache
of what is derived from a page. Behaviour only; the figures are in bench/run.py."""

from __future__ import annotations

import gc
import subprocess
import sys
from array import array
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from factcheck import index as index_module
from factcheck.claims import load_claims
from factcheck.engine import Checker, Options, plan
from factcheck.fetch import Fetcher
from factcheck.index import SCORED_QUERIES, DerivedStore, FullScan, TextIndex, _derived_key
from factcheck.model import Document, SourceSpec, Via
from factcheck.sources import AHEAD_PER_WORKER, FETCH_AHEAD, Documents, PageText, TextCache, derive
from test_engine import FakeFetcher

E2E = ROOT / "fixtures" / "e2e"


@pytest.fixture
def e2e():
    """The end-to-end claims, their cited pages served by URL (the archives are the stand-in pages)."""
    claims = load_claims(E2E / "claims.yaml")
    pages = {s.url: Path(s.archive).read_text(encoding="utf-8")
             for c in claims.claims for s in c.sources if s.url and s.archive and Path(s.archive).exists()}
    return claims, pages


def test_the_plan_reads_each_source_once_in_the_order_claims_first_cite_it(e2e):
    claims, _ = e2e
    order = plan(claims.claims)
    cited = [s for c in claims.claims for s in c.sources]
    assert list(order.sources) == list(dict.fromkeys(cited))
    for spec, ids in order.citing.items():
        assert ids == tuple(i for i, c in enumerate(claims.claims) if spec in c.sources)
    # a claim's sources are all read once those first cited up to it are: results stream in file order
    for i, claim in enumerate(claims.claims):
        so_far = {s for c in claims.claims[: i + 1] for s in c.sources}
        assert max((order.sources.index(s) for s in claim.sources), default=-1) < len(so_far)


def test_the_pool_gives_the_same_report_as_one_process(e2e, tmp_path):
    claims, pages = e2e
    serial = Checker(claims, Options(cache_dir=tmp_path / "one", workers=1), FakeFetcher(pages))
    pooled = Checker(claims, Options(cache_dir=tmp_path / "two", workers=2), FakeFetcher(pages))
    one, two = serial.run(), pooled.run()
    assert serial.documents.pooled == 0 and pooled.documents.pooled == len(pages)
    assert one.results == two.results
    assert {r.verdict for r in one.results} >= {"supported", "contradicted"}


def test_a_pooled_cold_run_loads_the_page_indexes_its_workers_built(e2e, tmp_path):
    """The workers that extract the pages also build and store their indexes, so the run's own
    process builds only the article's, and the answers are those of a run that built them all."""
    claims, pages = e2e
    reused: list[int] = []

    def watched(checker: Checker):
        class Watch:
            def start(self, total: int) -> None: ...

            def advance(self) -> None: ...

            def finish(self) -> None:
                reused.append(checker.lenses.reused)  # before the run frees its indexes

        return checker.run(Watch())

    serial = watched(Checker(claims, Options(cache_dir=tmp_path / "one", workers=1), FakeFetcher(pages)))
    pooled = watched(Checker(claims, Options(cache_dir=tmp_path / "two", workers=2), FakeFetcher(pages)))
    assert serial.results == pooled.results
    assert reused[0] == 0 < len(pages) <= reused[1]  # each page's body, and its whole text when judged


def test_with_a_name_claim_the_workers_store_every_pages_capitalised_words(e2e, tmp_path):
    """A name claim reads a page's capitalised words: the workers store them with the page's index
    (every page: which pages a name claim reads is known only as it is judged), so the run's own
    process neither finds them nor stores the index again; a run without one stores none."""
    claims, pages = e2e
    for only, words in ((None, True), (frozenset({"hormuz-flow", "putin-quote", "pipeline"}), False)):
        cache = tmp_path / str(words)
        Checker(claims, Options(cache_dir=cache, workers=2, only=only), FakeFetcher(pages)).run()
        cited = [s for c in claims.claims if only is None or c.id in only for s in c.sources if s.url in pages]
        derived = [derive(pages[s.url], "html", s.selector, s.url) for s in cited]
        texts = {t for page in derived for t in (page.text, page.full_text) if t}
        stored = {t: DerivedStore(cache).get(t) for t in texts}
        assert len(cited) > 1 and {t for t, d in stored.items() if d and (d.capitalised is not None) == words} == texts


def test_an_index_given_the_stems_of_another_texts_sentences_is_the_one_built_alone(e2e):
    """A page's body and its whole text share most sentences: the second index looks their stems
    up in what the first read, and holds what it would have read itself."""
    _, pages = e2e
    for url, raw in pages.items():
        page = derive(raw, "html", None, url)
        seen: dict[str, frozenset[str]] = {}
        first, second = TextIndex(page.text, seen=seen), TextIndex(page.full_text, seen=seen)
        assert len(seen) < len(first.spans) + len(second.spans)  # sentences met twice, read once
        for index in (first, second):
            alone = TextIndex(index.text)
            assert (index.spans, index.postings) == (alone.spans, alone.postings)


def test_an_index_given_the_values_another_text_parsed_finds_those_it_would_alone(e2e, monkeypatch):
    """The body's sentences are nearly all in the whole text: the second index takes the dates and
    figures of a sentence the first parsed, at its own offsets, and finds what it would alone."""
    _, pages = e2e
    parsed: list[str] = []
    parse = index_module._values
    monkeypatch.setattr(index_module, "_values", lambda kind, text, published=None: (
        parsed.append(text), parse(kind, text, published))[1])
    for url, raw in pages.items():
        page = derive(raw, "html", None, url)
        values: dict[tuple, list] = {}
        shared = [TextIndex(page.text, values=values), TextIndex(page.full_text, values=values)]
        for kind, published in (("date", date(2024, 3, 15)), ("number", None)):
            alone = [TextIndex(index.text).values_between(kind, published) for index in shared]
            expected = [[find(s, e) for s, e in index.spans] for find, index in zip(alone, shared, strict=True)]
            parsed.clear()
            found = [[index.values_between(kind, published)(s, e) for s, e in index.spans] for index in shared]
            assert found == expected and any(values_of for texts in found for values_of in texts)
            assert all(s <= a < b <= e for index, values_of in zip(shared, found, strict=True)
                       for (s, e), sentence in zip(index.spans, values_of, strict=True) for a, b, _ in sentence)
            sentences = [index.text[s:e] for index in shared for s, e in index.spans]
            assert sorted(parsed) == sorted(set(sentences)) and len(parsed) < len(sentences)  # each parsed once


def test_a_warm_run_extracts_nothing_and_gives_the_same_report(e2e, tmp_path):
    claims, pages = e2e
    cold = Checker(claims, Options(cache_dir=tmp_path / "cache", workers=2), FakeFetcher(pages))
    warm = Checker(claims, Options(cache_dir=tmp_path / "cache", workers=2), FakeFetcher(pages))
    assert cold.run().results == warm.run().results
    assert cold.documents.pooled == len(pages) and warm.documents.pooled == 0


def test_a_page_whose_texts_are_cached_is_read_from_neither_the_server_nor_its_cached_html(loopback, tmp_path):
    """A warm run: the HTTP cache says which body each URL gives (its hash), and the text cache
    holds what every source citing it derives from that body, so the body is not read (here it is
    damaged after the first run: read, it would be a miss and a refetch). A source whose text is
    missing (another selector) has its URL fetched as before."""
    html = (ROOT / "fixtures/pages/eia_hormuz.html").read_text(encoding="utf-8")
    urls = [loopback.page(f"/hormuz-{i}", html) for i in range(3)]
    specs = [SourceSpec(url, url=url) for url in urls]

    def read(specs: list[SourceSpec]) -> list[Document]:
        with Fetcher(cache_dir=tmp_path / "cache") as fetcher:
            documents = Documents(specs, fetcher, texts=TextCache(tmp_path / "cache"), workers=1)
            return [documents.take(spec) for spec in specs]

    cold = read(specs)
    for entry in (tmp_path / "cache" / "http-v1").rglob("*"):
        if entry.is_file():
            head, _, body = entry.read_bytes().partition(b"\n")
            entry.write_bytes(head + b"\n" + body.replace(b"barrels", b"gallons"))
    warm = read(specs)
    assert sum(loopback.hits.values()) == 3 and all(d.via is Via.CACHE for d in warm)
    assert [replace(d, via=Via.CACHE) for d in cold] == warm and "21 million barrels per day" in warm[0].text
    other = read([*specs, SourceSpec("selected", url=urls[0], selector="p")])
    assert loopback.hits["/hormuz-0"] == 2 and sum(loopback.hits.values()) == 4
    assert other[:3] == [replace(warm[0], via=Via.NETWORK), *warm[1:]]
    assert "21 million barrels per day" in other[3].text and other[3].text != warm[0].text


class CountingTexts(TextCache):
    """The text cache, telling how many texts it has handed out."""

    read = 0

    def get(self, key):
        found = super().get(key)
        self.read += found is not None
        return found


def test_a_warm_run_holds_at_most_fetch_ahead_texts_however_many_pages_it_cites(loopback, tmp_path):
    """Pages known from the cache count as fetched ones: their texts are read as the run reaches
    them, ``fetch_ahead`` at the most ahead of the page being read, never all at once."""
    html = (ROOT / "fixtures/pages/eia_hormuz.html").read_text(encoding="utf-8")
    specs = [SourceSpec(url, url=url) for url in (loopback.page(f"/hormuz-{i}", html) for i in range(12))]
    with Fetcher(cache_dir=tmp_path / "cache") as fetcher:
        documents = Documents(specs, fetcher, texts=TextCache(tmp_path / "cache"), workers=1)
        cold = [documents.take(spec).text for spec in specs]
    texts = CountingTexts(tmp_path / "cache")
    with Fetcher(cache_dir=tmp_path / "cache") as fetcher:
        documents = Documents(specs, fetcher, texts=texts, workers=1, fetch_ahead=4)
        ahead, warm = [texts.read], []
        for spec in specs:
            warm.append(documents.take(spec).text)
            ahead.append(texts.read - len(warm))  # texts read and not yet taken
    assert ahead == [4] * 9 + [3, 2, 1, 0] and warm == cold and sum(loopback.hits.values()) == 12


def test_one_page_is_extracted_without_a_pool(tmp_path):
    url = "https://www.eia.gov/todayinenergy/detail.php?id=39932"
    spec = SourceSpec(url, url=url)
    documents = Documents([spec], FakeFetcher({url: (ROOT / "fixtures/pages/eia_hormuz.html").read_text()}),
                          texts=TextCache(tmp_path), workers=2)
    assert "21 million barrels per day" in documents.take(spec).text
    assert documents.pooled == 0


def test_a_page_index_is_freed_after_its_last_claim_and_a_revisit_gives_the_same_verdicts(e2e, tmp_path):
    """Claims citing one page far apart in the file (here: the file read backwards and then forwards
    again): the page is judged for all of them at once, its index dropped, and the verdicts are those
    of the naive full scan, which keeps nothing."""
    claims, pages = e2e
    twice = [*claims.claims, *(c.__class__(**{**c.__dict__, "id": c.id + "-again"}) for c in reversed(claims.claims))]
    claims = claims.__class__(**{**claims.__dict__, "claims": tuple(twice)})
    held: list[int] = []
    fast = Checker(claims, Options(cache_dir=tmp_path / "a"), FakeFetcher(pages))

    class Watch:
        def start(self, total: int) -> None: ...

        def advance(self) -> None:
            held.append(len(fast.lenses))

        def finish(self) -> None: ...

    report = fast.run(Watch())
    naive = Checker(claims, Options(cache_dir=tmp_path / "b", naive=True), FakeFetcher(pages)).run()
    assert [r.verdict for r in report.results] == [r.verdict for r in naive.results]
    assert [r.verdict for r in report.results[: len(twice) // 2]] == [r.verdict for r in report.results[: len(twice) // 2 - 1 : -1]]
    assert max(held) <= 3  # the article, and the one page being judged (its body and its whole text)


QUERIES = ["Strait of Hormuz oil flow barrels per day", "Lavrentiev envoy Syria", "S-300 missiles Iran delivery",
           "national security concept 2016"]


def test_an_index_loaded_from_the_cache_answers_as_one_built_from_the_text(e2e, tmp_path):
    _, pages = e2e
    store = DerivedStore(tmp_path)
    texts = [Document(SourceSpec(url, url=url), TextCache(tmp_path).page(None, html, "html", None, url).text,
                      Via.NETWORK).text for url, html in pages.items()]
    for text in texts:
        built = TextIndex(text)
        assert store.get(text) is None
        built.view  # noqa: B018 - built, so that it is stored too
        store.put(text, built.derived())
        loaded = TextIndex(text, store.get(text))
        assert loaded.spans == built.spans and loaded.view == built.view
        assert list(loaded.paragraphs) == list(built.paragraphs)  # stored with it, not recounted
        for query in QUERIES:
            assert loaded.relevant(query) == built.relevant(query) == FullScan(text).relevant(query)[: len(built.relevant(query))]
        assert store.get(text + " ") is None  # keyed by the text itself
    for text in texts:
        key = _derived_key(text)
        entry = tmp_path / DerivedStore.LAYOUT / key[:2] / key
        whole = entry.read_bytes()
        for cut in (whole[:-1], whole[: len(DerivedStore.MAGIC) + 3], whole[:-1] + b"\xff", b"{}"):
            entry.write_bytes(cut)
            assert store.get(text) is None  # damaged: a miss, never a wrong index
        entry.write_bytes(whole)
        assert store.get(text) is not None


def test_a_warm_run_reads_the_indexes_from_the_cache_and_a_damaged_entry_is_rebuilt(e2e, tmp_path):
    claims, pages = e2e
    cold = Checker(claims, Options(cache_dir=tmp_path / "cache"), FakeFetcher(pages)).run()
    entries = sorted(p for p in (tmp_path / "cache" / DerivedStore.LAYOUT).rglob("*") if p.is_file())
    assert len(entries) >= len(pages)  # a page's article body and its whole text; not the article (kept all run)
    loaded: list[int] = []
    warm = Checker(claims, Options(cache_dir=tmp_path / "cache"), FakeFetcher(pages))

    class Watch:
        def start(self, total: int) -> None: ...

        def advance(self) -> None:
            loaded.append(warm.lenses.reused)

        def finish(self) -> None: ...

    assert warm.run(Watch()).results == cold.results
    assert max(loaded) >= len(pages)  # every page's index read from the cache
    whole = {entry: entry.read_bytes() for entry in entries}
    for entry in entries:
        entry.write_bytes(whole[entry][:-40])  # cut short: its parts' lengths no longer add up, a miss
    damaged = Checker(claims, Options(cache_dir=tmp_path / "cache"), FakeFetcher(pages))
    assert damaged.run().results == cold.results
    # rebuilt and stored again: every text the run reads (a page's whole text no claim reads stays cut)
    assert sum(_whole(e.read_bytes()) for e in entries) >= len(pages)


def _whole(entry: bytes) -> bool:
    """Whether an index entry's parts add up to its length, as ``DerivedStore.get`` checks first."""
    head = len(DerivedStore.MAGIC) + 8 * len(DerivedStore.PARTS)
    lengths = array("q", entry[len(DerivedStore.MAGIC) : head])
    return entry.startswith(DerivedStore.MAGIC) and head + sum(max(0, n) for n in lengths) == len(entry)


class CountingFetcher(FakeFetcher):
    """A fake fetcher that tells how many bodies were ever fetched and not yet released at once."""

    def __init__(self, pages: dict[str, str]) -> None:
        super().__init__(pages)
        self.held: set[str] = set()
        self.most = 0

    def fetch(self, url: str):
        self.held.add(url)
        self.most = max(self.most, len(self.held))
        return super().fetch(url)

    def release(self, url: str) -> None:
        self.held.discard(url)


def test_a_cold_run_holds_at_most_fetch_ahead_bodies_however_many_pages_it_cites(tmp_path):
    html = (ROOT / "fixtures/pages/eia_hormuz.html").read_text(encoding="utf-8")
    urls = [f"https://www.eia.gov/todayinenergy/detail.php?id={39932 + i}" for i in range(3 * FETCH_AHEAD)]
    specs = [SourceSpec(url, url=url) for url in urls]
    fetcher = CountingFetcher({url: html for url in urls})
    documents = Documents(specs, fetcher, texts=TextCache(tmp_path), workers=2, fetch_ahead=FETCH_AHEAD)
    try:
        assert len(fetcher.held) == FETCH_AHEAD  # started at once, before the first is read
        texts = [documents.take(spec).text for spec in specs]
    finally:
        documents.close()
    assert fetcher.most == FETCH_AHEAD and not fetcher.held and sorted(fetcher.asked) == sorted(urls)
    assert all("21 million barrels per day" in text for text in texts)
    assert documents.pooled == len(urls)  # every page extracted in the pool, ahead of its reading


def test_a_source_read_out_of_order_is_fetched_at_once(tmp_path):
    html = (ROOT / "fixtures/pages/eia_hormuz.html").read_text(encoding="utf-8")
    urls = [f"https://www.eia.gov/todayinenergy/detail.php?id={39932 + i}" for i in range(5)]
    specs = [SourceSpec(url, url=url) for url in urls]
    fetcher = CountingFetcher({url: html for url in urls})
    documents = Documents(specs, fetcher, texts=TextCache(tmp_path), workers=1, fetch_ahead=2)
    assert sorted(fetcher.held) == urls[:2]
    assert "21 million barrels per day" in documents.take(specs[4]).text
    assert [documents.take(spec).error for spec in specs[:4]] == [None] * 4
    assert fetcher.most <= 3 and not fetcher.held


WORDS = ["oil", "strait", "Hormuz", "flow", "million", "barrels", "Iran", "envoy", "the", "of", "2018"]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")
page = st.lists(st.tuples(sentence, st.sampled_from([" ", "\n\n"])), min_size=1, max_size=25).map(
    lambda parts: "".join(words + gap for words, gap in parts).strip())
question = st.tuples(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
                     st.sampled_from([25.0, 40.0, 60.0, 75.0]), st.sampled_from([4, 6]))


@settings(max_examples=60, deadline=None)
@given(text=page, questions=st.lists(question, min_size=1, max_size=3 * SCORED_QUERIES))
def test_a_page_asked_many_questions_in_a_row_answers_each_as_a_full_scan(text, questions):
    """What a query scored is kept for the next questions (a higher threshold reuses it, a lower one
    scores again, the least recent is let go): every answer is still the full scan's."""
    index, scan = TextIndex(text), FullScan(text)
    for query, min_score, saturation in questions:
        for threshold in (min_score, 25.0):  # then lower: what was kept above min_score is not enough
            assert index.relevant(query, threshold, saturation) == scan.relevant(query, threshold, saturation)
    assert len(index._scored) <= SCORED_QUERIES


def test_a_spelling_inside_a_longer_word_hides_no_mention_after_it():
    text = ("Talks went on. The Lavrovsky archive and ex-Lavrov aides were there. Sergey Lavrov spoke; "
            "later Lavrov left. Dmitry Lavrova did not.")
    index, scan = TextIndex(text), FullScan(text)
    for expect in ("Sergey Lavrov", "Dmitry Lavrova"):
        assert index.mentions_of(expect) == scan.mentions_of(expect), expect
    assert [m.text for m in index.mentions_of("Sergey Lavrov")][:2] == ["Sergey Lavrov", "Lavrov"]


def test_a_run_imports_only_the_claim_types_it_checks():
    """Start-up: the registry imports a type's module the first time a claim of that type is read."""
    code = ("import sys; from factcheck.claimtypes import KINDS; from factcheck.model import ClaimType; "
            "KINDS[ClaimType.DATE].parse_expect('2019-11-18'); "
            "print(sorted(m for m in sys.modules if m.startswith('factcheck.claimtypes.')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "factcheck.claimtypes.date" in loaded
    assert not any(f"factcheck.claimtypes.{other}'" in loaded for other in ("name", "number", "quote", "statement"))
    from factcheck.claimtypes import KINDS
    from factcheck.model import ClaimType

    assert list(KINDS) == list(ClaimType) and all(KINDS[t].type is t for t in KINDS)  # every type, in order


def test_a_run_on_a_warm_cache_imports_no_http_library(loopback, tmp_path):
    """Start-up: requests, urllib3 and charset_normalizer are imported when a page is asked of a
    server (or its bytes must be guessed at); a second run, every page in the cache, asks none."""
    url = loopback.page("/hormuz", (ROOT / "fixtures/pages/eia_hormuz.html").read_bytes())
    (tmp_path / "article.txt").write_text(
        "In 2018, the oil flow through the Strait of Hormuz averaged 21 million barrels per day.\n", encoding="utf-8")
    (tmp_path / "claims.yaml").write_text(
        "version: 1\narticle:\n  path: article.txt\nclaims:\n  - id: hormuz-flow\n    type: number\n"
        f"    text: 21 million barrels per day\n    sources: [{url}]\n", encoding="utf-8")
    code = ("import sys\nfrom factcheck.cli import main\ntry:\n    main(['verify', 'claims.yaml', '-q'])\n"
            "except SystemExit as end:\n    print(end.code, sorted(m for m in ('requests', 'urllib3', "
            "'charset_normalizer') if m in sys.modules))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
            for _ in range(2)]
    assert [run.stdout.strip().splitlines()[-1] for run in runs] == ["0 ['charset_normalizer', 'requests', 'urllib3']", "0 []"]
    assert loopback.hits["/hormuz"] == 1


def test_no_page_index_outlives_the_claims_that_cite_it(e2e, tmp_path):
    """Whatever might hold one (the run's indexes, a judge's cache, a claim's reading or evidence):
    at each result, cold (pooled) and warm, the only index alive anywhere is the article's (every
    page cited so far is judged for all its claims and dropped), and the page texts alive are
    those looked up ahead of the page being judged."""
    claims, pages = e2e
    alive: list[tuple[int, int]] = []

    class Census:
        def start(self, total: int) -> None: ...

        def advance(self) -> None:
            gc.collect()
            objects = gc.get_objects()
            alive.append((sum(isinstance(o, TextIndex) for o in objects), sum(isinstance(o, PageText) for o in objects)))

        def finish(self) -> None: ...

    for workers in (2, 1):  # cold through the pool, then warm, the texts looked up in the cache ahead
        alive.clear()
        Checker(claims, Options(cache_dir=tmp_path, workers=workers), FakeFetcher(pages)).run(Census())
        assert len(alive) == len(claims.claims) and {i for i, _ in alive} == {1}
        assert max(t for _, t in alive) <= AHEAD_PER_WORKER * workers
    assert AHEAD_PER_WORKER < len(pages)  # so that the warm run's bound is one a kept text would break


def _tree(node):
    """A node tree as plain values: kind, tag, value, scalar style and where it starts and ends
    (not a collection's flow style, which libyaml reports as False where the pure parser says None
    for an indentless list, and which the loader never reads)."""
    if node is None:
        return None
    value = node.value
    if isinstance(value, list):
        value = [tuple(map(_tree, v)) if isinstance(v, tuple) else _tree(v) for v in value]
    return (type(node).__name__, node.tag, value, node.start_mark.line, node.start_mark.column,
            node.end_mark.line, node.end_mark.column, getattr(node, "style", None))


def _pure(text):
    from factcheck.claims.reader import _Loader

    loader = _Loader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


CLAIMS_FILES = sorted(p for p in [*ROOT.rglob("*.yaml"), *ROOT.rglob("*.yml")] if ".venv" not in p.parts)


@pytest.mark.parametrize("path", CLAIMS_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_libyaml_composes_every_yaml_file_of_the_repo_as_the_pure_loader_does(path):
    from factcheck.claims.reader import _CLoader, _fast_node

    if _CLoader is None:
        pytest.skip("no libyaml")
    text = path.read_bytes().decode("utf-8", "replace").removeprefix("\ufeff")
    fast = _fast_node(text)
    if fast is None:  # left to the pure loader: one it refuses, or an empty file
        import yaml

        from factcheck.claims.reader import _Refused

        with pytest.raises((yaml.YAMLError, _Refused)):
            assert _pure(text) is not None
    else:
        assert _tree(fast) == _tree(_pure(text))


_SCALARS = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40), st.integers(),
                     st.floats(allow_nan=False), st.booleans(), st.none(), st.dates())
_VALUES = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(_VALUES, st.sampled_from([None, '"', "'", "|", ">"]), st.booleans())
def test_libyaml_composes_what_yaml_writes_as_the_pure_loader_does(value, style, flow):
    import yaml

    from factcheck.claims.reader import _CLoader, _fast_node

    if _CLoader is None:
        pytest.skip("no libyaml")
    text = yaml.safe_dump(value, default_style=style, default_flow_style=flow, allow_unicode=True, width=30)
    fast = _fast_node(text)
    if fast is not None:  # None: the pure loader reads it
        assert _tree(fast) == _tree(_pure(text))


@pytest.mark.parametrize("text", [
    "claims:\n  - id: a\n  bad indent: 1\n", "claims: [a, b\n", "a: 'open\n", "a: &x 1\nb: *x\n",
    "a:\n\t- tab\n", "a: b: c\n", "- a\nb: c\n", "a: 1\na: 2\n", "a: \"\\q\"\n", "? [a\n",
])
def test_a_broken_file_gets_the_pure_loaders_error_line_and_message(text, tmp_path):
    from factcheck.claims import ClaimsError, reader

    def error(compose):
        try:
            compose(text, "claims.yaml")
        except ClaimsError as exc:
            return str(exc)
        return None

    fast = error(reader.compose)
    saved, reader._CLoader = reader._CLoader, None
    try:
        pure = error(reader.compose)
    finally:
        reader._CLoader = saved
    assert fast == pure


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from("abcdefghij"), min_size=1, max_size=10, unique=True).flatmap(
    lambda ws: st.tuples(st.just(ws), *(st.frozensets(st.sampled_from(ws)) for _ in range(3)),
                         st.dictionaries(st.sampled_from(ws), st.floats(0.3, 3.0)), st.integers(1, 8))))
def test_a_score_on_bit_masks_is_locates_relevance_float_for_float(case):
    import math

    from factcheck.index import _masked_relevance
    from factcheck.locate import relevance

    words, own, before, paragraph, weights, saturation = case
    bits = {w: 1 << k for k, w in enumerate(words)}

    def mask(ws):
        return sum(bits[w] for w in ws)

    def weigh(m):
        return math.fsum(weights.get(w, 1.0) for w, bit in bits.items() if m & bit)

    wanted = frozenset(words)
    assert _masked_relevance(weigh, min(len(wanted), saturation), mask(own), mask(before), mask(paragraph)) == \
        relevance(wanted, own, before, saturation, weights, paragraph)
