"""Build the site navigation from the docs folder, so that a new page needs no nav edit.

Sections come in a fixed order; topics in the order of data/topics.yml; inside a topic the
overview comes first, then standards, practices and templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook.data import topics

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


def _is_chinese_page(path: Path) -> bool:
    return path.suffix == ".md" and not path.name.endswith(".en.md")


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
                    entries.append({topic["zh"]: pages})
        else:
            entries = _folder_pages(docs, folder)
        if len(entries) == 1 and isinstance(entries[0], str):
            nav.append({title: entries[0]})
        elif entries:
            nav.append({title: entries})
    return nav


def nav_translations() -> dict[str, str]:
    """Chinese section titles and their English twins, for the i18n plugin."""
    names = {"首页": "Home"}
    names.update({zh: en for zh, en, _ in SECTIONS})
    names.update({topic["zh"]: topic["en"] for topic in topics()})
    return names
