"""One row per key and one key per row in a report's 2008–2018 figures.

The store keeps one figure per (report, scope, key), so two rows claiming a key would
silently overwrite each other. The better match keeps the key: the row with a figure
(a header printing "-" or a blank never takes a key from the row that prints it), then
the more confident mapping, then the first printed; the other row's cell goes
to raw_cells with the reason. A row printed twice with the same figure (a table read
twice: a page that repeats its table for printing) is kept once and not reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import BLANK, NOT_APPLICABLE, OK, RawCell, Stat

LEGACY_PREFIX = "legacy"
_VALUE_COLUMN = "统计数"
NO_FIGURE = (BLANK, NOT_APPLICABLE)


def _rank(indexed: tuple[int, Stat]) -> tuple[bool, float, bool, int]:
    index, stat = indexed
    return (stat.status not in NO_FIGURE, stat.confidence or 0.0, stat.status == OK, -index)


def one_row_per_key(stats: Sequence[Stat]) -> tuple[tuple[Stat, ...], tuple[RawCell, ...]]:
    """The legacy stats with each (scope, key) once, and the cells of the rows that lost it."""
    claims: dict[tuple[str, str], list[tuple[int, Stat]]] = {}
    for index, stat in enumerate(stats):
        if stat.key.startswith(LEGACY_PREFIX) and stat.source == "table":
            claims.setdefault((stat.scope, stat.key), []).append((index, stat))
    dropped: set[int] = set()
    raw: list[RawCell] = []
    for claimants in claims.values():
        if len(claimants) < 2:
            continue
        winner_index, winner = max(claimants, key=_rank)
        for index, stat in claimants:
            if index == winner_index:
                continue
            dropped.add(index)
            if (stat.raw_label, stat.raw_value) == (winner.raw_label, winner.raw_value):
                continue  # the same row read twice
            if stat.status == OK or stat.raw_value.strip():
                raw.append(
                    RawCell(
                        label=stat.raw_label,
                        value=stat.raw_value,
                        scope=stat.scope,
                        column=stat.column_label or _VALUE_COLUMN,
                        table=stat.table,
                        reason=f"{stat.key} is claimed by the row {winner.raw_label!r}",
                    )
                )
    kept = tuple(stat for index, stat in enumerate(stats) if index not in dropped)
    return kept, tuple(raw)
