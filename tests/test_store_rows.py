"""The store's rows come from extract/'s dataclasses, and every column they fill is in the schema."""

from dataclasses import fields

import pytest

from crawler.store import Store
from crawler.store.rows import page_columns, record_row, report_columns
from crawler.store.schema import SCHEMA
from extract.model import RawCell, Report, Section, SpamFinding, SpamReport, Stat, ValidationFinding

FULL_REPORT = Report(
    url="http://www.example.gov.cn/xxgk/ndbg/t1.html",
    sha256="ab" * 32,
    encoding="gb18030",
    is_report=True,
    title="某市2021年政府信息公开工作年度报告",
    agency="某市人民政府",
    region="某省某市",
    year=2021,
    published_on="2022-01-20",
    index_number="000000-2022-00001",
    era="2021",
    script="simplified",
    text="正文",
    sections=(Section("一、总体情况", "正文"),),
    stats=(
        Stat(
            key="applications_received",
            value=12,
            scope="own_body",
            unit="件",
            raw_label="本年新收政府信息公开申请数量",
            raw_value="12",
            note="注",
            table=2,
            era="2021",
            unit_default="件",
            column_label="申请人情况|总计",
        ),
    ),
    raw_cells=(RawCell("其他", "3", scope="own_body", column="总计", table=2),),
    spam=SpamReport(
        tampered=True,
        score=0.9,
        findings=(SpamFinding("brand_swap", "某娱乐", "replaced", 0.8),),
        verdict="tampered_recovered",
        low_trust=True,
    ),
    validation=(
        ValidationFinding("table3_total", "hard", "own_body", 12.0, 11.0, "合计不符", "strict", "k"),
    ),
    errors=("metadata: no date",),
    division_code="110000",
    level="prefecture",
    document_number="某政办〔2022〕1号",
    flags=("published_outside_window",),
    quality=0.75,
)

# Columns the store fills itself, beside what the records give.
STORE_COLUMNS = {
    "reports": {"report_key", "first_seen", "updated_at", "gone_at"},
    "stats": {"report_key"},
    "sections": {"report_key", "position"},
    "raw_cells": {"report_key", "position"},
    "validation_findings": {"report_key", "position"},
    "spam_findings": {"report_key", "position", "url"},
}
ROWS = {
    "reports": report_columns(FULL_REPORT),
    "stats": record_row(FULL_REPORT.stats[0]),
    "sections": record_row(FULL_REPORT.sections[0]),
    "raw_cells": record_row(FULL_REPORT.raw_cells[0]),
    "validation_findings": record_row(FULL_REPORT.validation[0]),
    "spam_findings": record_row(FULL_REPORT.spam.findings[0]),
}


@pytest.mark.parametrize("table", sorted(ROWS))
def test_rows_fill_exactly_the_schema_columns(table):
    columns = set(SCHEMA[table][0])
    assert set(ROWS[table]) | STORE_COLUMNS[table] == columns


def test_page_columns_are_in_the_schema():
    assert set(page_columns(FULL_REPORT)) <= set(SCHEMA["pages"][0])


def test_every_report_field_has_a_home():
    stored = set(report_columns(FULL_REPORT)) | set(page_columns(FULL_REPORT))
    children = {"sections", "stats", "raw_cells", "validation", "spam"}
    homeless = [f.name for f in fields(Report) if f.name not in stored | children]
    assert homeless == ["errors"]  # joined into pages.error, read back below


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("rows") / "r.db")
    key = store.save_page(FULL_REPORT, 200, "text/html", 100, "run1")
    yield store, key
    store.close()


@pytest.mark.parametrize("table", ["stats", "sections", "raw_cells", "validation_findings"])
def test_a_saved_child_row_reads_back_as_its_record(stored, table):
    store, key = stored
    row = next(store.db[table].rows_where("report_key = ?", [key]))
    assert {k: row[k] for k in ROWS[table]} == ROWS[table]


def test_a_saved_report_reads_back_with_every_field(stored):
    store, key = stored
    row = store.db["reports"].get(key)
    assert {k: row[k] for k in ROWS["reports"]} == ROWS["reports"]


def test_the_page_row_keeps_the_errors(stored):
    store, _ = stored
    assert store.db["pages"].get(FULL_REPORT.url)["error"] == "metadata: no date"
