"""The three real 2021-format PDF reports read cell for cell, and the official DOCX template.

Expected figures were transcribed from the PDFs and cross-checked: in every report
新收 + 上年结转 = （七）总计 + 结转下年度 per column, each table-三 row's 总计 is
the sum of its applicant cells, and table 四's groups add up, except where the
report itself prints otherwise (洪泽区 2023, 行政复议: 10 + 1 with 总计 0).
"""

from __future__ import annotations

import pytest

from extract.attachments import read_document, sniff
from extract.pipeline import process
from extract.tables.report import read_report_tables

from .helpers.paths import shared_file
from .helpers.table_builders import APPLICANTS

REAL = ("corpus", "real")
HZQ = (*REAL, "zxj6827111-blip__KIROGOVCOMPARE", "sample_pdfs_v1")
CITY = (*REAL, "zxj6827111-blip__govnianbao")

ROWS_SINGLE_OTHER = (
    "new_received carried_over results.granted results.partially_granted "
    + " ".join(
        f"results.withheld.{k}"
        for k in "state_secret prohibited_by_law security_stability third_party_rights "
        "internal_affairs process_info enforcement_files admin_query".split()
    )
    + " results.unavailable.not_held results.unavailable.needs_creation results.unavailable.still_unclear "
    + " ".join(
        f"results.not_processed.{k}"
        for k in "petition_complaint duplicate publication excessive confirm_or_reissue".split()
    )
).split()
ROWS_2019_SHAPE = [*ROWS_SINGLE_OTHER, "results.other_handling.total", "results.total", "carried_forward"]
ROWS_2021_SHAPE = [
    *ROWS_SINGLE_OTHER,
    "results.other_handling.no_correction",
    "results.other_handling.fee_unpaid",
    "results.other_handling.other",
    "results.total",
    "carried_forward",
]


def _only_natural(*values: int) -> list[list[int]]:
    """Rows where only 自然人 is filled: [n, 0, 0, 0, 0, 0, n]."""
    return [[v, 0, 0, 0, 0, 0, v] for v in values]


REPORTS = {
    "hzq2023": {
        "path": (*HZQ, "hzq2023_working.pdf"),
        "proactive": {
            "regulations.issued": 0,
            "regulations.repealed": 0,
            "regulations.in_force": 0,
            "normative_docs.issued": 0,
            "normative_docs.repealed": 5,
            "normative_docs.in_force": 5,
            "licensing.decisions": 550,
            "penalty.decisions": 4119,
            "coercion.decisions": 195,
            "admin_fees.amount": 7730.28,
        },
        "rows": ROWS_2019_SHAPE,
        "applications": _only_natural(21, 0, 0, 4, 1, 0, 0, 0, 0, 1, 1, 0, 10, 3, 0, 1, 0, 0, 0, 0, 0, 21, 0),
        "review": [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0],
    },
    "hzq2024": {
        "path": (*HZQ, "hzq2024_working.pdf"),
        "proactive": {
            "regulations.issued": 0,
            "regulations.repealed": 0,
            "regulations.in_force": 0,
            "normative_docs.issued": 3,
            "normative_docs.repealed": 0,
            "normative_docs.in_force": 8,
            "licensing.decisions": 9487,
            "penalty.decisions": 2776,
            "coercion.decisions": 84,
            "admin_fees.amount": 7545,
        },
        "rows": ROWS_2019_SHAPE,
        "applications": _only_natural(
            95, 0, 50, 9, 0, 0, 1, 0, 0, 1, 1, 0, 31, 1, 0, 1, 0, 0, 0, 0, 0, 95, 0
        ),
        "review": [1, 1, 0, 0, 2, 1, 0, 0, 0, 1, 2, 0, 1, 0, 3],
    },
    "szfgs2024": {
        "path": (*CITY, "szfgs2024.pdf"),
        "proactive": {
            "regulations.issued": 1,
            "regulations.repealed": 0,
            "regulations.in_force": 11,
            "normative_docs.issued": 8,
            "normative_docs.repealed": 26,
            "normative_docs.in_force": 66,
            "licensing.decisions": 447228,
            "penalty.decisions": 3985758,
            "coercion.decisions": 88283,
            "admin_fees.amount": 96171.6,
        },
        "rows": ROWS_2021_SHAPE,
        "applications": [
            [3001, 53, 0, 0, 61, 4, 3119],
            [34, 0, 0, 0, 0, 0, 34],
            [1288, 21, 0, 0, 50, 3, 1362],
            [447, 7, 0, 0, 0, 0, 454],
            [2, 0, 0, 0, 0, 0, 2],
            [30, 1, 0, 0, 0, 0, 31],
            [5, 0, 0, 0, 0, 0, 5],
            [6, 0, 0, 0, 0, 0, 6],
            [7, 1, 0, 0, 0, 0, 8],
            [12, 0, 0, 0, 0, 0, 12],
            [9, 0, 0, 0, 0, 0, 9],
            [105, 0, 0, 0, 0, 0, 105],
            [746, 12, 0, 0, 10, 1, 769],
            [11, 0, 0, 0, 0, 0, 11],
            [1, 0, 0, 0, 0, 0, 1],
            [56, 6, 0, 0, 0, 0, 62],
            [25, 0, 0, 0, 0, 0, 25],
            [0, 0, 0, 0, 0, 0, 0],
            [0, 0, 0, 0, 0, 0, 0],
            [1, 0, 0, 0, 0, 0, 1],
            [67, 3, 0, 0, 1, 0, 71],
            [6, 0, 0, 0, 0, 0, 6],
            [108, 2, 0, 0, 0, 0, 110],
            [2932, 53, 0, 0, 61, 4, 3050],
            [103, 0, 0, 0, 0, 0, 103],
        ],
        "review": [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20],
    },
}
REVIEW_KEYS = [
    f"review_litigation.{p}.{o}"
    for p in ("admin_review", "litigation_direct", "litigation_after_review")
    for o in ("upheld", "corrected", "other", "pending", "total")
]


