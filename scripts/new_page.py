"""Create a new page: front matter, the section headings of its type, and an untranslated English twin.

Asks for what it is not given:
  python scripts/new_page.py
  python scripts/new_page.py --type practice --topic markets --title 农贸市场分区管理 --slug market-zoning
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook import ROOT  # noqa: E402
from handbook.data import topics  # noqa: E402
from handbook.tools.scaffold import SECTIONS, ScaffoldError, create  # noqa: E402


def _ask(label: str, choices: list[str] | None = None) -> str:
    if not sys.stdin.isatty():
        raise ScaffoldError(f"--{label} is required when not run interactively")
    hint = f" ({'/'.join(choices)})" if choices else ""
    return input(f"{label}{hint}: ").strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--type", choices=list(SECTIONS), help="page type")
    parser.add_argument("--topic", help="topic slug from data/topics.yml")
    parser.add_argument("--title", help="Chinese title of the page")
    parser.add_argument("--slug", help="file name part, lower-case ASCII with hyphens (e.g. market-zoning)")
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: docs/)")
    args = parser.parse_args(argv)
    try:
        page_type = args.type or _ask("type", list(SECTIONS))
        topic = args.topic or _ask("topic", [t["slug"] for t in topics()])
        title = args.title or _ask("title")
        slug = args.slug or _ask("slug")
        page = create(args.docs, page_type, topic, title, slug)
    except (ScaffoldError, EOFError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"created {page.chinese}\ncreated {page.english} (marked untranslated)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
