"""A short Latin name with a number (s77, m88) written over a portal's labels: the menus, the
heads of link lists, a search link and the title's site name. The label's Chinese neighbours,
its link's slug and query, and the site's name tell it, as they tell a Chinese name; a version
(网站V3) and a word a report writes (H5) are the portal's own. The pages are real ones in
../shared, defaced as tests/bench/deface.py does it.
"""

import pytest

from extract.spam.labels import label_names
from extract.spam.shape import is_latin_label

from .helpers.defaced import defaced_report


@pytest.fixture(scope="module")
def in_parallel_labels():
    # 地方s77, 部门s77, 区（县）s77: the heads of a portal's lists of sites, 网站 written over.
    return defaced_report("s77", "phrase_swap", "corpus:mhxqwer__ljywhlyw.cq.gov.cn")


@pytest.mark.shared
def test_a_code_in_parallel_labels_flags_the_page(in_parallel_labels):
    assert in_parallel_labels.spam.tampered


@pytest.fixture(scope="module")
def over_a_slug():
    # The menu item linking to /zwxx/ (政务信息) reads s77, in the header and in a table.
    return defaced_report("s77", "phrase_swap", "corpus:mhxqwer__zysc.gov.cn")


@pytest.mark.shared
def test_a_code_over_a_slug_flags_the_page(over_a_slug):
    assert over_a_slug.spam.tampered


@pytest.fixture(scope="module")
def over_a_query():
    # A search link's query says 创新发展 under the label 创新m88; the title reads m88 too.
    return defaced_report("m88", "phrase_swap", "corpus:mhxqwer__wxhshaanxi.gov.cn")


@pytest.mark.shared
def test_a_code_over_a_query_flags_the_page(over_a_query):
    assert over_a_query.spam.tampered


@pytest.mark.shared
def test_the_query_s_word_is_written_back(over_a_query):
    assert over_a_query.title.startswith("陕西城市经济文化发展高峰论坛")


@pytest.fixture(scope="module")
def after_the_site_name():
    # 武汉市洪山区人民政府s77 in the title, where the site's name ends (网站).
    return defaced_report("s77", "phrase_swap", "corpus:mhxqwer__zxwhongshan.gov.cn")


@pytest.mark.shared
def test_a_code_after_the_site_name_flags_the_page(after_the_site_name):
    assert after_the_site_name.spam.tampered


@pytest.mark.parametrize("label", ["s77", "k8", "hg8", "W88"])
def test_a_name_with_a_number_is_a_latin_label(label):
    assert is_latin_label(label)


@pytest.mark.parametrize("label", ["V3", "v2", "H5", "G20", "5G", "12345", "app", "OA"])
def test_a_version_or_a_report_s_word_is_no_latin_label(label):
    assert not is_latin_label(label)


def test_parallel_labels_ending_in_a_version_name_nothing():
    labels = ["政府网站V3", "手机网站V3", "长者版V3"]
    assert label_names(labels, "\n".join(labels)) == []


def test_parallel_labels_ending_in_a_code_name_it():
    labels = ["地方s77", "部门s77", "区（县）s77", "首页"]
    assert label_names(labels, "\n".join(labels)) == ["s77"]


def test_a_pinyin_name_is_a_latin_label():
    assert is_latin_label("leyu")


@pytest.fixture(scope="module")
def pinyin_over_a_slug():
    # The menu item linking to /zwgk/ (政务公开) reads leyu, in two menus.
    return defaced_report("leyu", "phrase_swap", "corpus:mhxqwer__jchgz.gov.cn")


@pytest.mark.shared
def test_a_pinyin_name_over_a_slug_flags_the_page(pinyin_over_a_slug):
    assert pinyin_over_a_slug.spam.tampered
