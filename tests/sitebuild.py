"""Build the site once per test session, or reuse site/ when it is newer than every input."""

from __future__ import annotations

import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
INPUTS = ["docs", "data", "handbook", "hooks", "overrides", "mkdocs.yml"]


def tool_missing(message: str) -> None:
    """A test needs a tool that is not installed: a failure under CI=true, a loud skip elsewhere."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    warnings.warn(message, stacklevel=2)
    pytest.skip(message)


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(p.stat().st_mtime for p in files)])
    return newest


def ensure_site() -> Path:
    """Return site/, building it strictly first when it is missing or older than its inputs."""
    stamp = SITE / "sitemap.xml"
    if stamp.is_file() and stamp.stat().st_mtime >= _newest_input():
        return SITE
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"],
        cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise AssertionError("mkdocs build --strict failed:\n" + result.stderr[-4000:])
    return SITE
