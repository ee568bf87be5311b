"""The validation stage: every check in both modes, prose against table, one quality score."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Stat, ValidationFinding
from . import legacy, table2, table3, table4
from .checks import HARD, LENIENT, STRICT, Outcome, figures_by_scope
from .prose_table import prose_table_outcomes
from .quality import quality_score

_PER_SCOPE_CHECKS = (*table3.CHECKS, *table4.CHECKS, *table2.CHECKS, *legacy.CHECKS)


@dataclass(frozen=True)
class ReportValidation:
    findings: tuple[ValidationFinding, ...]
    quality: float | None
    hard_checks: int  # applicable in strict mode
    hard_failed: int


def outcomes_in_mode(stats: Sequence[Stat], mode: str) -> list[Outcome]:
    """Every applicable check of one mode, over every scope."""
    outcomes: list[Outcome] = []
    by_scope = figures_by_scope(stats, mode)
    for scope, figures in by_scope.items():
        for check in _PER_SCOPE_CHECKS:
            outcomes += check(scope, mode, figures)
        outcomes += table2.fee_unit(stats, scope, mode, figures)
    # In lenient mode these are the figures of the Stats with blank and "-" cells read as
    # printed zeros, which is what the legacy comparison rules need.
    return outcomes + legacy.comparison_outcomes(stats, by_scope, mode)


def _identity(finding: ValidationFinding) -> tuple[str, str, str]:
    return finding.rule, finding.scope, finding.key


def validate_report(stats: Sequence[Stat], prose: Sequence[Stat] = ()) -> ReportValidation:
    """Findings for a report's figures; `prose` figures are checked against table figures.

    Lenient findings are kept only when strict mode did not report the same check: they
    are the violations that appear once blank cells are read as zeros.
    """
    strict = outcomes_in_mode(stats, STRICT)
    strict_findings = [o.finding for o in strict if o.finding]
    reported = {_identity(finding) for finding in strict_findings}
    lenient_only = [
        o.finding
        for o in outcomes_in_mode(stats, LENIENT)
        if o.finding and _identity(o.finding) not in reported
    ]
    table_stats = [stat for stat in stats if stat.source != "prose"]
    prose_outcomes = prose_table_outcomes(table_stats, prose) if table_stats else []
    checked = strict + prose_outcomes
    hard = [o for o in checked if o.severity == HARD]
    return ReportValidation(
        findings=tuple(strict_findings + lenient_only + [o.finding for o in prose_outcomes if o.finding]),
        quality=quality_score(checked, lenient_only),
        hard_checks=len(hard),
        hard_failed=sum(not o.held for o in hard),
    )
