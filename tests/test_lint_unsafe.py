"""The page linter flags every hostile construct with its line, and a page cannot switch that off.

The hostile pages of tests/fixtures/hostile/ carry one payload per line (it sets `top.pwned`,
or loads from evil.example); each such line must have an html-unsafe finding.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.lint import privacy
from handbook.lint.markdown_scan import read_document
from tests.sitebuild import ROOT

PAGES = sorted((ROOT / "tests" / "fixtures" / "hostile" / "docs").rglob("*.md"))
PAYLOAD = re.compile(r"pwned|evil\.example|data:")


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_every_payload_line_is_flagged(path: Path) -> None:
    doc = read_document(path)
    flagged = {f.line for f in privacy.check(doc) if f.rule == "html-unsafe"}
    lines = doc.text.splitlines()
    # A fenced code block shows its text and runs nothing: its lines are not payloads.
    fenced, inside = set(), False
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            inside = not inside
            fenced.add(number)
        elif inside:
            fenced.add(number)
    payloads = {n for n, line in enumerate(lines, start=1) if PAYLOAD.search(line) and n not in fenced}
    assert payloads - flagged == set(), f"payload lines without a finding: {sorted(payloads - flagged)}"


@pytest.mark.parametrize("switch", ["lint-disable: [privacy]\n", "lint-disable: [html-unsafe]\n",
                                    "lint-disable: [all]\n"])
def test_a_page_cannot_disable_html_unsafe(tmp_path: Path, switch: str) -> None:
    path = tmp_path / "page.md"
    path.write_text("---\ntitle: x\n" + switch + "---\n\n<!-- lint-disable html-unsafe -->\n"
                    "<img src=x onerror=alert(1)>\n", encoding="utf-8")
    assert [f.line for f in privacy.check(read_document(path)) if f.rule == "html-unsafe"] == [7]


TRICKS = ["<!--><script>alert(1)</script>-->", "<!-- --!><img src=x onerror=alert(1)>",
          "\\`<script>alert(1)</script>`", "<!-- never closed\n\n<script>alert(1)</script>"]


@pytest.mark.parametrize("text", TRICKS)
def test_comment_and_backtick_tricks_do_not_hide_a_script(tmp_path: Path, text: str) -> None:
    path = tmp_path / "page.md"
    path.write_text("# 标题\n\n" + text + "\n", encoding="utf-8")
    assert any(f.rule == "html-unsafe" for f in privacy.check(read_document(path)))


def test_data_files_are_linted(tmp_path: Path) -> None:
    """A hostile glossary entry is flagged with the data file's name and line by `lint.py privacy`."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    hostile = ROOT / "tests" / "fixtures" / "hostile" / "data" / "glossary.yml"
    with (data / "glossary.yml").open("a", encoding="utf-8") as handle:
        handle.write("\n" + hostile.read_text(encoding="utf-8"))
    env = {**os.environ, "HANDBOOK_DATA": str(data)}
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "lint.py"), "privacy"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr[-2000:]
    flagged = [line for line in run.stdout.splitlines() if "glossary.yml:" in line and "html-unsafe" in line]
    assert len(flagged) >= 3, run.stdout[-2000:]
