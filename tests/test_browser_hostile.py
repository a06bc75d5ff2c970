"""Pages and data entries written by a hostile stranger run no script and call no other host.

The project's docs, data and configuration are copied with the pages and data entries of
tests/fixtures/hostile/ added, built with the real mkdocs.yml, served on 127.0.0.1 and opened in
Chromium: loaded, hovered and clicked. Every payload sets `top.pwned`, opens a dialog or asks
evil.example for something; the `request_log` fixture fails a test whose page asked another host,
and the `page` fixture one whose page had a script error or a refusal of the site's CSP.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.tools.static_host import StaticHost
from tests.sitebuild import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "hostile"
HOSTILE_PAGES = ["getting-started/hostile-html/", "getting-started/hostile-markdown/",
                 "getting-started/hostile-comment/", "topics/hostile/template-hostile/"]
# Pages that show the hostile data entries: topic cards, navigation, glossary, template list.
DATA_PAGES = ["", "glossary/", "templates/", "en/glossary/", "topics/hostile/"]
# Attributes through which a page makes the browser load something.
LOADING = {"src", "srcset", "data", "action", "formaction", "poster", "background", "style",
           "content", "srcdoc", "xlink:href"}


def _build(work: Path) -> Path:
    # CONTRIBUTING.md: the Contributing page includes it (pymdownx.snippets).
    for name in ("mkdocs.yml", "CONTRIBUTING.md", "hooks", "overrides", "docs", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, work / name)
    shutil.copytree(FIXTURE / "docs", work / "docs", dirs_exist_ok=True)
    for extra in (FIXTURE / "data").glob("*.yml"):
        with (work / "data" / extra.name).open("a", encoding="utf-8") as handle:
            handle.write("\n" + extra.read_text(encoding="utf-8"))
    env = {**os.environ, "HANDBOOK_DATA": str(work / "data"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site")],
                         cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 0, "build of the hostile pages failed:\n" + run.stderr[-4000:]
    return work / "site"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def hostile_server(hostile_site: Path) -> Iterator[str]:
    with StaticHost(hostile_site) as host:
        yield host.url


def test_built_pages_keep_no_script_or_outside_reference(hostile_site: Path) -> None:
    for url in HOSTILE_PAGES + DATA_PAGES:
        soup = BeautifulSoup((hostile_site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        article = soup.find("article")
        assert article is not None, url
        assert "top.pwned" not in "".join(s.get_text() for s in soup.find_all("script")), url
        for tag in ("script", "style", "iframe", "object", "embed", "form", "base", "meta", "link",
                    "video", "math", "textarea", "noscript"):
            assert article.find(tag) is None, (url, tag)
        for element in soup.find_all(True):
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                assert not name.startswith("on"), (url, element.name, name)
                if name in LOADING or (name == "href" and element.name != "a"):
                    assert "evil.example" not in value, (url, element.name, name, value)
                if name in {"href", "src", "action", "formaction"}:
                    scheme = value.strip().lower().replace("\t", "").replace("\n", "")
                    assert not scheme.startswith(("javascript:", "data:", "vbscript:")), (url, name, value)
        for element in article.find_all(id=True):
            assert not element["id"].startswith("__") or element["id"].startswith("__tabbed_"), url
        # The sanitiser keeps the page's text: the paragraph after every payload is still there.
    text = (hostile_site / "getting-started/hostile-html/index.html").read_text(encoding="utf-8")
    assert "最后一段：页面到这里结束。" in text


def _visit(page, url: str) -> list[str]:
    """Load `url`, hover and click everything in the article a reader could; the dialogs opened."""
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.body.classList !== undefined && window.__md_scope !== undefined")
    targets = page.locator("article a:not([href^='http']), article abbr, article [id], article summary,"
                           " article button, article input, article mark, article details")
    for index in range(min(targets.count(), 80)):
        target = targets.nth(index)
        if not target.is_visible():
            continue
        target.hover()
        tag = target.evaluate("e => e.tagName.toLowerCase()")
        href = target.get_attribute("href") or ""
        # Following a link to another page of the site is not what is tested here.
        if tag in {"summary", "button", "input", "abbr", "mark"} or (tag == "a" and not href.strip("#")):
            target.click()
    page.mouse.move(1, 1)
    page.wait_for_timeout(300)
    return dialogs


@pytest.mark.parametrize("url", HOSTILE_PAGES + DATA_PAGES)
def test_hostile_page_runs_no_script_in_chromium(hostile_server: str, page, request_log, url: str) -> None:
    dialogs = _visit(page, hostile_server + url)
    assert page.evaluate("() => window.pwned") is None
    assert not dialogs, dialogs
    assert page.url.startswith(hostile_server), "a payload navigated the page away"
    assert request_log and all("evil.example" not in logged for logged in request_log)


def test_glossary_markup_shows_as_text(hostile_server: str, page, request_log) -> None:
    """A definition with markup reads as characters, on the glossary page and in the tooltip."""
    page.goto(hostile_server + "glossary/")
    entry = page.locator("dt#hostile-term + dd")
    assert "<img src=x onerror=" in entry.inner_text()
    assert entry.locator("img, script").count() == 0
    page.goto(hostile_server + "getting-started/hostile-html/")
    term = page.locator("article abbr", has_text="恶意术语").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text="会执行脚本的定义").first
    tooltip.wait_for(state="visible")
    assert "<img src=x onerror=" in tooltip.inner_text()
    assert tooltip.locator("img, script").count() == 0
    assert page.evaluate("() => window.pwned") is None


def test_template_features_work_on_a_hostile_template(hostile_server: str, page, request_log) -> None:
    """Copy and fill still work, and the placeholders' markup stays text."""
    page.goto(hostile_server + "topics/hostile/template-hostile/")
    page.locator(".tpl-form summary").first.click()
    fields = page.locator(".tpl-form [data-ph]")
    assert fields.count() == 2
    fields.first.fill("某街道")
    assert "某街道" in page.locator(".tpl pre.tpl-text").inner_text()
    assert page.locator(".tpl pre.tpl-text img, .tpl pre.tpl-text script").count() == 0
    assert page.evaluate("() => window.pwned") is None
