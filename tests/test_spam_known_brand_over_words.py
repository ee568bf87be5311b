"""A brand the lexicon knows written over an ordinary word inside bodies' names.

The page is the real 教育部 notice of ../shared with 工作 replaced by 金沙娱乐 (思想政治工作司
→ 思想政治金沙娱乐司). The brand stood for a word, not for a place: nothing of the page's
identity (the 公网安备 number of 西城区, where the ministry sits) is written over it, and the
words around it stay.
"""

import pytest

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def over_words():
    return defaced_report("金沙娱乐", "phrase_swap", "corpus:mhxqwer__wjmoe.gov.cn")


@pytest.mark.shared
def test_the_brand_leaves_the_text(over_words):
    assert "金沙娱乐" not in over_words.text


@pytest.mark.shared
def test_no_place_is_written_over_a_word(over_words):
    assert "西城" not in over_words.text


@pytest.mark.shared
def test_the_words_around_the_brand_stay(over_words):
    assert "研究会美育" in over_words.text and "教育部思想政治" in over_words.text


@pytest.mark.shared
def test_the_page_is_tampered(over_words):
    assert over_words.spam.tampered
