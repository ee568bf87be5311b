from __future__ import annotations

import opencc
import pytest

from extract.legacy_table import parse_legacy_tables
from extract.model import BLANK, NOT_APPLICABLE, OK, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, Stat
from extract.validation.legacy_rules import validate_legacy

from .helpers.paths import SEEDS

A = "legacy.applications."


def figures(
    values: dict[str, int | float | None], scope: str = UNKNOWN_SCOPE, status: str = OK
) -> list[Stat]:
    return [Stat(key=key, value=value, scope=scope, status=status) for key, value in values.items()]


def rules(stats: list[Stat]) -> list[tuple[str, str, str]]:
    return [(finding.rule, finding.severity, finding.scope) for finding in validate_legacy(stats)]


RECEIVED = {
    A + "received_total": 81,
    A + "received_in_person": 39,
    A + "received_fax": 0,
    A + "received_online": 8,
    A + "received_letter": 34,
}


def test_received_that_adds_up_is_silent() -> None:
    assert validate_legacy(figures(RECEIVED)) == ()


def test_received_that_does_not_add_up() -> None:
    finding = validate_legacy(figures({**RECEIVED, A + "received_in_person": 40}))[0]
    assert (finding.rule, finding.severity, finding.expected, finding.actual) == ("L-RECV", "hard", 82, 81)


def test_received_counts_the_optional_other_row() -> None:
    assert rules(figures({**RECEIVED, A + "received_other": 2})) == [("L-RECV", "hard", UNKNOWN_SCOPE)]


def test_strict_mode_skips_a_missing_part() -> None:
    values = {key: value for key, value in RECEIVED.items() if not key.endswith("fax")}
    assert validate_legacy(figures({**values, A + "received_total": 99})) == ()


@pytest.mark.parametrize("status", [BLANK, NOT_APPLICABLE])
def test_strict_mode_skips_a_blank_part(status: str) -> None:
    printed = {key: value for key, value in RECEIVED.items() if not key.endswith("fax")}
    stats = figures({**printed, A + "received_total": 99}) + figures(
        {A + "received_fax": None}, status=status
    )
    assert validate_legacy(stats) == ()


@pytest.mark.parametrize(
    ("rule", "severity", "total", "parts"),
    [
        ("L-CLOSE", "hard", A + "closed_total", [A + "closed_on_time", A + "closed_extended"]),
        (
            "L-REPLY",
            "hard",
            A + "replies_total",
            [
                A + f"reply_{item}"
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
            ],
        ),
        (
            "L-REFUSE",
            "soft",
            A + "reply_refused_total",
            [
                A + f"refused.{reason}"
                for reason in (
                    "state_secret",
                    "commercial_secret",
                    "personal_privacy",
                    "security_stability",
                    "not_gov_info",
                    "other_legal_grounds",
                )
            ],
        ),
        (
            "L-REV",
            "hard",
            "legacy.admin_review.total",
            [f"legacy.admin_review.{o}" for o in ("upheld", "corrected", "other")],
        ),
        (
            "L-LIT",
            "hard",
            "legacy.litigation.total",
            [f"legacy.litigation.{o}" for o in ("upheld", "corrected", "other")],
        ),
        (
            "L-STAFF",
            "hard",
            "legacy.org.staff_total",
            ["legacy.org.staff_full_time", "legacy.org.staff_part_time"],
        ),
    ],
)
def test_sum_rule_violation(rule: str, severity: str, total: str, parts: list[str]) -> None:
    values = {total: len(parts) + 1, **{part: 1 for part in parts}}
    assert rules(figures(values)) == [(rule, severity, UNKNOWN_SCOPE)]


@pytest.mark.parametrize(
    ("rule", "severity", "smaller", "larger"),
    [
        (
            "L-PRINC",
            "hard",
            "legacy.response.press_conferences_principal",
            ["legacy.response.press_conferences"],
        ),
        (
            "L-PRINC",
            "hard",
            "legacy.response.online_interviews_principal",
            ["legacy.response.online_interviews"],
        ),
        (
            "L-DOCS",
            "soft",
            "legacy.proactive.normative_docs_published",
            ["legacy.proactive.normative_docs_issued"],
        ),
        (
            "L-CHAN",
            "soft",
            "legacy.proactive.items_total",
            [f"legacy.proactive.via_{way}" for way in ("gazette", "website", "weibo", "wechat", "other")],
        ),
    ],
)
def test_at_most_rule_violation(rule: str, severity: str, smaller: str, larger: list[str]) -> None:
    values = {smaller: len(larger) + 1, **{key: 1 for key in larger}}
    assert rules(figures(values)) == [(rule, severity, UNKNOWN_SCOPE)]


