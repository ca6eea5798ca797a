"""The run, with a fake fetcher standing in for the network (HTTP itself is tested against real
servers in test_fetch.py and test_hardening.py): the run uses the fetcher it is given and leaves
it open, reports progress through the protocol, and turns Ctrl-C into a partial report."""

from __future__ import annotations

import hashlib
from concurrent.futures import Future

import pytest

from factcheck.claims import parse_claims
from factcheck.engine import Checker, Interrupted, Options
from factcheck.fetch import FetchResult
from factcheck.model import Standing, Verdict, Via

ARTICLE = (
    "Oil tankers crowd the Gulf.\n\n"
    "About 21 million barrels per day of oil flowed through the Strait of Hormuz in 2018, the EIA says.\n\n"
    "Sergey Lavrov met his counterparts in Tehran.\n"
)
EIA = "https://www.eia.gov/todayinenergy/detail.php?id=39932"
WIKI = "https://en.wikipedia.org/wiki/Sergey_Lavrov"
CLAIMS = f"""version: 1
article:
  path: article.txt
claims:
  - id: flow
    type: number
    text: About 21 million barrels per day of oil flowed through the Strait of Hormuz
    expect: 21 million barrels per day
    sources: ["{EIA}"]
  - id: lavrov
    type: name
    text: Sergey Lavrov
    expect: Sergey Lavrov
    sources: ["{WIKI}"]
"""
PAGES = {
    EIA: "<html><body><article><p>The Strait of Hormuz is the world's most important oil chokepoint. "
         "In 2018, its daily oil flow through the Strait of Hormuz averaged 21 million barrels per day (b/d)."
         "</p></article></body></html>",
    WIKI: "<html><body><article><p>Sergey Viktorovich Lavrov is a Russian diplomat. Sergey Lavrov has served "
          "as Minister of Foreign Affairs since 2004.</p></article></body></html>",
}


class FakeFetcher:
    """Implements the fetcher interface a run uses (``sources.PageFetcher``) from a dict of pages."""

    def __init__(self, pages: dict[str, str]) -> None:
        self.pages = pages
        self.warnings: list[str] = []
        self.asked: list[str] = []
        self.closed = False

    def fetch(self, url: str) -> FetchResult:
        self.asked.append(url)
        if url not in self.pages:
            return FetchResult(url, None, None, None, None, 404, "HTTP 404 Not Found", dead=True)
        body = self.pages[url]
        return FetchResult(url, url, body, "html", Via.NETWORK, 200, None,
                           sha256=hashlib.sha256(body.encode()).hexdigest())

    def start(self, urls):
        out = {}
        for url in dict.fromkeys(urls):
            future: Future = Future()
            future.set_result(self.fetch(url))
            out[url] = future
        return out

    def fetch_all(self, urls):
        return {url: f.result() for url, f in self.start(urls).items()}

    def cached(self, url: str) -> None:
        return None  # no cache: every page is fetched

    def release(self, url: str) -> None:
        pass

    def close(self) -> None:
        self.closed = True


class Recorder:
    def __init__(self, stop_after: int | None = None) -> None:
        self.events: list[str] = []
        self.stop_after = stop_after

    def start(self, total: int) -> None:
        self.events.append(f"start {total}")

    def advance(self) -> None:
        self.events.append("advance")
        if self.stop_after is not None and self.events.count("advance") >= self.stop_after:
            raise KeyboardInterrupt

    def finish(self) -> None:
        self.events.append("finish")


@pytest.fixture
def claims(tmp_path):
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    return parse_claims(CLAIMS, tmp_path / "claims.yaml")


def test_the_run_reads_sources_through_the_fetcher_it_is_given(claims, tmp_path):
    fetcher = FakeFetcher(PAGES)
    progress = Recorder()
    report = Checker(claims, Options(cache_dir=tmp_path / "cache"), fetcher).run(progress)
    assert [r.verdict for r in report.results] == [Verdict.SUPPORTED, Verdict.SUPPORTED]
    assert [r.standing for r in report.results] == [Standing.SUPPORTED, Standing.SUPPORTED]
    assert sorted(fetcher.asked) == sorted(PAGES)
    assert report.results[0].evidence[0].value == "21 million barrels per day (2.1e+07 barrel per day)"
    assert progress.events == ["start 2", "advance", "advance", "finish"]
    assert not fetcher.closed  # the caller's fetcher is the caller's to close


def test_a_source_the_fetcher_cannot_get_is_an_error_and_the_claim_unverified(claims, tmp_path):
    report = Checker(claims, Options(cache_dir=tmp_path / "cache"), FakeFetcher({EIA: PAGES[EIA]})).run()
    lavrov = report.results[1]
    assert lavrov.verdict is Verdict.UNVERIFIED and lavrov.evidence[0].error == "HTTP 404 Not Found"
    assert report.passed  # unverified does not fail the default gate


def test_each_run_reads_the_pages_it_is_given_afresh(claims, tmp_path):
    options = Options(cache_dir=tmp_path / "cache")
    first = Checker(claims, options, FakeFetcher(PAGES)).run()
    changed = {**PAGES, EIA: PAGES[EIA].replace("averaged 21 million", "averaged 18 million")}
    second = Checker(claims, options, FakeFetcher(changed)).run()
    assert first.results[0].verdict is Verdict.SUPPORTED
    assert second.results[0].verdict is Verdict.CONTRADICTED
    assert second.results[0].discrepancies[0].source == "18 million barrels per day (1.8e+07 barrel per day)"


def test_ctrl_c_gives_the_claims_checked_so_far(claims, tmp_path):
    progress = Recorder(stop_after=1)
    with pytest.raises(Interrupted) as stop:
        Checker(claims, Options(cache_dir=tmp_path / "cache"), FakeFetcher(PAGES)).run(progress)
    assert stop.value.total == 2
    assert [r.claim.id for r in stop.value.report.results] == ["flow"]
    assert progress.events[-1] == "finish"


def test_a_url_article_is_read_through_the_fetcher(claims, tmp_path):
    url = "https://example.org/news/hormuz"
    fetcher = FakeFetcher({**PAGES, url: "<html><body><p>" + ARTICLE.replace("\n\n", "</p><p>") + "</p></body></html>"})
    report = Checker(claims, Options(article=url, cache_dir=tmp_path / "cache"), fetcher).run()
    assert report.article_path == url and url in fetcher.asked
    assert [r.verdict for r in report.results] == [Verdict.SUPPORTED, Verdict.SUPPORTED]
