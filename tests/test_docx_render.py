"""Every template's Word file as LibreOffice lays it out: characters on a line, lines on a page.

The .docx files of the built site are converted to PDF by LibreOffice headless (all in one run)
and measured from the text boxes poppler's pdftotext reports. The layout figures of GB/T
9704-2012 are written out here again, not imported from handbook/export/docx_export.py.
Needs soffice, pdftotext and pdftoppm (apt-get install libreoffice-writer-nogui poppler-utils):
without them the test fails under CI=true and is skipped, loudly, elsewhere.
"""

from __future__ import annotations

import re
from pathlib import Path

import jieba
import pytest

from handbook import jieba_dict
from handbook.export.docx_render import PdfPage, TextLine, missing_tools, pdf_pages, to_pdf
from handbook.template_text import parse
from tests.sitebuild import tool_missing
from tests.test_templates_docx import CASES, _source_text

MM = 72 / 25.4
TOP, BOTTOM = 37 * MM, (297 - 35) * MM  # the 版心, in points from the top of the page
LEFT, RIGHT = 28 * MM, (210 - 26) * MM
PITCH = 225 * MM / 22  # 22 lines in the 225 mm 版心 (28.95 pt)
CHAR = 156 * MM / 28  # 28 characters in the 156 mm line
BODY_BOX_MAX = 24.0  # pdftotext boxes: about 20.8 pt high for 16 pt text, 28.6 pt for the 22 pt title
# Punctuation LibreOffice may hang in the right margin instead of starting a line with it (避头尾).
HANGING = "，。、；：？！）】”》"


