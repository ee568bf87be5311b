"""Table 三 (收到和处理政府信息公开申请情况) of the 2019 and 2021 formats → `applications.*`.

Columns are the applicant types, found from the header path of each column
(自然人, 法人或其他组织/商业企业, …, 总计). Rows are found by keywords on the
row's own label plus the labels that enclose it (spec §6): a group label such as
（三）不予公开 or （四）无法提供 spans many rows, may be printed vertically, and
may be cut in two by a page break ("（四）无" on one page, "法提供" on the
next), so the enclosing labels are carried from row to row as state.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..keys import APPLICANT_COLUMNS, TOTAL_COLUMN
from ..labels import LEVEL_BLOCK, LEVEL_GROUP, LEVEL_ITEM, LEVEL_NONE, normalise_label
from ..model import RawCell, Stat
from . import lexicon
from .cells import Place, has_content, is_known_key, make_stat, raw_cell
from .grid import Grid, distinct, key_text

PREFIX = "applications."
# Printed order of the applicant columns: the fallback for a table that lost its header.
STANDARD_COLUMNS = (*APPLICANT_COLUMNS, TOTAL_COLUMN)
_LABEL_SCAN = 3  # label columns are at most three wide (三、 / （三） / 1.)
V2021_ROWS = frozenset({"results.other_handling.no_correction", "results.other_handling.fee_unpaid"})
V2019_ROWS = frozenset({"results.other_handling.total"})


@dataclass(frozen=True)
class Column:
    index: int  # counted from the right edge, so page segments of other widths still line up
    applicant: str
    label: str


@dataclass
class ApplicationsTable:
    """State of one logical table 三 across its page segments."""

    table: int
    scope: str
    columns: list[Column] = field(default_factory=list)
    block: str = ""
    group: str = ""
    stats: list[Stat] = field(default_factory=list)
    raw_cells: list[RawCell] = field(default_factory=list)
    rows_seen: set[str] = field(default_factory=set)

    @property
    def era(self) -> str | None:
        if self.rows_seen & V2021_ROWS:
            return "v2021"
        if self.rows_seen & V2019_ROWS:
            return "v2019"
        return None


def is_data_row(row: Sequence[str]) -> bool:
    """A row that starts the body: a numbered label, or a label the lexicon knows."""
    for cell in row[:_LABEL_SCAN]:
        label = normalise_label(key_text(cell))
        if label.level in (LEVEL_BLOCK, LEVEL_GROUP, LEVEL_ITEM):
            return True
        if label.text and lexicon.match("3", "row", label.text):
            return True
    return False


def header_height(rows: Sequence[Sequence[str]]) -> int:
    for index, row in enumerate(rows):
        if is_data_row(row):
            return index
    return len(rows)


def columns_from_header(rows: Sequence[Sequence[str]], height: int) -> list[Column]:
    width = max((len(row) for row in rows), default=0)
    columns: list[Column] = []
    for c in range(1, width):
        path = distinct(key_text(rows[r][c]) for r in range(height))
        if not path:
            continue
        applicant = lexicon.match("3", "column", path[-1])
        if applicant and not any(col.applicant == applicant for col in columns):
            columns.append(Column(index=c - width, applicant=applicant, label="/".join(path)))
    return columns


def _cell(row: Sequence[str], index: int) -> str:
    """The cell at a column's (negative) index; "" where a narrow row has no such column, as when
    the standard columns are assumed for a segment narrower than the standard table."""
    return row[index] if -len(row) <= index < len(row) else ""


def _is_repeated_header(row: Sequence[str], columns: Sequence[Column]) -> bool:
    return any(
        lexicon.match("3", "column", key_text(_cell(row, col.index))) == "natural_person" for col in columns
    )


def read_segment(table: ApplicationsTable, grid: Grid) -> None:
    """Add one page segment of the table; a segment without a header reuses the last one."""
    rows = grid.rows
    height = header_height(rows)
    found = columns_from_header(rows, height) if height else []
    if found:
        table.columns = found
    elif not table.columns:
        table.columns = [
            Column(index=i - len(STANDARD_COLUMNS), applicant=name, label=name)
            for i, name in enumerate(STANDARD_COLUMNS)
        ]
    for number, row in enumerate(rows[height:], start=height):
        if _is_repeated_header(row, table.columns):
            continue
        _read_row(table, row, number)


def _read_row(table: ApplicationsTable, row: Sequence[str], number: int) -> None:
    label_width = max(1, len(row) - max(-col.index for col in table.columns))
    raw_parts = distinct(" ".join(cell.split()) for cell in row[:label_width])
    parts = distinct(key_text(cell) for cell in row[:label_width])
    label_text, context = _advance(table, parts)
    name = lexicon.match("3", "row", label_text, context) if label_text else None
    row_label = " / ".join(raw_parts)
    if name:
        table.rows_seen.add(name)
    for col in table.columns:
        raw_value = _cell(row, col.index)
        column = len(row) + col.index if col.index < 0 else col.index
        place = Place(table.table, None, table.scope, row_label, col.label, number, column)
        key = f"{PREFIX}{name}.{col.applicant}" if name else ""
        if name and is_known_key(key):
            table.stats.append(make_stat(key, raw_value, place))
        elif has_content(raw_value):
            table.raw_cells.append(raw_cell(raw_value, place))


def _advance(table: ApplicationsTable, parts: Sequence[str]) -> tuple[str, str]:
    """Update the enclosing labels from this row's label cells; return (own label, context)."""
    own, own_level = "", LEVEL_NONE
    for position, part in enumerate(parts):
        label = normalise_label(part)
        last = position == len(parts) - 1
        if label.level == LEVEL_BLOCK:
            if label.text != table.block:
                table.block, table.group = label.text, ""
            own, own_level = label.text, LEVEL_BLOCK
        elif label.level == LEVEL_GROUP:
            if label.text != table.group:
                table.group = label.text
            own, own_level = label.text, LEVEL_GROUP
        elif label.level == LEVEL_NONE and not last:
            # A group label cut by a page break: "(四)无" … "法提供".
            if table.group and not table.group.endswith(label.text):
                table.group += label.text
        else:
            own, own_level = label.text, LEVEL_ITEM
    if own_level == LEVEL_BLOCK:
        return own, ""
    if own_level == LEVEL_GROUP:
        return own, table.block
    return own, f"{table.block}/{table.group}"
