"""The pre-commit hooks run the page linters on the changed files of a real test repository."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

PAGE = (
    "---\ntitle: 测试页面\ntype: guide\ntopic: general\ntags: []\nsources: []\n"
    "updated: 2026-01-05\n---\n\n# 测试页面\n\n{}\n"
)


def _env(repo: Path) -> dict[str, str]:
    return {
        **os.environ,
        "HOME": str(repo),
        "PRE_COMMIT_HOME": str(repo / ".pre-commit-cache"),
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for name in ("scripts", "handbook", "data", "hooks", "overrides"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", ".pre-commit-config.yaml", "pyproject.toml"):
        shutil.copy(ROOT / name, repo / name)
    (repo / "docs").mkdir()
    (repo / "docs" / "index.md").write_text(PAGE.format("首页。"), encoding="utf-8")
    (repo / ".venv").symlink_to(ROOT / ".venv")
    (repo / ".gitignore").write_text(".venv\n.pre-commit-cache/\n", encoding="utf-8")
    env = _env(repo)
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)
    return repo


def _pre_commit(repo: Path) -> subprocess.CompletedProcess[str]:
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=_env(repo))
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pre-commit"), "run"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=_env(repo),
    )


def test_hooks_block_a_page_with_personal_data_and_pass_once_it_is_removed(repo: Path) -> None:
    page = repo / "docs" / "contact.md"
    page.write_text(PAGE.format("联系人手机13912345678。"), encoding="utf-8")
    twin = "---\ntitle: Contact\ntype: guide\ntopic: general\ntags: []\nsources: []\nupdated: 2026-01-05\n"
    (repo / "docs" / "contact.en.md").write_text(
        twin + 'translation_of: ""\n---\n\n# Contact\n', encoding="utf-8"
    )
    blocked = _pre_commit(repo)
    assert blocked.returncode != 0, blocked.stdout
    assert "contact.md" in blocked.stdout
    page.write_text(PAGE.format("联系电话见【联系电话】。"), encoding="utf-8")
    passed = _pre_commit(repo)
    assert passed.returncode == 0, passed.stdout + passed.stderr
