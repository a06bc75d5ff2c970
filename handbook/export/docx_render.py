"""Word files as LibreOffice lays them out: PDF by LibreOffice headless, then the text lines of
each page (poppler's pdftotext) and a small PNG of the first page (pdftoppm).

Used by the build (previews on the template pages) and by the render test, which measures the
characters on a line and the lines on a page of what LibreOffice, the free suite closest to WPS,
actually shows.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from handbook.export.png_gray import gray4_png, read_pgm

# Fallbacks for the GB/T 9704 faces (仿宋 → FangSong → Noto Serif CJK SC …): see the file.
FONTCONFIG = Path(__file__).resolve().parent.parent / "fonts" / "gbt9704-fallback.conf"
TOOLS = ("soffice", "pdftotext", "pdftoppm")
# LibreOffice converts the 17 Chinese files in 7 to 25 s here; a hung one must not hang the build.
TIMEOUT_S = 600
_XHTML = "{http://www.w3.org/1999/xhtml}"


class RenderError(RuntimeError):
    """LibreOffice or poppler failed; the message says which file and why."""


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def to_pdf(documents: list[Path], outdir: Path) -> dict[Path, Path]:
    """Convert every document with one LibreOffice run; return {document: its PDF}.

    One run for all files: starting LibreOffice costs seconds, converting a page does not. A
    private profile keeps parallel runs (tests, builds) from locking each other out.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="handbook-soffice-") as scratch:
        work = Path(scratch)
        # Numbered copies: a Chinese template and its English twin share a file name.
        copies = {}
        for number, document in enumerate(documents):
            copy = work / "in" / f"{number:04d}-{document.name}"
            copy.parent.mkdir(exist_ok=True)
            shutil.copyfile(document, copy)
            copies[document] = copy
        command = ["soffice", f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
                   "--norestore", "--convert-to", "pdf", "--outdir", str(outdir),
                   *(str(copy) for copy in copies.values())]
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTCONFIG))
        try:
            run = subprocess.run(command, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
                                 check=False)
        except subprocess.TimeoutExpired:
            raise RenderError(f"LibreOffice took over {TIMEOUT_S} s for {len(documents)} files") from None
    results = {}
    for document, copy in copies.items():
        pdf = outdir / copy.with_suffix(".pdf").name
        if not pdf.is_file():
            raise RenderError(f"{document}: LibreOffice wrote no PDF ({run.stderr.strip()[-300:]})")
        results[document] = pdf
    return results


@dataclass(frozen=True)
class TextLine:
    """One line of text on a page, in points from the top left corner of the page."""
    words: tuple[str, ...]
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def text(self) -> str:
        """The words joined as Chinese text is written: without spaces."""
        return "".join(self.words)


@dataclass(frozen=True)
class PdfPage:
    width: float
    height: float
    lines: tuple[TextLine, ...]


def pdf_pages(pdf: Path) -> list[PdfPage]:
    """The text lines of every page, from `pdftotext -bbox-layout`."""
    run = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=120,
                         check=False)
    if run.returncode != 0:
        raise RenderError(f"{pdf}: pdftotext failed ({run.stderr.decode(errors='replace').strip()})")
    root = ET.fromstring(run.stdout)
    pages = []
    for page in root.iter(f"{_XHTML}page"):
        lines = []
        for line in page.iter(f"{_XHTML}line"):
            words = tuple(word.text or "" for word in line.iter(f"{_XHTML}word"))
            box = [float(line.get(name)) for name in ("xMin", "yMin", "xMax", "yMax")]
            lines.append(TextLine(words, *box))
        pages.append(PdfPage(float(page.get("width")), float(page.get("height")), _rows(lines)))
    return pages


def _rows(lines: list[TextLine]) -> tuple[TextLine, ...]:
    """Boxes on one baseline merged into one line: pdftotext splits a line whose characters are
    spread far apart (as a bad character grid does) into several."""
    rows: list[TextLine] = []
    for line in sorted(lines, key=lambda line: (line.y1, line.x0)):
        last = rows[-1] if rows else None
        if last is not None and abs(last.y1 - line.y1) < 1 and abs(last.y0 - line.y0) < 1:
            rows[-1] = TextLine(last.words + line.words, last.x0, min(last.y0, line.y0), line.x1,
                                max(last.y1, line.y1))
        else:
            rows.append(line)
    return tuple(rows)


def first_page_png(pdf: Path, width_px: int, key: str = "") -> bytes:
    """The first page as a 4-bit grey PNG `width_px` wide (handbook/export/png_gray.py), tagged with `key`."""
    command = ["pdftoppm", "-gray", "-f", "1", "-l", "1", "-singlefile", "-scale-to-x", str(width_px),
               "-scale-to-y", "-1", str(pdf)]
    run = subprocess.run(command, capture_output=True, timeout=120, check=False)
    if run.returncode != 0:
        raise RenderError(f"{pdf}: pdftoppm failed ({run.stderr.decode(errors='replace').strip()})")
    return gray4_png(*read_pgm(run.stdout), key=key)
