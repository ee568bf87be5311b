"""Read the 2008–2018 ("legacy") statistics table(s) from a page's text lines.

Both the flattened seed texts and an HTML table read line by line put one cell on
a line: label, unit (usually empty, often not even printed), value. Empty cells
come and go (an NBSP line in one row, nothing in the next), so rows are read by
what each line looks like, not by counting lines: a label line, then the unit and
value lines that follow it, up to the next label. Page breaks repeat the header
triple 统计指标 / 单位 / 统计数, which is skipped; block headers carry "-" or blanks
and only set the context the lexicon needs (§6: 维持 under 行政复议 is not 维持
under 行政诉讼).

Scope is read from the table's own title and caption lines only (市本级 /
本行政区域 …); a table without one is `unknown`. The report-level stage may
upgrade it from prose ("全市共…"); this module does not guess.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .caches import memo
from .labels import (
    LEVEL_BLOCK,
    LEVEL_GROUP,
    LEVEL_ITEM,
    LEVEL_NONE,
    Label,
    LexiconRow,
    kept_ideographs,
    lexicon_row,
    load_legacy_lexicon,
    map_row,
    normalise_label,
)
from .legacy_meaning import word_across
from .model import BLANK, NOT_APPLICABLE, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, UNPARSED, RawCell, Stat
from .numbers import YES_NO_PLACEHOLDERS, clean_cell, is_unit_cell, is_value_cell, parse_cell

VALUE_COLUMN = "统计数"
# "2017年度政府信息公开工作(情况)统计表(市本级)"; ":" and "." keep out the list of
# annexes ("附表:1.2017年度…统计表") that precedes the tables in seed 004.
_TITLE = re.compile(r"(?:\d{4}年度?)?[^:,。.]{0,30}?政府信息公开[^:,。.]{0,12}?统计表(?:\(([^()]{1,15})\))?")
_HEADER_CELLS = frozenset({"统计指标", "单位", "统计数", "指标名称", "计量单位", "序号"})
# Page chrome. The Chinese words have no case, and without IGNORECASE re skips straight to
# their first characters; the Latin ones are tried only on a line holding 备 or a p, since
# every match of theirs does (no character but p and P matches p ignoring case).
_CHROME = re.compile(
    r"网站地图|联系我们|打印|关闭本页|关闭窗口|版权所有|公网安备|主办单位|技术支持|网站标识码|返回顶部"
)
_CHROME_LATIN = re.compile(r"ICP备|copyright", re.IGNORECASE)
_CHROME_LATIN_MARKS = re.compile("[备pP]")
_NOTE = re.compile(r"^\(?注[:]")
# How a complete row label ends (数, 情况, 数量, 费用, 经费 …, a unit, a closing bracket); a
# label line ending otherwise was cut by the cell's width and goes on in the next line.
_LABEL_ENDINGS = tuple("数况量用费额计次件条人个项元篇点班")
# A label is a cell; anything longer is prose and means the table is over.
_MAX_LABEL_CHARS = 80
_CAPTION_MAX_CHARS = 12
_CAPTION_LOOKBACK = 3  # lines
_REGION_WORDS = ("本行政区域", "全市", "全县", "全区", "全旗", "全盟", "全省")
_OWN_BODY_WORDS = ("本级", "本机关", "本部门")
_FIRST_BLOCK = "主动公开情况"
# An ideograph that a line folding to _FIRST_BLOCK holds (see labels.kept_ideographs): the
# last one, 况, since page chrome is full of 主 and 公开.
_FIRST_BLOCK_MARK = kept_ideographs(_FIRST_BLOCK)[-1]


class Kind(enum.Enum):
    BLANK = "blank"
    TITLE = "title"
    HEADER = "header"
    CHROME = "chrome"
    PROSE = "prose"
    NOTE = "note"
    VALUE = "value"
    UNIT = "unit"
    LABEL = "label"


@dataclass(frozen=True)
class LegacyTables:
    stats: tuple[Stat, ...] = ()
    raw_cells: tuple[RawCell, ...] = ()
    table_count: int = 0


# Kept: the labels of the national table are the same lines on every report (0.1 ms of
# read_report_tables on a sample portal page).
@memo(8192)
def classify_line(line: str) -> Kind:
    text = clean_cell(line)
    if not text:
        return Kind.BLANK
    if "统计表" in text and _TITLE.fullmatch(text):  # every title names 统计表
        return Kind.TITLE
    if text in _HEADER_CELLS:
        return Kind.HEADER
    if _is_chrome(text):
        return Kind.CHROME
    if is_value_cell(text):
        return Kind.VALUE
    if is_unit_cell(text):
        return Kind.UNIT
    if _NOTE.match(text):
        return Kind.NOTE
    return Kind.PROSE if len(text) > _MAX_LABEL_CHARS else Kind.LABEL


def _is_chrome(text: str) -> bool:
    if _CHROME.search(text):
        return True
    return bool(_CHROME_LATIN_MARKS.search(text) and _CHROME_LATIN.search(text))


def scope_from_caption(text: str) -> str | None:
    text = clean_cell(text)
    if any(word in text for word in _REGION_WORDS):
        return REGION_TOTAL
    if any(word in text for word in _OWN_BODY_WORDS):
        return OWN_BODY
    return None


@dataclass
class RowContext:
    """The labels of the block, group and item rows enclosing the row being read (spec §6)."""

    block: str = ""
    group: str = ""
    item: str = ""

    def context_for(self, label: Label) -> str:
        """Labels of the rows that enclose this one, joined, for the lexicon's context keywords."""
        if label.level == LEVEL_BLOCK:
            parents: tuple[str, ...] = ()
        elif label.level == LEVEL_GROUP:
            parents = (self.block,)
        elif label.level == LEVEL_ITEM:
            parents = (self.block, self.group)
        else:  # 其中: and unnumbered rows sit under the last numbered row
            parents = (self.block, self.group, self.item)
        return "/".join(part for part in parents if part)

    def enter(self, label: Label, has_figure: bool = True) -> None:
        if label.level == LEVEL_NONE and not has_figure:
            # An unnumbered row without a figure heads the rows beside or below it: 申请答复数
            # in a cell spanning 同意公开, 部分公开 … of the next column.
            self.item = label.text
        elif label.level == LEVEL_BLOCK:
            self.block, self.group, self.item = label.text, "", ""
        elif label.level == LEVEL_GROUP:
            self.group, self.item = label.text, ""
        elif label.level == LEVEL_ITEM:
            self.item = label.text


