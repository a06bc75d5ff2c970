"""The 文稿检查 page in the build: its own template (styles and scripts of this page only) and the
checker's controls, put into the page after the introduction.

The controls (a text area, a file button) come from the theme's partial, after the page's own HTML
has been sanitised, because a page's content may hold no form controls at all.
"""

from __future__ import annotations

from typing import Any

SOURCE = "templates/check.md"
TEMPLATE = "check.html"
TOOL = "partials/check-tool.html"


def is_check_page(src_uri: str) -> bool:
    """templates/check.md and its English twin templates/check.en.md."""
    return src_uri.replace(".en.md", ".md") == SOURCE


def insert_tool(content: str, tool: str) -> str:
    """The tool after the introduction: before the first second-level heading."""
    at = content.find("<h2")
    return content + tool if at == -1 else content[:at] + tool + content[at:]


def render_tool(env: Any, locale: str) -> str:
    return env.get_template(TOOL).render(lang=locale)
