"""PROSE-TABLE (spec §7.1 T3-TXT, and the same idea for legacy reports): figures quoted in
the prose agree with the table.

Prose never overwrites a table figure; where both exist the prose figure is only a
check. A report's prose often counts a narrower or wider set than the table (Shanghai
2019: 予以公开及部分公开258件 vs 275 in the table), hence soft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import APPROXIMATE, UNKNOWN_SCOPE, Stat, ValidationFinding
from .checks import SOFT, STRICT, Outcome, figures_by_scope

RULE = "PROSE-TABLE"
# "3.4万余件" is a rounded figure: it agrees with a table within this share.
APPROXIMATE_SHARE = 0.10


_SCALED = re.compile(r"(?:\.(?P<decimals>\d+))?(?P<scale>万|亿)")
_SCALE = {"万": 10_000, "亿": 100_000_000}


def _rounding(raw: str) -> float:
    """Half the last printed digit of a scaled figure: "5.5万" stands for 54 500–55 500."""
    match = _SCALED.search(raw)
    if not match:
        return 0.0
    return 0.5 * _SCALE[match["scale"]] / 10 ** len(match["decimals"] or "")


def _agrees(prose: Stat, table_value: float) -> bool:
    assert prose.value is not None
    if prose.status == APPROXIMATE:
        return abs(prose.value - table_value) <= APPROXIMATE_SHARE * max(abs(table_value), 1)
    return abs(prose.value - table_value) <= _rounding(prose.raw_value) + 1e-6


def prose_table_outcomes(table_stats: Sequence[Stat], prose: Sequence[Stat]) -> list[Outcome]:
    figures = figures_by_scope(table_stats, STRICT)
    outcomes = []
    for stat in prose:
        if stat.value is None:
            continue
        printed = {scope: scoped[stat.key] for scope, scoped in figures.items() if stat.key in scoped}
        if stat.scope in printed:
            candidates = {stat.scope: printed[stat.scope]}
        elif stat.scope == UNKNOWN_SCOPE or UNKNOWN_SCOPE in printed:
            candidates = printed  # the prose or the table does not say whose figure it is
        else:
            continue  # a region-wide sentence says nothing about an own-body table
        if not candidates:
            continue
        scope, table_value = next(iter(candidates.items()))
        finding = None
        if not any(_agrees(stat, value) for value in candidates.values()):
            finding = ValidationFinding(
                RULE,
                SOFT,
                scope,
                table_value,
                stat.value,
                f"prose says {stat.raw_label!r} but the table has {stat.key} = {table_value:g}",
                mode=STRICT,
                key=stat.key,
            )
        outcomes.append(Outcome(RULE, SOFT, scope, finding))
    return outcomes
