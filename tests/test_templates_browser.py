"""Template pages in a real browser: the fill-in form, the copy buttons and the clipboard, the page
without scripts, and printing. Fixtures (site_server, browser, page) live in tests/conftest.py."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from handbook.fences import render_phrase
from tests.browserkit import goto
from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
FENCE = re.compile(r"^```template[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
PLACEHOLDER = re.compile(r"【[^【】\n]*】")


def _a_template(suffix: str = ".md") -> tuple[str, str]:
    """(URL path, template text) of a template page whose template has at least two placeholders,
    preferring one with 【单位名称】."""
    pages = sorted(p for p in DOCS.glob(f"topics/*/template-*{suffix}")
                   if suffix == ".en.md" or not p.name.endswith(".en.md"))
    candidates = []
    for path in pages:
        match = FENCE.search(path.read_text(encoding="utf-8"))
        if match and len(set(PLACEHOLDER.findall(match.group(1)))) >= 2:
            name = path.name.removesuffix(suffix)
            url = path.parent.relative_to(DOCS).as_posix() + f"/{name}/"
            candidates.append(("【单位名称】" not in match.group(1), url, match.group(1).rstrip("\n")))
    assert candidates, f"no template page with placeholders ({suffix})"
    _, url, text = sorted(candidates)[0]
    return ("en/" if suffix == ".en.md" else "") + url, text


def _clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


def test_fill_in_form_fills_the_page_and_the_copied_text(site_server: str, page) -> None:
    url, text = _a_template()
    goto(page, site_server + url)
    block = page.locator(".tpl[data-template]")
    placeholders = list(dict.fromkeys(PLACEHOLDER.findall(text)))
    first, second = placeholders[0], placeholders[1]

    block.locator("summary").click()
    inputs = block.locator(".tpl-form [data-ph]")
    assert inputs.count() == len(placeholders), "one input per distinct placeholder"
    block.get_by_label(first[1:-1], exact=True).fill("某某街道办事处")
    block.get_by_label(second[1:-1], exact=True).fill("2025年3月1日")

    # The page shows the values in place of the placeholders, every occurrence.
    shown = block.locator("pre.tpl-text").inner_text()
    assert first not in shown and second not in shown
    assert shown.count("某某街道办事处") == text.count(first)

    block.get_by_role("button", name="复制全文").click()
    page.wait_for_function("() => document.querySelector('.tpl-status').textContent.length > 0")
    assert "已复制" in block.locator(".tpl-status").inner_text()
    copied = _clipboard(page)
    assert copied == text.replace(first, "某某街道办事处").replace(second, "2025年3月1日")
    # Plain text: headings and numbering kept, no Markdown or HTML.
    assert copied.split("\n")[0] == text.split("\n")[0].replace(first, "某某街道办事处").replace(
        second, "2025年3月1日")
    assert not re.search(r"```|<mark|</?span|^#+ |\*\*", copied, re.M)
    assert re.search(r"^一、", copied, re.M)

    # Clearing brings the placeholders back.
    block.get_by_role("button", name="清空").click()
    assert block.locator("pre.tpl-text").inner_text().count(first) == text.count(first)


def test_copy_works_without_the_clipboard_api(site_server: str, browser_context) -> None:
    """file:// and plain-http intranet pages have no navigator.clipboard: the fallback copies."""
    url, text = _a_template()
    page = browser_context.new_page()
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined});")
    goto(page, site_server + url)
    assert page.evaluate("() => navigator.clipboard === undefined")
    page.locator(".tpl[data-template] .tpl-copy").click()
    page.wait_for_function("() => document.querySelector('.tpl-status').textContent.length > 0")
    assert "已复制" in page.locator(".tpl-status").inner_text()
    reader = browser_context.new_page()
    reader.goto(site_server)
    assert _clipboard(reader) == text


def test_english_template_page_has_english_controls(site_server: str, page) -> None:
    url, text = _a_template(".en.md")
    goto(page, site_server + url)
    block = page.locator(".tpl[data-template]")
    block.get_by_role("button", name="Copy all").click()
    page.wait_for_function("() => document.querySelector('.tpl-status').textContent.length > 0")
    assert _clipboard(page) == text


