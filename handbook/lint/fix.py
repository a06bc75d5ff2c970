"""Apply the unambiguous fixes of findings to files: atomically (temp file + os.replace) and
idempotently (a fixed text produces no fix the second time)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from handbook.lint.findings import Finding


def apply_fixes(text: str, fixes: list[tuple[int, int, str]]) -> str:
    """Apply non-overlapping (start, end, replacement) edits; an overlapping one is skipped."""
    result: list[str] = []
    position = 0
    for start, end, replacement in sorted(set(fixes)):
        if start < position:
            continue
        result.append(text[position:start])
        result.append(replacement)
        position = end
    result.append(text[position:])
    return "".join(result)


def write_atomic(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def fix_file(path: Path, text: str, had_bom: bool, findings: list[Finding]) -> int:
    """Write the fixes of `findings` into `path`; return how many were applied."""
    fixes = [finding.fix for finding in findings if finding.fix is not None]
    if not fixes:
        return 0
    fixed = apply_fixes(text, fixes)
    if fixed == text:
        return 0
    write_atomic(path, (("\ufeff" if had_bom else "") + fixed).encode("utf-8"))
    return len(fixes)
