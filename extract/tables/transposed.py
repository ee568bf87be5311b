"""Table 三 printed on its side: applicant types as rows, results as columns (spec §10).

Some bodies (and the spreadsheets some portals offer) print one row per applicant
type (自然人, 商业企业, …, 总计) with the results across. Such a grid is turned
upright before it is classified, so the ordinary reader maps it to the same
`applications.*` keys: a grid keeps a merged cell's text in every slot it covers,
so the transpose of the expanded grid is exactly the expanded upright table.
"""

from __future__ import annotations

from dataclasses import replace

from . import lexicon
from .cells import is_figure
from .grid import Grid, key_text

_LABEL_COLUMNS = 3  # applicant labels sit in the first columns (申请人情况 / 法人或其他组织 / 商业企业)
# A row of applicants carries a figure per result; a header row of an upright table carries none.
_MIN_FIGURES = 3


def is_transposed(grid: Grid) -> bool:
    """自然人 in the label columns of a row that holds figures."""
    for row in grid.rows:
        labels = row[:_LABEL_COLUMNS]
        if not any(lexicon.match("3", "column", key_text(cell)) == "natural_person" for cell in labels):
            continue
        if sum(is_figure(cell) for cell in row[_LABEL_COLUMNS:]) >= _MIN_FIGURES:
            return True
    return False


def upright(grid: Grid) -> Grid:
    """The grid with rows and columns swapped when it is a transposed table 三, else unchanged."""
    if not is_transposed(grid):
        return grid
    width = grid.width
    rows = [row + [""] * (width - len(row)) for row in grid.rows]
    return replace(grid, rows=[list(column) for column in zip(*rows, strict=True)])
