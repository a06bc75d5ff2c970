"""One 404 page per language: `/404.html` in Chinese, `/en/404.html` in English.

mkdocs-static-i18n builds each further language by running MkDocs again with the same `site_dir`,
so the English build renders its 404 page over the Chinese `/404.html` and no `/en/404.html`
exists. Called from the `post_template` hook: the default language's 404 page is kept, and every
other language's is written into its own folder instead.

Host behaviour assumed: a missing `/en/…` path is answered with `/en/404.html` and any other missing
path with `/404.html` (Cloudflare Pages and Netlify look for the nearest 404.html; nginx needs
`location /en/ { error_page 404 /en/404.html; }`). GitHub Pages only ever serves the root
`/404.html`: for it the Chinese page carries a small script that shows `en/404.html` to readers
who asked for a path under `en/` (see overrides/404.html).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from handbook.build import head
from handbook.search import search_scope

_kept: dict[str, str] = {}
_SWITCHER_LINK = re.compile(r'<a href="[^"]*" hreflang="([^"]+)" class="md-select__link">')


def post_template(output: str, template_name: str, config) -> str:
    if template_name != "404.html":
        return output
    output = head.drop_language_alternates(output)
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return output
    language = i18n.current_language
    default = i18n.default_language
    # The language switcher of a template page keeps the links of the last page built: point it
    # at the home page of each language instead.
    root = urlsplit(config.site_url or "/").path or "/"
    output = _SWITCHER_LINK.sub(
        lambda m: (f'<a href="{root}{"" if m.group(1) == default else m.group(1) + "/"}" '
                   f'hreflang="{m.group(1)}" class="md-select__link">'), output)
    # Material reads the search index from config.base (the English 404 page searches English) and
    # starts the handbook's search worker.
    output = search_scope.scope(output, "" if language == default else f"{language}/")
    if language == default:
        _kept["default"] = output
        return output
    site_dir = Path(config.site_dir)
    target = (site_dir if site_dir.name == language else site_dir / language) / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # MkDocs writes what we return to <site_dir>/404.html: give it back the default language's page.
    return _kept.get("default", output)
