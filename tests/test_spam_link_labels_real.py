"""Names written over link labels and the title's site name on real portal pages of ../shared.

The defaced pages are real pages with a phrase swap of the training split (a name written
over the first three occurrences of an ordinary word); their clean originals stay clean.
"""

from __future__ import annotations

import pytest

from extract import process
from extract.model import Report

from .bench.deface import CORPUS, CORPUS_FILE
from .helpers.defaced import defaced_report
from .helpers.paths import shared_file

pytestmark = pytest.mark.shared


def _swaps(report: Report) -> list[str]:
    return [f.evidence for f in report.spam.findings if f.kind == "label_swap"]


@pytest.fixture(scope="module")
def navigation_label() -> Report:
    """聚贤庄 over 政务公开 in two menus, under /zwxx/."""
    return defaced_report("聚贤庄", "phrase_swap", "corpus:mhxqwer__zysc.gov.cn")


def test_a_name_over_a_navigation_label_is_a_label_swap(navigation_label):
    assert any(e.startswith("聚贤庄") for e in _swaps(navigation_label))


@pytest.fixture(scope="module")
def twin_label() -> Report:
    """鸿发坊 over 政务公开 in two menus, under /zwgk/, which another menu labels 公开."""
    return defaced_report("鸿发坊", "phrase_swap", "corpus:mhxqwer__jchgz.gov.cn")


def test_a_name_over_a_label_the_same_link_writes_otherwise_is_a_label_swap(twin_label):
    assert any(e.startswith("鸿发坊") for e in _swaps(twin_label))


@pytest.fixture(scope="module")
def site_name_suffix() -> Report:
    """金碧轩 over 门户网站 after the site's name in the title and in a modal's text."""
    return defaced_report("金碧轩", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


def test_a_name_after_the_site_s_name_in_the_title_is_a_label_swap(site_name_suffix):
    assert any(e.startswith("金碧轩") for e in _swaps(site_name_suffix))


@pytest.fixture(scope="module")
def search_label() -> Report:
    """满堂红 over 发展 in the headline and in a search link whose query says 创新发展."""
    return defaced_report("满堂红", "phrase_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


def test_the_search_link_s_query_restores_the_headline(search_label):
    assert search_label.title == "陕西城市经济文化发展高峰论坛在西安举行"


@pytest.mark.parametrize("folder", sorted(CORPUS))
def test_a_clean_real_page_has_no_label_swap(folder):
    body = shared_file("corpus", "real", folder, CORPUS_FILE).read_bytes()
    assert _swaps(process(body, CORPUS[folder][0])) == []


@pytest.fixture(scope="module")
def set_phrase_after_site_name() -> Report:
    """前程似锦, a set phrase of common words, over 门户网站 after the site's name in the title and a modal."""
    return defaced_report("前程似锦", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


def test_a_set_phrase_after_the_site_s_name_in_the_title_is_a_label_swap(set_phrase_after_site_name):
    assert any(e.startswith("前程似锦") for e in _swaps(set_phrase_after_site_name))


@pytest.fixture(scope="module")
def set_phrase_ending_in_a_place() -> Report:
    """生意兴隆: a set phrase whose last two characters are a county's short name (兴隆县)."""
    return defaced_report("生意兴隆", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


def test_a_set_phrase_ending_in_a_place_s_short_name_after_the_site_s_name_is_a_label_swap(
    set_phrase_ending_in_a_place,
):
    assert any(e.startswith("生意兴隆") for e in _swaps(set_phrase_ending_in_a_place))


@pytest.fixture(scope="module")
def latin_name_after_site_name() -> Report:
    """vwin9 over 门户网站 after the site's name in the title and in a modal's text."""
    return defaced_report("vwin9", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


def test_a_latin_name_after_the_site_s_name_in_the_title_is_a_label_swap(latin_name_after_site_name):
    assert any(e.startswith("vwin9") for e in _swaps(latin_name_after_site_name))


def test_a_latin_name_after_the_site_s_name_leaves_the_text(latin_name_after_site_name):
    assert "vwin9" not in latin_name_after_site_name.text
