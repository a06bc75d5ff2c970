"""Point each language's pages at its own search index.

Material loads the search index from `search/search_index.json` (or `search_index.js` from disk)
under `base` of the `__config` script, and resolves result locations against that same `base`.
MkDocs sets it to the site root on every page, so English pages would search the Chinese index.
handbook.search_split writes the English index under `en/` with locations relative to `en/`:
this module rewrites `base` on pages under `en/` to `<root>en/`, and both fit.

The other uses of `base` in Material's bundle (versions, which this site has none of, and the
language selector's sitemap look-up, which only acts when leaving a language) are unaffected.
"""

from __future__ import annotations

import re

_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base":\s*")([^"]*)(")')


def scope(html: str, prefix: str) -> str:
    """Append `prefix` (such as "en/") to the `base` of the page's Material configuration."""
    if not prefix:
        return html
    return _CONFIG_BASE.sub(
        lambda m: f"{m.group(1)}{m.group(2).rstrip('/')}/{prefix}{m.group(3)}", html, count=1)


def prefix_of(url: str, prefixes: list[str]) -> str:
    """The language prefix a page URL ("en/x/", "en/x.html", "x/") lies under, or ""."""
    return next((p for p in prefixes if p and (url + "/").startswith(p)), "")
