"""v2019/v2021 table 三 (spec §7.1): row totals, result totals, the 勾稽 balance, counts.

T3-CARRY compares two years of one body and lives in across_years.py; T3-TXT (prose
vs table) is the PROSE-TABLE check in prose_table.py.
"""

from __future__ import annotations

from ..keys import APPLICANT_COLUMNS, TOTAL_COLUMN
from ..model import ValidationFinding
from .checks import HARD, Figures, Outcome, non_negative_integer_outcomes, same, sum_outcome
from .indicators import TABLE3, cell, table3_result_groups, table3_rows

OTHER_HANDLING = "other_handling"
OTHER_HANDLING_PRINTED_V2019 = "results.other_handling.total"
ALL_COLUMNS = (*APPLICANT_COLUMNS, TOTAL_COLUMN)


def row_totals(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-ROW: each printed row's 总计 is the sum of its six applicant columns."""
    outcomes = []
    for row in table3_rows():
        total = cell(row, TOTAL_COLUMN)
        parts = [cell(row, column) for column in APPLICANT_COLUMNS]
        if outcome := sum_outcome("T3-ROW", HARD, scope, mode, figures, total, parts):
            outcomes.append(outcome)
    return outcomes


def _result_parts(column: str, figures: Figures) -> list[str]:
    parts: list[str] = []
    for group, rows in table3_result_groups().items():
        if group != OTHER_HANDLING:
            parts += [cell(row, column) for row in rows]
            continue
        # v2021 splits （六）其他处理 into three rows; v2019 prints one.
        split = [cell(row, column) for row in rows if row != OTHER_HANDLING_PRINTED_V2019]
        parts += (
            split if any(key in figures for key in split) else [cell(OTHER_HANDLING_PRINTED_V2019, column)]
        )
    return parts


def result_totals(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-RES: （七）总计 = 予以公开 + 部分公开 + 不予公开 1–8 + 无法提供 1–3 + 不予处理 1–5 + 其他处理."""
    outcomes = []
    for column in ALL_COLUMNS:
        total = cell("results.total", column)
        parts = _result_parts(column, figures)
        if outcome := sum_outcome("T3-RES", HARD, scope, mode, figures, total, parts):
            outcomes.append(outcome)
    return outcomes


def balance(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-BAL: 新收 + 上年结转 = 办理结果总计 + 结转下年度, per column (the header's 勾稽关系)."""
    outcomes = []
    for column in ALL_COLUMNS:
        incoming = [cell("new_received", column), cell("carried_over", column)]
        outgoing = [cell("results.total", column), cell("carried_forward", column)]
        if any(key not in figures for key in incoming + outgoing):
            continue
        came, went = sum(figures[key] for key in incoming), sum(figures[key] for key in outgoing)
        finding = None
        if not same(came, went):
            finding = ValidationFinding(
                "T3-BAL",
                HARD,
                scope,
                went,
                came,
                f"{column}: new_received + carried_over = {came:g} "
                f"but results.total + carried_forward = {went:g}",
                mode=mode,
                key=cell("new_received", column),
            )
        outcomes.append(Outcome("T3-BAL", HARD, scope, finding))
    return outcomes


def counts(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-NN: every cell is a whole number ≥ 0."""
    return non_negative_integer_outcomes("T3-NN", scope, mode, figures, (TABLE3,))


CHECKS = (row_totals, result_totals, balance, counts)
