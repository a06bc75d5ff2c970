"""`make new`: a scaffolded page has valid front matter and section IDs and an English twin marked
untranslated; left unfilled it fails the page linter at each prompt, filled in it passes every
linter and the strict build."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.frontmatter import check, split_front_matter
from handbook.tools.scaffold import SECTIONS, ScaffoldError, create
from handbook.tools.translations import UNTRANSLATED, status_of
from tests.sitebuild import ROOT


@pytest.mark.parametrize("page_type", sorted(SECTIONS))
def test_scaffold_writes_valid_pages(tmp_path: Path, page_type: str) -> None:
    page = create(
        tmp_path, page_type, "markets", "农贸市场分区管理", "market-zoning", today=dt.date(2026, 1, 5)
    )
    zh, en = page.chinese.read_text(encoding="utf-8"), page.english.read_text(encoding="utf-8")
    meta, body, _ = split_front_matter(zh)
    assert check(meta, "zh") == []
    assert meta["type"] == page_type and meta["updated"] == dt.date(2026, 1, 5)
    en_meta, en_body, _ = split_front_matter(en)
    assert check(en_meta, "en") == []
    for _zh, _en, anchor, _note in SECTIONS[page_type]:
        assert f"{{#{anchor}}}" in body and f"{{#{anchor}}}" in en_body
    assert status_of(page.chinese).state == UNTRANSLATED


@pytest.mark.parametrize(
    "args, message",
    [
        (("recipe", "markets", "标题", "x"), "type must be"),
        (("practice", "nowhere", "标题", "x"), "unknown topic"),
        (("practice", "markets", "标题", "Bad Slug"), "slug"),
        (("practice", "markets", "  ", "ok"), "title"),
    ],
)
def test_scaffold_refuses_bad_input(tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    with pytest.raises(ScaffoldError, match=message):
        create(tmp_path, *args)


def test_scaffold_never_overwrites(tmp_path: Path) -> None:
    create(tmp_path, "practice", "markets", "标题", "same")
    with pytest.raises(ScaffoldError, match="exists"):
        create(tmp_path, "practice", "markets", "标题", "same")


def test_cli_without_a_terminal_says_what_is_missing(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "scripts/new_page.py", "--docs", str(tmp_path), "--type", "practice"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 2
    assert "--topic is required" in run.stderr


@pytest.fixture
def mini_site(tmp_path: Path) -> Path:
    """The site's own configuration, hooks and overrides over a docs folder holding only a home page."""
    root = tmp_path / "site-root"
    docs = root / "docs"
    docs.mkdir(parents=True)
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name in ("tags.md", "tags.en.md"):
        shutil.copy(ROOT / "docs" / name, docs / name)
    front = (
        "---\ntitle: {0}\ntype: guide\ntopic: general\ntags: []\nsources: []\n"
        "updated: 2026-01-05\n---\n\n# {0}\n"
    )
    (docs / "index.md").write_text(front.format("首页"), encoding="utf-8")
    (docs / "index.en.md").write_text(front.format("Home"), encoding="utf-8")
    for item in ("hooks", "overrides"):
        (root / item).symlink_to(ROOT / item)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    return root


def _lint(mini_site: Path, *paths: Path, linter: str = "all") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "lint.py"), linter, *map(str, paths),
         "--config", str(mini_site / "mkdocs.yml"), "--format", "text"],
        cwd=mini_site, capture_output=True, text=True,
    )


def _fill(path: Path, citation: str = "") -> None:
    """Write text where make new left its prompts, as an author would."""
    text = re.sub(r"【待填写：[^】]*】", "由街道城管科牵头，各社区配合，每周巡查一次。",
                  path.read_text(encoding="utf-8"))
    path.write_text(text + citation, encoding="utf-8")


@pytest.mark.parametrize("page_type", sorted(SECTIONS))
def test_unfilled_scaffold_fails_the_linter_at_each_prompt(mini_site: Path, page_type: str) -> None:
    page = create(mini_site / "docs", page_type, "markets", "农贸市场分区管理", "market-zoning")
    lines = page.chinese.read_text(encoding="utf-8").splitlines()
    prompts = [number for number, line in enumerate(lines, start=1) if "【待填写" in line]
    assert prompts, "the scaffold writes prompts"
    lint = _lint(mini_site, page.chinese, page.english)
    assert lint.returncode == 1, lint.stdout + lint.stderr
    reported = sorted(int(line.split(":")[1]) for line in lint.stdout.splitlines()
                      if " page-unfilled " in line)
    assert reported == prompts, lint.stdout
    assert ("practice-no-source" in lint.stdout) == (page_type == "practice")


def test_filled_practice_with_its_source_paragraph_passes(mini_site: Path) -> None:
    page = create(mini_site / "docs", "practice", "markets", "农贸市场分区管理", "market-zoning")
    _fill(page.chinese)
    assert "practice-no-source" in _lint(mini_site, page.chinese, linter="meta").stdout
    _fill(page.chinese, "\n第二篇第9段：[第二篇第9段](../../sources/report-2.md#p9)\n")
    lint = _lint(mini_site, page.chinese, page.english, linter="meta")
    assert lint.returncode == 0, lint.stdout + lint.stderr


@pytest.mark.parametrize("page_type", ["guide", "template"])
def test_filled_scaffold_passes_linters_and_strict_build(mini_site: Path, page_type: str) -> None:
    page = create(mini_site / "docs", page_type, "markets", "农贸市场分区管理", "market-zoning")
    _fill(page.chinese)
    lint = _lint(mini_site, page.chinese, page.english)
    assert lint.returncode == 0, lint.stdout + lint.stderr
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=mini_site,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert build.returncode == 0, build.stderr[-3000:]
    html = mini_site / "site" / "en" / "topics" / "markets" / f"{page.english.stem[:-3]}" / "index.html"
    assert "untranslated-banner" in html.read_text(encoding="utf-8")


ODD_TITLES = ["创城: 第一步", "标题 # 注释", '他说"好"', "[方括号]", "{花括号}", "- 列表", "'单引号", "yes",
              "2026-01-05", "a: b\nlint-disable: [all]"]


@pytest.mark.parametrize("title", ODD_TITLES)
def test_scaffold_writes_any_title_safely_or_refuses_it(tmp_path: Path, title: str) -> None:
    if "\n" in title:
        with pytest.raises(ScaffoldError, match="one line"):
            create(tmp_path, "practice", "markets", title, "odd-title")
        return
    page = create(tmp_path, "practice", "markets", title, "odd-title")
    meta, _body, _ = split_front_matter(page.chinese.read_text(encoding="utf-8"))
    assert meta["title"] == title and "lint-disable" not in meta
    assert check(meta, "zh") == []
