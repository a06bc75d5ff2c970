"""The handbook's search worker: its script, its name in the site, and writing it there.

The script is handbook/search/search_worker.js after lunr's Porter stemmer (handbook/vendor/), one file so
that it loads the same way as a Web Worker and inside the iframe of the offline edition's shim.
Its name carries a hash of its content, so a host may cache it for good.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCES = (HERE.parent / "vendor" / "porter-stemmer.js", HERE / "search_worker.js")
FOLDER = Path("assets") / "javascripts" / "workers"


@cache
def script() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SOURCES)


def name() -> str:
    """File name of the worker in the site, e.g. `handbook-search.1a2b3c4d5e.js`."""
    return f"handbook-search.{hashlib.sha256(script().encode()).hexdigest()[:10]}.js"


def write(site_dir: Path) -> Path:
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("handbook-search.*.js"):
        old.unlink()
    target = folder / name()
    target.write_text(script(), encoding="utf-8")
    return target
