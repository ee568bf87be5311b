"""`nianbao serve --immutable` serves a snapshot, and any file name is served as `reports`."""

import shutil
import sqlite3

import pytest

from .helpers.datasette import get_json, nianbao_serve


@pytest.fixture(scope="module")
def served(demo_database, tmp_path_factory):
    # Another name than reports.db, to check the metadata still applies.
    db = tmp_path_factory.mktemp("immutable") / "crawl-2024.db"
    shutil.copy(demo_database, db)
    with nianbao_serve(db, "--immutable") as base:
        yield base, db


def test_the_snapshot_is_opened_immutably(served):
    base, _ = served
    assert get_json(base + "/-/databases.json")[0]["is_mutable"] is False


def test_the_database_is_named_reports(served):
    base, _ = served
    assert [d["name"] for d in get_json(base + "/-/databases.json")] == ["reports"]


def test_rows_written_after_start_do_not_reach_the_snapshot(served):
    base, db = served
    with sqlite3.connect(db) as conn:
        conn.execute("insert into sites (host) values ('late.example')")
    data = get_json(base + "/reports/sites.json?_shape=array&_col=host")
    assert "late.example" not in [row["host"] for row in data]


def test_canned_queries_apply_to_the_snapshot(served):
    base, _ = served
    data = get_json(base + "/reports/search.json?_shape=array", q="抚顺")
    assert len(data) == 1
