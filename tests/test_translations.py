"""Translation tracking: status report, stamping, outdated detection and the pull-request check."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from handbook.tools.translations import (
    MISSING,
    OUTDATED,
    TRANSLATED,
    UNTRANSLATED,
    content_hash,
    stamp,
    status_of,
)
from tests.sitebuild import ROOT

SCRIPT = ROOT / "scripts" / "translations.py"
FRONT = "---\ntitle: {}\ntype: guide\ntopic: general\ntags: []\nsources: []\nupdated: 2026-01-05\n---\n\n"
ZH = FRONT.format("页面") + "# 页面\n\n第一段。\n"
EN = FRONT.format("Page") + "# Page\n\nFirst paragraph.\n"


def _pair(docs: Path) -> tuple[Path, Path]:
    docs.mkdir(parents=True, exist_ok=True)
    zh, en = docs / "page.md", docs / "page.en.md"
    zh.write_text(ZH, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    return zh, en


def test_hash_ignores_line_endings_and_update_date() -> None:
    assert content_hash(ZH) == content_hash(ZH.replace("\n", "\r\n"))
    assert content_hash(ZH) == content_hash(ZH.replace("2026-01-05", "2026-02-01"))
    assert content_hash(ZH) != content_hash(ZH.replace("第一段", "第二段"))


def test_states(tmp_path: Path) -> None:
    zh, en = _pair(tmp_path)
    assert status_of(zh).state == UNTRANSLATED
    assert stamp(en, content_hash(ZH)) is True
    assert status_of(zh).state == TRANSLATED
    assert stamp(en, content_hash(ZH)) is False  # idempotent
    zh.write_text(ZH.replace("第一段", "修改后的第一段"), encoding="utf-8")
    assert status_of(zh).state == OUTDATED
    en.unlink()
    assert status_of(zh).state == MISSING


def test_stamp_changes_only_its_line(tmp_path: Path) -> None:
    _zh, en = _pair(tmp_path)
    stamp(en, "abc123abc123")
    text = en.read_text(encoding="utf-8")
    assert text.replace('translation_of: "abc123abc123"\n', "") == EN
    stamp(en, "123456789012")
    assert en.read_text(encoding="utf-8") == EN.replace(
        "updated: 2026-01-05\n", 'updated: 2026-01-05\ntranslation_of: "123456789012"\n'
    )
    from handbook.frontmatter import split_front_matter

    # An all-digit hash stays a string when read back.
    assert split_front_matter(en.read_text(encoding="utf-8"))[0]["translation_of"] == "123456789012"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--docs", str(cwd / "docs"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
    )


def test_editing_a_chinese_page_marks_its_translation_outdated_in_the_report(tmp_path: Path) -> None:
    zh, en = _pair(tmp_path / "docs")
    assert _run("stamp", str(en), cwd=tmp_path).returncode == 0
    assert "translated " in _run("status", cwd=tmp_path).stdout
    zh.write_text(ZH.replace("第一段", "改过的第一段"), encoding="utf-8")
    report = _run("status", cwd=tmp_path).stdout
    assert report.startswith("outdated") and "docs/page.md" in report


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", *args],
        cwd=repo,
        check=True,
        capture_output=True,
        env={
            "GIT_AUTHOR_NAME": "t",
            "GIT_AUTHOR_EMAIL": "t@example.org",
            "GIT_COMMITTER_NAME": "t",
            "GIT_COMMITTER_EMAIL": "t@example.org",
            "HOME": str(repo),
            "PATH": "/usr/bin:/bin",
        },
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    zh, en = _pair(tmp_path / "docs")
    _git(tmp_path, "init", "-q", "-b", "main")
    assert _run("stamp", str(en), cwd=tmp_path).returncode == 0
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "base")
    return tmp_path


def test_check_fails_on_a_changed_chinese_page_and_says_what_to_paste(repo: Path) -> None:
    zh = repo / "docs" / "page.md"
    zh.write_text(ZH.replace("第一段", "改过的第一段"), encoding="utf-8")
    run = _run("check", "--changed", "HEAD", cwd=repo)
    assert run.returncode == 1
    new_hash = content_hash(zh.read_text(encoding="utf-8"))
    assert f"translation_of: {new_hash}" in run.stdout
    assert f"translation_deferred: {new_hash}" in run.stdout


def test_check_passes_once_the_translation_is_updated_or_deferred(repo: Path) -> None:
    zh, en = repo / "docs" / "page.md", repo / "docs" / "page.en.md"
    zh.write_text(ZH.replace("第一段", "改过的第一段"), encoding="utf-8")
    assert _run("stamp", "--defer", str(en), cwd=repo).returncode == 0
    assert _run("check", "--changed", "HEAD", cwd=repo).returncode == 0
    assert status_of(zh).state == OUTDATED  # deferred: still shown as outdated
    assert _run("stamp", str(en), cwd=repo).returncode == 0
    assert status_of(zh).state == TRANSLATED


def test_check_in_github_format_annotates_the_english_file(repo: Path) -> None:
    (repo / "docs" / "page.md").write_text(ZH + "\n新增一段。\n", encoding="utf-8")
    run = _run("check", "--changed", "HEAD", "--format", "github", cwd=repo)
    assert run.returncode == 1
    assert run.stdout.startswith("::error file=docs/page.en.md,line=1,col=1,title=translation-outdated::")


def test_site_pages_are_all_stamped() -> None:
    """Every English page of the site records the Chinese version it translates."""
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "status", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    import json

    states = json.loads(run.stdout)
    unstamped = [s["translation"] for s in states if s["state"] in (UNTRANSLATED, OUTDATED)]
    assert not unstamped, unstamped


def test_check_fails_on_a_new_chinese_page_without_english_page(repo: Path) -> None:
    (repo / "docs" / "new.md").write_text(ZH, encoding="utf-8")
    run = _run("check", "--changed", "HEAD", cwd=repo)
    assert run.returncode == 1
    assert 'translation_of: ""' in run.stdout
    (repo / "docs" / "new.en.md").write_text(
        EN.replace("---\n\n#", 'translation_of: ""\n---\n\n#'), encoding="utf-8"
    )
    assert _run("check", "--changed", "HEAD", cwd=repo).returncode == 0
