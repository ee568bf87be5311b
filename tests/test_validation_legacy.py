"""Legacy extras (L-APPROX, L-SD-NOTE), lenient mode on legacy figures, prose against table, seeds."""

from __future__ import annotations

import pytest

from extract.model import APPROXIMATE, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, Stat
from extract.prose import prose_figures
from extract.validation import validate_report
from extract.validation.checks import LENIENT

from .helpers.figure_sets import stats_of
from .helpers.paths import SAMPLE_PORTAL, shared_file
from .helpers.seed_figures import ZHUCHENG_OWN, ZHUCHENG_REGION

A = "legacy.applications."
SD = "legacy.sd."


def rules(stats: list[Stat], prose: tuple[Stat, ...] = ()) -> list[str]:
    return [finding.rule for finding in validate_report(stats, prose).findings]


def test_l_approx_holds_when_replies_are_near_receipts() -> None:
    assert rules(stats_of({A + "received_total": 100, A + "replies_total": 95})) == []


def test_l_approx_fires_when_replies_are_far_from_receipts() -> None:
    finding = validate_report(stats_of({A + "received_total": 100, A + "replies_total": 60})).findings[0]
    assert (finding.rule, finding.severity, finding.expected, finding.actual) == ("L-APPROX", "soft", 100, 60)


SD_VISITORS = {
    SD + "reading_visitors.total": 7900,
    SD + "reading_visitors.county_gov": 5000,
    SD + "reading_visitors.county_dept": 2000,
    SD + "reading_visitors.township": 900,
}


def test_l_sd_note_holds_with_the_township_row() -> None:
    assert rules(stats_of(SD_VISITORS)) == []


def test_l_sd_note_fires_when_sub_rows_do_not_add_up() -> None:
    finding = validate_report(stats_of({**SD_VISITORS, SD + "reading_visitors.township": 800})).findings[0]
    assert (finding.rule, finding.severity, finding.expected) == ("L-SD-NOTE", "hard", 7800)


def test_l_sd_note_checks_complaint_outcomes() -> None:
    figures = {
        "legacy.complaints.total": 2,
        SD + "complaints.upheld": 1,
        SD + "complaints.corrected": 0,
        SD + "complaints.other": 0,
    }
    assert rules(stats_of(figures)) == ["L-SD-NOTE"]


REVIEW = {"legacy.admin_review.total": 3, "legacy.admin_review.upheld": 3, "legacy.admin_review.corrected": 0}


def test_legacy_strict_skips_a_blank_part() -> None:
    stats = stats_of({**REVIEW, "legacy.admin_review.other": None})
    assert validate_report(stats).findings == ()


def test_legacy_lenient_reads_a_blank_part_as_zero() -> None:
    stats = stats_of({**REVIEW, "legacy.admin_review.total": 4, "legacy.admin_review.other": None})
    (finding,) = validate_report(stats).findings
    assert (finding.rule, finding.mode, finding.expected, finding.actual) == ("L-REV", LENIENT, 3, 4)


def test_legacy_findings_name_their_key() -> None:
    stats = stats_of({**REVIEW, "legacy.admin_review.other": 1})
    assert validate_report(stats).findings[0].key == "legacy.admin_review.total"


def table(values: dict[str, int], scope: str = UNKNOWN_SCOPE) -> list[Stat]:
    return [Stat(key, value, scope) for key, value in values.items()]


def prose(key: str, value: int, scope: str = UNKNOWN_SCOPE, status: str = "ok") -> Stat:
    return Stat(key, value, scope, source="prose", status=status, raw_label=f"…{value}件")


def test_prose_that_agrees_with_the_table_is_silent() -> None:
    assert rules(table({A + "received_total": 88}), (prose(A + "received_total", 88),)) == []


def test_prose_that_disagrees_with_the_table_is_a_finding() -> None:
    finding = validate_report(table({A + "received_total": 88}), (prose(A + "received_total", 90),)).findings[
        0
    ]
    assert (finding.rule, finding.expected, finding.actual) == ("PROSE-TABLE", 88, 90)


def test_approximate_prose_agrees_within_a_tenth() -> None:
    stats, said = table({A + "received_total": 34217}), prose(A + "received_total", 34000, status=APPROXIMATE)
    assert rules(stats, (said,)) == []


def test_region_prose_is_not_checked_against_an_own_body_table() -> None:
    stats = table({A + "received_total": 88}, OWN_BODY)
    assert rules(stats, (prose(A + "received_total", 90, REGION_TOTAL),)) == []


def test_prose_never_replaces_a_table_figure() -> None:
    stats = table({A + "received_total": 88})
    validate_report(stats, (prose(A + "received_total", 90),))
    assert stats[0].value == 88


def test_prose_only_figures_are_not_checked_against_themselves() -> None:
    said = prose(A + "received_total", 90)
    assert rules([said], (said,)) == []


# Seeds -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dalian_validation():
    text = shared_file("seeds", "000_193d3c49623dce5c.txt").read_text("utf-8")
    figures = prose_figures(text, 2017)
    return validate_report(figures, figures)


@pytest.mark.shared
def test_seed_000_prose_figures_hold_l_reply(dalian_validation) -> None:
    # 1283+966+39+881+621+1031+587+108 = 5516 (spec §7.4 seed check)
    assert dalian_validation.findings == ()


@pytest.mark.shared
def test_seed_000_prose_figures_are_judged(dalian_validation) -> None:
    assert dalian_validation.hard_checks >= 3


def test_seed_004_own_body_table_breaks_l_internal() -> None:
    stats = table(ZHUCHENG_OWN, OWN_BODY) + table(ZHUCHENG_REGION, REGION_TOTAL)
    assert [(f.rule, f.scope) for f in validate_report(stats).findings] == [("L-INTERNAL", OWN_BODY)]


def test_a_scaled_prose_figure_agrees_within_its_rounding() -> None:
    # Seed 003: "全市主动公开政府信息5.5万条" and the table's 54835.
    said = Stat("legacy.proactive.items_total", 55000, REGION_TOTAL, source="prose", raw_value="5.5万")
    assert rules(table({"legacy.proactive.items_total": 54835}), (said,)) == []


def test_a_scaled_prose_figure_outside_its_rounding_is_a_finding() -> None:
    said = Stat("legacy.proactive.items_total", 56000, REGION_TOTAL, source="prose", raw_value="5.6万")
    assert rules(table({"legacy.proactive.items_total": 54835}), (said,)) == ["PROSE-TABLE"]


@pytest.fixture(scope="module")
def baotou_page():
    """Seed 003 on the sample portal: a legacy table and prose that quotes it."""
    from extract.pipeline import process

    page = SAMPLE_PORTAL / "xxgk" / "ndbg" / "201803" / "t20180322_1234401.html"
    return process(page.read_bytes(), "http://127.0.0.1:8000/xxgk/ndbg/201803/t20180322_1234401.html")


def test_seed_003_keeps_table_figures_as_stats(baotou_page) -> None:
    assert {stat.source for stat in baotou_page.stats} == {"table"}


def test_seed_003_prose_agrees_with_its_table(baotou_page) -> None:
    assert baotou_page.validation == ()


def test_seed_003_quality(baotou_page) -> None:
    assert baotou_page.quality == 1.0
