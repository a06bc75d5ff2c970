"""Point each language's pages at its own search index and at the handbook's search worker.

Material loads the search index from `search/search_index.json` (or `search_index.js` from disk)
under `base` of the `__config` script, and resolves result locations against that same `base`.
MkDocs sets it to the site root on every page, so English pages would search the Chinese index.
handbook.search.search_split writes the English index under `en/` with locations relative to `en/`:
`scope()` rewrites `base` on pages under `en/` to `<root>en/`, and both fit. The other uses of
`base` in Material's bundle (versions, which this site has none of, and the language selector's
sitemap look-up, which only acts when leaving a language) are unaffected.

`config.search`, the URL of Material's search worker, is pointed at the handbook's own worker
(handbook/search/search_worker.py), which segments, stems and ranks for this site.
"""

from __future__ import annotations

import json
import re

from handbook.search import search_worker

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(\{.*?\})(</script>)', re.S)


def _edit_config(html: str, edit) -> str:
    match = _CONFIG.search(html)
    if not match:
        return html
    config = edit(json.loads(match.group(2)))
    # As Jinja's tojson writes it: nothing in it can close the script element.
    text = (json.dumps(config, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))
    return html[:match.start(2)] + text + html[match.end(2):]


def scope(html: str, prefix: str) -> str:
    """Append `prefix` (such as "en/") to the page's Material `base`, and name the handbook's worker."""

    def edit(config: dict) -> dict:
        if prefix:
            config["base"] = config["base"].rstrip("/") + "/" + prefix
        if config.get("search"):
            config["search"] = config["search"].rsplit("/", 1)[0] + "/" + search_worker.name()
        return config

    return _edit_config(html, edit)


def language_of(url: str, prefixes: dict[str, str]) -> str:
    """The locale a page URL ("en/x/", "en/x.html", "x/") lies under; `prefixes` maps each locale to
    its URL prefix, "" for the default language. "" when there are no languages."""
    default = ""
    for locale, prefix in prefixes.items():
        if not prefix:
            default = locale
        elif (url + "/").startswith(prefix):
            return locale
    return default
