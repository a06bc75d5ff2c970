"""Page sections generated from the data files, inserted where a page has a marker comment.

Markers: `<!-- topic-cards -->` (home page), `<!-- glossary -->` (glossary page),
`<!-- template-list -->` (template library). Each renders in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from handbook.data import glossary, topics
from handbook.frontmatter import split_front_matter


def topic_cards(locale: str, docs: Path, page_dir: str) -> str:
    lines = ['<div class="grid cards" markdown>', ""]
    for topic in topics():
        if not (docs / "topics" / topic["slug"] / "index.md").is_file():
            continue
        link = _relative(page_dir, f"topics/{topic['slug']}/index.md")
        lines.append(f"-   **[{topic[locale]}]({link})**")
        lines.append("")
        lines.append(f"    {topic['summary_' + locale]}")
        lines.append("")
    lines.append("</div>")
    return "\n".join(lines)


def glossary_list(locale: str, docs: Path, page_dir: str) -> str:
    entries = sorted(glossary(), key=lambda e: e["en"].lower() if locale == "en" else e["term"])
    lines: list[str] = []
    for entry in entries:
        if locale == "en":
            lines.append(f"{entry['en']} （{entry['term']}） {{#{entry['id']}}}")
            lines.append(f":   {entry.get('en_definition') or entry['definition']}")
        else:
            lines.append(f"{entry['term']}（{entry['en']}） {{#{entry['id']}}}")
            lines.append(f":   {entry['definition']}")
        extra = []
        if entry.get("aliases"):
            extra.append(("Also" if locale == "en" else "又作") + "：" + "、".join(entry["aliases"]))
        if entry.get("deprecated"):
            extra.append(("Avoid" if locale == "en" else "不宜写作") + "：" + "、".join(entry["deprecated"]))
        if entry.get("source"):
            extra.append(("Source" if locale == "en" else "出处") + "：" + _source_link(entry["source"], page_dir))
        if extra:
            lines.append("")
            lines.append("    " + "；".join(extra))
        lines.append("")
    return "\n".join(lines)


def template_list(locale: str, docs: Path, page_dir: str) -> str:
    topic_names = {t["slug"]: t[locale] for t in topics()}
    header = ("| Template | Topic | Purpose |\n| --- | --- | --- |" if locale == "en"
              else "| 模板 | 专题 | 用途 |\n| --- | --- | --- |")
    rows = [header]
    for topic in topics():
        folder = docs / "topics" / topic["slug"]
        for path in sorted(folder.glob("template-*.md")) if folder.is_dir() else []:
            if path.name.endswith(".en.md"):
                continue
            meta, _body, _ = split_front_matter(path.read_text(encoding="utf-8"))
            title = (meta or {}).get("title", path.stem)
            purpose = (meta or {}).get("description", "")
            twin = path.with_name(path.stem + ".en.md")
            if locale == "en" and twin.is_file():
                en_meta, _b, _ = split_front_matter(twin.read_text(encoding="utf-8"))
                title = (en_meta or {}).get("title", title)
                purpose = (en_meta or {}).get("description", purpose)
            link = _relative(page_dir, f"topics/{topic['slug']}/{path.name}")
            rows.append(f"| [{title}]({link}) | {topic_names[topic['slug']]} | {purpose} |")
    return "\n".join(rows)


def _source_link(source: str, page_dir: str) -> str:
    if source.startswith("report-"):
        page, _, anchor = source.partition("#")
        target = _relative(page_dir, f"sources/{page}.md") + (f"#{anchor}" if anchor else "")
        return f"[{source}]({target})"
    return source


def _relative(page_dir: str, target: str) -> str:
    depth = len([part for part in page_dir.split("/") if part])
    return "../" * depth + target


MARKERS: dict[str, Callable[[str, Path, str], str]] = {
    "<!-- topic-cards -->": topic_cards,
    "<!-- glossary -->": glossary_list,
    "<!-- template-list -->": template_list,
}


def expand(markdown: str, locale: str, docs: Path, src_uri: str) -> str:
    page_dir = str(Path(src_uri).parent).replace("\\", "/").strip(".")
    for marker, render in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, render(locale, docs, page_dir))
    return markdown
