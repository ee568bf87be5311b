"""Legacy statistics forms with several value columns (spec §2.3, §2.4), read through extract.process.

Three layouts, each built here as an HTML table with a distinct figure in every cell:
the later local form whose value columns are scopes (区政府 | 区直单位 | 乡镇街道), the
莆田 2009 form (2009年度 | 历年累计) and the 定西 form (代码 | 本期实际 | 本年累计).
Only this-year columns map to keys; cumulative columns and unknown rows stay raw cells.
"""

from __future__ import annotations

import pytest

from extract.model import DEPARTMENTS, OWN_BODY, REGION_TOTAL, TOWNSHIPS, UNKNOWN_SCOPE
from extract.pipeline import process

URL = "http://127.0.0.1/legacy-columns.html"


def _page(title: str, caption: str, header: list[str], rows: list[list[object]]) -> bytes:
    cells = "".join(f"<th>{text}</th>" for text in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>一、概述</p><p>本年度，我们认真贯彻落实政府信息公开条例，政府信息公开工作有序开展，"
        "主动公开、依申请公开、监督保障各项工作取得新的进展。</p>"
        "<p>全年围绕中心工作，及时公开财政预决算、重大建设项目、社会公益事业等重点领域信息，"
        "完善依申请公开受理、审查、答复流程，加强政府网站信息公开专栏建设，方便公众查询。</p>"
        f"<p>{caption}</p><table border='1'><tr>{cells}</tr>{body}</table>"
        "<p>二、存在的主要问题及改进措施</p><p>无。</p></body></html>"
    ).encode()


LOCAL_PAGE = _page(
    "某区人民政府2024年政府信息公开工作年度报告",
    "附表：2024年度政府信息公开工作统计表",
    ["序号", "统计指标", "单位", "区政府统计数", "区直单位统计数", "乡镇街道统计数", "全区合计"],
    [
        [1, "一、主动公开情况", "—", "—", "—", "—", "—"],
        [2, "（一）主动公开政府信息数", "条", 1523, 8841, 2210, 12574],
        [3, "其中：主动公开规范性文件数", "条", 12, 35, 4, 51],
        [4, "（二）主动公开行政执法信息", "条", 301, 977, 58, 1336],
        [5, "二、依申请公开情况", "—", "—", "—", "—", "—"],
        [6, "（一）收到申请数", "件", 46, 120, 9, 175],
        [7, "1.当面申请数", "件", 11, 30, 6, 47],
        [8, "（二）申请办结数", "件", 44, 118, 9, 171],
        [9, "三、行政复议数量", "件", 2, 3, 0, 5],
    ],
)
LOCAL_CASES = [
    ("legacy.proactive.items_total", OWN_BODY, 1523),
    ("legacy.proactive.items_total", DEPARTMENTS, 8841),
    ("legacy.proactive.items_total", TOWNSHIPS, 2210),
    ("legacy.proactive.items_total", REGION_TOTAL, 12574),
    ("legacy.proactive.normative_docs_published", DEPARTMENTS, 35),
    ("legacy.applications.received_total", OWN_BODY, 46),
    ("legacy.applications.received_in_person", TOWNSHIPS, 6),
    ("legacy.applications.closed_total", REGION_TOTAL, 171),
    ("legacy.admin_review.total", DEPARTMENTS, 3),
]

PUTIAN_PAGE = _page(
    "莆田市人民政府2009年政府信息公开工作年度报告",
    "附表：莆田市2009年度政府信息公开工作统计表",
    ["指标名称", "计量单位", "2009年度", "历年累计"],
    [
        ["主动公开信息数", "条", 3120, 9876],
        ["其中：政府网站", "条", 2805, 8700],
        ["受理依申请公开信息总数", "件", 87, 240],
        ["其中：当面申请", "件", 21, 66],
        ["网上申请", "件", 40, 101],
        ["本年度对申请的答复总数", "件", 85, 236],
        ["同意公开", "件", 61, 170],
        ["同意部分公开", "件", 18, 51],
        ["否决公开", "件", 6, 15],
        ["行政复议数", "件", 1, 4],
        ["行政诉讼数", "件", 0, 2],
        ["行政申诉数", "件", 2, 3],
    ],
)
PUTIAN_CASES = [
    ("legacy_early.proactive.items_total", 3120),
    ("legacy.applications.received_total", 87),
    ("legacy.applications.received_in_person", 21),
    ("legacy.applications.received_online", 40),
    ("legacy.applications.replies_total", 85),
    ("legacy.applications.reply_granted", 61),
    ("legacy.applications.reply_partially_granted", 18),
    ("legacy.applications.reply_refused_total", 6),
    ("legacy.admin_review.total", 1),
    ("legacy.litigation.total", 0),
    ("legacy_early.admin_appeal.total", 2),
]

