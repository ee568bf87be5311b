"""2008–2018 statistics forms with several value columns, read from grids (spec §2.3, §2.4).

The unified table has one value column (统计数) and is read from the page's lines
by extract/legacy_table.py. Local forms print more:

* 序号 | 统计指标 | 单位 | 区政府统计数 | 区直单位统计数 | 乡镇街道统计数: each value
  column is a scope of its own (`own_body`, `departments`, `townships`,
  `region_total`);
* early forms, 指标名称 | 计量单位 | 2009年度 | 历年累计 or 本期实际 | 本年累计:
  only the this-year column maps to keys; the cumulative column is kept as raw
  cells under its own label.

Rows are matched by the legacy lexicon (data/legacy_rows.csv) with their
enclosing block and group labels, as in the one-column table; a row no key
claims keeps its figures as raw cells with row and column labels. Early wording
that means a row of the unified table (受理依申请公开信息总数 = 收到申请数, 否决公开 =
不同意公开答复数) is folded to the national label first (data/legacy_early_labels.csv),
and in an unnumbered form a …总数 row encloses the rows under it, so 其中：电子邮件申请数
under 申请总数 finds its block as it does under （一）收到申请数. The era comes
from the signature: a period column (年度, 本期, 累计) is `legacy-early`, scope
columns under 统计指标 are `legacy`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from importlib import resources

from ..caches import loaded
from ..labels import (
    LEVEL_GROUP,
    LEVEL_NONE,
    Label,
    LexiconRow,
    load_legacy_lexicon,
    match_legacy_row,
    normalise_label,
    normalise_text,
)
from ..legacy_table import RowContext, is_kept_figure, legacy_stat
from ..model import DEPARTMENTS, OWN_BODY, REGION_TOTAL, TOWNSHIPS, RawCell, Stat
from ..numbers import clean_cell
from .grid import Grid, distinct, key_text, rectangular
from .signature import scope_of

LEGACY = "legacy"
LEGACY_EARLY = "legacy-early"
# Header words of the label column; the form is claimed only with one of these.
_LABEL_HEADERS = ("统计指标", "指标名称", "指标", "项目")
_UNIT_HEADERS = ("单位", "计量单位")
_SKIPPED_HEADERS = ("序号", "代码", "编号", "行次")
# A value column's header names whose figures it holds; the first entry that fits wins
# (乡镇街道 before 政府: "乡镇政府"; 区直单位 before 单位 words of region totals).
_SCOPE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("乡镇", "街道", "镇街", "苏木"), TOWNSHIPS),
    (("区直", "县直", "市直", "旗直", "直属", "部门"), DEPARTMENTS),
    (("全区", "全县", "全市", "全旗", "全省", "合计", "总计", "本行政区域"), REGION_TOTAL),
    (("政府", "本级", "本机关"), OWN_BODY),
)
_CUMULATIVE = "累计"  # 历年累计, 本年累计
_THIS_PERIOD = re.compile(r"(?:\d{4}年度?|本期(?:实际)?(?:数)?|本年度?(?:数)?)")
_GENERIC_VALUE = "统计数"
# An unnumbered row that totals the rows below it (申请总数, 否决公开答复总数).
_TOTAL_ROW = "总数"
# Package data through importlib.resources, so it reads from an installed egg or wheel too.
EARLY_LABELS_CSV = resources.files("extract") / "data" / "legacy_early_labels.csv"
_MIN_VALUE_COLUMNS = 2  # one value column is the unified table, read from the lines
_HEADER_SCAN = 3  # header rows at the top of the grid


@dataclass(frozen=True)
class ValueColumn:
    index: int
    label: str  # the header path as printed, "/"-joined
    scope: str | None  # None: the table's own scope (a period column)
    cumulative: bool
    period: bool  # a 年度/本期/累计 column: the early-form signature


@dataclass(frozen=True)
class Layout:
    header_rows: int
    label_column: int
    unit_column: int | None
    values: tuple[ValueColumn, ...]

    @property
    def era(self) -> str:
        return LEGACY_EARLY if any(column.period for column in self.values) else LEGACY


@dataclass
class LegacyColumnTables:
    stats: list[Stat] = field(default_factory=list)
    raw_cells: list[RawCell] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)  # the grids read, so the line reader skips them
    era: str | None = None


def _value_column(index: int, path: Sequence[str]) -> ValueColumn | None:
    texts = [key_text(part) for part in path]
    cumulative = any(_CUMULATIVE in text for text in texts)
    period = cumulative or any(_THIS_PERIOD.fullmatch(text) for text in texts)
    scope = next(
        (scope for text in reversed(texts) for words, scope in _SCOPE_WORDS if any(w in text for w in words)),
        None,
    )
    if not (period or scope or any(_GENERIC_VALUE in text for text in texts)):
        return None
    return ValueColumn(index, "/".join(path), scope, cumulative, period)


def _is_header_cell(text: str) -> bool:
    return (
        text in _LABEL_HEADERS
        or text in _UNIT_HEADERS
        or text in _SKIPPED_HEADERS
        or _value_column(0, [text]) is not None
    )


def find_layout(grid: Grid) -> Layout | None:
    """The form's columns when the grid starts with a 统计指标/指标名称 header over ≥2 value columns."""
    rows = grid.rows
    # The label column is named in a header row: without such a cell, no layout (most grids).
    if not any(key_text(cell) in _LABEL_HEADERS for row in rows[:_HEADER_SCAN] for cell in row):
        return None
    height = 0
    while height < min(_HEADER_SCAN, len(rows)):
        texts = [key_text(cell) for cell in rows[height] if key_text(cell)]
        if not texts or not all(_is_header_cell(text) for text in texts):
            break
        height += 1
    if not height:
        return None
    paths = [distinct(rows[r][c] for r in range(height)) for c in range(grid.width)]
    keys = [[key_text(part) for part in path] for path in paths]
    label_column = next((c for c, path in enumerate(keys) if any(p in _LABEL_HEADERS for p in path)), None)
    if label_column is None:
        return None
    unit_column = next((c for c, path in enumerate(keys) if any(p in _UNIT_HEADERS for p in path)), None)
    values = []
    for c, path in enumerate(paths):
        if c in (label_column, unit_column) or any(p in _SKIPPED_HEADERS for p in keys[c]):
            continue
        column = _value_column(c, path)
        if column is not None:
            values.append(column)
    if len(values) < _MIN_VALUE_COLUMNS:
        return None
    return Layout(height, label_column, unit_column, tuple(values))


