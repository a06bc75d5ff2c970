"""Build the site navigation from the docs folder, so that a new page needs no nav edit.

Sections come in a fixed order; topics in the order of data/topics.yml; inside a topic the
overview comes first, then standards, practices and templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook.data import topics
from handbook.build.sanitize import text
from handbook.tools.translations import is_english

SECTIONS: list[tuple[str, str, str]] = [
    # (Chinese title, English title, folder)
    ("新手入门", "Getting started", "getting-started"),
    ("专题", "Topics", "topics"),
    ("模板库", "Template library", "templates"),
    ("常用表述", "Phrase bank", "phrases"),
    ("汇报写作", "Writing reports", "writing"),
    ("术语表", "Glossary", "glossary"),
    ("来源", "Source reports", "sources"),
    ("参与贡献", "Contributing", "contributing"),
]
# Pages whose reading order is not alphabetical.
ORDER: dict[str, list[str]] = {
    "getting-started": ["index.md", "first-week.md", "how-to-use.md"],
    "writing": ["index.md", "achievements.md", "problems.md", "next-steps.md"],
}
TYPE_PREFIXES = ("standard-", "practice-", "template-")
# Material renders the siblings of the current page into every page, even with navigation.prune.
# A section longer than this is split into groups by type, and long groups into numbered parts, so
# that a page's navigation, and with it the build time per page, stays bounded as the site grows.
SECTION_LIMIT = 40
GROUPS = [
    ("standard-", "依据", "Standards"),
    ("practice-", "典型做法", "Model practices"),
    ("template-", "模板", "Templates"),
    ("", "其他", "Other pages"),
]


def page_folder(src_uri: str) -> str:
    """The docs folder of a page ("" at the top), with forward slashes."""
    folder = Path(src_uri).parent.as_posix()
    return "" if folder == "." else folder


def link_from(page_dir: str, target: str) -> str:
    """A link from a page in the folder `page_dir` (as page_folder gives it) to `target`, a path
    relative to docs/."""
    depth = len([part for part in page_dir.split("/") if part])
    return "../" * depth + target


def hide_lone_sidebar(page: Any, features: list[str]) -> None:
    """Hide the desktop left sidebar of a page that is a tab of its own (home, glossary, template
    library): with navigation.tabs it would hold that page's link alone. Phones keep the drawer."""
    if "navigation.tabs" not in features or page.parent is not None:
        return
    hide = list(page.meta.get("hide") or [])
    if "navigation" not in hide:
        page.meta["hide"] = [*hide, "navigation"]


def _is_chinese_page(path: Path) -> bool:
    return path.suffix == ".md" and not is_english(path)


def _folder_pages(docs: Path, folder: str) -> list[str]:
    base = docs / folder
    if not base.is_dir():
        return []
    names = sorted(p.name for p in base.iterdir() if p.is_file() and _is_chinese_page(p))
    preferred = [n for n in ORDER.get(folder, ["index.md"]) if n in names]

    def rank(name: str) -> tuple[int, str]:
        for position, prefix in enumerate(TYPE_PREFIXES):
            if name.startswith(prefix):
                return position, name
        return len(TYPE_PREFIXES), name

    rest = sorted((n for n in names if n not in preferred), key=rank)
    return [f"{folder}/{name}" for name in preferred + rest]


def build_nav(docs: Path) -> list[Any]:
    nav: list[Any] = []
    if (docs / "index.md").is_file():
        nav.append({"首页": "index.md"})
    for title, _english, folder in SECTIONS:
        if folder == "topics":
            entries = []
            for topic in topics():
                pages = _folder_pages(docs, f"topics/{topic['slug']}")
                if pages:
                    # Navigation titles are printed unescaped by the theme; data are plain text.
                    entries.append({text(topic["zh"]): _bounded(pages)})
        else:
            entries = _folder_pages(docs, folder)
        if len(entries) == 1 and isinstance(entries[0], str):
            nav.append({title: entries[0]})
        elif entries:
            nav.append({title: entries})
    return nav


def _bounded(pages: list[str]) -> list[Any]:
    """`pages` as they are, or grouped by type and cut into parts when the section is long."""
    if len(pages) <= SECTION_LIMIT:
        return pages
    overview = [p for p in pages if p.endswith("/index.md")]
    rest = [p for p in pages if p not in overview]
    grouped: list[Any] = list(overview)
    for prefix, title, _english in GROUPS:
        members = [p for p in rest if p.rsplit("/", 1)[-1].startswith(prefix)]
        rest = [p for p in rest if p not in members]
        if len(members) <= SECTION_LIMIT:
            if members:
                grouped.append({title: members})
            continue
        for part, start in enumerate(range(0, len(members), SECTION_LIMIT), start=1):
            grouped.append({f"{title} {part}": members[start : start + SECTION_LIMIT]})
    return grouped


def nav_translations(parts: int = 200) -> dict[str, str]:
    """Chinese section titles and their English twins, for the i18n plugin."""
    names = {"首页": "Home"}
    names.update({zh: en for zh, en, _ in SECTIONS})
    names.update({text(topic["zh"]): text(topic["en"]) for topic in topics()})
    for _prefix, title, english in GROUPS:
        names[title] = english
        names.update({f"{title} {n}": f"{english} {n}" for n in range(1, parts + 1)})
    return names
