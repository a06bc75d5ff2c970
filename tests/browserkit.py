"""Helpers of the browser tests: Material's search, driven the way a reader drives it."""

from __future__ import annotations

from urllib.parse import urlsplit

from handbook.search_quality import open_search, type_query


def search(page, url: str, query: str) -> list[str]:
    """Search for `query` from the page at `url`; the result pages' paths, best first, no duplicates."""
    page.goto(url)
    open_search(page)
    type_query(page, query)
    hrefs = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)")
    return list(dict.fromkeys(path_of(href) for href in hrefs))


def path_of(href: str) -> str:
    """"/en/topics/x/?h=q#a" → "en/topics/x/"."""
    return urlsplit(href).path.lstrip("/")


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the viewport (0 when nothing overflows)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth")
