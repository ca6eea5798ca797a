"""The claims file's JSON Schema stays in step with the loader: same keys, good files pass, bad ones fail."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import FIXTURES, ROOT
from factcheck.claims import load_claims
from factcheck.claims.keys import ARTICLE_KEYS, CLAIM_KEYS, SOURCE_KEYS, TOP_KEYS
from factcheck.claims.schema import schema

SCHEMA = schema()
BAD = FIXTURES / "claims/bad"
# Bad by what the schema cannot see, each refused by the loader instead.
EXEMPT = {
    "bad_date.yaml": "a date that does not parse is semantics, not structure",
    "duplicate_id.yaml": "JSON Schema cannot say that ids are unique across items",
    "billion_laughs.yaml": "YAML aliases are refused by the reader before any structure is looked at",
    "not_yaml.yaml": "not YAML: there is no structure to validate",
    "python_tag.yaml": "a Python tag is refused by the reader before any structure is looked at",
}


def _as_editor_sees(value: object) -> object:
    """YAML data as a language server validates it: dates are strings."""
    if isinstance(value, dict):
        return {k: _as_editor_sees(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_editor_sees(v) for v in value]
    return value.isoformat() if isinstance(value, date) else value


def _validate(path: Path) -> None:
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(
        _as_editor_sees(yaml.safe_load(path.read_text(encoding="utf-8"))))


def test_schema_declares_exactly_the_loaders_keys():
    defs = SCHEMA["$defs"]
    assert tuple(SCHEMA["properties"]) == TOP_KEYS
    assert tuple(SCHEMA["properties"]["article"]["properties"]) == ARTICLE_KEYS
    assert tuple(defs["source"]["oneOf"][1]["properties"]) == SOURCE_KEYS
    assert tuple(defs["claim"]["properties"]) == CLAIM_KEYS
    jsonschema.Draft202012Validator.check_schema(SCHEMA)



def _good_files() -> list[Path]:
    found = []
    for p in sorted(ROOT.rglob("*.yaml")):
        if ".venv" in p.parts or BAD in p.parents or ".git" in p.parts:
            continue
        try:
            load_claims(p)
        except Exception:
            continue
        found.append(p)
    return found


GOOD_FILES = _good_files()


def test_the_repo_holds_good_claims_files():
    assert FIXTURES / "claims/good.yaml" in GOOD_FILES


@pytest.mark.parametrize("path", GOOD_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_good_claims_file_validates(path: Path):
    _validate(path)


@pytest.mark.parametrize("path", sorted(BAD.glob("*.yaml")), ids=lambda p: p.name)
def test_every_structurally_bad_fixture_fails(path: Path):
    if path.name in EXEMPT:
        pytest.skip(EXEMPT[path.name])
    with pytest.raises(jsonschema.ValidationError):
        _validate(path)


def test_factcheck_schema_prints_the_shipped_schema():
    from click.testing import CliRunner

    from factcheck.cli import main

    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and json.loads(result.output) == SCHEMA
