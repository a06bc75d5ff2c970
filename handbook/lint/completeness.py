"""Unfinished pages: the prompts `make new` writes left in the text, and a model practice that
cites no paragraph of a source report.

The placeholders of a template's text (【单位名称】 …) are its point and stay; what is flagged is a
prompt such as 【待填写：…】 anywhere outside a template or phrase fence, on every page type.
"""

from __future__ import annotations

import re

from handbook.lint.findings import Finding
from handbook.lint.markdown_scan import Document

# The scaffold's prompts (handbook/tools/scaffold.py) and the other ways writers mark a gap.
PROMPT = re.compile(r"【\s*(?:待(?:填写|补充|完善|核实|定)|TODO|TBD)[^【】\n]*】", re.I)
CITATION = re.compile(r"(?:^|/)sources/report-[1-9]\.md#p\d+$")


def check(doc: Document) -> list[Finding]:
    findings: list[Finding] = []

    def add(offset: int, rule_id: str, message: str) -> None:
        if not doc.is_disabled(rule_id, "meta", offset):
            findings.append(doc.finding(offset, rule_id, "error", message))

    for match in PROMPT.finditer(doc.prose):
        if not any(start <= match.start() < end for start, end in doc.prose_fences):
            add(match.start(), "page-unfilled",
                f"placeholder {match.group(0)} left in the page: write the text or delete the section")
    if doc.page_type == "practice" and doc.locale == "zh" and doc.meta is not None and not any(
            CITATION.search(link.target) for link in doc.links):
        add(doc.body_start, "practice-no-source",
            "a model practice must link to the paragraph of the source report it comes from, "
            "e.g. [第二篇第9段](../../sources/report-2.md#p9)")
    return findings
