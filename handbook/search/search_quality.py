"""Search quality as a reader sees it: queries typed into the search box of a real browser.

The query set (tests/search_queries.yml) lists, per language, what a reader types and the page(s)
they mean. `measure()` types every query into Material's search box in Chromium (served site or
the offline edition opened from disk) and records the distinct result pages in order and the
words each shown result marks as missing; `figures()` turns that into top-1, top-3 and mean
reciprocal rank. Used by tests/test_search_quality.py and scripts/bench_search.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from handbook import ROOT

QUERIES = ROOT / "tests" / "search_queries.yml"
# Material's prompt once its search worker is ready; a query typed before it is dropped.
READY = ("键入以开始搜索", "Type to start searching")
NONE = ("没有找到符合条件的结果", "No matching documents")
TOP = 3


@dataclass
class Query:
    text: str
    want: list[str]


@dataclass
class Outcome:
    query: Query
    pages: list[str]
    missing: list[str] = field(default_factory=list)  # words marked missing on the first results

    @property
    def rank(self) -> int | None:
        """1-based rank of the first wanted page among the distinct result pages, None if absent."""
        for position, page in enumerate(self.pages, 1):
            if page in self.query.want:
                return position
        return None


def load_queries(path: Path = QUERIES) -> dict[str, list[Query]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [Query(str(item["query"]), list(item["want"])) for item in items]
            for lang, items in data.items()}


def page_path(href: str, root: str) -> str:
    """A result link ("http://h/en/x/?h=q#a", "file:///…/x/index.html") as a page path under `root`
    ("x/"): directory URLs for the served site, `index.html` folded away for the offline edition."""
    path = unquote(urlsplit(href).path)
    base = unquote(urlsplit(root).path)
    if path.startswith(base):
        path = path[len(base):]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")] + "/"
    return path.lstrip("/")


def open_search(page, *, complete: bool = True) -> None:
    """Open the search dialog (header field on a wide screen, magnifier button on a phone); with
    `complete`, wait until the whole index is in (before that, results come from titles and
    headings alone: handbook/search/search_worker.js), as a page opened from disk has it at once."""
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.locator("input.md-search__input").click()
    page.wait_for_function(
        "ready => ready.some(t => (document.querySelector('.md-search-result__meta') || {})"
        ".textContent?.includes(t))", arg=list(READY))
    if complete:
        page.wait_for_function(
            "() => location.protocol === 'file:'"
            " || document.documentElement.dataset.searchIndex === 'complete'")


def type_query(page, query: str) -> None:
    """Type `query` into the open search box and wait for the results (or for "no results").

    Chinese text typed key by key does not reach Material's input handler in headless Chromium;
    fill() and then a key press does.
    """
    field = page.locator("input.md-search__input")
    field.fill(query)
    field.press("End")
    page.wait_for_function(
        "([ready, none]) => { const m = document.querySelector('.md-search-result__meta');"
        " return m && !ready.some(t => m.textContent.includes(t)) && (none.some(t => m.textContent"
        ".includes(t)) || document.querySelector('.md-search-result__item') !== null) }",
        arg=[list(READY), list(NONE)])


def shown_results(page, root: str, first: int = TOP) -> tuple[list[str], list[str]]:
    """(distinct result pages in order, words marked missing in the first `first` results)."""
    items = page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => ({
             href: item.querySelector('.md-search-result__link').href,
             missing: [...item.querySelectorAll('.md-search-result__terms del')].map(d => d.textContent)
           }))""")
    pages = list(dict.fromkeys(page_path(item["href"], root) for item in items))
    missing = [word for item in items[:first] for word in item["missing"]]
    return pages, missing


def clear_query(page) -> None:
    """Empty the search box and wait for Material's prompt, so that the next results are new ones."""
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press("End")
    page.wait_for_function(
        "ready => ready.some(t => (document.querySelector('.md-search-result__meta') || {})"
        ".textContent?.includes(t))", arg=list(READY))


def measure(page, url: str, root: str, queries: list[Query], *, complete: bool = True) -> list[Outcome]:
    """Type each query into the search box of the page at `url`, one after another as a reader
    would; `root` is the language's root URL. `complete=False` does not wait for the whole index
    (for measuring the first answers, from titles and headings alone)."""
    outcomes = []
    page.goto(url)
    open_search(page, complete=complete)
    for query in queries:
        clear_query(page)
        type_query(page, query.text)
        pages, missing = shown_results(page, root)
        outcomes.append(Outcome(query, pages, missing))
    return outcomes


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    """top-1 and top-3 shares, mean reciprocal rank, and the share of queries showing a missing word."""
    count = max(1, len(outcomes))
    ranks = [o.rank for o in outcomes]
    return {
        "queries": len(outcomes),
        "top1": sum(1 for r in ranks if r == 1) / count,
        "top3": sum(1 for r in ranks if r is not None and r <= TOP) / count,
        "mrr": sum(1 / r for r in ranks if r) / count,
        "missing": sum(1 for o in outcomes if o.missing) / count,
    }


def report(lang: str, outcomes: list[Outcome]) -> str:
    f = figures(outcomes)
    lines = [f"{lang}: {f['queries']} queries  top-1 {f['top1']:.1%}  top-{TOP} {f['top3']:.1%}  "
             f"MRR {f['mrr']:.3f}  missing shown {f['missing']:.1%}"]
    for o in outcomes:
        if o.rank != 1 or o.missing:
            lines.append(f"  {o.query.text!r}: rank {o.rank}, first {o.pages[:3]}"
                         + (f", missing {o.missing}" if o.missing else ""))
    return "\n".join(lines)
