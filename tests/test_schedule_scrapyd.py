"""`nianbao schedule --scrapyd URL` with a real Scrapyd (tests/helpers/scrapyd.py) and the project
deployed to it: one job per due site, writing into the database the scheduler reads, so crawls
made here and jobs made there make one history."""

from __future__ import annotations

import sqlite3
import threading

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.paths import COUNTY_SITE
from .helpers.schedule import keep_running, run_schedule
from .helpers.scrapyd import post, wait_for_jobs
from .portals.server import Portal, Route, serve_portal

pytestmark = pytest.mark.scrapyd


@pytest.fixture(scope="module")
def scrapyd(deployed_scrapyd):
    # One job at a time (tests/conftest.py), so a second job waits in Scrapyd's queue while the
    # first runs.
    assert deployed_scrapyd.deploy.returncode == 0, deployed_scrapyd.deploy.stderr[-3000:]
    return deployed_scrapyd.base


@pytest.fixture(scope="module")
def portals():
    with serve_folder(sample_portal_root()) as sample, serve_folder(COUNTY_SITE) as county:
        yield {"sample": sample, "county": county + "index.html"}


def _registry(folder, portals):
    registry = folder / "sites.csv"
    registry.write_text(
        f"name,url\nsample,{portals['sample']}\ncounty,{portals['county']}\n", encoding="utf-8"
    )
    return registry


def _jobs(stdout: str) -> dict[str, str]:
    """Site label -> the Scrapyd job a round's output says it sent."""
    sent = [line.split(": sent to Scrapyd as job ") for line in stdout.splitlines()]
    return {pair[0]: pair[1] for pair in sent if len(pair) == 2}


def _job_ids(stdout: str) -> set[str]:
    return set(_jobs(stdout).values())


@pytest.fixture(scope="module")
def mixed(scrapyd, portals, tmp_path_factory):
    """July 2027: a round crawled here, a week later a round sent to Scrapyd, and a third round at
    the same time while those jobs may still run."""
    folder = tmp_path_factory.mktemp("mixed")
    db = folder / "reports.db"
    registry = _registry(folder, portals)
    here = run_schedule(registry, db, "--once", "--now", "2027-07-01T08:00")
    sent = run_schedule(registry, db, "--once", "--now", "2027-07-08T09:00", "--scrapyd", scrapyd)
    again = run_schedule(registry, db, "--once", "--now", "2027-07-08T09:00", "--scrapyd", scrapyd)
    wait_for_jobs(scrapyd, _job_ids(sent.stdout))
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {"here": here, "sent": sent, "again": again, "db": conn, "base": scrapyd}
    conn.close()


def test_the_round_sent_to_scrapyd_exits_cleanly(mixed):
    assert mixed["sent"].returncode == 0, mixed["sent"].stderr[-2000:]


def test_one_job_is_sent_per_due_site(mixed):
    assert len(_job_ids(mixed["sent"].stdout)) == 2, mixed["sent"].stdout


def test_the_jobs_write_their_runs_into_the_same_database(mixed):
    rows = mixed["db"].execute(
        "select site_name, status, scrapyd from crawl_runs where scheduled_at like '2027-07-08%' order by site_name"
    )
    assert [tuple(row) for row in rows] == [
        ("county", "finished", mixed["base"]),
        ("sample", "finished", mixed["base"]),
    ]


def test_the_job_ids_are_the_run_ids(mixed):
    rows = mixed["db"].execute("select run_id from crawl_runs where scrapyd is not null")
    assert {row[0] for row in rows} == _job_ids(mixed["sent"].stdout)


def test_the_jobs_fetch_pages_into_the_same_database(mixed):
    rows = mixed["db"].execute(
        "select count(*) from pages join crawl_runs using (run_id) where crawl_runs.scrapyd is not null"
    )
    assert rows.fetchone()[0] >= 20  # the sample portal's pages and the county's, fetched again


def test_the_reports_of_both_rounds_are_one_set(mixed):
    assert mixed["db"].execute("select count(*) from reports").fetchone()[0] == 6


def test_the_round_before_was_crawled_here(mixed):
    rows = mixed["db"].execute(
        "select count(*) from crawl_runs where scheduled_at like '2027-07-01%' and scrapyd is null"
    )
    assert rows.fetchone()[0] == 2


