"""Pictures of the first page of every template's Word file, shown on its template page.

A unit sees what it downloads: the page as LibreOffice lays it out (handbook/export/docx_render.py), a
small 4-bit grey PNG beside the .docx. The build renders the pictures when LibreOffice is
installed; otherwise it copies the committed ones from data/previews/ (refreshed by
`python scripts/template_previews.py`). Every picture records the digest of the Word file it
shows, so an up-to-date picture (committed or cached in build/) is copied, not rendered again,
and a stale one is reported.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from handbook import DATA, ROOT
from handbook.export.docx_render import FONTCONFIG, first_page_png, missing_tools, to_pdf
from handbook.export.png_gray import png_key

log = logging.getLogger("mkdocs.hooks.handbook.export.previews")

WIDTH_PX = 560  # shown about 280 CSS pixels wide: sharp on a screen of two device pixels a pixel
COMMITTED = DATA / "previews"
CACHE = ROOT / "build" / "preview-cache"


@dataclass(frozen=True)
class Preview:
    url: str  # of the template page, e.g. "en/topics/five-small/template-work-report/"
    docx: Path
    png: Path


_pending: list[Preview] = []


def committed(url: str) -> Path:
    return COMMITTED / f"{url.strip('/')}.png"


def source_key(docx: Path) -> str:
    """Digest of what a picture shows: the Word file's parts (not the zip's dates), the width and
    the font fallbacks it is rendered with."""
    digest = hashlib.sha256(f"{WIDTH_PX}\n".encode())
    digest.update(FONTCONFIG.read_bytes())
    with zipfile.ZipFile(docx) as archive:
        for name in sorted(archive.namelist()):
            digest.update(name.encode() + b"\0" + archive.read(name))
    return digest.hexdigest()[:32]


def can_show(url: str) -> bool:
    """Whether the build will have a picture for this page."""
    return not missing_tools() or committed(url).is_file()


def reset() -> None:
    _pending.clear()


def register(url: str, docx: Path, png: Path) -> None:
    _pending.append(Preview(url, docx, png))


def _up_to_date(candidate: Path, key: str) -> bool:
    return candidate.is_file() and png_key(candidate.read_bytes()) == key


def render(previews: list[Preview]) -> dict[Preview, bytes]:
    """One LibreOffice run for all of them; {preview: PNG}."""
    with tempfile.TemporaryDirectory(prefix="handbook-previews-") as scratch:
        pdfs = to_pdf([preview.docx for preview in previews], Path(scratch))
        return {preview: first_page_png(pdfs[preview.docx], WIDTH_PX, source_key(preview.docx))
                for preview in previews}


def write_all() -> dict[str, int]:
    """Write the picture of every Word file written by this build; {how: count}."""
    counts = {"reused": 0, "rendered": 0, "stale": 0, "missing": 0}
    todo: list[tuple[Preview, str]] = []
    for preview in _pending:
        key = source_key(preview.docx)
        found = next((c for c in (committed(preview.url), CACHE / f"{key}.png") if _up_to_date(c, key)), None)
        if found is not None:
            shutil.copyfile(found, preview.png)
            counts["reused"] += 1
        else:
            todo.append((preview, key))
    if todo and not missing_tools():
        for preview, picture in render([preview for preview, _ in todo]).items():
            preview.png.write_bytes(picture)
            CACHE.mkdir(parents=True, exist_ok=True)
            (CACHE / f"{png_key(picture)}.png").write_bytes(picture)
            counts["rendered"] += 1
    elif todo:
        for preview, _ in todo:
            if committed(preview.url).is_file():
                shutil.copyfile(committed(preview.url), preview.png)
                counts["stale"] += 1
                log.info("preview of %s shows an older version of the Word file; with LibreOffice "
                            "installed, run python scripts/template_previews.py", preview.url)
            else:
                counts["missing"] += 1
    _pending.clear()
    return counts
