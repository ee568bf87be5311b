"""Names of two characters and Latin names where a report names its channel (通过X公开).

A phrase swap over 政府网站 in a report puts the name in the template's channel slots,
whatever it is. Two Chinese characters count only where the page writes them nowhere else,
Latin only where letters mix with digits or words are joined, and a sentence the page prints
twice is one slot.
"""

import pytest

from extract.spam.channels import channel_names

REPORT = "一是通过{0}公开政府信息。通过{0}公开规范性文件、环境保护。在本级{0}设立预决算公开专栏。"


@pytest.mark.parametrize("name", ["k8", "bet-365", "M&G", "Lucky Star"])
def test_a_latin_name_in_channel_slots_is_found(name):
    assert channel_names(REPORT.format(name)) == [name]


@pytest.mark.parametrize("name", ["5G", "12345", "OA", "APP"])
def test_a_report_s_own_latin_channel_is_not_a_name(name):
    assert channel_names(REPORT.format(name)) == []


def test_two_characters_the_page_writes_nowhere_else_are_a_name():
    assert channel_names(REPORT.format("皇冠")) == ["皇冠"]


def test_two_characters_the_page_writes_elsewhere_are_its_own():
    page = REPORT.format("网上") + "网络问政平台上线，群众上网办事。"
    assert channel_names(page) == []


def test_a_sentence_printed_twice_is_one_slot():
    # A real page (../shared zysc.gov.cn) prints its summary twice: 通过座谈、电视、广播、微信等形式.
    sentence = "惠企政策申报事项目录清单》，通过座谈、电视、广播、微信等形式，加大企业政策宣传。"
    assert channel_names(sentence + "\n" + sentence) == []
