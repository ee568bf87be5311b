"""Complete, consistent v2019 and v2021 figure sets built from the key list, for validator tests."""

from __future__ import annotations

from extract.keys import APPLICANT_COLUMNS
from extract.model import BLANK, OK, UNKNOWN_SCOPE, Stat
from extract.validation.indicators import (
    TABLE4,
    TABLE4_GROUPS,
    cell,
    table3_result_groups,
)

V2019_ONLY_ROW = "results.other_handling.total"


def _result_rows(era: str) -> list[str]:
    rows = [row for group in table3_result_groups().values() for row in group]
    if era == "v2019":
        return [row for row in rows if not row.startswith("results.other_handling.") or row == V2019_ONLY_ROW]
    return [row for row in rows if row != V2019_ONLY_ROW]


def consistent_figures(era: str) -> dict[str, int | float]:
    figures: dict[str, int | float] = {}
    rows = _result_rows(era)
    for number, column in enumerate(APPLICANT_COLUMNS, start=1):
        for index, row in enumerate(rows):
            figures[cell(row, column)] = (index + number) % 4
        results_total = sum(figures[cell(row, column)] for row in rows)
        figures[cell("results.total", column)] = results_total
        figures[cell("carried_over", column)] = number
        figures[cell("carried_forward", column)] = 2
        figures[cell("new_received", column)] = results_total + 2 - number
    for row in [*rows, "results.total", "carried_over", "carried_forward", "new_received"]:
        figures[cell(row, "total")] = sum(figures[cell(row, column)] for column in APPLICANT_COLUMNS)
    for group in TABLE4_GROUPS:
        outcomes = {"upheld": 3, "corrected": 1, "other": 0, "pending": 2}
        figures.update({f"{TABLE4}{group}.{outcome}": value for outcome, value in outcomes.items()})
        figures[f"{TABLE4}{group}.total"] = 6
    if era == "v2019":
        for item in ("regulations", "normative_docs"):
            figures.update(
                {
                    f"proactive.{item}.new_made": 5,
                    f"proactive.{item}.new_published": 4,
                    f"proactive.{item}.published_total": 40,
                }
            )
    else:
        figures["proactive.admin_fees.amount"] = 1.5
    return figures


def stats_of(figures: dict[str, int | float | None], scope: str = UNKNOWN_SCOPE) -> list[Stat]:
    return [
        Stat(key=key, value=value, scope=scope, status=OK if value is not None else BLANK)
        for key, value in figures.items()
    ]
