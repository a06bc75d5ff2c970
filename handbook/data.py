"""Load the project's data files (the single sources of truth under data/)."""

from __future__ import annotations

from functools import cache
from typing import Any

import yaml

from handbook import DATA


class DataError(ValueError):
    """A data file is missing or does not parse; the message names the file and line."""


@cache
def _load(name: str) -> Any:
    path = DATA / name
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except OSError as error:
        raise DataError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise DataError(f"{path}{line}: {getattr(error, 'problem', None) or error}") from None


def reload_data() -> None:
    """Forget what was read, so that the next call reads the data files again."""
    _load.cache_clear()


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
