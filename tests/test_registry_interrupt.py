"""Ctrl-C in the middle of a registry crawl: twelve generated loopback sites, three at a time, are
interrupted (SIGINT) once three sites are done. The database is consistent (no run left running,
no report without its version, nothing marked gone) and the same command run again completes:
every site finished, every report stored once."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest

from crawler.demo.registry_sites import served_sites

from .helpers.crawl import open_db, run_registry_crawl, start_registry_crawl

SITES = 12
WINDOW = "3"
STOP_AFTER_SITES = 3


def finished_sites(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from crawl_runs where status = 'finished'").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.fixture(scope="module")
def interrupted(tmp_path_factory):
    folder = tmp_path_factory.mktemp("interrupt")
    db = folder / "reports.db"
    # Each answer waits 0.05 s, so the window is still busy when Ctrl-C comes.
    with served_sites(SITES, "--delay", "0.05") as listed:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url\n" + "".join(f"site{i:02},{site['url']}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        first = start_registry_crawl(registry, db, NIANBAO_ACTIVE_SITES=WINDOW)
        deadline = time.monotonic() + 120
        while finished_sites(db) < STOP_AFTER_SITES and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGINT)
        _, first_err = first.communicate(timeout=120)
        conn = open_db(db)
        after_stop = {
            "runs": [tuple(row) for row in conn.execute("select site_name, status from crawl_runs")],
            "integrity": conn.execute("pragma integrity_check").fetchone()[0],
            "orphans": conn.execute(
                "select count(*) from pages where is_report = 1 "
                "and report_key not in (select report_key from reports)"
            ).fetchone()[0],
            "unversioned": conn.execute(
                "select count(*) from reports where report_key not in (select report_key from report_versions)"
            ).fetchone()[0],
            "gone": conn.execute("select count(*) from reports where gone_at is not null").fetchone()[0],
        }
        conn.close()
        second = run_registry_crawl(registry, db, NIANBAO_ACTIVE_SITES=WINDOW)
    conn = open_db(db)
    yield {
        "first": first,
        "first_err": first_err,
        "after_stop": after_stop,
        "second": second,
        "db": conn,
        "served": sum(site["reports"] for site in listed),
    }
    conn.close()


def test_the_interrupt_came_mid_window(interrupted):
    started = len(interrupted["after_stop"]["runs"])
    assert STOP_AFTER_SITES <= started < SITES


def test_the_interrupted_crawl_ends_without_a_traceback(interrupted):
    assert interrupted["first"].returncode is not None
    assert "Traceback" not in interrupted["first_err"], interrupted["first_err"][-2000:]


def test_no_run_is_left_running(interrupted):
    statuses = {status for _, status in interrupted["after_stop"]["runs"]}
    assert statuses <= {"finished", "shutdown", "interrupted"}


def test_the_database_is_intact(interrupted):
    assert interrupted["after_stop"]["integrity"] == "ok"


def test_every_stored_report_page_has_its_report(interrupted):
    assert interrupted["after_stop"]["orphans"] == 0


def test_every_stored_report_has_its_version(interrupted):
    assert interrupted["after_stop"]["unversioned"] == 0


def test_no_report_is_marked_gone_by_the_interrupted_crawl(interrupted):
    assert interrupted["after_stop"]["gone"] == 0


def test_the_rerun_completes(interrupted):
    assert interrupted["second"].returncode == 0, interrupted["second"].stderr[-2000:]


def test_the_rerun_finishes_every_site(interrupted):
    rows = (
        interrupted["db"]
        .execute("select count(distinct site_name) from crawl_runs where status = 'finished'")
        .fetchone()[0]
    )
    assert rows == SITES


def test_every_report_is_stored_once(interrupted):
    db = interrupted["db"]
    reports = db.execute("select count(*) from reports").fetchone()[0]
    versions = db.execute("select count(*) from report_versions").fetchone()[0]
    assert (reports, versions) == (interrupted["served"], interrupted["served"])


def test_no_report_is_gone_after_the_rerun(interrupted):
    assert (
        interrupted["db"].execute("select count(*) from reports where gone_at is not null").fetchone()[0] == 0
    )
