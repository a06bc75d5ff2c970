"""The Word and plain-text files of every template page, and the template library.

Each generated .docx is opened with python-docx and checked against GB/T 9704-2012 (Chinese) or
the plain English layout, and its text against the template text of the page it belongs to.
The expectations are written out here independently of handbook/export/docx_export.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from handbook.export.docx_export import build_docx, plain_text_file
from handbook.fences import render_phrase, render_template
from handbook.template_text import parse
from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```template[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)

# GB/T 9704-2012, written out again rather than imported.
A4 = (Mm(210), Mm(297))
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
TEXT_WIDTH_PT = 156 / 25.4 * 72
ZH_LEVEL_FONTS = [  # (pattern, East Asian font, size in pt)
    (re.compile(r"^[一二三四五六七八九十]+、"), "黑体", 16),
    (re.compile(r"^（[一二三四五六七八九十]+）"), "楷体_GB2312", 16),
    (re.compile(r"^\d+[.．]"), "仿宋_GB2312", 16),
    (re.compile(r"^（\d+）"), "仿宋_GB2312", 16),
]


def _template_pages() -> list[tuple[str, Path, Path]]:
    """(id, Markdown source whose text the page shows, built page folder) for both languages."""
    cases = []
    for source in sorted(DOCS.glob("topics/*/template-*.md")):
        if source.name.endswith(".en.md"):
            continue
        relative = source.relative_to(DOCS).with_suffix("")
        cases.append((f"zh:{relative}", source, Path(relative)))
        twin = source.with_name(source.stem + ".en.md")
        # Without a twin, /en/ shows the Chinese page (and its Chinese files).
        cases.append((f"en:{relative}", twin if twin.is_file() else source, Path("en") / relative))
    return cases


CASES = _template_pages()


def _source_text(source: Path) -> str:
    match = FENCE.search(source.read_text(encoding="utf-8"))
    assert match, f"{source} has no ```template block"
    return match.group(1).rstrip("\n")


def _resolve(style, read):
    """A style property, following basedOn until a style sets it."""
    while style is not None:
        value = read(style)
        if value is not None:
            return value
        style = style.base_style
    return None


def _east_asian(style) -> str | None:
    def read(s):
        rpr = s.element.rPr
        fonts = rpr.rFonts if rpr is not None else None
        return fonts.get(qn("w:eastAsia")) if fonts is not None else None
    return _resolve(style, read)


def _latin(style) -> str | None:
    return _resolve(style, lambda s: s.font.name)


def _size(style):
    return _resolve(style, lambda s: s.font.size)


def _char_spacing(style) -> int:
    """w:spacing of the run properties (字符间距), in twips, following basedOn."""
    def read(s):
        rpr = s.element.rPr
        spacing = rpr.find(qn("w:spacing")) if rpr is not None else None
        return int(spacing.get(qn("w:val"))) if spacing is not None else None
    return _resolve(style, read) or 0


def _line_spacing(style):
    return (_resolve(style, lambda s: s.paragraph_format.line_spacing),
            _resolve(style, lambda s: s.paragraph_format.line_spacing_rule))


def _close(a, b) -> bool:
    """Equal to the twip (1/20 pt), the unit Word stores."""
    return abs(int(a) - int(b)) <= int(Twips(1))


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in CASES], ids=[i for i, _, _ in CASES])
def test_docx_follows_the_layout_and_holds_the_page_text(site: Path, source: Path, folder: Path) -> None:
    stem = folder.name
    page = site / folder / "index.html"
    docx_path = site / folder / f"{stem}.docx"
    assert docx_path.is_file(), f"{docx_path} was not generated"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    blocks = soup.select("div.tpl[data-template] pre.tpl-text")
    assert len(blocks) == 1, f"{page}: expected one template block, found {len(blocks)}"
    page_text = blocks[0].get_text()
    assert page_text == _source_text(source), "the page does not show the Markdown template text"

    document = Document(str(docx_path))
    # A long Chinese title carries manual line breaks (w:br, "\n" in python-docx): layout only.
    assert "\n".join(p.text.replace("\n", "") for p in document.paragraphs) == page_text

    section = document.sections[0]
    assert len(document.sections) == 1
    assert _close(section.page_width, A4[0]) and _close(section.page_height, A4[1])
    for side, expected in MARGINS.items():
        assert _close(getattr(section, f"{side}_margin"), expected), side

    # No direct run formatting: every line takes its look from its paragraph style.
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            assert run.font.name is None and run.font.size is None and run._r.rPr is None

    chinese = source.name.endswith(".md") and not source.name.endswith(".en.md")
    if chinese:
        _check_official(document, page_text)
    else:
        _check_english(document)

    # Page numbers: a PAGE field in the footer, "— 1 —" in Chinese.
    footer = section.footer
    xml = footer._element.xml
    assert "w:fldChar" in xml and re.search(r"<w:instrText[^>]*>\s*PAGE\s*</w:instrText>", xml)
    if chinese:
        assert footer.paragraphs[0].text == "— 1 —"
        assert footer.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert _size(footer.paragraphs[0].style) == Pt(14)
        even = section.even_page_footer
        assert even.paragraphs[0].text == "— 1 —"
        assert even.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert document.settings.odd_and_even_pages_header_footer


def _check_official(document, text: str) -> None:
    lines = text.split("\n")
    paragraphs = document.paragraphs
    assert len(paragraphs) == len(lines)
    # 22 lines per page: exact line spacing that fits 22 times, not 23, into the 225 mm 版心.
    body_spacing, rule = _line_spacing(document.styles["Normal"])
    assert rule == WD_LINE_SPACING.EXACTLY
    section = document.sections[0]
    text_height = Twips(0) + (section.page_height - section.top_margin - section.bottom_margin)
    assert body_spacing * 22 <= text_height < body_spacing * 23
    assert body_spacing == Twips(579)  # 28.95 pt
    # A grid of lines only: LibreOffice gives each 16 pt character two cells of a character grid
    # narrower than 16 pt (test_docx_render.py measures the result).
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid.get(qn("w:type")) == "lines"
    assert int(grid.get(qn("w:linePitch"))) == 579
    assert grid.get(qn("w:charSpace")) is None
    # No extra space between Chinese and digits or Latin letters (it would break the count).
    normal_ppr = document.styles["Normal"].element.pPr
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        assert normal_ppr.find(qn(name)).get(qn("w:val")) == "0", name
    # 28 characters per line: 16 pt characters condensed by the style's character spacing.
    pitch = 16 + _char_spacing(document.styles["Normal"]) / 20
    assert pitch * 28 <= TEXT_WIDTH_PT < pitch * 29

    kinds = [line.kind for line in parse(text)]
    title = paragraphs[kinds.index("title")]
    assert _east_asian(title.style) == "方正小标宋简体"
    assert _size(title.style) == Pt(22)
    assert _char_spacing(title.style) == 0
    # Each line of the title (broken by hand) fits the 156 mm line at 22 pt.
    assert all(len(line) * 22 <= TEXT_WIDTH_PT for line in title.text.split("\n"))
    assert title.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    for paragraph, line, kind in zip(paragraphs, lines, kinds, strict=True):
        if not line.strip() or kind == "title":
            continue
        if kind == "docnumber":  # 发文字号: 3号仿宋, centred (GB/T 9704-2012, 版头)
            assert _resolve(paragraph.style, lambda s: s.paragraph_format.alignment) \
                == WD_ALIGN_PARAGRAPH.CENTER, line
        expected_font, expected_size = "仿宋_GB2312", 16
        for pattern, font, size in ZH_LEVEL_FONTS:
            if pattern.match(line):
                expected_font, expected_size = font, size
                break
        style = paragraph.style
        assert _east_asian(style) == expected_font, f"{line!r}: {_east_asian(style)}"
        assert _latin(style) == "Times New Roman", line
        assert _size(style) == Pt(expected_size), line
        spacing, rule = _line_spacing(style)
        assert (spacing, rule) == (Twips(579), WD_LINE_SPACING.EXACTLY), line
        assert not _resolve(style, lambda s: s.font.bold), line
        assert _char_spacing(style) == _char_spacing(document.styles["Normal"]), line
    # A closing date line (成文日期) is right-aligned.
    if "日期" in lines[-1] or re.search(r"\d{4}年", lines[-1]):
        alignment = _resolve(paragraphs[-1].style, lambda s: s.paragraph_format.alignment)
        assert alignment == WD_ALIGN_PARAGRAPH.RIGHT


def _check_english(document) -> None:
    for paragraph in document.paragraphs:
        if not paragraph.text:
            continue
        style = paragraph.style
        assert _latin(style) == "Times New Roman", paragraph.text
        assert _east_asian(style), paragraph.text  # set, so that 【】 need no guessing
        assert _size(style) in (Pt(12), Pt(14)), paragraph.text
    title = next(p for p in document.paragraphs if p.style.name == "Template title")
    assert _size(title.style) == Pt(14)


@pytest.mark.parametrize(("source", "folder"), [(s, f) for _, s, f in CASES], ids=[i for i, _, _ in CASES])
def test_plain_text_file_is_the_template_text(site: Path, source: Path, folder: Path) -> None:
    data = (site / folder / f"{folder.name}.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Notepad and WPS"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    assert text.replace("\r\n", "\n").rstrip("\n") == _source_text(source)
    assert "```" not in text and "<mark" not in text


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_template_library_lists_every_template_with_downloads(site: Path, prefix: str) -> None:
    library = site / prefix / "templates" / "index.html"
    soup = BeautifulSoup(library.read_text(encoding="utf-8"), "html.parser")
    rows = soup.select("article table tbody tr")
    sources = [s for s in sorted(DOCS.glob("topics/*/template-*.md")) if not s.name.endswith(".en.md")]
    assert len(rows) == len(sources)
    base = f"http://site/{prefix}templates/"
    for row, source in zip(rows, sources, strict=True):
        cells = row.find_all("td")
        assert len(cells) == 4
        assert cells[1].get_text(strip=True), "topic"
        assert cells[2].get_text(strip=True), f"{source}: no purpose (front matter description)"
        links = [a["href"] for a in cells[3].find_all("a")]
        assert [Path(h).suffix for h in links] == [".docx", ".txt"]
        for href in links:
            target = urljoin(base, href).removeprefix("http://site/")
            assert (site / target).is_file(), f"{library}: {href} does not exist"
        page_href = urljoin(base, cells[0].find("a")["href"]).removeprefix("http://site/")
        assert (site / page_href / "index.html").is_file()


def test_template_page_links_its_downloads(site: Path) -> None:
    for _, _source, folder in CASES:
        soup = BeautifulSoup((site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = soup.select("p.tpl-downloads a")
        assert [a["href"] for a in links] == [f"{folder.name}.docx", f"{folder.name}.txt"]
        assert all(a.has_attr("download") for a in links)


# --- units, without the site ---------------------------------------------------------------------

SAMPLE = """【单位名称】关于【专项工作名称】开展情况的汇报

