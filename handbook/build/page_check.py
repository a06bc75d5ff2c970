"""Checks of every page file that the build makes before MkDocs reads it.

MkDocs renders front matter that does not parse (or is a list) into the page as text, stops on a
page that is not UTF-8 with a traceback, and recurses once per level of a nested list. The build
hook runs these checks first: unusable input stops the build with one line naming the file and
line; a value the site cannot use (an unknown topic or type, an impossible or future date) is a
warning, which fails the strict build.
"""

from __future__ import annotations

import re
from pathlib import Path

from handbook.frontmatter import FrontMatterError, check, split_front_matter
from handbook.tools.translations import is_english

# Front matter keys whose values the build itself relies on; the others are the linter's.
BUILD_KEYS = ("title", "type", "topic", "updated")
# Python-Markdown recurses once per nesting level (lists, quotes); far below Python's limit.
MAX_NESTING = 40
_LIST_ITEM = re.compile(r"^([ \t]*)(?:[-*+]|\d{1,9}[.)])[ \t]", re.M)
_QUOTE = re.compile(rf"^[ \t]*((?:>[ \t]?){{{MAX_NESTING},}})", re.M)


class PageError(ValueError):
    """A page the build cannot use; the message is one line with the file and line."""


def read_page(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PageError(f"{path}:{line}: not UTF-8 (GBK?): save the page as UTF-8") from None


def _line_of(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}[ \t]*:", text, re.M)
    return text[: match.start()].count("\n") + 1 if match else 1


def _nesting(path: Path, text: str) -> None:
    for match in _LIST_ITEM.finditer(text):
        indent = match.group(1).expandtabs(4)
        if len(indent) // 4 > MAX_NESTING:
            line = text[: match.start()].count("\n") + 1
            raise PageError(f"{path}:{line}: list nested more than {MAX_NESTING} levels deep")
    quote = _QUOTE.search(text)
    if quote:
        line = text[: quote.start()].count("\n") + 1
        raise PageError(f"{path}:{line}: quotes nested more than {MAX_NESTING} levels deep")


def problems(path: Path) -> list[str]:
    """Warnings for `path` ("file:line: message"); raises PageError when the page is unusable."""
    text = read_page(path)
    _nesting(path, text)
    try:
        meta, _body, _ = split_front_matter(text)
    except FrontMatterError as error:
        raise PageError(f"{path}:{error.line}: {error}") from None
    if meta is None:
        return []
    try:
        found = check(meta, "en" if is_english(path) else "zh")
    except (TypeError, ValueError, AttributeError) as error:
        return [f"{path}:1: front matter cannot be checked: {error}"]
    return [f"{path}:{_line_of(text, problem.key)}: {problem.message}"
            for problem in found if problem.key in BUILD_KEYS and problem.key in meta]
