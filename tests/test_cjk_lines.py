"""No stray space where a Chinese line of the source was wrapped (handbook/build/cjk_lines.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.build.cjk_lines import BREAK, join_cjk_lines


@pytest.mark.parametrize(("html", "expected"), [
    ("<p>悬停提示、\n中文搜索</p>", "<p>悬停提示、中文搜索</p>"),
    ("<li>创城\n   工作</li>", "<li>创城工作</li>"),
    ("<p>“五小”\n行业</p>", "<p>“五小”行业</p>"),
    # Between Latin words, or Latin and Chinese, the line break stays a space.
    ("<p>make\nserve 预览\n页面</p>", "<p>make\nserve 预览页面</p>"),
    ("<p>第二篇\n2025年</p>", "<p>第二篇\n2025年</p>"),
    # Verbatim blocks keep their lines.
    ("<pre><code>一、\n（一）</code></pre><p>甲\n乙</p>", "<pre><code>一、\n（一）</code></pre><p>甲乙</p>"),
    ("<p>甲<code>丙\n丁</code>\n乙</p>", "<p>甲<code>丙\n丁</code>\n乙</p>"),
])
def test_line_breaks_between_chinese_characters_go(html: str, expected: str) -> None:
    assert join_cjk_lines(html) == expected


def test_chinese_pages_show_no_wrapped_line_as_a_space(built_site: Path) -> None:
    pages = [p for p in built_site.rglob("index.html") if not p.relative_to(built_site).parts[0] == "en"]
    offenders = []
    for path in pages:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if article is None:
            continue
        for text in article.find_all(string=BREAK):
            if not text.find_parent(["pre", "code", "script", "style", "textarea"]):
                offenders.append((path.relative_to(built_site).as_posix(), re.sub(r"\s+", " ", text)[:40]))
    assert len(pages) > 50
    assert not offenders, offenders[:10]
