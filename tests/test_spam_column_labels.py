"""A made-up name over a link to a column every portal has, told by the column's slug.

Portals name their columns alike (政府网站发展指引) and spell them in their paths: /zwgk/ is
政务公开, /zfxxgk/ 政府信息公开. A label over such a slug that is a made-up name in place of
the column's words, in whole (万家灯火 over /zwgk/) or in part (政府吉祥如意 over /zfxxgk/),
is a swap, and the slug says which words stood there. A column a portal renamed in its own
words (阳光政务) or went on past (政府信息公开年报) is its own.
"""

from __future__ import annotations

import pytest

from extract.model import Report
from extract.spam.labels import is_foreign_unit
from extract.spam.navlabels import _over_a_column
from extract.spam.sitename import is_foreign_set_phrase

from . import test_spam_link_labels as link_labels

# Made up for these tests: a set phrase the dictionary holds whole, and a coined name.
SET_PHRASE = "锦绣前程"
COINED = "翠屏坞"


def _page(first: tuple[str, str], extra: str = "") -> Report:
    """The portal template of tests/test_spam_link_labels.py with `first` in both its menus."""
    return link_labels._page(f"会议召开 - {link_labels.SITE}门户网站", top=first, bottom=first, extra=extra)


_swaps = link_labels._swaps


@pytest.fixture(scope="module")
def whole_label() -> Report:
    """A set phrase over the whole of 政务公开, in the header's menu and the footer's."""
    return _page(("/zwgk/index.html", SET_PHRASE))


def test_a_set_phrase_over_a_column_s_slug_is_a_label_swap(whole_label):
    assert any(e.startswith(SET_PHRASE) for e in _swaps(whole_label))


def test_a_set_phrase_over_a_column_s_slug_makes_the_page_tampered(whole_label):
    # The menus say it once; the slug says twice: it spells no such label, and it spells a column.
    assert whole_label.spam.tampered


def test_the_column_s_slug_tells_the_words_that_stood_there(whole_label):
    assert _swaps(whole_label)[0].endswith("the page says 政务公开")


@pytest.fixture(scope="module")
def part_of_the_label() -> Report:
    """A coined name over 信息公开 in 政府信息公开, under /zfxxgk/, and in the breadcrumb."""
    return _page(("/zfxxgk/index.html", f"政府{COINED}"), extra=f"<p>当前位置：首页 > 政府{COINED}</p>")


def test_a_name_over_part_of_a_column_s_label_is_a_label_swap(part_of_the_label):
    assert any(e.startswith(f"{COINED} ×") for e in _swaps(part_of_the_label))


def test_a_name_over_part_of_a_column_s_label_gives_the_words_back(part_of_the_label):
    assert "政府信息公开" in part_of_the_label.text and COINED not in part_of_the_label.text


@pytest.mark.parametrize(
    ("label", "slug"),
    [
        ("阳光政务", "zwgk"),  # renamed in a column's words
        ("政务公开", "zwgk"),
        ("政府信息公开年报", "zfxxgk"),  # going on past the column's name
        ("信息公开", "zwgk"),
        ("市长信箱", "hdjl"),  # words, none a name
        ("示例新闻", "xwzx"),
        ("12345热线", "zwgk"),  # a hotline, a year, a number before words
        ("2024年报", "zfxxgk"),
        ("12345在线", "hdjl"),
    ],
)
def test_a_portal_s_own_label_over_a_column_s_slug_is_no_swap(label, slug):
    assert _over_a_column(label, slug, "") is None


@pytest.mark.parametrize("label", ["阳光政务", "市长信箱", "政府信息公开年报"])
def test_a_portal_s_own_label_over_a_column_s_slug_leaves_the_page_clean(label):
    report = _page((f"/{'zwgk' if label != '市长信箱' else 'hdjl'}/index.html", label))
    assert (report.spam.tampered, _swaps(report)) == (False, [])


def test_a_name_over_a_slug_that_spells_no_column_is_one_clue():
    report = _page(("/jrsl/index.html", SET_PHRASE))
    assert not report.spam.tampered


@pytest.mark.parametrize(
    ("label", "slug", "swap"),
    [
        ("政府瑞鼎棋牌", "zfxxgk", ("瑞鼎棋牌", "信息公开", "政府信息公开")),  # a brand word, words around it
        ("飞鸿电竞", "zwgk", ("飞鸿电竞", "政务公开", "政务公开")),
        ("锦绣前程", "zwxx", ("锦绣前程", "政务信息", "政务信息")),  # a set phrase
        ("9游会", "zwgk", ("9游会", "政务公开", "政务公开")),  # a number before a name
        ("188金宝博", "zwxx", ("188金宝博", "政务信息", "政务信息")),
    ],
)
def test_a_name_over_a_column_s_words_gives_the_name_and_the_words(label, slug, swap):
    assert _over_a_column(label, slug, "") == swap


@pytest.mark.parametrize("name", ["鹏程万里", "福满人间"])
def test_a_name_ending_in_where_in_a_channel_is_a_foreign_unit(name):
    # 里 and 间 end readings of a channel slot (在网站里, 期间), and names too.
    assert is_foreign_unit(name, "")


@pytest.mark.parametrize("phrase", ["建设中", "栏目维护中", "规定时限内", "网站上"])
def test_words_before_where_in_a_channel_are_no_foreign_unit(phrase):
    assert not is_foreign_unit(phrase, "")


def test_a_set_phrase_ending_in_where_in_a_channel_after_the_site_s_name_is_foreign():
    # 天上人间 ends in 间, as 在此期间 does: after the title's site name it is still a name.
    assert is_foreign_set_phrase("天上人间", "")


def test_a_number_before_a_name_over_a_column_s_slug_makes_the_page_tampered():
    report = _page(("/zwgk/index.html", "9游会"))
    assert (report.spam.tampered, [e.split(" ×")[0] for e in _swaps(report)]) == (True, ["9游会"])
