"""All statistics tables of one report: grids (2019/2021 formats) plus the legacy text reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..legacy_table import parse_legacy_tables
from ..model import RawCell, Stat
from . import read_grids
from .flat import flat_tables
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
    missing = _missing_kinds(found.stats)
    flat_raw: list[RawCell] = []
    if missing:  # tables 二/三/四 the grids did not hold may be printed one cell per line
        flat_grids, flat_raw = flat_tables(lines).of_kinds(missing)
        if fold is not None:
            flat_grids = [replace(grid, rows=[fold(list(row)) for row in grid.rows]) for grid in flat_grids]
        if flat_grids:
            found = read_grids([*all_grids, *flat_grids])
    legacy = parse_legacy_tables(lines)
    legacy_stats = tuple(replace(stat, era=LEGACY) for stat in legacy.stats)
    era = found.era or (LEGACY if legacy.stats else None)
    return ReportTables(found.stats + legacy_stats, found.raw_cells + tuple(flat_raw) + legacy.raw_cells, era)


_KIND_PREFIXES = {"2": "proactive.", "3": "applications.", "4": "review_litigation."}


def _missing_kinds(stats: Sequence[Stat]) -> set[str]:
    return {
        kind for kind, prefix in _KIND_PREFIXES.items() if not any(s.key.startswith(prefix) for s in stats)
    }
