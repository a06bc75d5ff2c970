"""Helpers of the browser tests: Material's search, driven the way a reader drives it."""

from __future__ import annotations

from urllib.parse import urlsplit

# Material's prompt once its search worker is ready; a query typed before it is dropped.
READY = ("键入以开始搜索", "Type to start searching")
NONE = ("没有找到符合条件的结果", "No matching documents")


def open_search(page) -> None:
    """Open the search dialog (header field on a wide screen, magnifier button on a phone)."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.locator("input.md-search__input").click()
    page.wait_for_function(
        "ready => ready.some(t => (document.querySelector('.md-search-result__meta') || {})"
        ".textContent?.includes(t))", arg=list(READY))


def search(page, url: str, query: str) -> list[str]:
    """Search for `query` from the page at `url`; the result pages' paths, best first, no duplicates.

    Chinese text typed key by key does not reach Material's input handler in headless Chromium;
    fill() and then a key press does.
    """
    page.goto(url)
    open_search(page)
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    page.wait_for_function(
        "([ready, none]) => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !ready.some(t => m.textContent.includes(t)) && (none.some(t => m.textContent"
        ".includes(t)) || document.querySelector('.md-search-result__item') !== null) }",
        arg=[list(READY), list(NONE)])
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
