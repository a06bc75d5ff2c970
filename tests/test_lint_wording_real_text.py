"""The wording linter on real text: every false-alarm class of issue 11 stays quiet, the new rules
fire, and lint_text (the plain-text entry point) agrees with the page linter."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.lint import terms
from handbook.lint.cli import run
from handbook.lint.fix import fix_file
from handbook.lint.markdown_scan import read_document

ROOT = Path(__file__).resolve().parent.parent
FM = "---\ntitle: 测试\ntype: guide\ntopic: general\ntags: []\nsources: []\nupdated: 2025-01-01\n---\n\n"


def findings(tmp_path: Path, body: str, fm: str = FM, name: str = "page.md") -> list:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(fm + body, encoding="utf-8")
    return terms.check(read_document(path))


def rules(tmp_path: Path, body: str, **kwargs: str) -> list[str]:
    return [f.rule for f in findings(tmp_path, body, **kwargs)]


@pytest.mark.parametrize("sentence", [
    "未到法定婚龄的，不得结婚。",  # 法定|婚龄, not 定婚
    "推行绿色采购。",  # 绿色|采购, not 色采
    "警惕钓鱼网站链接。",  # 钓鱼|网站, not 鱼网
    "预留连通接口。",  # 预留|连通, not 留连
    "用容斥做为什么可行？",  # 做|为什么, not 做为
    "按装修标准验收。",  # 按|装修, not 按装
])
def test_listed_form_straddling_two_words_is_no_finding(tmp_path: Path, sentence: str) -> None:
    assert rules(tmp_path, sentence + "\n") == []


@pytest.mark.parametrize(("sentence", "rule", "right"), [
    ("建立台帐，逐一销号。", "wording-variant", "台账"),
    ("我们将再接再励。", "wording-typo", "再接再厉"),
    ("他的脉膊很快。", "wording-typo", "脉搏"),
    ("言简意骇。", "wording-typo", "言简意赅"),
    ("鬼鬼崇崇地张望。", "wording-typo", "鬼鬼祟祟"),
    ("候鸟迁徒的季节。", "wording-typo", "迁徙"),
    ("共有40与人参加。", "wording-typo", "余"),
])
def test_listed_forms_that_are_words_still_fire(tmp_path: Path, sentence: str, rule: str, right: str) -> None:
    found = [(f.rule, f.suggestion) for f in findings(tmp_path, sentence + "\n")]
    assert (rule, right) in found


@pytest.mark.parametrize(("sentence", "wrong", "right"), [
    ("我们心杆情愿地工作。", "心杆情愿", "心甘情愿"),
    ("新的业态迎运而生。", "迎运而生", "应运而生"),
    ("我们要坚驰下去。", "坚驰", "坚持"),
    ("服务大厅全天侯开放。", "全天侯", "全天候"),
])
def test_detector_flags_homophone_slips_no_list_names(sentence: str, wrong: str, right: str) -> None:
    hits = [hit for hit in terms.lint_text(sentence) if hit.rule == "wording-suspect"]
    assert len(hits) == 1
    hit = hits[0]
    assert sentence[hit.offset:hit.offset + hit.length] == wrong
    assert hit.suggestion == right and hit.severity == "warning" and hit.fix is None


@pytest.mark.parametrize("sentence", [
    "我们心甘情愿地工作。", "新的业态应运而生。", "我们要坚持下去。", "服务大厅全天候开放。",
    "张三和李四在龙门镇开会。", "使用 Python 3.11 和 GB/T 15834—2011。",
    # A character an input method rarely offers (储, 蚤) is taken as written: 储血 is no slip for 出血.
    "动员患者自身储血。", "如蚊、蝇、蚤类等。",
])
def test_detector_is_quiet_on_correct_text(sentence: str) -> None:
    assert [hit for hit in terms.lint_text(sentence) if hit.rule == "wording-suspect"] == []


def test_detector_ignores_a_form_the_text_repeats_unless_it_is_sure() -> None:
    # A term of the text (as 衔级 in a law on diplomatic ranks) recurs; a slip rarely does.
    once = "请提供检验鸡录。"
    assert [h.suggestion for h in terms.lint_text(once) if h.rule == "wording-suspect"] == ["记录"]
    assert [h for h in terms.lint_text(once + once) if h.rule == "wording-suspect"] == []
    sure = "我们要坚驰下去。"  # far likelier as 坚持: reported every time
    assert [h.suggestion for h in terms.lint_text(sure + sure) if h.rule == "wording-suspect"] == ["坚持"] * 2


def test_multi_paragraph_quotation_and_quotes_over_list_items(tmp_path: Path) -> None:
    body = ("他指出：\n\n“第一段没有后引号。\n\n“第二段也没有。\n\n“第三段才结束。”\n\n"
            "通知要求：“\n\n- 第一项；\n\n- 第二项。”\n")
    assert rules(tmp_path, body) == []
    broken = "他指出：“第一段没有后引号。\n\n第二段不以引号开头。\n"
    assert rules(tmp_path, broken) == ["punct-pair"]


@pytest.mark.parametrize(("text", "where", "says"), [
    # A title the edition split over two paragraphs: one defect, one finding, at its opening mark.
    ("会议《关于修改〈甲法〉\n\n〈乙法〉的决定》第三次修正", 2, "分在两段"),
    ("见附件（说明\n\n见下文）。", 3, "分在两段"),
    # Left open, and the next paragraph closes nothing of its kind: as before.
    ("会议《关于修改\n\n下一段）", 2, "没有对应的“》”"),
])
def test_a_pair_split_over_two_paragraphs_is_one_finding(text: str, where: int, says: str) -> None:
    hits = [hit for hit in terms.lint_text(text) if hit.rule == "punct-pair"]
    assert hits[0].offset == where and says in hits[0].message, hits
    assert len(hits) == (1 if says == "分在两段" else 2), hits


def test_tex_math_is_masked(tmp_path: Path) -> None:
    body = ("设 $a~b$ 与 $[a,b](x)$ 成立，且 \\(x~y\\)。\n\n$$\nf[a,b](x) = 1~2\n$$\n\n"
            "费用为 $5 和 $10，范围 3~5 个。\n")
    path = tmp_path / "page.md"
    path.write_text(FM + body, encoding="utf-8")
    doc = read_document(path)
    assert doc.links == []
    found = terms.check(doc)
    assert [f.rule for f in found] == ["number-range"]  # only the prose 3~5, not the math
    assert "3~5" in doc.text.splitlines()[found[0].line - 1]


def test_footnotes_are_prose_and_their_links_are_checked(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        (ROOT / "tests" / "fixtures" / "links" / "ok" / "mkdocs.yml").read_text(encoding="utf-8")
        .replace("  - pymdownx.superfences\n", "  - pymdownx.superfences\n  - footnotes\n"), encoding="utf-8")
    (docs / "index.md").write_text(
        "# 首页\n\n正文[^1]。\n\n[^1]: 截止目前，见[条例](missing.md)和[目录](other.md)。\n",
        encoding="utf-8")
    (docs / "other.md").write_text("# 其他\n", encoding="utf-8")
    found = run(["links", "terms"], [docs / "index.md", docs / "other.md"], tmp_path / "mkdocs.yml",
                whole_site=False)
    links = {(f.rule, f.target) for f in found if f.rule.startswith("link")}
    assert links == {("link-not-found", "missing.md")}
    assert "wording-confusable" in {f.rule for f in found}


def test_percent_encoded_anchor_is_decoded(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "mkdocs.yml").write_text(
        (ROOT / "tests" / "fixtures" / "links" / "ok" / "mkdocs.yml").read_text(encoding="utf-8"),
        encoding="utf-8")
    (docs / "index.md").write_text("# 首页\n\n[做法](other.md#egf-%E4%B8%AD)和[缺](other.md#egf-%E4%B8%8D)\n",
                                   encoding="utf-8")
    (docs / "other.md").write_text("# 其他\n\n## 中 {#egf-中}\n", encoding="utf-8")
    found = run(["links"], [docs / "index.md", docs / "other.md"], tmp_path / "mkdocs.yml", whole_site=False)
    assert [(f.rule, f.target) for f in found] == [("link-anchor", "other.md#egf-%E4%B8%8D")]


def test_fix_leaves_indented_code_and_urls_alone(tmp_path: Path) -> None:
    body = ("建立台帐,\n\n    x = \"截止目前,台帐\"  # 缩进代码\n\n"
            "- 列表项\n\n    列表的续段：截止目前建立台帐。\n\n"
            "见 https://zh.wikipedia.org/wiki/截止目前 和 [https://example.org/台帐,1-2名](https://example.org)。\n")
    path = tmp_path / "page.md"
    path.write_text(FM + body, encoding="utf-8")
    doc = read_document(path)
    assert fix_file(path, doc.text, doc.had_bom, terms.check(doc)) > 0
    text = path.read_text(encoding="utf-8")
    assert "建立台账，" in text
    assert "    x = \"截止目前,台帐\"" in text  # indented code untouched
    assert "列表的续段：截至目前建立台账。" in text  # a list item's continuation is prose
    assert "https://zh.wikipedia.org/wiki/截止目前" in text and "https://example.org/台帐,1-2名" in text


def test_admonition_content_is_prose(tmp_path: Path) -> None:
    assert "wording-variant" in rules(tmp_path, "!!! note \"说明\"\n\n    建立台帐。\n")


@pytest.mark.parametrize(("page", "expected"), [
    ("guide", []), ("template", ["numbering-order"]),
])
def test_official_numbering_only_where_it_applies(tmp_path: Path, page: str, expected: list[str]) -> None:
    fm = FM.replace("type: guide", f"type: {page}")
    assert rules(tmp_path, "1、建立台账制度\n", fm=fm) == expected


def test_official_numbering_in_writing_folders_and_template_fences(tmp_path: Path) -> None:
    assert rules(tmp_path, "1、建立台账制度\n", name="writing/report.md") == ["numbering-order"]
    fence = "列表：\n\n1、普通页面的列表\n\n```template\n1、建立台账制度\n```\n"
    found = findings(tmp_path, fence)
    assert [f.rule for f in found] == ["numbering-order"] and found[0].line == FM.count("\n") + 6


@pytest.mark.parametrize(("text", "rule", "suggestion"), [
    ("现将情况汇报如下:\n", "punct-halfwidth", "："),
    ("他说：“好的!”\n", "punct-halfwidth", "！"),
    ("完成了.\n", "punct-halfwidth", "。"),
    ("一.工作开展情况\n", "punct-ordinal", "一、"),
    ("（二）.加强领导\n", "punct-ordinal", "（二）"),
    ("每个网格配备3-5名网格员。\n", "number-range", "～"),
])
def test_new_punctuation_and_number_rules(text: str, rule: str, suggestion: str) -> None:
    found = terms.lint_text(text)
    assert [(f.rule, f.suggestion) for f in found] == [(rule, suggestion)]


@pytest.mark.parametrize("text", [
    "Version 1.2:\n", "见 GB/T 9704-2012 第7页。\n", "日期 2021-06-10 前。\n", "1. 第一项\n",
    "电话 010-12345678。\n",
])
def test_new_rules_quiet_on_non_chinese_or_non_ranges(text: str) -> None:
    assert terms.lint_text(text) == []


def test_lint_text_agrees_with_the_page_linter(tmp_path: Path) -> None:
    body = "各位领导,截止目前建立台帐1处。现将情况汇报如下:\n\n我们心杆情愿。\n"
    path = tmp_path / "page.md"
    path.write_text(body, encoding="utf-8")
    doc = read_document(path)
    page = [(f.rule, f.line, f.column, f.suggestion) for f in terms.check(doc)]
    text = []
    for hit in terms.lint_text(body, official_numbering=False):
        line, column = doc.position(hit.offset)
        text.append((hit.rule, line, column, hit.suggestion))
    assert page == text and len(page) == 5
