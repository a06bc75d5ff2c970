"""Read a report as plain text: a .txt or .md file (UTF-8, or GB18030 as Windows saves it), or a
.docx file (every paragraph of the body, tables included, one per line).

Bad input is a `ReportError` with one line that says what to do, never a traceback: an old
.doc or an encrypted .docx (both OLE compound files), a file that is no zip, a zip without
word/document.xml.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .docx is an OLE file holding these streams (MS-OFFCRYPTO), named in UTF-16.
ENCRYPTED_MARKS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TEXT_TAGS = tuple(W + name for name in ("t", "tab", "ptab", "br", "cr", "noBreakHyphen"))


class ReportError(ValueError):
    """A file that cannot be read as a report, with a message for the person who gave it."""


def read_report(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ReportError(f"{path}: cannot read: {error.strerror or error}") from None
    if path.suffix.lower() == ".docx" or raw.startswith((OLE_MAGIC, b"PK")):
        return docx_text(raw, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise ReportError(f"{path}: neither UTF-8 nor GB18030 text; save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def docx_text(raw: bytes, path: Path) -> str:
    """The paragraphs of a .docx, one per line (python-docx reads the XML)."""
    if raw.startswith(OLE_MAGIC):
        if any(mark in raw for mark in ENCRYPTED_MARKS):
            raise ReportError(f"{path}: the Word file is password-protected; remove the password "
                              "(File > Info > Protect Document) and save again")
        raise ReportError(f"{path}: an old-format Word file (.doc); save it as .docx in Word or WPS "
                          "(File > Save As > Word Document)")
    import io

    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(raw))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReportError(f"{path}: not a readable .docx file ({error})") from None
    return "\n".join(paragraph_texts(document.element))


def paragraph_texts(root) -> list[str]:
    """The text of every w:p under `root` in document order; a paragraph nested in a text box is
    its own paragraph, after the one that holds it (handbook/check/js/docx.js reads the same)."""
    texts = []
    for paragraph in root.iter(W + "p"):
        parts = []
        for element in paragraph.iter(*TEXT_TAGS):
            owner = element.getparent()
            while owner is not None and owner.tag != W + "p":
                owner = owner.getparent()
            if owner is not paragraph:
                continue
            tag = element.tag[len(W):]
            if tag == "t":
                parts.append(element.text or "")
            elif tag in ("tab", "ptab"):
                parts.append("\t")
            elif tag == "br":
                if element.get(W + "type") in (None, "textWrapping"):
                    parts.append("\n")
            elif tag == "cr":
                parts.append("\n")
            else:  # noBreakHyphen
                parts.append("-")
        texts.append("".join(parts))
    return texts
