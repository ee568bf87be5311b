"""A short Latin name with a number, in pinyin or spelling no word (s77, m88, leyu, xpj) written
over a portal's labels: the menus, the heads of link lists, a search link and the title's site
name. The label's Chinese neighbours, its link's slug and query, and the site's name tell it, as
they tell a Chinese name; a version (网站V3) and a word a report writes (H5) are the portal's own.
The pages are real ones in ../shared, defaced as tests/bench/deface.py does it.
"""

import pytest

from extract.spam.labels import label_names
from extract.spam.shape import is_latin_label

from .helpers.defaced import defaced_report

# (brand, page): where the defacer wrote a Latin name over the portal's labels.
SWAPPED_LABELS = [
    # 地方s77, 部门s77, 区（县）s77: the heads of a portal's lists of sites, 网站 written over.
    pytest.param(("s77", "corpus:mhxqwer__ljywhlyw.cq.gov.cn"), id="parallel labels"),
    # The menu item linking to /zwxx/ (政务信息) reads s77, in the header and in a table.
    pytest.param(("s77", "corpus:mhxqwer__zysc.gov.cn"), id="over a slug"),
    # The menu item linking to /zwgk/ (政务公开) reads leyu, in two menus.
    pytest.param(("leyu", "corpus:mhxqwer__jchgz.gov.cn"), id="pinyin over a slug"),
    # 武汉市洪山区人民政府s77 in the title, where the site's name ends (网站).
    pytest.param(("s77", "corpus:mhxqwer__zxwhongshan.gov.cn"), id="after the site name"),
    # 武汉市洪山区人民政府sbobet: letters that spell no word, where the site's name ends.
    pytest.param(("sbobet", "corpus:mhxqwer__zxwhongshan.gov.cn"), id="letters after the site name"),
    # 创新xpj over a search link whose query says 创新发展.
    pytest.param(("xpj", "corpus:mhxqwer__wxhshaanxi.gov.cn"), id="letters over a query"),
    # 地方huangguan, 部门huangguan, 区（县）huangguan: a name in pinyin longer than a label's
    # characters would be.
    pytest.param(("huangguan", "corpus:mhxqwer__ljywhlyw.cq.gov.cn"), id="long pinyin in parallel labels"),
    # huangguan over /zwxx/ in two menus.
    pytest.param(("huangguan", "corpus:mhxqwer__zysc.gov.cn"), id="long pinyin over a slug"),
    # 武汉市洪山区人民政府xinpujing: nine letters where the site's name ends.
    pytest.param(("xinpujing", "corpus:mhxqwer__zxwhongshan.gov.cn"), id="long pinyin after the site name"),
    # 创新longteng over a search link whose query says 创新发展.
    pytest.param(("longteng", "corpus:mhxqwer__wxhshaanxi.gov.cn"), id="long pinyin over a query"),
]


@pytest.fixture(scope="module", params=SWAPPED_LABELS)
def swapped_labels(request):
    brand, page = request.param
    return defaced_report(brand, "phrase_swap", page)


@pytest.mark.shared
def test_a_latin_name_over_the_labels_flags_the_page(swapped_labels):
    assert swapped_labels.spam.tampered


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


@pytest.mark.parametrize("label", ["s77", "k8", "hg8", "W88"])
def test_a_name_with_a_number_is_a_latin_label(label):
    assert is_latin_label(label)


@pytest.mark.parametrize("label", ["V3", "v2", "H5", "G20", "5G", "12345", "app", "OA", "bbs", "ktv"])
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


def test_letters_no_word_spells_are_a_latin_label():
    assert is_latin_label("bbin")


def test_parallel_labels_ending_in_a_long_pinyin_name_name_it():
    labels = ["地方huangguan", "部门huangguan", "区（县）huangguan", "首页"]
    assert label_names(labels, "\n".join(labels)) == ["huangguan"]


def test_labels_ending_in_an_english_word_name_nothing():
    lines = ["下载最新版本的chrome", "建议使用谷歌浏览器chrome", "推荐使用的浏览器为chrome"]
    assert label_names(lines, "\n".join(lines)) == []


def test_a_capitalised_pinyin_name_is_a_latin_label():
    assert is_latin_label("Kaiyun")
