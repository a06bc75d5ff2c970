"""Benchmark: search quality and search weight of the built site, in Chromium.

    python scripts/bench_search.py                  # site/ (built first if missing), both languages
    python scripts/bench_search.py --site /tmp/site --offline build/offline

Prints, per language, top-1, top-3 and mean reciprocal rank of the wanted pages of
tests/search_queries.yml typed into the search box (and the share of queries whose first results
mark a word missing), also from the head of the index alone (titles, headings, tags: the first
answer on a slow link, before the section texts arrive); then the bytes a page view transfers
(gzip, as a static host sends them) before any search, for the first query and for the next;
and the time from typing to the first result on Lighthouse's mobile profile (150 ms round trip,
1.6 Mbit/s down, CPU slowed 4×), typed right after the search box got the focus. With --offline,
the same queries in the offline edition opened from disk. Figures, not pass/fail.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.search import search_quality  # noqa: E402
from handbook.tools.audit import CHROMIUM, launch_chromium  # noqa: E402
from handbook.tools.static_host import StaticHost  # noqa: E402

LANGUAGES = {"zh": "", "en": "en/"}
# Lighthouse's mobile preset ("slow 4G" and a mid-range phone).
MOBILE = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8 * 0.9,
          "uploadThroughput": 750e3 / 8 * 0.9}
CPU_SLOWDOWN = 4


class Transfer:
    """Bytes received by a page and its workers (Chromium's encoded lengths: gzip plus headers)."""

    def __init__(self, context) -> None:
        self.total = 0
        self.urls: list[tuple[str, int]] = []
        context.on("requestfinished", self._finished)

    def _finished(self, request) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        self.total += size
        self.urls.append((request.url, size))

    def take(self) -> int:
        total, self.total = self.total, 0
        return total


def quality(browser, host_url: str, queries) -> None:
    page = browser.new_page()
    for lang, prefix in LANGUAGES.items():
        outcomes = search_quality.measure(page, host_url + prefix, host_url + prefix, queries[lang])
        print(search_quality.report(lang, outcomes))
    page.close()


def head_quality(browser, host_url: str, queries) -> None:
    """The same figures when the section texts never arrive: what a reader sees before they do
    (on a slow link, the first second or so)."""
    page = browser.new_page()
    page.route("**/search/texts.*.json", lambda route: route.abort())
    for lang, prefix in LANGUAGES.items():
        outcomes = search_quality.measure(page, host_url + prefix, host_url + prefix, queries[lang],
                                          complete=False)
        print("titles and headings only, " + search_quality.report(lang, outcomes).splitlines()[0])
    page.close()


def offline_quality(browser, folder: Path, queries) -> None:
    page = browser.new_page()
    for lang, prefix in LANGUAGES.items():
        root = (folder / prefix).as_uri().rstrip("/") + "/"
        outcomes = search_quality.measure(page, root + "index.html", root, queries[lang])
        print("offline " + search_quality.report(lang, outcomes))
    page.close()


def weight(browser, host_url: str, queries) -> None:
    for lang, prefix in LANGUAGES.items():
        context = browser.new_context()
        page = context.new_page()
        transfer = Transfer(context)
        page.goto(host_url + prefix, wait_until="networkidle")
        # Material's bundle and what it loads start after the first paint: give them time.
        page.wait_for_timeout(5000)
        before = transfer.take()
        first, second = queries[lang][0].text, queries[lang][1].text
        search_quality.open_search(page)
        search_quality.type_query(page, first)
        page.wait_for_timeout(500)
        first_bytes = transfer.take()
        search_quality.type_query(page, second)
        page.wait_for_timeout(500)
        second_bytes = transfer.take()
        print(f"{lang} home page: {before / 1000:.1f} kB before any search, {first_bytes / 1000:.1f} kB for "
              f"the first query ({first!r}), {second_bytes / 1000:.1f} kB for the next ({second!r})")
        context.close()


def _time_to_result(browser, url: str, query: str, pause: float) -> float:
    """Seconds from typing `query` to its results on the mobile profile, `pause` s after the focus."""
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", MOBILE)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="networkidle")
    search_quality.open_search(page, complete=False)
    page.wait_for_timeout(pause * 1000)
    started = time.perf_counter()
    search_quality.type_query(page, query)
    elapsed = time.perf_counter() - started
    context.close()
    return elapsed


def mobile_latency(browser, host_url: str, queries) -> None:
    for lang, prefix in LANGUAGES.items():
        query = queries[lang][0].text
        times = {pause: _time_to_result(browser, host_url + prefix, query, pause) for pause in (0, 1, 3)}
        said = ", ".join(f"{seconds:.2f} s when typed {pause} s after the focus"
                         for pause, seconds in times.items())
        print(f"{lang} mobile profile, first query {query!r}: first result {said}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=None,
                        help="built site (default: site/, built first if missing)")
    parser.add_argument("--offline", type=Path, default=None,
                        help="an unzipped offline edition (handbook-offline/) to measure from disk too")
    args = parser.parse_args(argv)
    if args.site is None:
        from tests.sitebuild import ensure_site

        args.site = ensure_site()
    queries = search_quality.load_queries()
    from playwright.sync_api import sync_playwright

    with StaticHost(args.site, gzip=True) as host, sync_playwright() as playwright:
        browser = launch_chromium(playwright, CHROMIUM)
        try:
            quality(browser, host.url, queries)
            head_quality(browser, host.url, queries)
            if args.offline:
                offline_quality(browser, args.offline, queries)
            weight(browser, host.url, queries)
            mobile_latency(browser, host.url, queries)
        finally:
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
