"""Pause and resume through a JOBDIR: a crawl of the TRS fixture portal is interrupted once with
SIGINT (Ctrl-C) after a few report pages are fetched, then the same command resumes it. Every report is
found exactly once, no page of the first run is fetched again, and nothing is marked gone."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections import Counter

import pytest

from .helpers.crawl import open_db, start_jobdir_crawl
from .portals import markup
from .portals.server import Portal, serve_portal

BODIES = (
    "清河县人民政府",
    "清河县教育局",
    "清河县财政局",
    "清河县民政局",
    "城关镇人民政府",
    "清河县卫生健康局",
)
DOCS = tuple(
    markup.Doc(f"{body}{year}年政府信息公开工作年度报告", year)
    for year in range(2015, 2020)
    for body in BODIES
)
REPORT_PATHS = {markup.trs_article_path(i, d) for i, d in enumerate(DOCS)}
# The first run is stopped once the portal has served this many report pages. Counted where they
# are served, not where they are stored: on a loaded machine the parse worker falls behind the
# fetches, and a stop counted in stored reports came after all 30 were fetched.
STOP_AFTER = 6


def _crawl(url: str, db, jobdir) -> subprocess.Popen:
    # A delay between requests, so the crawl is still running when it is interrupted (at 0.1 s,
    # the first run stops with 12 of the 30 reports served and stored, alone or beside three
    # processes busy on two cores).
    # A worker process parses: pages in its hands when Ctrl-C comes are still stored.
    return start_jobdir_crawl(url, db, jobdir, NIANBAO_DOWNLOAD_DELAY="0.1", NIANBAO_EXTRACT_WORKERS="1")


def _served_reports(portal: Portal) -> int:
    return sum(1 for hit in list(portal.hits) if hit.path in REPORT_PATHS)


def _stored_reports(db) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("select count(*) from pages where is_report = 1").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pause")
    db, jobdir = folder / "reports.db", folder / "job"
    portal = Portal(markup.trs_portal(DOCS))
    with serve_portal(portal) as base:
        first = _crawl(base + "/index.html", db, jobdir)
        deadline = time.monotonic() + 120
        while _served_reports(portal) < STOP_AFTER and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        first.send_signal(signal.SIGINT)  # once: Scrapy finishes what it has in hand and stops
        first_out = first.communicate(timeout=120)
        first_hits = list(portal.hits)
        first_reports = _stored_reports(db)
        second = _crawl(base + "/index.html", db, jobdir)
        second_out = second.communicate(timeout=300)
        second_hits = portal.hits[len(first_hits) :]
    conn = open_db(db)
    yield {
        "codes": (first.returncode, second.returncode),
        "outputs": (first_out, second_out),
        "first": first_hits,
        "second": second_hits,
        "first_reports": first_reports,
        "db": conn,
    }
    conn.close()


def test_both_runs_exit_cleanly(resumed):
    assert resumed["codes"] == (0, 0), resumed["outputs"][1][1][-2000:]


def test_first_run_stopped_part_way(resumed):
    assert STOP_AFTER <= resumed["first_reports"] < len(DOCS)


def test_every_report_is_found(resumed):
    assert resumed["db"].execute("select count(*) from reports").fetchone()[0] == len(DOCS)


def test_every_report_page_is_stored_once(resumed):
    rows = resumed["db"].execute("select url from pages where is_report = 1").fetchall()
    assert sorted(r["url"].split("/", 3)[3] for r in rows) == sorted(p.lstrip("/") for p in REPORT_PATHS)


def test_every_report_page_is_fetched_exactly_once(resumed):
    fetched = Counter(h.path for h in resumed["first"] + resumed["second"] if h.path in REPORT_PATHS)
    assert set(fetched.values()) == {1} and set(fetched) == REPORT_PATHS


def test_second_run_fetches_nothing_the_first_fetched(resumed):
    again = {h.path for h in resumed["first"]} & {h.path for h in resumed["second"]}
    assert again - {"/robots.txt"} == set()


def test_second_run_fetches_the_rest(resumed):
    assert {h.path for h in resumed["second"]} & REPORT_PATHS


def test_no_report_is_marked_gone_after_resuming(resumed):
    assert resumed["db"].execute("select count(*) from reports where gone_at is not null").fetchone()[0] == 0
