"""Cross-year checks when a report is stored: compare it with the same body's reports of the
years before and after it already in the database (extract/validation/across_years.py).

Findings go to validation_findings of the later report of each pair and are replaced
whenever either report of the pair is stored again.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

from extract.model import Report, Stat
from extract.validation.across_years import RULES, check_across_years


def _report_of(db: sqlite_utils.Database, agency: str, year: int) -> str | None:
    row = db.execute(
        "select report_key from reports where agency = ? and year = ?", [agency, year]
    ).fetchone()
    return row[0] if row else None


def _stats(db: sqlite_utils.Database, key: str) -> list[Stat]:
    rows = db.execute("select key, value, scope, status from stats where report_key = ?", [key]).fetchall()
    return [Stat(key=k, value=value, scope=scope, status=status) for k, value, scope, status in rows]


def _replace_findings(db: sqlite_utils.Database, later: str, earlier: str | None) -> None:
    marks = ",".join("?" * len(RULES))
    db.execute(f"delete from validation_findings where report_key = ? and rule in ({marks})", [later, *RULES])
    if earlier is None:
        return
    found = check_across_years(_stats(db, later), _stats(db, earlier), other_report=earlier)
    start = db.execute(
        "select coalesce(max(position), -1) + 1 from validation_findings where report_key = ?", [later]
    ).fetchone()[0]
    rows: list[dict[str, Any]] = [
        {
            "report_key": later,
            "rule": f.rule,
            "scope": f.scope,
            "severity": f.severity,
            "expected": f.expected,
            "actual": f.actual,
            "message": f.message,
            "position": start + i,
            "mode": f.mode,
            "key": f.key,
        }
        for i, f in enumerate(found)
    ]
    if rows:
        db["validation_findings"].insert_all(rows, alter=True)


def check_adjacent_years(db: sqlite_utils.Database, report: Report, key: str) -> None:
    """Re-check this report against last year's, and next year's (if stored) against this one."""
    if not report.agency or not report.year:
        return
    _replace_findings(db, key, _report_of(db, report.agency, report.year - 1))
    following = _report_of(db, report.agency, report.year + 1)
    if following is not None:
        _replace_findings(db, following, key)
