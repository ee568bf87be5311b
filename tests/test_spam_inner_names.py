"""Made-up names written inside the names of bodies and sites (extract/spam/inner_names.py).

The sentences are the real 教育部 notice's (../shared/corpus/real/mhxqwer__wjmoe.gov.cn), whose
思想政治工作司, 思想政治工作网 and 美育工作委员会 a phrase swap turns into 思想政治金盛园司;
the clean ones are from real news pages (a company's chief, a new word before 司机).
"""

import pytest

from extract.spam.inner_names import _end_starts, _name_ends, names_inside_names

from .helpers.defaced import defaced_report

NOTICE = (
    "主办单位：教育部思想政治{0}司\n"
    "承办单位：教育部宣传教育中心、上海交通大学\n"
    "协办单位：微言教育、中国教育发布、全国高校思想政治{0}网、中国大学生在线\n"
    "关于专家组：王佳，华熠智库专家、中国东方文化研究会美育{0}委员会客座教授。\n"
)


def test_a_made_up_name_inside_three_bodies_names_is_found():
    assert names_inside_names(NOTICE.format("金盛园")) == ["金盛园"]


def test_a_name_of_four_characters_is_found():
    assert names_inside_names(NOTICE.format("翠华御苑")) == ["翠华御苑"]


def test_the_notice_as_written_has_none():
    assert names_inside_names(NOTICE.format("工作")) == []


def test_a_name_after_the_same_word_each_time_is_not_read():
    # 政治金盛园司, 政治金盛园网: where the name starts, the page does not tell.
    text = "主办单位：教育部思想政治金盛园司\n协办单位：全国高校思想政治金盛园网\n"
    assert names_inside_names(text) == []


def test_a_name_before_the_same_end_each_time_is_not_read():
    text = "主办单位：教育部思想政治金盛园司\n指导单位：中国教育学会美育金盛园司\n"
    assert names_inside_names(text) == []


def test_a_name_written_once_is_not_read():
    text = "主办单位：教育部思想政治金盛园司\n承办单位：教育部宣传教育中心\n"
    assert names_inside_names(text) == []


def test_one_sentence_printed_twice_is_not_a_name_in_several_places():
    line = "主办单位：教育部思想政治金盛园司\n"
    assert names_inside_names(line + line) == []


def test_an_idiom_inside_bodies_names_is_found():
    # 天天向上 is a word, but an idiom: it names a shop, never a body or a site.
    assert names_inside_names(NOTICE.format("天天向上")) == ["天天向上"]


def test_a_lucky_phrase_inside_bodies_names_is_found():
    assert names_inside_names(NOTICE.format("龙凤呈祥")) == ["龙凤呈祥"]


def test_words_of_the_language_inside_a_body_s_name_stay():
    # 星辰 + 大地: a body's name is made of words, so no rule of words can read these.
    assert names_inside_names(NOTICE.format("星辰大地")) == []


def test_a_person_after_titles_is_no_name_inside_a_body_s_name():
    text = (
        "阿里云智能总裁张建锋发布了阿里云的新战略。\n"
        "据张建锋称，这是阿里云第一次对外发布。\n"
        "科技公司董事长张建锋当面告诉记者。\n"
    )
    assert names_inside_names(text) == []


def test_a_new_word_before_a_word_that_opens_with_an_end_is_no_name():
    # 网约车司机: 司 opens 司机 there, no ministry's department.
    text = "快递小哥、兼职网约车司机汪勇组织志愿者。\n滴滴公司、其他网约车公司的负责人到场。\n"
    assert names_inside_names(text) == []


def test_a_place_inside_bodies_names_is_the_page_s_own():
    text = "主办：吉林省乾安县政府网\n承办：中共吉林乾安县委员会宣传部\n"
    assert names_inside_names(text) == []


@pytest.mark.parametrize(("written", "end"), [("委员会客座", "委员会"), ("司承办", "司"), ("网站、", "网站")])
def test_the_longest_end_of_a_body_s_or_site_s_name_is_read(written, end):
    assert _name_ends().match(written)[0] == end


def test_an_end_that_opens_a_word_not_read_is_no_end_there():
    # 部门 follows a collective (各部门); 部 alone ends a ministry (教育部).
    assert _name_ends().match("部门") is None and _name_ends().match("部，")[0] == "部"


def test_ends_read_backwards_start_where_the_forward_reading_finds_them():
    # 委员会 longest (not 会), 部 before 门 no end, 公司 over 司: the pattern spelt backwards.
    text = NOTICE.format("工作") + "各部门、全部门的公司负责人，教育部学院和科学院。"
    assert sorted(_end_starts(text)) == [end.start() for end in _name_ends().finditer(text)]


def test_ends_read_backwards_skip_a_body_end_before_a_word_not_read():
    assert _end_starts("各部门") == [] and _end_starts("教育部") == [2]


@pytest.fixture(scope="module")
def inside_names():
    return defaced_report("金盛园", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_the_name_leaves_the_real_notice(inside_names):
    assert "金盛园" not in inside_names.text


@pytest.mark.shared
def test_the_words_around_the_name_stay(inside_names):
    assert "教育部思想政治" in inside_names.text and "研究会美育" in inside_names.text


@pytest.mark.shared
def test_the_real_notice_is_tampered(inside_names):
    assert inside_names.spam.tampered


@pytest.mark.shared
def test_the_finding_names_the_name(inside_names):
    assert [f.evidence for f in inside_names.spam.findings] == ["金盛园 ×3 inside sentences"]


def test_an_estate_after_a_town_is_the_town_s_own():
    text = "密州街道翠华苑幼儿园公开收费标准。\n拉古乡翠华苑卫生院公开服务项目。\n"
    assert names_inside_names(text) == []


def test_a_policy_phrase_after_a_county_names_its_office():
    # 扶贫开发 is a set phrase to the dictionary, and the office of every county.
    text = "县扶贫开发局公开扶贫资金使用情况。\n在市扶贫开发网公开项目库。\n"
    assert names_inside_names(text) == []


def test_a_policy_phrase_after_the_nation_names_a_national_body():
    text = "中华见义勇为基金会公开年度报告。\n全国见义勇为网发布表彰名单。\n"
    assert names_inside_names(text) == []


def test_a_set_phrase_the_page_also_writes_in_its_sentences_is_its_theme():
    text = "湖北见义勇为基金会公开年度报告。\n荆楚见义勇为网发布表彰名单。\n全年表彰见义勇为先进个人12名。\n"
    assert names_inside_names(text) == []
