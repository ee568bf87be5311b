"""Table 三 printed on its side (spec §10): applicant types as rows, results as columns.

The complete 2021 table of tests/helpers/table_builders.py, transposed cell for cell (rowspan
and colspan swapped), must read back to the same `applications.*` keys as upright.
"""

from __future__ import annotations

import pytest

from extract.pipeline import process
from extract.tables.grid import Grid
from extract.tables.transposed import is_transposed

from .helpers.table_builders import applications_html, report_page, transpose_html

TITLE = "洪泽县人民政府2021年政府信息公开工作年度报告"
URL = "http://127.0.0.1/transposed.html"


@pytest.fixture(scope="module")
def transposed():
    upright, expected = applications_html("v2021")
    return process(report_page(TITLE, "", transpose_html(upright)), URL), expected


def test_every_cell_read_under_its_key(transposed):
    report, expected = transposed
    got = {s.key: s.value for s in report.stats if s.key.startswith("applications.")}
    assert got == expected


def test_era_from_signature(transposed):
    report, _ = transposed
    assert report.era == "v2021"


def test_no_raw_cells(transposed):
    report, _ = transposed
    assert report.raw_cells == ()


def test_column_label_is_the_applicant_path(transposed):
    report, _ = transposed
    stat = next(s for s in report.stats if s.key == "applications.new_received.commercial_enterprise")
    assert stat.column_label == "申请人情况/法人或其他组织/商业企业"


def test_upright_header_row_is_not_transposed():
    # Label column one cell wide: 自然人 sits in column 1 of the header, but its row has no figures.
    header = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    body = ["一、本年新收政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"]
    assert not is_transposed(Grid(rows=[header, body]))
