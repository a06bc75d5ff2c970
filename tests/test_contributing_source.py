"""CONTRIBUTING.md is the one source of the contributor workflow: the site's Contributing pages
include its sections, and pages can include nothing else from outside docs/."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from pymdownx.snippets import SnippetMissingError

from tests.sitebuild import ROOT

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def _section(name: str) -> str:
    match = re.search(rf"--8<-- \[start:{name}\].*?\n(.*?)\n[^\n]*--8<-- \[end:{name}\]", CONTRIBUTING, re.S)
    assert match, f"no section {name} in CONTRIBUTING.md"
    return match.group(1)


def _words(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _snippets_config() -> dict:
    loader = type("Loader", (yaml.SafeLoader,), {})
    loader.add_multi_constructor("", lambda _loader, _suffix, _node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=loader)
    for item in config["markdown_extensions"]:
        if isinstance(item, dict) and "pymdownx.snippets" in item:
            return item["pymdownx.snippets"]
    raise AssertionError("pymdownx.snippets is not configured")


@pytest.mark.parametrize("command", ["make new", "make check-pr", "pre-commit install"])
def test_contributing_names_the_workflow_commands(command: str) -> None:
    assert command in CONTRIBUTING


@pytest.mark.parametrize(("page", "locale"), [("contributing", "zh"), ("en/contributing", "en")])
def test_site_page_shows_the_sections_of_contributing_md(built_site: Path, page: str, locale: str) -> None:
    article = BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    shown = _words(article.get_text())
    for name in (f"new-page-{locale}", f"checks-{locale}"):
        # The section's prose, without Markdown marks, appears on the page as it is in the file.
        for paragraph in re.split(r"\n\s*\n", _section(name)):
            if paragraph.startswith("```"):
                continue
            plain = _words(re.sub(r"[`*]", "", paragraph))
            assert plain in shown, (page, plain[:60])
    assert "make check-pr" in article.get_text() and "pre-commit install" in article.get_text()


@pytest.mark.parametrize("target", ["mkdocs.yml", "../CONTRIBUTING.md", "handbook/__init__.py"])
def test_pages_can_include_no_other_file(target: str) -> None:
    config = _snippets_config()
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={
        "pymdownx.snippets": {**config, "base_path": [str(ROOT / p) for p in config["base_path"]]}})
    assert "make new" in md.convert('--8<-- "CONTRIBUTING.md:new-page-zh"')
    with pytest.raises(SnippetMissingError):
        md.reset().convert(f'--8<-- "{target}"')
