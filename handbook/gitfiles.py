"""Files changed against a git revision: what `--changed [BASE]` modes look at."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(RuntimeError):
    pass


def _git(args: list[str], cwd: Path) -> str:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise GitError("git is not installed") from error
    if run.returncode != 0:
        raise GitError(run.stderr.strip() or f"git {' '.join(args)} failed")
    return run.stdout


def changed_files(base: str = "HEAD", cwd: Path | None = None) -> list[Path]:
    """Existing files changed since `base` (committed, staged or not) plus untracked ones."""
    cwd = cwd or Path.cwd()
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    names = _git(["diff", "--name-only", "--diff-filter=ACMR", base], cwd).splitlines()
    names += _git(["ls-files", "--others", "--exclude-standard", "--full-name"], top).splitlines()
    seen: dict[Path, None] = {}
    for name in names:
        path = top / name
        if path.is_file():
            seen.setdefault(path, None)
    return list(seen)
