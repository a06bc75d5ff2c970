"""Bad input ends in one line naming the file (and line), never in a traceback or a hang.

Each case builds a small copy of the project (the real mkdocs.yml, hooks, overrides and data, a
home page and the tag pages) with one thing broken, or runs the page linter on it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.sitebuild import ROOT

PAGE = ("---\ntitle: 测试页\ntype: guide\ntopic: general\ntags: []\nsources: []\nupdated: 2026-11-27\n---\n\n"
        "# 测试页 {#test}\n\n正文。\n")


def _project(work: Path) -> Path:
    for name in ("mkdocs.yml", "hooks", "overrides", "data"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, work / name)
    docs = work / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name in ("tags.md", "tags.en.md"):
        shutil.copy(ROOT / "docs" / name, docs / name)
    (docs / "index.md").write_text(PAGE, encoding="utf-8")
    (docs / "getting-started").mkdir()
    return work


def _run(work: Path, *command: str, timeout: int = 120) -> subprocess.CompletedProcess:
    env = {**os.environ, "HANDBOOK_DATA": str(work / "data"),
           "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.run([sys.executable, *command], cwd=work, env=env, capture_output=True,
                          text=True, timeout=timeout)


def _build(work: Path) -> subprocess.CompletedProcess:
    return _run(work, "-m", "mkdocs", "build", "--strict", "-d", str(work / "site"))


def _page(name: str, text: str | bytes) -> Callable[[Path], None]:
    def write(work: Path) -> None:
        path = work / "docs" / "getting-started" / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return write


def _data(name: str, text: str | None) -> Callable[[Path], None]:
    def write(work: Path) -> None:
        path = work / "data" / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text, encoding="utf-8")
    return write


def _glossary_entry(**fields: str) -> str:
    entry = {"id": "x-term", "term": "某术语", "definition": "定义。", "en": "term",
             "en_definition": "Definition.", "aliases": "[]", "deprecated": "[]", **fields}
    return "- " + "\n  ".join(f"{key}: {value}" for key, value in entry.items() if value is not None) + "\n"


BUILD_CASES = {
    "gbk page": (_page("gbk.md", PAGE.replace("正文", "第二行").encode("gbk")),
                 "getting-started/gbk.md:2: not UTF-8"),
    "list front matter": (_page("list.md", "---\n- a\n- b\n---\n\n# x\n"),
                          "getting-started/list.md:2: front matter must be a mapping"),
    "broken front matter": (_page("broken.md", "---\ntitle: [unclosed\n---\n\n# x\n"),
                            "getting-started/broken.md:"),
    "impossible date": (_page("date.md", PAGE.replace("2026-11-27", "2025-02-30")),
                        "getting-started/date.md:7: front matter holds an impossible date"),
    "unknown topic": (_page("topic.md", PAGE.replace("topic: general", "topic: no-such-topic")),
                      "getting-started/topic.md:4: unknown topic 'no-such-topic'"),
    "unknown type": (_page("type.md", PAGE.replace("type: guide", "type: rumour")),
                     "getting-started/type.md:3: type 'rumour' is not one of"),
    "deep list": (_page("deep.md", PAGE + "".join("    " * depth + "- x\n" for depth in range(1000))),
                  "getting-started/deep.md:54: list nested more than 40 levels"),
    "glossary entry without en": (_data("glossary.yml", _glossary_entry(en=None)),
                                  "glossary.yml:1: `en` is missing or not text (entry 1)"),
    "glossary is a mapping": (_data("glossary.yml", "x-term: {term: 某术语}\n"),
                              "glossary.yml: must be a list of entries"),
    "glossary id with markup": (_data("glossary.yml", _glossary_entry(id='"x onclick=y"')),
                                "glossary.yml:1: `id` 'x onclick=y' must be lower-case ASCII"),
    "topic without slug": (_data("topics.yml", "- {zh: 专题, en: Topic, summary_zh: 简介, summary_en: S}\n"),
                           "topics.yml:1: `slug` is missing or not text (entry 1)"),
    "missing glossary": (_data("glossary.yml", None), "glossary.yml: cannot read"),
    "missing sources": (_data("sources.yml", None), "sources.yml: cannot read"),
}


@pytest.mark.parametrize("case", BUILD_CASES, ids=list(BUILD_CASES))
def test_build_stops_with_one_line(tmp_path: Path, case: str) -> None:
    breaks, message = BUILD_CASES[case]
    work = _project(tmp_path)
    breaks(work)
    run = _build(work)
    assert run.returncode != 0, run.stderr[-2000:]
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    lines = [line for line in run.stderr.splitlines() if message in line]
    assert len(lines) == 1, (message, run.stderr[-3000:])


def test_a_clean_small_project_builds(tmp_path: Path) -> None:
    """The cases above fail because of what each breaks, not because the small project is broken."""
    work = _project(tmp_path)
    _page("fine.md", PAGE)(work)
    run = _build(work)
    assert run.returncode == 0, run.stderr[-3000:]


@pytest.mark.parametrize("kind", ["file outside docs", "folder loop"])
def test_symlinks_are_refused_by_build_and_linter(tmp_path: Path, kind: str) -> None:
    work = _project(tmp_path)
    docs = work / "docs"
    if kind == "file outside docs":
        (docs / "assets" / "x.txt").symlink_to("/etc/passwd")
        name = "assets/x.txt"
    else:
        (docs / "a").symlink_to(docs / "b")
        (docs / "b").symlink_to(docs / "a")
        name = "docs/a"
    run = _build(work)  # within the timeout: a loop must not hang it
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert [line for line in run.stderr.splitlines() if name in line and "symbolic link" in line]
    assert not (work / "site" / "assets" / "x.txt").exists()
    lint = _run(work, str(ROOT / "scripts" / "lint.py"), "all", "--config", "mkdocs.yml", timeout=60)
    assert lint.returncode == 2 and "Traceback" not in lint.stderr, lint.stderr[-2000:]
    assert len([line for line in lint.stderr.splitlines() if "symbolic link" in line]) == 1


@pytest.mark.parametrize("case", ["missing wording", "glossary is a mapping"])
def test_linter_exits_2_on_unusable_data(tmp_path: Path, case: str) -> None:
    work = _project(tmp_path)
    if case == "missing wording":
        (work / "data" / "wording.yml").unlink()
        expected = "wording.yml: cannot read"
    else:
        (work / "data" / "glossary.yml").write_text("x-term: {term: 某术语}\n", encoding="utf-8")
        expected = "glossary.yml: must be a list of entries"
    lint = _run(work, str(ROOT / "scripts" / "lint.py"), "all", "--config", "mkdocs.yml", timeout=60)
    assert lint.returncode == 2, lint.stderr[-2000:]
    assert "Traceback" not in lint.stderr
    assert len([line for line in lint.stderr.splitlines() if expected in line]) == 1, lint.stderr[-2000:]


@pytest.mark.parametrize("command", ["stamp", "status", "check"])
def test_translations_stop_on_a_gbk_page_before_writing(tmp_path: Path, command: str) -> None:
    docs = tmp_path / "docs" / "getting-started"
    docs.mkdir(parents=True)
    english = PAGE.replace("测试页", "Test page").replace("正文。", "Text.")
    for name in ("a", "b"):
        (docs / f"{name}.md").write_text(PAGE, encoding="utf-8")
        (docs / f"{name}.en.md").write_text(english, encoding="utf-8")
    (docs / "b.md").write_bytes(PAGE.encode("gbk"))
    before = (docs / "a.en.md").read_bytes()
    run = _run(tmp_path, str(ROOT / "scripts" / "translations.py"), "--docs", str(tmp_path / "docs"), command)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert len([line for line in run.stderr.splitlines() if "b.md:2: not UTF-8" in line]) == 1, run.stderr
    assert (docs / "a.en.md").read_bytes() == before, "a.en.md was stamped before the run stopped"
