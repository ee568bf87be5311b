"""The store's own inserts, upserts and updates (crawler/store/table_writes.py) store what
sqlite-utils' `insert_all`, `upsert` and `update` stored: the same values, an upsert that keeps
the columns it was not given, an update of a missing row refused, a column the table lacks added
under `alter`, a write outside a transaction committed."""

from __future__ import annotations

import datetime
import decimal
import json
import sqlite3

import pytest
from sqlite_utils.db import NotFoundError, PrimaryKeyRequired

from crawler.store import Store

URL = "http://127.0.0.1:1/a.html"
# One of each kind of value a row may hold; sqlite-utils turns the last five into text.
VALUES = {
    "text": "年度报告",
    "whole": 7,
    "fraction": 0.5,
    "nothing": None,
    "flag": True,
    "mapping": {"页": "一", "n": [1, 2]},
    "listed": ["甲", 2],
    "pair": ("a", 1),
    "day": datetime.date(2024, 5, 1),
    "amount": decimal.Decimal("1.5"),
}


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "ours.db")
    yield store
    store.close()


@pytest.fixture
def reference(tmp_path):
    """A store written by sqlite-utils, to compare with."""
    store = Store(tmp_path / "reference.db")
    yield store
    store.close()


def _row(store: Store, table: str, where: str, params: list) -> dict:
    cursor = store.db.execute(f"select * from {table} where {where}", params)
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _link(**columns) -> dict:
    return {"page": URL, "position": 0, "url": URL, "priority": 1, "meta": "{}", **columns}


def test_every_kind_of_value_is_stored_as_sqlite_utils_stores_it(store, reference):
    record = _link(**VALUES)
    store.rows.insert("page_links", [record], alter=True)
    reference.db["page_links"].insert_all([record], alter=True)
    assert _row(store, "page_links", "page = ?", [URL]) == _row(reference, "page_links", "page = ?", [URL])


def test_json_values_read_back_equal(store):
    store.rows.insert("page_links", [_link(mapping=VALUES["mapping"])], alter=True)
    assert json.loads(_row(store, "page_links", "page = ?", [URL])["mapping"]) == VALUES["mapping"]


def test_a_column_the_table_lacks_is_added_with_its_type(store, reference):
    store.rows.insert("page_links", [_link(score=0.25)], alter=True)
    reference.db["page_links"].insert_all([_link(score=0.25)], alter=True)
    assert store.db["page_links"].columns_dict["score"] is float
    assert store.db["page_links"].columns_dict == reference.db["page_links"].columns_dict


def test_the_row_bringing_a_new_column_is_stored_with_it(store):
    store.rows.insert("page_links", [_link(score=0.25)], alter=True)
    assert _row(store, "page_links", "page = ?", [URL])["score"] == 0.25


def test_a_column_the_table_lacks_fails_without_alter(store):
    with pytest.raises(sqlite3.OperationalError, match="no column named score"):
        store.rows.insert("page_links", [_link(score=0.25)])


def test_rows_naming_different_columns_are_all_stored(store):
    rows = [_link(), _link(position=1, text="第二"), {**_link(position=2), "attachment": 1}]
    store.rows.insert("page_links", rows)
    stored = store.db.execute("select position, text, attachment from page_links order by position")
    assert stored.fetchall() == [(0, None, None), (1, "第二", None), (2, None, 1)]


def test_an_upsert_leaves_columns_it_was_not_given_unchanged(store):
    store.rows.upsert("sites", {"host": "a.gov.cn", "base_url": "http://a.gov.cn/", "first_seen": "2024"})
    store.rows.upsert("sites", {"host": "a.gov.cn", "last_crawled": "2025"})
    assert _row(store, "sites", "host = ?", ["a.gov.cn"]) == {
        "host": "a.gov.cn",
        "base_url": "http://a.gov.cn/",
        "first_seen": "2024",
        "last_crawled": "2025",
    }


