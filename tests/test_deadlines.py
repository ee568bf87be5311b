"""The statutory deadlines (extract/data/deadlines.csv): the rules, the SQL the coverage view is
made from, and the reporting season the schedule counts from them."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.schedule.calendar import load_calendar
from crawler.store.coverage import deadline_sql
from extract.deadlines import BadDeadlines, in_force, load_deadlines

RULES = load_deadlines()


def _deadline(year: int, kind: str, rules=RULES) -> str:
    return (
        sqlite3.connect(":memory:")
        .execute(f"select {deadline_sql('?1', '?2', rules)}", [year, kind])
        .fetchone()[0]
    )


@pytest.mark.parametrize(
    ("year", "kind", "deadline"),
    [
        (2019, "department", "2020-01-31"),
        (2024, "department", "2025-01-31"),
        (2019, "government", "2020-03-31"),
        (2018, "department", "2019-03-31"),
        (2018, "government", "2019-03-31"),
        (2008, "department", "2009-03-31"),
    ],
)
def test_the_deadline_of_a_report(year, kind, deadline):
    assert _deadline(year, kind) == deadline


def test_the_rules_in_force_are_the_2019_regulations():
    assert sorted((rule.kind, rule.due) for rule in in_force(RULES)) == [
        ("department", (1, 31)),
        ("government", (3, 31)),
    ]


def test_a_changed_rule_changes_the_sql():
    rules = load_deadlines("kind,since,due\ndepartment,,03-31\ngovernment,,03-31\ngovernment,2030,02-28\n")
    assert (_deadline(2029, "government", rules), _deadline(2030, "government", rules)) == (
        "2030-03-31",
        "2031-02-28",
    )


def test_the_reporting_season_ends_a_month_after_the_last_deadline():
    assert [(s.name, s.start, s.end) for s in load_calendar().seasons] == [
        ("reporting", (1, 1), (4, 30)),
        ("off", (5, 1), (12, 31)),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("kind,since,due\ndepartment,,03-31\ncounty,,03-31\n", "kind must be one of"),
        ("kind,since,due\ndepartment,,03-31\ngovernment,,02-30\n", "day is out of range"),
        ("kind,since,due\ndepartment,,03-31\ngovernment,2019,03-31\n", "government needs one rule"),
    ],
)
def test_bad_deadlines_are_refused(text, message):
    with pytest.raises(BadDeadlines, match=message):
        load_deadlines(text)
