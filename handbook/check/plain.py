"""The Python runner of 文稿检查: the `terms` linter on a plain-text report.

A report pasted into the page or read from a Word file is plain text, not Markdown: nothing in it
is masked as code, link or HTML. It is checked as a template page is (official-document
numbering on, every rule an error), in Chinese unless it holds no Chinese at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.lint import terms
from handbook.lint.markdown_scan import MASK, Document

# The page type whose rules fit a unit's report (GB/T 9704 numbering included).
REPORT_TYPE = "template"


@dataclass(frozen=True)
class TextFinding:
    rule: str
    start: int  # code-point offset into the text
    end: int
    line: int
    column: int
    message: str
    suggestion: str | None
    fix: tuple[int, int, str] | None

    def as_dict(self) -> dict[str, object]:
        return {"rule": self.rule, "start": self.start, "end": self.end, "line": self.line,
                "column": self.column, "message": self.message, "suggestion": self.suggestion,
                "fix": list(self.fix) if self.fix else None}


def document(text: str, name: str = "<text>") -> Document:
    """A Document whose prose is the whole text (a NUL, which the scanner uses as its mask, is
    kept out of the prose so that it cannot be read as masked code)."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return Document(path=Path(name), text=text, prose=text.replace(MASK, " "), nocode=text,
                    meta={"type": REPORT_TYPE}, locale="zh", line_starts=starts, display=name)


def check_text(text: str, name: str = "<text>") -> list[TextFinding]:
    """Every wording finding of `text`, in order of position."""
    doc = document(text, name)
    results = []
    for finding in terms.check(doc):
        start = doc.line_starts[finding.line - 1] + finding.column - 1
        end = finding.fix[1] if finding.fix else start + 1
        results.append(TextFinding(finding.rule, start, end, finding.line, finding.column, finding.message,
                                   finding.suggestion, finding.fix))
    results.sort(key=lambda f: (f.start, f.rule))
    return results