DINGXI_PAGE = _page(
    "定西市人民政府2011年政府信息公开工作年度报告",
    "定西市政府信息公开工作情况统计表（市本级）",
    ["指标名称", "计量单位", "代码", "本期实际", "本年累计"],
    [
        ["主动公开信息数", "条", "01", 1210, 4410],
        ["其中：全文电子化的主动公开信息数", "条", "02", 1185, 4302],
        ["新增的行政规范性文件数", "件", "03", 17, 52],
        ["网站专栏页面访问量", "人次", "04", 50321, 180442],
        ["现场接待人数", "人次", "05", 240, 861],
        ["网上咨询数", "人次", "06", 96, 310],
        ["咨询电话接听数", "人次", "07", 133, 478],
        ["申请总数", "件", "08", 35, 120],
        ["其中：电子邮件申请数", "件", "09", 9, 28],
        ["否决公开答复总数", "件", "10", 4, 13],
        ["信息不存在", "件", "11", 2, 7],
        ["行政申诉数", "件", "12", 1, 1],
    ],
)
DINGXI_CASES = [
    ("legacy_early.proactive.items_total", 1210),
    ("legacy_early.proactive.fulltext_electronic", 1185),
    ("legacy_early.website.column_visits", 50321),
    ("legacy_early.consultation.on_site", 240),
    ("legacy_early.consultation.online", 96),
    ("legacy_early.consultation.phone", 133),
    ("legacy.applications.received_total", 35),
    ("legacy.applications.received_email", 9),
    ("legacy.applications.reply_refused_total", 4),
    ("legacy_early.admin_appeal.total", 1),
]


@pytest.fixture(scope="module")
def local():
    return process(LOCAL_PAGE, URL)


@pytest.fixture(scope="module")
def putian():
    return process(PUTIAN_PAGE, URL)


@pytest.fixture(scope="module")
def dingxi():
    return process(DINGXI_PAGE, URL)


def only(report, key: str, scope: str | None = None):
    found = [s for s in report.stats if s.key == key and (scope is None or s.scope == scope)]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("key", "scope", "expected"), LOCAL_CASES)
def test_local_form_column_is_a_scope(local, key, scope, expected):
    assert only(local, key, scope).value == expected


def test_local_form_unknown_row_kept_raw_per_column(local):
    raw = {(c.scope, c.column): c.value for c in local.raw_cells if c.label == "（二）主动公开行政执法信息"}
    assert raw == {
        (OWN_BODY, "区政府统计数"): "301",
        (DEPARTMENTS, "区直单位统计数"): "977",
        (TOWNSHIPS, "乡镇街道统计数"): "58",
        (REGION_TOTAL, "全区合计"): "1336",
    }


def test_local_form_column_label(local):
    assert only(local, "legacy.proactive.items_total", TOWNSHIPS).column_label == "乡镇街道统计数"


def test_local_form_era(local):
    assert local.era == "legacy"


def test_local_form_not_read_again_from_lines(local):
    assert not [s for s in local.stats if s.scope == UNKNOWN_SCOPE]


@pytest.mark.parametrize(("key", "expected"), PUTIAN_CASES)
def test_putian_this_year_column(putian, key, expected):
    assert only(putian, key).value == expected


def test_putian_cumulative_column_kept_raw(putian):
    raw = {c.label: c.value for c in putian.raw_cells if c.column == "历年累计"}
    assert raw["受理依申请公开信息总数"] == "240"


def test_putian_unknown_row_kept_raw(putian):
    raw = {c.column: c.value for c in putian.raw_cells if c.label == "其中：政府网站"}
    assert raw == {"2009年度": "2805", "历年累计": "8700"}


def test_putian_era(putian):
    assert putian.era == "legacy-early"


def test_putian_stats_carry_era(putian):
    assert {s.era for s in putian.stats if s.source == "table"} == {"legacy-early"}


@pytest.mark.parametrize(("key", "expected"), DINGXI_CASES)
def test_dingxi_this_period_column(dingxi, key, expected):
    assert only(dingxi, key).value == expected


def test_dingxi_scope_from_caption(dingxi):
    assert only(dingxi, "legacy_early.consultation.phone").scope == OWN_BODY


def test_dingxi_cumulative_column_kept_raw(dingxi):
    raw = {c.label: c.value for c in dingxi.raw_cells if c.column == "本年累计"}
    assert raw["网站专栏页面访问量"] == "180442"


def test_dingxi_code_column_is_not_a_figure(dingxi):
    assert not [c for c in dingxi.raw_cells if c.value == "03"]


def test_dingxi_unknown_row_kept_raw(dingxi):
    raw = {c.column: c.value for c in dingxi.raw_cells if c.label == "信息不存在"}
    assert raw == {"本期实际": "2", "本年累计": "7"}


def test_dingxi_unit_as_printed(dingxi):
    assert only(dingxi, "legacy_early.website.column_visits").unit == "人次"
