"""Arithmetic invariants of the legacy table (spec §7.4) → findings, never corrections.

Strict mode only: a blank, "-", unparsed or missing figure is unknown, and a rule
that needs it is skipped rather than guessed (a blank is not a zero). Every rule is
checked per scope, because a page may print an own-body and a region-wide table
and their figures must never be mixed. Findings are produced only for violations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import APPROXIMATE, OK, OWN_BODY, REGION_TOTAL, Stat, ValidationFinding

HARD = "hard"
SOFT = "soft"
_USABLE = (OK, APPROXIMATE)
_A = "legacy.applications."


@dataclass(frozen=True)
class SumRule:
    """`total` equals the sum of `parts`; `optional` parts count when printed (e.g. 5.其他形式)."""

    rule: str
    severity: str
    total: str
    parts: tuple[str, ...]
    optional: tuple[str, ...] = ()


@dataclass(frozen=True)
class AtMostRule:
    """`smaller` ≤ Σ `larger`."""

    rule: str
    severity: str
    smaller: str
    larger: tuple[str, ...]


SUM_RULES: tuple[SumRule, ...] = (
    SumRule(
        "L-RECV",
        HARD,
        _A + "received_total",
        tuple(_A + f"received_{way}" for way in ("in_person", "fax", "online", "letter")),
        optional=(_A + "received_other", _A + "received_email"),
    ),
    SumRule("L-CLOSE", HARD, _A + "closed_total", (_A + "closed_on_time", _A + "closed_extended")),
    SumRule(
        "L-REPLY",
        HARD,
        _A + "replies_total",
        tuple(
            _A + f"reply_{item}"
            for item in (
                "already_public",
                "granted",
                "partially_granted",
                "refused_total",
                "not_this_agency",
                "not_exist",
                "amend_requested",
                "redirected",
            )
        ),
    ),
    # Soft: one refusal may cite several grounds.
    SumRule(
        "L-REFUSE",
        SOFT,
        _A + "reply_refused_total",
        tuple(
            _A + f"refused.{reason}"
            for reason in (
                "state_secret",
                "commercial_secret",
                "personal_privacy",
                "security_stability",
                "not_gov_info",
                "other_legal_grounds",
            )
        ),
    ),
    SumRule(
        "L-REV",
        HARD,
        "legacy.admin_review.total",
        ("legacy.admin_review.upheld", "legacy.admin_review.corrected", "legacy.admin_review.other"),
    ),
    SumRule(
        "L-LIT",
        HARD,
        "legacy.litigation.total",
        ("legacy.litigation.upheld", "legacy.litigation.corrected", "legacy.litigation.other"),
    ),
    SumRule(
        "L-STAFF",
        HARD,
        "legacy.org.staff_total",
        ("legacy.org.staff_full_time", "legacy.org.staff_part_time"),
    ),
)

AT_MOST_RULES: tuple[AtMostRule, ...] = (
    AtMostRule(
        "L-PRINC",
        HARD,
        "legacy.response.press_conferences_principal",
        ("legacy.response.press_conferences",),
    ),
    AtMostRule(
        "L-PRINC",
        HARD,
        "legacy.response.online_interviews_principal",
        ("legacy.response.online_interviews",),
    ),
    # An item published on several channels counts once in the total: ≤, not =.
    AtMostRule(
        "L-CHAN",
        SOFT,
        "legacy.proactive.items_total",
        tuple(f"legacy.proactive.via_{way}" for way in ("gazette", "website", "weibo", "wechat", "other")),
    ),
    AtMostRule(
        "L-DOCS",
        SOFT,
        "legacy.proactive.normative_docs_published",
        ("legacy.proactive.normative_docs_issued",),
    ),
)

# The same quantity printed twice in one table (Shandong 十 and 十二(二)); seed 004's
# 市本级 table says 71 and 87.
SAME_QUANTITY: tuple[tuple[str, str], ...] = (
    ("legacy.sd.reading_points.total", "legacy.org.reading_points"),
)

# Units whose figures are not additive across scopes.
_NON_ADDITIVE_UNITS = frozenset({"是/否"})


def _figures_by_scope(stats: Sequence[Stat]) -> dict[str, dict[str, float]]:
    """Usable figures per scope; the first printing of a key wins (repeats are L-INTERNAL's business)."""
    figures: dict[str, dict[str, float]] = {}
    for stat in stats:
        if stat.status in _USABLE and stat.value is not None:
            figures.setdefault(stat.scope, {}).setdefault(stat.key, stat.value)
    return figures


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 1e-6  # money cells are decimals in 万元


def _check_sums(scope: str, figures: Mapping[str, float]) -> list[ValidationFinding]:
    findings = []
    for rule in SUM_RULES:
        if rule.total not in figures or any(part not in figures for part in rule.parts):
            continue
        parts = rule.parts + tuple(part for part in rule.optional if part in figures)
        expected = sum(figures[part] for part in parts)
        actual = figures[rule.total]
        if not _same(expected, actual):
            findings.append(
                ValidationFinding(
                    rule.rule,
                    rule.severity,
                    scope,
                    expected,
                    actual,
                    f"{rule.total} = {actual:g} but the sum of {len(parts)} parts is {expected:g}",
                    key=rule.total,
                )
            )
    return findings


def _check_at_most(scope: str, figures: Mapping[str, float]) -> list[ValidationFinding]:
    findings = []
    for rule in AT_MOST_RULES:
        if rule.smaller not in figures or any(key not in figures for key in rule.larger):
            continue
        bound = sum(figures[key] for key in rule.larger)
        actual = figures[rule.smaller]
        if actual > bound + 1e-6:
            findings.append(
                ValidationFinding(
                    rule.rule,
                    rule.severity,
                    scope,
                    bound,
                    actual,
                    f"{rule.smaller} = {actual:g} exceeds {' + '.join(rule.larger)} = {bound:g}",
                    key=rule.smaller,
                )
            )
    return findings


def _check_internal(scope: str, figures: Mapping[str, float]) -> list[ValidationFinding]:
    findings = []
    for first, second in SAME_QUANTITY:
        if first in figures and second in figures and not _same(figures[first], figures[second]):
            findings.append(
                ValidationFinding(
                    "L-INTERNAL",
                    SOFT,
                    scope,
                    figures[second],
                    figures[first],
                    f"{first} = {figures[first]:g} but {second} = {figures[second]:g} in the same table",
                    key=first,
                )
            )
    return findings


def _check_scopes(
    stats: Sequence[Stat], figures: Mapping[str, Mapping[str, float]]
) -> list[ValidationFinding]:
    """L-SCOPE: a region-wide figure includes the body's own, so it cannot be smaller."""
    own, region = figures.get(OWN_BODY, {}), figures.get(REGION_TOTAL, {})
    non_additive = {stat.key for stat in stats if stat.unit in _NON_ADDITIVE_UNITS}
    findings = []
    for key, own_value in own.items():
        if key in region and key not in non_additive and region[key] < own_value - 1e-6:
            findings.append(
                ValidationFinding(
                    "L-SCOPE",
                    SOFT,
                    REGION_TOTAL,
                    own_value,
                    region[key],
                    f"{key}: region total {region[key]:g} is below the own-body figure {own_value:g}",
                    key=key,
                )
            )
    return findings


def validate_legacy(stats: Sequence[Stat]) -> tuple[ValidationFinding, ...]:
    """Violations of the legacy-table invariants, per scope, in strict mode."""
    figures = _figures_by_scope(stats)
    findings: list[ValidationFinding] = []
    for scope, scoped in figures.items():
        findings += _check_sums(scope, scoped)
        findings += _check_at_most(scope, scoped)
        findings += _check_internal(scope, scoped)
    findings += _check_scopes(stats, figures)
    return tuple(findings)


def comparison_findings(
    stats: Sequence[Stat], figures: Mapping[str, Mapping[str, float]]
) -> list[ValidationFinding]:
    """L-INTERNAL per scope, then L-SCOPE: the rules that compare figures rather than add them,
    over `figures` already read from `stats` (usable figures per scope, first printing wins)."""
    findings: list[ValidationFinding] = []
    for scope, scoped in figures.items():
        findings += _check_internal(scope, scoped)
    findings += _check_scopes(stats, figures)
    return findings