def test_phrase_entries_get_their_own_copy_button(site_server: str, page) -> None:
    phrases = DOCS / "phrases" / "index.md"
    if phrases.is_file() and "```phrase" in phrases.read_text(encoding="utf-8"):
        goto(page, site_server + "phrases/")
        blocks = page.locator(".tpl[data-phrase]")
        assert blocks.count() > 0
        assert page.locator(".tpl[data-phrase] .tpl-copy").count() == blocks.count()
        second = blocks.nth(min(1, blocks.count() - 1))
        second.get_by_role("button", name="复制").click()
        assert _clipboard(page) == second.locator("pre").evaluate("pre => pre.textContent")
    # The formatter's own output, put into a page and set up by the script.
    url, _ = _a_template()
    goto(page, site_server + url)
    page.evaluate("""html => {
        const holder = document.createElement('div');
        holder.id = 'probe';
        holder.innerHTML = html;
        document.querySelector('article').appendChild(holder);
        window.handbookTemplates.init(holder);
    }""", render_phrase("创城工作开展以来，【单位名称】党委高度重视。"))
    page.locator("#probe .tpl-copy").click()
    assert _clipboard(page) == "创城工作开展以来，【单位名称】党委高度重视。"


def test_opening_a_page_waits_for_a_script_that_arrives_late(site_server: str, page) -> None:
    """The scripts run after the first paint; on a slow line templates.js comes long after the load
    event. goto() waits for them, so a test never calls into a script that is not there yet."""
    def slow(route) -> None:
        time.sleep(1.5)
        route.continue_()

    page.route("**/assets/templates.js*", slow)
    url, _ = _a_template()
    goto(page, site_server + url)
    assert page.evaluate("() => typeof window.handbookTemplates.init") == "function"
    assert page.locator(".tpl[data-template] .tpl-copy").count() == 1


def test_template_page_works_without_scripts(site_server: str, browser) -> None:
    url, text = _a_template()
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + url)
        block = page.locator(".tpl[data-template]")
        assert block.locator("pre.tpl-text").evaluate("pre => pre.textContent") == text
        assert block.locator("mark.ph").first.is_visible()
        assert block.locator(".tpl-copy").count() == 0
        links = page.locator("p.tpl-downloads a")
        assert links.count() == 2 and links.first.is_visible()
        for index in range(2):
            response = page.request.get(site_server + url + links.nth(index).get_attribute("href"))
            assert response.ok
    finally:
        context.close()


def test_printing_a_template_page_prints_the_template_alone(site_server: str, page) -> None:
    url, _ = _a_template()
    goto(page, site_server + url)
    page.emulate_media(media="print")
    hidden = ["article > h1", "p.tpl-downloads", ".tpl-toolbar", ".tpl-form", ".md-header", ".md-footer",
              ".md-sidebar--primary", "#notes"]
    for selector in hidden:
        if page.locator(selector).count():
            assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    style = page.evaluate("""() => {
        const get = (selector) => getComputedStyle(document.querySelector(selector));
        return {
            body: [get('.tpl[data-template] .tpl-body, .tpl[data-template] .tpl-l3').fontFamily,
                   get('.tpl[data-template] .tpl-body, .tpl[data-template] .tpl-l3').fontSize],
            title: [get('.tpl[data-template] .tpl-title').fontFamily,
                    get('.tpl[data-template] .tpl-title').fontSize,
                    get('.tpl[data-template] .tpl-title').textAlign],
            l1: get('.tpl[data-template] .tpl-l1').fontFamily,
            lineHeight: get('.tpl[data-template] .tpl-text').lineHeight,
        };
    }""")
    assert "仿宋" in style["body"][0] and style["body"][1] == "21.3333px"      # 16 pt, 3号
    assert "小标宋" in style["title"][0] and style["title"][1] == "29.3333px"  # 22 pt, 2号
    assert style["title"][2] == "center"
    assert "黑体" in style["l1"]
    assert abs(float(style["lineHeight"].removesuffix("px")) - 28.95 * 96 / 72) < 0.1
    pdf = page.pdf(prefer_css_page_size=True)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert box, "no page size in the PDF"
    width, height = float(box.group(1)), float(box.group(2))
    assert abs(width - 595.3) < 1.5 and abs(height - 841.9) < 1.5, "A4"


def test_template_library_page_links_work(site_server: str, page) -> None:
    goto(page, site_server + "templates/")
    links = page.locator("article table a[download]")
    assert links.count() >= 2
    for index in range(links.count()):
        href = links.nth(index).evaluate("a => a.href")
        assert page.request.get(href).ok, href


@pytest.fixture(autouse=True)
def _site_has_templates() -> None:
    assert any(Path(DOCS).glob("topics/*/template-*.md")), "no template pages"
