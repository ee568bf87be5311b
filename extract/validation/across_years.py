"""Invariants that compare a report with the same body's report of the previous year (spec §7.1–7.3).

T3-CARRY  applications.carried_over.<column>(Y) = applications.carried_forward.<column>(Y−1)
T4-X      review_litigation.litigation_after_review.total(Y) ≤ this or last year's
          admin_review.total: it fails only when it exceeds both
T2-STOCK  proactive.<row>.in_force(Y) = in_force(Y−1) + issued(Y) − repealed(Y)   (v2021 rows)
T2-ITEMS  proactive.<item>.prev_year_items(Y) = prev_year_items(Y−1) + change(Y−1) (v2019 items)

All are soft: cases and items cross years, bodies reorganise, formats change. Figures
are compared scope by scope (own_body with own_body …). Findings belong to the later
report; `other_report` (the earlier report's key) is named in each message.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..keys import APPLICANT_COLUMNS as PRINTED_APPLICANT_COLUMNS
from ..keys import TOTAL_COLUMN
from ..model import Stat, ValidationFinding
from .checks import LENIENT, MODES, SOFT, STRICT, Figures, figures_by_scope, same

APPLICANT_COLUMNS = (*PRINTED_APPLICANT_COLUMNS, TOTAL_COLUMN)
STOCK_ROWS = ("regulations", "normative_docs")
ITEM_ROWS = ("licensing", "other_admin_services", "penalty", "coercion", "admin_fees")
RULES = ("T3-CARRY", "T4-X", "T2-STOCK", "T2-ITEMS")


def _finding(
    rule: str, scope: str, mode: str, key: str, expected: float, actual: float, why: str
) -> ValidationFinding:
    return ValidationFinding(rule, SOFT, scope, expected, actual, why, mode=mode, key=key)


def _carry(scope: str, mode: str, now: Figures, before: Figures, other: str) -> list[ValidationFinding]:
    found = []
    for column in APPLICANT_COLUMNS:
        key, previous = f"applications.carried_over.{column}", f"applications.carried_forward.{column}"
        if key in now and previous in before and not same(now[key], before[previous]):
            why = f"{key} = {now[key]:g} but report {other} carried {before[previous]:g} forward"
            found.append(_finding("T3-CARRY", scope, mode, key, before[previous], now[key], why))
    return found


def _review_then_suit(
    scope: str, mode: str, now: Figures, before: Figures, other: str
) -> list[ValidationFinding]:
    key, review = "review_litigation.litigation_after_review.total", "review_litigation.admin_review.total"
    if key not in now or review not in now or review not in before:
        return []
    bound = max(now[review], before[review])
    if now[key] <= bound + 1e-6:
        return []
    why = (
        f"{key} = {now[key]:g} exceeds this year's {now[review]:g} and report {other}'s "
        f"{before[review]:g} administrative reviews"
    )
    return [_finding("T4-X", scope, mode, key, bound, now[key], why)]


def _stock(scope: str, mode: str, now: Figures, before: Figures, other: str) -> list[ValidationFinding]:
    found = []
    for row in STOCK_ROWS:
        key = f"proactive.{row}.in_force"
        parts = (f"proactive.{row}.issued", f"proactive.{row}.repealed")
        if key not in now or key not in before or any(part not in now for part in parts):
            continue
        expected = before[key] + now[parts[0]] - now[parts[1]]
        if not same(expected, now[key]):
            why = (
                f"{key} = {now[key]:g} but report {other}'s {before[key]:g} "
                f"+ issued − repealed is {expected:g}"
            )
            found.append(_finding("T2-STOCK", scope, mode, key, expected, now[key], why))
    return found


def _items(scope: str, mode: str, now: Figures, before: Figures, other: str) -> list[ValidationFinding]:
    found = []
    for row in ITEM_ROWS:
        key, change = f"proactive.{row}.prev_year_items", f"proactive.{row}.change"
        if key not in now or key not in before or change not in before:
            continue
        expected = before[key] + before[change]
        if not same(expected, now[key]):
            why = (
                f"{key} = {now[key]:g} but report {other}'s {before[key]:g} "
                f"with change {before[change]:+g} is {expected:g}"
            )
            found.append(_finding("T2-ITEMS", scope, mode, key, expected, now[key], why))
    return found


CHECKS = (_carry, _review_then_suit, _stock, _items)


def check_across_years(
    this_year: Sequence[Stat], last_year: Sequence[Stat], other_report: str = "last year"
) -> list[ValidationFinding]:
    """Findings of the later report against the earlier one; lenient adds only what strict did not find."""
    findings: list[ValidationFinding] = []
    strict_seen: set[tuple[str, str, str]] = set()
    for mode in MODES:
        now_by_scope = figures_by_scope(this_year, mode)
        before_by_scope = figures_by_scope(last_year, mode)
        for scope, now in now_by_scope.items():
            before = before_by_scope.get(scope)
            if before is None:
                continue
            for check in CHECKS:
                for finding in check(scope, mode, now, before, other_report):
                    identity = (finding.rule, finding.scope, finding.key)
                    if mode == STRICT:
                        strict_seen.add(identity)
                    elif mode == LENIENT and identity in strict_seen:
                        continue
                    findings.append(finding)
    return findings
