"""Render a source report as a Markdown page with an anchor on every paragraph."""

from __future__ import annotations

from handbook.data import source_reports, topic_map
from handbook.sources import Report

NUMERALS = "一二三四五"
UPDATED = "2026-11-27"


def render_report_page(report: Report) -> str:
    meta = next(item for item in source_reports() if item["id"] == report.id)
    topics = topic_map()
    topic_links = "、".join(
        f"[{topics[slug]['zh']}](../topics/{slug}/index.md)" for slug in meta["topics"]
    )
    title = f"第{NUMERALS[report.number - 1]}篇　{report.heading}"
    lines = [
        "---",
        f"title: {title}",
        "type: source",
        "topic: general",
        f"tags: [{meta['level_zh']}]",
        f"sources: [{report.id}]",
        f"updated: {UPDATED}",
        "---",
        "",
        f"# {title}",
        "",
        '!!! abstract "关于本篇"',
        "",
        f"    - **单位**：{meta['unit_zh']}",
        f"    - **层级**：{meta['level_zh']}",
        f"    - **成文时间**：{meta['date_zh'] or '原文未注明'}",
        f"    - **涉及专题**：{topic_links}",
        "    - **说明**：原文照录，保留原有的用字、标点（如半角逗号、冒号）和笔误；"
        "仅把原文件中断在句子中间的行接回所在段落。每段左侧的编号即段落锚点，"
        f"引用时写作 `sources/{report.id}.md#p编号`。",
        "",
        "## 原文 {#original}",
        "",
        '<div class="source-text" markdown>',
        "",
    ]
    for number, paragraph in enumerate(report.paragraphs, start=1):
        lines += [paragraph, f"{{: #p{number} }}", ""]
    lines += ["</div>", ""]
    return "\n".join(lines)
