"""The page scanner takes time linear in the length of a line, whatever the line holds.

Long pathological lines (runs of address characters without "@", unclosed comments, attribute
lists, autolinks…) once made one branch of the inline scanner scan to the end of the line from
every position: a 100,000-character line took 10 s and a 1.9 MB line never finished. Each line
here is scanned (and checked by the privacy and wording linters) at two lengths in one run; four
times the text must take about four times as long, never the sixteen times of quadratic work.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from handbook.lint import privacy, terms
from handbook.lint.markdown_scan import read_document

UNITS = ["a", "a.", "a-", "1", "138 ", "联系a@b", "`a ", "<a ", "[", "[a](", "{:", "{#", "&a", ":a-",
         "http://", "www.", "<!--", "-->", "<http:", "<mailto:", "![a](", "*", "_", "~~", "==", "^^",
         "【", "\\", "|"]
SHORT, LONG = 25_000, 100_000


def _seconds(text: str) -> float:
    started = time.perf_counter()
    doc = read_document(Path("page.md"), text=text)
    privacy.check(doc)
    terms.check(doc)
    return time.perf_counter() - started


@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("tail", ["", "@", "-->", "}"])
def test_long_line_takes_linear_time(unit: str, tail: str) -> None:
    def line(length: int) -> str:
        return "# 标题\n\n" + "-->" * (tail == "-->") + unit * (length // len(unit)) + tail + "\n"

    _seconds(line(1000))  # warm the caches (glossary, wording lists)
    short = min(_seconds(line(SHORT)) for _ in range(2))
    long = _seconds(line(LONG))
    assert long < 10 * short + 0.5, f"{unit!r}: {short:.3f} s for {SHORT} characters, {long:.3f} s for {LONG}"
