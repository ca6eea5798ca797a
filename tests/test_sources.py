"""Sources: archives, local files and the cache of extracted text."""


from conftest import ROOT
from factcheck.model import SourceSpec, Via
from factcheck.sources import TextCache, read_local

PAGE = ROOT / "fixtures" / "pages" / "eia_hormuz.html"


def test_archive_is_read_as_readable_text_without_the_sidebar():
    doc = read_local(SourceSpec("eia", archive=PAGE))
    assert doc.via is Via.FILE and doc.error is None and len(doc.sha256) == 64  # no URL: a local file (SPEC §6)
    assert "21 million barrels per day" in doc.text and "<" not in doc.text


def test_extracted_text_is_cached_by_body_hash_and_reused(tmp_path):
    texts = TextCache(tmp_path)
    first = read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    (entry,) = list((tmp_path / "text-v1").glob("*/*"))
    # A later run takes the stored text as it is: prove it by planting a marker in the entry.
    entry.write_text(entry.read_text(encoding="utf-8").replace("21 million", "MARKER 21 million"), encoding="utf-8")
    second = read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    assert "MARKER" in second.text and second.text.replace("MARKER ", "") == first.text


def test_a_corrupt_text_entry_is_rebuilt(tmp_path):
    texts = TextCache(tmp_path)
    first = read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    (entry,) = list((tmp_path / "text-v1").glob("*/*"))
    entry.write_bytes(b"\x00not json")
    assert read_local(SourceSpec("eia", archive=PAGE), texts=texts).text == first.text


def test_another_selector_is_another_entry(tmp_path):
    texts = TextCache(tmp_path)
    read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    narrowed = read_local(SourceSpec("eia", archive=PAGE, selector="h1"), texts=texts)
    assert len(list((tmp_path / "text-v1").glob("*/*"))) == 2
    assert "21 million" not in narrowed.text


def test_unreadable_archive_is_an_error_document(tmp_path):
    doc = read_local(SourceSpec("gone", archive=tmp_path / "gone.html"))
    assert doc.error and "gone.html" in doc.error and doc.text == ""


def test_a_cache_directory_linked_out_of_the_claims_tree_is_never_written(tmp_path):
    """A `.factcheck-cache` committed as a symlink to elsewhere: neither the HTTP cache nor the
    readable-text cache writes through it."""
    import shutil

    from factcheck.engine import Options, verify

    tree, outside = tmp_path / "tree", tmp_path / "outside"
    shutil.copytree(ROOT / "fixtures" / "e2e", tree, ignore=shutil.ignore_patterns(".factcheck-cache"))  # a local run's cache
    outside.mkdir()
    (tree / ".factcheck-cache").symlink_to(outside, target_is_directory=True)
    report = verify(tree / "claims.yaml", Options(offline=True))
    assert report.results
    assert list(outside.iterdir()) == []


def test_the_whole_text_and_the_page_date_are_cached_beside_the_readable_text(tmp_path):
    """A warm run parses no HTML: the page's whole visible text and its date come from the entry."""
    texts = TextCache(tmp_path)
    first = read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    assert first.full_text and first.full_text != first.text
    (entry,) = list((tmp_path / "text-v1").glob("*/*"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("21 million", "MARKER 21 million"), encoding="utf-8")
    second = read_local(SourceSpec("eia", archive=PAGE), texts=texts)
    assert "MARKER" in second.full_text and second.page_date == first.page_date
