"""The text of a template page: finding the ```template fence and reading its structure.

One parser serves the web page (handbook.fences marks each line with its kind), the Word file
(handbook.export.docx_export) and the tests, so that the three never disagree about what a line is.

Kinds of line, following CONTRIBUTING.md §4 and the 层次序数 of GB/T 9704-2012 (7.3.3):
  docnumber  发文字号 (and 签发人) lines above the title, the 版头 of GB/T 9704-2012 (7.2)
  title      the first line (after any docnumber lines)
  addressee  主送机关: the first line after the title if it ends with a colon
  l1 … l4    一、 / （一） / 1. / （1）  (English twins: see NUMBERING)
  body       any other line
  blank      an empty line
  signature  署名 lines of the closing block (the lines after the last blank line)
  date       the last line of the closing block (成文日期)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A fenced block with the language `template` (or `phrase`), backticks or tildes, at any indent
# the Markdown allows at the top level. The closing fence uses the same character, at least as long.
FENCE = re.compile(
    r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>template|phrase)\b[^\n]*\n"
    r"(?P<body>.*?)"
    r"^(?P=indent)(?P=fence)[`~]*[ \t]*$",
    re.S | re.M,
)
PLACEHOLDER = re.compile(r"【[^【】\n]*】")

_CN = "一二三四五六七八九十"
# Numbering styles. Chinese texts use the fixed levels of GB/T 9704-2012 一、（一）1.（1）. English
# twins may keep those or use I. / (1) / 1. / (a): when a text has Roman numerals or letters,
# its levels follow the order in which the styles first appear (I. then (1) then 1. …).
NUMBERING: list[tuple[str, re.Pattern[str]]] = [
    ("cn1", re.compile(rf"^[{_CN}]+、")),
    ("cn2", re.compile(rf"^（[{_CN}]+）")),
    ("roman", re.compile(r"^[IVXLC]+\.\s")),
    ("paren-roman", re.compile(r"^\((?:[IVXLC]+|[ivxlc]+)\)\s?")),
    ("paren-alpha", re.compile(r"^\([a-z]\)\s?")),
    ("arabic", re.compile(r"^\d+[.．](?!\d)")),
    ("paren-arabic", re.compile(r"^(?:（\d+）|\(\d+\))")),
]
FIXED_LEVELS = {"cn1": "l1", "cn2": "l2", "arabic": "l3", "paren-arabic": "l4"}
# A 发文字号 line: 机关代字〔年份〕序号号, or a placeholder naming it, optionally followed by 签发人
# ("Signed by" in English twins).
# The whole line must have that form, so that a title citing a document number stays a title.
DOC_NUMBER_LINE = re.compile(
    r"^(?:【[^【】]*发文字号[^【】]*】|[^\s【】〔〕]{1,20}〔[^\s〔〕]{1,12}〕[^\s〔〕]{1,12}号)"
    r"(?:[ \t\u3000]*(?:签发人|[Ss]igned by)[:：][ \t\u3000]*\S.*)?$")
DATE_LINE = re.compile(r"日期|\d{4}年\d{1,2}月\d{1,2}日|\b[Dd]ate\b")
SIGNATURE_LINE = re.compile(
    r"签字|签名|盖章|signature|seal"
    r"|^【[^【】]*(?:名称|单位|办公室|机关|name|office|government)[^【】]*】$", re.I)
# A closing block longer than this is part of the body, not a signature.
MAX_SIGNATURE_LINES = 6


@dataclass(frozen=True)
class Line:
    kind: str
    text: str


@dataclass(frozen=True)
class Fence:
    text: str  # without the fence lines and the indent
    end: int  # offset in the page just after the closing fence


def fences(markdown: str, lang: str = "template") -> Iterator[Fence]:
    """Every fence of the given language in a page, in order."""
    for match in FENCE.finditer(markdown):
        if match.group("lang") != lang:
            continue
        indent = len(match.group("indent"))
        lines = [line[indent:] if line[:indent].strip() == "" else line
                 for line in match.group("body").split("\n")]
        yield Fence("\n".join(lines).rstrip("\n"), match.end())


def extract(markdown: str, lang: str = "template") -> list[str]:
    """The texts of every fence of the given language in a page, in order, without the fences."""
    return [fence.text for fence in fences(markdown, lang)]


def first_template(markdown: str) -> Fence | None:
    """The first ```template fence of a page, which holds its template text, or None."""
    return next(fences(markdown, "template"), None)


def template_of(markdown: str) -> str | None:
    """The template text of a template page (its first ```template fence), or None."""
    fence = first_template(markdown)
    return fence.text if fence else None


def numbering(text: str) -> str | None:
    for style, pattern in NUMBERING:
        if pattern.match(text):
            return style
    return None


def _levels(styles: list[str | None]) -> dict[str, str]:
    """Level of each numbering style present in a text."""
    present = [style for style in styles if style]
    if all(style in FIXED_LEVELS for style in present):
        return FIXED_LEVELS
    order = list(dict.fromkeys(present))
    return {style: f"l{min(position + 1, 4)}" for position, style in enumerate(order)}


def parse(text: str) -> list[Line]:
    """Classify every line of a template text (one Line per line, blank lines included)."""
    raw = text.rstrip("\n").split("\n")
    head = _head_length(raw)
    title = next((i for i in range(head, len(raw)) if raw[i].strip()), head)
    styles = [numbering(line.strip()) if index > title else None for index, line in enumerate(raw)]
    levels = _levels(styles)
    kinds: list[str] = []
    for index, line in enumerate(raw):
        if not line.strip():
            kinds.append("blank")
        elif index < head:
            kinds.append("docnumber")
        elif index == title:
            kinds.append("title")
        else:
            kinds.append(levels[styles[index]] if styles[index] else "body")
    # 主送机关: the first non-blank line after the title, ending with a colon.
    for index in range(title + 1, len(raw)):
        if kinds[index] == "blank":
            continue
        if kinds[index] == "body" and raw[index].rstrip().endswith(("：", ":")) \
                and display_width(raw[index]) <= 50:
            kinds[index] = "addressee"
        break
    # Closing block: the lines after the last blank line, when short and not the title's own group.
    blanks = [i for i, kind in enumerate(kinds) if kind == "blank"]
    if blanks:
        start = blanks[-1] + 1
        block = range(start, len(raw))
        if 0 < len(block) <= MAX_SIGNATURE_LINES and start > title + 1 \
                and all(kinds[i] == "body" for i in block):
            for i in block:
                kinds[i] = "signature"
            kinds[block[-1]] = "date"
    if "date" not in kinds and len(raw) > 2 and kinds[-1] == "body" and DATE_LINE.search(raw[-1]):
        # No blank line before the closing: the date line, and the signature lines right above it.
        kinds[-1] = "date"
        index = len(raw) - 2
        while index > title + 1 and kinds[index] == "body" and SIGNATURE_LINE.search(raw[index]):
            kinds[index] = "signature"
            index -= 1
    return [Line(kind, line) for kind, line in zip(kinds, raw, strict=True)]


def _head_length(raw: list[str]) -> int:
    """Number of leading lines (blank lines between them included) that are 发文字号 lines."""
    head = 0
    for index, line in enumerate(raw):
        if DOC_NUMBER_LINE.match(line.strip()):
            head = index + 1
        elif line.strip():
            break
    return head if head < len(raw) else 0


def display_width(text: str) -> float:
    """Width in full-width characters: ASCII counts half (Times New Roman digits beside 仿宋)."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def filled_width(text: str) -> float:
    """Estimated width of a line once its placeholders are filled: a placeholder counts as its
    example after 如 (【成文日期，如2025年3月1日】 → 2025年3月1日) or else as its own words."""
    def example(match: re.Match[str]) -> str:
        inner = match.group(0)[1:-1]
        return inner.split("如", 1)[1] if "如" in inner else inner
    return display_width(PLACEHOLDER.sub(example, text))


def placeholders(text: str) -> list[str]:
    """Distinct placeholders in order of first appearance."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(text):
        seen.setdefault(match.group(0))
    return list(seen)
