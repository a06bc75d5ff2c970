"""Personal data in the forms people really write it, and no alarm on amounts or model numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.lint import privacy
from handbook.lint.markdown_scan import read_document

FLAGGED = [
    ("联系人：138 0013 8000", "privacy-mobile"),
    ("联系人：138-0013-8000", "privacy-mobile"),
    ("联系人：+8613912345678", "privacy-mobile"),
    ("联系人：+86 139 1234 5678", "privacy-mobile"),
    ("联系人：１３９１２３４５６７８", "privacy-mobile"),
    ("联系张三zhangsan@163.com", "privacy-email"),
    ("车牌京A·12345违停", "privacy-plate"),
    ("值班电话：0571-87654321", "privacy-landline"),
    ("值班电话：(010)62345678", "privacy-landline"),
    ("卡号 6222 0212 3456 7890 128", "privacy-bank-card"),
    ("卡号6222021234567890128", "privacy-bank-card"),
    ("身份证号 110105491231002", "privacy-id-card"),
]
QUIET = [
    "总投资13800138000元",
    "累计服务13800138000人次",
    "设备型号XH13800138000",
    "文号为2024-0013-8000号",
    "卡号 6222 0212 3456 7890 129",  # fails the Luhn check
    "编号110105491331002",  # no such birth date (month 13)
    "监督电话12345",
]


@pytest.mark.parametrize(("text", "rule"), FLAGGED)
def test_flags(tmp_path: Path, text: str, rule: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(f"# 标题\n\n{text}\n", encoding="utf-8")
    assert rule in [f.rule for f in privacy.check(read_document(path))], text


@pytest.mark.parametrize("text", QUIET)
def test_quiet(tmp_path: Path, text: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(f"# 标题\n\n{text}\n", encoding="utf-8")
    assert privacy.check(read_document(path)) == [], text
