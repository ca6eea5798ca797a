"""What every format shares: the registry that drives --format and -o, and an empty report."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportkit import build, results_of, soup

from factcheck.cli import main
from factcheck.model import Report
from factcheck.reports import ALIASES, FORMATS, Style, format_for, html, junit, markdown, render


def test_every_format_renders_an_empty_report():
    report = Report(Path("c.yaml"), "a.txt", "0" * 64, (), article_text="")
    assert "**Passed**" in markdown.render(report)
    assert soup(html.render(report)).select("article.card") == []
    assert ET.fromstring(junit.render(report)).get("tests") == "0"
    assert results_of(report) == []


@pytest.mark.parametrize("name, fmt", [
    ("r.txt", "text"), ("r.json", "json"), ("r.md", "markdown"), ("r.markdown", "markdown"), ("r.html", "html"),
    ("R.HTM", "html"), ("r.xml", "junit"), ("r.sarif", "sarif"), ("out/r.sarif.json", "sarif"), ("r.pdf", None),
    ("report", None),
])
def test_the_registry_gives_the_format_of_an_output_file(name, fmt):
    assert format_for(name) == fmt


def test_format_choices_on_the_command_line_are_the_registry():
    result = CliRunner().invoke(main, ["verify", "--help"])
    listed = re.search(r"\[([a-z|]+)\]", result.output.replace("\n", " ").replace(" ", ""))
    assert listed is not None and set(listed.group(1).split("|")) == set(FORMATS) | set(ALIASES)
    bad = CliRunner().invoke(main, ["verify", "--format", "pdf"])
    assert bad.exit_code == 2 and all(name in bad.output for name in FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_registered_format_renders_the_reference_report(fmt):
    text = render(build(), fmt, Style())
    assert "envoy-name" in text and "hormuz-share" in text
