"""The Python runner of 文稿检查: the `terms` linter on a plain-text report.

A report pasted into the page or read from a Word file is plain text, not Markdown: nothing in it
is masked as code, link or HTML. A report is an official document: the numbering of GB/T 9704
applies, and the misspelling detector is on; the Chinese rules apply only when the text holds
Chinese.
"""

from __future__ import annotations

from handbook.lint import terms
from handbook.lint.terms import TextFinding


def check_text(text: str) -> list[TextFinding]:
    """Every wording finding of `text`, in order of position (offsets in code points)."""
    return terms.lint_text(text, locale="zh", official_numbering=True, detector=True)


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a code-point offset."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def as_dict(text: str, finding: TextFinding) -> dict[str, object]:
    line, column = position(text, finding.offset)
    return {"rule": finding.rule, "start": finding.offset, "end": finding.offset + finding.length,
            "line": line, "column": column, "severity": finding.severity, "message": finding.message,
            "suggestion": finding.suggestion, "fix": list(finding.fix) if finding.fix else None}
