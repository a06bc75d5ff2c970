"""The offline edition (`make offline`): unzipped and opened from disk, search included."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from handbook.search.search_quality import TOP, figures, load_queries, measure, report
from tests.browserkit import search
from tests.sitebuild import ROOT


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The unzipped handbook-offline/ folder, built strictly by scripts/offline.py.

    HANDBOOK_TEST_OFFLINE_ZIP=/tmp/x.zip tests a zip built beforehand instead.
    """
    work = tmp_path_factory.mktemp("offline")
    archive = Path(os.environ.get("HANDBOOK_TEST_OFFLINE_ZIP") or work / "handbook-offline.zip")
    if "HANDBOOK_TEST_OFFLINE_ZIP" not in os.environ:
        run = subprocess.run([sys.executable, "scripts/offline.py", "--site-dir", str(work / "site"),
                              "--zip", str(archive)], cwd=ROOT, capture_output=True, text=True)
        assert run.returncode == 0, "offline build failed:\n" + run.stderr[-4000:]
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(name.startswith("handbook-offline/") for name in names)
        zf.extractall(work / "unzipped")
    return work / "unzipped" / "handbook-offline"


def _relative(root: Path, path: str) -> str:
    """A result's path ("tmp/…/handbook-offline/x/index.html") relative to the unzipped folder."""
    absolute = Path("/" + path)
    return absolute.relative_to(root).as_posix() if absolute.is_relative_to(root) else path


def test_offline_edition_has_pages_and_inline_indexes(offline_edition: Path) -> None:
    for path in ("index.html", "en/index.html", "topics/internet-cafes/index.html",
                 "search/search_index.js", "en/search/search_index.js",
                 "assets/javascripts/iframe-worker-shim.js"):
        assert (offline_edition / path).is_file(), path
    english = (offline_edition / "en" / "search" / "search_index.js").read_text(encoding="utf-8")
    chinese = (offline_edition / "search" / "search_index.js").read_text(encoding="utf-8")
    assert english.startswith("var __index = ") and '"lang":["en"]' in english
    assert chinese.startswith("var __index = ") and '"lang":["zh"]' in chinese
    for html in offline_edition.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "iframe-worker/shim" not in text, html


def test_offline_chinese_search_from_disk(offline_edition: Path, page) -> None:
    results = search(page, (offline_edition / "index.html").as_uri(), "黑网吧")
    paths = [_relative(offline_edition, path) for path in results]
    assert "topics/internet-cafes/index.html" in paths[:5], paths
    assert not any(p.startswith("en/") for p in paths), paths
    with page.expect_navigation():
        page.locator(".md-search-result__item > .md-search-result__link").first.click()
    assert page.url.startswith("file://") and page.locator("article h1").count() == 1


def test_offline_english_search_from_disk(offline_edition: Path, page) -> None:
    results = search(page, (offline_edition / "en" / "topics" / "internet-cafes" / "index.html").as_uri(),
                     "inspections")
    paths = [_relative(offline_edition, path) for path in results]
    assert paths and all(p.startswith("en/") for p in paths), paths
    assert any(p.startswith("en/topics/") for p in paths[:5]), paths


def test_offline_report_checker_from_disk(offline_edition: Path, page, tmp_path: Path) -> None:
    """文稿检查 opened from disk: the worker (from a Blob), the dictionary (a classic script) and
    Word files all work without a server."""
    from tests.checkkit import type_text
    from tests.test_check import _docx

    page.goto((offline_edition / "templates" / "check.html").as_uri())
    type_text(page, "我们将再接再励,把工作做好。")
    rules = page.locator(".check-finding__where code").all_inner_texts()
    assert sorted(rules) == ["punct-halfwidth", "wording-typo"], rules
    path = tmp_path / "report.docx"
    path.write_bytes(_docx(["截止目前，已完成。"]))
    page.locator("#check-file").set_input_files(str(path))
    page.wait_for_function("() => document.querySelector('#check-text').value === '截止目前，已完成。'")
    page.wait_for_function("() => [...document.querySelectorAll('.check-finding__where code')]"
                           ".some(c => c.textContent === 'wording-confusable')")
    assert page.url.startswith("file://")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_offline_search_quality_from_disk(offline_edition: Path, page, lang: str) -> None:
    """The query set gives the same wanted pages from disk as from the web site: the index is the
    same pack, inlined, and the worker the same."""
    root = (offline_edition / ("en" if lang == "en" else "")).as_uri().rstrip("/") + "/"
    outcomes = measure(page, root + "index.html", root, load_queries()[lang])
    print("\noffline " + report(lang, outcomes))
    missed = [(o.query.text, o.pages[:5]) for o in outcomes if o.rank is None or o.rank > TOP]
    assert not missed, missed
    result = figures(outcomes)
    assert result["top3"] >= 0.97 and result["mrr"] >= 0.9 and result["missing"] <= 1 / 20, result
