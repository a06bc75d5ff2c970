"""Wording, punctuation and number rules; --fix is atomic, byte-preserving and idempotent."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from handbook import DATA
from handbook.lint import terms
from handbook.lint.fix import apply_fixes, fix_file
from handbook.lint.markdown_scan import read_document

FM = "---\ntitle: 测试\ntype: guide\ntopic: general\ntags: []\nsources: []\nupdated: 2025-01-01\n---\n\n"


def rules_in(tmp_path: Path, body: str, name: str = "page.md", fm: str = FM) -> list[str]:
    path = tmp_path / name
    path.write_text(fm + body, encoding="utf-8")
    return [f.rule for f in terms.check(read_document(path))]


@pytest.mark.parametrize(("text", "rule"), [
    ("截止目前共整治20处。", "wording-confusable"),
    ("建立台帐，逐一销号。", "wording-variant"),
    ("我们将再接再励。", "wording-typo"),
    ("这即是机遇又是挑战。", "wording-confusable"),
    ("各位领导,现将情况汇报如下。", "punct-halfwidth"),
    ("宣传牌匾40余条(块)。", "punct-halfwidth"),
    ("开展\"五小\"行业整治。", "punct-quote-halfwidth"),
    ("依据《志愿服务条例开展。", "punct-pair"),
    ("整治、宣传...", "punct-ellipsis"),
    ("整治、宣传。。。", "punct-ellipsis"),
    ("二0一一年五月十六日", "number-year-zero"),
    ("（一）、建立机制", "punct-ordinal"),
    ("一.工作开展情况", "punct-ordinal"),
    ("各位领导,现将情况汇报如下:", "punct-halfwidth"),
    ("他说：“请大家放心!”", "punct-halfwidth"),
    ("每个网格配备3-5名网格员。", "number-range"),
    ("覆盖率提高15-30%。", "number-range"),
    ("覆盖率提高15～30%。", "number-range"),
    ("于2025年03月01日完成。", "date-zero-pad"),
    ("参加约200人左右。", "wording-redundant"),
    ("超过100户以上。", "wording-redundant"),
])
def test_flags_wrong_text(tmp_path: Path, text: str, rule: str) -> None:
    assert rule in rules_in(tmp_path, text + "\n")


@pytest.mark.parametrize("text", [
    "截止日期为2025年3月31日。",
    "截至目前共整治20处。",
    "按笔划分类统计。",
    "个人材料齐全。",
    "这是个记叙文。",
    "覆盖率提高15%～30%。",
    "二〇一一年五月十六日",
    "1.建立台账制度",
    "（一）建立机制",
    "不写“截止目前”，写“截至目前”。",
    "【…】处按实际填写。",
    "参加约200人。",
    "于2025年3月1日完成。",
    "`截止目前` 和 [链接](a,b.md) 以及 https://example.org/a,b 不检查。",
    "既是机遇又是挑战。",
])
def test_correct_text_is_not_flagged(tmp_path: Path, text: str) -> None:
    assert rules_in(tmp_path, text + "\n") == []


def test_code_is_skipped_but_template_fences_are_prose(tmp_path: Path) -> None:
    body = "```python\n截止目前 = 1\n```\n\n```template\n截止目前，建立台帐。\n```\n"
    assert rules_in(tmp_path, body).count("wording-confusable") == 1


def test_suppression_inline_and_per_file(tmp_path: Path) -> None:
    body = "<!-- lint-disable wording-confusable -->\n截止目前。\n<!-- lint-enable wording-confusable -->\n截止目前。\n"  # noqa: E501
    assert rules_in(tmp_path, body).count("wording-confusable") == 1
    fm = FM.replace("updated:", "lint-disable: [terms]\nupdated:")
    assert rules_in(tmp_path, "截止目前。\n", fm=fm) == []


def test_source_pages_only_warn(tmp_path: Path) -> None:
    path = tmp_path / "report-1.md"
    path.write_text(FM.replace("type: guide", "type: source") + "各位领导,截止目前。\n", encoding="utf-8")
    findings = terms.check(read_document(path))
    assert findings and {f.severity for f in findings} == {"warning"}
    assert all(f.fix is None for f in findings)


def test_english_pages_use_glossary_rendering(tmp_path: Path) -> None:
    renderings, _ = terms._english_renderings()
    assert renderings, "the glossary gives no English renderings"
    chinese, english = next(iter(renderings.items()))
    assert rules_in(tmp_path, f"The {english} ({chinese}) works.\n", "p.en.md") == []
    assert "term-en-rendering" in rules_in(tmp_path, f"The thing ({chinese}) works.\n", "p.en.md")


def test_wording_data_is_documented() -> None:
    data = yaml.safe_load((DATA / "wording.yml").read_text(encoding="utf-8"))
    entries = data["entries"]
    assert len(entries) >= 400
    for entry in entries:
        assert entry["note"] and entry["source"] in data["sources"], entry
        for exception in entry.get("except", []):
            assert entry["wrong"] in exception, entry


BAD = ("{fm}各位领导,截止目前建立台帐1处。\r\n\r\n1、二0一一年宣传...\r\n\r\n"
       "```python\nx = '截止目前'\n```\n\n覆盖率15-30%，于2025年03月01日。\n")


@pytest.mark.parametrize("bom", [False, True])
def test_fix_is_idempotent_and_touches_nothing_else(tmp_path: Path, bom: bool) -> None:
    path = tmp_path / "page.md"
    original = BAD.format(fm=FM.replace("type: guide", "type: template"))
    path.write_bytes((("\ufeff" if bom else "") + original).encode("utf-8"))
    doc = read_document(path)
    findings = terms.check(doc)
    assert fix_file(path, doc.text, doc.had_bom, findings) > 0
    once = path.read_bytes()
    assert once.startswith(b"\xef\xbb\xbf") == bom
    text = once.decode("utf-8-sig")
    expected = original
    for wrong, right in [(",", "，"), ("截止目前建立", "截至目前建立"), ("台帐", "台账"), ("1、", "1."),
                         ("二0一一", "二〇一一"), ("...", "……"), ("15-30%", "15%～30%"), ("03月01日", "3月1日")]:  # noqa: E501
        expected = expected.replace(wrong, right, 1)
    assert text == expected  # CRLF, code and every other byte unchanged
    doc2 = read_document(path)
    assert fix_file(path, doc2.text, doc2.had_bom, terms.check(doc2)) == 0
    assert path.read_bytes() == once


def test_overlapping_fixes_are_skipped() -> None:
    assert apply_fixes("abcdef", [(0, 3, "X"), (2, 4, "Y"), (4, 5, "Z")]) == "XdZf"
