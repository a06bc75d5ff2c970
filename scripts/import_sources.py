"""Write docs/sources/report-N.md from the original source file.

The pages reproduce the reports as found; run this again only when the source file or
data/sources.yml changes. tests/test_sources.py checks that the pages still match.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook import ROOT  # noqa: E402
from handbook.build.sources_page import render_report_page  # noqa: E402
from handbook.sources import load_reports  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "sources",
                        help="folder to write report-N.md into (default: docs/sources)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for report in load_reports():
        path = args.out / f"{report.id}.md"
        path.write_text(render_report_page(report), encoding="utf-8")
        print(f"wrote {path} ({len(report.paragraphs)} paragraphs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
