"""v2019/v2021 table 三 (spec §7.1): row totals, result totals, the 勾稽 balance, counts.

T3-CARRY compares two years of one body and lives in across_years.py; T3-TXT (prose
vs table) is the PROSE-TABLE check in prose_table.py.
"""

from __future__ import annotations

from ..caches import loaded
from ..keys import APPLICANT_COLUMNS, TOTAL_COLUMN
from ..model import ValidationFinding
from .checks import HARD, Figures, Outcome, non_negative_integer_outcomes, same, sum_outcome
from .indicators import TABLE3, cell, table3_result_groups, table3_rows

OTHER_HANDLING = "other_handling"
OTHER_HANDLING_PRINTED_V2019 = "results.other_handling.total"
ALL_COLUMNS = (*APPLICANT_COLUMNS, TOTAL_COLUMN)


# The cell keys each check reads depend only on data/indicators.csv, but the checks run per
# scope and per mode on every report: the tables below are built once per process.


@loaded()
def _row_cells() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each printed row's 总计 cell and its six applicant cells."""
    return tuple(
        (cell(row, TOTAL_COLUMN), tuple(cell(row, column) for column in APPLICANT_COLUMNS))
        for row in table3_rows()
    )


def row_totals(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-ROW: each printed row's 总计 is the sum of its six applicant columns."""
    outcomes = []
    for total, parts in _row_cells():
        if total not in figures:
            continue  # not applicable (checked here: most reports print few of table 三's rows)
        if outcome := sum_outcome("T3-ROW", HARD, scope, mode, figures, total, parts):
            outcomes.append(outcome)
    return outcomes


# One group of result rows in one column: its cells, and the cells read instead when none
# of them is printed (None when the group has no alternative).
_ResultGroup = tuple[tuple[str, ...], tuple[str, ...] | None]


@loaded(16)  # one entry per result column of table 3
def _result_cells(column: str) -> tuple[_ResultGroup, ...]:
    groups: list[_ResultGroup] = []
    for group, rows in table3_result_groups().items():
        if group != OTHER_HANDLING:
            groups.append((tuple(cell(row, column) for row in rows), None))
            continue
        # v2021 splits （六）其他处理 into three rows; v2019 prints one.
        split = tuple(cell(row, column) for row in rows if row != OTHER_HANDLING_PRINTED_V2019)
        groups.append((split, (cell(OTHER_HANDLING_PRINTED_V2019, column),)))
    return tuple(groups)


def _result_parts(column: str, figures: Figures) -> list[str]:
    parts: list[str] = []
    for cells, otherwise in _result_cells(column):
        if otherwise is None or any(key in figures for key in cells):
            parts += cells
        else:
            parts += otherwise
    return parts


def result_totals(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-RES: （七）总计 = 予以公开 + 部分公开 + 不予公开 1–8 + 无法提供 1–3 + 不予处理 1–5 + 其他处理."""
    outcomes = []
    for column in ALL_COLUMNS:
        total = cell("results.total", column)
        if total not in figures:
            continue  # not applicable, whatever the parts (sum_outcome would say so too)
        parts = _result_parts(column, figures)
        if outcome := sum_outcome("T3-RES", HARD, scope, mode, figures, total, parts):
            outcomes.append(outcome)
    return outcomes


def _balance_cells(column: str) -> tuple[str, tuple[str, str], tuple[str, str]]:
    """A column's cells that came in (新收, 上年结转) and went out (办理结果总计, 结转下年度)."""
    incoming = (cell("new_received", column), cell("carried_over", column))
    outgoing = (cell("results.total", column), cell("carried_forward", column))
    return column, incoming, outgoing


_BALANCE_CELLS = tuple(_balance_cells(column) for column in ALL_COLUMNS)


def balance(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-BAL: 新收 + 上年结转 = 办理结果总计 + 结转下年度, per column (the header's 勾稽关系)."""
    outcomes = []
    for column, incoming, outgoing in _BALANCE_CELLS:
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
                key=incoming[0],
            )
        outcomes.append(Outcome("T3-BAL", HARD, scope, finding))
    return outcomes


def counts(scope: str, mode: str, figures: Figures) -> list[Outcome]:
    """T3-NN: every cell is a whole number ≥ 0."""
    return non_negative_integer_outcomes("T3-NN", scope, mode, figures, (TABLE3,))


CHECKS = (row_totals, result_totals, balance, counts)
