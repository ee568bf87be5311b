"""A name written over 政府网站 where the site code's label stands (X标识码：1101150005).

The label is fixed by the national standard, so whatever else stands before the code was
written over it; the same name then stands wherever the swap put it (navigation headings).
The defaced page is a real portal page of ../shared with a brand of the training split.
"""

import pytest

from extract.spam.slots import site_code_names

from .helpers.defaced import defaced_report

BRAND = "大赢家"


@pytest.fixture(scope="module")
def swapped_label():
    return defaced_report(BRAND, "phrase_swap", "corpus:mhxqwer__hjhbjdx.gov.cn")


@pytest.mark.shared
def test_swapped_label_is_a_phrase_swap_finding(swapped_label):
    assert any(f.kind == "phrase_swap" and BRAND in f.evidence for f in swapped_label.spam.findings)


@pytest.mark.shared
def test_swapped_label_page_is_tampered(swapped_label):
    assert swapped_label.spam.tampered


@pytest.mark.shared
def test_swapped_label_leaves_the_text(swapped_label):
    assert BRAND not in swapped_label.text


def test_a_name_over_the_label_repeated_is_found():
    text = "省（区市）大赢家\n各区大赢家\n大赢家标识码：1101150005 京公网安备11011502000001号"
    assert site_code_names(text) == ["大赢家"]


def test_a_name_over_the_label_s_last_word_is_found():
    text = "部门政府碧溪阁\n政府碧溪阁标识码：bm05000001"
    assert site_code_names(text) == ["碧溪阁"]


@pytest.mark.parametrize(
    "text",
    [
        "省（区市）政府网站\n各区政府网站\n政府网站标识码：1101150005",
        "网站标识码：4401000004\n网站地图",
        "政府网站标识码 5000000091 渝ICP备05003300号",
        # A label other than the site's, whose name is an ordinary word the page repeats,
        # before a code that is no site's.
        "组织机构代码\n组织机构标识码：11010500",
        "站点地图\n站点标识码：4201110001",
        # Once only: a footer's typo is no swap.
        "大赢家标识码：1101150005",
    ],
)
def test_the_site_s_own_labels_are_no_names(text):
    assert site_code_names(text) == []


def test_a_word_of_the_language_before_a_division_s_site_code_is_a_name():
    # 政府网站 written over by 金色年华 in the menus and the footer (the standard's label).
    text = "省（区市）金色年华\n各区金色年华\n金色年华标识码：1101150005"
    assert site_code_names(text) == ["金色年华"]
