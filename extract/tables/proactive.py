"""Table 二 (主动公开政府信息情况) of the 2019 and 2021 formats → `proactive.*`.

The table is a run of small blocks, each headed by 第二十条第（X）项 and a
header row 信息内容 | <measures>. Items (规章, 行政许可, …) and measures
(本年制发件数, 处理决定数量, …) are both recognised by keywords; the key is
`proactive.<item>.<measure>` when indicators.csv knows it. A measure printed
across merged columns (v2021 本年处理决定数量, colspan 3) is read once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..labels import normalise_label
from ..model import RawCell, Stat
from . import lexicon
from .cells import Place, has_content, header_unit, is_figure, is_known_key, make_stat, raw_cell
from .grid import Grid, key_text

PREFIX = "proactive."
V2021_MEASURES = frozenset({"issued", "repealed", "in_force"})
V2019_MEASURES = frozenset({"new_made", "new_published", "published_total", "prev_year_items", "change"})


@dataclass(frozen=True)
class Measure:
    name: str
    label: str
    columns: tuple[int, ...]  # the physical columns it covers
    unit: str | None


@dataclass
class ProactiveTable:
    table: int
    scope: str
    group: str = ""
    measures: list[Measure] = field(default_factory=list)
    stats: list[Stat] = field(default_factory=list)
    raw_cells: list[RawCell] = field(default_factory=list)
    measures_seen: set[str] = field(default_factory=set)

    @property
    def era(self) -> str | None:
        fee_amount = any(stat.key == "proactive.admin_fees.amount" for stat in self.stats)
        if self.measures_seen & V2021_MEASURES or fee_amount:
            return "v2021"
        if self.measures_seen & V2019_MEASURES:
            return "v2019"
        return None


def _header_measures(row: Sequence[str]) -> list[Measure]:
    measures: list[Measure] = []
    for c in range(1, len(row)):
        text = key_text(row[c])
        name = lexicon.match("2", "measure", text) if text else None
        if name is None:
            continue
        if measures and measures[-1].label == text and measures[-1].columns[-1] == c - 1:
            last = measures[-1]
            measures[-1] = Measure(last.name, last.label, (*last.columns, c), last.unit)
        else:
            measures.append(Measure(name, text, (c,), header_unit(row[c])))
    return measures


def read_rows(table: ProactiveTable, grid: Grid) -> None:
    for number, row in enumerate(grid.rows):
        texts = {key_text(cell) for cell in row}
        if len(texts) == 1:  # one cell across the table: a 第二十条 caption, a heading or prose
            text = texts.pop()
            if "第二十条" in text:
                table.group = text
            continue
        if not any(is_figure(cell) for cell in row[1:]) and (found := _header_measures(row)):
            table.measures = found
            table.measures_seen.update(m.name for m in found)
            continue
        _read_item(table, row, number)


def _read_item(table: ProactiveTable, row: Sequence[str], number: int) -> None:
    raw_label = " ".join(row[0].split())
    label = normalise_label(key_text(row[0])).text
    item = lexicon.match("2", "item", label, table.group) if label else None
    used: set[int] = set()
    for measure in table.measures:
        columns = [c for c in measure.columns if c < len(row)]
        if not columns:
            continue
        column = next((c for c in columns if has_content(row[c])), columns[0])
        raw_value = row[column]
        used.update(measure.columns)
        place = Place(table.table, None, table.scope, raw_label, measure.label, number, column)
        key = f"{PREFIX}{item}.{measure.name}"
        if item and is_known_key(key):
            table.stats.append(make_stat(key, raw_value, place, measure.unit))
        elif has_content(raw_value):
            table.raw_cells.append(raw_cell(raw_value, place))
    for c in range(1, len(row)):
        if c not in used and is_figure(row[c]):
            place = Place(table.table, None, table.scope, raw_label, "", number, c)
            table.raw_cells.append(raw_cell(row[c], place))


def new_proactive_table(grids: Sequence[Grid], table: int, scope: str) -> ProactiveTable:
    state = ProactiveTable(table=table, scope=scope)
    for grid in grids:
        read_rows(state, grid)
    return state
