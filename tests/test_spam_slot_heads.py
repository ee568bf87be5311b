"""A made-up name that ends in a place's short name (大 + 三元) where a body's name belongs.

One character before a short name may make a channel's name a place's (新诸城), never a
government's: in X市人民政府 what stands before the short name must be a place itself.
The page is a real one in ../shared, defaced as tests/bench/deface.py does it.
"""

import pytest

from extract.spam.slots import is_foreign_name, slot_brands

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def head_and_short_name():
    # 三元 is a district of 三明; 大三元 is nothing, and the host (fcgs.gov.cn) says 防城港.
    return defaced_report("大三元", "name_swap", "corpus:mhxqwer__lfyfcgs.gov.cn")


@pytest.mark.shared
def test_the_swapped_page_is_tampered(head_and_short_name):
    assert head_and_short_name.spam.tampered


@pytest.mark.shared
def test_the_made_up_name_leaves_the_text(head_and_short_name):
    assert "大三元" not in head_and_short_name.text


@pytest.mark.shared
def test_the_real_name_is_restored(head_and_short_name):
    assert "防城港市" in head_and_short_name.text


@pytest.mark.parametrize("token", ["大三元", "信用抚顺"])
def test_a_word_before_a_short_name_is_no_government(token):
    assert is_foreign_name(token, in_slot=True)


@pytest.mark.parametrize("token", ["广西防城港", "内蒙古包头", "辽宁大连", "武汉洪山", "防城港", "大兴"])
def test_a_place_before_a_short_name_is_a_government(token):
    assert not is_foreign_name(token, in_slot=True)


def test_outside_a_name_slot_a_head_still_makes_a_place():
    assert not is_foreign_name("新诸城")


@pytest.mark.parametrize("token", ["王者俱乐部", "上品", "新东方"])
def test_a_name_a_level_follows_is_a_place_or_foreign(token):
    # 王者俱乐部省, 上品市, 新东方省: neither an agency, a collective nor 新 + 东方.
    assert is_foreign_name(token, in_slot=True, leveled=True)


@pytest.mark.parametrize("token", ["上级", "本级", "教育局", "王者俱乐部"])
def test_without_a_level_bodies_and_collectives_stay_out(token):
    assert not is_foreign_name(token, in_slot=True)


@pytest.fixture(scope="module")
def dotted_name():
    return defaced_report("澳门·新金沙", "name_swap", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.mark.shared
def test_a_dotted_name_in_the_slot_leaves_the_text(dotted_name):
    assert "新金沙" not in dotted_name.text


@pytest.mark.shared
def test_a_dotted_name_in_the_slot_is_tampered(dotted_name):
    assert dotted_name.spam.tampered


@pytest.fixture(scope="module")
def hijacked_title_name():
    # The page has no footer, and a heading replaces the <title> the brand stuffed: that title's
    # name slot (ｖｉｐ娱乐城省人民政府) still tells the name, and the heading's copy is written back.
    return defaced_report("ｖｉｐ娱乐城", "name_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


@pytest.mark.shared
def test_a_replaced_titles_name_slot_is_read(hijacked_title_name):
    assert "ｖｉｐ娱乐城" not in hijacked_title_name.text


@pytest.mark.shared
def test_a_replaced_titles_name_is_written_back(hijacked_title_name):
    assert "陕西省社科界" in hijacked_title_name.text


@pytest.mark.parametrize("token", ["3658", "３６５８"])
def test_digits_a_level_follows_are_a_foreign_name(token):
    assert is_foreign_name(token, in_slot=True, leveled=True)


def test_digits_without_a_level_are_no_name():
    assert not is_foreign_name("3658", in_slot=True)


@pytest.fixture(scope="module")
def hyphenated_name():
    # The slot reads from the hyphen on (777市人民政府); every occurrence holds bet- before it.
    return defaced_report("bet-777", "name_swap", "004")


@pytest.mark.shared
def test_a_hyphenated_name_is_restored_whole(hyphenated_name):
    assert hyphenated_name.region == "诸城市"


@pytest.mark.shared
def test_no_part_of_a_hyphenated_name_stays(hyphenated_name):
    assert "bet" not in hyphenated_name.text


@pytest.fixture(scope="module")
def spaced_name():
    return defaced_report("乐 享 汇", "name_swap", "corpus:mhxqwer__lfyfcgs.gov.cn")


@pytest.mark.shared
def test_a_spaced_out_name_is_tampered(spaced_name):
    assert spaced_name.spam.tampered


@pytest.mark.shared
def test_a_spaced_out_name_leaves_the_text(spaced_name):
    assert "乐 享 汇" not in spaced_name.text


def test_a_place_spelt_out_is_no_spaced_name():
    corpus = "诸 城 市人民政府\n诸 城 市人民政府 主办\n"
    assert slot_brands("诸 城 市人民政府", corpus) == {}
