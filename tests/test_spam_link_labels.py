"""A made-up name written over a link's label or the title's site name, told by the page itself.

Each clue has a defaced page and a clean twin built from one portal template: a menu whose
slugs spell their labels (xxgk 信息公开), a search link carrying its words, the same address
under two labels, a title ending with the site's name. The names are made up for these tests.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

from extract import process
from extract.model import Report
from extract.spam.navlabels import _is_shaped_as_a_brand

URL = "http://www.shili.gov.cn/xwzx/202301/t20230105_101.html"
SITE = "示例市人民政府"
BRAND = "翠屏坞"
MENU = [("/xxgk/index.html", "信息公开"), ("/zwfw/index.html", "政务服务"), ("/hdjl/index.html", "互动交流")]
PROSE = (
    "示例市召开全市优化营商环境工作推进会议，会议总结了过去一年的主要成效，部署了今年的重点任务。",
    "会议要求各部门进一步提高政务服务效能，推动更多事项网上办理，切实方便企业和群众办事。",
)


def _menu(first: tuple[str, str]) -> str:
    items = [first, *MENU, ("/ztzl/index.html", "专题专栏")]
    return "<ul class='nav'>" + "".join(f"<li><a href='{h}'>{t}</a></li>" for h, t in items) + "</ul>"


def _page(
    title: str,
    top: tuple[str, str] = ("/zwgk/index.html", "政务公开"),
    bottom: tuple[str, str] = ("/zwgk/index.html", "政务公开"),
    headline: str = "全市优化营商环境工作推进会召开",
    extra: str = "",
    site_name: str = SITE,
) -> Report:
    markup = (
        "<html><head><meta charset='utf-8'>"
        f"<meta name='SiteName' content='{site_name}'><title>{title}</title></head><body>"
        f"{_menu(top)}<h1>{headline}</h1>"
        + "".join(f"<p>{line}</p>" for line in PROSE)
        + extra
        + _menu(bottom)
        + f"<div class='footer'>主办单位：{SITE}办公室</div></body></html>"
    )
    return process(markup.encode("utf-8"), URL)


def _swaps(report: Report) -> list[str]:
    return [f.evidence for f in report.spam.findings if f.kind == "label_swap"]


# The slug: a made-up label in both menus over /zwgk/, which spells 政务公开 (a column every
# portal has: see tests/test_spam_column_labels.py), or over a slug that spells no column.


@pytest.fixture(scope="module")
def slug_swap() -> Report:
    label = ("/zwgk/index.html", BRAND)
    return _page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)


def test_a_made_up_label_over_a_slug_of_other_initials_is_a_label_swap(slug_swap):
    assert any(e.startswith(BRAND) and "/zwgk/" in e for e in _swaps(slug_swap))


@pytest.fixture(scope="module")
def slug_swap_off_the_columns() -> Report:
    """The made-up label over /jrsl/, a slug of initials that spells no column every portal has."""
    label = ("/jrsl/index.html", BRAND)
    return _page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)


def test_a_made_up_label_the_menus_alone_write_is_one_clue(slug_swap_off_the_columns):
    # The header's and the footer's menu are one template: the label is said once.
    swaps = _swaps(slug_swap_off_the_columns)
    assert (slug_swap_off_the_columns.spam.tampered, swaps[0].split(":")[0]) == (False, f"{BRAND} ×1")


@pytest.fixture(scope="module")
def slug_swap_in_breadcrumb() -> Report:
    label = ("/zwgk/index.html", BRAND)
    return _page(
        f"会议召开 - {SITE}门户网站", top=label, bottom=label, extra=f"<p>当前位置：首页 > {BRAND}</p>"
    )


def test_a_made_up_label_the_breadcrumb_also_writes_makes_the_page_tampered(slug_swap_in_breadcrumb):
    assert slug_swap_in_breadcrumb.spam.tampered


def test_a_made_up_label_the_breadcrumb_also_writes_leaves_the_text(slug_swap_in_breadcrumb):
    assert BRAND not in slug_swap_in_breadcrumb.text


@pytest.fixture(scope="module")
def slogan_columns() -> Report:
    """Two columns renamed to slogans under their old slugs (廉政建设, 团结共建), in both menus."""
    first, second = ("/lzjs/index.html", "风清气正"), ("/tjgj/index.html", "凝心聚力")
    return _page(f"会议召开 - {SITE}门户网站", top=first, bottom=first, extra=_menu(second) + _menu(second))


@pytest.fixture(scope="module")
def slogan_column_in_the_article() -> Report:
    """A column renamed to a slogan under its old slug, whose article says the slogan."""
    label = ("/lzjs/index.html", "风清气正")
    said = "<p>我市深入推进风清气正工作，取得阶段性成效。</p>"
    return _page(
        f"会议召开 - {SITE}门户网站", top=label, bottom=label, extra=f"<p>当前位置：首页 > 风清气正</p>{said}"
    )


def test_a_sentence_naming_a_label_the_slug_alone_doubts_keeps_it(slogan_column_in_the_article):
    assert "我市深入推进风清气正工作，取得阶段性成效。" in slogan_column_in_the_article.text


def test_slogans_over_several_slugs_do_not_make_the_page_tampered(slogan_columns):
    assert not slogan_columns.spam.tampered


def test_slogans_over_several_slugs_stay_in_the_text(slogan_columns):
    assert ("风清气正" in slogan_columns.text, "凝心聚力" in slogan_columns.text) == (True, True)


@pytest.fixture(scope="module")
def leaders_list() -> Report:
    """Names of people in a list its slugs do not spell (/zfld/), written twice on the page."""
    people = "".join(
        f"<li><a href='/zfld/index.html'>{name}</a></li>" for name in ("柯明远", "邬海澄", "濮子航")
    )
    return _page(
        f"会议召开 - {SITE}门户网站", extra=f"<ul class='leaders'>{people}</ul><p>柯明远 邬海澄 濮子航</p>"
    )


def test_people_in_a_list_its_slugs_do_not_spell_are_no_label_swap(leaders_list):
    assert _swaps(leaders_list) == []


# The query: a search link whose label differs from its own words by one replaced span.

QUERY_BRAND = "碧霞庐"


@pytest.fixture(scope="module")
def query_swap() -> Report:
    search = f"<a href='/search.html?searchWord={quote('创新发展')}'>创新{QUERY_BRAND}</a>"
    return _page(
        f"经济{QUERY_BRAND}高峰论坛举行_{SITE}", headline=f"经济{QUERY_BRAND}高峰论坛举行", extra=search
    )


def test_a_search_link_over_other_words_is_a_label_swap(query_swap):
    assert any(e.startswith(QUERY_BRAND) and "创新发展" in e for e in _swaps(query_swap))


def test_the_search_link_s_words_restore_the_title(query_swap):
    assert query_swap.title == "经济发展高峰论坛举行"


def test_the_search_link_s_words_restore_the_text(query_swap):
    assert QUERY_BRAND not in query_swap.text


@pytest.fixture(scope="module")
def query_swap_holding_a_word() -> Report:
    """锦绣坊 holds 锦绣, a word: no made-up label, but its search link's words say 发展."""
    search = f"<a href='/search.html?searchWord={quote('创新发展')}'>创新锦绣坊</a>"
    return _page(f"经济锦绣坊高峰论坛举行_{SITE}", headline="经济锦绣坊高峰论坛举行", extra=search)


