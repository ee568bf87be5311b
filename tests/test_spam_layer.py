"""The spam layer on pages built from the clean seeds with one pattern injected each (tests/bench/inject.py)."""

import pytest

from extract import process
from extract.spam.evidence import gather, recover
from extract.spam.lexicon import hits
from extract.spam.text import strip_pinyin

from .bench.inject import build_cases, page
from .helpers.paths import shared_file


@pytest.fixture(scope="module")
def results():
    seeds = shared_file("seeds")
    return {case.name: (case, process(case.html.encode("utf-8"), case.url)) for case in build_cases(seeds)}


@pytest.mark.shared
@pytest.mark.parametrize(
    "name",
    [
        "001-font_size_zero",
        "001-opacity",
        "001-colour_camouflage",
        "001-text_indent",
        "001-hidden_class",
        "004-tail_plain_text",
        "004-head_list",
        "004-off_screen-heldout",
        "004-clip-heldout",
    ],
)
def test_injected_spam_leaves_the_text(results, name):
    case, report = results[name]
    assert not [s for s in case.spam if s in report.text]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("001-redirect_script", "redirect_script"),
        ("001-obfuscated_script", "obfuscated_script"),
        ("001-iframe_zero", "iframe_injection"),
        ("001-iframe_overlay", "overlay_hijack"),
        ("001-garbage_tags", "garbage_tag"),
        ("001-title_hijack", "title_hijack"),
        ("004-pinyin", "pinyin_noise"),
    ],
)
def test_pattern_is_a_finding(results, name, kind):
    assert kind in {f.kind for f in results[name][1].spam.findings}


@pytest.mark.shared
@pytest.mark.parametrize("name", ["001-clean", "004-clean"])
def test_clean_page_is_not_tampered(results, name):
    assert results[name][1].spam.tampered is False


@pytest.mark.shared
@pytest.mark.parametrize("name", ["001-brand_swap", "001-brand_swap-heldout", "004-brand_swap-heldout"])
def test_swapped_name_is_recovered(results, name):
    case, report = results[name]
    assert report.region == case.real_name


@pytest.mark.shared
def test_hijacked_title_gives_way_to_the_heading(results):
    assert results["001-title_hijack"][1].title == "抚顺市2017年政府信息公开工作年度报告"


def test_benign_lottery_and_venue_words_are_not_hits():
    assert hits("全市审批娱乐场所12家，福利彩票和体育彩票销售点30个，福彩体彩栏目") == []


def test_disguised_brand_is_a_hit():
    assert [h.term for h in hits("开*云体育")] == ["开云"]


def test_a_brand_s_name_opening_inside_a_word_is_no_hit():
    # 果博 (果博东方) in 成果博览会 and 效果博得: a word runs across each of its ends.
    assert hits("组织企业参加农产品成果博览会，展示科技成果博得广泛好评。") == []


def test_a_brand_s_name_after_a_word_is_a_hit():
    assert [h.term for h in hits("通过华体会公开政府信息，在开云集中发布。")] == ["华体会", "开云"]


def test_a_brand_s_name_with_a_word_on_one_side_is_a_hit():
    # 教皇 before it, 三九 before it: a word across one end only.
    assert [h.term for h in hits("教皇冠体育育人，三九游会j9大")] == ["皇冠体育", "九游会"]


def test_a_clean_report_keeps_a_fair_s_name():
    lines = ["组织企业参加农产品成果博览会，展示科技成果博得广泛好评。", "全年主动公开政府信息320条。"]
    html = page("诸城市农业农村局2021年政府信息公开工作年度报告", lines, footer="诸城市农业农村局")
    result = process(html.encode(), "http://www.zhucheng.gov.cn/xxgk/ndbg/2022/t1.html")
    assert "成果博览会" in result.text and result.spam.findings == ()


def test_single_gloss_of_a_rare_character_stays():
    assert strip_pinyin("亳(bo)州市2017年报告")[1] == 0


def test_heilongjiang_reading_of_a_hei_prefix_is_rejected():
    corpus = "我县按照《黑政办发〔2018〕47号》要求，与锦州市政务服务网建立链接。辽宁省第12个政务公开日。"
    assert recover(gather(corpus, "", {})).author.name == "黑山县"


@pytest.mark.shared
def test_numbers_survive_cleaning(results):
    case, report = results["004-tail_in_footer_cell"]
    import re

    source = re.findall(r"\d+", "".join(case.legit))
    assert all(n in report.text for n in source)


def _report_with(*sentences):
    lines = ["现将本机关2021年度政府信息公开工作情况报告如下。", *sentences, "全年主动公开政府信息320条。"]
    html = page("诸城市人民政府2021年政府信息公开工作年度报告", lines, footer="诸城市人民政府办公室")
    return process(html.encode(), "http://www.zhucheng.gov.cn/xxgk/ndbg/2022/t1.html")


def test_a_known_brand_in_two_sentences_flags_the_page():
    result = _report_with("通过华体会公开政府信息。", "加强华体会建设，提升服务水平。")
    assert result.spam.tampered


def test_a_known_brand_once_is_masked_without_a_flag():
    result = _report_with("通过华体会公开政府信息。")
    assert (result.spam.tampered, "华体会" in result.text) == (False, False)


def test_a_known_brand_masked_once_leaves_the_page_cleaned_not_tampered():
    assert _report_with("通过华体会公开政府信息。").spam.verdict == "cleaned"


def test_a_known_brand_in_two_sentences_leaves_the_page_tampered_unrecovered():
    result = _report_with("通过华体会公开政府信息。", "加强华体会建设，提升服务水平。")
    assert result.spam.verdict == "tampered_unrecovered"


def test_a_known_brand_in_a_sentence_printed_twice_is_once():
    result = _report_with("通过华体会公开政府信息。", "通过华体会公开政府信息。")
    assert not result.spam.tampered
