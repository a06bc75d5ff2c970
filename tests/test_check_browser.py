"""The 文稿检查 page in Chromium: paste, Word files, apply, copy, bad files, a long paste, and that
no request carries the text."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.checkkit import PAGE, open_checker, type_text, wait_complete
from tests.test_check import FIXTURES, _docx, encrypted_docx

REPORT = (FIXTURES / "report-errors.txt").read_text(encoding="utf-8")


def _findings(page) -> list[dict]:
    return page.locator(".check-finding").evaluate_all(
        """items => items.map(li => ({
            where: li.querySelector('.check-finding__where strong').textContent,
            rule: li.querySelector('.check-finding__where code').textContent,
            mark: li.querySelector('mark').textContent,
            context: li.querySelector('.check-finding__context').textContent,
            message: li.querySelector('.check-finding__message').textContent,
            why: li.querySelector('.check-finding__rule').textContent,
            apply: !!li.querySelector('[data-check-apply]')}))""")


def test_paste_lists_findings_with_paragraph_context_rule_and_suggestion(site_server: str, page) -> None:
    open_checker(page, site_server)
    type_text(page, "关于创城工作的汇报\n\n我们将再接再励,把工作做好。")
    found = _findings(page)
    typo = next(f for f in found if f["rule"] == "wording-typo")
    assert typo["where"] == "第2段" and typo["mark"] == "再接再励"
    assert "我们将再接再励" in typo["context"] and "再接再厉" in typo["message"]
    assert typo["why"] and typo["apply"]
    comma = next(f for f in found if f["rule"] == "punct-halfwidth")
    assert comma["mark"] == "," and "GB/T 15834" in comma["why"]
    summary = page.locator("[data-check-summary]").inner_text()
    assert "按规则汇总" in summary and "wording-typo" in summary and "punct-halfwidth" in summary
    assert "发现 2 处问题" in page.locator("#check-status").inner_text()


def test_apply_one_then_all_and_copy_the_corrected_text(site_server: str, page) -> None:
    open_checker(page, site_server)
    type_text(page, REPORT)
    before = len(_findings(page))
    page.locator(".check-finding", has=page.locator("code", has_text="wording-typo")).first \
        .locator("[data-check-apply]").click()
    page.wait_for_function("() => document.querySelector('#check-text').value.includes('再接再厉')")
    wait_complete(page)
    assert len(_findings(page)) == before - 1
    page.locator("[data-check-apply-all]").click()
    page.wait_for_function("() => document.querySelector('#check-text').value.includes('截至目前')")
    wait_complete(page)
    text = page.locator("#check-text").input_value()
    assert "各位领导，现将有关情况汇报如下：" in text and "3～5名" in text and "15%～30%" in text
    left = {f["rule"] for f in _findings(page) if f["apply"]}
    assert not left, left  # every fixable finding was fixed
    page.locator("[data-check-copy]").click()
    page.wait_for_function("() => document.querySelector('#check-status').textContent.includes('已复制')")
    assert page.evaluate("() => navigator.clipboard.readText()") == text


def test_word_file_is_read_in_the_browser(site_server: str, page, tmp_path: Path) -> None:
    path = tmp_path / "汇报.docx"
    path.write_bytes(_docx(["关于创城工作的汇报", "截止目前,已完成任务。"], table=[["项目", "再接再励"]]))
    open_checker(page, site_server)
    with page.expect_file_chooser() as chooser:
        page.locator("[data-check-open]").click()
    chooser.value.set_files(str(path))
    page.wait_for_function("() => document.querySelector('#check-text').value.includes('再接再励')")
    wait_complete(page)
    expected = "关于创城工作的汇报\n截止目前,已完成任务。\n项目\n再接再励"
    assert page.locator("#check-text").input_value() == expected
    assert "已打开“汇报.docx”，共 4 段" in page.locator("#check-status").inner_text()
    assert {"wording-confusable", "punct-halfwidth", "wording-typo"} <= {f["rule"] for f in _findings(page)}


@pytest.mark.parametrize(("name", "make", "message"), [
    ("old.doc", lambda: (FIXTURES / "old-format.doc").read_bytes(), "旧版Word文件"),
    ("secret.docx", lambda: encrypted_docx(_docx(["内部"])), "设置了密码"),
    ("broken.docx", lambda: b"PK\x03\x04" + b"\x00" * 200, "已损坏"),
    ("notes.docx", lambda: "纯文本".encode(), "不是Word"),
])
def test_bad_files_get_a_message_and_the_page_keeps_working(site_server: str, page, tmp_path: Path,
                                                           name: str, make, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(make())
    open_checker(page, site_server)
    page.locator("#check-file").set_input_files(str(path))
    page.wait_for_function("m => document.querySelector('#check-status').textContent.includes(m)",
                           arg=message)
    type_text(page, "再接再励")
    assert [f["rule"] for f in _findings(page)] == ["wording-typo"]


def test_no_request_carries_the_text(site_server: str, make_context, request_log, tmp_path: Path) -> None:
    context = make_context()
    bodies: list[str] = []
    context.on("request", lambda request: bodies.append(
        f"{request.method} {request.url} {request.post_data or ''}"))
    page = context.new_page()
    open_checker(page, site_server)
    loaded = len(bodies)
    secret = "机密草稿甲乙丙丁再接再励"
    type_text(page, secret)
    path = tmp_path / "draft.docx"
    path.write_bytes(_docx([secret + "二"]))
    page.locator("#check-file").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('#check-text').value.endsWith('二')")
    wait_complete(page)
    page.locator("[data-check-apply-all]").click()
    page.locator("[data-check-copy]").click()
    time.sleep(0.5)
    assert not [b for b in bodies if "机密" in b or "%E6%9C%BA%E5%AF%86" in b.upper()]
    # After the page loaded: the dictionary, the worker's Blob and the theme's own lazy files
    # (Material's search loads its Chinese stemmer late); every one a plain GET without a body.
    later = bodies[loaded:]
    assert any("/assets/check/lexicon.js" in b for b in later), later
    assert all(b.startswith("GET ") and b.endswith(" ") for b in later), later
    assert request_log  # every request was recorded (and stayed on 127.0.0.1, checked by the fixture)


def test_long_paste_keeps_the_page_responsive(site_server: str, page) -> None:
    """200,000 characters: the check runs in the worker while the page keeps drawing frames.

    Laying out that much text in a text box is the browser's own work (about a second here) and
    is left out: frames are timed from the first one after the paste until the result arrives."""
    open_checker(page, site_server)
    type_text(page, "预热")
    long_text = ((REPORT + "\n") * (200_000 // len(REPORT) + 1))[:200_000]
    page.evaluate("""text => new Promise(resolve => {
        const box = document.querySelector('#check-text');
        box.value = text; box.dispatchEvent(new Event('input', {bubbles: true}));
        requestAnimationFrame(() => requestAnimationFrame(() => {
            self.__gaps = []; let last = performance.now();
            const tick = now => {
                self.__gaps.push(now - last); last = now;
                if (document.querySelector('[data-check-tool]').getAttribute('data-state') !== 'complete'
                    || document.querySelectorAll('.check-finding').length < 200) requestAnimationFrame(tick);
            };
            document.querySelector('[data-check-tool]').setAttribute('data-state', 'waiting');
            requestAnimationFrame(tick); resolve();
        }));
    })""", long_text)
    page.wait_for_function("() => document.querySelectorAll('.check-finding').length === 200"
                           " && document.querySelector('[data-check-tool]').dataset.state === 'complete'",
                           timeout=120_000)
    status = page.locator("#check-status").inner_text()
    worker_ms = int(re.search(r"用时 (\d+) 毫秒", status).group(1))
    gaps = page.evaluate("() => self.__gaps")
    # The last frame holds the rendering of the result; the ones before it ran while the worker checked.
    worst = max(gaps[:-1] or [0])
    assert worst < 1000, f"the main thread stalled {worst:.0f} ms during a {worker_ms} ms check"
    assert len(gaps) > 3, gaps
    more = page.locator("[data-check-more]")
    assert more.is_visible() and "显示其余" in more.inner_text()


def test_english_page_has_english_controls(site_server: str, page) -> None:
    open_checker(page, site_server, "en/" + PAGE)
    assert page.locator("[data-check-open]").inner_text() == "Open a Word file"
    type_text(page, "再接再励")
    assert "1 finding" in page.locator("#check-status").inner_text()
    assert page.locator(".check-finding__where strong").inner_text() == "Paragraph 1"


def test_the_page_says_what_it_needs_without_scripts(site_server: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_server + PAGE)
        assert "需要启用 JavaScript" in page.locator("#check-status").inner_text()
    finally:
        context.close()

