"""The parsing front never crashes; the CLI keeps its interface (formats, exit codes, --changed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handbook.lint import meta, privacy, terms
from handbook.lint.markdown_scan import MAX_BYTES, read_document

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, str(ROOT / "scripts" / "lint.py")]
PIECES = st.sampled_from(["---\n", "```", "```template\n", "~~~", "`", "<!--", "-->", "[a](b.md#c)", "![x](",
                          "{: #p1 }", "\n", "\r\n", "\ufeff", "截止目前", ",", "（", "”", "<script>", "1、",
                          "二0一一年", "title: [", "...", "http://x.y/", "@", "\x00", "|", "    ", "!!! note \""])  # noqa: E501


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=20)), max_size=40))
def test_fuzz_never_raises(tmp_path_factory: pytest.TempPathFactory, parts: list[str]) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "page.md"
    text = "".join(parts)
    doc = read_document(path, text=text)
    if doc.ok:
        assert len(doc.prose) == len(doc.text) == len(doc.nocode)
        terms.check(doc)
        privacy.check(doc)
        meta.check(doc)


def test_gbk_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "gbk.md"
    path.write_bytes("# 标题\n\n中文内容\n".encode("gbk"))
    doc = read_document(path, "gbk.md")
    assert [(p.rule, p.path) for p in doc.problems] == [("file-encoding", "gbk.md")]
    assert "not UTF-8" in doc.problems[0].message


def test_bom_crlf_unclosed_fence_and_broken_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes("\ufeff---\r\ntitle: x\r\n---\r\n\r\n正文\r\n\r\n```python\r\ncode\r\n".encode())
    doc = read_document(path)
    assert doc.had_bom and doc.meta == {"title": "x"}
    assert [(p.rule, p.line) for p in doc.problems] == [("file-unclosed-fence", 7)]
    path.write_text("---\ntitle: ok\ntags: [a\n---\n", encoding="utf-8")
    problems = read_document(path).problems
    assert problems[0].rule == "meta-yaml" and problems[0].line >= 3


def test_huge_file_is_a_finding(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    assert [p.rule for p in read_document(path).problems] == ["file-too-large"]


def lint(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*LINT, *args], capture_output=True, text=True, cwd=cwd)


def test_formats_and_exit_codes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("截止目前共20处。[x](missing.md)\n", encoding="utf-8")
    config = str(ROOT / "tests" / "fixtures" / "links" / "ok" / "mkdocs.yml")
    result = lint("all", str(bad), "--config", config, "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    keys = {"path", "line", "column", "rule", "severity", "message", "suggestion"}
    assert all(keys <= set(f) for f in findings)
    assert any(f["rule"] == "link-outside-docs" and f["target"] == "missing.md" for f in findings)
    text = lint("terms", str(bad), "--config", config)
    assert text.stdout.splitlines()[0].startswith(f"{bad.as_posix()}:1:1: error wording-confusable ")
    github = lint("terms", str(bad), "--config", config, "--format", "github")
    assert github.stdout.startswith("::error file=") and ",title=wording-confusable::" in github.stdout
    good = tmp_path / "good.md"
    good.write_text("截至目前共20处。\n", encoding="utf-8")
    assert lint("terms", str(good), "--config", config).returncode == 0
    assert lint("terms", str(tmp_path / "nope.md"), "--config", config).returncode == 2
    assert lint("nonsense").returncode == 2
    assert lint("terms", "--config", str(tmp_path / "missing.yml")).returncode == 2


def test_list_rules_and_marker() -> None:
    result = lint("--list-rules", "--format", "markdown")
    assert result.returncode == 0 and "| `wording-typo` |" in result.stdout
    from handbook.build.generate import MARKERS

    assert "`link-anchor`" in MARKERS["<!-- lint-rules -->"]("zh", ROOT / "docs", "contributing")


def test_changed_lints_only_changed_files(tmp_path: Path) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("截止目前。\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "init")
    (docs / "new.md").write_text("建立台帐。\n", encoding="utf-8")
    result = lint("terms", "--changed", "--format", "json", cwd=tmp_path)
    paths = {f["path"] for f in json.loads(result.stdout)}
    assert paths == {"docs/new.md"}


def test_worker_processes_find_what_one_process_finds(tmp_path: Path) -> None:
    """A large run scans in worker processes and checks links afterwards: same findings, same
    order, as one process (twins, anchors to scanned and unscanned pages, front matter errors)."""
    from handbook.lint.cli import run, select_files

    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nvalidation:\n  anchors: warn\n"
        "plugins:\n  - i18n:\n      docs_structure: suffix\n      languages:\n"
        "        - {locale: zh, name: 中文, default: true}\n        - {locale: en, name: English}\n",
        encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    fm = ("---\ntitle: 页{n}\ntype: guide\ntopic: general\ntags: []\nsources: []\n"
          "updated: 2025-01-01\n---\n\n")
    for n in range(12):
        body = (f"## 甲 {{#a{n}}}\n\n截止目前共20处,见[下页](p{(n + 1) % 12}.md#a{(n + 1) % 12})"
                f"和[缺失](p{(n + 5) % 12}.md#nope)。\n\n## 乙\n\n电话 13812345678。\n")
        (docs / f"p{n}.md").write_text(fm.format(n=n) + body, encoding="utf-8")
        if n % 3:
            en = fm.format(n=n).replace("页", "Page ").replace("type: guide", "type: practice" if n == 4 else "type: guide")  # noqa: E501
            (docs / f"p{n}.en.md").write_text(en + f"## A {{#a{n}}}\n\n## B {{#b}}\n", encoding="utf-8")
    (docs / "bad.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    files = select_files([], docs, None)
    config = tmp_path / "mkdocs.yml"
    one = run(["links", "terms", "meta", "privacy"], files, config, whole_site=True, workers=1)
    two = run(["links", "terms", "meta", "privacy"], files, config, whole_site=True, workers=2)
    assert one == two
    assert {"link-anchor", "link-i18n-ids", "meta-translation-mismatch", "meta-yaml", "privacy-mobile",
            "wording-confusable"} <= {f.rule for f in one}