def test_a_name_holding_a_word_over_a_search_link_s_words_is_restored(query_swap_holding_a_word):
    assert query_swap_holding_a_word.title == "经济发展高峰论坛举行"


@pytest.fixture(scope="module")
def search_links() -> Report:
    """Search links whose labels are their words, or a shorter form of them."""
    links = (
        f"<a href='/search.html?searchWord={quote('创新发展')}'>创新发展</a>"
        f"<a href='/search.html?q={quote('乡村振兴战略')}'>乡村振兴</a>"
    )
    return _page(f"会议召开 - {SITE}门户网站", extra=links)


def test_search_links_labelled_with_their_words_are_no_label_swap(search_links):
    assert _swaps(search_links) == []


# The twin: the same address under a made-up label in one menu and a word in the other.

TWIN_BRAND = "沐霖斋"


@pytest.fixture(scope="module")
def twin_swap() -> Report:
    return _page(
        f"会议召开 - {SITE}门户网站",
        top=("/ggfw/index.html", f"公共{TWIN_BRAND}"),
        bottom=("/ggfw/index.html", "公共服务"),
        extra=f"<p>公共{TWIN_BRAND}</p>",
    )


def test_a_label_the_same_link_writes_otherwise_elsewhere_is_a_label_swap(twin_swap):
    assert any(e.startswith(TWIN_BRAND) and "公共服务" in e for e in _swaps(twin_swap))


