"""Small grey-scale PNGs from poppler's PGM output, with the standard library only.

A page of black text on white needs few grey levels: 16 (4 bits a pixel) keep the anti-aliased
edges smooth at a third of the bytes of pdftoppm's own 8-bit PNG. A text chunk can carry a key
(what the picture was made from), so that a picture can be checked against its source later.
"""

from __future__ import annotations

import struct
import zlib

KEY_FIELD = b"handbook:source"
_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_NIBBLE = bytes(round(value * 15 / 255) for value in range(256))
_HIGH = bytes((value << 4) & 0xFF for value in range(256))


def read_pgm(data: bytes) -> tuple[int, int, bytes]:
    """(width, height, one byte a pixel) of a binary PGM (P5) with a maximum value of 255."""
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    if magic != b"P5" or int(maximum) != 255:
        raise ValueError("not an 8-bit binary PGM")
    width_px, height_px = int(width), int(height)
    return width_px, height_px, pixels[: width_px * height_px]


def _chunk(kind: bytes, payload: bytes) -> bytes:
    return (struct.pack(">I", len(payload)) + kind + payload
            + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))


def gray4_png(width: int, height: int, pixels: bytes, key: str = "") -> bytes:
    """A 4-bit grey-scale PNG of 8-bit grey pixels, row by row."""
    levels = pixels.translate(_NIBBLE)
    rows = []
    for y in range(height):
        row = levels[y * width:(y + 1) * width]
        if width % 2:
            row += b"\0"
        high, low = row[0::2].translate(_HIGH), row[1::2]
        # Two pixels a byte, packed as big integers: a Python loop per pixel is ten times slower.
        packed = (int.from_bytes(high, "big") | int.from_bytes(low, "big")).to_bytes(len(low), "big")
        rows.append(b"\0" + packed)  # filter type 0 (none): compresses best for text
    header = struct.pack(">IIBBBBB", width, height, 4, 0, 0, 0, 0)
    text = _chunk(b"tEXt", KEY_FIELD + b"\0" + key.encode("latin-1")) if key else b""
    return (_SIGNATURE + _chunk(b"IHDR", header) + text
            + _chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + _chunk(b"IEND", b""))


def png_size(data: bytes) -> tuple[int, int]:
    if not data.startswith(_SIGNATURE):
        raise ValueError("not a PNG")
    return struct.unpack(">II", data[16:24])


def png_key(data: bytes) -> str:
    """The key stored by gray4_png, or "" (also for a file that is not a PNG)."""
    if not data.startswith(_SIGNATURE):
        return ""
    position = len(_SIGNATURE)
    while position + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        payload = data[position + 8:position + 8 + length]
        if kind == b"tEXt" and payload.startswith(KEY_FIELD + b"\0"):
            return payload[len(KEY_FIELD) + 1:].decode("latin-1")
        if kind == b"IDAT":
            break
        position += 12 + length
    return ""
