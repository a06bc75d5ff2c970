"""The picture of each Word file's first page on its template page (handbook/export/previews.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.export.png_gray import gray4_png, png_key, png_size, read_pgm
from handbook.export.previews import committed, source_key
from tests.test_templates_docx import CASES

MAX_BYTES = 40_000  # a 560 × 792 text page in 16 greys is about 18 to 30 kB


@pytest.mark.parametrize("folder", [f for _, _, f in CASES], ids=[i for i, _, _ in CASES])
def test_template_page_shows_the_first_page_of_its_word_file(built_site: Path, folder: Path) -> None:
    page = BeautifulSoup((built_site / folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    figures = page.select("figure.tpl-preview")
    assert len(figures) == 1
    image = figures[0].img
    assert image["src"] == f"{folder.name}.png" and image["alt"]
    assert figures[0].a["href"] == f"{folder.name}.docx"
    assert "仿宋_GB2312" in figures[0].figcaption.text or "Times New Roman" in figures[0].figcaption.text
    data = (built_site / folder / f"{folder.name}.png").read_bytes()
    width, height = png_size(data)
    assert (width, height) == (560, 792)  # A4: 560 × 297 / 210
    assert int(image["width"]) * 2 == width and int(image["height"]) * 2 == height
    assert len(data) < MAX_BYTES
    # Rendered from, or committed for, this very Word file.
    assert png_key(data) == source_key(built_site / folder / f"{folder.name}.docx")


@pytest.mark.parametrize("folder", [f for _, _, f in CASES], ids=[i for i, _, _ in CASES])
def test_committed_preview_is_up_to_date(built_site: Path, folder: Path) -> None:
    """Builds without LibreOffice show the committed picture: it must show the current file."""
    picture = committed(folder.as_posix() + "/")
    assert picture.is_file(), f"{picture} missing: run python scripts/template_previews.py"
    assert png_key(picture.read_bytes()) == source_key(built_site / folder / f"{folder.name}.docx"), (
        f"{picture} shows an older Word file: run python scripts/template_previews.py")


def test_gray_png_round_trip() -> None:
    """3 × 2 pixels, odd width: the packed rows decode to the 16 grey levels of the input."""
    import zlib

    pgm = b"P5\n3 2\n255\n" + bytes([0, 128, 255, 17, 34, 255])
    data = gray4_png(*read_pgm(pgm), key="abc")
    assert png_size(data) == (3, 2) and png_key(data) == "abc"
    start = data.index(b"IDAT") + 4
    length = int.from_bytes(data[start - 8:start - 4], "big")
    rows = zlib.decompress(data[start:start + length])
    assert rows == bytes([0, 0x08, 0xF0, 0, 0x12, 0xF0])


def test_without_libreoffice_the_committed_picture_is_used(tmp_path: Path, monkeypatch) -> None:
    """No LibreOffice: an up-to-date committed picture is copied, a stale one too (reported)."""
    from handbook.export import previews
    from handbook.export.docx_export import build_docx

    monkeypatch.setattr(previews, "missing_tools", lambda: ["soffice"])
    monkeypatch.setattr(previews, "COMMITTED", tmp_path / "committed")
    monkeypatch.setattr(previews, "CACHE", tmp_path / "cache")
    pages = {}
    for name, text in (("fresh", "标题\n\n正文。"), ("stale", "标题\n\n另一段正文。")):
        docx = tmp_path / f"{name}.docx"
        build_docx(text).save(str(docx))
        key = source_key(docx) if name == "fresh" else "an older file"
        picture = previews.committed(f"t/{name}/")
        picture.parent.mkdir(parents=True, exist_ok=True)
        picture.write_bytes(gray4_png(2, 1, b"\0\xff", key=key))
        pages[name] = tmp_path / f"{name}.png"
        previews.register(f"t/{name}/", docx, pages[name])
    assert previews.write_all() == {"reused": 1, "rendered": 0, "stale": 1, "missing": 0}
    assert png_key(pages["fresh"].read_bytes()) == source_key(tmp_path / "fresh.docx")
    assert png_key(pages["stale"].read_bytes()) == "an older file"
