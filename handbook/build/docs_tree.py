"""The docs folder as the build and the linters see it: real files only, never a symbolic link.

A link under docs/ could publish a file from outside it (`docs/assets/x.txt -> /etc/passwd`), hide
pages from the linters behind a folder link, or, as a loop, hang every tool that follows it. The
tree is walked without following links, so a loop costs nothing, and any link is refused.
"""

from __future__ import annotations

import os
from pathlib import Path


class SymlinkError(ValueError):
    """A symbolic link under the docs folder; the message names it and where it points."""


def symlinks(root: Path) -> list[Path]:
    """Every symbolic link under `root` (files and folders), in a stable order; links not followed."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink():
                found.append(path)
        dirs.sort()
    return found


def refuse_symlinks(root: Path) -> None:
    """Raise SymlinkError naming the first link under `root` (and how many there are)."""
    if root.is_symlink():
        raise SymlinkError(f"{root}: the docs folder is a symbolic link; use a real folder")
    links = symlinks(root)
    if not links:
        return
    first = links[0]
    more = f" (and {len(links) - 1} more)" if len(links) > 1 else ""
    raise SymlinkError(f"{first}: symbolic link to {os.readlink(first)}{more}; only real files under "
                       f"{root.name}/ are published: put the file itself there")


def markdown_files(root: Path) -> list[Path]:
    """The Markdown pages under `root`, sorted, without hidden folders or files behind links."""
    pages: list[Path] = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if name.endswith(".md") and not name.startswith(".") and not path.is_symlink():
                pages.append(path)
    return sorted(pages)
