"""Markdown extension: a hover tooltip on the first occurrence of each glossary term in a page.

Python-Markdown's abbr extension matches on `\\b`, which never fires between two Chinese
characters, so terms inside running Chinese text would never be found. This extension emits
the same `<abbr title>` element (which Material's content.tooltips feature styles) but matches
terms anywhere, longest first, and only once a page so that text stays readable.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

SKIP_TAGS = {"code", "pre", "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style"}


class GlossaryTreeprocessor(Treeprocessor):
    def __init__(self, md: Markdown, extension: GlossaryExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        terms = self.extension.terms_for_current_page()
        if not terms:
            return
        pattern = re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)))
        self.pattern = pattern
        self.terms = terms
        self.seen: set[str] = set()
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        if element.tag in SKIP_TAGS or "tpl" in (element.get("class") or ""):
            return
        if element.text:
            element.text = self._mark(element, element.text, at=0)
        for child in list(element):
            self._walk(child)
            if child.tail:
                child.tail = self._mark(element, child.tail, at=list(element).index(child) + 1)

    def _mark(self, parent: etree.Element, text: str, at: int) -> str:
        """Wrap each term seen for the first time in `text`; return the text before the first."""
        chosen: list[re.Match[str]] = []
        for match in self.pattern.finditer(text):
            term = match.group(0)
            key = self.terms[term][0]
            if key in self.seen or not self._stands_alone(text, match):
                continue
            self.seen.add(key)
            chosen.append(match)
        if not chosen:
            return text
        for offset, match in enumerate(chosen):
            abbr = etree.Element("abbr", {"title": self.terms[match.group(0)][1]})
            abbr.text = match.group(0)
            following = chosen[offset + 1].start() if offset + 1 < len(chosen) else len(text)
            abbr.tail = text[match.end():following]
            parent.insert(at + offset, abbr)
        return text[: chosen[0].start()]

    @staticmethod
    def _stands_alone(text: str, match: re.Match[str]) -> bool:
        """A Latin term must be a whole word, not part of a longer one."""
        if not (match.group(0)[0].isascii() and match.group(0)[0].isalnum()):
            return True
        before = text[match.start() - 1] if match.start() else " "
        after = text[match.end()] if match.end() < len(text) else " "
        return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())


class GlossaryExtension(Extension):
    """Holds the glossary for both languages; the build hook tells it each page's language."""

    def __init__(self, glossary: list[dict], **kwargs) -> None:
        super().__init__(**kwargs)
        self.locale = "zh"
        self.enabled = True
        self.load(glossary)

    def load(self, glossary: list[dict]) -> None:
        self.by_locale: dict[str, dict[str, tuple[str, str]]] = {"zh": {}, "en": {}}
        for entry in glossary:
            definition = entry.get("definition") or ""
            for form in [entry["term"], *(entry.get("aliases") or [])]:
                self.by_locale["zh"][form] = (entry["id"], definition)
            if entry.get("en"):
                self.by_locale["en"][entry["en"]] = (entry["id"], entry.get("en_definition") or definition)

    def terms_for_current_page(self) -> dict[str, tuple[str, str]]:
        return self.by_locale.get(self.locale, {}) if self.enabled else {}

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline processing (priority 20) so that links and code are already elements.
        md.treeprocessors.register(GlossaryTreeprocessor(md, self), "handbook_glossary", 5)
