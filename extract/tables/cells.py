"""From one printed cell to a Stat (or a RawCell when no key claims it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import BLANK, NOT_APPLICABLE, UNKNOWN_SCOPE, UNPARSED, RawCell, Stat
from ..numbers import parse_cell
from .lexicon import table_keys

# "本年收费金额（单位：万元）": the unit printed in a header cell.
_HEADER_UNIT = re.compile(r"单位[:：]\s*(万元|元|件|项|个|条)")
_MONEY_UNITS = ("万元", "元")
_REMARK = re.compile(r"[(（][^()（）]*[)）]")


@dataclass(frozen=True)
class Place:
    """Where a cell sits: which table, its era and scope, its row and column labels."""

    table: int
    era: str | None
    scope: str = UNKNOWN_SCOPE
    row_label: str = ""
    column_label: str = ""
    cell_row: int | None = None  # the cell's row and column in its grid
    cell_column: int | None = None


def header_unit(text: str) -> str | None:
    found = _HEADER_UNIT.search(text.replace("(", "（"))
    return found.group(1) if found else None


def make_stat(key: str, raw_value: str, place: Place, unit_printed: str | None = None) -> Stat:
    default_unit = default_unit_of(key)
    cell = parse_cell(raw_value)
    value, status = cell.value, cell.status
    is_money = (unit_printed or cell.unit_in_cell or default_unit or "").endswith(_MONEY_UNITS) or (
        key.endswith(".amount")
    )
    if isinstance(value, float) and not value.is_integer() and not is_money:
        value, status = None, UNPARSED  # counts are integers (spec §9)
    return Stat(
        key=key,
        value=value,
        scope=place.scope,
        unit=cell.unit_in_cell or unit_printed or default_unit,
        source="table",
        status=status,
        raw_label=place.row_label,
        raw_value=raw_value.strip(),
        note=cell.note,
        table=place.table,
        era=place.era,
        unit_default=default_unit,
        column_label=place.column_label,
        cell_row=place.cell_row,
        cell_column=place.cell_column,
    )


def default_unit_of(key: str) -> str | None:
    """indicators.csv's unit without its remarks: 项(带符号) → 项; "未规定…" (no unit fixed) → None."""
    info = table_keys().get(key)
    if info is None or info.unit.startswith("未规定"):
        return None
    return _REMARK.sub("", info.unit) or None


def is_known_key(key: str) -> bool:
    return key in table_keys()


def raw_cell(raw_value: str, place: Place) -> RawCell:
    return RawCell(
        label=place.row_label,
        value=raw_value.strip(),
        scope=place.scope,
        column=place.column_label,
        table=place.table,
    )


def has_content(raw_value: str) -> bool:
    """Worth keeping as a raw cell: anything but an empty cell."""
    return parse_cell(raw_value).status != BLANK


def is_figure(raw_value: str) -> bool:
    return parse_cell(raw_value).status not in (BLANK, NOT_APPLICABLE, UNPARSED)