def read_legacy_columns(grids: Sequence[Grid], start_index: int = 0) -> LegacyColumnTables:
    """Every multi-column legacy form among the grids, numbered from `start_index`."""
    found = LegacyColumnTables()
    lexicon = load_legacy_lexicon()
    for grid in grids:
        # The form is read by column index: a ragged grid (built elsewhere) is padded first.
        square = rectangular(grid)
        layout = find_layout(square)
        if layout is None:
            continue
        table = start_index + len(found.grids)
        stats, raw_cells = _read_form(square, layout, table, lexicon)
        found.grids.append(grid)
        found.stats += stats
        found.raw_cells += raw_cells
        found.era = found.era or layout.era
    return found


def _read_form(
    grid: Grid, layout: Layout, table: int, lexicon: Sequence[LexiconRow]
) -> tuple[list[Stat], list[RawCell]]:
    stats: list[Stat] = []
    raw_cells: list[RawCell] = []
    context = RowContext()
    table_scope = scope_of(grid)
    for number, row in enumerate(grid.rows[layout.header_rows :], start=layout.header_rows):
        raw_label = " ".join(row[layout.label_column].split())
        if not raw_label:
            continue
        label = _early_label(normalise_label(raw_label))
        where = context.context_for(label)
        context.enter(label)
        match = match_legacy_row(label, where, lexicon)
        unit = clean_cell(row[layout.unit_column]) or None if layout.unit_column is not None else None
        for column in layout.values:
            raw_value = row[column.index].strip()
            scope = column.scope or table_scope
            if match is not None and not column.cumulative:
                stat = legacy_stat(match, raw_label, unit, raw_value, scope)
                stats.append(
                    replace(
                        stat,
                        table=table,
                        era=layout.era,
                        unit_default=match.unit,
                        column_label=column.label,
                        cell_row=number,
                        cell_column=column.index,
                    )
                )
            elif is_kept_figure(raw_value):
                raw_cells.append(RawCell(raw_label, raw_value, scope, column.label, table))
    return stats, raw_cells


@loaded()
def early_wording() -> tuple[tuple[str, str], ...]:
    """(early, national) label endings, normalised, in the CSV's order (longer endings first)."""
    with EARLY_LABELS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((normalise_text(row["early"]), normalise_text(row["national"])) for row in rows)


def _early_label(label: Label) -> Label:
    """Early wording folded to the national label; an unnumbered 总数 row made the group of those below."""
    text = label.text
    for early, national in early_wording():
        if text.endswith(early):
            text = text[: -len(early)] + national
            break
    level = LEVEL_GROUP if label.level == LEVEL_NONE and _TOTAL_ROW in label.text else label.level
    return replace(label, text=text, level=level)
