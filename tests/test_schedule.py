"""`nianbao schedule --once` on two fixture portals served on loopback, crawled in the process, with
the clock set by `--now`: what is due in the reporting season and out of it, and after a failure."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.crawl import open_db
from .helpers.paths import COUNTY_SITE
from .helpers.ports import free_port
from .helpers.schedule import run_schedule


def _rounds(
    folder, *times: str, cadences: tuple[str, str] = ("", ""), agencies: tuple[str, str] = ("", "")
) -> list:
    """`schedule --once --now T` for each T in turn, on the sample and county portals (and a
    disabled site) with these registry cadences and agencies; the database is `folder / "reports.db"`."""
    db = folder / "reports.db"
    with serve_folder(sample_portal_root()) as sample, serve_folder(COUNTY_SITE) as county:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url,enabled,cadence,agency\n"
            f"sample,{sample},1,{cadences[0]},{agencies[0]}\n"
            f"county,{county}index.html,1,{cadences[1]},{agencies[1]}\n"
            "retired,http://retired.example.gov.cn/,no,,\n",
            encoding="utf-8",
        )
        return [run_schedule(registry, db, "--once", "--now", now) for now in times]


def _runs(db) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "select site_name, scheduled_at from crawl_runs order by scheduled_at, site_name"
        ).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def february(tmp_path_factory):
    """Reporting season, 2027: neither portal has a report for 2026, so both stay daily."""
    folder = tmp_path_factory.mktemp("february")
    first, again, next_day = _rounds(folder, "2027-02-09T08:00", "2027-02-09T08:00", "2027-02-10T09:00")
    conn = open_db(folder / "reports.db")
    yield {"first": first, "again": again, "next_day": next_day, "db": conn}
    conn.close()


def test_the_first_round_exits_cleanly(february):
    assert february["first"].returncode == 0, february["first"].stderr[-2000:]


def test_the_first_round_crawls_every_enabled_site(february):
    first_round = february["db"].execute(
        "select site_name, status from crawl_runs where scheduled_at = '2027-02-09T08:00:00+00:00'"
    )
    assert sorted(tuple(row) for row in first_round) == [("county", "finished"), ("sample", "finished")]


def test_the_first_round_prints_what_the_monitors_said(february):
    # Five checks per site after each site's crawl (crawler/monitors/checks.py), none failing.
    assert "monitors: 10 checks passed, 0 failed" in february["first"].stdout, february["first"].stdout


def test_the_first_round_stores_the_reports(february):
    assert february["db"].execute("select count(*) from reports").fetchone()[0] == 6


def test_the_disabled_site_is_not_crawled(february):
    assert february["db"].execute("select count(*) from pages where url like '%retired%'").fetchone()[0] == 0


def test_a_second_round_at_the_same_time_crawls_none(february):
    assert "0 of 2 sites due" in february["again"].stdout, february["again"].stdout


def test_a_second_round_at_the_same_time_adds_no_run(february):
    at_first = february["db"].execute(
        "select count(*) from crawl_runs where scheduled_at = '2027-02-09T08:00:00+00:00'"
    )
    assert at_first.fetchone()[0] == 2


def test_a_second_round_says_when_the_next_site_is_due(february):
    assert "next due: sample at 2027-02-10T08:00:00+00:00" in february["again"].stdout


def test_in_february_a_site_crawled_the_day_before_is_due_again(february):
    next_day = february["db"].execute(
        "select site_name from crawl_runs where scheduled_at = '2027-02-10T09:00:00+00:00' order by site_name"
    )
    assert [row[0] for row in next_day] == ["county", "sample"]


def test_the_next_day_round_exits_cleanly(february):
    assert february["next_day"].returncode == 0, february["next_day"].stderr[-2000:]


@pytest.fixture(scope="module")
def july(tmp_path_factory):
    folder = tmp_path_factory.mktemp("july")
    first, next_day, next_week = _rounds(folder, "2027-07-09T08:00", "2027-07-10T09:00", "2027-07-16T09:00")
    return {"first": first, "next_day": next_day, "next_week": next_week, "db": folder / "reports.db"}


def test_in_july_a_site_crawled_the_day_before_is_not_due(july):
    assert [site for site, at in _runs(july["db"]) if at.startswith("2027-07-10")] == []


def test_in_july_the_round_says_none_is_due(july):
    assert "0 of 2 sites due" in july["next_day"].stdout and july["next_day"].returncode == 0


def test_in_july_a_site_is_due_again_after_a_week(july):
    assert sorted(site for site, at in _runs(july["db"]) if at.startswith("2027-07-16")) == [
        "county",
        "sample",
    ]


@pytest.fixture(scope="module")
def reported(tmp_path_factory):
    """February 2019: the sample portal holds a report for 2018 (黑山县), the county portal only 2017's."""
    folder = tmp_path_factory.mktemp("reported")
    first, next_day = _rounds(folder, "2019-02-09T08:00", "2019-02-10T09:00")
    return {"first": first, "next_day": next_day, "db": folder / "reports.db"}


