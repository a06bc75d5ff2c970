"""Join the lines of Chinese paragraphs: no stray space where the source broke a line.

Pages are written with lines wrapped at about 110 characters. A line break inside a paragraph is
white space in HTML, and browsers (Chromium among them) show it as a space even between two
Chinese characters, so “悬停提示、\\n中文搜索” reads “悬停提示、 中文搜索”. The build removes such
line breaks from the page's HTML, outside pre, code, script, style and textarea, where white
space is the content.
"""

from __future__ import annotations

import re

# Han characters, CJK and full-width punctuation, and the curly quotes Chinese text uses.
CJK = "\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u201c\u201d\u2018\u2019\u2026\u2014"  # noqa: E501
BREAK = re.compile(f"(?<=[{CJK}])[ \\t]*\\n[ \\t]*(?=[{CJK}])")
VERBATIM = re.compile(r"(<(pre|code|script|style|textarea)\b.*?</\2\s*>)", re.S | re.I)


def join_cjk_lines(html: str) -> str:
    """`html` with every line break between two Chinese characters removed, verbatim blocks kept."""
    parts = VERBATIM.split(html)
    # re.split with two groups yields: text, block, tag name, text, block, tag name, …
    out = []
    for index in range(0, len(parts), 3):
        out.append(BREAK.sub("", parts[index]))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)
