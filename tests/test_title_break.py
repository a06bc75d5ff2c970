"""Long titles broken by hand at a word boundary (GB/T 9704-2012 7.3.2), short ones left whole."""

from __future__ import annotations

import pytest

from handbook.build.title_break import break_title

CAPACITY = 20  # 22 pt characters in the 156 mm line


@pytest.mark.parametrize(("title", "lines"), [
    ("【单位名称】“五小”经营单位整治台账", ["【单位名称】“五小”经营单位整治台账"]),
    ("【单位名称】关于黑网吧专项整治工作开展情况的汇报",
     ["【单位名称】关于黑网吧", "专项整治工作开展情况的汇报"]),
    # The ordinal stays with its placeholder: 第【期数】期, not 第 / 【期数】期.
    ("【街道（乡镇）名称】关于【年份】年第【期数】期创城不打招呼检查情况的通报",
     ["【街道（乡镇）名称】关于【年份】年", "第【期数】期创城不打招呼检查情况的通报"]),
    # A placeholder too long to share a line gets one of its own; three lines, none over 20.
    ("【街道（乡镇）名称】关于联合开展【整治事项，如散养家禽和违章搭建】专项整治情况的汇报",
     ["【街道（乡镇）名称】关于联合开展", "【整治事项，如散养家禽和违章搭建】", "专项整治情况的汇报"]),
    # A placeholder wider than the line is broken between its words.
    ("【单位名称】关于【请求事项，如组织开展“五小”行业联合执法行动】的请示",
     ["【单位名称】关于【请求事项，如组织", "开展“五小”行业联合执法行动】的请示"]),
])
def test_break_title(title: str, lines: list[str]) -> None:
    assert break_title(title, CAPACITY) == lines


def test_quotation_is_never_split() -> None:
    lines = break_title("【单位名称】关于开展“最美【评选类别】”评选表彰活动的方案", CAPACITY)
    assert any("“最美【评选类别】”" in line for line in lines)
    assert all(len(line) <= CAPACITY for line in lines)
