"""Helpers of the browser tests: opening a page once its scripts have run, and Material's search,
driven the way a reader drives it."""

from __future__ import annotations

from urllib.parse import urlsplit

from handbook.search.search_quality import open_search, type_query

# Set on <html> by overrides/main.html once every script deferred past the first paint has run and
# Material has set the page up: the load event comes before that, so tests wait for this instead.
SCRIPTS_READY = "() => document.documentElement.hasAttribute('data-scripts-ready')"


def wait_for_scripts(page) -> None:
    """Wait until the page's scripts (Material's bundle, templates.js) have run."""
    page.wait_for_function(SCRIPTS_READY)


def goto(page, url: str):
    """Open `url` and wait until its scripts have run; the navigation's response."""
    response = page.goto(url)
    wait_for_scripts(page)
    return response


def search(page, url: str, query: str) -> list[str]:
    """Search for `query` from the page at `url`; the result pages' paths, best first, no duplicates."""
    goto(page, url)
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
