"""Complete 2019 and 2021 tables in every layout they arrive in, read back cell for cell.

The tables are built from the spec's row and column lists (tests/helpers/table_builders.py)
with rowspan/colspan as real pages print them and a distinct value in every
cell, so a cell read under the wrong key cannot go unnoticed.
"""

from __future__ import annotations

import io

import pytest

from extract.pipeline import process

from .helpers.table_builders import (
    APPLICANTS,
    application_rows,
    applications_html,
    proactive_html,
    report_page,
    review_html,
)

TITLE = "洪泽县人民政府2021年政府信息公开工作年度报告"
URL = "http://127.0.0.1/report.html"


def _complete(era: str):
    proactive, expected_2 = proactive_html(era)
    applications, expected_3 = applications_html(era)
    review, expected_4 = review_html()
    report = process(report_page(TITLE, proactive, applications, review), URL)
    return report, expected_2, expected_3, expected_4


@pytest.fixture(scope="module", params=["v2019", "v2021"])
def complete(request):
    return request.param, *_complete(request.param)


def _values(report, prefix: str) -> dict:
    return {s.key: s.value for s in report.stats if s.key.startswith(prefix)}


def test_table_three_every_cell(complete):
    era, report, _, expected, _ = complete
    assert _values(report, "applications.") == expected
    assert len(expected) == {"v2019": 161, "v2021": 175}[era]


def test_table_four_all_fifteen(complete):
    _, report, _, _, expected = complete
    assert _values(report, "review_litigation.") == expected and len(expected) == 15


def test_table_two_every_row(complete):
    _, report, expected, _, _ = complete
    assert _values(report, "proactive.") == expected


def test_signed_change_keeps_its_sign():
    report = _complete("v2019")[0]  # only the 2019 format prints 本年增/减
    change = next(s for s in report.stats if s.key == "proactive.other_admin_services.change")
    assert (change.value, change.raw_value) == (-31, "-31")


def test_era_from_signature(complete):
    era, report, *_ = complete
    assert report.era == era and {s.era for s in report.stats} == {era}


def test_no_raw_cells(complete):
    _, report, *_ = complete
    assert report.raw_cells == ()


def test_tables_numbered_in_order(complete):
    _, report, *_ = complete
    tables = {s.key.split(".")[0]: s.table for s in report.stats}
    assert tables == {"proactive": 0, "applications": 1, "review_litigation": 2}


def test_default_units_from_indicators(complete):
    _, report, *_ = complete
    units = {s.key: s.unit_default for s in report.stats}
    assert units["applications.new_received.total"] == "件"
    assert units["review_litigation.admin_review.total"] == "件"


def test_column_label_is_the_header_path(complete):
    _, report, *_ = complete
    stat = next(s for s in report.stats if s.key == "applications.new_received.commercial_enterprise")
    assert stat.column_label == "申请人情况/法人或其他组织/商业企业"


def test_split_table_with_repeated_header():
    first, expected_first = applications_html("v2021", rows=slice(0, 14))
    rest, expected_rest = applications_html("v2021", rows=slice(14, None))
    report = process(report_page(TITLE, "", first + "<p>（续表）</p>" + rest), URL)
    assert _values(report, "applications.") == {**expected_first, **expected_rest}
    assert {s.table for s in report.stats} == {0}


_OUTCOMES = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
PIPE_PAGE = f"""
<p>| {" | ".join(["行政复议"] * 5 + ["行政诉讼"] * 10)} |</p>
<p>| {_OUTCOMES} | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |</p>
<p>| | | | | | {_OUTCOMES} | {_OUTCOMES} |</p>
<p>| 1 | 2 | 3 | 4 | 10 | 5 | 6 | 7 | 8 | 26 | 9 | 11 | 12 | 13 | 45 |</p>
<p>二、主动公开政府信息情况</p>
<p>| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |</p>
<p>|---|---|---|---|</p>
<p>| 规章 | 0 | 1 | 5 |</p>
<p>| 行政规范性文件 | +3 | 2 | 40 |</p>
"""


@pytest.fixture(scope="module")
def pipe_report():
    return process(report_page(TITLE, PIPE_PAGE), URL)


def test_pipe_table_four(pipe_report):
    got = _values(pipe_report, "review_litigation.")
    assert list(got.values()) == [1, 2, 3, 4, 10, 5, 6, 7, 8, 26, 9, 11, 12, 13, 45]
    assert got["review_litigation.litigation_direct.total"] == 26


def test_pipe_table_two(pipe_report):
    assert _values(pipe_report, "proactive.") == {
        "proactive.regulations.issued": 0,
        "proactive.regulations.repealed": 1,
        "proactive.regulations.in_force": 5,
        "proactive.normative_docs.issued": 3,
        "proactive.normative_docs.repealed": 2,
        "proactive.normative_docs.in_force": 40,
    }


def _xlsx_bytes() -> tuple[bytes, dict]:
    """Table 三 (2021) as a spreadsheet with merged cells, built with openpyxl."""
    openpyxl = pytest.importorskip("openpyxl")

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "收到和处理政府信息公开申请情况"
    sheet.append(["洪泽县人民政府2021年政府信息公开工作年度报告"])
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    sheet.append([note, None, None, "申请人情况"])
    sheet.append([None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"])
    sheet.append([None, None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    sheet.merge_cells("A2:C4")
    sheet.merge_cells("D2:J2")
    sheet.merge_cells("D3:D4")
    sheet.merge_cells("E3:I3")
    sheet.merge_cells("J3:J4")
    expected = {}
    for r, (block, group, item, key) in enumerate(application_rows("v2021")):
        values = [3000 + r * 7 + c for c in range(7)]
        sheet.append([block, group, item, *values])
        for (applicant, _), value in zip(APPLICANTS, values, strict=True):
            expected[f"applications.{key}.{applicant}"] = value
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), expected


def test_xlsx_table_read_through_the_same_mapping():
    body, expected = _xlsx_bytes()
    report = process(body, "http://127.0.0.1/download/report.bin")
    from extract.attachments import read_document, sniff
    from extract.tables.report import read_report_tables

    document = read_document(body, sniff(body))
    tables = read_report_tables(document.grids, document.lines)
    assert {s.key: s.value for s in tables.stats} == expected
    assert report.errors == ()


def test_comment_before_a_table_costs_no_figures():
    """CMS templates mark their blocks with HTML comments; one right before a table is not its caption."""
    proactive, expected = proactive_html("v2021")
    report = process(report_page(TITLE, "<!-- 表格开始 -->" + proactive), URL)
    assert not report.errors
    assert {s.key for s in report.stats} >= set(expected)
