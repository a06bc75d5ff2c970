"""The glossary page as readers see it: pinyin order under letter headings that fill the table of
contents, sources that read like the other pages' citations; and the site's name in each language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.build.glossary_page import initial, ordered, pinyin_key
from handbook.sources import reference_label


def _entry(term: str, en: str = "x") -> dict:
    return {"id": en, "term": term, "en": en, "definition": "…"}


@pytest.mark.parametrize(("first", "second"), [
    ("暗访", "八不"),          # a before b
    ("长效机制", "倡议书"),    # 长 read cháng (not zhǎng), tone 2 before tone 4
    ("问卷调查", "问题导向"),  # 卷 juàn before 题 tí
    ("测评", "测评体系"),      # a prefix first
    ("ABC", "暗访"),           # letters and digits before Chinese
])
def test_chinese_terms_follow_pinyin_order(first: str, second: str) -> None:
    assert pinyin_key(first) < pinyin_key(second)
    assert [e["term"] for e in ordered([_entry(second), _entry(first)], "zh")] == [first, second]


@pytest.mark.parametrize(("term", "letter"), [("行业卫生", "h"), ("长效机制", "c"), ("网吧", "w"),
                                              ("12345热线", "other")])
def test_a_term_is_filed_under_the_initial_of_its_reading(term: str, letter: str) -> None:
    assert initial(_entry(term), "zh") == letter


def test_english_terms_are_alphabetical_whatever_their_case() -> None:
    entries = [_entry("甲", "volunteer"), _entry("乙", "National Civilized City"), _entry("丙", "ledger")]
    assert [e["en"] for e in ordered(entries, "en")] == ["ledger", "National Civilized City", "volunteer"]
    assert initial(entries[1], "en") == "n"


@pytest.mark.parametrize(("reference", "locale", "label"), [
    ("report-2#p14", "zh", "第二篇第14段"),
    ("report-2#p14", "en", "Report 2, paragraph 14"),
    ("report-5", "zh", "第五篇"),
    ("《志愿服务条例》（国务院令第685号）", "zh", None),
    ("getting-started/first-week.md", "zh", None),
])
def test_report_references_read_as_citations(reference: str, locale: str, label: str | None) -> None:
    assert reference_label(reference, locale) == label


def _soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_glossary_letters_fill_the_table_of_contents(built_site: Path, prefix: str) -> None:
    soup = _soup(built_site, prefix + "glossary")
    toc = [a.get_text(strip=True) for a in soup.select(".md-sidebar--secondary .md-nav__link")]
    assert len(toc) >= 15 and all(re.fullmatch(r"[A-Z]", text) for text in toc), toc
    assert toc == sorted(toc)
    headings = soup.select("article h2[id]")
    assert [h["id"] for h in headings] == [text.lower() for text in toc]
    # Every term stands under the heading of its initial.
    for heading in headings:
        for sibling in heading.find_next_siblings():
            if sibling.name == "h2":
                break
            for term in sibling.select("dt"):
                text = term.get_text(strip=True)
                key = text if prefix else pinyin_key(text.split("（")[0])[0][0][1]
                assert key[:1].lower() == heading["id"], (heading["id"], text)


def test_chinese_glossary_terms_are_in_pinyin_order(built_site: Path) -> None:
    soup = _soup(built_site, "glossary")
    terms = [dt.get_text(strip=True).split("（")[0] for dt in soup.select("article dt")]
    assert len(terms) >= 100
    assert terms == sorted(terms, key=pinyin_key)
    position = {term: index for index, term in enumerate(terms)}
    # pypinyin alone reads 长效 zhǎng: the word readings put it between 常 and 倡.
    assert position["常态化管理"] < position["长效机制"] < position["倡议书"]


@pytest.mark.parametrize(("prefix", "pattern"), [
    ("", r"第[一二三四五]篇第\d+段"),
    ("en/", r"Report [1-5], paragraph \d+"),
])
def test_glossary_sources_read_like_citations(built_site: Path, prefix: str, pattern: str) -> None:
    links = _soup(built_site, prefix + "glossary").select("article dd a")
    reports = [a for a in links if "sources/report-" in a["href"]]
    assert len(reports) >= 100
    assert all(re.fullmatch(pattern, a.get_text(strip=True)) for a in reports), \
        [a.get_text() for a in reports if not re.fullmatch(pattern, a.get_text(strip=True))][:5]
    raw = [a.get_text() for a in links if re.search(r"report-\d|\.md\b|/", a.get_text())]
    assert not raw, raw


@pytest.mark.parametrize(("path", "name"), [
    ("", "创城工作知识库"),
    ("glossary", "创城工作知识库"),
    ("en", "Civilized City Campaign Handbook"),
    ("en/glossary", "Civilized City Campaign Handbook"),
])
def test_each_language_names_the_site_in_its_language(built_site: Path, path: str, name: str) -> None:
    soup = _soup(built_site, path)
    assert soup.title.get_text().endswith(name), soup.title.get_text()
    assert soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True) == name
    other = "创城工作知识库" if path.startswith("en") else "Civilized City Campaign Handbook"
    assert other not in soup.title.get_text()
