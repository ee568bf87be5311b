"""Several connections write one database at once: a registry crawl's writer, each site's monitors
(which open a store of their own when the site closes), other processes. Opening a current database
changes nothing under the others, and a store's transaction holds the write lock from its start, so
a commit elsewhere between its reads and its writes cannot fail it."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.store import Store


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "reports.db"
    Store(path).close()
    return path


def _pragma(conn: sqlite3.Connection, name: str) -> int:
    return conn.execute(f"PRAGMA {name}").fetchone()[0]


def test_opening_a_current_database_commits_nothing(path):
    other = sqlite3.connect(path)
    before = _pragma(other, "data_version")
    Store(path).close()
    assert _pragma(other, "data_version") == before


def test_opening_a_current_database_keeps_its_schema(path):
    other = sqlite3.connect(path)
    before = _pragma(other, "schema_version")
    Store(path).close()
    assert _pragma(other, "schema_version") == before


def test_a_dropped_view_is_made_again(path):
    with sqlite3.connect(path) as conn:
        conn.execute("drop view report_coverage")
    Store(path).close()
    with sqlite3.connect(path) as conn:
        assert (
            conn.execute("select count(*) from sqlite_master where name = 'report_coverage'").fetchone()[0]
            == 1
        )


def test_a_dropped_index_is_made_again(path):
    with sqlite3.connect(path) as conn:
        conn.execute("drop index idx_pages_host")
    Store(path).close()
    assert "idx_pages_host" in {index.name for index in Store(path).db["pages"].indexes}


def test_a_missing_column_is_added(path):
    with sqlite3.connect(path) as conn:
        conn.execute("alter table crawl_runs drop column site_name")
    Store(path).close()
    assert "site_name" in Store(path).db["crawl_runs"].columns_dict


def test_a_commit_elsewhere_between_reads_and_writes_does_not_fail_a_transaction(path):
    store = Store(path)
    other = sqlite3.connect(path, timeout=0.1)
    with store.transaction():
        store.db.execute("select count(*) from pages").fetchone()
        try:
            other.execute("insert into sites (host) values ('elsewhere')")
            other.commit()
        except sqlite3.OperationalError:
            pass  # it waits for the store's write lock: what keeps the store's snapshot current
        store.db.execute("update pages set gone_at = 'now'")
    store.close()
