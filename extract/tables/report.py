"""All statistics tables of one report: grids (2019/2021 formats) plus the legacy text reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..legacy_table import parse_legacy_tables
from ..model import RawCell, Stat
from . import read_grids
from .grid import Grid, pipe_grids

LEGACY = "legacy"


@dataclass(frozen=True)
class ReportTables:
    stats: tuple[Stat, ...] = ()
    raw_cells: tuple[RawCell, ...] = ()
    era: str | None = None


def read_report_tables(
    grids: Sequence[Grid],
    lines: Sequence[str],
    fold: Callable[[list[str]], list[str]] | None = None,
) -> ReportTables:
    """Grids first (HTML/attachment tables, then `|` text tables), then legacy tables from the lines.

    `fold` converts Traditional cells to Simplified, as the page's lines already were.
    """
    all_grids = [*grids, *pipe_grids(lines)]
    if fold is not None:
        all_grids = [replace(grid, rows=[fold(list(row)) for row in grid.rows]) for grid in all_grids]
    found = read_grids(all_grids)
    legacy = parse_legacy_tables(lines)
    legacy_stats = tuple(replace(stat, era=LEGACY) for stat in legacy.stats)
    era = found.era or (LEGACY if legacy.stats else None)
    return ReportTables(found.stats + legacy_stats, found.raw_cells + legacy.raw_cells, era)
