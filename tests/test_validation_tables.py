"""Table 三, 四 and 二 invariants (spec §7.1–7.3) on consistent sets and broken copies."""

from __future__ import annotations

import pytest

from extract.model import UNKNOWN_SCOPE, Stat
from extract.validation import validate_report
from extract.validation.checks import LENIENT, STRICT

from .helpers.figure_sets import consistent_figures, stats_of

ERAS = ["v2019", "v2021"]
NP = "natural_person"


def fired(stats: list[Stat], rule: str) -> list:
    return [finding for finding in validate_report(stats).findings if finding.rule == rule]


@pytest.mark.parametrize("era", ERAS)
def test_a_consistent_set_has_no_findings(era: str) -> None:
    assert validate_report(stats_of(consistent_figures(era))).findings == ()


@pytest.mark.parametrize("era", ERAS)
def test_a_consistent_set_scores_full_quality(era: str) -> None:
    assert validate_report(stats_of(consistent_figures(era))).quality == 1.0


@pytest.mark.parametrize("era", ERAS)
def test_t3_row_fires_on_a_wrong_row_total(era: str) -> None:
    figures = consistent_figures(era)
    figures["applications.results.granted.total"] += 1
    finding = fired(stats_of(figures), "T3-ROW")[0]
    assert (finding.key, finding.actual - finding.expected) == ("applications.results.granted.total", 1)


@pytest.mark.parametrize("era", ERAS)
def test_t3_res_fires_when_a_result_row_is_off(era: str) -> None:
    figures = consistent_figures(era)
    figures[f"applications.results.withheld.state_secret.{NP}"] += 5
    figures["applications.results.withheld.state_secret.total"] += 5  # keep T3-ROW quiet
    assert [f.key for f in fired(stats_of(figures), "T3-RES")] == [
        f"applications.results.total.{NP}",
        "applications.results.total.total",
    ]


def test_t3_res_counts_the_three_v2021_other_handling_rows() -> None:
    figures = consistent_figures("v2021")
    figures[f"applications.results.other_handling.fee_unpaid.{NP}"] += 1
    figures["applications.results.other_handling.fee_unpaid.total"] += 1
    assert fired(stats_of(figures), "T3-RES")


def test_t3_res_counts_the_single_v2019_other_handling_row() -> None:
    figures = consistent_figures("v2019")
    figures[f"applications.results.other_handling.total.{NP}"] += 1
    figures["applications.results.other_handling.total.total"] += 1
    assert fired(stats_of(figures), "T3-RES")


@pytest.mark.parametrize("era", ERAS)
def test_t3_bal_fires_when_carry_forward_is_off(era: str) -> None:
    figures = consistent_figures(era)
    figures[f"applications.carried_forward.{NP}"] += 2
    figures["applications.carried_forward.total"] += 2
    finding = fired(stats_of(figures), "T3-BAL")[0]
    assert finding.expected - finding.actual == 2


@pytest.mark.parametrize("era", ERAS)
def test_t3_nn_fires_on_a_negative_count(era: str) -> None:
    figures = consistent_figures(era)
    figures[f"applications.carried_over.{NP}"] = -1
    assert [f.key for f in fired(stats_of(figures), "T3-NN")] == [f"applications.carried_over.{NP}"]


def test_t3_nn_fires_on_a_fraction() -> None:
    figures = consistent_figures("v2021")
    figures[f"applications.carried_over.{NP}"] = 1.5
    assert fired(stats_of(figures), "T3-NN")


@pytest.mark.parametrize("era", ERAS)
def test_t4_sum_fires_on_a_wrong_group_total(era: str) -> None:
    figures = consistent_figures(era)
    figures["review_litigation.litigation_direct.total"] = 7
    finding = fired(stats_of(figures), "T4-SUM")[0]
    assert (finding.key, finding.expected, finding.actual) == (
        "review_litigation.litigation_direct.total",
        6,
        7,
    )


def test_t4_nn_fires_on_a_negative_count() -> None:
    figures = consistent_figures("v2021")
    figures["review_litigation.admin_review.pending"] = -2
    assert fired(stats_of(figures), "T4-NN")


def test_t2_pub_fires_when_more_published_than_made() -> None:
    figures = consistent_figures("v2019")
    figures["proactive.regulations.new_published"] = 6
    finding = fired(stats_of(figures), "T2-PUB")[0]
    assert (finding.severity, finding.expected, finding.actual) == ("soft", 5, 6)


def test_t2_unit_fires_on_a_fee_in_yuan() -> None:
    figures = consistent_figures("v2021")
    figures["proactive.admin_fees.amount"] = 2_500_000
    assert fired(stats_of(figures), "T2-UNIT")


def test_t2_unit_fires_on_a_printed_yuan_unit() -> None:
    stats = [Stat("proactive.admin_fees.amount", 380, UNKNOWN_SCOPE, unit="元")]
    assert fired(stats, "T2-UNIT")


def _blank_total(era: str) -> list[Stat]:
    """The Shanghai 2019 habit: 总计 left blank on a result row."""
    figures: dict = dict(consistent_figures(era))
    figures["applications.results.granted.total"] = None
    return stats_of(figures)


@pytest.mark.parametrize("era", ERAS)
def test_strict_mode_skips_a_blank_total(era: str) -> None:
    assert [f for f in validate_report(_blank_total(era)).findings if f.mode == STRICT] == []


@pytest.mark.parametrize("era", ERAS)
def test_lenient_mode_reads_a_blank_total_as_zero(era: str) -> None:
    finding = next(f for f in validate_report(_blank_total(era)).findings if f.rule == "T3-ROW")
    assert (finding.mode, finding.actual, finding.key) == (LENIENT, 0, "applications.results.granted.total")


def test_lenient_findings_lower_the_quality() -> None:
    assert validate_report(_blank_total("v2021")).quality == pytest.approx(1.0 - 0.02 * 2)


def test_quality_is_the_share_of_hard_checks_held() -> None:
    figures = consistent_figures("v2021")
    figures["review_litigation.admin_review.total"] = 9
    result = validate_report(stats_of(figures))
    assert result.quality == round((result.hard_checks - 1) / result.hard_checks, 3)


def test_quality_is_none_without_an_applicable_check() -> None:
    assert validate_report([Stat("legacy.complaints.total", 0)]).quality is None


def test_scopes_are_checked_apart() -> None:
    own = stats_of(consistent_figures("v2021"), scope="own_body")
    region = stats_of({"review_litigation.admin_review.total": 9}, scope="region_total")
    assert validate_report(own + region).findings == ()
