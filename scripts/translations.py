"""Translation tracking for the English pages: report, stamp and check.

python scripts/translations.py status             # every Chinese page: translated / outdated / missing
python scripts/translations.py stamp docs/x.en.md  # record that x.en.md now translates the current x.md
python scripts/translations.py check --changed origin/main   # pull-request check
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handbook import ROOT  # noqa: E402
from handbook.frontmatter import FrontMatterError, split_front_matter  # noqa: E402
from handbook.gitfiles import GitError, changed_files  # noqa: E402
from handbook.tools.translations import (  # noqa: E402
    DEFERRED,
    MISSING,
    OUTDATED,
    TRANSLATED,
    UNTRANSLATED,
    chinese_pages,
    source_of,
    stamp,
    status_of,
    twin_of,
)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cmd_status(args: argparse.Namespace) -> int:
    pages = chinese_pages(args.docs)
    _readable(pages)
    statuses = [status_of(page) for page in pages]
    if args.format == "json":
        print(
            json.dumps(
                [
                    {
                        "source": _relative(s.source),
                        "translation": _relative(s.translation),
                        "state": s.state,
                        "current": s.current,
                        "recorded": s.recorded,
                    }
                    for s in statuses
                ],
                ensure_ascii=False,
                indent=1,
            )
        )
    else:
        for s in statuses:
            detail = f" (translates {s.recorded}, source is now {s.current})" if s.state == OUTDATED else ""
            print(f"{s.state:<12} {_relative(s.source)}{detail}")
        counts = {
            state: sum(s.state == state for s in statuses)
            for state in (TRANSLATED, OUTDATED, UNTRANSLATED, MISSING)
        }
        print(", ".join(f"{n} {state}" for state, n in counts.items()))
    return 0


def cmd_stamp(args: argparse.Namespace) -> int:
    paths = args.paths or [twin_of(p) for p in chinese_pages(args.docs) if twin_of(p).is_file()]
    # Every page is read and checked before the first is written: a page that cannot be read
    # (not UTF-8, broken front matter) stops the run with nothing changed.
    planned: list[tuple[Path, str]] = []
    for path in paths:
        source = source_of(path)
        translation = twin_of(source)
        if not translation.is_file():
            print(f"{_relative(translation)}: no English page to stamp", file=sys.stderr)
            return 2
        try:
            _readable([source])
            current = status_of(source).current
            split_front_matter(_read(translation))
        except _Unreadable as error:
            print(error, file=sys.stderr)
            return 2
        except FrontMatterError as error:
            print(f"{_relative(translation)}:{error.line}: {error}", file=sys.stderr)
            return 2
        planned.append((translation, current))
    for translation, current in planned:
        if stamp(translation, current, DEFERRED if args.defer else "translation_of"):
            print(
                f"stamped {_relative(translation)}: "
                f"{'translation_deferred' if args.defer else 'translation_of'}: {current}"
            )
    return 0


def _readable(sources: list[Path]) -> None:
    """Raise _Unreadable for the first Chinese page, or English twin, that cannot be read as UTF-8."""
    for source in sources:
        _read(source)
        if twin_of(source).is_file():
            _read(twin_of(source))


class _Unreadable(ValueError):
    """A page that is not UTF-8 or cannot be read; the message names it (and the line)."""


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Unreadable(f"{_relative(path)}: cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise _Unreadable(f"{_relative(path)}:{line}: not UTF-8 (GBK?): save the page as UTF-8") from None


def cmd_check(args: argparse.Namespace) -> int:
    if args.changed is not None:
        try:
            changed = changed_files(args.changed, args.docs)
        except GitError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        docs = args.docs.resolve()
        sources = sorted(
            {
                source_of(p)
                for p in changed
                if p.suffix == ".md" and docs in p.resolve().parents
            }
        )
        sources = [p for p in sources if p.is_file()]
    else:
        sources = chinese_pages(args.docs)
    _readable(sources)
    failures = 0
    for source in sources:
        s = status_of(source)
        # An untranslated twin (translation_of: "", as `make new` writes it) is an explicit mark too.
        if s.state in (TRANSLATED, UNTRANSLATED) or (s.state == OUTDATED and s.deferred == s.current):
            continue
        if s.state == MISSING and args.changed is None:
            continue  # shown in Chinese with a banner; `status` lists them
        failures += 1
        where = _relative(s.translation)
        if s.state == OUTDATED:
            message = (
                f"{_relative(s.source)} changed since {where} was translated "
                f"(it translates {s.recorded}, the page is now {s.current}). Update the translation and "
                f"paste into its front matter:\n    translation_of: {s.current}\n"
                f"or, to translate later, paste:\n    {DEFERRED}: {s.current}"
            )
        else:
            message = (
                f"{_relative(s.source)} has no English page ({where}). Create it (make new writes one "
                f"marked untranslated), translate it and paste into its front matter:\n"
                f"    translation_of: {s.current}\n"
                f'or, to leave it untranslated for now, paste:\n    translation_of: ""'
            )
        if args.format == "github":
            print(
                f"::error file={where},line=1,col=1,title=translation-outdated::"
                f"{message.replace(chr(10), '%0A')}"
            )
        else:
            print(f"{where}:1:1: error translation-outdated {message}")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=Path, default=ROOT / "docs", help="docs folder (default: docs/)")
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="report translated, outdated, untranslated and missing pages")
    status.add_argument("--format", choices=["text", "json"], default="text")
    stamp_cmd = commands.add_parser("stamp", help="record the current Chinese hash in English pages")
    stamp_cmd.add_argument("paths", nargs="*", type=Path, help="English (or Chinese) pages; none: every twin")
    stamp_cmd.add_argument(
        "--defer",
        action="store_true",
        help="write translation_deferred instead: the change is known, translation follows",
    )
    check = commands.add_parser("check", help="fail when a Chinese page changed without its translation")
    check.add_argument(
        "--changed",
        nargs="?",
        const="HEAD",
        default=None,
        metavar="BASE",
        help="only pages changed against BASE (default HEAD); without it, every page",
    )
    check.add_argument("--format", choices=["text", "github"], default="text")
    args = parser.parse_args(argv)
    command = {"status": cmd_status, "stamp": cmd_stamp, "check": cmd_check}[args.command]
    try:
        return command(args)
    except _Unreadable as error:
        print(f"translations.py: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
