"""Per-page `<link rel="alternate" hreflang>` tags out of the page head.

mkdocs-static-i18n points them at the page's twin in the other language, and Material's bundle
fetches `sitemap.xml` under every such link, expecting a language root: one 404 and one console
error per language on every page. Without `site_url` they are relative, which search engines
reject. The language alternates stay in `sitemap.xml` (absolute once SITE_URL is set), which
search engines read as the same signal.
"""

from __future__ import annotations

import re

_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def drop_language_alternates(html: str) -> str:
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    return _ALTERNATE.sub("", html[:head_end]) + html[head_end:]
