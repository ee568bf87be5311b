"""Checks that compare a body's report with its previous year's (spec §7.1–7.3), pure and on store."""

from __future__ import annotations

import sqlite3

import pytest

from crawler.store import Store, report_key
from extract.model import Report, Stat
from extract.validation.across_years import check_across_years

AGENCY = "洪泽区人民政府"


def report(year: int, figures: tuple[Stat, ...]) -> Report:
    return Report(
        url=f"http://127.0.0.1:1/ndbg/{year}.html",
        sha256=f"{year:064d}",
        is_report=True,
        title=f"{AGENCY}{year}年政府信息公开工作年度报告",
        agency=AGENCY,
        year=year,
        era="v2021",
        stats=figures,
    )


LAST = {
    "applications.carried_forward.natural_person": 3,
    "applications.carried_forward.total": 3,
    "review_litigation.admin_review.total": 2,
    "proactive.normative_docs.in_force": 5,
    "proactive.licensing.prev_year_items": 40,
    "proactive.licensing.change": -4,
}
CONSISTENT = {
    "applications.carried_over.natural_person": 3,
    "applications.carried_over.total": 3,
    "review_litigation.admin_review.total": 1,
    "review_litigation.litigation_after_review.total": 2,
    "proactive.normative_docs.issued": 3,
    "proactive.normative_docs.repealed": 0,
    "proactive.normative_docs.in_force": 8,
    "proactive.licensing.prev_year_items": 36,
}


def _stats(figures: dict) -> tuple[Stat, ...]:
    return tuple(Stat(key, value, "own_body") for key, value in figures.items())


@pytest.mark.parametrize(
    ("changed", "rule", "expected"),
    [
        ("applications.carried_over.natural_person", "T3-CARRY", 3),
        ("review_litigation.litigation_after_review.total", "T4-X", 2),
        ("proactive.normative_docs.in_force", "T2-STOCK", 8),
        ("proactive.licensing.prev_year_items", "T2-ITEMS", 36),
    ],
)
def test_each_rule_fires_on_its_own_break(changed, rule, expected):
    broken = {**CONSISTENT, changed: CONSISTENT[changed] + 7}
    findings = check_across_years(_stats(broken), _stats(LAST), "abc")
    assert [(f.rule, f.key, f.expected, f.severity) for f in findings] == [(rule, changed, expected, "soft")]


def test_consistent_years_give_nothing():
    assert check_across_years(_stats(CONSISTENT), _stats(LAST)) == []


def test_scopes_are_not_compared_across():
    region = tuple(Stat(s.key, s.value, "region_total") for s in _stats(LAST))
    assert check_across_years(_stats({**CONSISTENT, "applications.carried_over.total": 9}), region) == []


def test_blank_cell_checked_only_in_lenient_mode():
    now = (
        *_stats({"applications.carried_over.total": 3}),
        Stat("applications.carried_over.natural_person", None, "own_body", status="blank"),
    )
    findings = check_across_years(now, _stats(LAST))
    assert [(f.mode, f.key, f.actual) for f in findings] == [
        ("lenient", "applications.carried_over.natural_person", 0)
    ]


def findings(path) -> list[tuple]:
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "select report_key, rule, key, expected, actual, message from validation_findings "
        "where rule in ('T3-CARRY', 'T4-X', 'T2-STOCK', 'T2-ITEMS') order by report_key, position"
    ).fetchall()
    conn.close()
    return rows


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "reports.db")
    yield store
    store.close()


def test_stored_consecutive_years_consistent(store):
    store.save_page(report(2023, _stats(LAST)), 200, "text/html", 1, "run")
    store.save_page(report(2024, _stats(CONSISTENT)), 200, "text/html", 1, "run")
    assert findings(store.path) == []


def test_stored_later_year_breaks_carry_over(store):
    store.save_page(report(2023, _stats(LAST)), 200, "text/html", 1, "run")
    later = report(2024, _stats({**CONSISTENT, "applications.carried_over.total": 5}))
    store.save_page(later, 200, "text/html", 1, "run")
    [(key, rule, stat_key, expected, actual, message)] = findings(store.path)
    assert (key, rule, stat_key, expected, actual) == (
        report_key(later),
        "T3-CARRY",
        "applications.carried_over.total",
        3,
        5,
    )
    assert report_key(report(2023, ())) in message


def test_earlier_year_stored_second_rechecks_the_later(store):
    later = report(2024, _stats({**CONSISTENT, "proactive.normative_docs.in_force": 9}))
    store.save_page(later, 200, "text/html", 1, "run")
    assert findings(store.path) == []
    store.save_page(report(2023, _stats(LAST)), 200, "text/html", 1, "run")
    assert [(k, rule) for k, rule, *_ in findings(store.path)] == [(report_key(later), "T2-STOCK")]


def test_saving_again_does_not_duplicate_findings(store):
    store.save_page(report(2023, _stats(LAST)), 200, "text/html", 1, "run")
    later = report(2024, _stats({**CONSISTENT, "applications.carried_over.total": 5}))
    store.save_page(later, 200, "text/html", 1, "run")
    store.save_page(later, 200, "text/html", 1, "run2")
    store.save_page(report(2023, _stats(LAST)), 200, "text/html", 1, "run2")
    assert len(findings(store.path)) == 1
