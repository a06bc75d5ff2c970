"""Files changed against a git revision: what the `--changed [BASE]` modes look at."""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(RuntimeError):
    pass


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return run.stdout if run.returncode == 0 else None


def changed_files(base: str = "HEAD", cwd: Path | None = None) -> list[Path]:
    """Existing files changed since `base` (committed, staged or not) plus untracked ones, sorted."""
    top = _git(["rev-parse", "--show-toplevel"], cwd or Path.cwd())
    if not top:
        raise GitError("--changed needs a git working tree")
    root = Path(top.strip())
    names = _git(["diff", "--name-only", base, "--"], root)
    if names is None:
        if base == "HEAD" and _git(["rev-parse", "--verify", "HEAD"], root) is None:
            names = _git(["ls-files"], root) or ""  # no commit yet: everything is new
        else:
            raise GitError(f"--changed: '{base}' is not a commit of this repository")
    names += _git(["ls-files", "--others", "--exclude-standard", "--full-name"], root) or ""
    return sorted({(root / name).resolve() for name in names.splitlines()
                   if name.strip() and (root / name).is_file()})
