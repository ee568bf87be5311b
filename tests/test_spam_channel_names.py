"""What stays the report's own where it names its channel (通过X公开).

A phrase swap over 政府网站 in a report puts the name in the template's channel slots,
whatever it is; but a report writes there too its products, standards and codes (Win10, SO2,
ISO9001), companies and plazas (美团, 万达广场), and a sentence the page prints twice is one slot.
"""

import pytest

from extract.spam.channels import channel_names

REPORT = "一是通过{0}公开政府信息。通过{0}公开规范性文件、环境保护。在本级{0}设立预决算公开专栏。"


@pytest.mark.parametrize("name", ["k8", "5G", "12345", "Win10", "SO2", "ISO9001", "E-mail"])
def test_a_latin_name_in_channel_slots_is_left_to_other_signals(name):
    # Reports write products, standards and codes there as often as a swap writes a brand.
    assert channel_names(REPORT.format(name)) == []


@pytest.mark.parametrize(
    "page",
    [
        # Companies, plazas and stations a report names where it publishes, in different sentences.
        "依托美团、京东等平台销售农产品。依托美团、饿了么等平台发放消费券。",
        "在万达广场设立宣传咨询点。在万达广场、凤凰广场开展宣传活动。",
    ],
)
def test_a_report_s_own_places_and_companies_are_not_names(page):
    assert channel_names(page) == []


@pytest.mark.parametrize("name", ["万达广场", "凤凰卫视", "庭审直播"])
def test_a_sentence_printed_twice_names_nothing(name):
    sentence = f"举办民俗文化节期间，在{name}、学习强国平台进行专题宣传报道。"
    assert channel_names(sentence + "\n" + sentence) == []


def test_a_sentence_printed_twice_is_one_slot():
    # A real page (../shared zysc.gov.cn) prints its summary twice: 通过座谈、电视、广播、微信等形式.
    sentence = "惠企政策申报事项目录清单》，通过座谈、电视、广播、微信等形式，加大企业政策宣传。"
    assert channel_names(sentence + "\n" + sentence) == []


@pytest.mark.parametrize(
    "name", ["皖事通", "闽政通", "随申办", "天府通办", "粤省事", "贵人服务", "一卡通", "社保卡", "健康码"]
)
def test_a_government_app_or_card_in_channel_slots_is_the_report_s_own(name):
    # Provinces' service apps and the cards benefits are paid through: coined names a report
    # publishes through, ending like a channel (通, 办, 卡, 码) or named among the platforms.
    assert channel_names(REPORT.format(name)) == []


@pytest.mark.parametrize("name", ["政民互动", "疫情防控", "河长制", "权责清单", "村务公开"])
def test_a_word_of_today_s_reports_in_channel_slots_is_the_report_s_own(name):
    assert channel_names(REPORT.format(name)) == []


def test_a_made_up_name_in_channel_slots_is_still_a_name():
    assert channel_names(REPORT.format("聚鑫阁")) == ["聚鑫阁"]


@pytest.mark.parametrize("name", ["新华社", "澎湃新闻", "封面新闻", "一点资讯", "交汇点", "人民日报"])
def test_a_news_outlet_in_channel_slots_is_the_report_s_own(name):
    assert channel_names(REPORT.format(name)) == []


@pytest.mark.parametrize(
    "name", ["市政府官方网站", "本机关官方网站", "教育部官方网站", "信用中国官方网站", "新华网官方网站"]
)
def test_the_official_site_of_a_body_or_platform_is_the_report_s_own(name):
    assert channel_names(REPORT.format(name)) == []


def test_the_official_site_of_a_word_the_page_writes_nowhere_else_is_a_name():
    # 九州官方网站 where 政府网站 stood: 九州 is a word, but of nothing the report is about.
    assert channel_names(REPORT.format("九州官方网站")) == ["九州官方网站"]


@pytest.mark.parametrize("name", ["米乐m6", "bet9九州", "ag真人"])
def test_a_chinese_name_with_a_brand_s_latin_glued_on_is_a_name(name):
    # 在米乐m6集中发布: letters with digits, or letters that are no word, after a name no place owns.
    assert channel_names(REPORT.format(name)) == [name]


@pytest.mark.parametrize("name", ["i诸城", "e政务", "政务app", "诸城app", "5g政务", "OA系统"])
def test_an_app_a_word_or_an_acronym_with_chinese_in_channel_slots_is_the_report_s_own(name):
    # A city's app (i诸城), words a report writes (app, 5G) and acronyms (OA) are the report's.
    assert channel_names(REPORT.format(name)) == []


@pytest.mark.parametrize("name", ["两微", "官微", "院务"])
def test_two_characters_in_channel_slots_are_not_read(name):
    # A report's abbreviations are no words of the dictionary, as a two-character name is not.
    assert channel_names(REPORT.format(name)) == []