def test_the_twin_label_restores_the_word(twin_swap):
    assert f"公共{TWIN_BRAND}" not in "\n".join([twin_swap.text, twin_swap.title or ""])


@pytest.fixture(scope="module")
def twin_labels() -> Report:
    """The same address as 首页 and 网站首页, as 政务公开 and 公开."""
    return _page(
        f"会议召开 - {SITE}门户网站",
        top=("/index.html", "网站首页"),
        bottom=("/index.html", "首页"),
        extra="<a href='/zwgk/index.html'>公开</a>",
    )


def test_one_link_under_two_ordinary_labels_is_no_label_swap(twin_labels):
    assert _swaps(twin_labels) == []


def test_one_list_giving_one_address_two_labels_is_no_label_swap():
    """A list of topic columns all pointing to the topics' index: the portal's own list."""
    topics = "".join(
        f"<li><a href='/ztzl/index.html'>{label}</a></li>" for label in ("扫黑除恶", "春风行动", "崇德向善")
    )
    page = _page(f"会议召开 - {SITE}门户网站", extra=f"<ul class='topics'>{topics}</ul>" * 2)
    assert _swaps(page) == []


def test_one_list_giving_any_address_two_labels_is_no_label_swap():
    """The same list under an address no topic path names: the list, not the path, says so."""
    topics = "".join(
        f"<li><a href='/special/index.html'>{label}</a></li>"
        for label in ("崇德向善", "春风行动", "见贤思齐")
    )
    page = _page(f"会议召开 - {SITE}门户网站", extra=f"<ul class='topics'>{topics}</ul>" * 2)
    assert _swaps(page) == []


def test_a_latin_label_is_spelled_by_its_slug_in_lower_case():
    label = ("/drgff/index.html", "DRG付费")
    assert _swaps(_page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)) == []


def test_a_report_word_after_the_site_s_name_is_no_label_swap():
    # 乡村振兴 is counted common by the project's own words, which also makes it a set phrase.
    assert _swaps(_page(f"会议召开 - {SITE}乡村振兴", site_name=f"{SITE}门户网站")) == []


# The title: the site's name (SiteName, footer) followed by a made-up token where 门户网站 stood.


@pytest.fixture(scope="module")
def title_swap() -> Report:
    modal = f"<p>您访问的链接即将离开{SITE}{BRAND} 是否继续？</p>"
    return _page(f"全市优化营商环境工作推进会召开 - {SITE}{BRAND}", extra=modal)


def test_a_made_up_token_after_the_site_s_name_in_the_title_is_a_label_swap(title_swap):
    assert any(e.startswith(BRAND) and f"title's site name {SITE}" in e for e in _swaps(title_swap))


def test_the_token_after_the_site_s_name_leaves_the_text(title_swap):
    assert BRAND not in title_swap.text


@pytest.fixture(scope="module")
def title_swap_holding_a_word() -> Report:
    """富贵阁 holds 富贵, a word: where the footer names the site with 门户网站, it replaced those."""
    footer = f"<p>{SITE}门户网站 版权所有</p>"
    return _page(f"会议召开 - {SITE}富贵阁", extra=f"<p>即将离开{SITE}富贵阁</p>{footer}")


def test_a_name_holding_a_word_over_the_site_name_s_words_is_a_label_swap(title_swap_holding_a_word):
    assert any(
        e.startswith("富贵阁") and "the page says 门户网站" in e for e in _swaps(title_swap_holding_a_word)
    )


@pytest.fixture(scope="module")
def title_name_holding_a_word() -> Report:
    """盛世汇 holds 盛世, a word, after the site's name, where no fuller name tells the words it replaced."""
    modal = f"<p>您访问的链接即将离开{SITE}盛世汇 是否继续？</p>"
    return _page(f"全市优化营商环境工作推进会召开 - {SITE}盛世汇", extra=modal)


