"""Phrase swaps by names no dictionary check can hold back: names split by zero-width
characters, full-width and coined Latin names standing alone in sentences, and names that
call the reader in (X视频直播, Xapp下载) in a title's site name, a search link or a link label.

Pages are built from the seeds and the real pages in ../shared (tests/bench/deface.py) with
brands of the training split; the clean texts are what reports and portals write.
"""

import pytest

from extract.spam.called import is_called_brand
from extract.spam.phrases import find_phrases
from extract.spam.shape import is_coined
from extract.spam.splitnames import split_names, stands_leveled

from .helpers.defaced import defaced_report

SPLIT_BRAND = "\u200b".join("鑫隆")


@pytest.fixture(scope="module")
def split_phrase():
    return defaced_report(SPLIT_BRAND, "phrase_swap", "001")


@pytest.fixture(scope="module")
def full_width_coined():
    return defaced_report("ｋ８ｖｉｐ", "phrase_swap", "001")


@pytest.fixture(scope="module")
def called_title():
    # 武汉市洪山区人民政府门户网站 in the title and a modal: the name holds ordinary words.
    return defaced_report("海豚视频直播", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


@pytest.fixture(scope="module")
def called_search_link():
    # The headline and a search link labelled 创新发展 whose address still says 创新发展.
    return defaced_report("金牛app下载", "phrase_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


@pytest.fixture(scope="module")
def called_nav_label():
    # Two menus' 政务公开 over /zwgk/ links.
    return defaced_report("海豚视频直播", "phrase_swap", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.mark.shared
def test_a_split_name_leaves_the_text(split_phrase):
    assert "鑫隆" not in split_phrase.text


@pytest.mark.shared
def test_a_split_name_is_a_split_name_finding(split_phrase):
    assert "split_name" in {f.kind for f in split_phrase.spam.findings}


@pytest.mark.shared
def test_a_split_name_makes_the_page_tampered(split_phrase):
    assert split_phrase.spam.tampered


@pytest.mark.shared
def test_the_sentence_around_a_split_name_stays(split_phrase):
    assert "公开政府信息" in split_phrase.text


def test_a_split_name_is_read_whole_from_its_repeats():
    text = "通过永\u200b兴汇公开政府信息。在永\u200b兴汇集中发布。"
    assert split_names(text) == ["永兴汇"]


def test_a_name_split_once_is_not_cut_from_its_sentence():
    assert split_names("通过永\u200b兴汇公开政府信息。") == []


def test_a_word_the_page_also_writes_whole_is_no_split_name():
    assert split_names("政\u200b府信息公开，政\u200b府网站。政府工作报告。") == []


def test_a_zero_width_space_between_paragraphs_is_no_name():
    assert split_names("政府信息公开。\u200b\n二、主动公开政府信息情况。\u200b\n") == []


@pytest.mark.shared
def test_a_full_width_coined_name_leaves_the_text(full_width_coined):
    assert "ｋ８ｖｉｐ" not in full_width_coined.text


@pytest.mark.shared
def test_a_full_width_coined_name_makes_the_page_tampered(full_width_coined):
    assert full_width_coined.spam.tampered


def test_a_coined_name_alone_in_sentences_is_a_phrase():
    assert find_phrases("一是通过hth77公开政府信息。在本级hth77设立专栏。") == ["hth77"]


@pytest.mark.parametrize(
    "text",
    [
        "升级到ipv6网络。",
        "新冠covid19疫情防控。",
        "保存为mp4格式。",
        "全面做好h7n9禽流感防控。",
        "采用gb18030编码。",
    ],
)
def test_a_word_or_version_once_in_a_sentence_is_no_phrase(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "作品须为mp4视频格式。",
        "微课以mp4视频报送，时长不超过10分钟；mp4视频须配字幕，在mp4视频片头注明单位。",
    ],
)
def test_a_file_format_before_a_brand_word_is_no_phrase(text):
    # An education notice asks for its videos so (../shared wjmoe.gov.cn: 视频微课等作品报送).
    assert find_phrases(text) == []


@pytest.mark.parametrize("run", ["2017", "mp4", "covid19", "ipv6", "abc", "g20"])
def test_years_versions_and_words_are_not_coined(run):
    assert not is_coined(run)


@pytest.mark.parametrize(
    "text",
    [
        "ＰＭ２．５年均浓度下降，ＰＭ２．５达标天数增加。",
        "２０１７年公开信息１２００条，２０１７年受理申请８８件。",
        "ＷＴＯ／ＴＢＴ通报咨询，ＷＴＯ规则培训。",
    ],
)
def test_full_width_figures_and_acronyms_are_no_phrases(text):
    assert find_phrases(text) == []


@pytest.mark.shared
def test_a_called_name_after_the_site_s_name_leaves_the_text(called_title):
    assert "海豚视频直播" not in called_title.text


@pytest.mark.shared
def test_a_called_name_after_the_site_s_name_makes_the_page_tampered(called_title):
    assert called_title.spam.tampered


@pytest.mark.shared
def test_a_called_name_over_a_search_link_s_words_makes_the_page_tampered(called_search_link):
    assert called_search_link.spam.tampered


@pytest.mark.shared
def test_a_called_name_over_a_search_link_s_words_is_a_label_swap(called_search_link):
    assert "label_swap" in {f.kind for f in called_search_link.spam.findings}


@pytest.mark.shared
def test_a_called_name_over_a_search_link_s_words_leaves_the_headline(called_search_link):
    assert "金牛app下载" not in called_search_link.title


@pytest.mark.shared
def test_a_called_name_over_navigation_links_makes_the_page_tampered(called_nav_label):
    assert called_nav_label.spam.tampered


@pytest.mark.parametrize(
    "token", ["凤凰视频直播", "大发app下载", "银狐体育平台", "豪爵娱乐官网", "k8vip", "ｍｋ体育"]
)
def test_names_calling_the_reader_in(token):
    assert is_called_brand(token)


@pytest.mark.parametrize(
    "token",
    [
        "庭审直播",
        "两会直播",
        "学习视频",
        "视频直播",
        "网上直播平台",
        "手机app下载",
        "客户端下载",
        "APP下载",
        "用户登录",
        "个人注册",
        "政府官方网站",
        "体育局官方网站",
        "诸城文旅官方网站",
        "中国政府网官方网站",
        "新闻视频直播",
    ],
)
def test_a_portal_s_own_labels_do_not_call_the_reader_in(token):
    assert not is_called_brand(token)


@pytest.fixture(scope="module")
def split_place_swap():
    # 金沙 is a county's short name: split, it stood over 大兴 (北京市大兴区) in every slot.
    return defaced_report("金\u200b沙", "name_swap", "corpus:mhxqwer__hjhbjdx.gov.cn")


@pytest.mark.shared
def test_a_split_name_over_the_place_s_name_makes_the_page_tampered(split_place_swap):
    assert split_place_swap.spam.tampered


@pytest.mark.shared
def test_a_split_name_over_the_place_s_name_gives_way_to_the_place(split_place_swap):
    assert "金沙" not in split_place_swap.text and "大兴" in split_place_swap.text


def test_a_split_name_before_a_level_stands_where_a_place_s_name_belongs():
    assert stands_leveled("北京市金沙区人民政府", "金沙")


def test_a_letter_and_a_digit_glued_to_a_brand_word_is_a_phrase():
    assert find_phrases("在7m体育集中发布，在7m体育、政务微博设立，在7m体育建立专栏。") == ["7m体育"]


@pytest.mark.parametrize(
    "text",
    [
        "开通5G直播，5G直播覆盖全市。",
        "4K直播和4K直播回放。",
        "3D视频展示，3D视频发布。",
        "5A景区直播，5A景区直播。",
    ],
)
def test_a_letter_and_a_digit_a_report_writes_is_no_phrase(text):
    assert find_phrases(text) == []
