"""Statistics tables of the 2019 and 2021 formats read from cell grids.

`read_grids` takes the grids of a page or an attachment in document order,
decides which are tables 二/三/四 from their content (spec §0: the signature,
never the year), joins the segments of a table cut by page breaks or repeated
headers, and maps every cell to a canonical key or keeps it as a raw cell.
The 2014–2018 tables stay with extract/legacy_table.py, which reads the same
page as text lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import RawCell, Stat
from .applications import ApplicationsTable, read_segment
from .grid import Grid, html_grids, pipe_grids, rectangular
from .proactive import ProactiveTable, read_rows
from .review import read_review
from .signature import classify, scope_of
from .transposed import upright

__all__ = ["Grid", "GridTables", "html_grids", "pipe_grids", "read_grids"]


@dataclass(frozen=True)
class GridTables:
    stats: tuple[Stat, ...] = ()
    raw_cells: tuple[RawCell, ...] = ()
    era: str | None = None
    table_eras: tuple[str | None, ...] = ()  # per logical table, from its own signature


@dataclass
class _Logical:
    kind: str
    grids: list[Grid]
    scope: str


def group_segments(grids: Sequence[Grid]) -> list[_Logical]:
    """Segments of one table (page breaks, repeated headers) joined; other grids ignored."""
    tables: list[_Logical] = []
    for grid in (upright(rectangular(grid)) for grid in grids):
        segment = classify(grid)
        if segment is None:
            continue
        last = tables[-1] if tables else None
        if last is not None and last.kind == segment.kind and not segment.starts_table:
            last.grids.append(grid)
        else:
            tables.append(_Logical(segment.kind, [grid], scope_of(grid)))
    return tables


def read_grids(grids: Sequence[Grid], start_index: int = 0) -> GridTables:
    stats: list[Stat] = []
    raw: list[RawCell] = []
    eras: list[str | None] = []
    for offset, logical in enumerate(group_segments(grids)):
        index = start_index + offset
        if logical.kind == "3":
            state = ApplicationsTable(table=index, scope=logical.scope)
            for grid in logical.grids:
                read_segment(state, grid)
            table_stats, table_raw, era = state.stats, state.raw_cells, state.era
        elif logical.kind == "2":
            proactive = ProactiveTable(table=index, scope=logical.scope)
            for grid in logical.grids:
                read_rows(proactive, grid)
            table_stats, table_raw, era = proactive.stats, proactive.raw_cells, proactive.era
        else:
            result = read_review(logical.grids, index, logical.scope)
            table_stats, table_raw, era = list(result.stats), list(result.raw_cells), None
        if not table_stats and not table_raw:
            continue
        eras.append(era)
        stats += [replace(stat, era=era) for stat in table_stats]
        raw += table_raw
    report_era = "v2021" if "v2021" in eras else "v2019" if "v2019" in eras else None
    if report_era is None and stats:
        report_era = "v2019"  # tables 三/四 without a decisive row: the format both eras share
    # A table without a signature of its own (table 四 is identical in both) takes the report's.
    stats = [stat if stat.era else replace(stat, era=report_era) for stat in stats]
    return GridTables(tuple(stats), tuple(raw), report_era if stats else None, tuple(eras))
