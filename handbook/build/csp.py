"""A Content-Security-Policy on every page, as a `<meta>` tag (static hosts send no headers of ours).

Defence in depth behind the sanitiser (handbook/build/sanitize.py): should anything from a page slip
through, the browser still runs only the site's own script files and the theme's inline scripts,
each allowed by the SHA-256 of its text, and loads nothing from another host. The hashes are taken
per page, from the inline scripts of the rendered page outside the page body (the theme's and
overrides/' own: `__md_scope`, the palette, the deferred loader, the 404 redirect); the body has
passed the sanitiser and holds none.

`'wasm-unsafe-eval'` lets the site's own scripts compile WebAssembly (it allows no `eval`), and
workers may start from `blob:` URLs that the site's own scripts make: the text checker and the
search worker need them. Opened from disk (the offline edition), Chromium gives pages an opaque
origin that `'self'` does not reliably match, so `file:` is named beside it.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
_NOT_SCRIPT_TYPE = re.compile(r"""\btype\s*=\s*["']?(?!(?:text|application)/(?:java|ecma)script|module)""",
                              re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?>", re.I)


def policy(script_hashes: list[str], offline: bool = False) -> str:
    own = "'self' file:" if offline else "'self'"
    scripts = " ".join([own, "'wasm-unsafe-eval'", *(f"'sha256-{h}'" for h in script_hashes)])
    directives = [
        "default-src 'none'",
        f"script-src {scripts}",
        f"worker-src {own} blob:",
        f"style-src {own}",
        f"img-src {own} data:",
        f"font-src {own}",
        f"connect-src {own}",
        f"manifest-src {own}",
        f"media-src {own}",
        f"frame-src {own}",
        "base-uri 'self'",
        "form-action 'none'",
        "object-src 'none'",
    ]
    return "; ".join(directives)


def sha256(script: str) -> str:
    return base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def inline_script_hashes(html: str, body: str = "") -> list[str]:
    """SHA-256 (base64) of every inline script of `html` that a browser would run, outside `body`."""
    skip = (0, 0)
    if body:
        start = html.find(body)
        if start >= 0:
            skip = (start, start + len(body))
    hashes: list[str] = []
    for match in _INLINE_SCRIPT.finditer(html):
        if skip[0] <= match.start() < skip[1]:
            continue
        attrs = match.group("attrs")
        if re.search(r"\bsrc\s*=", attrs, re.I) or _NOT_SCRIPT_TYPE.search(attrs):
            continue
        value = sha256(match.group("body"))
        if value not in hashes:
            hashes.append(value)
    return hashes


def add_policy(html: str, body: str = "", offline: bool = False, scripts: tuple[str, ...] = ()) -> str:
    """`html` with the policy as the first element of its head (after the charset). `scripts`:
    texts of inline scripts that the page's scripts write (the offline edition's worker shim)."""
    hashes = inline_script_hashes(html, body) + [sha256(script) for script in scripts]
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, offline)}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + "\n    " + tag + html[charset.end():]
    head = html.find("<head>")
    if head < 0:
        return html
    return html[: head + 6] + tag + html[head + 6:]
