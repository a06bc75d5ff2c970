"""文稿检查 without a browser: the regex translation, the exported rules, reading reports (.txt,
.docx and the files that cannot be read) and the command line."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.check import bundle, export, jsregex
from handbook.check.plain import check_text
from handbook.check.reports import ReportError, read_report
from tests.sitebuild import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "check"


@pytest.mark.parametrize(("python", "javascript"), [
    (r"\d+年", r"\p{Nd}+年"),  # Python's \d takes full-width digits, JavaScript's does not
    (r"[\d.]", r"[\p{Nd}.]"),
    (r"(?P<n>\d)(?P=n)", r"(?<n>\p{Nd})\k<n>"),
    (r"a\-b[\-x]", r"a-b[\-x]"),  # the u flag refuses "\-" outside a class
    (re.escape("1.5&~#"), r"1\.5&~#"),
    (r"x.y", r"x[^\n]y"),  # JavaScript's "." also stops at \r and U+2028
    (r"a{2,3}\{b\}", r"a{2,3}\{b\}"),
])
def test_translate(python: str, javascript: str) -> None:
    assert jsregex.translate(python) == javascript


def test_translate_anchors_follow_python_multiline() -> None:
    assert jsregex.translate("^a$", multiline=True) == r"(?<![^\n])a(?![^\n])"
    assert jsregex.translate("^a", multiline=False) == r"(?<![\s\S])a"


@pytest.mark.parametrize("pattern", [r"\bword\b", r"(?i)x", r"\Aa", r"\w\W"])
def test_untranslatable_patterns_stop_the_build(pattern: str) -> None:
    with pytest.raises(jsregex.Untranslatable):
        jsregex.translate(pattern)


def test_template_parts_resolve_groups() -> None:
    pattern = re.compile(r"即(?P<verb>是|要)(.+?)又(?P=verb)")
    assert jsregex.template(r"既\1\2又\g<verb>", pattern) == ["既", 1, 2, "又", 1]


def test_exported_rules_hold_every_list_entry_and_pattern() -> None:
    from handbook.lint import terms

    data = export.rules_data()
    engine = terms.wording()
    assert len(data["entries"]) == sum(len(items) for items in engine.phrases.values())
    assert {p["id"] for p in data["patterns"]} == {p.id for p in engine.patterns}
    assert set(data["regex"]) == set(export.PATTERNS)
    assert {"punct-halfwidth", "wording-typo", "number-range", "numbering-order"} <= set(data["rules"])
    script = export.rules_script(data)
    assert script.startswith("self.HANDBOOK_CHECK_RULES={") and "\u2028" not in script


def test_worker_bundle_is_one_string_of_its_parts() -> None:
    script = bundle.worker_script()
    assert script.startswith(f"self.{bundle.WORKER_GLOBAL}=\"")
    source = bundle.worker_source()
    assert "JSZip" in source and "HandbookCheck" in source and "HandbookDocx" in source


def test_vendored_jszip_is_the_pinned_package() -> None:
    """handbook/vendor/jszip.min.js is the file of the jszip version package.json pins."""
    import json

    pinned = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]["jszip"]
    assert f"JSZip v{pinned} " in bundle.JSZIP.read_text(encoding="utf-8")[:200]
    installed = ROOT / "node_modules" / "jszip" / "dist" / "jszip.min.js"
    if not installed.is_file():
        from tests.sitebuild import tool_missing

        tool_missing("node_modules/jszip is not installed: run `make install` (npm ci)")
    assert installed.read_bytes() == bundle.JSZIP.read_bytes()


def _docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    from docx import Document

    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_tabs_and_breaks(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("第一段，截止目前。")
    run = document.add_paragraph("姓名").add_run("\t张三")
    run.add_break()
    run.add_text("续行")
    grid = document.add_table(rows=1, cols=2)
    grid.cell(0, 0).text = "表格甲"
    grid.cell(0, 1).text = "表格乙"
    document.add_paragraph("末段 &<>\"'")
    path = tmp_path / "report.docx"
    document.save(path)
    assert read_report(path).split("\n") == ["第一段，截止目前。", "姓名\t张三", "续行", "表格甲", "表格乙",
                                              "末段 &<>\"'"]


def test_old_doc_is_refused_with_advice() -> None:
    with pytest.raises(ReportError, match=r"old-format Word file \(\.doc\).*save it as \.docx"):
        read_report(FIXTURES / "old-format.doc")


def test_encrypted_docx_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    path.write_bytes(encrypted_docx(_docx(["内部材料"])))
    with pytest.raises(ReportError, match="password-protected"):
        read_report(path)


def encrypted_docx(plain: bytes) -> bytes:
    """A .docx encrypted as Word does it (ECMA-376 agile encryption), by msoffcrypto-tool."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        from tests.sitebuild import tool_missing

        tool_missing("msoffcrypto-tool is not installed: pip install -r requirements-dev.txt")
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(plain)).encrypt("secret", out)
    return out.getvalue()


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"just text, named .docx"])
def test_corrupt_docx_is_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(content)
    with pytest.raises(ReportError) as error:
        read_report(path)
    assert "\n" not in str(error.value) and "broken.docx" in str(error.value)


def test_text_files_in_gbk_are_read(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("截止目前，工作汇报如下：\r\n一、主要做法".encode("gbk"))
    assert read_report(path) == "截止目前，工作汇报如下：\n一、主要做法"


def test_every_rule_of_the_fixture_fires() -> None:
    text = (FIXTURES / "report-errors.txt").read_text(encoding="utf-8")
    rules = {finding.rule for finding in check_text(text)}
    assert {"punct-halfwidth", "punct-ordinal", "numbering-order", "wording-typo", "wording-confusable",
            "number-range", "wording-redundant", "wording-suspect", "punct-ellipsis", "punct-quote-halfwidth",
            "number-year-zero", "date-zero-pad", "punct-pair"} <= rules, rules


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "scripts/check_report.py", *args], cwd=ROOT,
                          capture_output=True, text=True)


def test_cli_prints_findings_and_exits_1() -> None:
    run = _cli(str(FIXTURES / "report-errors.txt"))
    assert run.returncode == 1, run.stderr
    assert re.search(r"report-errors\.txt:3:5: error punct-halfwidth .* → ，", run.stdout), run.stdout


def test_cli_bad_file_exits_2_with_one_line() -> None:
    run = _cli(str(FIXTURES / "old-format.doc"))
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "Traceback" not in run.stderr


def test_only_the_check_page_loads_its_assets(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    loading = sorted(p.relative_to(built_site).as_posix() for p in pages
                     if "assets/check/" in p.read_text(encoding="utf-8"))
    assert loading == ["en/templates/check/index.html", "templates/check/index.html"]
    for name in ("rules.js", "lexicon.js", "worker.js", "check.js", "check.css", "jszip-LICENSE.md"):
        assert (built_site / "assets" / "check" / name).is_file(), name
