"""The reads a crawl makes for every stored report find their rows by an index, so a crawl's store
time grows with its reports, not with their square; a database made before an index gains it."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.store import Store
from crawler.store.across_years import check_adjacent_years
from extract.model import Report

AGENCY = "洪泽区人民政府"


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "reports.db")
    yield store
    store.close()


def _queries_of_reports(store: Store, report: Report) -> list[str]:
    """The statements reading `reports` that storing a report's cross-year checks runs."""
    seen: list[str] = []
    store.db.conn.set_trace_callback(seen.append)
    try:
        check_adjacent_years(store.db, report, "k2024")
    finally:
        store.db.conn.set_trace_callback(None)
    return [sql for sql in seen if sql.lstrip().lower().startswith("select") and " reports " in f"{sql} "]


def _plan(store: Store, sql: str) -> str:
    params = [AGENCY, 2023] if sql.count("?") == 2 else [None] * sql.count("?")
    return " / ".join(row[-1] for row in store.db.execute(f"explain query plan {sql}", params))


def test_the_years_beside_a_report_are_found_by_an_index(store):
    report = Report(url="http://127.0.0.1:1/2024.html", sha256="0" * 64, agency=AGENCY, year=2024)
    queries = _queries_of_reports(store, report)
    assert queries
    plans = [_plan(store, sql) for sql in queries]
    assert all("USING INDEX idx_reports_agency_year" in plan for plan in plans), plans


def test_a_database_made_before_the_index_gains_it(tmp_path):
    path = tmp_path / "reports.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop index idx_reports_agency_year")
    Store(path).close()
    with sqlite3.connect(path) as conn:
        names = {name for (name,) in conn.execute("select name from sqlite_master where type = 'index'")}
    assert "idx_reports_agency_year" in names
