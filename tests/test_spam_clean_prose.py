"""Clean reports keep every word: what government bodies write that brand rules tripped on.

Each sentence is written as a body writes it in a report or a notice: inside a word a brand
word ends (短视频, 行政村体育), a count after a brand word (短视频186部), a platform after it
(电视台视频号), a product's capitalised name (Win10), a court's broadcast, a plaza, a company
in a list. A page prints a summary twice, or says the same thing in two sentences; neither
makes a name. And a report's owner is often no agency: a street office, a police unit, a
library, the Red Cross, whose name in the title's slot is its own.
"""

import pytest

from extract import process
from extract.spam.phrases import find_phrases
from extract.spam.slots import is_foreign_name

from .bench.inject import page

PRINTED_TWICE = [
    "全年新建社区健身路径56处、笼式足球场12片，实现行政村体育设施全覆盖。",
    "擅自经营高危险性体育项目案件3起，全部依法查处。",
    "在凤凰广场举办元宵节群众性体育展演，舞龙舞狮、太极拳等传统项目轮番上演。",
    "利用短视频和视频号等新媒体开展健康科普，制作科普作品160部，播放量超过500万次。",
    "市广播电视台视频号、抖音号粉丝总数突破50万。",
    "对辖区内网络视听节目服务机构开展检查，督促下架违规网络剧和短视频186部。",
    "加强对学生使用短视频和直播平台的引导。",
    "检查娱乐场所、网吧等经营单位980家次。",
    "文旅产业直播带货活动销售农特产品和文创产品320万元，助力乡村振兴。",
    "建成高清视频监控点位1.2万个。",
    "在欢乐谷、万达广场等客流集中区域增设公交站点12个。",
    "通过庭审直播、以案说法等方式开展普法宣传。",
    "办公终端由Win7系统升级为Win10系统，同步推广使用WPS2019国产办公软件。",
    "政务服务APP已适配iOS13及以上版本和Android10及以上版本。",
]

TWO_SENTENCES = [
    ("全市建成高清视频监控点位1.2万个。", "在主要路口新增高清视频探头260个。"),
    ("实现行政村体育设施全覆盖。", "新建行政村体育健身广场36个。"),
    ("加大对网络直播的监管力度，约谈直播平台8家。", "会同网信部门约谈直播平台负责人。"),
    ("检查棋牌娱乐场所46家。", "取缔无证棋牌娱乐场所6家。"),
    ("下架违规短视频136条。", "清理违规短视频及直播内容。"),
    ("办公电脑统一安装Win10操作系统。", "全市推广使用Office2016软件，Win10系统全覆盖。"),
    # A medium takes a topic written nowhere else on the page: no brand's name (樱花视频).
    ("今年共制作科普视频12部，在门户网站集中发布。", "组织开展防灾减灾宣传，推送科普视频到各社区。"),
    ("制作普法视频20部，在政务新媒体发布。", "开展普法视频进校园活动。"),
    # Whom or where an activity serves, or its kind, before a brand word the page writes
    # nowhere else: a report's own, though the dictionary may not count it (线上 0).
    ("全年举办老年棋牌比赛12场。", "老年棋牌协会会员增至860人。"),
    ("推进校园电竞规范发展。", "组织校园电竞赛事4场。"),
    ("开展线上体育赛事36场。", "线上体育活动参与人数达到12万人次。"),
    ("建成智慧体育公园3个。", "上线智慧体育服务平台。"),
    ("丰富职工娱乐生活。", "新建职工娱乐活动室16个。"),
]


@pytest.mark.parametrize("sentence", PRINTED_TWICE)
def test_a_sentence_printed_twice_holds_no_phrase(sentence):
    assert find_phrases(f"{sentence}\n{sentence}") == []


@pytest.mark.parametrize("first,second", TWO_SENTENCES)
def test_the_same_words_in_two_sentences_are_no_phrase(first, second):
    assert find_phrases(f"{first}\n{second}") == []


def test_a_capitalised_product_name_once_is_no_phrase():
    assert find_phrases("学校多媒体教室统一配备Win10操作系统。") == []


@pytest.mark.parametrize(
    "owner",
    [
        "珞南街道办事处",
        "公安局交通警察支队",
        "图书馆",
        "博物馆",
        "红十字会",
        "供销合作社联合社",
        "体育运动学校",
        "人大常委会",
        "妇联",
        "财政所",
        "党校",
        "中心卫生院",
        "农村商业银行",
    ],
)
def test_a_body_s_own_name_in_the_slot_is_no_foreign_name(owner):
    assert not is_foreign_name(owner, in_slot=True)


@pytest.fixture(scope="module")
def street_office_report():
    title = "洪山区珞南街道办事处2021年政府信息公开工作年度报告"
    lines = [
        title,
        "2021年，珞南街道办事处深入贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息126条。",
        "珞南街道办事处通过政务公开专栏、社区公示栏等渠道公开惠民政策，全年未收到政府信息公开申请。",
    ]
    footer = "主办单位：武汉市洪山区珞南街道办事处 网站标识码：4201110038 鄂公网安备 42011102000076号"
    html = page(title, lines, footer=footer)
    return process(html.encode("utf-8"), "https://www.hongshan.gov.cn/xxgk/202201/t20220128_1.shtml")


def test_a_street_office_s_report_keeps_its_title(street_office_report):
    assert street_office_report.title == "洪山区珞南街道办事处2021年政府信息公开工作年度报告"


def test_a_street_office_s_report_keeps_its_name_in_the_text(street_office_report):
    assert "珞南街道办事处通过政务公开专栏" in street_office_report.text


def test_a_street_office_s_report_is_not_tampered(street_office_report):
    assert not street_office_report.spam.tampered
