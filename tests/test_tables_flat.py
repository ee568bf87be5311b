"""Tables 二/三/四 flattened to one cell per line, or to a PDF's text layer, read cell for cell.

The flattened text is made from the same complete tables the grid tests use
(tests/helpers/table_builders.py: every cell distinct), with the <table> markup taken away
so each cell is a paragraph; and from pdfplumber's text of the three real PDFs,
whose figures must equal what the ruled-grid path reads from the same files.
"""

from __future__ import annotations

import re

import pytest

from extract.attachments import read_document, sniff
from extract.pipeline import process
from extract.tables import read_grids
from extract.tables.flat import flat_tables
from extract.tables.report import read_report_tables

from .helpers.paths import shared_file
from .helpers.table_builders import applications_html, proactive_html, report_page, review_html

TITLE = "洪泽县人民政府2021年政府信息公开工作年度报告"
URL = "http://127.0.0.1/flat.html"


def _unruled(page: str) -> str:
    """The page with its tables taken apart: every cell a paragraph, rows and tables gone."""
    page = re.sub(r"<td[^>]*>", "<p>", page).replace("</td>", "</p>")
    return re.sub(r"</?t(?:able|r)[^>]*>", "", page)


def _flat_page(era: str, blank: str | None = None) -> tuple[bytes, dict]:
    proactive, expected_2 = proactive_html(era)
    applications, expected_3 = applications_html(era)
    review, expected_4 = review_html()
    page = _unruled(report_page(TITLE, proactive, applications, review).decode())
    expected = {**expected_2, **expected_3, **expected_4}
    if blank is not None:  # one cell printed empty: an NBSP paragraph in its place
        page = page.replace(f"<p>{expected[blank]}</p>", "<p>&nbsp;</p>", 1)
        expected[blank] = None
    return page.encode(), expected


@pytest.fixture(scope="module", params=["v2019", "v2021"])
def flat_report(request):
    body, expected = _flat_page(request.param)
    return request.param, process(body, URL), expected


def _values(stats) -> dict:
    return {s.key: s.value for s in stats}


def test_page_has_no_table_markup(flat_report):
    era, _, _ = flat_report
    assert "<table" not in _flat_page(era)[0].decode()


def test_every_cell_read_as_the_grid_path_does(flat_report):
    _, report, expected = flat_report
    assert _values(report.stats) == expected


def test_cell_count(flat_report):
    era, report, _ = flat_report
    applications = [s for s in report.stats if s.key.startswith("applications.")]
    assert len(applications) == {"v2019": 161, "v2021": 175}[era]


def test_era_from_the_flattened_signature(flat_report):
    era, report, _ = flat_report
    assert report.era == era and {s.era for s in report.stats} == {era}


def test_nothing_left_unplaced(flat_report):
    _, report, _ = flat_report
    assert report.raw_cells == ()


def test_column_label_is_the_format_header(flat_report):
    _, report, _ = flat_report
    stat = next(s for s in report.stats if s.key == "applications.new_received.commercial_enterprise")
    assert stat.column_label == "申请人情况/法人或其他组织/商业企业"


def test_blank_cell_keeps_its_column():
    body, expected = _flat_page("v2021", blank="applications.results.granted.research_institution")
    stats = {s.key: s for s in process(body, URL).stats}
    assert stats["applications.results.granted.research_institution"].status == "blank"
    assert _values(stats.values()) == expected


def test_dropped_blank_cell_is_kept_raw_not_misplaced():
    lines = [
        "自然人",
        "一、本年新收政府信息公开申请数量",
        "5",
        "0",
        "0",
        "0",
        "0",
        "5",
        "四、结转下年度继续办理",
    ]
    tables = read_report_tables([], lines)
    assert not any(s.key.startswith("applications.new_received") for s in tables.stats)
    assert sorted(c.value for c in tables.raw_cells) == ["0", "0", "0", "0", "5", "5"]


def test_grid_tables_are_not_read_twice():
    proactive, expected = proactive_html("v2021")
    report = process(report_page(TITLE, proactive), URL)
    assert len([s for s in report.stats if s.key.startswith("proactive.")]) == len(expected)


REAL_PDFS = {
    "hzq2023": ("corpus", "real", "zxj6827111-blip__KIROGOVCOMPARE", "sample_pdfs_v1", "hzq2023_working.pdf"),
    "hzq2024": ("corpus", "real", "zxj6827111-blip__KIROGOVCOMPARE", "sample_pdfs_v1", "hzq2024_working.pdf"),
    "szfgs2024": ("corpus", "real", "zxj6827111-blip__govnianbao", "szfgs2024.pdf"),
}


@pytest.fixture(scope="module", params=sorted(REAL_PDFS))
def real_pdf(request):
    body = shared_file(*REAL_PDFS[request.param]).read_bytes()
    document = read_document(body, sniff(body))
    from_grids = read_report_tables(document.grids, document.lines)
    flat = flat_tables(document.lines)
    return from_grids, flat, read_grids(list(flat.grids))


@pytest.mark.shared
def test_pdf_text_gives_every_cell_of_the_ruled_grid(real_pdf):
    from_grids, _, from_text = real_pdf
    as_grid = {s.key: (s.value, s.status) for s in from_grids.stats}
    as_text = {s.key: (s.value, s.status) for s in from_text.stats}
    assert as_text == as_grid and len(as_text) >= 186


@pytest.mark.shared
def test_pdf_text_leaves_no_figure_unplaced(real_pdf):
    _, flat, from_text = real_pdf
    assert flat.raw_cells == () and from_text.raw_cells == ()


@pytest.mark.shared
def test_pdf_text_era(real_pdf):
    from_grids, _, from_text = real_pdf
    assert from_text.era == from_grids.era == "v2021"
