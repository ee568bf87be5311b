"""A name ending in a level with another level after it (澳门新区市人民政府): no division is named
X区市, so the name is a place only where the gazetteer knows it whole (沙市区, 新市区).
The page is a real one in ../shared, defaced as tests/bench/deface.py does it.
"""

import pytest

from extract.spam.slots import is_foreign_name

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def name_ending_in_a_level():
    # 澳门 is a place and 新区 a zone's word; the host (fcgs.gov.cn) and the codes say 防城港.
    return defaced_report("澳门新区", "name_swap", "corpus:mhxqwer__lfyfcgs.gov.cn")


@pytest.mark.shared
def test_the_swapped_page_is_tampered(name_ending_in_a_level):
    assert name_ending_in_a_level.spam.tampered


@pytest.mark.shared
def test_the_name_leaves_the_text(name_ending_in_a_level):
    assert "澳门新区" not in name_ending_in_a_level.text


@pytest.mark.shared
def test_the_real_name_is_restored(name_ending_in_a_level):
    assert "动员大会在防城港市举行" in name_ending_in_a_level.text


@pytest.mark.parametrize("token", ["澳门新区", "金三角区", "乐享县"])
def test_a_name_ending_in_a_level_before_another_level_is_foreign(token):
    assert is_foreign_name(token, in_slot=True, leveled=True)


@pytest.mark.parametrize("token", ["沙市", "新市", "浦东新区", "滨海新区", "各县", "各市"])
def test_a_division_ending_in_a_level_char_before_its_level_is_a_place(token):
    # 沙市区, 新市区: the level char is part of the name; 浦东新区 (X新区 + 人民政府) too; 各县区
    # and 各市县 list bodies.
    assert not is_foreign_name(token, in_slot=True, leveled=True)


@pytest.mark.parametrize("token", ["澳门新区", "辽宁省大连"])
def test_without_a_level_after_it_a_level_char_still_reads_as_a_hierarchy(token):
    assert not is_foreign_name(token, in_slot=True)


@pytest.fixture(scope="module")
def brand_inside_the_slot_s_name():
    # 百家乐 is a brand the lexicon knows; the slot reads 百家乐专区, and no 百家乐 stands elsewhere.
    return defaced_report("百家乐专区", "name_swap", "001")


@pytest.mark.shared
def test_the_slot_s_whole_name_is_written_back(brand_inside_the_slot_s_name):
    assert brand_inside_the_slot_s_name.region == "抚顺市"


@pytest.mark.shared
def test_no_part_of_the_slot_s_name_is_left(brand_inside_the_slot_s_name):
    # Written back by the brand alone, 百家乐专区 left 抚顺区 (a district of no such name).
    assert "抚顺区" not in brand_inside_the_slot_s_name.text
