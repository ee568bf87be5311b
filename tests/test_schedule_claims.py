"""A `nianbao schedule --once` killed outright (SIGKILL) in the middle of a crawl: the next round
closes the dead run as `interrupted`, counts it as a failure and backs off, and never leaves the
site claimed for good."""

from __future__ import annotations

import signal
import sqlite3
import threading

import pytest

from .helpers.schedule import run_schedule, start_schedule, wait_for_run
from .portals.server import Portal, Route, serve_portal


def _slow_home(answer: threading.Event) -> Route:
    """A home page answered only once the test has stopped the crawl fetching it (at most 30 s):
    a graceful stop waits for the answer, and waited the whole 30 s before."""

    def home(method, query, form):
        answer.wait(30)
        return 200, {"Content-Type": "text/html"}, b"<html><body>slow</body></html>"

    return home


@pytest.fixture(scope="module")
def killed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("killed")
    db = folder / "reports.db"
    answer = threading.Event()
    with serve_portal(Portal(pages={}, routes={"/": _slow_home(answer)})) as slow:
        registry = folder / "sites.csv"
        registry.write_text(f"name,url\nslow,{slow}/\n", encoding="utf-8")
        process = start_schedule(registry, db, "--once", "--now", "2027-02-09T08:00")
        try:
            wait_for_run(db, "running")
        finally:
            process.send_signal(signal.SIGKILL)
            answer.set()
            process.communicate(timeout=30)
        early = run_schedule(
            registry, db, "--once", "--now", "2027-02-09T08:30", NIANBAO_DOWNLOAD_TIMEOUT="1"
        )
    conn = sqlite3.connect(db)
    yield {"early": early, "db": conn}
    conn.close()


def test_the_killed_run_is_closed_as_interrupted(killed):
    rows = killed["db"].execute(
        "select status from crawl_runs where scheduled_at = '2027-02-09T08:00:00+00:00'"
    )
    assert [row[0] for row in rows] == ["interrupted"]


def test_the_interrupted_site_backs_off(killed):
    assert "0 of 1 sites due" in killed["early"].stdout, killed["early"].stdout


def test_the_interrupted_site_is_due_an_hour_later(killed):
    assert "next due: slow at 2027-02-09T09:00:00+00:00" in killed["early"].stdout


@pytest.fixture(scope="module")
def stopped(tmp_path_factory):
    """Ctrl-C during a --once round crawling one site at a time: the site waiting for its turn is
    not started, and its claim is dropped, so it is due again at once."""
    folder = tmp_path_factory.mktemp("stopped")
    db = folder / "reports.db"
    answer = threading.Event()
    with serve_portal(Portal(pages={}, routes={"/": _slow_home(answer)})) as slow:
        registry = folder / "sites.csv"
        registry.write_text(f"name,url\nslow,{slow}/\nnext,{slow.replace('127.0.0.1', 'localhost')}/\n")
        process = start_schedule(
            registry, db, "--once", "--now", "2027-02-09T08:00", NIANBAO_ACTIVE_SITES="1"
        )
        try:
            wait_for_run(db, "running")
        finally:
            process.send_signal(signal.SIGINT)
            # The round's signal handler runs before its reactor can read the answer: the site
            # ends after the stop, as it would have after 30 s.
            answer.set()
            out, err = process.communicate(timeout=90)
    conn = sqlite3.connect(db)
    yield {"out": out, "err": err, "returncode": process.returncode, "db": conn}
    conn.close()


def test_the_site_not_started_leaves_no_run(stopped):
    rows = stopped["db"].execute("select site_name from crawl_runs")
    assert [row[0] for row in rows] == ["slow"], stopped["out"] + stopped["err"]


def test_the_round_reports_only_the_site_it_started(stopped):
    lines = [line.split(":")[0] for line in stopped["out"].splitlines() if "pages fetched" in line]
    assert lines == ["slow"], stopped["out"] + stopped["err"]


def test_the_stopped_round_ends_without_a_traceback(stopped):
    assert "Traceback" not in stopped["err"], stopped["err"][-2000:]
