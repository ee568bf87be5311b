"""The name repair hands its footer lines to the link-label stage only while they still hold."""

from __future__ import annotations

from extract.script import SIMPLIFIED
from extract.spam import repair_names
from extract.spam.slots import footer_lines

TITLE = "关于做好年度报告工作的通知"
URL = "http://www.example.gov.cn/xxgk/t20190110_1.html"
LINES = [
    TITLE,
    "本机关在政府网站集中发布，在政府网站、政务微博设立专栏，在政府网站建立专栏。",
    "版权所有：示例市人民政府 主办单位：示例市人民政府政府网站工作组",
]


def _repaired(lines: list[str]):
    return repair_names(TITLE, lines, "\n".join(lines[:2]), URL, {}, SIMPLIFIED)


def _footer_of(repair) -> str:
    return footer_lines("\n".join([repair.title or "", *repair.lines]))


def test_an_unchanged_page_hands_on_its_footer():
    repair = _repaired(LINES)
    assert repair.footer is not None and repair.footer == _footer_of(repair)


def test_a_footer_the_repair_changed_is_not_handed_on_stale():
    # 7m体育 stands over 政府网站 in the sentences and the footer: it leaves both.
    repair = _repaired([line.replace("政府网站", "7m体育") for line in LINES])
    assert "7m体育" not in "".join(repair.lines) and repair.footer in (None, _footer_of(repair))
