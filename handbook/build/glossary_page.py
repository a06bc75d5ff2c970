"""The glossary page: every term of data/glossary.yml under a letter heading, in reading order.

Chinese terms are ordered as a Chinese dictionary orders them: character by character, by pinyin
syllable, then tone. pypinyin reads each term as a whole, with CC-CEDICT's readings of words
(pypinyin-dict) over its own, which read 长效, 问卷, 接种 and 网吧 wrongly.
English terms are ordered alphabetically. Each first letter is a level-2 heading with the ID
`a`, `b`, … (`other` for terms starting with neither), which fills the page's table of contents.
Sources read as on the other pages: 第二篇第14段, a page's title, a document's name.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any

from pypinyin import Style, lazy_pinyin

from handbook.frontmatter import read_front_matter
from handbook.build.nav import link_from
from handbook.sources import reference_label
from handbook.tools.translations import twin_of

SYLLABLE = re.compile(r"([a-z]+)([1-5])")
OTHER = "other"


@cache
def _load_word_readings() -> None:
    from pypinyin_dict.phrase_pinyin_data import cc_cedict

    cc_cedict.load()


def pinyin_key(term: str) -> tuple:
    """Sort key of a Chinese term: per character its syllable and tone; other characters first."""
    _load_word_readings()
    key = []
    for item in lazy_pinyin(term, style=Style.TONE3, neutral_tone_with_five=True):
        match = SYLLABLE.fullmatch(item)
        key.append((1, match.group(1), int(match.group(2))) if match else (0, item.casefold(), 0))
    return (tuple(key), term)


def initial(entry: dict[str, Any], locale: str) -> str:
    """The letter an entry is filed under (lower case), or `other`."""
    if locale == "en":
        first = entry["en"].lstrip("\"'“‘(").casefold()[:1]
    else:
        _, syllable, _ = pinyin_key(entry["term"])[0][0]
        first = syllable[:1]
    return first if "a" <= first <= "z" else OTHER


def ordered(entries: list[dict[str, Any]], locale: str) -> list[dict[str, Any]]:
    if locale == "en":
        return sorted(entries, key=lambda e: (e["en"].lstrip("\"'“‘(").casefold(), e["en"]))
    return sorted(entries, key=lambda e: pinyin_key(e["term"]))


def glossary_sections(entries: list[dict[str, Any]], locale: str, docs: Path, page_dir: str) -> str:
    """The glossary as Markdown: letter headings, each over a definition list of its terms."""
    lines: list[str] = []
    for letter, group in groupby(ordered(entries, locale), key=lambda e: initial(e, locale)):
        title = "#" if letter == OTHER else letter.upper()
        lines += [f"## {title} {{#{letter}}}", ""]
        for entry in group:
            lines += _entry(entry, locale, docs, page_dir)
    return "\n".join(lines)


def _entry(entry: dict[str, Any], locale: str, docs: Path, page_dir: str) -> list[str]:
    if locale == "en":
        lines = [f"{entry['en']} （{entry['term']}） {{#{entry['id']}}}",
                 f":   {entry.get('en_definition') or entry['definition']}"]
    else:
        lines = [f"{entry['term']}（{entry['en']}） {{#{entry['id']}}}", f":   {entry['definition']}"]
    extra = []
    if entry.get("aliases"):
        extra.append(("Also" if locale == "en" else "又作") + "：" + "、".join(entry["aliases"]))
    if entry.get("deprecated"):
        extra.append(("Avoid" if locale == "en" else "不宜写作") + "：" + "、".join(entry["deprecated"]))
    if entry.get("source"):
        label = "Source" if locale == "en" else "出处"
        extra.append(label + "：" + source_link(str(entry["source"]), locale, docs, page_dir))
    if extra:
        lines += ["", "    " + "；".join(extra)]
    return [*lines, ""]


def source_link(source: str, locale: str, docs: Path, page_dir: str) -> str:
    """A glossary source as readers see it: `report-2#p14` → [第二篇第14段](…), a page path → [its
    title](…), anything else (a document's name) as written."""
    page, _, anchor = source.partition("#")
    label = reference_label(source, locale)
    if label is not None:
        page = f"sources/{page}.md"
    elif page.endswith(".md"):
        label = _page_title(docs / page, locale) or page
    else:
        return source
    return f"[{label}]({link_from(page_dir, page)}{'#' + anchor if anchor else ''})"


def _page_title(path: Path, locale: str) -> str | None:
    if locale == "en" and twin_of(path).is_file():
        path = twin_of(path)
    if not path.is_file():
        return None
    meta, _ = read_front_matter(path)
    return (meta or {}).get("title")
