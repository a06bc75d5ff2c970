"""Personal data and executable HTML.

Runs on `Document.nocode` (code spans and code blocks masked; template and phrase fences, front
matter and link targets kept) so that published text is checked wherever it sits.
"""

from __future__ import annotations

import datetime as dt
import re

from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document

# Each pattern starts with a literal or a character set, which `re` searches for fast; the
# lookbehinds come after that first character (same matches as (?<!\d)1…, (?<![\dXx])\d{17}…).
MOBILE = re.compile(r"1(?<!\d1)[3-9]\d{9}(?!\d)")
ID_CARD = re.compile(r"\d(?<![\dXx]\d)\d{16}[\dXx](?![\dXx])")
ELEVEN_DIGITS = re.compile(r"\d\d{10}")
EMAIL = re.compile(r"(?<![\w.+-])[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")
PLACEHOLDER_DOMAINS = re.compile(r"(?:^|\.)(?:example\.(?:com|org|net|edu)|example|invalid|test|localhost)$", re.I)  # noqa: E501
PLATE = re.compile(
    r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])")
URL = re.compile(r"(?:https?|ftp)://[^\s<>\"')）]+")
UNSAFE_TAG = re.compile(r"<\s*(script|iframe|object|embed)\b", re.I)
ON_ATTR = re.compile(r"<[a-zA-Z][^<>]*?\s(on[a-z]+)\s*=", re.I)
JS_URL = re.compile(r"j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t\s*:", re.I)
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


def check(doc: Document) -> list[Finding]:
    text = doc.nocode
    findings: list[Finding] = []
    urls = [(m.start(), m.end()) for m in URL.finditer(text)] if "://" in text else []

    def in_url(start: int) -> bool:
        return any(begin <= start < end for begin, end in urls)

    def add(offset: int, rule_id: str, message: str, suggestion: str | None = None) -> None:
        if not in_url(offset) and not doc.is_disabled(rule_id, "privacy", offset):
            findings.append(doc.finding(offset, rule_id, "error", message, suggestion))

    if ELEVEN_DIGITS.search(text) is not None:
        for match in MOBILE.finditer(text):
            add(match.start(), "privacy-mobile", "mobile phone number; do not publish personal numbers",
                "【联系电话】")
        for match in ID_CARD.finditer(text):
            if id_checksum_ok(match.group(0)):
                add(match.start(), "privacy-id-card", "resident ID number (valid GB 11643 check digit)")
    if "@" in text:
        for match in EMAIL.finditer(text):
            if not PLACEHOLDER_DOMAINS.search(match.group(1)):
                add(match.start(), "privacy-email",
                    f"e-mail address '{match.group(0)}'; use a placeholder such as name@example.org")
    for match in PLATE.finditer(text):
        if any(char.isdigit() for char in match.group(0)):
            add(match.start(), "privacy-plate", f"vehicle licence plate '{match.group(0)}'")
    if "<" in text:
        for match in UNSAFE_TAG.finditer(text):
            add(match.start(), "html-unsafe", f"<{match.group(1).lower()}> can run code in readers' browsers")
        for match in ON_ATTR.finditer(text):
            add(match.start(), "html-unsafe",
                f"event handler attribute '{match.group(1)}=' runs script")
    if ":" in text:
        for match in JS_URL.finditer(text):
            add(match.start(), "html-unsafe", "javascript: link runs script")
    return findings
