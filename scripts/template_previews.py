"""Refresh the committed pictures of the templates' Word files (data/previews/), for builds without
LibreOffice. Run it after changing a template's text or the Word layout; it needs LibreOffice
and poppler (apt-get install libreoffice-writer-nogui poppler-utils).

    python scripts/template_previews.py            # build the site, copy every new picture
    python scripts/template_previews.py --check    # list stale or missing pictures, exit 1 if any
    python scripts/template_previews.py --site site   # use a site built already (with LibreOffice)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook.export.docx_render import missing_tools  # noqa: E402
from handbook.export.png_gray import png_key  # noqa: E402
from handbook.export.previews import COMMITTED, committed, source_key  # noqa: E402


def template_files(site: Path) -> list[tuple[str, Path]]:
    """(page URL, .docx) of every template page of a built site."""
    found = []
    for docx in sorted(site.rglob("template-*.docx")):
        if docx.parent.name == docx.stem and (docx.parent / "index.html").is_file():
            found.append((docx.parent.relative_to(site).as_posix() + "/", docx))
    return found


def stale(site: Path) -> list[tuple[str, Path]]:
    """The template pages whose committed picture is missing or shows another Word file."""
    result = []
    for url, docx in template_files(site):
        picture = committed(url)
        if not picture.is_file() or png_key(picture.read_bytes()) != source_key(docx):
            result.append((url, docx))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a site built with LibreOffice installed (default: build "
                        "one in build/previews-site)")
    parser.add_argument("--check", action="store_true", help="only list stale pictures; exit 1 if any")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        if missing_tools() and not args.check:
            print(f"needs {', '.join(missing_tools())}: apt-get install libreoffice-writer-nogui "
                  "poppler-utils", file=sys.stderr)
            return 2
        site = ROOT / "build" / "previews-site"
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--clean", "--site-dir", str(site)],
                               cwd=ROOT, capture_output=True, text=True, check=False)
        if build.returncode != 0:
            print(build.stderr[-2000:], file=sys.stderr)
            return 1
    outdated = stale(site)
    if args.check:
        for url, _ in outdated:
            print(f"{committed(url).relative_to(ROOT)}: missing or stale")
        return 1 if outdated else 0
    for url, docx in outdated:
        picture = docx.with_suffix(".png")
        if png_key(picture.read_bytes()) != source_key(docx):
            print(f"{picture}: not rendered from this Word file (was LibreOffice installed for the build?)",
                  file=sys.stderr)
            return 1
        committed(url).parent.mkdir(parents=True, exist_ok=True)
        committed(url).write_bytes(picture.read_bytes())
        print(f"wrote {committed(url).relative_to(ROOT)}")
    total = sum(path.stat().st_size for path in COMMITTED.rglob("*.png"))
    print(f"{len(outdated)} pictures refreshed; data/previews/ holds {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
