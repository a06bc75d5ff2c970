"""The site in a real browser: language switcher, copy buttons, glossary tooltips, phones, 404 pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.browserkit import goto, horizontal_overflow, path_of, wait_for_scripts

PAGES = [
    "",
    "topics/internet-cafes/",
    "topics/internet-cafes/practice-joint-crackdown/",
    "topics/internet-cafes/template-crackdown-report/",
    "sources/report-2/",
    "glossary/",
    "contributing/",
]


# --- language switcher --------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["topics/internet-cafes/practice-joint-crackdown/", "glossary/", ""])
def test_language_switcher_keeps_the_reader_on_the_same_page(site_server: str, page, path: str) -> None:
    goto(page, site_server + path)
    for language, expected in (("en", "en/" + path), ("zh", path)):
        page.locator(".md-header .md-select").hover()
        with page.expect_navigation():
            page.locator(f".md-header a.md-select__link[hreflang='{language}']").click()
        wait_for_scripts(page)
        assert path_of(page.url) == expected
        assert page.locator("html").get_attribute("lang").startswith(language)


# --- copy buttons -------------------------------------------------------------------------------

def test_code_copy_button_puts_the_code_on_the_clipboard(built_site: Path, site_server: str, page) -> None:
    html = (built_site / "contributing" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    blocks = soup.select("article .highlight pre")
    assert blocks, "no code block on the contributing page"
    # The longest block: several lines, Chinese and comments.
    number, block = max(enumerate(blocks), key=lambda item: len(item[1].code.get_text()))
    expected = block.code.get_text().rstrip()
    goto(page, site_server + "contributing/")
    highlight = page.locator("article .highlight pre").nth(number)
    highlight.hover()
    button = highlight.locator("button[data-md-type='copy'], button.md-clipboard").first
    assert button.get_attribute("title"), "the copy button has no name"
    button.click()
    page.wait_for_function("() => navigator.clipboard.readText().then(t => t.length > 0)")
    assert page.evaluate("navigator.clipboard.readText()").rstrip() == expected


# --- glossary tooltips --------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", ["", "en/"])
def test_glossary_terms_show_a_tooltip_on_hover(built_site: Path, site_server: str, page,
                                                prefix: str) -> None:
    html = (built_site / prefix / "sources" / "report-2" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    abbr = soup.select_one("article abbr[title]")
    assert abbr is not None, "no glossary term on the page"
    goto(page, site_server + prefix + "sources/report-2/")
    term = page.locator("article abbr").first
    term.scroll_into_view_if_needed()
    term.hover()
    tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=abbr["title"][:20]).first
    tooltip.wait_for(state="visible")
    box = tooltip.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0
    # Moving away hides it again.
    page.mouse.move(0, 0)
    tooltip.wait_for(state="hidden")


# --- phones -------------------------------------------------------------------------------------

@pytest.fixture
def phone(make_context):
    context = make_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True,
                           has_touch=True, locale="zh-CN")
    phone = context.new_page()
    errors: list[str] = []
    phone.on("pageerror", lambda error: errors.append(str(error)))
    yield phone
    assert not errors, errors


@pytest.mark.parametrize("path", PAGES + ["en/" + p for p in PAGES])
def test_nothing_overflows_on_a_phone(site_server: str, phone, path: str) -> None:
    # Before Material's script runs (it is started after the first paint) and after.
    phone.route("**/assets/javascripts/bundle.*.js", lambda route: route.abort())
    phone.goto(site_server + path)
    assert horizontal_overflow(phone) <= 0, f"{path} is wider than 375 px before the scripts run"
    phone.unroute("**/assets/javascripts/bundle.*.js")
    goto(phone, site_server + path)
    assert horizontal_overflow(phone) <= 0, f"{path} is wider than 375 px"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_navigation_opens_and_closes_on_a_phone(site_server: str, phone, prefix: str) -> None:
    goto(phone, site_server + prefix + "topics/internet-cafes/")
    drawer = phone.locator("nav.md-nav--primary").first
    toggle = phone.locator("#__drawer")
    assert not toggle.is_checked()
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    phone.wait_for_timeout(300)  # the drawer slides in
    box = drawer.bounding_box()
    assert box and box["x"] >= -1 and box["x"] + box["width"] <= 376, box
    links = phone.locator(".md-sidebar--primary a.md-nav__link")
    assert links.count() > 3
    assert horizontal_overflow(phone) <= 0
    # The overlay closes it.
    phone.locator("label.md-overlay").click(position={"x": 360, "y": 400})
    phone.wait_for_function("() => !document.getElementById('__drawer').checked")
    phone.wait_for_timeout(300)
    box = drawer.bounding_box()
    assert box is None or box["x"] + box["width"] <= 1, box


# --- left sidebar ------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "shown"), [
    ("", False), ("glossary/", False), ("en/glossary/", False), ("phrases/", False), ("templates/", True),
    ("topics/internet-cafes/", True), ("sources/report-2/", True),
])
def test_desktop_sidebar_only_where_it_holds_more_than_one_link(site_server: str, page, path: str,
                                                               shown: bool) -> None:
    goto(page, site_server + path)
    sidebar = page.locator(".md-sidebar--primary")
    assert sidebar.is_visible() == shown
    if shown:
        visible = sidebar.locator("a.md-nav__link").evaluate_all(
            "links => links.filter(a => a.getClientRects().length > 0).length")
        assert visible > 1
    else:
        # The text takes the room the sidebar left.
        box = page.locator("article").bounding_box()
        assert box and box["x"] < 300, box


@pytest.mark.parametrize("path", ["", "glossary/"])
def test_phone_drawer_still_lists_the_sections_where_the_sidebar_is_hidden(site_server: str, phone,
                                                                          path: str) -> None:
    goto(phone, site_server + path)
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_function("() => document.getElementById('__drawer').checked")
    links = phone.locator(".md-sidebar--primary a.md-nav__link")
    links.filter(has_text="专题").first.wait_for(state="visible")
    assert links.evaluate_all("links => links.filter(a => a.getClientRects().length > 0).length") > 5


# --- 404 pages ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("path", "lang", "heading"), [
    ("no-such-page/", "zh", "页面不存在"),
    ("topics/no-such-topic/x/", "zh", "页面不存在"),
    ("en/no-such-page/", "en", "Page not found"),
    ("en/topics/no-such-topic/x/", "en", "Page not found"),
])
def test_404_page_answers_in_the_language_of_the_path(
        site_server: str, page, path: str, lang: str, heading: str) -> None:
    response = goto(page, site_server + path)
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang").startswith(lang)
    assert heading in page.locator("article h1").inner_text()
    # Its home link leads to the home page of that language.
    with page.expect_navigation():
        page.locator("article a").first.click()
    assert path_of(page.url) == ("en/" if lang == "en" else "")


def test_english_404_page_is_built(built_site: Path) -> None:
    english = BeautifulSoup((built_site / "en" / "404.html").read_text(encoding="utf-8"), "html.parser")
    chinese = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert english.html["lang"] == "en" and "Page not found" in english.h1.get_text()
    assert chinese.html["lang"].startswith("zh") and "页面不存在" in chinese.h1.get_text()
