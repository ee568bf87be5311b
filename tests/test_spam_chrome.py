"""A portal's own chrome is not spam; brand-shaped lists are, whatever the brands' names."""

from pathlib import Path

import pytest

from extract import process
from extract.spam.shape import is_brand_item

PAGES = Path(__file__).parent / "pages" / "spam"
URL = "http://www.heishan.gov.cn/zwgk/ndbg/201903/t20190320_1.html"


@pytest.fixture(scope="module")
def chrome_page():
    return process((PAGES / "login_bar_report.html").read_bytes(), URL)


@pytest.fixture(scope="module")
def shaped_page():
    return process((PAGES / "shaped_tail_report.html").read_bytes(), URL)


def test_login_bar_share_bar_and_friend_links_are_not_flagged(chrome_page):
    assert chrome_page.spam.findings == ()


def test_clean_report_with_traps_keeps_its_verdict(chrome_page):
    assert chrome_page.spam.verdict == "clean"


def test_clean_report_keeps_its_trap_words(chrome_page):
    assert "体育彩票公益金" in chrome_page.text


def test_tail_list_of_unknown_brands_is_removed(shaped_page):
    assert "雷火电竞" not in shaped_page.text


def test_tail_list_of_unknown_brands_is_flagged(shaped_page):
    assert shaped_page.spam.tampered


@pytest.mark.parametrize("item", ["xbet体育", "yabo88", "水果派视频app", "雷火电竞"])
def test_brand_shaped_items(item):
    assert is_brand_item(item)


@pytest.mark.parametrize("item", ["APP下载", "爱山东APP", "5G网络", "体育彩票", "新闻视频", "AAAA级", "登录"])
def test_government_words_are_not_brand_shaped(item):
    assert not is_brand_item(item)


@pytest.fixture(scope="module")
def slot_page():
    return process((PAGES / "slot_swap_report.html").read_bytes(), URL)


def test_unknown_name_in_the_title_slot_is_a_swap(slot_page):
    assert "name_slot" in {f.kind for f in slot_page.spam.findings}


def test_swapped_region_is_recovered_from_the_identity(slot_page):
    assert slot_page.region == "黑山县"


def test_swapped_name_leaves_the_text(slot_page):
    assert "云顶" not in slot_page.text
