"""Shared fixtures: the built site, served on 127.0.0.1, and a headless Chromium driving it.

Browser tests use Debian's Chromium (apt-get install -y chromium fonts-noto-cjk), never a browser
downloaded by `playwright install`. Without it the browser tests fail under CI=true and are
skipped, loudly, everywhere else.

    def test_something(site_server, page):
        page.goto(site_server + "templates/")
"""

from __future__ import annotations

import functools
import os
import threading
import warnings
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.sitebuild import ensure_site

CHROMIUM = Path(os.environ.get("HANDBOOK_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    # Nothing but the local server resolves: a page that reaches out to the network fails.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def built_site() -> Path:
    """site/, built strictly first when missing or older than its inputs."""
    return ensure_site()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built site, served by http.server on 127.0.0.1."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _unavailable(reason: str) -> None:
    message = (f"BROWSER TESTS NOT RUN: {reason}. Install Debian's Chromium: "
               "apt-get install -y chromium fonts-noto-cjk")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Playwright for Python driving /usr/bin/chromium)."""
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Exception as error:  # a broken install must not pass silently either
        playwright.stop()
        _unavailable(f"Chromium did not start: {error}")
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture
def browser_context(browser):
    """A fresh context with clipboard access, Chinese locale, A4-ish viewport."""
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    try:
        yield context
    finally:
        context.close()


@pytest.fixture
def page(browser_context):
    """A page in a fresh context; console errors of the site fail the test that produced them."""
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"
