"""The content meets its minimums: pages per topic and type, traced practices, cited standards,
a complete glossary, faithful source pages and an English twin for every page."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from handbook.build.sources_page import render_report_page
from handbook.data import glossary, tags, topics
from handbook.frontmatter import split_front_matter
from handbook.sources import load_reports
from tests.sitebuild import ROOT

DOCS = ROOT / "docs"
HEADLINE = {"internet-cafes", "five-small", "volunteering"}
# (standards, practices, templates) a topic needs besides its overview.
MINIMUMS = {"headline": (2, 3, 2), "other": (1, 2, 1)}
PARAGRAPH_LINK = re.compile(r"\]\((?:\.\./)+sources/(report-\d)\.md#(p\d+)\)")
DOCUMENT = re.compile(r"《[^》]{2,60}》")
DATE_OR_EDITION = re.compile(r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{4}年版|\d{4}-\d{2}-\d{2}")
ISSUERS = re.compile(
    r"国务院|全国人民代表大会|全国人大常委会|中共中央|中央文明委|中央文明办|中央精神文明建设指导委员会|"
    r"全国爱国卫生运动委员会|全国爱卫会|[\u4e00-\u9fff]{1,12}(?:部|委员会|总局|管理局|办公厅|办公室|国家标准化管理委员会)|"
    r"国家市场监督管理总局|文化和旅游部|民政部|国家卫生健康委员会|国家卫生健康委"
)


def _pages(pattern: str = "*.md") -> list[Path]:
    return sorted(p for p in DOCS.rglob(pattern) if not p.name.endswith(".en.md"))


def _meta(path: Path) -> tuple[dict, str]:
    meta, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return meta or {}, body


def _anchors(report: str) -> set[str]:
    text = (DOCS / "sources" / f"{report}.md").read_text(encoding="utf-8")
    return set(re.findall(r"\{: #(p\d+) \}", text))


@pytest.mark.parametrize("topic", [t["slug"] for t in topics()])
def test_topic_has_its_minimum_pages(topic: str) -> None:
    folder = DOCS / "topics" / topic
    counts = Counter(_meta(p)[0].get("type") for p in folder.glob("*.md") if not p.name.endswith(".en.md"))
    standards, practices, templates = MINIMUMS["headline" if topic in HEADLINE else "other"]
    assert (folder / "index.md").is_file(), "no overview"
    assert counts["standard"] >= standards, counts
    assert counts["practice"] >= practices, counts
    assert counts["template"] >= templates, counts


PRACTICES = [p for p in _pages("practice-*.md")]


@pytest.mark.parametrize("path", PRACTICES, ids=lambda p: str(p.relative_to(DOCS)))
def test_practice_links_an_existing_source_paragraph(path: Path) -> None:
    meta, body = _meta(path)
    links = PARAGRAPH_LINK.findall(body)
    assert links, "a practice must link to the paragraph of its source report"
    for report, anchor in links:
        assert anchor in _anchors(report), f"{report}#{anchor} does not exist"
    assert {report for report, _ in links} <= set(meta["sources"]) | {f"report-{n}" for n in range(1, 6)}
    assert any(s.startswith("report-") for s in meta["sources"]), "sources must name the report"
    levels = {item["zh"] for item in tags()["unit_levels"]}
    assert levels & set(meta["tags"]), "tag the unit levels the practice suits"


STANDARDS = [p for p in _pages("standard-*.md")]


@pytest.mark.parametrize("path", STANDARDS, ids=lambda p: str(p.relative_to(DOCS)))
def test_standard_cites_a_document_with_issuer_and_date(path: Path) -> None:
    meta, body = _meta(path)
    cited = [s for s in meta["sources"] if DOCUMENT.search(s)]
    assert cited, "front matter sources must name at least one document"
    for source in cited:
        name = DOCUMENT.search(source).group(0)
        assert name in body, f"{name} is listed but not cited in the text"
        # The section (heading to heading) that names the document also gives its issuer and date/edition.
        passages = [part for part in re.split(r"\n(?=#{1,6} )", body) if name in part]
        assert any(ISSUERS.search(p) and DATE_OR_EDITION.search(p) for p in passages), (
            f"{name}: no passage gives both the issuing body and a date or edition"
        )


def test_glossary_has_at_least_100_terms_with_english() -> None:
    entries = glossary()
    assert len(entries) >= 100
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "glossary ids must be unique"
    for entry in entries:
        assert entry.get("term") and entry.get("definition"), entry
        assert entry.get("en") and entry.get("en_definition"), f"{entry['term']}: no English rendering"
        assert entry.get("source"), f"{entry['term']}: no source"
        for key in ("aliases", "deprecated"):
            assert isinstance(entry.get(key, []), list)


def test_every_glossary_term_is_used_on_a_page() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _pages())
    unused = [
        e["term"]
        for e in glossary()
        if not any(form in text for form in [e["term"], *(e.get("aliases") or [])])
    ]
    assert not unused, unused


def test_glossary_sources_point_to_existing_paragraphs() -> None:
    for entry in glossary():
        match = re.fullmatch(r"(report-\d)#(p\d+)", entry["source"])
        if match:
            assert match.group(2) in _anchors(match.group(1)), entry


@pytest.mark.parametrize("report", load_reports(), ids=lambda r: r.id)
def test_source_page_reproduces_the_original(report) -> None:
    page = (DOCS / "sources" / f"{report.id}.md").read_text(encoding="utf-8")
    assert page == render_report_page(report), "regenerate with: python scripts/import_sources.py"
    # Every paragraph of the original is on the page, as written.
    for paragraph in report.paragraphs:
        assert paragraph in page


@pytest.mark.parametrize("report", load_reports(), ids=lambda r: r.id)
def test_source_translation_keeps_every_paragraph_anchor(report) -> None:
    english = DOCS / "sources" / f"{report.id}.en.md"
    assert english.is_file()
    assert _anchors(report.id) == set(re.findall(r"\{: #(p\d+) \}", english.read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", _pages(), ids=lambda p: str(p.relative_to(DOCS)))
def test_every_page_has_an_english_twin(path: Path) -> None:
    twin = path.with_name(path.stem + ".en.md")
    assert twin.is_file(), f"{twin.relative_to(DOCS)} is missing"
    zh_ids = re.findall(r"\{#([a-z0-9-]+)\}", path.read_text(encoding="utf-8"))
    en_ids = re.findall(r"\{#([a-z0-9-]+)\}", twin.read_text(encoding="utf-8"))
    assert zh_ids == en_ids, "the translation must carry the same heading IDs in the same order"


def test_headings_carry_explicit_ids() -> None:
    missing = []
    for path in DOCS.rglob("*.md"):
        in_fence = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.lstrip().startswith(("```", "~~~")):
                in_fence = not in_fence
            elif not in_fence and re.match(r"#{2,6} ", line) and not re.search(r"\{#[a-z0-9-]+\}\s*$", line):
                missing.append(f"{path.relative_to(DOCS)}:{number}: {line}")
    assert not missing, "\n".join(missing[:30])
