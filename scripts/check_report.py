#!/usr/bin/env python3
"""Check a report (plain text or Word .docx) with the site's wording rules, like the 文稿检查 page.

    python scripts/check_report.py report.docx
    python scripts/check_report.py report.txt --format json

The page (templates/check) and this command run the same rules and report the same findings
(tests/test_check_parity.py). Exit status: 0 no finding, 1 findings, 2 a file that cannot be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook.check.plain import as_dict, check_text, position  # noqa: E402
from handbook.check.reports import ReportError, read_report  # noqa: E402


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Check reports (.txt, .md, .docx) with the wording rules of the handbook.")
    parser.add_argument("files", nargs="+", type=Path, help="report files (.txt, .md or .docx)")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="text: one line a finding; json: findings with offsets, per file")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    status = 0
    results = {}
    for path in args.files:
        try:
            text = read_report(path)
        except ReportError as error:
            print(error, file=sys.stderr)
            status = 2
            continue
        findings = check_text(text)
        if findings and status == 0:
            status = 1
        if args.format == "json":
            results[path.as_posix()] = {"text": text, "findings": [as_dict(text, f) for f in findings]}
        else:
            for f in findings:
                line, column = position(text, f.offset)
                suggestion = f" → {f.suggestion}" if f.suggestion else ""
                print(f"{path.as_posix()}:{line}:{column}: {f.severity} {f.rule} {f.message}{suggestion}")
    if args.format == "json":
        print(json.dumps(results, ensure_ascii=False, indent=1))
    return status


if __name__ == "__main__":
    sys.exit(main())
