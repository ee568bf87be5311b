"""Which table a grid is (二, 三 or 四) and whether it starts a table or continues one."""

from __future__ import annotations

from dataclasses import dataclass

from ..legacy_table import scope_from_caption
from ..model import UNKNOWN_SCOPE
from . import lexicon
from .applications import header_height, is_data_row
from .cells import is_figure
from .grid import Grid, key_text

_REVIEW_HEADERS = ("结果维持", "结果纠正", "尚未审结")
_REVIEW_WIDTH = 15
_MIN_APPLICATION_ROWS = 2


@dataclass(frozen=True)
class Segment:
    kind: str  # "2", "3" or "4"
    starts_table: bool


def classify(grid: Grid) -> Segment | None:
    cells = [key_text(cell) for row in grid.rows for cell in row]
    text = "".join(dict.fromkeys(cells))
    if "行政复议" in text and any(word in text for word in _REVIEW_HEADERS) and "自然人" not in text:
        return Segment("4", True)
    if "自然人" in text:
        height = header_height(grid.rows)
        first = grid.rows[height] if height < len(grid.rows) else []
        starts = not first or any(lexicon.match("3", "row", key_text(c)) == "new_received" for c in first[:3])
        return Segment("3", starts)
    if "第二十条" in text or "信息内容" in text:
        return Segment("2", _has_item(grid, "regulations"))
    if _application_rows(grid) >= _MIN_APPLICATION_ROWS:
        return Segment("3", False)
    if any(sum(is_figure(cell) for cell in row) >= _REVIEW_WIDTH for row in grid.rows):
        return Segment("4", False)
    return None


def _has_item(grid: Grid, item: str) -> bool:
    return any(lexicon.match("2", "item", key_text(row[0])) == item for row in grid.rows if row)


def _application_rows(grid: Grid) -> int:
    """Rows of a headerless table-三 segment: a known label followed by figures or blanks."""
    count = 0
    for row in grid.rows:
        if len(row) >= 8 and is_data_row(row):
            labels = [key_text(cell) for cell in row[:3]]
            if any(lexicon.match("3", "row", label) for label in labels if label):
                count += 1
    return count


def scope_of(grid: Grid) -> str:
    return (scope_from_caption(grid.caption) if grid.caption else None) or UNKNOWN_SCOPE
