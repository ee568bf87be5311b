"""v2019/v2021 table 四 (spec §7.2): each proceeding's total and whole counts.

T4-X compares with last year's reconsiderations and lives in across_years.py.
"""

from __future__ import annotations

from .checks import HARD, Figures, Outcome, non_negative_integer_outcomes, sum_outcome
from .indicators import TABLE4, TABLE4_GROUPS, TABLE4_OUTCOMES

# Each proceeding's total cell and its four outcome cells.
_GROUP_CELLS = tuple(
    (f"{TABLE4}{group}.total", tuple(f"{TABLE4}{group}.{outcome}" for outcome in TABLE4_OUTCOMES))
    for group in TABLE4_GROUPS
)


def group_totals(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T4-SUM: total = upheld + corrected + other + pending, for each of the three groups."""
    outcomes = []
    for total, parts in _GROUP_CELLS:
        if outcome := sum_outcome("T4-SUM", HARD, scope, mode, figures, total, parts):
            outcomes.append(outcome)
    return outcomes


def counts(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T4-NN: every cell is a whole number ≥ 0."""
    return non_negative_integer_outcomes("T4-NN", scope, mode, figures, (TABLE4,))


CHECKS = (group_totals, counts)
