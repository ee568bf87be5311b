"""The cadence rules of `nianbao schedule` on their own: the shipped calendar, its checks, back-off."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from crawler.registry import Site
from crawler.schedule.calendar import BadCalendar, load_calendar, parse_cadence
from crawler.schedule.due import Backoff, due_at
from crawler.schedule.history import SiteHistory

CALENDAR = load_calendar()
SITE = Site(url="http://www.example.gov.cn/")


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _due(last: str, **history) -> datetime | None:
    return due_at(SITE, SiteHistory(last_attempt=_at(last), **history), CALENDAR, Backoff())


def test_the_reporting_season_is_daily():
    assert _due("2027-03-31T08:00") == _at("2027-04-01T08:00")


def test_the_off_season_is_weekly():
    assert _due("2027-05-02T08:00") == _at("2027-05-09T08:00")


def test_a_weekly_site_is_due_when_the_daily_season_opens():
    assert _due("2027-12-30T08:00") == _at("2028-01-01T08:00")


def test_the_season_opens_by_china_standard_time():
    # 31 December 17:00 UTC is 1 January 01:00 in Beijing: the daily season has begun.
    assert _due("2027-12-30T17:00") == _at("2027-12-31T17:00")


def test_a_stored_report_for_last_year_makes_february_weekly():
    assert _due("2027-02-09T08:00", reported_years=frozenset({2026})) == _at("2027-02-16T08:00")


def test_a_report_for_an_older_year_leaves_february_daily():
    assert _due("2027-02-09T08:00", reported_years=frozenset({2025})) == _at("2027-02-10T08:00")


def test_a_site_never_crawled_is_due_at_once():
    history = SiteHistory()
    assert due_at(SITE, history, CALENDAR, Backoff()) < _at("1970-01-01T00:00")


def test_a_site_being_crawled_is_not_due():
    assert _due("2027-02-01T08:00", in_flight=True) is None


def test_the_registry_cadence_beats_the_calendar():
    site = Site(url="http://www.example.gov.cn/", cadence=30)
    history = SiteHistory(last_attempt=_at("2027-02-09T08:00"))
    assert due_at(site, history, CALENDAR, Backoff()) == _at("2027-03-11T08:00")


@pytest.mark.parametrize(("failures", "hours"), [(1, 1), (2, 2), (3, 4), (8, 128), (9, 168), (60, 168)])
def test_back_off_doubles_up_to_a_week(failures, hours):
    assert _due("2027-07-01T00:00", failures=failures) == _at("2027-07-01T00:00") + timedelta(hours=hours)


@pytest.mark.parametrize(("text", "days"), [("daily", 1), ("Weekly", 7), ("monthly", 30), ("3", 3)])
def test_cadence_words_and_numbers(text, days):
    assert parse_cadence(text) == days


@pytest.mark.parametrize("text", ["0", "-1", "fortnightly", "1.5"])
def test_bad_cadences_are_refused(text):
    with pytest.raises(ValueError, match="cadence must be"):
        parse_cadence(text)


def test_a_calendar_with_a_gap_is_refused():
    text = "season,from,to,cadence_days\nreporting,01-01,04-30,1\noff,05-02,12-31,7\n"
    with pytest.raises(BadCalendar, match="05-01 falls in 0 seasons"):
        load_calendar(text)


def test_a_calendar_with_overlapping_seasons_is_refused():
    text = "season,from,to,cadence_days\nreporting,01-01,05-31,1\noff,05-01,12-31,7\n"
    with pytest.raises(BadCalendar, match="05-01 falls in 2 seasons"):
        load_calendar(text)


def test_a_calendar_without_an_off_season_is_refused():
    with pytest.raises(BadCalendar, match="no season named 'off'"):
        load_calendar("season,from,to,cadence_days\nall,01-01,12-31,1\n")


def _calendar_ending(to: str) -> str:
    return f"season,from,to,cadence_days\nreporting,01-01,{to},1\noff,deadline+31,12-31,7\n"


@pytest.mark.parametrize("to", ["deadline+", "deadline+-3", "deadline +30", "deadline+30d"])
def test_a_malformed_deadline_bound_names_its_season_and_the_forms_taken(to):
    with pytest.raises(BadCalendar) as refused:
        load_calendar(_calendar_ending(to))
    assert str(refused.value) == (
        f"calendar: season 'reporting': to {to!r}: a day is MM-DD (04-30) or deadline+N, "
        "N whole days after the last statutory deadline (deadline+30)"
    )


def test_a_deadline_bound_past_the_end_of_the_year_is_refused():
    with pytest.raises(BadCalendar, match="season 'reporting': to 'deadline\\+400' runs past 31 December"):
        load_calendar(_calendar_ending("deadline+400"))


def test_a_deadline_bound_too_far_for_a_date_is_refused_as_past_the_year():
    with pytest.raises(BadCalendar, match="to 'deadline\\+99999999999' runs past 31 December"):
        load_calendar(_calendar_ending("deadline+99999999999"))


def test_a_month_day_that_is_no_day_is_refused():
    with pytest.raises(BadCalendar, match="season 'reporting': to '02-30' is no day of the year"):
        load_calendar(_calendar_ending("02-30"))


def test_a_deadline_bound_is_counted_from_the_last_deadline():
    assert load_calendar(_calendar_ending("deadline+30")).seasons[0].end == (4, 30)
