"""Every table figure records its cell (Stat.cell_row, cell_column), so it can be cited and found again."""

from __future__ import annotations

import lxml.html
import pytest

from extract.pipeline import process
from extract.tables.grid import html_grids

from .helpers.paths import SAMPLE_PORTAL
from .helpers.table_builders import applications_html, proactive_html, report_page, review_html

URL = "http://127.0.0.1/report.html"
# A 2017 report of the sample portal: its 2008–2018 table is read from the page's text.
COLUMN = "http://sample-portal.localhost/xxgk/ndbg/201803/"
LEGACY_PAGE = "t20180322_1234401.html"
# A 2017 report that states its figures in sentences.
PROSE_PAGE = "t20180330_1234567.html"


def sample_report(name: str):
    page = SAMPLE_PORTAL / "xxgk" / "ndbg" / "201803" / name
    if not page.exists():
        pytest.skip(f"{page} is not available")
    return process(page.read_bytes(), COLUMN + name)


@pytest.fixture(scope="module", params=["v2019", "v2021"])
def tables_page(request):
    """A report with complete tables 二, 三 and 四 (spans as real pages print them), parsed once."""
    page = report_page(
        "洪泽县人民政府2021年政府信息公开工作年度报告",
        proactive_html(request.param)[0],
        applications_html(request.param)[0],
        review_html()[0],
    )
    return process(page, URL), html_grids(lxml.html.fromstring(page))


def test_every_grid_figure_names_the_cell_it_was_read_from(tables_page):
    report, grids = tables_page
    figures = [s for s in report.stats if s.source == "table"]
    assert len(figures) > 150
    for stat in figures:
        cell = grids[stat.table].rows[stat.cell_row][stat.cell_column]
        assert " ".join(cell.split()) == " ".join(stat.raw_value.split()), stat


def test_no_two_figures_of_a_table_share_a_cell(tables_page):
    report, _ = tables_page
    cells = [(s.table, s.cell_row, s.cell_column) for s in report.stats if s.source == "table"]
    assert len(cells) == len(set(cells))


def test_a_table_read_from_the_text_numbers_its_table_and_rows():
    figures = [s for s in sample_report(LEGACY_PAGE).stats if s.source == "table"]
    assert len(figures) > 20
    assert all(s.table is not None and s.cell_column == 0 for s in figures)
    rows = [s.cell_row for s in figures if s.table == figures[0].table]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)


def test_prose_figures_have_no_cell():
    prose = [s for s in sample_report(PROSE_PAGE).stats if s.source == "prose"]
    assert prose and all(s.cell_row is None and s.cell_column is None for s in prose)
