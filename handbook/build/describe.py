"""A meta description for every page: front matter `description`, else the first paragraph.

Material writes `page.meta.description` into `<meta name="description">` and falls back to the
site's description, which would give every page the same snippet in search engines.
MkDocs renders templates without autoescaping: the generated text is stored HTML-escaped.
"""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser

LIMIT = 150
# Blocks whose paragraphs are not the page's own opening text.
_SKIP = {"div", "details", "aside", "table", "blockquote", "nav", "figure", "pre", "ul", "ol", "dl"}
_SENTENCE_END = re.compile(r"(?<=[。！？.!?])\s*")


class _FirstParagraph(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0  # inside skipped blocks
        self.in_p = False
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.done:
            return
        if tag in _SKIP:
            self.depth += 1
        elif tag == "p" and self.depth == 0:
            self.in_p = True

    def handle_endtag(self, tag: str) -> None:
        if self.done:
            return
        if tag in _SKIP and self.depth:
            self.depth -= 1
        elif tag == "p" and self.in_p:
            self.in_p = False
            if "".join(self.parts).strip():
                self.done = True
            else:
                self.parts = []

    def handle_data(self, data: str) -> None:
        if self.in_p and not self.done:
            self.parts.append(data)


def first_paragraph(html: str) -> str:
    parser = _FirstParagraph()
    parser.feed(html)
    text = "".join(parser.parts).replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def shorten(text: str, limit: int = LIMIT) -> str:
    """Whole sentences up to `limit` characters, else the first sentence cut with an ellipsis."""
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text)) * 2 > len(text)
    limit = limit if chinese else limit + 50
    if len(text) <= limit:
        return text
    kept = ""
    for sentence in _SENTENCE_END.split(text):
        if len(kept) + len(sentence) + 1 > limit:
            break
        kept += sentence if chinese or not kept else " " + sentence
    if kept:
        return kept.strip()
    if chinese:
        return text[:limit].rstrip("，、；：,;: ") + "……"
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;: ") + " …"


def ensure_description(page, html: str) -> None:
    """Give `page` a description taken from its first paragraph when its front matter has none."""
    if page.meta.get("description"):
        return
    text = first_paragraph(html)
    if text:
        page.meta["description"] = html_module.escape(shorten(text), quote=True)
