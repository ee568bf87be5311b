"""Names made of ordinary words that the page writes nowhere else: 通过星辰大地公开政府信息.

A report's own channels and labels are made of its own words (征求意见, 信用诸城: 意见 and 诸城
stand elsewhere in the text); a name written over 政府网站 is made of words no other sentence
of the report uses. Pages are built from the seeds and the real pages in ../shared
(tests/bench/deface.py).
"""

import pytest

from extract.spam.channels import channel_names
from extract.spam.words import is_foreign_to, words_of

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def word_made_channel():
    return defaced_report("星辰大地", "phrase_swap", "001")


@pytest.fixture(scope="module")
def set_phrase_channel():
    return defaced_report("马到成功", "phrase_swap", "004")


@pytest.mark.shared
def test_a_word_made_name_in_channel_slots_leaves_the_text(word_made_channel):
    assert "星辰大地" not in word_made_channel.text


@pytest.mark.shared
def test_a_word_made_name_in_channel_slots_makes_the_page_tampered(word_made_channel):
    assert word_made_channel.spam.tampered


@pytest.mark.shared
def test_a_set_phrase_in_channel_slots_leaves_the_text(set_phrase_channel):
    assert "马到成功" not in set_phrase_channel.text


def test_a_name_is_read_as_its_fewest_words():
    assert words_of("星辰大海") == ["星辰", "大海"]


def test_a_set_phrase_is_one_word():
    assert words_of("马到成功") == ["马到成功"]


def test_a_name_whose_words_stand_only_in_it_is_foreign():
    assert is_foreign_to("星辰大海", "通过星辰大海公开政府信息。在星辰大海集中发布。")


def test_a_compound_whose_words_the_text_writes_elsewhere_is_not_foreign():
    assert not is_foreign_to("征求意见", "在征求意见公开，在征求意见发布，收到意见12条。")


@pytest.mark.parametrize(
    "text",
    [
        "在征求意见公开，在征求意见发布，共收到意见12条。",
        "在信用诸城公开，在信用诸城发布，诸城市信用体系建设。",
        "通过生产经营公开，通过生产经营发布，企业生产和经营情况。",
        "在大宗商品交易发布，在大宗商品交易公开，商品交易市场。",
    ],
)
def test_a_report_s_own_compounds_in_channel_slots_are_no_names(text):
    assert channel_names(text) == []


def test_a_sentence_piece_with_a_function_character_is_no_name():
    assert channel_names("在规定的时限公开，在规定的时限发布。") == []


def test_a_name_calling_the_reader_in_a_channel_slot_is_a_name_though_it_ends_like_a_channel():
    assert channel_names("在鑫隆官方网站集中发布，在鑫隆官方网站、政务微博设立专栏。") == ["鑫隆官方网站"]
