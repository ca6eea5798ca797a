"""docs/claims-format.md documents every claims-file key, and the examples show each one loading."""

import re

import pytest

from conftest import ROOT
from factcheck.claims import load_claims
from factcheck.claims.keys import ARTICLE_KEYS, CLAIM_KEYS, SOURCE_KEYS, TOP_KEYS
from factcheck.model import Verdict

DOC = (ROOT / "docs" / "claims-format.md").read_text(encoding="utf-8")
EXAMPLES = sorted((ROOT / "examples" / "claims").glob("*.yaml"))


KEYS_DOC, REPORT_DOC = DOC.split("## What the report says")


def _documented() -> set[str]:
    return set(re.findall(r"^\| `([a-z_]+)` \|", KEYS_DOC, re.M))


def test_every_verdict_is_explained():
    assert set(re.findall(r"^\| `([a-z_]+)` \|", REPORT_DOC, re.M)) == {v.value for v in Verdict}


def test_every_key_the_loader_knows_is_documented_and_nothing_else():
    assert _documented() == set(TOP_KEYS) | set(ARTICLE_KEYS) | set(SOURCE_KEYS) | set(CLAIM_KEYS)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_each_example_loads(path):
    assert load_claims(path).claims


def test_every_documented_key_and_source_form_appears_in_an_example_that_loads():
    texts = "\n".join(p.read_text(encoding="utf-8") for p in EXAMPLES if load_claims(p))
    for key in _documented():
        assert re.search(rf"^\s*(- )?{key}:", texts, re.M), key
    loaded = [load_claims(p) for p in EXAMPLES]
    specs = [s for f in loaded for c in f.claims for s in c.sources]
    assert any(s.url and s.key == s.url for s in specs)  # a bare URL
    assert any(s.url is None and s.archive and s.key.endswith(".html") for s in specs)  # a local path
    assert any(s.url and s.archive and s.selector for s in specs)  # a named source with archive and selector
    assert any(f.article.url for f in loaded) and any(c.accepted for f in loaded for c in f.claims)
    assert any(c.expect is None for f in loaded for c in f.claims)  # expect is optional


def test_the_readme_sends_readers_to_docs_in_the_repo_not_outside_it():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "../shared" not in readme and "docs/claims-format.md" in readme