def _width(text: str) -> float:
    """Character positions: Latin letters and digits (Times New Roman) take half of one; quotation
    marks, dashes and ellipses (U+2000 on) are set full width in the Chinese font."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def _body_lines(page: PdfPage) -> list[TextLine]:
    return [line for line in page.lines if line.y1 < BOTTOM + 1]


def _footer(page: PdfPage) -> list[TextLine]:
    return [line for line in page.lines if line.y0 > BOTTOM]


def _positions(line: TextLine) -> float:
    """Characters on a body line, its indent included (GB/T counts positions, 28 a line); a
    closing mark hung in the right margin is not on the line."""
    indent = round((line.x0 - LEFT) / CHAR)
    text = line.text
    if line.x1 > RIGHT + 1 and text[-1] in HANGING:
        text = text[:-1]
    return indent + _width(text)


def _lines_used(page: PdfPage) -> int:
    """Grid lines from the top of the 版心 down to the last text line of the page."""
    return round((_body_lines(page)[-1].y1 - TOP) / PITCH)


@pytest.fixture(scope="module")
def rendered(built_site: Path, tmp_path_factory) -> dict[Path, list[PdfPage]]:
    missing = missing_tools()
    if missing:
        tool_missing(f"WORD RENDER TEST NOT RUN: {', '.join(missing)} missing. Install them: "
                     "apt-get install -y libreoffice-writer-nogui poppler-utils")
    documents = {folder: built_site / folder / f"{folder.name}.docx" for _, _, folder in CASES}
    pdfs = to_pdf(list(documents.values()), tmp_path_factory.mktemp("render"))
    return {folder: pdf_pages(pdfs[document]) for folder, document in documents.items()}


def _chinese(source: Path) -> bool:
    return not source.name.endswith(".en.md")


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in CASES], ids=[i for i, _, _ in CASES])
def test_no_page_but_the_last_is_under_half_full(rendered, source: Path, folder: Path) -> None:
    pages = rendered[folder]
    for number, page in enumerate(pages[:-1], start=1):
        bottom = _body_lines(page)[-1].y1
        assert bottom - TOP >= (BOTTOM - TOP) / 2, f"page {number} of {len(pages)} is under half full"


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in CASES], ids=[i for i, _, _ in CASES])
def test_page_numbers(rendered, source: Path, folder: Path) -> None:
    """“— 1 —” in Chinese, odd pages on the right and even pages on the left, one character in."""
    for number, page in enumerate(rendered[folder], start=1):
        footer = _footer(page)
        assert len(footer) == 1, f"page {number}: footer lines {[line.words for line in footer]}"
        text = " ".join(footer[0].words)
        if not _chinese(source):
            assert text == str(number)
            continue
        assert text == f"— {number} —"
        if number % 2:
            assert abs(footer[0].x1 - (RIGHT - 14)) < 3, f"page {number}: not one character from the right"
        else:
            assert abs(footer[0].x0 - (LEFT + 14)) < 3, f"page {number}: not one character from the left"


ZH_CASES = [(i, s, f) for i, s, f in CASES if _chinese(s)]


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in ZH_CASES],
                         ids=[i for i, _, _ in ZH_CASES])
def test_lines_of_28_characters_and_pages_of_22_lines(rendered, source: Path, folder: Path) -> None:
    pages = rendered[folder]
    body = [line for page in pages for line in _body_lines(page) if line.height < BODY_BOX_MAX]
    positions = [_positions(line) for line in body]
    longest = max(positions)
    example = body[positions.index(longest)].text
    assert 26 <= longest <= 28, f"longest body line {longest} characters: {example}"
    for line, count in zip(body, positions, strict=True):
        assert count <= 28, f"{count} characters: {line.text}"
        assert line.x1 <= RIGHT + 16.5, f"runs into the margin: {line.text}"  # a hung 16 pt mark
    for number, page in enumerate(pages, start=1):
        lines = _body_lines(page)
        # Every line on the 28.95 pt grid of 22 lines, none below the 22nd.
        for above, below in zip(lines, lines[1:], strict=False):
            if above.height < BODY_BOX_MAX and below.height < BODY_BOX_MAX:
                steps = (below.y0 - above.y0) / PITCH
                assert abs(steps - round(steps)) < 0.05, f"page {number}: {below.text} is off the grid"
        assert _lines_used(page) <= 22, f"page {number}: {_lines_used(page)} lines"
    if len(pages) > 1:
        fullest = max(_lines_used(page) for page in pages[:-1])
        assert fullest in (21, 22), f"the fullest page holds {fullest} lines"


@pytest.fixture(scope="module")
def words():
    jieba_dict.load_glossary_words()  # as the build does
    return lambda text: jieba.lcut(text, HMM=False)


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in ZH_CASES],
                         ids=[i for i, _, _ in ZH_CASES])
def test_title_is_broken_between_words(rendered, words, source: Path, folder: Path) -> None:
    """GB/T 9704-2012 7.3.2: 回行时，要做到词意完整. A break may fall between two words (jieba's)
    or at either side of a placeholder (inside one only if it is wider than the line), never inside
    a word."""
    title = next(line.text for line in parse(_source_text(source)) if line.kind == "title")
    first = rendered[folder][0]
    title_lines = [line.text for line in _body_lines(first) if line.height >= BODY_BOX_MAX]
    assert "".join(title_lines) == title
    allowed = {0}
    for piece in re.split(r"(【[^【】]*】)", title):
        start = max(allowed)
        offset = start
        # A placeholder is one word, unless it is wider than the title's line (20 characters).
        whole = piece.startswith("【") and _width(piece) <= 20
        for word in [piece] if whole else words(piece):
            offset += len(word)
            allowed.add(offset)
    offset = 0
    for line in title_lines[:-1]:
        offset += len(line)
        assert offset in allowed, f"title broken inside a word: {title[:offset]} / {title[offset:]}"


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in ZH_CASES],
                         ids=[i for i, _, _ in ZH_CASES])
def test_a_line_that_fits_is_not_broken(rendered, source: Path, folder: Path) -> None:
    """A heading, a signature or a date short enough for one line stays on one line: no “日】”
    left alone on the next."""
    rows = {re.sub(r"\s", "", line.text) for page in rendered[folder] for line in _body_lines(page)}
    for line in parse(_source_text(source)):
        text = line.text
        if line.kind not in ("title", "blank") and _width(text) + 2 <= 26:  # + 2: the first-line indent
            assert re.sub(r"\s", "", text) in rows, f"broken across lines: {text}"
