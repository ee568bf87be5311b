"""One transaction per saved page: a write that fails midway leaves nothing of that page and its
report behind (no `pages` row a re-crawl would skip as unchanged), and the next save writes it whole."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.store import Store
from crawler.store.incremental import page_validators

from .test_storage import URL, make_report

TABLES = ("pages", "reports", "report_versions", "sections", "stats", "spam_findings", "sites")


def _counts(path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}


@pytest.fixture
def failing_store(tmp_path):
    """A store whose next insert into `stats` fails, as a crash between a report and its figures would."""
    path = tmp_path / "reports.db"
    store = Store(path)
    store.db.execute(
        "create trigger fail_stats before insert on stats begin select raise(abort, 'disk gone'); end"
    )
    yield path, store
    store.close()


def test_a_failed_write_commits_nothing_of_the_page(failing_store):
    path, store = failing_store
    with pytest.raises(sqlite3.DatabaseError, match="disk gone"):
        store.save_page(make_report(), 200, "text/html", 100, "run1")
    assert _counts(path) == dict.fromkeys(TABLES, 0)


def test_a_failed_write_leaves_no_validators_to_skip_the_page(failing_store):
    path, store = failing_store
    with pytest.raises(sqlite3.DatabaseError):
        store.save_page(make_report(), 200, "text/html", 100, "run1")
    assert page_validators(store, "127.0.0.1:1") == {}


def test_the_next_save_writes_the_report_whole(failing_store):
    path, store = failing_store
    with pytest.raises(sqlite3.DatabaseError):
        store.save_page(make_report(), 200, "text/html", 100, "run1")
    store.db.execute("drop trigger fail_stats")
    store.save_page(make_report(), 200, "text/html", 100, "run2")
    assert _counts(path) == {
        "pages": 1,
        "reports": 1,
        "report_versions": 1,
        "sections": 1,
        "stats": 1,
        "spam_findings": 1,
        "sites": 1,
    }


def test_a_failed_new_version_keeps_the_old_one_whole(failing_store):
    path, store = failing_store
    store.db.execute("drop trigger fail_stats")
    store.save_page(make_report(), 200, "text/html", 100, "run1")
    before = _counts(path)
    store.db.execute(
        "create trigger fail_stats before insert on stats begin select raise(abort, 'disk gone'); end"
    )
    with pytest.raises(sqlite3.DatabaseError):
        store.save_page(make_report(text="一、概述\n新正文", sha="b" * 64), 200, "text/html", 100, "run2")
    assert _counts(path) == before
    row = store.db.execute("select sha256, run_id from pages where url = ?", [URL]).fetchone()
    assert row == ("a" * 64, "run1")