def test_a_site_whose_last_year_report_is_stored_drops_to_weekly(reported):
    assert [site for site, at in _runs(reported["db"]) if at.startswith("2019-02-10")] == ["county"]


def test_the_weekly_site_is_announced_for_a_week_later(reported):
    assert "next due: sample at 2019-02-16T08:00:00+00:00" in reported["next_day"].stdout


@pytest.fixture(scope="module")
def by_agency(tmp_path_factory):
    """February 2018, sites naming their agency: the county's own 2017 report is stored, while the
    sample portal holds 2017 reports of other bodies only (大连, 抚顺 …), none of 示例市人民政府."""
    folder = tmp_path_factory.mktemp("by-agency")
    _rounds(folder, "2018-02-09T08:00", "2018-02-10T09:00", agencies=("示例市人民政府", "平山县人民政府"))
    return {"db": folder / "reports.db"}


def test_a_site_counts_only_its_own_agency_reports(by_agency):
    assert [site for site, at in _runs(by_agency["db"]) if at.startswith("2018-02-10")] == ["sample"]


@pytest.fixture(scope="module")
def override(tmp_path_factory):
    """A registry `cadence` beats the calendar: monthly in February, every 2 days in July."""
    folder = tmp_path_factory.mktemp("override")
    times = (
        "2027-02-09T08:00",
        "2027-02-10T09:00",
        "2027-07-01T08:00",
        "2027-07-02T09:00",
        "2027-07-03T09:00",
    )
    return {"rounds": _rounds(folder, *times, cadences=("monthly", "2")), "db": folder / "reports.db"}


def test_a_monthly_site_is_not_due_the_next_day_in_february(override):
    assert [site for site, at in _runs(override["db"]) if at.startswith("2027-02-10")] == []


def test_a_two_day_cadence_skips_a_day_in_july(override):
    county = [at[:10] for site, at in _runs(override["db"]) if site == "county"]
    assert county == ["2027-02-09", "2027-07-01", "2027-07-03"]


@pytest.fixture(scope="module")
def failing(tmp_path_factory):
    """A site nothing answers on: tried again after 1 hour, then 2 hours, not every round."""
    folder = tmp_path_factory.mktemp("failing")
    db = folder / "reports.db"
    registry = folder / "sites.csv"
    registry.write_text(f"name,url\ndown,http://127.0.0.1:{free_port()}/\n", encoding="utf-8")
    times = [
        "2027-02-09T08:00",  # crawled, fails
        "2027-02-09T08:30",  # 30 min later: not yet
        "2027-02-09T09:01",  # 1 h after the first failure: tried again, fails
        "2027-02-09T10:31",  # 1.5 h after the second: not yet (2 h now)
        "2027-02-09T11:02",  # 2 h after the second: tried again
    ]
    rounds = {now: run_schedule(registry, db, "--once", "--now", now) for now in times}
    return {"rounds": rounds, "db": db}


def test_a_failing_site_is_retried_with_growing_pauses(failing):
    assert [at for _, at in _runs(failing["db"])] == [
        "2027-02-09T08:00:00+00:00",
        "2027-02-09T09:01:00+00:00",
        "2027-02-09T11:02:00+00:00",
    ]


def test_a_round_that_crawled_a_failing_site_exits_with_status_1(failing):
    result = failing["rounds"]["2027-02-09T08:00"]
    assert result.returncode == 1 and "1 of 1 sites failed" in result.stderr


def test_a_round_with_the_failing_site_backing_off_exits_with_status_0(failing):
    result = failing["rounds"]["2027-02-09T10:31"]
    assert result.returncode == 0 and "next due: down at 2027-02-09T11:01:00+00:00" in result.stdout
