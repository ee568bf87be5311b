"""Brands with no brand word: a real word and a number, a made-up name where a report names its
channel, a title stuffed with calls to action, names split by zero-width spaces or written in
full-width letters.

Pages are built from the seeds and the real pages in ../shared (tests/bench/deface.py) with
brands of the training split; the clean sentences are what reports and news pages write.
"""

import pytest

from extract import process
from extract.spam.channels import channel_names
from extract.spam.fold import drop_zero_width
from extract.spam.phrases import find_phrases
from extract.spam.shape import repeats_with_funnels
from extract.spam.slots import is_foreign_name

from .bench.deface import CORPUS
from .helpers.defaced import defaced_report
from .helpers.paths import shared_file

ZERO_WIDTH_BRAND = "\u200b".join("富贵坊")


@pytest.fixture(scope="module")
def numbered_phrase():
    return defaced_report("东方66", "phrase_swap", "004")


@pytest.fixture(scope="module")
def numbered_nav():
    # A real page whose navigation tags (地方政府网站, 部门政府网站…) were written over.
    return defaced_report("皇家88", "phrase_swap", "corpus:mhxqwer__ljywhlyw.cq.gov.cn")


@pytest.fixture(scope="module")
def stuffed_real_title():
    return defaced_report("富豪俱乐部", "title_meta", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.fixture(scope="module")
def zero_width_swap():
    return defaced_report(ZERO_WIDTH_BRAND, "name_swap", "004")


@pytest.fixture(scope="module")
def full_width_phrase():
    return defaced_report("ＫＫ体育", "phrase_swap", "004")


@pytest.mark.shared
def test_numbered_phrase_leaves_the_text(numbered_phrase):
    assert "东方66" not in numbered_phrase.text


@pytest.mark.shared
def test_numbered_phrase_is_a_phrase_swap_finding(numbered_phrase):
    assert "phrase_swap" in {f.kind for f in numbered_phrase.spam.findings}


@pytest.mark.shared
def test_numbered_phrase_sentence_stays(numbered_phrase):
    assert "政务微博微信设立专门栏目" in numbered_phrase.text


@pytest.mark.shared
def test_numbered_name_in_real_navigation_is_flagged(numbered_nav):
    assert numbered_nav.spam.tampered


@pytest.mark.shared
def test_stuffed_real_title_is_a_title_hijack(stuffed_real_title):
    assert "title_hijack" in {f.kind for f in stuffed_real_title.spam.findings}


@pytest.mark.shared
def test_stuffed_real_title_gives_way_to_the_heading(stuffed_real_title):
    assert stuffed_real_title.title == "广州美妆产业依靠自主创新持续发力"


@pytest.mark.shared
def test_zero_width_swap_region_is_recovered(zero_width_swap):
    assert zero_width_swap.region == "诸城市"


@pytest.mark.shared
def test_zero_width_swap_brand_leaves_the_text(zero_width_swap):
    assert "富贵坊" not in drop_zero_width(zero_width_swap.text)


@pytest.mark.shared
def test_full_width_phrase_leaves_the_text(full_width_phrase):
    assert "ＫＫ" not in full_width_phrase.text


@pytest.mark.shared
def test_full_width_phrase_is_flagged(full_width_phrase):
    assert full_width_phrase.spam.tampered


@pytest.mark.parametrize(
    "title",
    [
        "金马88_金马88官方网站-金马88app下载",
        "富豪俱乐部|富豪俱乐部入口|富豪俱乐部注册",
        "聚宝斋_聚宝斋APP下载_聚宝斋官网",
    ],
)
def test_one_name_with_several_calls_to_action_is_stuffed(title):
    assert repeats_with_funnels(
        [item for item in title.replace("|", "_").replace("-", "_").split("_") if item]
    )


@pytest.mark.parametrize(
    "items",
    [
        ["诸城市人民政府", "诸城市政务服务平台"],
        ["国家政务服务平台", "登录"],
        ["诸城市政务服务网", "诸城市政务服务网APP下载"],
        ["政务服务平台", "政府信息公开平台"],
    ],
)
def test_a_portal_title_is_not_stuffed(items):
    assert not repeats_with_funnels(items)


@pytest.mark.parametrize(
    "text",
    [
        "全年受理申请88件，办结88件，其中公开88件，在网站公开88条。",
        "如今，学习果树93(01)班的热潮兴起；河北农大果树93(01)班的事迹感人，果树93(01)班毕业生。",
        "编号117—病例159，编号1581—病例1594，编号1582—病例1595。",
        "新增确诊病例1661例。病例1660、病例1661，居住于城区；病例1661，居住于郊区。",
        "拨打热线12345，市民热线12345，政务热线12345受理咨询。",
        "截至2019年底，截至2019，截至2019年，共有2019个。",
        "国办发〔2017〕88号文件，国办发〔2017〕88号要求。",
    ],
)
def test_counts_classes_hotlines_and_years_are_no_numbered_name(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    ("text", "brand"),
    [
        ("在天下99集中发布，在天下99、政务微博设立栏目，在天下99建立专栏。", "天下99"),
        ("地方皇家88\n部门皇家88\n区（县）皇家88\n", "皇家88"),
    ],
)
def test_a_bare_number_glued_to_a_word_makes_a_name(text, brand):
    assert brand in find_phrases(text)


@pytest.mark.parametrize(
    "text",
    [
        "在ＷＴＯ体育专栏发布信息，另在ＷＴＯ体育栏目开展咨询。",
        "通过ＣＣＴＶ直播公开庭审，ＣＣＴＶ直播观看人次12万。",
    ],
)
def test_full_width_acronyms_are_the_acronyms_a_report_writes(text):
    assert find_phrases(text) == []


@pytest.fixture(scope="module")
def channel_phrase():
    # A pure Chinese name with no brand word, written over 政府网站 (通过X公开政府信息).
    return defaced_report("金满堂", "phrase_swap", "001")


@pytest.mark.shared
def test_channel_phrase_leaves_the_text(channel_phrase):
    assert "金满堂" not in channel_phrase.text


@pytest.mark.shared
def test_channel_phrase_is_a_phrase_swap_finding(channel_phrase):
    assert "phrase_swap" in {f.kind for f in channel_phrase.spam.findings}


@pytest.mark.shared
def test_channel_phrase_sentence_stays(channel_phrase):
    assert "公开政府信息" in channel_phrase.text


def test_a_made_up_name_in_channel_slots_is_found():
    assert channel_names("通过金满堂公开政府信息。通过金满堂公开规范性文件。") == ["金满堂"]


def test_a_name_made_of_one_character_and_a_place_s_short_name_is_found():
    # 沙湾 is a division's short name; 金 before it says no direction and no age: a made-up name.
    text = "在金沙湾集中发布，开设反馈意见箱。在金沙湾、政务微博设立专门栏目。在金沙湾建立专栏。"
    assert channel_names(text) == ["金沙湾"]


@pytest.mark.parametrize("name", ["信用抚顺", "今日诸城", "新诸城", "东沙湾", "辽宁大连"])
def test_a_place_s_short_name_after_a_word_or_a_direction_is_a_place(name):
    assert not is_foreign_name(name)


@pytest.mark.parametrize(
    "text",
    [
        "在线访谈发布，在线访谈发布。",
        "通过公告栏公开，通过公告栏公开。",
        "在规定时限内公开，在规定时限内公开。",
        "通过微信公众号发布，通过微信公众号发布。",
        "在今日诸城发布，在今日诸城发布。",
        "通过政务新媒体发布，通过政务新媒体发布。",
        "在便民服务中心设立，在便民服务中心设立。",
        "通过两微一端发布，通过两微一端发布。",
        "在村务公开栏公开，在村务公开栏公开。",
        "在学习强国平台发布，在学习强国发布，在学习强国发布。",
        "在政务服务大厅设立，在政务服务大厅设立。",
    ],
)
def test_a_report_s_own_channels_are_no_names(text):
    assert channel_names(text) == []


# Real pages with no spam, among them a case list (病例1660、病例1661) and a class name
# repeated in a news story (果树93(01)班) that a numbered-name rule could take for brands.
CLEAN_REAL_PAGES = [f"{folder}/index.html" for folder in CORPUS] + [
    "lvchengli__covid-spider/src/infectStr.extracted.html",
    "adbar__trafilatura/tests/eval/archive.org.he.xinhuanet.com.25340717.html",
]


@pytest.mark.shared
@pytest.mark.parametrize("page", CLEAN_REAL_PAGES)
def test_real_clean_page_has_no_phrase_swap(page):
    path = shared_file("corpus", "real", *page.split("/"))
    report = process(path.read_bytes(), "http://www.example.gov.cn/a.html")
    assert "phrase_swap" not in {f.kind for f in report.spam.findings}