@dataclass
class _Table(RowContext):
    """Mutable state of one table while it is read; lives only inside one call."""

    scope: str = UNKNOWN_SCOPE
    stats: list[Stat] = field(default_factory=list)
    raw_cells: list[RawCell] = field(default_factory=list)
    rows_seen: int = 0


class _LineKinds:
    """The lines' kinds, each worked out when the reader first asks for it.

    Outside a table a line is only asked whether it could open one (`_may_open`), so
    most lines of a report's text are never classified.
    """

    def __init__(self, lines: Sequence[str]) -> None:
        self._lines = lines
        self._kinds: list[Kind | None] = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, index: int) -> Kind:
        kind = self._kinds[index]
        if kind is None:
            kind = self._kinds[index] = classify_line(self._lines[index])
        return kind

    def next_filled(self, start: int) -> int:
        """The first line from `start` on that is not blank (len(self) when none is)."""
        lines, kinds = self._lines, self._kinds
        while start < len(lines):
            if kinds[start] is None and (not lines[start] or lines[start].isspace()):
                # Nothing but whitespace, which cleaning drops whatever it is: blank, no need
                # to classify it (an HTML table read line by line has a blank between most cells).
                kinds[start] = Kind.BLANK
            elif self[start] is not Kind.BLANK:
                break
            start += 1
        return start


def _may_open(line: str) -> bool:
    """False when the line cannot open a table; True when its kind must tell."""
    text = clean_cell(line)
    if "统计表" in text or text == "统计指标":
        return True  # maybe a title, or the header triple's first cell
    # The first block's label: a label is never longer than _MAX_LABEL_CHARS.
    return len(text) <= _MAX_LABEL_CHARS and _is_first_block(line)


def _continues(label_so_far: str, next_line: str) -> bool:
    """A wrapped label cell: the next line carries no number and closes a bracket, adds a note,
    or finishes a label cut mid-word (申请信息不 / 存在数: no label ends in 不; 因涉及个 /
    人隐私: 个人隐私 is one word)."""
    text = clean_cell(label_so_far)
    following = clean_cell(next_line)
    next_label = normalise_label(following)
    if next_label.level != LEVEL_NONE:
        return False
    if len(text) + len(following) > _MAX_LABEL_CHARS:
        return False
    if text.count("(") > text.count(")") or following.startswith("("):
        return True
    folded = normalise_label(text).text
    return bool(folded) and (not folded.endswith(_LABEL_ENDINGS) or word_across(folded, next_label.text))


