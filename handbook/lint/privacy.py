"""Personal data and executable HTML.

Runs on `Document.nocode` (code spans and code blocks masked; template and phrase fences, front
matter and link targets kept) so that published text is checked wherever it sits.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document

# Each pattern starts with a literal or a character set, which `re` searches for fast; the
# lookbehinds come after that first character (same matches as (?<!\d)1…, (?<![\dXx])\d{17}…).
# Numbers may be grouped by blanks or hyphens (138 0013 8000, 138-0013-8000) and carry the country
# code (+86, 0086); a number glued to letters (a model number) or followed by a unit (an amount:
# 13800138000元) is not a phone number.
_NOT_AFTER = r"(?<![A-Za-z0-9_\-.])"
_UNIT = r"(?![\d\-]|\s?(?:元|万|亿|人|次|个|件|台|辆|吨|户|份|平方|米|公里|千克|kg|km))"
MOBILE = re.compile(_NOT_AFTER + r"(?:(?:\+|00)86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}" + _UNIT)
LANDLINE = re.compile(_NOT_AFTER + r"(?:\(0\d{2,3}\)|0\d{2,3}-)[ ]?[2-9]\d{6,7}" + _UNIT)
ID_CARD = re.compile(r"\d(?<![\dXx]\d)\d{16}[\dXx](?![\dXx])")
ID_CARD_15 = re.compile(r"\d(?<![\dXx]\d)\d{14}(?![\dXx])")
BANK_CARD = re.compile(_NOT_AFTER + r"[3-6]\d{3}(?:[ -]?\d{3,4}){3,4}" + _UNIT)
ELEVEN_DIGITS = re.compile(r"\d(?:[ -]?\d){10}")
EMAIL = re.compile(r"(?<![A-Za-z0-9_.+-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
# Full-width digits and plus read as ASCII (same length, so offsets stay).
_HALF = str.maketrans("０１２３４５６７８９＋－（）　", "0123456789+-() ")
PLACEHOLDER_DOMAINS = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net|edu)|example|invalid|test|localhost)$", re.I)  # noqa: E501
PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][·•.\- ]?"
    r"[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])")
URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')）]+")
# Elements that run code, load from elsewhere, change how the page is read or ask for input.
UNSAFE_TAG = re.compile(r"<\s*(script|iframe|frame|frameset|object|embed|applet|base|meta|link|style|form|"
                        r"button|textarea|select|input|svg|math|template|portal)\b", re.I)
ON_ATTR = re.compile(r"<[a-zA-Z][^<>]*?[\s/\"'](on[a-z]+)\s*=", re.I)
# Attribute lists ({: onmouseover="…" }) put attributes on Markdown elements.
ATTR_LIST_ON = re.compile(r"\{[ \t]*[:#.][^{}\n]*?\s(on[a-z]+)[ \t]*=", re.I)
UNSAFE_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\s(srcdoc|formaction|autofocus|srcset|poster|"
                         r"style\s*=\s*[\"'][^\"']*url\()", re.I)
JS_URL = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
# A link or source attribute, its value decoded the way a browser decodes it (entities, blanks).
URL_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\s(href|src|action|data|xlink:href)\s*=\s*"
                      r"(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
MARKDOWN_TARGET = re.compile(r"(!?)\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
IMPORT = re.compile(r"@import\b", re.I)
# Markup written with entities: shown as text by the page, but turned back into markup by some
# consumers (Material's tooltips set innerHTML from a title; a heading's text reaches the TOC).
ENTITY_MARKUP = re.compile(r"&lt;\s*(?:script\b|[a-zA-Z][^<>]*?\son[a-z]+\s*=)", re.I)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"


def id_checksum_ok(number: str) -> bool:
    """GB 11643-1999: ISO 7064 MOD 11-2 check character, and a real birth date."""
    total = sum(int(digit) * weight for digit, weight in zip(number[:17], WEIGHTS, strict=True))
    if CHECK[total % 11] != number[17].upper():
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    return dt.date(1900, 1, 1) <= born <= dt.date.today()


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def id15_ok(number: str) -> bool:
    """A first-generation (15-digit) resident ID: area code and a real 19YYMMDD birth date."""
    try:
        dt.date(1900 + int(number[6:8]), int(number[8:10]), int(number[10:12]))
    except ValueError:
        return False
    return number[0] in "123456789"


def check(doc: Document) -> list[Finding]:
    text = doc.nocode.translate(_HALF)
    findings: list[Finding] = []
    urls = [(m.start(), m.end()) for m in URL.finditer(text)] if "://" in text else []

    def in_url(start: int) -> bool:
        return any(begin <= start < end for begin, end in urls)

    def add(offset: int, rule_id: str, message: str, suggestion: str | None = None) -> None:
        # Executable HTML cannot be switched off by the page itself (lint-disable or a comment).
        if rule_id == "html-unsafe":
            if not any(f.rule == rule_id and f.line == doc.position(offset)[0] for f in findings):
                findings.append(doc.finding(offset, rule_id, "error", message, suggestion))
        elif not in_url(offset) and not doc.is_disabled(rule_id, "privacy", offset):
            findings.append(doc.finding(offset, rule_id, "error", message, suggestion))

    if ELEVEN_DIGITS.search(text) is not None:
        for match in MOBILE.finditer(text):
            add(match.start(), "privacy-mobile", "mobile phone number; do not publish personal numbers",
                "【联系电话】")
        for match in ID_CARD.finditer(text):
            if id_checksum_ok(match.group(0)):
                add(match.start(), "privacy-id-card", "resident ID number (valid GB 11643 check digit)")
        for match in ID_CARD_15.finditer(text):
            if id15_ok(match.group(0)):
                add(match.start(), "privacy-id-card", "15-digit resident ID number (a real birth date)")
        for match in BANK_CARD.finditer(text):
            digits = re.sub(r"\D", "", match.group(0))
            if 16 <= len(digits) <= 19 and luhn_ok(digits) and not ID_CARD.fullmatch(digits):
                add(match.start(), "privacy-bank-card", "bank card number (valid Luhn check digit)",
                    "【银行卡号】")
    for match in LANDLINE.finditer(text):
        add(match.start(), "privacy-landline", "telephone number; publish only a unit's public line",
            "【联系电话】")
    if "@" in text:
        for match in EMAIL.finditer(text):
            if not PLACEHOLDER_DOMAINS.search(match.group(1)):
                add(match.start(), "privacy-email",
                    f"e-mail address '{match.group(0)}'; use a placeholder such as name@example.org")
    for match in PLATE.finditer(text):
        if any(char.isdigit() for char in match.group(0)):
            add(match.start(), "privacy-plate", f"vehicle licence plate '{match.group(0)}'")
    _unsafe_html(doc, text, add)
    return findings


def _unsafe_html(doc: Document, text: str, add) -> None:
    """Executable or outside-loading HTML; the build removes it anyway (handbook/build/sanitize.py)."""
    if "&lt;" in text:
        for match in ENTITY_MARKUP.finditer(text):
            add(match.start(), "html-unsafe", "markup written with entities (&lt;…) becomes markup again in "
                "tooltips and the table of contents; write the text without it")
    unclosed = doc.text.rfind("<!--")
    if unclosed >= 0 and not re.search(r"--!?>", doc.text[unclosed + 2:]):
        add(unclosed, "html-unsafe", "HTML comment never closed: it hides the rest of the page "
            "from review, not from the browser")
        # What it hides is checked as it stands.
        _unsafe_markup(doc.text[unclosed + 4:], unclosed + 4, add)
    _unsafe_markup(text, 0, add)
    if "{" in text:
        for match in ATTR_LIST_ON.finditer(text):
            add(match.start(), "html-unsafe", f"event handler attribute '{match.group(1)}=' runs script")
    if ":" in text:
        for match in JS_URL.finditer(text):
            add(match.start(), "html-unsafe", "javascript: link runs script")
        for match in MARKDOWN_TARGET.finditer(doc.text):
            _unsafe_url(match.start(), match.group(2), add, loads=match.group(1) == "!")
    if "@" in text:
        for match in IMPORT.finditer(text):
            add(match.start(), "html-unsafe", "@import loads a style sheet from elsewhere")


def _unsafe_markup(text: str, base: int, add) -> None:
    """Tags and attributes in `text`, whose offsets start at `base` in the page."""
    if "<" not in text:
        return
    for match in UNSAFE_TAG.finditer(text):
        add(base + match.start(), "html-unsafe", f"<{match.group(1).lower()}> is not allowed in a page "
            "(it can run code, load from another host or ask readers for input)")
    for match in ON_ATTR.finditer(text):
        add(base + match.start(), "html-unsafe", f"event handler attribute '{match.group(1)}=' runs script")
    for match in UNSAFE_ATTR.finditer(text):
        add(base + match.start(), "html-unsafe", f"attribute '{match.group(1)}' is not allowed in a page")
    for match in URL_ATTR.finditer(text):
        loads = match.group(1).lower() != "href"
        _unsafe_url(base + match.start(), match.group(2).strip("\"'"), add, loads=loads)


def _unsafe_url(offset: int, value: str, add, loads: bool) -> None:
    """`loads`: the browser fetches the URL with the page (an image, a frame), not on a click."""
    decoded = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
    if decoded.startswith(("javascript:", "vbscript:")):
        add(offset, "html-unsafe", "javascript: link runs script")
    elif decoded.startswith("data:"):
        add(offset, "html-unsafe", "data: URL can hold a page or script; link to a file under docs/")
    elif loads and decoded.startswith(("http:", "https:", "//", "ftp:")):
        add(offset, "html-unsafe", "loads from another host with the page; put the file under docs/assets/")
