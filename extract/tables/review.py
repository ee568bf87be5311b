"""Table 四 (行政复议、行政诉讼情况) → `review_litigation.*`: fifteen numbers in one row.

Each column's header path (行政诉讼 / 未经复议直接起诉 / 结果维持) gives the
proceeding and the outcome. A table that lost its header (text extraction often
keeps only "行政复议 行政诉讼" and the numbers, or the numbers land on the next
page) is read positionally in the printed order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..model import RawCell, Stat
from . import lexicon
from .cells import Place, has_content, is_figure, is_known_key, make_stat, raw_cell
from .grid import Grid, distinct, key_text

PREFIX = "review_litigation."
PROCEEDINGS = ("admin_review", "litigation_direct", "litigation_after_review")
OUTCOMES = ("upheld", "corrected", "other", "pending", "total")
STANDARD_COLUMNS = tuple(f"{p}.{o}" for p in PROCEEDINGS for o in OUTCOMES)


@dataclass(frozen=True)
class ReviewResult:
    stats: tuple[Stat, ...]
    raw_cells: tuple[RawCell, ...]


def _is_header_row(row: Sequence[str]) -> bool:
    if any(is_figure(cell) for cell in row):
        return False
    return any(
        lexicon.match("4", "outcome", key_text(cell)) or lexicon.match("4", "proceeding", key_text(cell))
        for cell in row
    )


def _fill_right(row: Sequence[str]) -> list[str]:
    """Text tables lose colspans ("| 未经复议直接起诉 | | |"): an empty header cell continues its left one."""
    filled: list[str] = []
    for cell in row:
        filled.append(cell if key_text(cell) or not filled else filled[-1])
    return filled


def column_names(header: Sequence[Sequence[str]], width: int) -> list[tuple[str | None, str]]:
    """(proceeding.outcome or None, header path) for every column."""
    header = [_fill_right(row) for row in header]
    names: list[tuple[str | None, str]] = []
    for c in range(width):
        path = distinct(key_text(row[c]) for row in header if c < len(row))
        proceeding = lexicon.match("4", "proceeding", "/".join(path))
        outcome = lexicon.match("4", "outcome", path[-1]) if path else None
        name = f"{proceeding}.{outcome}" if proceeding and outcome else None
        names.append((name, "/".join(path)))
    return names


def read_review(grids: Sequence[Grid], table: int, scope: str) -> ReviewResult:
    rows = [row for grid in grids for row in grid.rows]
    header = [row for row in rows if _is_header_row(row)]
    # Each body row with its number in the table's rows (page segments counted on).
    body = [(number, row) for number, row in enumerate(rows) if not _is_header_row(row)]
    width = max((len(row) for row in rows), default=0)
    names = column_names(header, width) if header else []
    if not any(name for name, _ in names):
        names = [(None, "")] * max(0, width - len(STANDARD_COLUMNS)) + [(n, n) for n in STANDARD_COLUMNS]
    stats: list[Stat] = []
    raw: list[RawCell] = []
    seen: set[str] = set()
    if header and not body:
        body = [(len(rows), [""] * width)]  # the value row printed empty (a blank form): fifteen blank cells
    for number, row in body:
        row_label = " / ".join(distinct(c for c in row if has_content(c) and not is_figure(c)))
        offset = len(names) - len(row)  # a short row (numbers only) lines up from the right
        for c, raw_value in enumerate(row):
            name, path = names[c + offset] if 0 <= c + offset < len(names) else (None, "")
            place = Place(table, None, scope, row_label, path, number, c)
            key = f"{PREFIX}{name}" if name else ""
            if name and key not in seen and is_known_key(key):
                seen.add(key)
                stats.append(make_stat(key, raw_value, place))
            elif has_content(raw_value) and is_figure(raw_value):
                raw.append(raw_cell(raw_value, place))
    return ReviewResult(tuple(stats), tuple(raw))