def _split_unit(cells: list[str]) -> tuple[str | None, list[str]]:
    """The unit column, when printed, comes before the value; 是/否 there is a unit, not a value."""
    if cells and (is_unit_cell(cells[0]) or (len(cells) > 1 and clean_cell(cells[0]) in YES_NO_PLACEHOLDERS)):
        return clean_cell(cells[0]), cells[1:]
    return None, cells


def is_kept_figure(cell: str) -> bool:
    """A cell worth a raw row: anything but blank or not-applicable (是/否 placeholders included)."""
    return parse_cell(cell).status not in (BLANK, NOT_APPLICABLE)


def _column(index: int) -> str:
    return VALUE_COLUMN if index == 0 else f"{VALUE_COLUMN}+{index}"


# A figure of a legacy row: every field it does not set at its default.
_LEGACY_FIGURE = Stat(key="", value=None, source="table")


def legacy_stat(
    row: LexiconRow,
    raw_label: str,
    unit_printed: str | None,
    raw_value: str,
    scope: str,
    confidence: float | None = None,
    cell_row: int | None = None,
    cell_column: int | None = None,
) -> Stat:
    cell = parse_cell(raw_value)
    value, status = cell.value, cell.status
    if isinstance(value, float) and not value.is_integer() and row.unit != "万元":
        # Counts are integers (spec §9); a fractional count is kept as text, not trusted.
        value, status = None, UNPARSED
    return _LEGACY_FIGURE.changed(
        key=row.key,
        value=value,
        scope=scope,
        unit=unit_printed or cell.unit_in_cell or row.unit,
        source="table",
        status=status,
        raw_label=raw_label,
        raw_value=raw_value,
        note=cell.note,
        confidence=confidence,
        cell_row=cell_row,
        cell_column=cell_column,
    )


def _emit_row(table: _Table, raw_label: str, cells: list[str], lexicon: Sequence[LexiconRow]) -> None:
    label = normalise_label(raw_label)
    context = table.context_for(label)
    enclosing = _nearest_first(context)
    unit_printed, values = _split_unit(cells)
    has_figure = any(map(is_kept_figure, values))
    table.enter(label, has_figure or bool(values))
    table.rows_seen += 1
    meaning = map_row(label, context, enclosing, has_figure, lexicon)
    row = lexicon_row(meaning.key, lexicon)
    if row is not None:
        value = values[0] if values else ""
        # The row's order in its table, the first value after the label (its unit aside).
        row_number = table.rows_seen - 1
        table.stats.append(
            legacy_stat(row, raw_label, unit_printed, value, table.scope, meaning.confidence, row_number, 0)
        )
        extras = list(enumerate(values))[1:]
        reason = f"a further value column of {row.key}"
    else:
        # No key: a group header ("-" / blank cells) only sets context; a figure is kept raw.
        extras = list(enumerate(values))
        reason = meaning.reason
    for index, cell in extras:
        if is_kept_figure(cell):
            table.raw_cells.append(
                RawCell(label=raw_label, value=cell, scope=table.scope, column=_column(index), reason=reason)
            )


def _nearest_first(context: str) -> tuple[str, ...]:
    """The labels of a row's context (RowContext.context_for), nearest first, for the meaning reader."""
    return tuple(part for part in reversed(context.split("/")) if part)


def _read_row(lines: Sequence[str], kinds: _LineKinds, start: int) -> tuple[str, list[str], int]:
    """The label at `start` (with wrapped continuation lines) and its unit/value cells."""
    raw_label = lines[start].strip()
    position = start + 1
    nxt = kinds.next_filled(position)
    while nxt < len(lines) and kinds[nxt] is Kind.LABEL and _continues(raw_label, lines[nxt]):
        raw_label += lines[nxt].strip()
        position = nxt + 1
        nxt = kinds.next_filled(position)
    cells: list[str] = []
    while nxt < len(lines) and kinds[nxt] in (Kind.VALUE, Kind.UNIT):
        cells.append(lines[nxt].strip())
        position = nxt + 1
        nxt = kinds.next_filled(position)
    return raw_label, cells, position


