"""Unfinished pages fail the page linter; the verbatim source reports stay quiet unless asked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.lint import completeness
from handbook.lint.markdown_scan import read_document
from tests.sitebuild import ROOT

FM = ("---\ntitle: 测试\ntype: {type}\ntopic: markets\ntags: []\nsources: [report-2]\n"
      "updated: 2025-01-01\n---\n\n")
CITED = "\n出处：[第二篇第9段](../../sources/report-2.md#p9)\n"


def _rules(tmp_path: Path, body: str, page_type: str = "guide",
           name: str = "page.md") -> list[tuple[str, int]]:
    path = tmp_path / name
    path.write_text(FM.format(type=page_type) + body, encoding="utf-8")
    return [(f.rule, f.line) for f in completeness.check(read_document(path))]


@pytest.mark.parametrize(("body", "expected"), [
    ("## 做法 {#steps}\n\n【待填写：按步骤写。】\n", [("page-unfilled", 12)]),
    ("正文。【待补充】再写。\n", [("page-unfilled", 10)]),
    ("【TODO: 数字】\n", [("page-unfilled", 10)]),
    # Placeholders of a template or phrase text are the point of it; code shows them as examples.
    ("```template\n【单位名称】【待填写：开头】\n```\n", []),
    ("```phrase\n【待填写：数字】\n```\n", []),
    ("写法示例：`【待填写：……】`。\n", []),
    ("<!-- 【待填写：注释里的】 -->\n", []),
    ("占位符写作【单位名称】这样的形式。\n", []),
])
def test_prompts_left_in_a_page_are_errors_with_their_line(tmp_path: Path, body: str,
                                                          expected: list[tuple[str, int]]) -> None:
    assert _rules(tmp_path, body + CITED) == expected


def test_prompts_outside_the_template_text_of_a_template_page_are_errors(tmp_path: Path) -> None:
    body = "## 适用场合 {#when}\n\n【待填写：什么时候用。】\n\n```template\n【单位名称】\n```\n"
    assert _rules(tmp_path, body, "template") == [("page-unfilled", 12)]


@pytest.mark.parametrize(("body", "name", "expected"), [
    ("做法。\n", "practice-x.md", ["practice-no-source"]),
    ("做法见[汇报](../../sources/report-2.md)。\n", "practice-x.md", ["practice-no-source"]),
    ("做法。" + CITED, "practice-x.md", []),
    ("做法。[第一篇第5段](../sources/report-1.md#p5)\n", "practice-x.md", []),
    # The English twin follows its Chinese source, which is checked.
    ("A practice.\n", "practice-x.en.md", []),
])
def test_a_practice_must_cite_a_source_paragraph(tmp_path: Path, body: str, name: str,
                                                 expected: list[str]) -> None:
    assert [rule for rule, _ in _rules(tmp_path, body, "practice", name)] == expected


def _lint_all(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "scripts/lint.py", "all", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_source_reports_are_quiet_unless_asked() -> None:
    quiet = _lint_all()
    assert "docs/sources/" not in quiet.stdout, quiet.stdout[:2000]
    asked = _lint_all("--include-sources", "docs/sources")
    slips = [line for line in asked.stdout.splitlines() if line.startswith("docs/sources/")]
    assert slips and all(" warning " in line for line in slips), asked.stdout[:2000]
    assert asked.returncode == 0
