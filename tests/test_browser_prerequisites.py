"""The browser tests refuse to run without a CJK font: every Chinese glyph would be an empty box
that no assertion notices. Under CI=true that is one failure line naming the package to install."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from handbook.tools.audit import CHROMIUM
from tests.sitebuild import ROOT, tool_missing

PROBE = "def test_probe(browser):\n    pass\n"


def _run_probe(tmp_path: Path, ci: str, fc_list_output: str) -> subprocess.CompletedProcess:
    """Run a one-test session that asks for the browser, with an fc-list that prints `fc_list_output`."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "fc-list"
    fake.write_text(f"#!/bin/sh\nprintf '%s' '{fc_list_output}'\n", encoding="utf-8")
    fake.chmod(0o755)
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "CI": ci,
           "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "tests.conftest", "-q", "-rs", "--no-header",
         "-p", "no:cacheprovider", "--rootdir", str(tmp_path), str(tmp_path / "test_probe.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_missing_cjk_font_fails_in_ci_with_one_line_naming_the_package(tmp_path: Path) -> None:
    run = _run_probe(tmp_path, "true", "")
    assert run.returncode == 1, run.stdout + run.stderr
    lines = [line for line in run.stdout.splitlines() if "BROWSER TESTS NOT RUN" in line]
    assert lines, run.stdout
    assert "fonts-noto-cjk" in lines[0] and "fc-list :lang=zh" in lines[0]
    assert "Traceback" not in run.stdout


def test_missing_cjk_font_is_a_loud_skip_outside_ci(tmp_path: Path) -> None:
    run = _run_probe(tmp_path, "", "")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 skipped" in run.stdout and "fonts-noto-cjk" in run.stdout


def test_an_installed_cjk_font_lets_the_browser_start(tmp_path: Path) -> None:
    if not CHROMIUM.is_file():
        tool_missing(f"BROWSER TESTS NOT RUN: {CHROMIUM} is missing")
    run = _run_probe(tmp_path, "true", "Noto Sans CJK SC\n")
    assert run.returncode == 0, run.stdout + run.stderr
