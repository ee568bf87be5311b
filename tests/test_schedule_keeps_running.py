"""`nianbao schedule` without --once, run as a user runs it and stopped with SIGTERM: it crawls the
due sites once each, then sleeps (waking every second here) without starting them again."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.paths import COUNTY_SITE
from .helpers.schedule import keep_running


@pytest.fixture(scope="module")
def kept_running(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keeps-running")
    db = folder / "reports.db"
    with serve_folder(sample_portal_root()) as sample, serve_folder(COUNTY_SITE) as county:
        registry = folder / "sites.csv"
        registry.write_text(f"name,url\nsample,{sample}\ncounty,{county}index.html\n", encoding="utf-8")
        result = keep_running(registry, db, "--now", "2027-02-10T08:00", runs=2)
    conn = sqlite3.connect(db)
    yield {"result": result, "db": conn}
    conn.close()


def test_each_due_site_is_started_once(kept_running):
    rows = kept_running["db"].execute("select site_name, count(*) from crawl_runs group by site_name")
    assert sorted(tuple(row) for row in rows) == [("county", 1), ("sample", 1)]


def test_each_crawl_finished(kept_running):
    rows = kept_running["db"].execute("select status from crawl_runs")
    assert [row[0] for row in rows] == ["finished", "finished"]


def test_it_says_when_the_next_site_is_due(kept_running):
    out = kept_running["result"].stdout
    assert "next due: sample at 2027-02-11T08:00:00+00:00" in out, out


def test_it_announces_the_next_site_once(kept_running):
    assert kept_running["result"].stdout.count("next due:") == 1, kept_running["result"].stdout


def test_it_keeps_running_until_sigterm_ends_it_with_status_0(kept_running):
    assert kept_running["result"].returncode == 0, kept_running["result"].stderr[-2000:]