def parse_legacy_tables(
    lines: Sequence[str],
    lexicon: Sequence[LexiconRow] | None = None,
    first_table: int = 0,
    era: str | None = None,
) -> LegacyTables:
    """Every legacy statistics table on the page, figures keyed where the lexicon knows the row.

    The tables are numbered from `first_table` and their figures given `era`, so that a
    caller placing them after other tables need not copy every figure again.
    """
    lexicon = load_legacy_lexicon() if lexicon is None else lexicon
    kinds = _LineKinds(lines)
    tables: list[_Table] = []
    current: _Table | None = None
    index = 0
    while index < len(lines):
        line = lines[index]
        if current is None and not _may_open(line):
            index += 1
            continue
        kind = kinds[index]
        if kind is Kind.TITLE:
            title = _TITLE.fullmatch(clean_cell(line))
            caption = title.group(1) if title and title.group(1) else ""
            current = _Table(scope=scope_from_caption(caption) or _scope_before(lines, kinds, index))
            tables.append(current)
        elif current is None:
            # Outside a table only a header triple or the first block opens one.
            opens = kind is Kind.HEADER and clean_cell(line) == "统计指标"
            if opens or (kind is Kind.LABEL and _is_first_block(line)):
                current = _Table(scope=_scope_before(lines, kinds, index))
                tables.append(current)
                if kind is Kind.LABEL:
                    continue  # read the block row itself in the table branch
        elif kind in (Kind.CHROME, Kind.PROSE):
            current = None
        elif kind in (Kind.VALUE, Kind.UNIT):
            if is_kept_figure(line):  # a figure without a label: keep it rather than lose it
                current.raw_cells.append(
                    RawCell(label="", value=line.strip(), scope=current.scope, reason="no label")
                )
        elif kind is Kind.LABEL:
            # A caption is looked for only above the first row: every later label is a row.
            caption_scope = None if current.rows_seen else _caption_scope(line)
            if caption_scope:
                current.scope = caption_scope  # 市本级 / 本行政区域 printed under the title
            else:
                if current.rows_seen and _is_first_block(line):
                    # A second table printed without its own title starts again at 一、.
                    current = _Table(scope=_scope_before(lines, kinds, index))
                    tables.append(current)
                raw_label, cells, index = _read_row(lines, kinds, index)
                _emit_row(current, raw_label, cells, lexicon)
                continue
        index += 1
    kept: list[_Table] = []
    printed: set[tuple[object, ...]] = set()
    for table in tables:
        if not (table.stats or table.raw_cells):
            continue
        # A page that prints its table twice (a print view, a copy in the attachment's text)
        # has it read twice: the copy adds nothing.
        content = (table.scope, *((s.raw_label, s.raw_value) for s in table.stats), *table.raw_cells)
        if content not in printed:
            printed.add(content)
            kept.append(table)
    return LegacyTables(
        # Numbered among the legacy tables of the text, after the caller's first_table.
        stats=tuple(
            stat.in_table(number, era)
            for number, table in enumerate(kept, start=first_table)
            for stat in table.stats
        ),
        raw_cells=tuple(cell for table in kept for cell in table.raw_cells),
        table_count=len(kept),
    )


def _caption_scope(line: str) -> str | None:
    """A short caption line such as 市本级 or 本行政区域; long lines are rows or prose."""
    return scope_from_caption(line) if len(clean_cell(line)) <= _CAPTION_MAX_CHARS else None


def _scope_before(lines: Sequence[str], kinds: _LineKinds, index: int) -> str:
    """A caption printed just above a table's first line; a figure or prose in between ends the search."""
    seen = 0
    while index > 0 and seen < _CAPTION_LOOKBACK:
        index -= 1
        if kinds[index] is Kind.BLANK:
            continue
        if kinds[index] is not Kind.LABEL:
            break
        scope = _caption_scope(lines[index])
        if scope:
            return scope
        seen += 1
    return UNKNOWN_SCOPE


def _is_first_block(line: str) -> bool:
    if _FIRST_BLOCK_MARK not in clean_cell(line):
        return False  # most lines: not folded into a label for nothing
    label = normalise_label(line)
    return label.level == LEVEL_BLOCK and label.text == _FIRST_BLOCK
