"""What every check shares: figures per scope in a mode, and the outcome of one check.

A check is *applicable* when every figure it needs is known in the mode; an applicable
check that holds still counts, because the quality score is the share of hard checks
that held (see quality.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import APPROXIMATE, BLANK, NOT_APPLICABLE, OK, Stat, ValidationFinding

HARD = "hard"
SOFT = "soft"
STRICT = "strict"
LENIENT = "lenient"
MODES = (STRICT, LENIENT)

_USABLE = (OK, APPROXIMATE)
# Lenient mode reads an empty or "-" cell as the zero most filers meant by it.
_ZERO_IN_LENIENT = (BLANK, NOT_APPLICABLE)

Figures = Mapping[str, float]


@dataclass(frozen=True)
class Outcome:
    """One applicable check: its finding when it failed, None when it held."""

    rule: str
    severity: str
    scope: str
    finding: ValidationFinding | None

    @property
    def held(self) -> bool:
        return self.finding is None


def figures_by_scope(stats: Sequence[Stat], mode: str) -> dict[str, dict[str, float]]:
    """Known figures per scope in `mode`; the first printing of a key wins."""
    figures: dict[str, dict[str, float]] = {}
    for stat in stats:
        if stat.status in _USABLE and stat.value is not None:
            value: float | None = stat.value
        elif mode == LENIENT and stat.status in _ZERO_IN_LENIENT:
            value = 0
        else:
            continue
        figures.setdefault(stat.scope, {}).setdefault(stat.key, value)
    return figures


def same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6  # money figures are decimals in 万元


def sum_outcome(
    rule: str,
    severity: str,
    scope: str,
    mode: str,
    figures: Figures,
    total: str,
    parts: Sequence[str],
    optional: Sequence[str] = (),
) -> Outcome | None:
    """`total` = Σ `parts` (+ the optional parts that are known); None when not applicable."""
    if total not in figures or any(part not in figures for part in parts):
        return None
    counted = [*parts, *(part for part in optional if part in figures)]
    expected = sum(figures[part] for part in counted)
    actual = figures[total]
    finding = None
    if not same(expected, actual):
        finding = ValidationFinding(
            rule,
            severity,
            scope,
            expected,
            actual,
            f"{total} = {actual:g} but the sum of its {len(counted)} parts is {expected:g}",
            mode=mode,
            key=total,
        )
    return Outcome(rule, severity, scope, finding)


def at_most_outcome(
    rule: str, severity: str, scope: str, mode: str, figures: Figures, smaller: str, larger: Sequence[str]
) -> Outcome | None:
    """`smaller` ≤ Σ `larger`; None when not applicable."""
    if smaller not in figures or any(key not in figures for key in larger):
        return None
    bound = sum(figures[key] for key in larger)
    actual = figures[smaller]
    finding = None
    if actual > bound + 1e-6:
        finding = ValidationFinding(
            rule,
            severity,
            scope,
            bound,
            actual,
            f"{smaller} = {actual:g} exceeds {' + '.join(larger)} = {bound:g}",
            mode=mode,
            key=smaller,
        )
    return Outcome(rule, severity, scope, finding)


def non_negative_integer_outcomes(
    rule: str, scope: str, mode: str, figures: Figures, prefixes: tuple[str, ...]
) -> list[Outcome]:
    """One check per scope that every count under `prefixes` is a whole number ≥ 0."""
    keys = [key for key in figures if key.startswith(prefixes)]
    if not keys:
        return []
    bad = [key for key in keys if figures[key] < 0 or not float(figures[key]).is_integer()]
    if not bad:
        return [Outcome(rule, HARD, scope, None)]
    return [
        Outcome(
            rule,
            HARD,
            scope,
            ValidationFinding(
                rule,
                HARD,
                scope,
                None,
                figures[key],
                f"{key} = {figures[key]:g} is not a whole number ≥ 0",
                mode=mode,
                key=key,
            ),
        )
        for key in bad
    ]
