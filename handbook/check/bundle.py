"""Write the 文稿检查 page's assets into the built site (called from the build hook).

    assets/check/rules.js     the rules, exported from data/ (handbook/check/export.py)
    assets/check/lexicon.js   jieba's dictionary, readings and idioms, for segmentation and the
                              misspelling detector (loaded after the first result)
    assets/check/worker.js    the worker's source as one string: JSZip + docx.js + engine.js + worker.js
    assets/check/check.js     the page's script (handbook/check/js/page.js)
    assets/check/check.css    its styles
    assets/check/native-worker.js  keeps the browser's Worker before the offline edition's shim
    assets/check/jszip-LICENSE.md

The worker is started from a Blob of its source rather than from a URL because Chromium starts
no Web Worker from a file:// URL, and the offline edition is opened from disk; a Blob of a script
the page loaded itself works in both. Only the page templates/check loads these files
(overrides/check.html), so no other page gets heavier.
"""

from __future__ import annotations

import json
from pathlib import Path

from handbook.check.export import lexicon_script, rules_script

HERE = Path(__file__).resolve().parent
JS = HERE / "js"
VENDOR = HERE.parent / "vendor"
JSZIP = VENDOR / "jszip.min.js"
JSZIP_LICENSE = VENDOR / "jszip-LICENSE.md"
FOLDER = "assets/check"
WORKER_GLOBAL = "HANDBOOK_CHECK_WORKER"
# In this order: JSZip defines self.JSZip, which docx.js uses; worker.js uses the other two.
WORKER_PARTS = (JSZIP, JS / "docx.js", JS / "engine.js", JS / "worker.js")


def worker_source() -> str:
    return "\n;\n".join(path.read_text(encoding="utf-8") for path in WORKER_PARTS)


def worker_script() -> str:
    payload = json.dumps(worker_source(), ensure_ascii=True)
    return f"self.{WORKER_GLOBAL}={payload};\n"


def write_assets(site_dir: Path) -> list[Path]:
    target = site_dir / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    files = {
        "rules.js": rules_script(),
        "lexicon.js": lexicon_script(),
        "worker.js": worker_script(),
        "check.js": (JS / "page.js").read_text(encoding="utf-8"),
        "native-worker.js": (JS / "native-worker.js").read_text(encoding="utf-8"),
        "check.css": (HERE / "check.css").read_text(encoding="utf-8"),
        "jszip-LICENSE.md": JSZIP_LICENSE.read_text(encoding="utf-8"),
    }
    written = []
    for name, text in files.items():
        path = target / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
