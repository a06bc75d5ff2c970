"""Point each language's pages at its own search index, and make English stemming work.

Material loads the search index from `search/search_index.json` (or `search_index.js` from disk)
under `base` of the `__config` script, and resolves result locations against that same `base`.
MkDocs sets it to the site root on every page, so English pages would search the Chinese index.
handbook.search_split writes the English index under `en/` with locations relative to `en/`:
`scope()` rewrites `base` on pages under `en/` to `<root>en/`, and both fit. The other uses of
`base` in Material's bundle (versions, which this site has none of, and the language selector's
sitemap look-up, which only acts when leaving a language) are unaffected.

Stemming: the English index is stemmed ("inspections" is indexed as "inspect"), but Material adds a
trailing wildcard to every query term ("inspections*"), and lunr never stems a wildcard term, so
a whole inflected word found nothing. English pages therefore start a small worker script that
loads Material's search worker and then stems the word before the wildcard ("inspect*"), with
lunr's own stemmer, so "inspection", "inspections" and "inspecting" find the same pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from handbook.search_split import PIPELINES

_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(\{.*?\})(</script>)', re.S)
STEM_WORKER = "search-stemmed.js"

# Runs as a Web Worker, or inside the iframe of the iframe-worker shim on file:// (offline edition),
# where importScripts is asynchronous and relative URLs resolve against the page.
_WORKER_JS = """\
/* English search: stem the word before Material's trailing wildcard (handbook/search_scope.py). */
(function () {
  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src : self.location.href
  function patch() {
    var lunr = self.lunr
    if (!lunr || !lunr.QueryParser || !lunr.stemmer) return
    var parseTerm = lunr.QueryParser.parseTerm
    lunr.QueryParser.parseTerm = function (parser) {
      var lexeme = parser.peekLexeme()
      var word = lexeme && lexeme.type === lunr.QueryLexer.TERM && /^([a-z]+)\\*$/i.exec(lexeme.str)
      if (word)
        lexeme.str = lunr.stemmer(new lunr.Token(word[1].toLowerCase())).toString() + "*"
      return parseTerm(parser)
    }
  }
  Promise.resolve(importScripts(new URL(%s, here).href)).then(patch)
})()
"""


def _edit_config(html: str, edit) -> str:
    match = _CONFIG.search(html)
    if not match:
        return html
    config = edit(json.loads(match.group(2)))
    # As Jinja's tojson writes it: nothing in it can close the script element.
    text = (json.dumps(config, sort_keys=True).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))
    return html[:match.start(2)] + text + html[match.end(2):]


def scope(html: str, prefix: str, stemmed: bool = False) -> str:
    """Append `prefix` (such as "en/") to the page's Material `base`; with `stemmed`, use the
    stemming worker beside Material's."""
    if not prefix and not stemmed:
        return html

    def edit(config: dict) -> dict:
        if prefix:
            config["base"] = config["base"].rstrip("/") + "/" + prefix
        if stemmed and config.get("search"):
            config["search"] = config["search"].rsplit("/", 1)[0] + "/" + STEM_WORKER
        return config

    return _edit_config(html, edit)


def scope_to(html: str, locale: str, prefix: str) -> str:
    """`scope()` for a page of `locale` under `prefix`: its language's index, stemmed where that is."""
    return scope(html, prefix, "stemmer" in PIPELINES.get(locale, []))


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


def write_stem_worker(site_dir: Path) -> Path | None:
    """Write the stemming worker next to Material's search worker."""
    workers = site_dir / "assets" / "javascripts" / "workers"
    material = sorted(p.name for p in workers.glob("search.*.min.js"))
    if not material:
        return None
    target = workers / STEM_WORKER
    target.write_text(_WORKER_JS % json.dumps(material[-1]), encoding="utf-8")
    return target