def test_an_upsert_replaces_the_columns_it_was_given(store):
    store.rows.upsert("sites", {"host": "a.gov.cn", "base_url": "http://a.gov.cn/", "first_seen": "2024"})
    store.rows.upsert("sites", {"host": "a.gov.cn", "base_url": None})
    assert _row(store, "sites", "host = ?", ["a.gov.cn"])["base_url"] is None


def test_an_upsert_on_a_compound_key_keeps_one_row_per_key(store):
    version = {"report_key": "k", "sha256": "s", "extractor_version": 1, "title": "一"}
    store.rows.upsert("report_versions", version)
    store.rows.upsert("report_versions", {**version, "title": "二"})
    store.rows.upsert("report_versions", {**version, "extractor_version": 2})
    titles = store.db.execute("select extractor_version, title from report_versions order by 1").fetchall()
    assert titles == [(1, "二"), (2, "一")]


def test_an_upsert_of_only_the_key_leaves_the_row(store):
    store.rows.upsert("sites", {"host": "a.gov.cn", "first_seen": "2024"})
    store.rows.upsert("sites", {"host": "a.gov.cn"})
    assert _row(store, "sites", "host = ?", ["a.gov.cn"])["first_seen"] == "2024"


def test_an_upsert_without_its_key_is_refused(store):
    with pytest.raises(PrimaryKeyRequired):
        store.rows.upsert("sites", {"host": None, "first_seen": "2024"})


def test_replace_overwrites_the_row_with_the_same_key(store):
    stat = {"report_key": "k", "scope": "s", "key": "x", "value": 1.0, "unit": "件"}
    store.rows.insert("stats", [stat])
    store.rows.insert("stats", [{**stat, "value": 2.0}], replace=True)
    assert store.db.execute("select value, unit from stats").fetchall() == [(2.0, "件")]


def test_ignore_keeps_the_row_with_the_same_key(store):
    store.rows.insert("sites", [{"host": "a.gov.cn", "first_seen": "2024"}])
    store.rows.insert("sites", [{"host": "a.gov.cn", "first_seen": "2025"}], ignore=True)
    assert store.db.execute("select first_seen from sites").fetchall() == [("2024",)]


def test_a_write_outside_a_transaction_is_committed(store):
    store.rows.upsert("sites", {"host": "a.gov.cn", "first_seen": "2024"})
    assert not store.db.conn.in_transaction
    with sqlite3.connect(store.path) as other:
        assert other.execute("select host from sites").fetchall() == [("a.gov.cn",)]


def test_an_update_changes_only_the_columns_it_names(store):
    store.rows.upsert("sites", {"host": "a.gov.cn", "base_url": "http://a.gov.cn/", "first_seen": "2024"})
    store.rows.update("sites", "a.gov.cn", {"first_seen": "2023"})
    assert _row(store, "sites", "host = ?", ["a.gov.cn"]) == {
        "host": "a.gov.cn",
        "base_url": "http://a.gov.cn/",
        "first_seen": "2023",
        "last_crawled": None,
    }


def test_an_update_of_a_compound_key_changes_that_row_only(store):
    store.rows.insert("sections", [{"report_key": "k", "position": p, "heading": "一"} for p in (0, 1)])
    store.rows.update("sections", ("k", 1), {"heading": "二"})
    assert store.db.execute("select heading from sections order by position").fetchall() == [("一",), ("二",)]


def test_an_update_of_a_missing_row_is_refused_and_writes_nothing(store):
    with pytest.raises(NotFoundError):
        store.rows.update("sites", "a.gov.cn", {"first_seen": "2023"})
    with pytest.raises(NotFoundError):
        store.rows.update("sites", "a.gov.cn", {})
    assert store.db.execute("select count(*) from sites").fetchone()[0] == 0


def test_an_update_stores_values_as_sqlite_utils_does(store, reference):
    for db in (store, reference):
        db.rows.insert("page_links", [_link()])
    store.rows.update("page_links", (URL, 0), {"meta": VALUES["mapping"]})
    reference.db["page_links"].update((URL, 0), {"meta": VALUES["mapping"]})
    assert _row(store, "page_links", "page = ?", [URL]) == _row(reference, "page_links", "page = ?", [URL])
