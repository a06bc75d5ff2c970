"""Load the project's data files (the single sources of truth under data/).

Each file is checked for the shape the site relies on when it is first read: a missing key, a
mapping where a list belongs or an id that cannot be an HTML anchor stops the build and the
linters with one line naming the file and the entry's line, not with a traceback later.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from handbook import DATA


class DataError(ValueError):
    """A data file is missing or does not parse; the message names the file and line."""


# libyaml's loader when PyYAML has it: the pure-Python one takes most of a short lint run's time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """The YAML document in `path`; a DataError names the file (and line) when it cannot be read."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except OSError as error:
        raise DataError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise DataError(f"{path}:{line}: not UTF-8 (save the file as UTF-8)") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise DataError(f"{path}{line}: {getattr(error, 'problem', None) or error}") from None


@cache
def _load(name: str) -> Any:
    return read_yaml(DATA / name)


def reload_data() -> None:
    """Forget what was read, so that the next call reads the data files again."""
    _load.cache_clear()
    _checked.cache_clear()


# Ids and slugs become URLs and HTML anchors.
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")
TEXT, TEXTS, OPTIONAL_TEXT = "text", "list of texts", "optional text"
SCHEMAS: dict[str, dict[str, str]] = {
    "topics.yml": {"slug": TEXT, "zh": TEXT, "en": TEXT, "summary_zh": TEXT, "summary_en": TEXT},
    "glossary.yml": {"id": TEXT, "term": TEXT, "definition": TEXT, "en": TEXT,
                     "en_definition": OPTIONAL_TEXT, "aliases": TEXTS, "deprecated": TEXTS,
                     "source": OPTIONAL_TEXT},
    "sources.yml": {"id": TEXT},
}
KEYS = {"topics.yml": "slug", "glossary.yml": "id", "sources.yml": "id"}


def _line(name: str, index: int) -> str:
    """":N", the line where entry `index` of a list file starts ("" when it cannot be told)."""
    try:
        node = yaml.compose((DATA / name).read_text(encoding="utf-8"))
        return f":{node.value[index].start_mark.line + 1}"
    except (yaml.YAMLError, OSError, AttributeError, IndexError, TypeError):
        return ""


def _problem(entry: Any, schema: dict[str, str]) -> str | None:
    if not isinstance(entry, dict):
        return f"an entry must be a mapping of keys to values, not {type(entry).__name__}"
    for key, kind in schema.items():
        value = entry.get(key)
        if kind == TEXT and (not isinstance(value, str) or not value.strip()):
            return f"`{key}` is missing or not text"
        if kind == OPTIONAL_TEXT and value is not None and not isinstance(value, str):
            return f"`{key}` must be text"
        if kind == TEXTS and value is not None and not (
                isinstance(value, list) and all(isinstance(item, str) for item in value)):
            return f"`{key}` must be a list of texts"
    return None


@cache
def _checked(name: str) -> Any:
    data = _load(name)
    path = DATA / name
    if name == "tags.yml":
        return _checked_tags(data, path)
    if data is None:
        data = []
    if not isinstance(data, list):
        raise DataError(f"{path}: must be a list of entries (- {KEYS[name]}: …), not a {type(data).__name__}")
    schema, seen = SCHEMAS[name], set()
    for index, entry in enumerate(data):
        problem = _problem(entry, schema)
        key = entry.get(KEYS[name]) if problem is None else None
        if problem is None and not SLUG.fullmatch(key):
            problem = f"`{KEYS[name]}` {key!r} must be lower-case ASCII letters, digits and hyphens"
        if problem is None and key in seen:
            problem = f"`{KEYS[name]}` {key!r} is used twice"
        if problem is not None:
            label = f" (entry {index + 1}{', ' + repr(key) if key else ''})"
            raise DataError(f"{path}{_line(name, index)}: {problem}{label}")
        seen.add(key)
    return data


def _checked_tags(data: Any, path) -> dict[str, Any]:
    pair = {"zh": TEXT, "en": TEXT}
    if not isinstance(data, dict):
        raise DataError(f"{path}: must be a mapping with unit_levels, types and keywords")
    for group in ("unit_levels", "keywords"):
        items = data.get(group)
        if not isinstance(items, list) or any(_problem(item, pair) for item in items):
            raise DataError(f"{path}: `{group}` must be a list of {{zh: …, en: …}}")
    types = data.get("types")
    if not isinstance(types, dict) or any(_problem(item, pair) for item in types.values()):
        raise DataError(f"{path}: `types` must map each page type to {{zh: …, en: …}}")
    return data


def topics() -> list[dict[str, str]]:
    return _checked("topics.yml")


def topic_map() -> dict[str, dict[str, str]]:
    return {topic["slug"]: topic for topic in topics()}


def tags() -> dict[str, Any]:
    return _checked("tags.yml")


def source_reports() -> list[dict[str, Any]]:
    return _checked("sources.yml")


def glossary() -> list[dict[str, Any]]:
    """The glossary; a missing glossary.yml is an error (the glossary page, tooltips, the search
    dictionary and the terminology rules all come from it)."""
    return _checked("glossary.yml")
