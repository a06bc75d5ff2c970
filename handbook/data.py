"""Load the project's data files (the single sources of truth under data/)."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from handbook import DATA


@cache
def _load(name: str) -> Any:
    with (DATA / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def topics() -> list[dict[str, str]]:
    return _load("topics.yml")


def topic_map() -> dict[str, dict[str, str]]:
    return {topic["slug"]: topic for topic in topics()}


def tags() -> dict[str, Any]:
    return _load("tags.yml")


def source_reports() -> list[dict[str, Any]]:
    return _load("sources.yml")


def glossary() -> list[dict[str, Any]]:
    # An empty glossary still builds (a new fork starts with none); tests/test_content.py
    # holds the real site to its minimum size.
    if not (DATA / "glossary.yml").is_file():
        return []
    return _load("glossary.yml") or []
