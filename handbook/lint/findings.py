"""Findings and their output formats (text, json, GitHub annotations)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

SEVERITIES = ("error", "warning")


@dataclass(order=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    severity: str
    message: str
    suggestion: str | None = None
    target: str | None = None
    # Not printed: the fix to apply (offsets into the decoded text) when it is unambiguous.
    fix: tuple[int, int, str] | None = field(default=None, compare=False, repr=False)

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data.pop("fix")
        if data["target"] is None:
            data.pop("target")
        return data


def display_path(path: Path, root: Path | None = None) -> str:
    """A path relative to the working directory when possible, with forward slashes."""
    base = root or Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _escape_github(value: str, *, property_value: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(findings: list[Finding], fmt: str) -> str:
    findings = sorted(findings)
    if fmt == "json":
        return json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2)
    lines = []
    for f in findings:
        message = f.message
        if f.suggestion:
            message += f" → {f.suggestion}"
        if fmt == "github":
            lines.append(
                f"::{f.severity} file={_escape_github(f.path, property_value=True)},line={f.line},"
                f"col={f.column},title={_escape_github(f.rule, property_value=True)}::"
                f"{_escape_github(message)}"
            )
        else:
            lines.append(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {message}")
    return "\n".join(lines)
