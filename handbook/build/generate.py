"""Page sections generated from the data files, inserted where a page has a marker comment.

Markers: `<!-- topic-cards -->` (home page), `<!-- glossary -->` (glossary page),
`<!-- template-list -->` (template library). Each renders in the page's language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from handbook.data import glossary, topics
from handbook.export.docx_export import download_links, download_path
from handbook.frontmatter import read_front_matter
from handbook.build.glossary_page import glossary_sections
from handbook.lint.rules import lint_rules
from handbook.build.nav import link_from, page_folder
from handbook.build.sanitize import text
from handbook.template_text import template_of
from handbook.tools.translations import is_english, twin_of


def topic_cards(locale: str, docs: Path, page_dir: str) -> str:
    lines = ['<div class="grid cards" markdown>', ""]
    for topic in topics():
        if not (docs / "topics" / topic["slug"] / "index.md").is_file():
            continue
        link = link_from(page_dir, f"topics/{topic['slug']}/index.md")
        lines.append(f"-   **[{text(topic[locale])}]({link})**")
        lines.append("")
        lines.append(f"    {text(topic['summary_' + locale])}")
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines)


def glossary_list(locale: str, docs: Path, page_dir: str) -> str:
    # Data are plain text: escaped, so that markup in a definition shows as characters.
    entries = [{key: _plain(value) for key, value in entry.items()} for entry in glossary()]
    return glossary_sections(entries, locale, docs, page_dir)


def template_list(locale: str, docs: Path, page_dir: str) -> str:
    """Every template with its topic, purpose (front matter `description`, else the first sentence
    of the page) and its two downloads, which the build writes beside each template page."""
    topic_names = {t["slug"]: t[locale] for t in topics()}
    header = ("| Template | Topic | Purpose | Download |\n| --- | --- | --- | --- |" if locale == "en"
              else "| 模板 | 专题 | 用途 | 下载 |\n| --- | --- | --- | --- |")
    rows = [header]
    for topic in topics():
        folder = docs / "topics" / topic["slug"]
        for path in sorted(folder.glob("template-*.md")) if folder.is_dir() else []:
            if is_english(path):
                continue
            meta, body = read_front_matter(path)
            title = (meta or {}).get("title", path.stem)
            purpose = (meta or {}).get("description") or _first_sentence(body, "zh")
            twin = twin_of(path)
            if locale == "en" and twin.is_file():
                en_meta, en_body = read_front_matter(twin)
                title = (en_meta or {}).get("title", title)
                purpose = (en_meta or {}).get("description") or _first_sentence(en_body, "en") or purpose
                body = en_body
            link = link_from(page_dir, f"topics/{topic['slug']}/{path.name}")
            downloads = ""
            if template_of(body) is not None:
                # Raw HTML: the files are build output, not docs files that MkDocs could validate.
                # Paths assume directory URLs and a library page that is an index.md.
                stem = link_from(page_dir, download_path(f"topics/{topic['slug']}/{path.name}", "docx"))
                downloads = download_links(stem[: -len(".docx")], title, locale, short=True)
            topic_name = _cell(topic_names[topic["slug"]])
            cells = [f"[{_cell(title)}]({link})", topic_name, _cell(purpose), downloads]
            rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _first_sentence(body: str, locale: str) -> str:
    """The first sentence of a page's first paragraph after its title, links reduced to text."""
    for block in re.split(r"\n\s*\n", body):
        block = block.strip()
        if not block or block.startswith(("#", "<", "!!!", "```", "|", "-", "*", ">")):
            continue
        text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", " ".join(block.split("\n")))
        text = re.sub(r"[*_`]", "", text)
        end = re.search(r"。" if locale == "zh" else r"\.(?:\s|$)", text)
        return text[: end.end()].strip() if end else text
    return ""


def _plain(value):
    if isinstance(value, list):
        return [text(item) for item in value]
    return value if value is None else text(value)


def _cell(value: str) -> str:
    return text(value).replace("|", "\\|").replace("\n", " ")


MARKERS: dict[str, Callable[[str, Path, str], str]] = {
    "<!-- topic-cards -->": topic_cards,
    "<!-- glossary -->": glossary_list,
    "<!-- template-list -->": template_list,
    "<!-- lint-rules -->": lint_rules,
}


def expand(markdown: str, locale: str, docs: Path, src_uri: str) -> str:
    page_dir = page_folder(src_uri)
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(locale, docs, page_dir))
    return markdown
