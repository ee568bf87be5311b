"""All statistics tables of one report: grids (2019/2021 formats) plus the legacy text reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..legacy_table import parse_legacy_tables
from ..model import RawCell, Stat
from . import read_grids
from .flat import flat_tables
from .grid import Grid, pipe_grids
from .legacy_claims import one_row_per_key
from .legacy_columns import read_legacy_columns
from .line_cover import covered_lines

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
    missing = _missing_kinds(found.stats)
    flat_raw: list[RawCell] = []
    if missing:  # tables 二/三/四 the grids did not hold may be printed one cell per line
        flat_grids, flat_raw = flat_tables(lines).of_kinds(missing)
        if fold is not None:
            flat_grids = [replace(grid, rows=[fold(list(row)) for row in grid.rows]) for grid in flat_grids]
        if flat_grids:
            found = read_grids([*all_grids, *flat_grids])
    # Multi-column local forms (区政府 | 区直单位 | 乡镇街道, 本年 | 累计) come from their grids;
    # the one-column legacy table from the lines, with those forms' lines blanked out.
    columns = read_legacy_columns(all_grids, _next_table(found.stats, found.raw_cells))
    first = _next_table((*found.stats, *columns.stats), (*found.raw_cells, *columns.raw_cells))
    legacy = parse_legacy_tables(_without(lines, columns.grids), first_table=first, era=LEGACY)
    era = found.era or columns.era or (LEGACY if legacy.stats else None)
    # Two rows claiming one key (or one table read twice): the better match keeps it.
    old_stats, lost = one_row_per_key((*columns.stats, *legacy.stats))
    return ReportTables(
        found.stats + old_stats,
        found.raw_cells + tuple(flat_raw) + tuple(columns.raw_cells) + legacy.raw_cells + lost,
        era,
    )


def _next_table(stats: Sequence[Stat], raw_cells: Sequence[RawCell]) -> int:
    numbers = [item.table for item in (*stats, *raw_cells) if item.table is not None]
    return max(numbers, default=-1) + 1


def _without(lines: Sequence[str], grids: Sequence[Grid]) -> Sequence[str]:
    covered = set().union(*(covered_lines(lines, grid) for grid in grids)) if grids else set()
    return [("" if index in covered else line) for index, line in enumerate(lines)] if covered else lines


_KIND_PREFIXES = {"2": "proactive.", "3": "applications.", "4": "review_litigation."}


def _missing_kinds(stats: Sequence[Stat]) -> set[str]:
    return {
        kind for kind, prefix in _KIND_PREFIXES.items() if not any(s.key.startswith(prefix) for s in stats)
    }
