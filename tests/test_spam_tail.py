"""A list of made-up names appended after the footer, with no lexicon word to mark it.

The defaced page is a real portal page of ../shared with brands of the training split; the
clean lines are what portals put at their end: the footer, a link bar of words, a breadcrumb.
"""

import pytest

from extract.spam.tail import strip_tail_names

from .helpers.defaced import defaced_report

BRANDS = ["鼎丰园", "福瑞祥", "金海岸娱乐", "乐翻天视频", "宝丰汇", "金狮贵宾会"]
LIST = " ".join(BRANDS)
FOOTER = "版权所有：广州市人民政府 粤ICP备05080338号"


@pytest.fixture(scope="module")
def tail_names():
    return defaced_report(BRANDS[0], "tail_list", "corpus:mhxqwer__jchgz.gov.cn", BRANDS)


@pytest.mark.shared
def test_tail_names_are_a_keyword_list_finding(tail_names):
    assert "keyword_list" in {f.kind for f in tail_names.spam.findings}


@pytest.mark.shared
def test_tail_names_page_is_tampered(tail_names):
    assert tail_names.spam.tampered


@pytest.mark.shared
def test_tail_names_leave_the_text(tail_names):
    assert "鼎丰园" not in tail_names.text


def test_a_list_after_the_footer_leaves_lines_and_text():
    lines, text, _ = strip_tail_names(["正文。", FOOTER, LIST, "\xa0"], f"正文。\n{LIST}")
    assert (lines, text) == (["正文。", FOOTER, "\xa0"], "正文。")


@pytest.mark.parametrize(
    "lines",
    [
        # No footer before it: a page's own list, wherever it ends.
        ["正文。", LIST],
        # Before the footer: the footer's own link bar.
        ["正文。", LIST, FOOTER],
        # A link bar of the portal's words after the footer.
        ["正文。", FOOTER, "关于我们 网站声明 网站地图 联系我们 政务邮箱 无障碍"],
        # Far from the page's end.
        ["正文。", FOOTER, LIST, "扫一扫在手机打开当前页", "打印本页 关闭窗口", "手机版 电脑版"],
    ],
)
def test_a_portal_s_own_last_lines_stay(lines):
    assert strip_tail_names(lines, "")[2] == []


PHRASES = ["锦绣前程", "福星高照", "春风得意", "紫气东来", "幸运草", "zz99", "t9t9"]


@pytest.fixture(scope="module")
def tail_phrases():
    # Set phrases the dictionary holds whole, and letter-digit codes: no made-up name among most.
    return defaced_report(PHRASES[0], "tail_list", "corpus:mhxqwer__wxhshaanxi.gov.cn", PHRASES)


@pytest.mark.shared
def test_tail_set_phrases_page_is_tampered(tail_phrases):
    assert tail_phrases.spam.tampered


@pytest.mark.shared
def test_tail_set_phrases_leave_the_text(tail_phrases):
    assert "福星高照" not in tail_phrases.text


def test_a_link_bar_of_compounds_after_the_footer_stays():
    bar = "设为首页 加入收藏 联系我们 网站地图 返回顶部 常见问题 友情链接 意见反馈 视频新闻 便民服务"
    assert strip_tail_names(["正文。", FOOTER, bar], "正文。")[2] == []


def test_a_list_half_of_made_up_names_after_the_footer_leaves():
    half = "百花园 聚宝阁 万福来 鸿运高照 一路发财 幸福时光"  # the last three read as words
    assert strip_tail_names(["正文。", FOOTER, half], "正文。")[0] == ["正文。", FOOTER]


def test_a_breadcrumb_after_the_footer_stays():
    crumb = "首页 > 部门动态 > 工作动态 > 通知公告 > 正文"
    assert strip_tail_names(["正文。", FOOTER, crumb], "正文。")[2] == []


def test_a_list_of_lower_case_names_after_the_footer_leaves():
    # No brand word, no digits in most: lower-case letters are no link bar's English.
    latin = "betway ubet95 sbobet 12bet tlc 3868"
    assert strip_tail_names(["正文。", FOOTER, latin], "正文。")[0] == ["正文。", FOOTER]


def test_a_link_bar_in_english_after_the_footer_stays():
    bar = "English RSS APP WAP Home"
    assert strip_tail_names(["正文。", FOOTER, bar], "正文。")[2] == []
