"""The links linter agrees with `mkdocs build --strict` on every fixture tree."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.lint.cli import run, select_files

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p for p in (ROOT / "tests" / "fixtures" / "links").iterdir() if (p / "mkdocs.yml").is_file())
MKDOCS_TARGET = re.compile(r"(?:contains (?:a|an absolute|an unrecognized relative) link|A reference to) '([^']*)'")  # noqa: E501


def mkdocs_strict(case: Path, tmp_path: Path) -> tuple[bool, set[str]]:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(case / "mkdocs.yml"),
         "-d", str(tmp_path / "site")], capture_output=True, text=True, cwd=case)
    targets = {m.group(1) for line in result.stderr.splitlines() if "WARNING" in line
               for m in [MKDOCS_TARGET.search(line)] if m}
    return result.returncode == 0, targets


def lint(case: Path) -> tuple[bool, set[str]]:
    files = select_files([], case / "docs", None)
    findings = run(["links"], files, case / "mkdocs.yml", whole_site=True)
    errors = [f for f in findings if f.severity == "error"]
    return not errors, {f.target for f in errors if f.target}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_agrees_with_mkdocs_strict(case: Path, tmp_path: Path) -> None:
    built, mkdocs_targets = mkdocs_strict(case, tmp_path)
    passed, lint_targets = lint(case)
    assert built == passed
    assert mkdocs_targets == lint_targets


def test_every_kind_of_case_is_covered() -> None:
    names = {c.name for c in CASES}
    assert {"ok", "broken-file", "broken-anchor", "i18n", "nav-broken"} <= names


@pytest.mark.parametrize(("case", "rule"), [
    ("broken-file", "link-not-found"), ("broken-anchor", "link-anchor"), ("case-mismatch", "link-not-found"),
    ("outside-docs", "link-outside-docs"), ("unrecognized", "link-unrecognized"), ("absolute", "link-absolute"),  # noqa: E501
    ("nav-broken", "link-nav"),
])
def test_rule_ids(case: str, rule: str) -> None:
    base = ROOT / "tests" / "fixtures" / "links" / case
    findings = run(["links"], select_files([], base / "docs", None), base / "mkdocs.yml", whole_site=True)
    assert rule in {f.rule for f in findings}


def test_translation_must_keep_heading_ids(tmp_path: Path) -> None:
    base = ROOT / "tests" / "fixtures" / "links" / "i18n"
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text((base / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "index.md").write_text("# 首页\n\n## 谁 {#who}\n\n## 做法 {#steps}\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n\n## Who {#who-does}\n\n## Steps {#steps}\n", encoding="utf-8")
    findings = run(["links"], [docs / "index.en.md"], tmp_path / "mkdocs.yml", whole_site=False)
    messages = [f.message for f in findings if f.rule == "link-i18n-ids"]
    assert any("#who" in m for m in messages) and any("who-does" in m for m in messages)
