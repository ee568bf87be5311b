"""The legacy table (spec §7.4) as outcomes, plus L-APPROX and L-SD-NOTE.

The sum and ≤ rules are the data of extract/validation/legacy_rules.py, run here through the shared
outcome helpers so that each check also counts when it holds (for the quality score)
and each finding says its mode and key. L-INTERNAL and L-SCOPE compare figures rather
than sum them; they come from legacy_rules.comparison_findings, as validate_legacy reports them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Stat, ValidationFinding
from .checks import HARD, SOFT, Figures, Outcome, at_most_outcome, sum_outcome
from .legacy_rules import AT_MOST_RULES, SUM_RULES, SumRule, comparison_findings

_SD = "legacy.sd."
_TIERS = ("county_gov", "county_dept")
# "各子栏目数总数要等于总栏目数量" (Shandong footnote): every block total is the sum of its
# sub-rows; 镇政府（街道办事处） rows exist only in the 本行政区域 table.
SD_NOTE_RULES: tuple[SumRule, ...] = (
    SumRule(
        "L-SD-NOTE",
        HARD,
        _SD + "archive_submissions.total",
        (_SD + "archive_submissions.paper", _SD + "archive_submissions.electronic"),
    ),
    *(
        SumRule(
            "L-SD-NOTE",
            HARD,
            f"{_SD}{block}.total",
            tuple(f"{_SD}{block}.{tier}" for tier in _TIERS),
            optional=(f"{_SD}{block}.township",),
        )
        for block in ("websites", "reading_points", "reading_visitors")
    ),
    SumRule(
        "L-SD-NOTE",
        HARD,
        "legacy.complaints.total",
        tuple(f"{_SD}complaints.{outcome}" for outcome in ("upheld", "corrected", "other")),
    ),
)

RECEIVED = "legacy.applications.received_total"
REPLIES = "legacy.applications.replies_total"
# Legacy tables have no carry-over row, so replies differ from receipts by the
# applications still open at the year's turn: allow a tenth of receipts, at least 2.
APPROX_SHARE = 0.10
APPROX_MIN = 2


def _sum_rules(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    outcomes = []
    for rule in (*SUM_RULES, *SD_NOTE_RULES):
        outcome = sum_outcome(
            rule.rule, rule.severity, scope, mode, figures, rule.total, rule.parts, rule.optional
        )
        if outcome:
            outcomes.append(outcome)
    for bound in AT_MOST_RULES:
        outcome = at_most_outcome(
            bound.rule, bound.severity, scope, mode, figures, bound.smaller, bound.larger
        )
        if outcome:
            outcomes.append(outcome)
    return outcomes


def _replies_near_receipts(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """L-APPROX: replies_total ≈ received_total."""
    if RECEIVED not in figures or REPLIES not in figures:
        return []
    received, replies = figures[RECEIVED], figures[REPLIES]
    if abs(replies - received) <= max(APPROX_MIN, APPROX_SHARE * received):
        return [Outcome("L-APPROX", SOFT, scope, None)]
    finding = ValidationFinding(
        "L-APPROX",
        SOFT,
        scope,
        received,
        replies,
        f"{REPLIES} = {replies:g} is far from {RECEIVED} = {received:g}",
        mode=mode,
        key=REPLIES,
    )
    return [Outcome("L-APPROX", SOFT, scope, finding)]


CHECKS = (_sum_rules, _replies_near_receipts)


def comparison_outcomes(
    stats: Sequence[Stat], figures: Mapping[str, Mapping[str, float]], mode: str
) -> list[Outcome]:
    """L-INTERNAL and L-SCOPE findings (failures only: they count no passes), over the
    figures per scope of `mode`."""
    from dataclasses import replace

    return [
        Outcome(finding.rule, finding.severity, finding.scope, replace(finding, mode=mode))
        for finding in comparison_findings(stats, figures)
    ]
