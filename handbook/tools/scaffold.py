"""Create a new page of a given type, with valid front matter, the section headings of its type
(explicit IDs) and an English twin marked as untranslated."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from handbook.data import topic_map
from handbook.tools.translations import twin_of

# (Chinese heading, English heading, ID, what to write there) per page type.
SECTIONS: dict[str, list[tuple[str, str, str, str]]] = {
    "practice": [
        ("做法概要", "Summary", "summary", "用两三句话说明这是什么做法、解决什么问题。"),
        ("谁来做", "Who does it", "who", "牵头单位、配合单位和具体岗位。"),
        ("怎么做", "How it is done", "steps", "按步骤写，层次序数用一、（一）1.（1）。"),
        ("成效", "Results", "results", "只写原始汇报给出的数字；汇报没有给出的，写明未给出。"),
        ("注意事项", "Pitfalls", "pitfalls", "常见偏差和容易出错的地方。"),
        ("因地制宜", "Adapting it", "adapting", "乡镇和街道分别怎样借鉴。"),
        ("出处", "Source", "source", "原始汇报及段落链接，如 sources/report-2.md#p9。"),
    ],
    "standard": [
        (
            "文件概况",
            "The documents",
            "documents",
            "文件名称、发布机关、文号、发布和施行日期，依据的是哪一版。",
        ),
        ("主要规定", "Main provisions", "provisions", "逐条写明条款号和要求，只写核实过的内容。"),
        ("对创城工作的要求", "What it means for the campaign", "requirements", "基层单位据此要做什么。"),
    ],
    "template": [
        ("适用场合", "When to use it", "when", "什么时候、向谁报送。"),
        ("模板正文", "Template text", "template-text", ""),
        ("填写说明", "Notes", "notes", "逐段说明写什么。"),
    ],
    "guide": [
        ("概述", "Overview", "overview", "本页讲什么、写给谁。"),
    ],
}
PREFIX = {"practice": "practice-", "standard": "standard-", "template": "template-", "guide": ""}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TEMPLATE_BODY = "\n".join(
    [
        "【标题：单位名称＋关于＋事由＋文种】",
        "",
        "【主送机关】：",
        "【正文开头】",
        "一、【一级标题】",
        "（一）【二级标题】",
        "1.【三级标题】",
        "【落款单位】",
        "【成文日期，如2025年3月1日】",
    ]
)
TEMPLATE_BODY_EN = "\n".join(
    [
        "【Title: unit + subject + document type】",
        "",
        "【Addressee】:",
        "【Opening】",
        "1. 【First-level heading】",
        "【Signature】",
        "【Date】",
    ]
)


class ScaffoldError(ValueError):
    pass


@dataclass
class NewPage:
    chinese: Path
    english: Path


def _front_matter(title: str, page_type: str, topic: str, today: str, extra: str = "") -> str:
    # Quoted as a JSON string, which YAML reads as a double-quoted scalar: a title with ": ", "#",
    # quotes or brackets stays one value and adds no key.
    return (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n"
        f"type: {page_type}\ntopic: {topic}\ntags: []\nsources: []\n"
        f"updated: {today}\n{extra}---\n\n"
    )


def create(
    docs: Path, page_type: str, topic: str, title: str, slug: str, today: dt.date | None = None
) -> NewPage:
    if page_type not in SECTIONS:
        raise ScaffoldError(f"type must be one of {', '.join(SECTIONS)}")
    if topic not in topic_map():
        raise ScaffoldError(f"unknown topic '{topic}'; known: {', '.join(topic_map())}")
    if not SLUG.match(slug):
        raise ScaffoldError(f"slug '{slug}' must be lower-case ASCII words joined by hyphens")
    title = title.strip()
    if not title:
        raise ScaffoldError("title must not be empty")
    if any(ord(char) < 32 or char in "\x7f\u2028\u2029" for char in title):
        raise ScaffoldError("title must be one line, without control characters")
    folder = docs / "topics" / topic
    chinese = folder / f"{PREFIX[page_type]}{slug}.md"
    english = twin_of(chinese)
    for path in (chinese, english):
        if path.exists():
            raise ScaffoldError(f"{path} exists already")
    date = (today or dt.date.today()).isoformat()
    zh = [_front_matter(title, page_type, topic, date), f"# {title}\n"]
    en = [
        _front_matter(f"{title} (untranslated)", page_type, topic, date, extra='translation_of: ""\n'),
        f"# {title} (untranslated)\n",
        "\nThis page has not been translated yet.\n",
    ]
    for heading, english_heading, anchor, note in SECTIONS[page_type]:
        zh.append(f"\n## {heading} {{#{anchor}}}\n")
        en.append(f"\n## {english_heading} {{#{anchor}}}\n")
        if anchor == "template-text":
            zh.append(f"\n```template\n{TEMPLATE_BODY}\n```\n")
            en.append(f"\n```template\n{TEMPLATE_BODY_EN}\n```\n")
        else:
            zh.append(f"\n【待填写：{note}】\n")
    folder.mkdir(parents=True, exist_ok=True)
    chinese.write_text("".join(zh), encoding="utf-8")
    english.write_text("".join(en), encoding="utf-8")
    return NewPage(chinese, english)
