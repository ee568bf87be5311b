"""Tail lists whose names are of every kind at once: split by zero-width characters,
full-width codes, set phrases, names calling the reader in, shop names beside brand words.

Pages are built from the real pages in ../shared (tests/bench/deface.py) with brands of the
training split; the clean lines are what portals write.
"""

import pytest

from extract.spam.tail import strip_tail_names
from extract.spam.text import strip_text_spam

from .helpers.defaced import defaced_report

MIXED = ["心想事成", "凤凰视频直播", "k8vip", "ｋ８ｖｉｐ", "天\u200b顺", "青青草原"]
HALF_PLAIN = ["金\u200b沙", "金鼎坊", "龙凤呈祥", "银狐体育平台", "bwin7", "ＢＢ娱乐"]


@pytest.fixture(scope="module")
def mixed_list():
    # jchgz: the main text loses the zero-width character the page's line holds.
    return defaced_report(MIXED[0], "tail_list", "corpus:mhxqwer__jchgz.gov.cn", MIXED)


@pytest.fixture(scope="module")
def mixed_list_no_brand_word():
    brands = MIXED[2:] + ["马到成功", "九州官方网站"]
    return defaced_report(brands[0], "tail_list", "corpus:mhxqwer__wxhshaanxi.gov.cn", brands)


@pytest.fixture(scope="module")
def half_plain_list():
    return defaced_report(HALF_PLAIN[0], "tail_list", "corpus:mhxqwer__hjhbjdx.gov.cn", HALF_PLAIN)


@pytest.mark.shared
def test_a_mixed_list_leaves_the_text_whole(mixed_list):
    assert [name for name in MIXED if name.replace("\u200b", "") in mixed_list.text] == []


@pytest.mark.shared
def test_a_list_of_codes_set_phrases_and_split_names_makes_the_page_tampered(mixed_list_no_brand_word):
    assert mixed_list_no_brand_word.spam.tampered


@pytest.mark.shared
def test_a_list_of_codes_set_phrases_and_split_names_leaves_the_text(mixed_list_no_brand_word):
    assert "马到成功" not in mixed_list_no_brand_word.text


@pytest.mark.shared
def test_the_plain_names_of_a_spam_list_go_with_it(half_plain_list):
    assert "金鼎坊" not in half_plain_list.text


def test_a_line_that_is_a_list_end_to_end_goes_whole():
    cleaned = strip_text_spam(["金鼎坊 龙凤呈祥 银狐体育平台 bwin7 ＢＢ娱乐 雪狼直播"])
    assert cleaned.lines == []


def test_a_sentence_before_a_list_on_its_line_stays():
    cleaned = strip_text_spam(["本站发布政府信息公开年报。 银狐体育平台 bwin7 ＢＢ娱乐 雪狼直播 火箭电竞"])
    assert cleaned.lines == ["本站发布政府信息公开年报。"]


def test_a_portal_s_link_bar_stays():
    line = "网站地图 联系我们 关于我们 加入收藏 设为首页 English"
    assert strip_text_spam([line]).lines == [line]


FOOTER = "版权所有：示例市人民政府"


def test_names_calling_the_reader_in_make_a_tail_list():
    lines = [FOOTER, "大发app下载 金牛app下载 雪豹app下载 网站地图 联系我们"]
    assert strip_tail_names(lines, "\n".join(lines))[0] == [FOOTER]


def test_names_split_by_zero_width_characters_make_a_tail_list():
    lines = [FOOTER, "天\u200b顺 盈\u200b利宝 宏\u200b泰 网站地图 联系我们"]
    assert strip_tail_names(lines, "\n".join(lines))[0] == [FOOTER]
