"""The JSON Schema of the claims file, shipped as package data for editors' YAML language servers."""

from __future__ import annotations

import json
from importlib import resources


def text() -> str:
    return (resources.files(__package__) / "schema.json").read_text(encoding="utf-8")


def schema() -> dict:
    return json.loads(text())
