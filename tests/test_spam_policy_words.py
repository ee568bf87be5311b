"""What portals and reports of 2019–2024 write, which a dictionary of 2012 does not know.

jieba counts 微博, 微信 and 抖音 at 0, 融媒 and 碳达峰 not at all; a portal's footer lists its
accounts (桐乡发布, 政务微博, 浙里办APP, 手机版), a report names its city's app (微绵阳) and
lists its policies after 在 (在四好农村路、智改数转等方面), a left menu shares a policy word
(河湖长制), a title repeats an acronym (DRG专栏). None of them is a name written over a word.
"""

import pytest

from extract.spam.channels import channel_names
from extract.spam.labels import label_names
from extract.spam.phrases import find_phrases
from extract.spam.tail import strip_tail_names
from extract.spam.title_hijack import is_stuffed

FOOTER = "版权所有：桐乡市人民政府 网站标识码：3304830001 浙ICP备05012345号"


@pytest.mark.parametrize(
    "row",
    [
        "政务微信 政务微博 政务抖音 手机版 无障碍",
        "桐乡发布 政务微博 浙里办APP 手机版 长者版",
        "桐乡发布 桐乡融媒 浙里办 学习强国 政务微博",
    ],
)
def test_a_portal_s_account_row_after_its_footer_is_no_list_of_names(row):
    lines, _, findings = strip_tail_names(["本机关全年主动公开政府信息1286条。", FOOTER, row], row)
    assert (findings, lines[-1]) == ([], row)


@pytest.mark.parametrize("name", ["桐乡发布", "抚顺融媒", "微绵阳", "爱义乌", "新疆政务服务"])
def test_a_city_s_account_or_app_in_channel_slots_is_the_report_s_own(name):
    text = f"一是通过{name}公开政府信息。通过{name}发布政策解读。依托{name}办理群众诉求。"
    assert channel_names(text) == []


def test_a_list_of_policies_after_zai_is_no_channel():
    text = "在四好农村路、智改数转等方面取得成效。在四好农村路、智改数转、过紧日子等领域持续发力。"
    assert channel_names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "在聚鑫阁、政务微博发布信息。在聚鑫阁、微信公众号同步推送。",
        "在聚鑫阁、报纸、电视等媒体发布。\n在聚鑫阁、手机短信等渠道同步推送。",
    ],
)
def test_a_list_naming_a_channel_next_still_reads_the_slot(text):
    assert channel_names(text) == ["聚鑫阁"]


@pytest.mark.parametrize(
    "labels",
    [
        ["河湖长制工作动态", "河湖长制公示", "全面推行河湖长制"],
        ["我为群众办实事", "办实事清单", "办实事进展"],
    ],
)
def test_a_unit_inside_a_policy_word_of_its_labels_is_no_name(labels):
    assert label_names(labels, "\n".join(labels)) == []


@pytest.mark.parametrize(
    "text",
    [
        "配备执法记录仪视频资料，执法记录仪视频全部归档。\n调取执法记录仪视频12段。",
        "用身边真人真事教育群众。\n讲好身边真人真事，用身边真人真事感染人。",
        "办理商标国际注册业务，推进商标国际注册便利化。",
        "推广交管12123办理业务。\n通过交管12123预约考试。",
    ],
)
def test_policy_compounds_holding_a_brand_word_are_no_names(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize("acronym", ["DRG", "RCEP", "REITs"])
def test_an_acronym_repeated_in_a_title_is_no_stuffing(acronym):
    assert not is_stuffed(f"绵阳市召开{acronym}工作推进会_{acronym}专栏_绵阳市人民政府")


def test_a_name_after_macao_in_channel_slots_is_still_read():
    text = "一是通过澳门银河公开政府信息。通过澳门银河发布政策解读。依托澳门银河办理群众诉求。"
    assert channel_names(text) == ["澳门银河"]


def test_an_acronym_glued_to_a_brand_word_is_still_stuffing():
    assert is_stuffed("AG真人_AG真人官方网站-AG真人app下载")
