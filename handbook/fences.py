"""pymdownx.superfences formatters for ```template and ```phrase blocks (registered in mkdocs.yml).

The output is plain HTML that reads well without scripts: the text in a <pre> (white-space:
pre-wrap, so Chinese prose wraps), each placeholder wrapped in <mark class="ph">. docs/assets/
templates.js adds the copy buttons and the fill-in form on top of it. The element's textContent
is exactly the template text: what the copy button copies and what the Word file contains.
"""

from __future__ import annotations

from html import escape

from handbook.template_text import PLACEHOLDER, parse


def _marked(text: str) -> str:
    out, last = [], 0
    for match in PLACEHOLDER.finditer(text):
        out.append(escape(text[last:match.start()], quote=False))
        out.append(f'<mark class="ph">{escape(match.group(0), quote=False)}</mark>')
        last = match.end()
    out.append(escape(text[last:], quote=False))
    return "".join(out)


def render_template(text: str) -> str:
    # One span per line, classed by its kind, so that the print stylesheet can set 黑体, 楷体…
    # The newlines stay between the spans: textContent is the template text, unchanged.
    lines = "\n".join(f'<span class="tpl-line tpl-{line.kind}">{_marked(line.text)}</span>'
                      for line in parse(text))
    return f'<div class="tpl tpl-template" data-template><pre class="tpl-text">{lines}</pre></div>'


def render_phrase(text: str) -> str:
    return f'<div class="tpl tpl-phrase" data-phrase><pre class="tpl-text">{_marked(text)}</pre></div>'


def template_fence(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    return render_template(source.rstrip("\n"))


def phrase_fence(source: str, language: str, css_class: str, options: dict, md, **kwargs) -> str:
    return render_phrase(source.rstrip("\n"))
