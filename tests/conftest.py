"""Shared fixtures: the built site, served on 127.0.0.1, and a headless Chromium driving it.

Browser tests use Debian's Chromium (apt-get install -y chromium fonts-noto-cjk), never a browser
downloaded by `playwright install`. Without it, or without a CJK font (every Chinese glyph would be
an empty box that no assertion notices), the browser tests fail under CI=true and are skipped,
loudly, everywhere else. Every request of every browser context is recorded
(`request_log`), and a test whose page reached beyond 127.0.0.1 fails after it has run.

    def test_something(site_server, page):
        page.goto(site_server + "templates/")
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from handbook.tools.audit import CHROMIUM as DEBIAN_CHROMIUM
from handbook.tools.audit import launch_chromium
from handbook.tools.static_host import StaticHost
from tests.sitebuild import ensure_site, tool_missing

CHROMIUM = Path(os.environ.get("HANDBOOK_CHROMIUM", DEBIAN_CHROMIUM))


@pytest.fixture(scope="session")
def built_site() -> Path:
    """site/, built strictly first when missing or older than its inputs.

    HANDBOOK_TEST_SITE=/tmp/x runs the tests against a site built elsewhere, without building.
    """
    if os.environ.get("HANDBOOK_TEST_SITE"):
        return Path(os.environ["HANDBOOK_TEST_SITE"])
    return ensure_site()


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built site, served on 127.0.0.1 the way a static host does.

    A missing path under /en/ answers 404 with /en/404.html, any other with /404.html
    (handbook/tools/static_host.py; handbook/build/notfound.py says which hosts behave so).
    """
    with StaticHost(built_site) as host:
        yield host.url


def _unavailable(reason: str) -> None:
    tool_missing(f"BROWSER TESTS NOT RUN: {reason}. Install the Debian packages: "
                 "apt-get install -y chromium fonts-noto-cjk fontconfig")


def cjk_font_problem() -> str | None:
    """Why Chinese text would not render (None when fontconfig knows a Chinese font)."""
    if shutil.which("fc-list") is None:
        return "fc-list is missing, so the CJK fonts cannot be checked (apt-get install -y fontconfig)"
    listed = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    if not listed.strip():
        return "no CJK font is installed (`fc-list :lang=zh` lists none), Chinese text renders as empty boxes"
    return None


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium (Playwright for Python driving /usr/bin/chromium) with a CJK font."""
    if not CHROMIUM.is_file():
        _unavailable(f"{CHROMIUM} is missing")
    if problem := cjk_font_problem():
        _unavailable(problem)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright Python package is not installed")
    playwright = sync_playwright().start()
    try:
        browser = launch_chromium(playwright, CHROMIUM)
    except Exception as error:  # a broken install must not pass silently either
        playwright.stop()
        _unavailable(f"Chromium did not start: {error}")
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


LOCAL_HOSTS = {"127.0.0.1", "localhost"}
LOCAL_SCHEMES = {"file", "data", "blob", "about"}


def is_local(url: str) -> bool:
    """True for a request that stays on this machine: 127.0.0.1, localhost, file:, data:, blob:."""
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in {"http", "https", "ws", "wss"}
                                              and parts.hostname in LOCAL_HOSTS)


@pytest.fixture
def request_log() -> Iterator[list[str]]:
    """Every URL requested by the browser contexts of a test; after the test, none may leave 127.0.0.1."""
    log: list[str] = []
    yield log
    outside = sorted({url for url in log if not is_local(url)})
    assert not outside, f"requests left 127.0.0.1: {outside[:20]}"


@pytest.fixture
def make_context(browser, request_log) -> Iterator[Callable]:
    """A factory of browser contexts (Playwright's new_context options) whose requests are recorded."""
    contexts = []

    def make(**options):
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        context.on("request", lambda request: request_log.append(request.url))
        contexts.append(context)
        return context

    try:
        yield make
    finally:
        for context in contexts:
            context.close()


@pytest.fixture
def browser_context(make_context):
    """A fresh context with clipboard access, Chinese locale, A4-ish viewport; requests recorded."""
    return make_context(permissions=["clipboard-read", "clipboard-write"], locale="zh-CN",
                        viewport={"width": 1280, "height": 900})


def watch_errors(page) -> list[str]:
    """Script errors of `page`, and everything the site's Content-Security-Policy refused: the
    policy (handbook/build/csp.py) must never block the site's own features."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if message.type == "error" and "Content Security Policy" in message.text else None)
    return errors


@pytest.fixture
def page(browser_context):
    """A page in a fresh context; console errors of the site and refusals of its Content-Security-
    Policy fail the test that produced them."""
    page = browser_context.new_page()
    errors = watch_errors(page)
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"
