"""Property-based tests: whatever bytes arrive, extraction returns a Report (possibly with errors)
and never raises. Bounded (200 examples, no deadline) so the suite stays fast; hypothesis keeps
failing examples in its database and replays them first."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import Report, process
from extract.decode import decode_html
from extract.labels import normalise_label
from extract.legacy_table import parse_legacy_tables
from extract.tables import Grid, pipe_grids, read_grids
from extract.tables.flat import flat_tables
from extract.tables.legacy_columns import read_legacy_columns

BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the table readers and the indicator lexicon look for, and the shapes figures come in.
LABELS = [
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "三、本年度办理结果",
    "（一）予以公开",
    "（二）部分公开",
    "（三）不予公开",
    "1.属于国家秘密",
    "其中：",
    "四、结转下年度继续办理",
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "制发件数",
    "废止件数",
    "现行有效件数",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
    "政府信息公开工作年度报告",
    "收到申请",
    "件",
    "条",
    "万元",
    "合计",
    "单位：件",
    "2019年",
    "2021年度",
    "申请人情况",
    "指标名称",
    "计量单位",
    "本期实际",
    "历年累计",
    "区政府统计数",
    "乡镇街道统计数",
    "全区",
    "本级",
]
FIGURES = [
    "0",
    "1",
    "12",
    "305",
    "-",
    "—",
    "/",
    "",
    "１２",
    "3.5万",
    "1,204",
    "99%",
    "三件",
    "-7",
    "1e9",
    "NaN",
]
CELLS = st.sampled_from(LABELS + FIGURES) | st.text(max_size=12)
MARKUP = [
    "<table>",
    "</table>",
    "<tr>",
    "</tr>",
    "<td>",
    "</td>",
    '<td rowspan="3">',
    '<td colspan="0">',
    '<td colspan="9999">',
    '<td rowspan="-2">',
    "<th>",
    "<p>",
    "</p>",
    "<br>",
    "<div>",
    "</div>",
    '<div style="display:none">',
    "<title>",
    "</title>",
    '<meta charset="gbk">',
    "<!-- x -->",
    "|",
    "\n",
    "<script>document.write('x')</script>",
    '<a href="http://casino.example/">',
    "</a>",
    "&nbsp;",
    "<",
]
PAGE_PIECES = st.sampled_from(LABELS + FIGURES + MARKUP)
CONTENT_TYPES = st.sampled_from(
    [None, "text/html", "text/html; charset=gb2312", "text/html; charset=utf-16", "text/html; charset=nonsense",
     "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]
)  # fmt: skip
ENCODINGS = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])
URLS = st.sampled_from(
    ["http://x.gov.cn/ndbg/t20200101_1.html", "http://x.gov.cn/a.pdf", "http://x.gov.cn/f/b.xlsx",
     "http://x.gov.cn/c.docx", "http://x.gov.cn/"]
)  # fmt: skip
GRIDS = st.lists(
    st.lists(st.lists(CELLS, min_size=0, max_size=8), min_size=0, max_size=12).map(
        lambda rows: Grid(rows=rows)
    ),
    max_size=3,
)


def _headers(content_type: str | None) -> dict[str, str] | None:
    return {"Content-Type": content_type} if content_type else None


@BOUNDED
@given(body=st.binary(max_size=2048), content_type=CONTENT_TYPES, url=URLS)
def test_any_bytes_give_a_report(body, content_type, url):
    assert isinstance(process(body, url, _headers(content_type)), Report)


@BOUNDED
@given(pieces=st.lists(PAGE_PIECES, max_size=120), encoding=ENCODINGS, content_type=CONTENT_TYPES, url=URLS)
def test_any_page_of_report_words_gives_a_report(pieces, encoding, content_type, url):
    body = "".join(pieces).encode(encoding, errors="replace")
    report = process(body, url, _headers(content_type))
    assert isinstance(report, Report) and len(report.sha256) == 64


@BOUNDED
@given(body=st.binary(max_size=4096), content_type=st.none() | st.text(max_size=40))
def test_any_bytes_decode_to_text(body, content_type):
    decoded = decode_html(body, content_type)
    assert isinstance(decoded.text, str) and decoded.encoding


@BOUNDED
@given(grids=GRIDS)
@example(grids=[Grid(rows=[["自然人", "总计"]])])
@example(grids=[Grid(rows=[[], ["自然人", "自然人"]])])
@example(grids=[Grid(rows=[["指标名称"], ["自然人", "自然人"]])])
def test_any_grid_maps_to_indicators_or_raw_cells(grids):
    tables = read_grids(grids)
    assert all(stat.key for stat in tables.stats)
    read_legacy_columns(grids)


@BOUNDED
@given(lines=st.lists(CELLS | st.sampled_from(["本年度收到申请 | 12 | 件", "| 予以公开 | 3 |"]), max_size=60))
def test_any_lines_read_as_flat_or_legacy_tables(lines):
    flat_tables(lines)
    pipe_grids(lines)
    parse_legacy_tables(lines)


@BOUNDED
@given(raw=st.text(max_size=40) | st.sampled_from(LABELS))
def test_any_label_normalises(raw):
    label = normalise_label(raw)
    assert isinstance(label.text, str) and label.raw == raw.strip()


# Found by hypothesis: a table 三 narrower than the standard columns it is read with, and a grid
# with ragged rows, raised IndexError from read_grids.
def test_a_table_three_narrower_than_the_standard_columns_is_read():
    assert read_grids([Grid(rows=[["自然人", "总计"]])]).stats == ()


def test_a_grid_with_ragged_rows_is_read():
    assert read_grids([Grid(rows=[["a"], ["自然人", "自然人"]])]).stats == ()


# Found by hypothesis: a ragged grid whose first row names the label column raised IndexError
# from the multi-column legacy form reader.
def test_a_ragged_grid_under_a_label_header_is_read_as_a_legacy_form():
    assert read_legacy_columns([Grid(rows=[["指标名称"], ["自然人", "自然人"]])]).stats == []
