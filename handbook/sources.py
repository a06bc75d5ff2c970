"""Split the source file of the five reports into reports and paragraphs.

The file keeps the reports as they were found: one paragraph a line, except where a line was
broken in the middle of a sentence (the original's page breaks). Those continuation lines are
joined back to the paragraph they belong to; nothing else is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook import DATA

SOURCE_FILE = DATA / "sources" / "000_8e0ad0ba6e2b8ed7.txt"
HEADING = re.compile(r"第([一二三四五六七八九十]+)篇:")
NUMERALS = "一二三四五六七八九十"
# A line ending in one of these closes its paragraph; a heading line ends without one too, so
# headings are recognised by their numbering instead.
CLOSING = tuple("。:：！？”)")
HEADING_LINE = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+、|第.篇)")


@dataclass
class Report:
    number: int
    heading: str
    paragraphs: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"report-{self.number}"


def _is_continuation(previous: str, line: str) -> bool:
    """A line continues the previous one when that one stopped mid-sentence."""
    if not previous or previous.endswith(CLOSING) or HEADING_LINE.match(previous):
        return False
    # Titles and date lines of the reports end without punctuation but are complete.
    return not previous.endswith(("汇报", "月", "日", "情况", "措施", "工程", "转型", "问题"))


def split_reports(text: str) -> list[Report]:
    """Return the five reports with their paragraphs, in file order."""
    reports: list[Report] = []
    lines: list[str] = []
    for raw in text.splitlines():
        # The fifth heading stands in the middle of a line; put it on a line of its own.
        parts = HEADING.split(raw)
        if len(parts) > 1 and parts[0].strip():
            lines.append(parts[0])
            raw = raw[len(parts[0]):]
        lines.append(raw)
    for line in lines:
        match = HEADING.match(line)
        if match:
            number = NUMERALS.index(match.group(1)) + 1
            reports.append(Report(number=number, heading=line[match.end():].strip()))
            continue
        if not reports or not line.strip():
            continue
        paragraphs = reports[-1].paragraphs
        if paragraphs and _is_continuation(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return reports


def load_reports(path: Path = SOURCE_FILE) -> list[Report]:
    return split_reports(path.read_text(encoding="utf-8"))


REFERENCE = re.compile(r"report-([1-9])(?:#p(\d+))?")


def reference_label(reference: str, locale: str) -> str | None:
    """How pages cite a report paragraph: `report-2#p14` → 第二篇第14段 / Report 2, paragraph 14.

    None when `reference` is not a report reference (a document name or a page path)."""
    match = REFERENCE.fullmatch(reference)
    if not match:
        return None
    number, paragraph = int(match.group(1)), match.group(2)
    if locale == "en":
        return f"Report {number}" + (f", paragraph {paragraph}" if paragraph else "")
    return f"第{NUMERALS[number - 1]}篇" + (f"第{paragraph}段" if paragraph else "")
