"""Build-time HTML sanitising: what a page or a data file puts into the site cannot run script.

Pages arrive from strangers, and the lint only flags what it recognises, so every page's HTML goes
through an allow-list sanitiser (nh3, the binding of the Rust ammonia library) whatever the lint
said. The allow-list is what Python-Markdown, the enabled pymdownx extensions, Material and this
project's own fences emit; anything else (script, style, base, meta, link, forms, iframes, event
attributes, `javascript:` and `data:` URLs) is dropped.

Material's content tooltips insert a `title` attribute with `innerHTML`, so a title's value is
escaped once more here: the tooltip shows the text, never markup.

Text that reaches the theme's templates outside the page body (the page title, the table of
contents, the meta description) is escaped, because MkDocs renders templates without autoescaping.
"""

from __future__ import annotations

import html
import re
from typing import Any

import nh3

# Elements of running text, tables, lists, admonitions, details, footnotes, definition lists,
# tabbed blocks, task lists, emoji (inline SVG) and the template fences.
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
    "h6", "hr", "i", "img", "input", "ins", "kbd", "label", "li", "mark", "nav", "ol", "p", "pre",
    "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    "svg", "path", "g",
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    "time": {"datetime"},
    # The template and phrase fences (handbook/fences.py) and tabbed blocks (pymdownx.tabbed).
    "div": {"data-template", "data-phrase", "data-tabs"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "aria-hidden", "focusable"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill"},
}
# Task lists and tabbed blocks use inputs; nothing else from a page may (no forms, no text fields).
TAG_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}}}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Removed together with their content; any other element outside TAGS is dropped, its text kept.
CLEAN_CONTENT_TAGS = {"script", "style", "template", "textarea", "select", "noscript", "iframe",
                      "object", "embed", "title", "xmp", "noembed", "noframes", "math"}
# Markdown writes a table column's alignment as an inline style; nothing else may be styled.
_ALIGN = re.compile(r"\s*text-align:\s*(left|right|center);?\s*", re.IGNORECASE)
# Ids the theme's own markup and scripts rely on (`__search`, `__drawer`, `__config`…): a page
# may not take them over. Tabbed blocks number their own (`__tabbed_1_1`).
_THEME_ID = re.compile(r"__(?!tabbed_)")
_SCHEME = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*:")


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "title":
        # Material's tooltip sets innerHTML to the title: escape it so that it shows as text.
        return html.escape(value, quote=False)
    if name in {"id", "for", "name"} and _THEME_ID.match(value):
        return None
    if tag == "img" and name == "src" and not _is_relative(value):
        # An image from another host is a request from every reader's browser.
        return None
    return value


def _is_relative(url: str) -> bool:
    url = url.strip()
    return not (url.startswith(("//", "\\\\", "/\\", "\\/")) or _SCHEME.match(url))


def _cleaner(*, styles: bool) -> nh3.Cleaner:
    attributes = {tag: set(names) for tag, names in ATTRIBUTES.items()}
    if styles:
        for tag in ("td", "th"):
            attributes[tag].add("style")
    return nh3.Cleaner(
        tags=TAGS,
        clean_content_tags=CLEAN_CONTENT_TAGS,
        attributes=attributes,
        attribute_filter=_attribute,
        tag_attribute_values=TAG_ATTRIBUTE_VALUES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )


_CLEANER = _cleaner(styles=True)


def clean_html(fragment: str) -> str:
    """`fragment` with everything outside the allow-list removed."""
    return _CLEANER.clean(fragment)


def text(value: Any) -> str:
    """Plain text for HTML (or for Markdown that becomes HTML): markup shows as characters."""
    return html.escape(str(value), quote=True)


def plain(fragment: str) -> str:
    """The text of an HTML fragment, tags removed, escaped for HTML."""
    return text(html.unescape(nh3.clean(fragment, tags=set())))


def clean_toc(items) -> None:
    """Table-of-contents titles (from headings) as escaped text, in place; the theme prints them raw."""
    for item in items:
        item.title = plain(item.title)
        clean_toc(item.children)


def clean_meta(meta: dict[str, Any]) -> None:
    """Front-matter values as escaped text, in place: Material writes several of them (title,
    description, author, tags, subtitle…) into the page unescaped."""
    for key, value in meta.items():
        meta[key] = _plain_value(value)


def _plain_value(value: Any) -> Any:
    if isinstance(value, str):
        return plain(value)
    if isinstance(value, list):
        return [_plain_value(item) for item in value]
    return value
