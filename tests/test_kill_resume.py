"""A crawl killed with SIGKILL and started again with the same --jobdir loses nothing: the
generated 300-report column is crawled once without a stop and once killed at several points
(each once the database holds so many pages), and both end with the same reports, versions,
sections and statistics, none of them marked gone, and one finished run."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest

from .helpers.crawl import open_db, run_crawl, start_jobdir_crawl
from .portals.generated import small_reports_portal
from .portals.server import Portal, serve_portal

REPORTS = 300
# The killed crawl is stopped with SIGKILL once the database holds this many pages (of about 380).
KILL_AT = (30, 90, 160, 230, 310)
# What a report is, without the times of the crawl that stored it.
COMPARED = {
    "reports": "report_key, url, title, agency, year, text, sha256, era",
    "report_versions": "report_key, sha256, url, title, text",
    "sections": "report_key, position, heading, text",
    "stats": "report_key, scope, key, value, unit, status, raw_label, raw_value",
}


def _pages(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from pages").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def _kill_at(url: str, db, jobdir, pages: int) -> int | None:
    """Crawl until the database holds `pages` pages, then SIGKILL; None if it finished first."""
    crawl = start_jobdir_crawl(url, db, jobdir)
    deadline = time.monotonic() + 60
    while _pages(db) < pages and crawl.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    if crawl.poll() is not None:
        crawl.communicate()
        return None
    crawl.send_signal(signal.SIGKILL)
    crawl.communicate(timeout=30)
    return _pages(db)


def _rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"select {COMPARED[table]} from {table} order by 1, 2, 3")]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kill")
    whole, killed, jobdir = folder / "whole.db", folder / "killed.db", folder / "job"
    with serve_portal(Portal(small_reports_portal(REPORTS))) as base:
        url = base + "/index.html"
        uninterrupted = run_crawl(url, whole)
        kills = [_kill_at(url, killed, jobdir, pages) for pages in KILL_AT]
        last = start_jobdir_crawl(url, killed, jobdir)
        last_out = last.communicate(timeout=120)
    conns = {"whole": open_db(whole), "killed": open_db(killed)}
    yield {"kills": kills, "codes": (uninterrupted.returncode, last.returncode), "out": last_out, **conns}
    for conn in conns.values():
        conn.close()


def test_every_kill_came_before_the_end(crawls):
    assert None not in crawls["kills"]
    assert crawls["kills"] == sorted(crawls["kills"])


def test_both_crawls_end_cleanly(crawls):
    assert crawls["codes"] == (0, 0), crawls["out"][1][-2000:]


def test_the_uninterrupted_crawl_finds_every_report(crawls):
    assert crawls["whole"].execute("select count(*) from reports").fetchone()[0] == REPORTS


@pytest.mark.parametrize("table", sorted(COMPARED))
def test_the_killed_crawl_ends_with_the_same_rows(crawls, table):
    assert _rows(crawls["killed"], table) == _rows(crawls["whole"], table)


def test_nothing_is_marked_gone(crawls):
    for table in ("reports", "pages"):
        assert (
            crawls["killed"].execute(f"select count(*) from {table} where gone_at is not null").fetchone()[0]
            == 0
        )


def test_every_report_page_is_stored_once(crawls):
    def reports(conn):
        return conn.execute("select count(*) from pages where is_report = 1").fetchone()[0]

    assert reports(crawls["killed"]) == reports(crawls["whole"])


def test_the_killed_crawl_is_one_finished_run(crawls):
    runs = crawls["killed"].execute("select status, pages_fetched, reports_stored from crawl_runs").fetchall()
    whole = crawls["whole"].execute("select status, pages_fetched, reports_stored from crawl_runs").fetchall()
    assert [tuple(r) for r in runs] == [tuple(r) for r in whole]
