"""The front matter schema of content pages: one definition used by the build, the tests and
the meta linter."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.data import source_reports, tags, topic_map

PAGE_TYPES = ("standard", "practice", "template", "guide", "source", "glossary")
REQUIRED = ("title", "type", "topic", "tags", "sources", "updated")
# Optional: description, a one-sentence purpose (shown in the template library and as the page's
# meta description); translation_of, the content hash of the Chinese source on an English page;
# lint-disable, rule IDs the linters skip on this page; hide and search, Material's own keys.
OPTIONAL = ("description", "translation_of", "lint-disable", "hide", "search")
GENERAL_TOPIC = "general"
HASH = re.compile(r"[0-9a-f]{8,64}")
# libyaml's loader when PyYAML was built with it: front matter is parsed for every page by the
# build and the linters, and the pure-Python loader dominates their time.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*\r?$", re.S | re.M)


@dataclass
class Problem:
    key: str
    message: str


class FrontMatterError(ValueError):
    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """Return (meta or None, body, number of lines the front matter block takes).

    Raises FrontMatterError with a 1-based line for YAML that does not parse or is not a mapping.
    """
    match = FENCE.match(text)
    if not match:
        if text.lstrip("\ufeff").startswith("---"):
            raise FrontMatterError("front matter opened with --- but never closed", 1)
        return None, text, 0
    block = match.group(1)
    try:
        meta = yaml.load(block, Loader=_LOADER)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = (mark.line + 2) if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line) from None
    except ValueError as error:
        # PyYAML builds dates itself: 2025-02-30 matches its timestamp pattern but is no date.
        bad = re.search(r"^[^\n]*\b\d{4}-\d{1,2}-\d{1,2}\b", block, re.M)
        line = block[: bad.start()].count("\n") + 2 if bad else 2
        raise FrontMatterError(f"front matter holds an impossible date: {error}", line) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise FrontMatterError("front matter must be a mapping of keys to values", 2)
    consumed = text[: match.end()].count("\n") + 1
    return meta, text[match.end():], consumed


def read_front_matter(path: Path) -> tuple[dict[str, Any] | None, str]:
    """(meta or None, body) of a page file; a FrontMatterError names the file and line."""
    try:
        meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    except FrontMatterError as error:
        raise FrontMatterError(f"{path}:{error.line}: {error}", error.line) from None
    return meta, body


def allowed_tags(locale: str) -> set[str]:
    data = tags()
    names = {item[locale] for item in data["unit_levels"] + data["keywords"]}
    return names


def check(meta: dict[str, Any], locale: str = "zh") -> list[Problem]:
    """Problems with one page's front matter; an empty list means it is valid."""
    problems: list[Problem] = []
    for key in REQUIRED:
        if key not in meta:
            problems.append(Problem(key, f"missing required key '{key}'"))
    if problems:
        return problems
    if not isinstance(meta["title"], str) or not meta["title"].strip():
        problems.append(Problem("title", "title must be a non-empty string"))
    if meta["type"] not in PAGE_TYPES:
        problems.append(Problem("type", f"type '{meta['type']}' is not one of {', '.join(PAGE_TYPES)}"))
    if meta["topic"] != GENERAL_TOPIC and meta["topic"] not in topic_map():
        problems.append(Problem("topic", f"unknown topic '{meta['topic']}' (see data/topics.yml)"))
    if not isinstance(meta["tags"], list):
        problems.append(Problem("tags", "tags must be a list"))
    else:
        known = allowed_tags(locale)
        for tag in meta["tags"]:
            if tag not in known:
                problems.append(Problem("tags", f"tag '{tag}' is not in data/tags.yml for language '{locale}'"))  # noqa: E501
    if not isinstance(meta["sources"], list):
        problems.append(Problem("sources", "sources must be a list"))
    else:
        reports = {item["id"] for item in source_reports()}
        for source in meta["sources"]:
            if not isinstance(source, str) or not source.strip():
                problems.append(Problem("sources", "every source must be a non-empty string"))
            elif source.startswith("report-") and source not in reports:
                problems.append(Problem("sources", f"unknown source report '{source}'"))
    description = meta.get("description")
    if "description" in meta and (not isinstance(description, str) or not description.strip()):
        problems.append(Problem("description", "description must be a non-empty string"))
    # An empty translation_of marks a twin that is not translated yet (as `make new` writes it).
    if "translation_of" in meta and not (
        isinstance(meta["translation_of"], str)
        and (meta["translation_of"] == "" or HASH.fullmatch(meta["translation_of"]))
    ):
        problems.append(Problem("translation_of",
                                "translation_of must be the content hash of the Chinese source "
                                "(a hexadecimal string, 8 to 64 characters), or \"\" while untranslated"))
    if "lint-disable" in meta:
        value = meta["lint-disable"]
        is_list_of_ids = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not (isinstance(value, str) or is_list_of_ids):
            problems.append(Problem("lint-disable", "lint-disable must be a list of rule IDs"))
    updated = meta["updated"]
    if isinstance(updated, str):
        try:
            updated = dt.date.fromisoformat(updated)
        except ValueError:
            problems.append(Problem("updated", f"updated '{meta['updated']}' is not an ISO date"))
    if isinstance(updated, dt.date) and updated > dt.date.today():
        problems.append(Problem("updated", f"updated {updated} lies in the future"))
    elif not isinstance(updated, (dt.date, str)):
        problems.append(Problem("updated", "updated must be an ISO date (YYYY-MM-DD)"))
    return problems