def test_channels_may_sum_to_more_than_the_total() -> None:
    channels = {
        f"legacy.proactive.via_{way}": 10 for way in ("gazette", "website", "weibo", "wechat", "other")
    }
    assert validate_legacy(figures({"legacy.proactive.items_total": 30, **channels})) == ()


def test_rules_run_per_scope() -> None:
    stats = figures({"legacy.org.staff_total": 3, "legacy.org.staff_full_time": 1}, scope=OWN_BODY) + figures(
        {"legacy.org.staff_part_time": 2}, scope=REGION_TOTAL
    )
    assert validate_legacy(stats) == ()


def test_region_below_own_body() -> None:
    stats = figures({"legacy.training.meetings": 42}, scope=OWN_BODY) + figures(
        {"legacy.training.meetings": 40}, scope=REGION_TOTAL
    )
    assert rules(stats) == [("L-SCOPE", "soft", REGION_TOTAL)]


def test_yes_no_rows_are_not_compared_across_scopes() -> None:
    key = "legacy.nmg.portal.online_service"
    stats = [Stat(key, 1, OWN_BODY, unit="是/否"), Stat(key, 0, REGION_TOTAL, unit="是/否")]
    assert validate_legacy(stats) == ()


def test_same_quantity_printed_twice() -> None:
    stats = figures({"legacy.sd.reading_points.total": 71, "legacy.org.reading_points": 87}, scope=OWN_BODY)
    assert rules(stats) == [("L-INTERNAL", "soft", OWN_BODY)]


# The seeds: their printed arithmetic holds, and a broken copy is caught.
def seed_lines(name: str, traditional: bool = False) -> list[str]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    text = path.read_text(encoding="utf-8")
    return (opencc.OpenCC("t2s").convert(text) if traditional else text).splitlines()


@pytest.fixture(scope="module")
def baotou_lines() -> list[str]:
    return seed_lines("003_3a90b2f8d284c835.txt", traditional=True)


@pytest.fixture(scope="module")
def zhucheng_lines() -> list[str]:
    return seed_lines("004_654c45f73d778c46.txt")


def with_value(lines: list[str], label: str, value: str, occurrence: int = 0) -> list[str]:
    """A copy of `lines` with the value cell of the `occurrence`-th row labelled `label` replaced."""
    rows = [index for index, line in enumerate(lines) if label in line]
    index = rows[occurrence] + 1
    while not lines[index].strip():
        index += 1
    return [*lines[:index], value, *lines[index + 1 :]]


@pytest.mark.shared
def test_baotou_has_no_violation(baotou_lines: list[str]) -> None:
    assert validate_legacy(parse_legacy_tables(baotou_lines).stats) == ()


@pytest.mark.shared
def test_zhucheng_has_no_hard_violation(zhucheng_lines: list[str]) -> None:
    findings = validate_legacy(parse_legacy_tables(zhucheng_lines).stats)
    assert [finding for finding in findings if finding.severity == "hard"] == []


@pytest.mark.shared
def test_zhucheng_own_body_reading_points_disagree(zhucheng_lines: list[str]) -> None:
    findings = validate_legacy(parse_legacy_tables(zhucheng_lines).stats)
    assert [(f.rule, f.scope, f.expected, f.actual) for f in findings] == [("L-INTERNAL", OWN_BODY, 87, 71)]


@pytest.mark.shared
def test_broken_baotou_copy_is_caught(baotou_lines: list[str]) -> None:
    broken = with_value(baotou_lines, "当面申请数", "40")
    assert rules(list(parse_legacy_tables(broken).stats)) == [("L-RECV", "hard", UNKNOWN_SCOPE)]


@pytest.mark.shared
def test_broken_zhucheng_region_copy_is_caught_in_its_scope(zhucheng_lines: list[str]) -> None:
    broken = with_value(zhucheng_lines, "兼职人员数", "90", occurrence=1)
    hard = [f for f in validate_legacy(parse_legacy_tables(broken).stats) if f.severity == "hard"]
    assert [(f.rule, f.scope) for f in hard] == [("L-STAFF", REGION_TOTAL)]
