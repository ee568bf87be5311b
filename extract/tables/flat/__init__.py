"""Tables 二/三/四 flattened to text, turned back into the grids the mappers read (spec §10).

Stored pages and mirrors often keep a table only as its cells, one per line or
paragraph (an empty cell as a blank/NBSP line); a PDF's text layer prints a
row's label and figures on one line, but moves the figures of a wrapped label
above or below it and scatters a vertical label ("三、本年度办理结果") one
character per line. Both are read by one state machine: a label line opens a
row, and the next k figures (k = 7 for table 三, the number of measures for
table 二, 15 for table 四) are its cells; figures printed before their label
wait for the next label that has none. The result is a Grid with the format's
own column header, so the mapping to keys stays in the mappers (tables/applications.py,
proactive.py and review.py). A row whose figure count does not fit (a dropped
blank cell) cannot be placed column by column: its figures are kept as raw cells.

Here: lines.py splits a text line into label fragments and figures; applications.py,
proactive.py and review.py read back tables 三, 二 and 四; this module finds them on a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...model import RawCell
from ...numbers import clean_cell
from .. import lexicon
from ..grid import Grid
from .applications import APPLICATION_HEADER, read_applications, row_name
from .lines import is_prose_cell
from .proactive import read_proactive
from .review import REVIEW_HEADER, read_review


@dataclass(frozen=True)
class FlatTables:
    grids: tuple[Grid, ...] = ()
    kinds: tuple[str, ...] = ()  # "2", "3" or "4" for each grid
    raw_cells: tuple[tuple[str, RawCell], ...] = ()  # (kind, cell) figures no column could take

    def of_kinds(self, kinds: set[str]) -> tuple[list[Grid], list[RawCell]]:
        grids = [grid for grid, kind in zip(self.grids, self.kinds, strict=True) if kind in kinds]
        return grids, [cell for kind, cell in self.raw_cells if kind in kinds]


def flat_tables(lines: Sequence[str]) -> FlatTables:
    """Every flattened table 二/三/四 among a page's or a document's text lines, as grids."""
    grids: list[Grid] = []
    kinds: list[str] = []
    raw: list[tuple[str, RawCell]] = []
    new_received_mark = lexicon.required_ideograph("3", "row", "new_received")
    index = 0
    while index < len(lines):
        text = clean_cell(lines[index])
        if not text or is_prose_cell(text):
            index += 1
            continue
        if "第二十条" in text or text.startswith("信息内容"):
            rows2, raw2, index = read_proactive(lines, index)
            if any(row[0] != "信息内容" and "第二十条" not in row[0] for row in rows2):
                grids.append(Grid(rows=rows2, source="text"))
                kinds.append("2")
            raw += [("2", cell) for cell in raw2]
            continue
        if (
            "申请人情况" in text
            or "自然人" in text
            # Most lines of a page are not table rows: one character rules them out of 新收…
            # without folding them into labels.
            or (new_received_mark in text and row_name(text) == "new_received")
        ):
            rows3, raw3, index = read_applications(lines, index)
            if rows3:
                grids.append(Grid(rows=[*map(list, APPLICATION_HEADER), *rows3], source="text"))
                kinds.append("3")
            raw += [("3", cell) for cell in raw3]
            continue
        if text.startswith("行政复议") and "行政诉讼" in "".join(
            clean_cell(x) for x in lines[index : index + 3]
        ):
            row4, raw4, index = read_review(lines, index)
            if row4 is not None:
                grids.append(Grid(rows=[*map(list, REVIEW_HEADER), row4], source="text"))
                kinds.append("4")
            raw += [("4", cell) for cell in raw4]
            continue
        index += 1
    return FlatTables(tuple(grids), tuple(kinds), tuple(raw))