def expected_cells(name: str) -> dict[str, float]:
    report = REPORTS[name]
    cells = {f"proactive.{k}": v for k, v in report["proactive"].items()}
    for row, values in zip(report["rows"], report["applications"], strict=True):
        for (applicant, _), value in zip(APPLICANTS, values, strict=True):
            cells[f"applications.{row}.{applicant}"] = value
    cells.update(zip(REVIEW_KEYS, report["review"], strict=True))
    return cells


@pytest.fixture(scope="module", params=sorted(REPORTS))
def parsed(request):
    path = shared_file(*REPORTS[request.param]["path"])
    report = process(path.read_bytes(), f"https://example.gov.cn/{path.name}")
    return request.param, report


def test_expected_figures_are_consistent():
    """The transcription itself obeys the table's own 勾稽 note where the print does."""
    for name in REPORTS:
        rows = dict(zip(REPORTS[name]["rows"], REPORTS[name]["applications"], strict=True))
        for c in range(7):
            assert (
                rows["new_received"][c] + rows["carried_over"][c]
                == rows["results.total"][c] + rows["carried_forward"][c]
            )
        for values in REPORTS[name]["applications"]:
            assert sum(values[:6]) == values[6]


@pytest.mark.shared
def test_every_cell_exact(parsed):
    name, report = parsed
    got = {stat.key: stat.value for stat in report.stats}
    assert got == expected_cells(name)


@pytest.mark.shared
def test_cell_counts(parsed):
    name, report = parsed
    by_table = {}
    for stat in report.stats:
        by_table[stat.key.split(".")[0]] = by_table.get(stat.key.split(".")[0], 0) + 1
    assert by_table == {
        "proactive": 10,
        "applications": 7 * len(REPORTS[name]["rows"]),
        "review_litigation": 15,
    }


@pytest.mark.shared
def test_nothing_left_unmapped(parsed):
    _, report = parsed
    assert report.raw_cells == ()


@pytest.mark.shared
def test_report_era_from_signature(parsed):
    _, report = parsed
    assert report.era == "v2021"


@pytest.mark.shared
def test_fee_amount_in_wan_yuan(parsed):
    _, report = parsed
    fee = next(s for s in report.stats if s.key == "proactive.admin_fees.amount")
    assert (fee.unit, fee.unit_default) == ("万元", "万元")


@pytest.mark.shared
def test_title_read_from_pdf(parsed):
    _, report = parsed
    assert report.is_report and "政府信息公开工作年度报告" in report.title


@pytest.fixture(scope="module")
def template_bytes():
    return shared_file(*CITY, "政务公开年报模版.docx").read_bytes()


@pytest.fixture(scope="module")
def template(template_bytes):
    """The template is a form, not a report, so its tables are read at the table stage."""
    document = read_document(template_bytes, sniff(template_bytes))
    return read_report_tables(document.grids, document.lines)


@pytest.mark.shared
def test_template_is_not_taken_for_a_report(template_bytes):
    assert process(template_bytes, "https://example.gov.cn/template.docx").is_report is False


@pytest.mark.shared
def test_template_labels_map_to_every_v2021_key(template):
    keys = {stat.key for stat in template.stats}
    expected = set(expected_cells("szfgs2024"))
    assert keys == expected


@pytest.mark.shared
def test_template_cells_all_blank(template):
    assert {(stat.status, stat.value) for stat in template.stats} == {("blank", None)}


@pytest.mark.shared
def test_template_era(template):
    assert template.era == "v2021"
