"""Table 二 within one report (spec §7.3): T2-PUB (v2019) and T2-UNIT (v2021).

T2-STOCK and T2-ITEMS compare two years and live in across_years.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Stat, ValidationFinding
from .checks import SOFT, Figures, Outcome, at_most_outcome

# v2019 rows with made / published / published-in-total columns.
DOCUMENT_ROWS = ("regulations", "normative_docs", "other_proactive_docs")
FEE_AMOUNT = "proactive.admin_fees.amount"
# 本年收费金额 is printed in 万元; a million 万元 is ten billion yuan of fees.
FEE_UNIT_SLIP_AT = 1_000_000


# Each row's new_published cell and the two cells it cannot exceed.
_PUBLISHED_BOUNDS = tuple(
    (f"proactive.{row}.new_published", bound)
    for row in DOCUMENT_ROWS
    for bound in (f"proactive.{row}.new_made", f"proactive.{row}.published_total")
)


def published_within_made(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T2-PUB: new_published ≤ new_made and new_published ≤ published_total."""
    outcomes = []
    for published, bound in _PUBLISHED_BOUNDS:
        if outcome := at_most_outcome("T2-PUB", SOFT, scope, mode, figures, published, (bound,)):
            outcomes.append(outcome)
    return outcomes


def fee_unit(stats: Sequence[Stat], scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T2-UNIT: a fee amount ≥ 10⁶ or printed in 元 is probably yuan in a 万元 cell."""
    if FEE_AMOUNT not in figures:
        return []
    printed_units = {stat.unit for stat in stats if stat.key == FEE_AMOUNT and stat.scope == scope}
    amount = figures[FEE_AMOUNT]
    if amount < FEE_UNIT_SLIP_AT and "元" not in printed_units:
        return [Outcome("T2-UNIT", SOFT, scope, None)]
    finding = ValidationFinding(
        "T2-UNIT",
        SOFT,
        scope,
        None,
        amount,
        f"{FEE_AMOUNT} = {amount:g} looks like yuan, the table asks for 万元",
        mode=mode,
        key=FEE_AMOUNT,
    )
    return [Outcome("T2-UNIT", SOFT, scope, finding)]


CHECKS = (published_within_made,)
