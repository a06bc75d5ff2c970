"""Findings and their output formats (text, json, GitHub annotations)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from json.encoder import encode_basestring
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
        data: dict[str, object] = {
            "path": self.path, "line": self.line, "column": self.column, "rule": self.rule,
            "severity": self.severity, "message": self.message, "suggestion": self.suggestion,
        }
        if self.target is not None:
            data["target"] = self.target
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
        return _json([f.as_dict() for f in findings])
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


def _json(items: list[dict[str, object]]) -> str:
    """json.dumps(items, ensure_ascii=False, indent=2), several times faster for flat objects of
    strings, integers and None (anything else goes to json.dumps itself)."""
    if not items:
        return "[]"
    objects = []
    for item in items:
        fields = []
        for key, value in item.items():
            if isinstance(value, str):
                text = encode_basestring(value)
            elif value is None:
                text = "null"
            elif type(value) is int:
                text = int.__repr__(value)
            else:
                return json.dumps(items, ensure_ascii=False, indent=2)
            fields.append(f"{encode_basestring(key)}: {text}")
        if not fields:
            return json.dumps(items, ensure_ascii=False, indent=2)
        objects.append("{\n    " + ",\n    ".join(fields) + "\n  }")
    return "[\n  " + ",\n  ".join(objects) + "\n]"
