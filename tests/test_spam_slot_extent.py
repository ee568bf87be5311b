"""A name read in a slot is the name's extent, whatever else the brand search stretched.

A news page names its city mostly in prose (广州是…, 正是广州的美妆产业): a brand written over
it (凤凰娱乐) stands in a name slot a few times and in sentences a hundred. The brand search
stretches a seed over what all its occurrences share and keeps only those mostly in slots,
which leaves a longer string (《2023凤凰娱乐化妆品产业白皮书》); the slot's name must replace it,
or every other occurrence stays. And a letter with digits before a level (w88市) is a name: a
level follows a place's name or none.
"""

import pytest

from extract.spam.slots import is_foreign_name, joined_on_the_left

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def brand_over_a_city_in_prose():
    return defaced_report("凤凰娱乐", "name_swap", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.fixture(scope="module")
def letter_and_digits_over_a_city():
    return defaced_report("w88", "name_swap", "001")


@pytest.mark.shared
def test_the_brand_in_prose_leaves_the_text(brand_over_a_city_in_prose):
    assert "凤凰娱乐" not in brand_over_a_city_in_prose.text


@pytest.mark.shared
def test_the_city_is_written_back_in_prose(brand_over_a_city_in_prose):
    assert "广州是名副其实的中国美妆超级工厂" in brand_over_a_city_in_prose.text


@pytest.mark.shared
def test_the_cited_title_gets_the_city_back(brand_over_a_city_in_prose):
    assert "2023广州化妆品产业白皮书" in brand_over_a_city_in_prose.text


@pytest.mark.shared
def test_the_region_is_the_city(brand_over_a_city_in_prose):
    assert brand_over_a_city_in_prose.region == "广州"


def test_a_letter_and_digits_before_a_level_are_a_name():
    assert is_foreign_name("w88", in_slot=True, leveled=True)


def test_full_width_letter_and_digits_before_a_level_are_a_name():
    assert is_foreign_name("ｗ８８", in_slot=True, leveled=True)


def test_letters_joined_by_an_ampersand_before_a_level_are_a_name():
    assert is_foreign_name("M&G", in_slot=True, leveled=True)


def test_a_letter_and_digits_without_a_level_are_no_name():
    assert not is_foreign_name("A4", in_slot=True)


@pytest.mark.shared
def test_a_letter_and_digits_over_the_city_are_tampered(letter_and_digits_over_a_city):
    assert letter_and_digits_over_a_city.spam.tampered


@pytest.mark.shared
def test_the_city_is_written_back_over_a_letter_and_digits(letter_and_digits_over_a_city):
    assert letter_and_digits_over_a_city.region == "抚顺市"


@pytest.mark.shared
def test_a_letter_and_digits_leave_the_text(letter_and_digits_over_a_city):
    assert "w88" not in letter_and_digits_over_a_city.text


# A real page's title cut at its separator, and its article id, beside the footer's slots.
JOINED_NAME_PAGE = """签约入驻，bet
365区打造产城融合新高地
版权所有：武汉市bet-365区人民政府
主办单位：武汉市bet-365区政府办公室
2213652"""


def test_a_latin_name_is_read_whole_past_a_cut_title_and_a_number():
    assert joined_on_the_left(JOINED_NAME_PAGE, "365") == "bet-365"


@pytest.fixture(scope="module")
def split_name_over_a_city_in_prose():
    # 金\u200b沙娱乐 over 广州: a split name before a level, the city named mostly in prose.
    return defaced_report("金\u200b沙娱乐", "name_swap", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.mark.shared
def test_a_split_name_gives_the_cited_title_its_city_back(split_name_over_a_city_in_prose):
    assert "2023广州化妆品产业白皮书" in split_name_over_a_city_in_prose.text
