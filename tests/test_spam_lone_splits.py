"""A name split by a zero-width character that stands once: the page is flagged, its text kept.

Jiangsu's culture news writes 工作 once in its sentences: a swap over it leaves one split
name (瑞\u200b丰汇) and nothing on the page that tells where the name starts and ends. A
reader never sees the zero-width character and no editor puts one inside a word, so the
split alone makes the page tampered; cutting a guess out of the sentence could cut the
report's own words, so the text keeps what the reader sees.
"""

import pytest

from extract import process
from extract.spam.splitnames import lone_splits

from .bench.inject import page
from .helpers.defaced import defaced_report

BRAND = "\u200b".join("瑞丰") + "汇"
URL = "http://www.shili.gov.cn/xwzx/202301/t20230105_101.html"


@pytest.fixture(scope="module")
def once():
    return defaced_report(BRAND, "phrase_swap", "corpus:mhxqwer__djjiangsu.gov.cn")


def test_a_name_split_once_makes_the_page_tampered(once):
    assert once.spam.tampered


def test_a_name_split_once_is_a_split_name_finding(once):
    assert [f.evidence.split(" ×")[0] for f in once.spam.findings if f.kind == "split_name"] == ["瑞丰"]


def test_a_name_split_once_leaves_no_zero_width_character(once):
    assert "\u200b" not in once.text and "瑞丰汇" in once.text


def test_a_word_split_once_and_written_whole_elsewhere_is_an_editor_s():
    assert lone_splits("本机关通过政\u200b府网站公开信息。\n政府网站全年发布信息1200条。") == []


def test_a_clean_page_with_a_split_word_written_whole_is_not_tampered():
    lines = ["本机关通过政\u200b府网站公开信息。", "政府网站全年发布信息1200条，均在法定期限内完成。"]
    report = process(page("示例市2023年政府信息公开工作年度报告", lines).encode("utf-8"), URL)
    assert not report.spam.tampered