def test_a_round_while_the_jobs_are_sent_sends_none_again(mixed):
    assert "0 of 2 sites due" in mixed["again"].stdout and _job_ids(mixed["again"].stdout) == set()


@pytest.fixture(scope="module")
def kept_running(scrapyd, portals, tmp_path_factory):
    """The long-running mode sending to Scrapyd, waking every second while the jobs run."""
    folder = tmp_path_factory.mktemp("kept-running")
    db = folder / "reports.db"
    result = keep_running(
        _registry(folder, portals), db, "--now", "2027-02-10T08:00", "--scrapyd", scrapyd, runs=2
    )
    conn = sqlite3.connect(db)
    yield {"out": result.stdout, "err": result.stderr, "returncode": result.returncode, "db": conn}
    conn.close()


def test_the_long_running_mode_starts_each_job_once(kept_running):
    rows = kept_running["db"].execute("select site_name, count(*) from crawl_runs group by site_name")
    assert sorted(tuple(row) for row in rows) == [("county", 1), ("sample", 1)], kept_running["out"]


def test_the_long_running_mode_sees_the_jobs_finish(kept_running):
    rows = kept_running["db"].execute("select status from crawl_runs")
    assert [row[0] for row in rows] == ["finished", "finished"]


def test_the_long_running_mode_sends_each_site_once(kept_running):
    assert kept_running["out"].count("sent to Scrapyd as job") == 2, kept_running["out"]


def test_the_long_running_mode_ends_with_status_0(kept_running):
    assert kept_running["returncode"] == 0, kept_running["err"][-2000:]


SLOW_HOME = b"<html><body><a href='/about.html'>about</a></body></html>"


def _slow_home(answer: threading.Event) -> Route:
    """A home page answered once the test has sent its rounds (at most 30 s): its job runs, and
    the job behind it waits in Scrapyd's queue, as long as the test needs."""

    def home(method, query, form):
        answer.wait(30)
        return 200, {"Content-Type": "text/html"}, SLOW_HOME

    return home


@pytest.fixture(scope="module")
def lost(scrapyd, portals, tmp_path_factory):
    """A job cancelled while it waits in Scrapyd's queue never opens its run: the next round closes
    that run as `lost`, a failure, and sends the site again once its back-off has passed."""
    folder = tmp_path_factory.mktemp("lost")
    db = folder / "reports.db"
    answer = threading.Event()
    with serve_portal(Portal(pages={}, routes={"/": _slow_home(answer)})) as slow:
        registry = folder / "sites.csv"
        registry.write_text(f"name,url\nslow,{slow}/\ncounty,{portals['county']}\n", encoding="utf-8")
        first = run_schedule(registry, db, "--once", "--now", "2027-07-01T08:00", "--scrapyd", scrapyd)
        county_job = _jobs(first.stdout)["county"]  # the second job, waiting while the slow one runs
        cancelled = post(scrapyd, "cancel.json", [("project", "nianbao"), ("job", county_job)])
        early = run_schedule(registry, db, "--once", "--now", "2027-07-01T08:30", "--scrapyd", scrapyd)
        later = run_schedule(registry, db, "--once", "--now", "2027-07-01T09:01", "--scrapyd", scrapyd)
        answer.set()
        wait_for_jobs(scrapyd, _job_ids(first.stdout + later.stdout) - {county_job})
    conn = sqlite3.connect(db)
    yield {"cancelled": cancelled, "early": early, "later": later, "db": conn, "county_job": county_job}
    conn.close()


def test_the_cancelled_job_was_waiting_in_the_queue(lost):
    assert lost["cancelled"]["prevstate"] == "pending", lost["cancelled"]


def test_a_job_scrapyd_dropped_is_closed_as_lost(lost):
    row = lost["db"].execute("select status from crawl_runs where run_id = ?", [lost["county_job"]])
    assert row.fetchone()[0] == "lost"


def test_a_lost_job_is_not_sent_again_before_its_back_off(lost):
    assert "0 of 2 sites due, 1 still crawling" in lost["early"].stdout, lost["early"].stdout


def test_a_lost_job_is_sent_again_after_its_back_off(lost):
    assert list(_jobs(lost["later"].stdout)) == ["county"], lost["later"].stdout


def test_the_site_sent_again_is_crawled(lost):
    rows = lost["db"].execute(
        "select status from crawl_runs where site_name = 'county' order by scheduled_at"
    )
    assert [row[0] for row in rows] == ["lost", "finished"]
