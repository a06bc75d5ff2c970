"""The offline edition: the site opened from disk (file://), search included.

`make offline` builds with `OFFLINE=true`, which turns on Material's `offline` plugin: it switches
to `use_directory_urls: false`, loads the iframe-worker shim (Chromium will not start a Web Worker
from file://) and inlines the search index into `search/search_index.js`, which Material's bundle
reads instead of fetching `search_index.json` when the page comes from file://.

Two things of the plugin do not fit this site, and are corrected here:

- the shim comes from a CDN, which intranets cannot reach: the vendored copy in
  `handbook/vendor/` is written into the site and named instead;
- the plugin inlines the merged index once, before `handbook.search.search_split` gives each language its
  own: the inlined copy is written again for each language, with the language's whole search pack
  (handbook.search.search_pack) inside, since the search worker cannot fetch it from disk.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from functools import cache
from pathlib import Path

from handbook.search import search_pack
from handbook.search.search_split import INDEX

SHIM = Path(__file__).resolve().parent.parent / "vendor" / "iframe-worker-shim.js"
SHIM_LICENSE = SHIM.with_name("iframe-worker-LICENSE")
# Where the shim is written in the site; the name must contain "iframe-worker", which is how the
# offline plugin recognises that a shim is present and does not add its CDN URL.
SHIM_URL = "assets/javascripts/iframe-worker-shim.js"


def enabled(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin is not None and plugin.config.enabled)


def use_local_shim(config) -> None:
    """Name the vendored shim among Material's polyfills, before the offline plugin adds a CDN URL."""
    polyfills = [url for url in config.extra.get("polyfills", []) if "iframe-worker" not in url]
    config.extra["polyfills"] = [*polyfills, SHIM_URL]


@cache
def shim_inline_script() -> str:
    """The text of the inline script that the shim writes into its iframe.

    The iframe inherits the page's Content-Security-Policy, which allows the script by its hash
    (handbook/build/csp.py). The shim builds the text from a template literal that interpolates the
    source of two of its own functions; the same is done here from the vendored file.
    """
    source = SHIM.read_text(encoding="utf-8")
    template = re.search(r"<script>(postMessage=.*?)<\\/script>", source)
    if template is None:
        raise ValueError(f"{SHIM}: the iframe's inline script was not found")
    return re.sub(r"\$\{(\w+)\}", lambda m: _function_source(source, m.group(1)), template.group(1))


def _function_source(source: str, name: str) -> str:
    start = source.index(f"function {name}(")
    depth = 0
    for position in range(source.index("{", start), len(source)):
        depth += {"{": 1, "}": -1}.get(source[position], 0)
        if depth == 0:
            return source[start : position + 1]
    raise ValueError(f"{SHIM}: function {name} does not end")


def write_shim(site_dir: Path) -> None:
    target = site_dir / SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SHIM, target)
    shutil.copyfile(SHIM_LICENSE, target.with_name("iframe-worker-LICENSE.txt"))


def inline_indexes(site_dir: Path, prefixes: dict[str, str]) -> list[Path]:
    """Write `search/search_index.js` beside each language's stub `search_index.json`, with the
    language's whole pack inline (a page opened from disk cannot fetch it; handbook.search.search_pack)."""
    written = []
    for prefix in prefixes.values():
        index = site_dir / prefix / INDEX
        if not index.is_file():
            continue
        data = json.loads(index.read_text(encoding="utf-8"))
        handbook = data["config"].get("handbook")
        if handbook and "index" in handbook:
            head = json.loads((site_dir / handbook.pop("index")).read_text(encoding="utf-8"))
            handbook["data"] = search_pack.join(site_dir, head)
        script = index.with_suffix(".js")
        script.write_text("var __index = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                          encoding="utf-8")
        written.append(script)
    return written


def pack(site_dir: Path, archive: Path, folder: str = "handbook-offline") -> Path:
    """Zip the built site under one top folder, in a stable order."""
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
            if path.name.endswith(".gz"):
                continue
            zf.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    return archive