【主送机关】：
【开头】现将有关情况汇报如下：
一、主要做法
（一）【做法一】
1.【具体措施】
（1）【细项】
二、下一步打算
【打算】

【单位名称】
【成文日期，如2025年3月1日】"""


def test_parse_follows_the_numbering_levels() -> None:
    kinds = [line.kind for line in parse(SAMPLE)]
    assert kinds == ["title", "blank", "addressee", "body", "l1", "l2", "l3", "l4", "l1", "body",
                     "blank", "signature", "date"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("【发文字号，如×办发〔2025〕×号】\n\n关于某事的通知\n\n各单位：\n一、要求",
     ["docnumber", "blank", "title", "blank", "addressee", "l1"]),
    ("某府发〔2025〕3号　　签发人：【姓名】\n关于某事的请示\n市人民政府：",
     ["docnumber", "title", "addressee"]),
    # A title that cites a document number stays the title.
    ("关于转发《某办法》（国发〔2020〕15号）的通知\n各单位：", ["title", "addressee"]),
])
def test_docnumber_lines_stand_above_the_title(text: str, kinds: list[str]) -> None:
    assert [line.kind for line in parse(text)] == kinds
    document = build_docx(text)
    title = document.paragraphs[kinds.index("title")]
    assert title.style.name == "公文标题"
    # A long title is broken by hand (w:br, "\n" in python-docx): layout, not text.
    assert document.core_properties.title == title.text.replace("\n", "")


def test_english_numbering_follows_first_appearance() -> None:
    text = "Title\n\nI. Main measures\n(1) Joint action\n1. Measure\nII. Results\n(1) Figure"
    assert [line.kind for line in parse(text)] == ["title", "blank", "l1", "l2", "l3", "l1", "l2"]


def test_signature_is_placed_per_gbt_9704() -> None:
    """署名 two characters in; the date's first character two characters right of the 署名's, or
    the date two characters in and the 署名 moved left when the date is longer."""
    paragraphs = build_docx(SAMPLE).paragraphs
    name, date = paragraphs[-2], paragraphs[-1]
    assert name.paragraph_format.right_indent is not None
    # 单位名称 (4 characters) against 2025年3月1日 (6): date 2 in, signature 2 + 6 + 2 − 4 = 6 in.
    assert date.paragraph_format.right_indent == Pt(2 * 16)
    assert name.paragraph_format.right_indent == Pt(6 * 16)


def test_fence_html_escapes_and_marks_placeholders() -> None:
    html = render_template("标题<script>\n\n一、【单位名称】&【日期】")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="ph">【单位名称】</mark>&amp;<mark class="ph">【日期】</mark>' in html
    assert BeautifulSoup(html, "html.parser").pre.get_text() == "标题<script>\n\n一、【单位名称】&【日期】"
    phrase = BeautifulSoup(render_phrase("各位领导：【称呼】"), "html.parser")
    assert phrase.div.has_attr("data-phrase") and phrase.pre.get_text() == "各位领导：【称呼】"


def test_plain_text_file_encoding() -> None:
    assert plain_text_file("一\n二\n") == "\ufeff一\r\n二\r\n".encode()


def test_headings_keep_with_what_they_head_only() -> None:
    """A heading stays with the body text or deeper heading under it; an item followed by its
    sibling (（一）【问题一】 （二）【问题二】) keeps with nothing, so no chain moves a block."""
    text = "\n".join(SAMPLE.split("\n")[:-3] + [
        "三、存在的问题", "（一）【问题一】", "（二）【问题二】", "四、下一步打算", "【打算】",
        "", "【单位名称】", "【成文日期】"])
    lines = text.split("\n")
    paragraphs = build_docx(text).paragraphs
    keeps = {line: p.paragraph_format.keep_with_next for line, p in zip(lines, paragraphs, strict=True)}
    assert keeps["一、主要做法"] and keeps["（一）【做法一】"] and keeps["1.【具体措施】"]
    assert keeps["二、下一步打算"] and keeps["三、存在的问题"] and keeps["四、下一步打算"]
    assert not keeps["（1）【细项】"]  # followed by 二、, a higher level
    assert not keeps["（一）【问题一】"] and not keeps["（二）【问题二】"]
    assert not any(keeps[line] for line in lines if not re.match(r"[一二三四（1]", line))
    # Set per paragraph, never by a style (a style would chain every heading of its level).
    assert not any(p.style.paragraph_format.keep_with_next for p in paragraphs)


def test_date_line_fits_on_its_line_as_written() -> None:
    """A long placeholder date moves right instead of wrapping and leaving “日】” alone."""
    # A long signature would put the date's first character 12 characters from the right margin.
    text = "标题\n\n正文。\n\n【单位名称】【单位名称】【单位名称】\n【成文日期，写明年月日，如2025年3月1日】"
    date = build_docx(text).paragraphs[-1]
    width = sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in date.text)
    indent = date.paragraph_format.right_indent / Pt(16)
    assert 0 < indent and width + indent <= 27
