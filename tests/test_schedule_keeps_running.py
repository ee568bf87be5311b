"""`nianbao schedule` without --once, run as a user runs it and stopped with SIGTERM: it crawls the
due sites once each, then sleeps (waking every second here) without starting them again."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.crawl import start_schedule
from .helpers.paths import REPO

COUNTY_SITE = REPO / "tests" / "portals" / "county_site"
ROUNDS_AFTER = 4  # seconds of one-second wakes after both crawls ended
TIMEOUT = 180


def _ended_runs(db) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("select count(*) from crawl_runs where finished_at is not null").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not made yet
        return 0
    finally:
        conn.close()


@pytest.fixture(scope="module")
def kept_running(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keeps-running")
    db = folder / "reports.db"
    with serve_folder(sample_portal_root()) as sample, serve_folder(COUNTY_SITE) as county:
        registry = folder / "sites.csv"
        registry.write_text(f"name,url\nsample,{sample}\ncounty,{county}index.html\n", encoding="utf-8")
        process = start_schedule(registry, db, "--now", "2027-02-10T08:00", NIANBAO_SCHEDULE_WAKE_SECONDS="1")
        try:
            deadline = time.monotonic() + TIMEOUT
            while _ended_runs(db) < 2 and time.monotonic() < deadline and process.poll() is None:
                time.sleep(0.5)
            time.sleep(ROUNDS_AFTER)
            still_running = process.poll() is None
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {
        "still_running": still_running,
        "returncode": process.returncode,
        "out": out,
        "err": err,
        "db": conn,
    }
    conn.close()


def test_it_keeps_running_after_the_crawls(kept_running):
    assert kept_running["still_running"], kept_running["err"][-2000:]


def test_each_due_site_is_started_once(kept_running):
    rows = kept_running["db"].execute("select site_name, count(*) from crawl_runs group by site_name")
    assert sorted(tuple(row) for row in rows) == [("county", 1), ("sample", 1)]


def test_each_crawl_finished(kept_running):
    rows = kept_running["db"].execute("select status from crawl_runs")
    assert [row[0] for row in rows] == ["finished", "finished"]


def test_it_says_when_the_next_site_is_due(kept_running):
    assert "next due: sample at 2027-02-11T08:00:00+00:00" in kept_running["out"], kept_running["out"]


def test_it_announces_the_next_site_once(kept_running):
    assert kept_running["out"].count("next due:") == 1, kept_running["out"]


def test_sigterm_ends_it_with_status_0(kept_running):
    assert kept_running["returncode"] == 0, kept_running["err"][-2000:]