def test_a_name_holding_a_word_after_the_site_s_name_is_a_label_swap(title_name_holding_a_word):
    # No place, no body, no words end to end: a name however it was made.
    assert title_name_holding_a_word.spam.tampered and "盛世汇" not in title_name_holding_a_word.text


@pytest.fixture(scope="module")
def site_titles() -> Report:
    """The site's own name in the title, with the words portals write after it."""
    return _page(f"全市优化营商环境工作推进会召开 - {SITE}门户网站 - {SITE}网站群 - {SITE}官网")


def test_the_site_s_own_name_in_the_title_is_no_label_swap(site_titles):
    assert _swaps(site_titles) == []


def test_a_token_once_in_the_title_alone_does_not_make_the_page_tampered():
    assert not _page(f"会议召开 - {SITE}{BRAND}").spam.tampered


def test_a_link_with_no_address_costs_the_page_nothing():
    broken = "<a href='http://[broken/xxgk/?q=%E5%88%9B'>创新翠屏坞</a>"
    assert _page(f"会议召开 - {SITE}门户网站", extra=broken).errors == ()


# A clean portal's own: the versions and words it writes after its name in a title, a topic
# column's slogan under /ztzl/, a slug that goes on past its label, a content system's /col/.


@pytest.mark.parametrize("suffix", ["英文版", "长者版", "无障碍版", "手机版", "欢迎您", "网站群", "V3", "H5"])
def test_a_portal_s_own_words_after_its_name_are_no_label_swap(suffix):
    # The SiteName says 门户网站 where the title writes the suffix: a replaced span, as a swap's.
    assert _swaps(_page(f"会议召开 - {SITE}{suffix}", site_name=f"{SITE}门户网站")) == []


@pytest.mark.parametrize(
    "label",
    [
        ("/ztzl/bwcx/index.html", "不忘初心"),
        ("/ztzl/202301/index.html", "风清气正"),
        ("/bwcxljsm/index.html", "不忘初心"),
        ("/col/col1229/index.html", "凝心聚力"),
    ],
)
def test_a_topic_column_s_slogan_is_no_label_swap(label):
    assert _swaps(_page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)) == []


@pytest.fixture(scope="module")
def brand_shaped_label() -> Report:
    """A coined Latin name in both menus over /zwgk/: the menus say it once, its shape says more."""
    label = ("/zwgk/index.html", "188bet")
    return _page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)


def test_a_label_shaped_as_a_brand_over_a_slug_of_other_initials_makes_the_page_tampered(brand_shaped_label):
    assert brand_shaped_label.spam.tampered


def test_a_label_shaped_as_a_brand_over_a_slug_of_other_initials_leaves_the_text(brand_shaped_label):
    assert "188bet" not in brand_shaped_label.text


@pytest.fixture(scope="module")
def acronym_label() -> Report:
    """RSS订阅 in both menus over /dy/ (订阅): an acronym a portal labels with, no brand's shape."""
    label = ("/dy/index.html", "RSS订阅")
    return _page(f"会议召开 - {SITE}门户网站", top=label, bottom=label)


def test_an_acronym_label_over_a_slug_of_other_initials_leaves_the_page_clean(acronym_label):
    assert not acronym_label.spam.tampered


@pytest.mark.parametrize(("label", "shaped"), [("QX体育", True), ("ZT棋牌官网", True), ("RSS订阅", False)])
def test_an_acronym_is_a_brand_s_shape_only_before_a_brand_word(label, shaped):
    # The menus alone would not flag QX体育 over /zwgk/: its shape is the second clue.
    assert _is_shaped_as_a_brand(label) is shaped


@pytest.fixture(scope="module")
def label_also_in_sentences() -> Report:
    """A brand in both menus over /zwgk/ and in two sentences: the phrase rule cuts it from the
    sentences before the labels are read."""
    label = ("/zwgk/index.html", "mk体育")
    prose = "".join(f"<p>本年度通过mk体育公开{w}信息，方便群众查阅和监督。</p>" for w in ("政务", "财政"))
    return _page(f"会议召开 - {SITE}门户网站", top=label, bottom=label, extra=prose)


def test_a_label_the_phrase_rule_cut_is_counted_in_one_place_at_least(label_also_in_sentences):
    counts = [e.split(":")[0] for e in _swaps(label_also_in_sentences)]
    assert counts == ["mk体育 ×1"]
