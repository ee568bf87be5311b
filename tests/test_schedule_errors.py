"""`nianbao schedule` user errors: one line, exit status 2, before anything is crawled or claimed."""

from __future__ import annotations

import sqlite3

from .helpers.cli import assert_one_line_error, nianbao, nianbao_with_calendar
from .helpers.ports import free_port

ONE_SITE = "name,url\nsite,http://127.0.0.1:9/\n"


def _schedule(tmp_path, *options: str, registry: str = ONE_SITE):
    """`nianbao schedule --once` on a registry of `registry`'s text, into tmp_path / "r.db"."""
    (tmp_path / "sites.csv").write_text(registry, encoding="utf-8")
    return nianbao(
        "schedule",
        "--registry",
        str(tmp_path / "sites.csv"),
        "--db",
        str(tmp_path / "r.db"),
        "--once",
        *options,
    )


def test_a_bad_now_is_one_line(tmp_path):
    result = _schedule(tmp_path, "--now", "next tuesday")
    assert_one_line_error(result, "--now 'next tuesday': expected an ISO 8601 time")


def test_an_unreadable_registry_is_one_line(tmp_path):
    result = nianbao("schedule", "--registry", str(tmp_path / "missing.csv"), "--once")
    assert_one_line_error(result, "missing.csv: no such file")


def test_a_bad_cadence_names_the_row(tmp_path):
    result = _schedule(tmp_path, registry="name,url,cadence\nsite,http://127.0.0.1:9/,fortnightly\n")
    assert_one_line_error(result, "row 2: cadence must be daily, weekly, monthly or a whole number of days")


def test_a_calendar_bound_as_cadence_names_the_row(tmp_path):
    # `deadline+N` bounds a season in calendar.csv; a registry row's cadence is a number of days.
    result = _schedule(tmp_path, registry="name,url,cadence\nsite,http://127.0.0.1:9/,deadline+30\n")
    assert_one_line_error(result, "row 2: cadence must be daily, weekly, monthly or a whole number of days")


def _schedule_with_season_ending(tmp_path, to: str):
    """`nianbao schedule --once` with the shipped calendar.csv edited so the reporting season ends at `to`."""
    (tmp_path / "sites.csv").write_text(ONE_SITE, encoding="utf-8")
    calendar = f"season,from,to,cadence_days\nreporting,01-01,{to},1\noff,deadline+31,12-31,7\n"
    registry, db = str(tmp_path / "sites.csv"), str(tmp_path / "r.db")
    return nianbao_with_calendar(calendar, tmp_path, "schedule", "--registry", registry, "--db", db, "--once")


def test_an_edited_calendar_with_a_malformed_season_bound_is_one_line(tmp_path):
    result = _schedule_with_season_ending(tmp_path, "13-45")
    assert_one_line_error(result, "calendar: season 'reporting': to '13-45' is no day of the year")


def test_an_edited_calendar_with_a_bound_too_far_for_a_date_is_one_line(tmp_path):
    result = _schedule_with_season_ending(tmp_path, "deadline+99999999999")
    assert_one_line_error(
        result, "calendar: season 'reporting': to 'deadline+99999999999' runs past 31 December"
    )


def test_an_unreachable_scrapyd_is_one_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    assert_one_line_error(_schedule(tmp_path, "--scrapyd", url), f"Scrapyd at {url} cannot be reached")


def test_an_unreachable_scrapyd_claims_nothing(tmp_path):
    _schedule(tmp_path, "--scrapyd", f"http://127.0.0.1:{free_port()}/")
    db = tmp_path / "r.db"
    assert (
        not db.exists() or sqlite3.connect(db).execute("select count(*) from crawl_runs").fetchone()[0] == 0
    )


def test_a_scrapyd_url_that_is_no_url_is_one_line(tmp_path):
    assert_one_line_error(_schedule(tmp_path, "--scrapyd", "localhost:6800"), "expected an http(s) URL")
