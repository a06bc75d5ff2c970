"""One set of rules, two runners, no drift: the command line (Python, handbook.lint.terms) and the
文稿检查 page (JavaScript in Chromium) find the same findings — rule, position, suggestion and
fix — on the same texts: the source reports, a sample of the edited law texts of
../shared/corpora/official-edited (read where it lies, never copied), sentences of the wording
linter's development set (scripts/wording_devset.py: input-method slips and the same sentences
written correctly) and a report in which every rule fires."""

from __future__ import annotations

import json
import random
import sys

import pytest

from handbook.check.plain import check_text
from tests.checkkit import open_checker, run_engine, utf16
from tests.sitebuild import ROOT, tool_missing

CORPUS = ROOT.parent / "shared" / "corpora" / "official-edited"
SAMPLE = 12  # law texts per run (about 300 KB), drawn with a fixed seed
DEV_CASES = 200  # development-set sentences, each written wrong and right
FIXTURES = ROOT / "tests" / "fixtures" / "check"


def _texts() -> dict[str, str]:
    sources = sorted((ROOT / "data" / "sources").glob("*.txt"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in sources}
    texts["report-errors.txt"] = (FIXTURES / "report-errors.txt").read_text(encoding="utf-8")
    if not CORPUS.is_dir():
        tool_missing(f"{CORPUS} is missing: the parity test reads a sample of the edited law texts there")
    laws = sorted(p for p in CORPUS.glob("*.md") if not p.name.startswith("_"))
    for path in random.Random(16).sample(laws, min(SAMPLE, len(laws))):
        texts[path.name] = path.read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    import wording_devset

    cases = wording_devset.generate(DEV_CASES, seed=16)
    texts["devset-wrong"] = "\n".join(case.wrong for case in cases)
    texts["devset-right"] = "\n".join(case.right for case in cases)
    return texts


def _python(text: str) -> list[list]:
    return [[f.rule, utf16(text, f.offset), f.suggestion,
             [utf16(text, f.fix[0]), utf16(text, f.fix[1]), f.fix[2]] if f.fix else None]
            for f in check_text(text)]


def _key(item: list) -> str:
    return json.dumps(item, ensure_ascii=False)


def test_page_and_cli_find_the_same(site_server: str, page) -> None:
    texts = _texts()
    open_checker(page, site_server)
    browser = run_engine(page, list(texts.values()))
    differences = []
    total = 0
    for (name, text), found in zip(texts.items(), browser, strict=True):
        expected = sorted(map(_key, _python(text)))
        got = sorted(map(_key, found))
        total += len(expected)
        if expected != got:
            only_cli, only_page = set(expected) - set(got), set(got) - set(expected)
            differences.append((name, sorted(only_cli)[:5], sorted(only_page)[:5]))
    assert not differences, "CLI only / page only:\n" + "\n".join(map(str, differences))
    assert total > 100  # the texts do exercise the rules


@pytest.mark.parametrize("text", [
    "未到法定婚龄的，不予登记。推行绿色采购，钓鱼网站链接要清理。",  # listed forms straddling words
    "他心杆情愿地坚驰工作，迎运而生的新机制。",  # homophones no list names
    "“第一段引文，\n\n“第二段引文。”",  # a quotation over two paragraphs
    "会议《关于修改〈甲法〉\n\n〈乙法〉的决定》（修正\n\n文）后《又\n\n无）",  # pairs split over paragraphs
    "储血、蚤类、该善",  # a rare character is taken as written; a common one is a suspect
    "𠀀再接再励\r\n全角１２３４年",  # a character outside the BMP, CRLF, full-width digits
    "",
])
def test_edge_cases_agree(site_server: str, page, text: str) -> None:
    open_checker(page, site_server)
    assert sorted(map(_key, run_engine(page, [text])[0])) == sorted(map(_key, _python(text)))
