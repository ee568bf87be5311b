"""The canonical key list (data/indicators.csv, a copy of the spec's own list) as rule inputs.

Rules name rows, not cells: table 三's checks are written once over its row paths and
applicant columns and the cells come from the CSV, so a key added to the spec is
checked without touching the rules.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

from ..caches import loaded

TABLE3 = "applications."
TABLE4 = "review_litigation."
TABLE4_GROUPS = ("admin_review", "litigation_direct", "litigation_after_review")
TABLE4_OUTCOMES = ("upheld", "corrected", "other", "pending")


@dataclass(frozen=True)
class Indicator:
    key: str
    eras: tuple[str, ...]
    unit: str

    @property
    def derived(self) -> bool:
        return all(era.endswith("~derived") for era in self.eras)


@loaded()
def load_indicators() -> tuple[Indicator, ...]:
    text = (resources.files("extract") / "data" / "indicators.csv").read_text("utf-8")
    return tuple(
        Indicator(row["key"], tuple(row["eras"].split(";")), row["unit"])
        for row in csv.DictReader(text.splitlines())
    )


@loaded()
def table3_rows() -> tuple[str, ...]:
    """Printed row paths of table 三 in CSV order ("results.withheld.state_secret", …)."""
    rows: dict[str, None] = {}
    for indicator in load_indicators():
        if indicator.key.startswith(TABLE3) and not indicator.derived:
            rows.setdefault(indicator.key[len(TABLE3) :].rsplit(".", 1)[0], None)
    return tuple(rows)


def table3_result_groups() -> dict[str, tuple[str, ...]]:
    """Rows of 三、本年度办理结果 that add up to （七）总计, by group (withheld, unavailable…)."""
    groups: dict[str, list[str]] = {}
    for row in table3_rows():
        parts = row.split(".")
        if parts[0] != "results" or parts[1] == "total":
            continue
        groups.setdefault(parts[1], []).append(row)
    return {group: tuple(rows) for group, rows in groups.items()}


def cell(row: str, column: str) -> str:
    return f"{TABLE3}{row}.{column}"
