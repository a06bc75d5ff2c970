"""Word (.docx) and plain-text files of every template page, generated at build time.

The source is the ```template fence of the page (CONTRIBUTING.md §4): one source of truth for the
web page, the copied text, the .txt and the .docx. Chinese templates are laid out per GB/T
9704-2012《党政机关公文格式》; English twins get the same structure in a plain English layout.

Layout of the Chinese file (clause numbers of GB/T 9704-2012):
  5.2.1  A4 paper, 210 × 297 mm.
  5.2.2  天头 (top margin) 37 mm; 订口 (left margin) 28 mm; 版心 156 × 225 mm, hence bottom 35 mm
         and right 26 mm.
  6      22 lines of 28 characters per page (see LINE_PITCH and CHAR_SPACING below).
  7.3.1  Title 2号 (22 pt) 方正小标宋简体, centred; a title longer than a line is broken by hand
         at a word boundary (7.3.2, handbook/build/title_break.py).
  7.3.2  主送机关 under the title, flush left, ending with a full-width colon.
  7.3.3  Body 3号 (16 pt) 仿宋_GB2312, every paragraph indented two characters; 层次序数 一、 in
         黑体, （一） in 楷体_GB2312, 1. and （1） in 仿宋_GB2312.
  7.3.5.2 Signature of a document without seal: 署名 two characters from the right margin, the
         date on the next line, its first character two characters right of the signature's; a
         date longer than that sits two characters from the right and pushes the signature left.
  7.5    Page numbers 4号 (14 pt) 宋体 Arabic numerals between two 一字线, "— 1 —", the 一字线
         7 mm below the 版心; odd pages on the right, even pages on the left, one character in.

Fonts: each run style names the official Chinese font in w:eastAsia and Times New Roman in
w:ascii/w:hAnsi (digits and Latin letters). Word and WPS substitute a font that is missing on the
reader's machine (many have 仿宋 but not 仿宋_GB2312, few have 方正小标宋简体); the font table also
records an alternative name (仿宋, 楷体, 宋体) and the GB2312 character set, which both use to
pick the nearest installed Chinese font instead of a Latin one. The text stays in the right
sizes and on the 22 × 28 grid whichever font is substituted.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import re
from html import escape
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor, Twips

from handbook.build.nav import page_folder
from handbook.build.title_break import break_title
from handbook.export import previews
from handbook.template_text import Line, display_width, filled_width, first_template, parse

log = logging.getLogger("mkdocs.hooks.handbook.templates")

TWIPS_PER_MM = 1440 / 25.4
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]    # 156
TEXT_HEIGHT_MM = PAGE_HEIGHT_MM - MARGINS_MM["top"] - MARGINS_MM["bottom"]  # 225
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28

BODY_PT, TITLE_PT, PAGE_NUMBER_PT = 16, 22, 14  # 3号, 2号, 4号
TITLE_CHARS_PER_LINE = math.floor(TEXT_WIDTH_MM * 72 / 25.4 / TITLE_PT)  # 20
# 22 lines in the 225 mm 版心: 225 mm = 12755.9 twips (1/20 pt); / 22 = 579.8 twips. Word stores
# line spacing in whole twips, and rounding up (580 → 22 × 580 = 12760 twips) would push the 22nd
# line off the page, so it is rounded down: 579 twips = 28.95 pt exactly ("固定值 28.95 磅",
# the value found in official Word templates). 22 lines then take 224.7 mm of the 225.
LINE_PITCH = Twips(math.floor(TEXT_HEIGHT_MM * TWIPS_PER_MM / LINES_PER_PAGE))
# 28 characters in the 156 mm line: 28 characters of 16 pt take 448 pt, but the line is only
# 442.2 pt. Word's character grid (w:docGrid type linesAndChars, w:charSpace) squeezes them into
# the line, but LibreOffice gives every 16 pt character two cells of a grid narrower than 16 pt,
# which left 11 to 14 characters a line. So the grid only sets the lines, and the 28 characters
# come from condensed character spacing on the body styles (字符间距 紧缩), which all three
# applications honour: (442.2 / 28 − 16) pt = −0.207 pt, rounded down to the twip (−0.25 pt) so
# that the 28th character still fits and a 29th does not.
CHAR_SPACING = Twips(math.floor((TEXT_WIDTH_MM * 72 / 25.4 / CHARS_PER_LINE - BODY_PT) * 20))
# The footer's distance from the page edge to its bottom: the 一字线 sits 7 mm under the 版心
# (35 − 7 = 28 mm above the page edge) in the middle of a 14 pt line, so the line's bottom is
# half a line (about 2.5 mm) lower.
FOOTER_DISTANCE_MM = MARGINS_MM["bottom"] - 7 - 2.5

LATIN_FONT = "Times New Roman"
FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI = "仿宋_GB2312", "楷体_GB2312", "黑体", "方正小标宋简体", "宋体"
# What the font table offers Word/WPS when a font is missing (w:altName), and its family.
FONT_FALLBACKS = {
    FANGSONG: ("仿宋", "modern"),
    KAITI: ("楷体", "modern"),
    HEITI: ("SimHei", "modern"),
    XIAOBIAOSONG: ("宋体", "roman"),
    SONGTI: ("SimSun", "auto"),
}

# Per kind of line: (style id, Chinese style name, English style name).
STYLES = {
    "docnumber": ("HandbookDocNumber", "发文字号", "Document number"),
    "title": ("HandbookTitle", "公文标题", "Template title"),
    "addressee": ("HandbookAddressee", "主送机关", "Addressee"),
    "l1": ("HandbookHeading1", "一级标题", "Template heading 1"),
    "l2": ("HandbookHeading2", "二级标题", "Template heading 2"),
    "l3": ("HandbookHeading3", "三级标题", "Template heading 3"),
    "l4": ("HandbookHeading4", "四级标题", "Template heading 4"),
    "signature": ("HandbookSignature", "发文机关署名", "Signature"),
    "date": ("HandbookDate", "成文日期", "Date"),
    "page-number": ("HandbookPageNumber", "页码", "Page number"),
}
# Chinese layout: (East Asian font, size in pt) per kind; everything else is body text.
ZH_FONTS = {
    "body": (FANGSONG, BODY_PT),
    "docnumber": (FANGSONG, BODY_PT),
    "title": (XIAOBIAOSONG, TITLE_PT),
    "addressee": (FANGSONG, BODY_PT),
    "l1": (HEITI, BODY_PT),
    "l2": (KAITI, BODY_PT),
    "l3": (FANGSONG, BODY_PT),
    "l4": (FANGSONG, BODY_PT),
    "signature": (FANGSONG, BODY_PT),
    "date": (FANGSONG, BODY_PT),
    "page-number": (SONGTI, PAGE_NUMBER_PT),
}
EN_PT, EN_TITLE_PT, EN_EAST_ASIAN = 12, 14, SONGTI
OUTLINE_LEVELS = {"l1": 0, "l2": 1, "l3": 2, "l4": 3}


# ----------------------------------------------------------------------------------------------
# Low-level helpers

# Elements that follow w:spacing in w:rPr, and the order of w:pPr's children (the schema's).
_RPR_AFTER_SPACING = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
                      "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
                      "w:eastAsianLayout", "w:specVanish", "w:oMath")
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE",
              "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
              "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection",
              "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
              "w:sectPr", "w:pPrChange")


def _set_fonts(element, east_asian: str, latin: str = LATIN_FONT, hint: bool = True) -> None:
    """Set w:rFonts on an element that has (or may get) a w:rPr: Latin, East Asian, no theme."""
    rpr = element.get_or_add_rPr()
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    if hint:
        # Quotation marks, dashes and ellipses are shared by both scripts: render them full width.
        fonts.set(qn("w:hint"), "eastAsia")


def _set_size(element, points: float) -> None:
    """w:sz and w:szCs (complex-script size), in schema order."""
    rpr = element.get_or_add_rPr()
    size = rpr.get_or_add_sz()
    size.set(qn("w:val"), str(round(points * 2)))
    for old in rpr.findall(qn("w:szCs")):
        rpr.remove(old)
    complex_size = OxmlElement("w:szCs")
    complex_size.set(qn("w:val"), str(round(points * 2)))
    size.addnext(complex_size)


def _set_char_spacing(element, spacing: Twips) -> None:
    """w:spacing in the run properties (字符间距): condensed when negative."""
    rpr = element.get_or_add_rPr()
    for old in rpr.findall(qn("w:spacing")):
        rpr.remove(old)
    child = OxmlElement("w:spacing")
    child.set(qn("w:val"), str(spacing.twips))
    rpr.insert_element_before(child, *_RPR_AFTER_SPACING)


def _switch_off(style, name: str) -> None:
    """A paragraph property of the style set to false (w:val="0"), in schema order."""
    ppr = style.element.get_or_add_pPr()
    for old in ppr.findall(qn(name)):
        ppr.remove(old)
    child = OxmlElement(name)
    child.set(qn("w:val"), "0")
    ppr.insert_element_before(child, *_PPR_ORDER[_PPR_ORDER.index(name) + 1:])


def _no_grid_snap(style) -> None:
    """Lines of this style keep their exact spacing instead of taking whole grid lines: LibreOffice
    gives a 22 pt line two grid lines of 28.95 pt, whatever its exact line spacing says."""
    _switch_off(style, "w:snapToGrid")


def _no_auto_space(style) -> None:
    """No extra space between Chinese and Latin letters or digits (中文与西文、数字之间不自动调整间距,
    as official templates set it): Word and WPS would add about a quarter of a character at each
    change, breaking the 28-character count. LibreOffice ignores the setting (see _set_width)."""
    _switch_off(style, "w:autoSpaceDE")
    _switch_off(style, "w:autoSpaceDN")


def _indent_chars(target, first_line: float = 0, right: float = 0, left: float = 0,
                  char_pt: float = BODY_PT) -> None:
    """Indents in characters (w:firstLineChars etc., which follow the character grid) with the
    equivalent absolute value for applications that ignore the *Chars attributes."""
    ppr = target.get_or_add_pPr() if hasattr(target, "get_or_add_pPr") else target.element.get_or_add_pPr()
    ind = ppr.get_or_add_ind()
    for name, chars in (("firstLine", first_line), ("right", right), ("left", left)):
        if chars:
            ind.set(qn(f"w:{name}"), str(round(chars * char_pt * 20)))
            ind.set(qn(f"w:{name}Chars"), str(round(chars * 100)))


def _font_table(document, names: list[str]) -> None:
    """Declare the Chinese fonts with an alternative name and the GB2312 character set."""
    part = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE),
                None)
    if part is None:
        return
    from docx.oxml.parser import parse_xml

    root = parse_xml(part.blob)
    existing = {font.get(qn("w:name")) for font in root.findall(qn("w:font"))}
    for name in names:
        if name in existing or name not in FONT_FALLBACKS:
            continue
        alt, family = FONT_FALLBACKS[name]
        font = OxmlElement("w:font")
        font.set(qn("w:name"), name)
        for tag, value in (("w:altName", alt), ("w:charset", "86"), ("w:family", family),
                           ("w:pitch", "variable")):
            child = OxmlElement(tag)
            child.set(qn("w:val"), value)
            font.append(child)
        root.append(font)
    from lxml import etree

    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _page_field(paragraph) -> None:
    """A PAGE field: begin, instruction, separate, a placeholder result, end."""
    def run_with(child):
        run = paragraph.add_run()
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _remove_thumbnail(document) -> None:
    """python-docx's default template ships the thumbnail of an empty page; drop it."""
    package_rels = document.part.package.rels
    for key, rel in list(package_rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package_rels[key]


# ----------------------------------------------------------------------------------------------
# Documents

def _base_document(title: str, locale: str, updated: dt.date | None):
    document = Document()
    _remove_thumbnail(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.gutter = Mm(0)
    properties = document.core_properties
    properties.title = title
    properties.author = properties.last_modified_by = (
        "创城工作知识库" if locale == "zh" else "Civilized City Campaign Handbook")
    properties.language = "zh-CN" if locale == "zh" else "en-US"
    properties.comments = ""
    properties.revision = 1
    if updated:
        stamp = dt.datetime(updated.year, updated.month, updated.day)
        properties.created = properties.modified = stamp
    # Document defaults: no theme fonts (they would override the fonts below), no spacing.
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for attribute in list(fonts.attrib):
        del fonts.attrib[attribute]
    east_asian = FANGSONG if locale == "zh" else EN_EAST_ASIAN
    for attribute, value in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:cs", LATIN_FONT),
                             ("w:eastAsia", east_asian)):
        fonts.set(qn(attribute), value)
    for tag in ("w:sz", "w:szCs"):
        size = rpr.find(qn(tag))
        if size is not None:
            size.set(qn("w:val"), str(2 * (BODY_PT if locale == "zh" else EN_PT)))
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:val"), "zh-CN" if locale == "zh" else "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    if spacing is not None:
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")
        spacing.set(qn("w:lineRule"), "auto")
    return document


def _style(document, kind: str, locale: str):
    style_id, zh_name, en_name = STYLES[kind]
    style = document.styles.add_style(zh_name if locale == "zh" else en_name, WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = style_id
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    return style


def _zh_styles(document) -> dict[str, object]:
    normal = document.styles["Normal"]
    styles = {"body": normal, "blank": normal}
    for kind in ("docnumber", "title", "addressee", "l1", "l2", "l3", "l4", "signature", "date",
                 "page-number"):
        styles[kind] = _style(document, kind, "zh")
    for kind, style in styles.items():
        if kind == "blank":
            continue
        east_asian, size = ZH_FONTS[kind]
        _set_fonts(style.element, east_asian, SONGTI if kind == "page-number" else LATIN_FONT)
        _set_size(style.element, size)
        # Body-size text is condensed to 28 a line; the title and page numbers keep their width.
        _set_char_spacing(style.element, CHAR_SPACING if size == BODY_PT else Twips(0))
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = False
        style.font.italic = False
        fmt = style.paragraph_format
        fmt.space_before = fmt.space_after = Pt(0)
        if kind == "page-number":
            fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
            fmt.first_line_indent = Pt(0)
            style.element.pPr.get_or_add_ind().set(qn("w:firstLineChars"), "0")
            continue
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    _indent_chars(normal, first_line=2)
    _no_auto_space(normal)
    for kind in ("l1", "l2", "l3", "l4"):
        styles[kind].element.get_or_add_pPr().get_or_add_outlineLvl().set(
            qn("w:val"), str(OUTLINE_LEVELS[kind]))
    # 发文字号 centred under the 发文机关标志 (GB/T 9704-2012, 版头), like the title.
    for kind in ("docnumber", "title"):
        styles[kind].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _no_grid_snap(styles["title"])
    for kind in ("docnumber", "title", "addressee", "signature", "date"):
        styles[kind].paragraph_format.first_line_indent = Pt(0)
        ind = styles[kind].element.pPr.find(qn("w:ind"))
        ind.set(qn("w:firstLineChars"), "0")
    styles["addressee"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for kind in ("signature", "date"):
        styles[kind].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return styles


def _en_styles(document) -> dict[str, object]:
    normal = document.styles["Normal"]
    styles = {"body": normal, "blank": normal}
    for kind in ("docnumber", "title", "addressee", "l1", "l2", "l3", "l4", "signature", "date",
                 "page-number"):
        styles[kind] = _style(document, kind, "en")
    for kind, style in styles.items():
        if kind == "blank":
            continue
        _set_fonts(style.element, EN_EAST_ASIAN, hint=False)
        _set_size(style.element, EN_TITLE_PT if kind == "title" else EN_PT)
        style.font.color.rgb = RGBColor(0, 0, 0)
        style.font.bold = kind in ("title", "l1", "l2")
        style.font.italic = False
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(0), Pt(0)
        fmt.line_spacing_rule = WD_LINE_SPACING.ONE_POINT_FIVE if kind != "page-number" \
            else WD_LINE_SPACING.SINGLE
    for kind in ("l1", "l2", "l3", "l4"):
        styles[kind].element.get_or_add_pPr().get_or_add_outlineLvl().set(
            qn("w:val"), str(OUTLINE_LEVELS[kind]))
    for kind in ("docnumber", "title"):
        styles[kind].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind in ("signature", "date"):
        styles[kind].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return styles


def _signature_indents(lines: list[Line]) -> dict[int, float]:
    """Right indents in characters of the closing block, per GB/T 9704-2012 7.3.5.2."""
    names = [i for i, line in enumerate(lines) if line.kind == "signature"]
    dates = [i for i, line in enumerate(lines) if line.kind == "date"]
    if not dates:
        return {}
    name_width = max((filled_width(lines[i].text) for i in names), default=0.0)
    date_width = filled_width(lines[dates[0]].text)
    name_indent, date_indent = 2.0, name_width - date_width  # date starts two characters further right
    if date_indent < 2:
        date_indent = 2.0
        name_indent = 2 + date_width - (name_width - 2)
    indents = {i: name_indent for i in names}
    indents[dates[0]] = date_indent
    # A line as it stands, placeholder and all, must not wrap and leave “日】” alone on a line.
    # One character of slack: the indent counts 16 pt characters, the text is condensed and its
    # digits are Times New Roman, so the estimate is close but not exact.
    for i, indent in indents.items():
        room = CHARS_PER_LINE - 1 - _set_width(lines[i].text)
        indents[i] = max(0.0, min(indent, room))
    return indents


def _set_width(text: str) -> float:
    """Width of a line in characters as set: LibreOffice ignores w:autoSpaceDE/DN (its DOCX import
    skips them) and adds about a quarter of a character wherever Chinese meets a digit or letter."""
    changes = sum(1 for a, b in zip(text, text[1:], strict=False)
                  if a.isascii() != b.isascii() and not (a.isspace() or b.isspace()))
    return display_width(text) + changes / 4


def _keeps_with_next(lines: list[Line], index: int) -> bool:
    """A heading stays on the page of what it heads: the next line when that is body text or a
    heading of a deeper level. A heading followed by one of its own level or higher is an item of
    a list (（一）【问题一】 （二）【问题二】…) and keeps with nothing, so that no chain of headings
    pushes a whole block to the next page."""
    kind = lines[index].kind
    if kind not in OUTLINE_LEVELS or index + 1 >= len(lines):
        return False
    following = lines[index + 1].kind
    return following == "body" or (following in OUTLINE_LEVELS
                                   and OUTLINE_LEVELS[following] > OUTLINE_LEVELS[kind])


def _add_title(paragraph, title: str) -> None:
    """The title's text, broken by hand (a line break within the paragraph) where it is too long."""
    for number, line in enumerate(break_title(title, TITLE_CHARS_PER_LINE)):
        run = paragraph.add_run(line)
        if number:
            run._r.addprevious(_line_break_run())


def _line_break_run():
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:br"))
    return run


def _page_numbers(document, section, locale: str, style) -> None:
    if locale == "zh":
        # Odd pages on the right, even pages on the left, one character (14 pt) in.
        document.settings.odd_and_even_pages_header_footer = True
        targets = [(section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                   (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)]
        section.footer_distance = Mm(FOOTER_DISTANCE_MM)
    else:
        targets = [(section.footer, WD_ALIGN_PARAGRAPH.CENTER)]
    for footer, alignment in targets:
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = style
        paragraph.alignment = alignment
        if locale == "zh":
            _indent_chars(paragraph._p, right=1 if alignment == WD_ALIGN_PARAGRAPH.RIGHT else 0,
                          left=1 if alignment == WD_ALIGN_PARAGRAPH.LEFT else 0, char_pt=PAGE_NUMBER_PT)
            paragraph.add_run("— ")
            _page_field(paragraph)
            paragraph.add_run(" —")
        else:
            _page_field(paragraph)


def _grid(section) -> None:
    """22 lines a page: Word's 文档网格 (页面设置 → 文档网格 → 只指定行网格)."""
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.attrib.clear()
    # Lines only: see CHAR_SPACING for why there is no character grid.
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH.twips))


def build_docx(text: str, locale: str = "zh", title: str | None = None, updated: dt.date | None = None):
    """A python-docx Document of one template text: one paragraph per line, blank lines kept."""
    lines = parse(text)
    title = title or next((line.text for line in lines if line.kind == "title"), "")
    document = _base_document(title, locale, updated)
    styles = _zh_styles(document) if locale == "zh" else _en_styles(document)
    if locale == "zh":
        _font_table(document, [FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI])
        _grid(document.sections[0])
    indents = _signature_indents(lines) if locale == "zh" else {}
    body = document.paragraphs[0] if document.paragraphs else None
    normal = document.styles["Normal"]
    for index, line in enumerate(lines):
        paragraph = body if index == 0 and body is not None else document.add_paragraph()
        if line.kind == "title" and locale == "zh":
            _add_title(paragraph, line.text)
        elif line.text:
            paragraph.add_run(line.text)
        if _keeps_with_next(lines, index):
            paragraph.paragraph_format.keep_with_next = True
        # pStyle by id: assigning the style object looks up the default style every time (slow).
        style = styles[line.kind]
        paragraph._p.style = None if style is normal else style.style_id
        if index in indents:
            _indent_chars(paragraph._p, right=indents[index])
    _page_numbers(document, document.sections[0], locale, styles["page-number"])
    return document


def document_text(document) -> str:
    """The text of a generated document, one line per paragraph (what the tests compare); the
    title's manual line breaks are layout, not text."""
    return "\n".join(paragraph.text.replace("\n", "") for paragraph in document.paragraphs)


# ----------------------------------------------------------------------------------------------
# Build glue: called by hooks/handbook_hooks.py for every page of type `template`

LINK_TEXT = {
    "zh": ("下载Word文件（.docx）", "下载纯文本（.txt）", "公文格式，可用Word或WPS打开编辑"),
    "en": ("Download Word file (.docx)", "Download plain text (.txt)", "opens in Word or WPS"),
}
SHORT_LINK_TEXT = {
    "zh": ("Word", "纯文本", "公文格式，可用Word或WPS打开编辑"),
    "en": ("Word", "Text", "opens in Word or WPS"),
}
# Under the preview: which fonts the file expects and what stands in for them (GB/T 9704 faces are
# missing on most machines outside government offices).
FONT_NOTE = {
    "zh": ("Word文件第一页预览（LibreOffice排版）", "Word文件第一页预览",
           "文件使用方正小标宋简体（标题）、仿宋_GB2312（正文）、黑体和楷体_GB2312（层次标题）。"
           "电脑上没有这些字体时，Word和WPS改用仿宋、楷体、宋体，LibreOffice改用系统里的中文字体，"
           "字形略有不同，每行28字、每页22行不变；正式行文前请装好公文字体。"),
    "en": ("First page of the Word file (laid out by LibreOffice)", "First page of the Word file",
           "The file uses Times New Roman, with SimSun (宋体) for Chinese characters; where a font "
           "is missing, Word, WPS and LibreOffice substitute a similar one."),
}
_UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\s]+')


def file_stem(src_uri: str) -> str:
    """`topics/x/template-foo.en.md` → `template-foo`: the base name of both downloads."""
    name = Path(src_uri).name
    for suffix in (".en.md", ".md"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return Path(name).stem


def download_path(src_uri: str, extension: str) -> str:
    """Site-relative path of a download of a template page, with directory URLs (the default):
    the files sit in the page's own folder, beside its index.html."""
    folder = page_folder(src_uri)
    stem = file_stem(src_uri)
    return f"{folder}/{stem}/{stem}.{extension}".lstrip("/")


def suggested_filename(title: str, extension: str) -> str:
    return _UNSAFE_FILENAME.sub("_", title).strip("_") + f".{extension}"


def download_links(stem_href: str, title: str, locale: str, short: bool = False) -> str:
    """Raw HTML links to the two files (raw HTML: they are build output, not docs files that
    MkDocs could validate). `short`: the compact form used in the template library's table."""
    word, plain, hint = (SHORT_LINK_TEXT if short else LINK_TEXT).get(locale, LINK_TEXT["zh"])
    docx = (f'<a href="{escape(stem_href)}.docx" download="{escape(suggested_filename(title, "docx"))}" '
            f'title="{escape(hint)}">{escape(word)}</a>')
    txt = (f'<a href="{escape(stem_href)}.txt" download="{escape(suggested_filename(title, "txt"))}">'
           f'{escape(plain)}</a>')
    if short:
        return f'<span class="tpl-downloads tpl-list-downloads">{docx} {txt}</span>'
    return f'<p class="tpl-downloads">{docx} {txt}</p>'


def preview_html(stem_href: str, title: str, locale: str) -> str:
    """The picture of the Word file's first page, linked to the file, and the note on its fonts."""
    caption, alt, fonts = FONT_NOTE.get(locale, FONT_NOTE["zh"])
    width, height = 280, 396  # CSS pixels: half the picture's 560 × 792, the proportions of A4
    return (f'<figure class="tpl-preview"><a href="{escape(stem_href)}.docx" '
            f'download="{escape(suggested_filename(title, "docx"))}">'
            f'<img src="{escape(stem_href)}.png" width="{width}" height="{height}" loading="lazy" '
            f'alt="{escape(alt)}：{escape(title)}"></a>'
            f'<figcaption>{escape(caption)}。{escape(fonts)}</figcaption></figure>')


def plain_text_file(text: str) -> bytes:
    """The .txt download: UTF-8 with a byte-order mark and CRLF line ends, so that Notepad on
    older Windows and WPS open it as Chinese text rather than mojibake."""
    return ("\ufeff" + text.rstrip("\n").replace("\n", "\r\n") + "\r\n").encode("utf-8")


def _updated(meta: dict) -> dt.date | None:
    value = meta.get("updated")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def export_page(markdown: str, page, locale: str) -> str:
    """Write <name>.docx and <name>.txt beside the page's index.html; link them under the fence."""
    fence = first_template(markdown)
    if fence is None:
        log.warning("template page %s has no ```template block (CONTRIBUTING.md §4)", page.file.src_uri)
        return markdown
    text = fence.text
    title = str(page.meta.get("title") or text.split("\n", 1)[0])
    stem = file_stem(page.file.src_uri)
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    docx = folder / f"{stem}.docx"
    build_docx(text, locale, title=title, updated=_updated(page.meta)).save(str(docx))
    (folder / f"{stem}.txt").write_bytes(plain_text_file(text))
    links = download_links(stem, title, locale)
    if previews.can_show(page.url):
        # The picture itself is written after the build, all files in one LibreOffice run.
        previews.register(page.url, docx, folder / f"{stem}.png")
        links += "\n" + preview_html(stem, title, locale)
    return f"{markdown[: fence.end]}\n\n{links}\n{markdown[fence.end:]}"
