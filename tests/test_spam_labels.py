"""A made-up name a phrase swap wrote into a portal's parallel labels (地方X, 部门X, 区（县）X).

The defaced page is a real portal page of ../shared with a brand of the training split; the
clean labels are what portals and reports write: a place's own name in its labels, the
column labels of a statistics table, words cut by the labels around them.
"""

import os
import subprocess
import sys

import pytest

from extract.spam.labels import label_names

from .helpers.defaced import defaced_report

BRAND = "旺财来"


@pytest.fixture(scope="module")
def swapped_labels():
    return defaced_report(BRAND, "phrase_swap", "corpus:mhxqwer__ljywhlyw.cq.gov.cn")


@pytest.mark.shared
def test_swapped_labels_are_a_phrase_swap_finding(swapped_labels):
    assert any(f.kind == "phrase_swap" and BRAND in f.evidence for f in swapped_labels.spam.findings)


@pytest.mark.shared
def test_swapped_labels_page_is_tampered(swapped_labels):
    assert swapped_labels.spam.tampered


def _names(labels: list[str]) -> list[str]:
    return label_names(labels, "\n".join(labels))


def test_a_name_shared_by_three_labels_is_found():
    assert _names(["国家统计局", "地方旺财来", "北京", "部门旺财来", "区（县）旺财来", "万州区"]) == [BRAND]


def test_the_word_every_label_writes_before_the_name_is_no_part_of_it():
    assert _names(["政府碧溪阁", "城市概况", "政府碧溪阁指南", "政府碧溪阁制度"]) == ["碧溪阁"]


def test_the_name_after_the_word_head_is_judged_alone():
    # 政府锦江城 holds 政府, a word; 锦江城 alone is no word, place or body (锦江 is 成都's).
    assert _names(["政府锦江城", "政府锦江城指南", "政府锦江城制度"]) == ["锦江城"]


@pytest.mark.parametrize("name", ["华体会", "九游会"])
def test_a_name_ending_in_a_gathering_the_dictionary_never_holds_is_found(name):
    # 会 ends a report's gatherings (座谈会, 发布会) only after what is held there.
    assert _names(["国家统计局", f"地方{name}", "北京", f"部门{name}", f"区（县）{name}"]) == [name]


@pytest.mark.parametrize("name", ["星空体育", "天龙棋牌", "金沙国际娱乐"])
def test_words_before_a_brand_word_no_report_puts_there_are_a_name(name):
    assert _names(["国家统计局", f"地方{name}", "北京", f"部门{name}", f"区（县）{name}"]) == [name]


def test_two_labels_are_not_enough():
    assert _names(["地方旺财来", "部门旺财来"]) == []


@pytest.mark.parametrize(
    "labels",
    [
        # A place the page names as a body: its own labels are no swap.
        ["走进恩格贝", "投资恩格贝", "旅游恩格贝", "恩格贝生态示范区召开2020年度工作会议"],
        # A statistics table's column labels share what they count.
        [
            "本年新收申请数",
            "上年结转申请数",
            "办结申请数",
            "予以公开答复数",
            "部分公开答复数",
            "不予公开答复数",
        ],
        # Units that cut a word of their labels (个人注册, 法人注册: 人注册).
        ["个人注册", "法人注册", "个人登录", "法人登录", "军人注册"],
        # A portal's channel, written in several labels.
        ["广州政府小程序", "政务小程序", "办事小程序"],
        # Traditional text on a Simplified page is another signal's.
        ["縫紉機擴展台", "縫紉機配件", "家用縫紉機"],
        ["政府网站", "部门网站", "区县网站", "乡镇网站"],
        # A gathering the portal holds, in several labels.
        ["政府常务会", "区政府常务会议题", "常务会纪要"],
        ["新闻发布会", "发布会实录", "发布会预告"],
        ["政协茶话会", "新春茶话会", "茶话会纪要"],
        # What reports put before a brand word: a scope, a quality, a place.
        ["群众体育动态", "群众体育政策", "群众体育专栏"],
        ["非法彩票动态", "非法彩票政策", "非法彩票专栏"],
        ["广东体育动态", "广东体育政策", "广东体育专栏"],
        # A gathering's short name, which keeps the first character of its kind (博览会, 代表大会).
        ["进博会专题", "进博会动态", "聚焦进博会"],
        ["服贸会专题", "服贸会动态", "聚焦服贸会"],
        ["渝洽会专题", "渝洽会动态", "聚焦渝洽会"],
        ["职代会专题", "职代会动态", "聚焦职代会"],
        ["军运会专题", "军运会动态", "聚焦军运会"],
        # A disclosure platform's menu and topic columns: the report's and today's policy words.
        ["依申请公开", "依申请公开指南", "依申请公开表格"],
        ["行政复议", "行政复议决定", "行政复议指南"],
        ["疫情防控动态", "疫情防控政策", "疫情防控专栏"],
        ["部门预决算", "财政预决算", "预决算公开"],
        ["政府信息公开", "政府信息公开指南", "政府信息公开制度"],
        # What the report's own tables print (已主动公开, 未予公开), whatever the dictionary says.
        ["已主动公开", "已主动公开目录", "已主动公开信息"],
        ["未予公开", "未予公开情形", "未予公开说明"],
    ],
)
def test_a_portal_s_own_labels_are_no_names(labels):
    assert _names(labels) == []


def test_names_come_in_the_page_s_order_whatever_the_process_hash_seed():
    script = (
        "from extract.spam.labels import label_names\n"
        "lines = ['地方瑞丰阁', '部门瑞丰阁', '区（县）瑞丰阁', '政府聚贤庄', '聚贤庄指南', '聚贤庄制度']\n"
        "print(label_names(lines, '\\n'.join(lines)))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert outputs == {"['瑞丰阁', '聚贤庄']\n"}


def test_a_document_number_s_prefix_is_its_issuer_s_short_name():
    # pengmsgt/kygs (朗县's portal): a list of the county people's congress's documents.
    lines = ["朗人大〔2020〕05号", "朗人大〔2020〕32号", "朗人大〔2020〕04号", "关于印发工作要点的通知"]
    assert label_names(lines, "\n".join(lines)) == []


def test_a_contact_person_named_by_title_is_no_name():
    # yuntaozhu/www.ccgp.gov.cn: a procurement notice's contact lines.
    lines = [
        "黄先生",
        "项目联系人：黄先生",
        "黄先生 钟女士 0745-2210959",
        "采购代理机构联系方式：黄先生 钟女士",
    ]
    assert label_names(lines, "\n".join(lines)) == []


def test_a_portal_s_open_lecture_columns_keep_their_word():
    # 公开课 (open lectures): the dictionary counts it rarely; 163.com's menus and portals' legal
    # and party-history columns write it under several labels.
    lines = ["法治公开课", "党史公开课", "网络公开课", "首页", "新闻中心"]
    assert label_names(lines, "\n".join(lines)) == []
