"""Front matter schema and translation metadata; personal data and executable HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.lint import meta, privacy
from handbook.lint.markdown_scan import read_document

GOOD = "---\ntitle: 测试\ntype: practice\ntopic: internet-cafes\ntags: [乡镇]\nsources: [report-1]\nupdated: 2025-01-01\n---\n\n正文\n"  # noqa: E501


def meta_rules(tmp_path: Path, text: str, name: str = "page.md") -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return [f.rule for f in meta.check(read_document(path))]


@pytest.mark.parametrize(("change", "rule"), [
    (("type: practice", "type: practise"), "meta-schema"),
    (("topic: internet-cafes", "topic: nowhere"), "meta-schema"),
    (("tags: [乡镇]", "tags: [不存在]"), "meta-schema"),
    (("sources: [report-1]", "sources: [report-9]"), "meta-schema"),
    (("updated: 2025-01-01", "updated: 2025-02-30"), "meta-yaml"),
    (("updated: 2025-01-01", "updated: 2999-01-01"), "meta-schema"),
    (("title: 测试\n", ""), "meta-schema"),
    (("title: 测试", "title: 测试\ntag: [乡镇]"), "meta-unknown-key"),
    (("title: [未闭合", "x"), "meta-yaml"),
])
def test_schema(tmp_path: Path, change: tuple[str, str], rule: str) -> None:
    text = GOOD.replace(*change) if change[0] in GOOD else GOOD.replace("title: 测试", change[0])
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert rule in [f.rule for f in meta.check(doc)] + [p.rule for p in doc.problems]


def test_good_page_and_missing_front_matter(tmp_path: Path) -> None:
    assert meta_rules(tmp_path, GOOD) == []
    assert meta_rules(tmp_path, "# 没有元数据\n") == ["meta-missing"]


def test_translation_metadata(tmp_path: Path) -> None:
    english = GOOD.replace("tags: [乡镇]", "tags: [Townships]")
    assert "meta-translation-source" in meta_rules(tmp_path, english, "lonely.en.md")
    (tmp_path / "page.md").write_text(GOOD, encoding="utf-8")
    assert meta_rules(tmp_path, english.replace("updated:", "translation_of: 3f2a9c1e0b7d\nupdated:"),
                      "page.en.md") == []
    assert "meta-translation-hash" in meta_rules(
        tmp_path, english.replace("updated:", "translation_of: 655180825285\nupdated:"), "page.en.md")
    assert "meta-translation-mismatch" in meta_rules(
        tmp_path, english.replace("type: practice", "type: guide"), "page.en.md")


@pytest.mark.parametrize(("text", "rule"), [
    ("联系人：13912345678", "privacy-mobile"),
    ("身份证号11010519491231002X", "privacy-id-card"),
    ("邮箱 zhangsan@163.com", "privacy-email"),
    ("车牌京A12345违停", "privacy-plate"),
    ("<script>alert(1)</script>", "html-unsafe"),
    ('<iframe src="https://x"></iframe>', "html-unsafe"),
    ('<img src="a.png" onerror="x()">', "html-unsafe"),
    ("[点我](javascript:alert(1))", "html-unsafe"),
])
def test_privacy_flags(tmp_path: Path, text: str, rule: str) -> None:
    path = tmp_path / "p.md"
    path.write_text(text + "\n", encoding="utf-8")
    assert rule in [f.rule for f in privacy.check(read_document(path))]


@pytest.mark.parametrize("text", [
    "共查扣电脑主机198台，办理热线5起。",
    "编号 139123456789 不是手机号",
    "编号110105194912310021（校验码不对）",
    "示例邮箱 name@example.org",
    "`<script>` 这是代码",
    "见 https://example.org/13912345678",
    "苏ABCDEF 不是车牌",
])
def test_privacy_quiet_on_ordinary_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "p.md"
    path.write_text(text + "\n", encoding="utf-8")
    assert privacy.check(read_document(path)) == []
