#!/usr/bin/env python3
"""What the 文稿检查 page costs a reader (not a timed test): download sizes and time to results.

Prints, in one run on the built site served like a static host (gzip on):
- the bytes of each asset of the page, raw and gzip-compressed, and what they take to download
  at Lighthouse's mobile network profile (1.6 Mbit/s, 150 ms round trip; simulated, as
  Lighthouse does, from the compressed size);
- in Chromium with the CPU slowed down 4x (Lighthouse's mobile throttling, via the DevTools
  protocol's Emulation.setCPUThrottlingRate), for a 5,000-character report: the time from the
  paste to the first result (the rules that need no dictionary) and to the full result
  (dictionary loaded and indexed in the worker), and then to the result of one more keystroke.
The page itself loads no dictionary until the text box is used, so opening it costs only the
first group of assets.

    python scripts/bench_check.py [--site-dir site] [--throttle 4]
"""

from __future__ import annotations

import argparse
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.tools.audit import CHROMIUM, launch_chromium  # noqa: E402
from handbook.tools.static_host import StaticHost  # noqa: E402

ON_OPEN = ("rules.js", "worker.js", "check.js", "check.css", "native-worker.js")
ON_USE = ("lexicon.js",)
BANDWIDTH = 1.6e6 / 8  # bytes per second, Lighthouse mobile (slow 4G)
RTT = 0.150


def sizes(site: Path) -> None:
    print("asset                         raw KB   gzip KB   slow-4G s")
    for group, names in (("on opening the page", ON_OPEN), ("on first use", ON_USE)):
        total = 0
        for name in names:
            data = (site / "assets" / "check" / name).read_bytes()
            packed = len(gzip.compress(data, 6))
            total += packed
            seconds = RTT + packed / BANDWIDTH
            print(f"  {name:<26} {len(data) / 1024:>7.0f} {packed / 1024:>9.0f} {seconds:>10.1f}")
        print(f"  {group:<26} {'':>7} {total / 1024:>9.0f} {RTT + total / BANDWIDTH:>10.1f}")


def report_text(length: int = 5000) -> str:
    """A 5,000-character report: the source reports' prose with the fixture's slips mixed in."""
    reports = sorted((ROOT / "data" / "sources").glob("*.txt"))
    source = "".join(path.read_text(encoding="utf-8") for path in reports)
    slips = (ROOT / "tests" / "fixtures" / "check" / "report-errors.txt").read_text(encoding="utf-8")
    return (slips + source)[:length]


def timings(site: Path, throttle: float) -> None:
    from playwright.sync_api import sync_playwright

    text = report_text()
    with StaticHost(site, gzip=True) as host, sync_playwright() as playwright:
        browser = launch_chromium(playwright, CHROMIUM)
        page = browser.new_page()
        cdp = page.context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": throttle})
        started = time.perf_counter()
        page.goto(host.url + "templates/check/")
        page.wait_for_function("() => /输入时自动检查/"
                               ".test(document.querySelector('#check-status').textContent)")
        ready = time.perf_counter() - started
        page.evaluate("""text => {
            self.__t0 = performance.now(); const box = document.querySelector('#check-text');
            box.focus(); box.value = text; box.dispatchEvent(new Event('input', {bubbles: true}));
            const root = document.querySelector('[data-check-tool]');
            new MutationObserver(() => {
              const state = root.getAttribute('data-state');
              if (state && !self.__first) self.__first = performance.now() - self.__t0;
              if (state === 'complete' && !self.__full) self.__full = performance.now() - self.__t0;
            }).observe(root, {attributes: true});
        }""", text)
        page.wait_for_function("() => self.__full", timeout=300_000)
        first, full = page.evaluate("() => [self.__first, self.__full]")
        page.evaluate("""() => { self.__t1 = performance.now(); self.__next = 0;
            const root = document.querySelector('[data-check-tool]');
            new MutationObserver(() => { if (!self.__next) self.__next = performance.now() - self.__t1; })
              .observe(document.querySelector('#check-status'),
                       {childList: true, characterData: true, subtree: true});
            const box = document.querySelector('#check-text');
            box.value += '再接再励'; box.dispatchEvent(new Event('input', {bubbles: true})); }""")
        page.wait_for_function("() => /发现/.test(document.querySelector('#check-status').textContent)"
                               " && document.querySelectorAll('.check-finding').length > 0 && self.__next")
        page.wait_for_timeout(2000)
        again = page.evaluate("() => self.__next")
        browser.close()
    print(f"\nChromium, CPU {throttle:g}x slower, assets from 127.0.0.1 (no network delay), "
          f"{len(text)} characters:")
    print(f"  page ready to check              {ready * 1000:>7.0f} ms")
    print(f"  first result (no dictionary)     {first:>7.0f} ms")
    print(f"  full result (dictionary loaded)  {full:>7.0f} ms")
    print(f"  next keystroke (debounce incl.)  {again:>7.0f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site-dir", type=Path, help="a built site (default: site/, built when stale)")
    parser.add_argument("--throttle", type=float, default=4.0, help="CPU slowdown (Lighthouse mobile: 4)")
    args = parser.parse_args(argv)
    if args.site_dir:
        site = args.site_dir
    else:
        from tests.sitebuild import ensure_site

        site = ensure_site()
    sizes(site)
    if not CHROMIUM.is_file():
        print(f"\n{CHROMIUM} is missing: no browser timings", file=sys.stderr)
        return 0
    timings(site, args.throttle)
    return 0


if __name__ == "__main__":
    sys.exit(main())
