"""Tables 二/三/四 flattened to text, turned back into the grids the mappers read (spec §10).

Stored pages and mirrors often keep a table only as its cells, one per line or
paragraph (an empty cell as a blank/NBSP line); a PDF's text layer prints a
row's label and figures on one line, but moves the figures of a wrapped label
above or below it and scatters a vertical label ("三、本年度办理结果") one
character per line. Both are read by one state machine: a label line opens a
row, and the next k figures (k = 7 for table 三, the number of measures for
table 二, 15 for table 四) are its cells; figures printed before their label
wait for the next label that has none. The result is a Grid with the format's
own column header, so the mapping to keys stays in applications.py,
proactive.py and review.py. A row whose figure count does not fit (a dropped
blank cell) cannot be placed column by column: its figures are kept as raw cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..labels import LEVEL_BLOCK, LEVEL_GROUP, LEVEL_ITEM, LEVEL_NONE, normalise_label
from ..model import RawCell
from ..numbers import clean_cell, is_value_cell, parse_cell
from . import lexicon
from .grid import Grid, key_text

APPLICANT_WIDTH = 7
REVIEW_WIDTH = 15
PROACTIVE_WIDTH = 4  # 信息内容 + three measures
LABEL_COLUMNS = 3  # block | group | item, as the printed table 三 lays them out
_PAGE_NUMBER = re.compile(r"^[-—–]\s*\d{1,3}\s*[-—–]$")
# A numbered label starting inside a line: "办 （三）不 4.保护第三方合法权益 6 0 …".
_LABEL_START = re.compile(
    r"\s+(?=\d{1,2}[.、．]\D|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)"
)
_MAX_LABEL_CHARS = 80  # longer is prose: the table is over
_CUT_GROUP_CHARS = 2  # "（四）无" + "法提供": a group label cut by the layout
_CUT_TAIL_CHARS = 4
# The format's own headers (spec §3.3, §3.4): flattened text keeps their words, not their layout.
_APPLICATION_HEADER = (
    ["", "", ""] + ["申请人情况"] * 7,
    ["", "", "", "自然人"] + ["法人或其他组织"] * 5 + ["总计"],
    ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
)
_OUTCOMES = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
_REVIEW_HEADER = (
    ["行政复议"] * 5 + ["行政诉讼"] * 10,
    _OUTCOMES + ["未经复议直接起诉"] * 5 + ["复议后起诉"] * 5,
    _OUTCOMES * 3,
)


@dataclass(frozen=True)
class FlatTables:
    grids: tuple[Grid, ...] = ()
    kinds: tuple[str, ...] = ()  # "2", "3" or "4" for each grid
    raw_cells: tuple[tuple[str, RawCell], ...] = ()  # (kind, cell) figures no column could take

    def of_kinds(self, kinds: set[str]) -> tuple[list[Grid], list[RawCell]]:
        grids = [grid for grid, kind in zip(self.grids, self.kinds, strict=True) if kind in kinds]
        return grids, [cell for kind, cell in self.raw_cells if kind in kinds]


@dataclass(frozen=True)
class _Line:
    labels: tuple[str, ...]  # label fragments in printed order
    values: tuple[str, ...]  # trailing figures (a blank line is one blank cell)
    blank: bool = False


def split_line(line: str) -> _Line | None:
    """Label fragments and trailing figures of one text line; None for page numbers."""
    stripped = line.replace("\xa0", " ").strip()
    if not stripped:
        return _Line((), ("",), blank=True)
    if _PAGE_NUMBER.match(stripped):
        return None
    tokens = stripped.split()
    cut = len(tokens)
    while cut > 0 and is_value_cell(tokens[cut - 1]):
        cut -= 1
    label = " ".join(tokens[:cut])
    fragments = tuple(part for part in _LABEL_START.split(label) if part.strip()) if label else ()
    return _Line(fragments, tuple(tokens[cut:]))


def _is_noise(fragment: str) -> bool:
    """One character of a vertical label ("本", "年", "、") or a bare "三、"."""
    text = clean_cell(fragment)
    label = normalise_label(text)
    return len(text) <= 1 or (label.level == LEVEL_BLOCK and not label.text)


def _is_prose(line: str) -> bool:
    return _is_prose_cell(clean_cell(line))


def _is_prose_cell(text: str) -> bool:
    """A cleaned line too long for a label: the table is over."""
    return len(text) > _MAX_LABEL_CHARS


# ---------------------------------------------------------------- table 三


@dataclass
class _Entry:
    level: int
    raw: str
    values: list[str] | None = None
    from_own_line: bool = False  # figures printed on a line of their own
    group: _Entry | None = None

    @property
    def text(self) -> str:
        return normalise_label(key_text(self.raw)).text

    def is_data(self) -> bool:
        return self.level == LEVEL_ITEM or bool(lexicon.match("3", "row", self.text, "其他处理"))

    def number(self) -> int | None:
        found = re.match(r"\d+", clean_cell(self.raw))
        return int(found.group(0)) if found else None


@dataclass
class _ApplicationsReader:
    entries: list[_Entry] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    finished: bool = False

    def _open(self) -> _Entry | None:
        last = self.entries[-1] if self.entries else None
        if last and last.is_data() and len(last.values or []) < APPLICANT_WIDTH:
            return last
        return None

    def label(self, fragment: str) -> None:
        text = clean_cell(fragment)
        level = normalise_label(text).level
        last_group = next((e for e in reversed(self.entries) if e.level == LEVEL_GROUP), None)
        if level == LEVEL_NONE:
            if last_group and len(last_group.text) <= _CUT_GROUP_CHARS and len(text) <= _CUT_TAIL_CHARS:
                last_group.raw += fragment.strip()  # "（三）不" … "予公开"
            elif self.entries:
                self.entries[-1].raw += fragment.strip()  # a wrapped label
            return
        entry = _Entry(level, fragment.strip())
        if (
            entry.level == LEVEL_BLOCK
            and self.entries
            and not entry.is_data()
            and "办理结果" not in entry.text
        ):
            self.finished = True  # the next section's heading
            return
        if self.pending and entry.is_data():
            entry.values, self.pending = self.pending[:APPLICANT_WIDTH], self.pending[APPLICANT_WIDTH:]
        self.entries.append(entry)

    def values(self, cells: Sequence[str], own_line: bool, blank: bool) -> None:
        target = self._open()
        for cell in cells:
            if target is not None and len(target.values or []) < APPLICANT_WIDTH:
                target.values = [*(target.values or []), cell]
                target.from_own_line = target.from_own_line or own_line
            elif not blank:
                self.pending.append(cell)
            if target is not None and len(target.values or []) >= APPLICANT_WIDTH:
                target = None

    def read(self, line: _Line) -> None:
        if line.blank:
            if self._open() is not None:
                self.values(line.values, own_line=True, blank=True)
            return
        for fragment in line.labels:
            if not _is_noise(fragment):
                self.label(fragment)
            if self.finished:
                return
        if line.values:
            self.values(line.values, own_line=not line.labels, blank=False)

    def rows_and_raw(self) -> tuple[list[list[str]], list[RawCell]]:
        _move_misplaced(self.entries)
        _assign_groups(self.entries)
        rows: list[list[str]] = []
        raw: list[RawCell] = []
        block = ""
        for position, entry in enumerate(self.entries):
            if entry.level == LEVEL_BLOCK:
                block = entry.raw if "办理结果" in entry.text else ""
            if not entry.is_data():
                continue
            following = self.entries[position + 1] if position + 1 < len(self.entries) else None
            if (
                entry.level == LEVEL_GROUP
                and not entry.values
                and following
                and following.level == LEVEL_ITEM
            ):
                continue  # v2021 （六）其他处理 spans its three rows
            values = entry.values or [""] * APPLICANT_WIDTH
            if len(values) != APPLICANT_WIDTH:
                raw += [RawCell(label=entry.raw, value=v) for v in values if parse_cell(v).status != "blank"]
                continue
            if entry.level == LEVEL_BLOCK:
                labels = [entry.raw] * LABEL_COLUMNS
            elif entry.level == LEVEL_GROUP:
                labels = [block, entry.raw, entry.raw]
            else:
                labels = [block, entry.group.raw if entry.group else "", entry.raw]
            rows.append(labels + list(values))
        raw += [RawCell(label="", value=v) for v in self.pending if parse_cell(v).status != "blank"]
        return rows, raw


def _move_misplaced(entries: list[_Entry]) -> None:
    """Figures under a row-naming group label that belong to the item printed next to it."""
    for entry, following in zip(entries, entries[1:], strict=False):
        if entry.level == LEVEL_GROUP and entry.from_own_line and following.level == LEVEL_ITEM:
            if not following.values:
                following.values, entry.values = entry.values, None


def _assign_groups(entries: Sequence[_Entry]) -> None:
    """Items numbered 1… form a run; the group label printed before or inside the run names it.

    A PDF prints a spanning group label at its vertical middle, after some of its items.
    """
    runs: list[list[_Entry]] = []
    run_groups: list[_Entry | None] = []
    run_open = False
    waiting: _Entry | None = None
    for entry in entries:
        if entry.level == LEVEL_ITEM:
            if not run_open or (entry.number() == 1 and runs[-1]):
                runs.append([])
                run_groups.append(waiting)
                waiting, run_open = None, True
            runs[-1].append(entry)
        elif (
            entry.level == LEVEL_GROUP
            and not entry.is_data()
            or (entry.level == LEVEL_GROUP and not entry.values)
        ):
            if run_open and run_groups[-1] is None:
                run_groups[-1] = entry
            else:
                waiting = entry
        else:
            run_open = False
    for run, group in zip(runs, run_groups, strict=True):
        for entry in run:
            entry.group = group


def _read_applications(lines: Sequence[str], start: int) -> tuple[list[list[str]], list[RawCell], int]:
    reader = _ApplicationsReader()
    index = start
    while index < len(lines) and not reader.entries:  # the header: until the first data row
        parts = split_line(lines[index])
        if parts and parts.labels and _row_name(parts.labels[0]) == "new_received":
            break
        index += 1
    while index < len(lines) and not reader.finished:
        if _is_prose(lines[index]):
            break
        parts = split_line(lines[index])
        if parts is not None:
            reader.read(parts)
        if (
            reader.entries
            and reader.entries[-1].text
            and _row_name(reader.entries[-1].raw) == "carried_forward"
        ):
            if len(reader.entries[-1].values or []) >= APPLICANT_WIDTH:
                index += 1
                break
        index += 1
    rows, raw = reader.rows_and_raw()
    return rows, raw, index


def _row_name(fragment: str) -> str | None:
    label = normalise_label(key_text(fragment))
    return lexicon.match("3", "row", label.text) if label.text else None


# ---------------------------------------------------------------- table 二


def _read_proactive(lines: Sequence[str], start: int) -> tuple[list[list[str]], list[RawCell], int]:
    rows: list[list[str]] = []
    raw: list[RawCell] = []
    measures: list[str] = []
    header_at: int | None = None
    item: list[str] | None = None  # label + the figures read so far

    def flush() -> None:
        nonlocal item
        if item is not None:
            if len(item) - 1 == len(measures):
                rows.append(item)
            else:  # a dropped blank cell: the figures cannot be placed under their measures
                raw.extend(RawCell(label=item[0], value=v) for v in item[1:] if v)
        item = None

    index = start
    while index < len(lines):
        line = lines[index]
        parts = split_line(line)
        index += 1
        if parts is None:
            continue
        text = clean_cell(line)
        if parts.blank or (parts.values and not parts.labels):
            if item is not None:
                item += list(parts.values)
                if len(item) - 1 >= len(measures):
                    flush()
            continue
        if "第二十条" in text:
            flush()
            rows.append([text] * PROACTIVE_WIDTH)
            measures, header_at = [], None
            continue
        words = [clean_cell(word) for word in line.split()]
        if words[0] == "信息内容" or (
            header_at is not None and item is None and lexicon.match("2", "measure", text)
        ):
            flush()
            measures += words[1:] if words[0] == "信息内容" else [text]
            if header_at is None:
                header_at = len(rows)
                rows.append([])
            rows[header_at] = ["信息内容", *measures]
            continue
        label = " ".join(parts.labels)
        if _is_prose(line) or not lexicon.match("2", "item", normalise_label(clean_cell(label)).text):
            index -= 1
            break
        flush()
        header_at = None
        item = [label, *parts.values]
        if len(item) - 1 >= len(measures):
            flush()
    flush()
    return [_pad(row, PROACTIVE_WIDTH) for row in rows], raw, index


def _pad(row: list[str], width: int) -> list[str]:
    """A measure over the last columns repeats its label and figure (colspan), as an HTML grid would."""
    if len(row) >= width or len(row) < 2:
        return row + [""] * (width - len(row))
    return row + [row[-1]] * (width - len(row))


# ---------------------------------------------------------------- table 四


def _read_review(lines: Sequence[str], start: int) -> tuple[list[str] | None, list[RawCell], int]:
    cells: list[str] = []
    index = start
    while index < len(lines) and len(cells) < REVIEW_WIDTH:
        parts = split_line(lines[index])
        if parts is not None:
            if parts.blank:
                if cells:
                    cells.append("")
            elif parts.labels and not _is_review_header(parts.labels):
                break
            else:
                cells += list(parts.values)
        index += 1
    if len(cells) == REVIEW_WIDTH:
        return cells, [], index
    return None, [RawCell(label="行政复议/行政诉讼", value=v) for v in cells if v], index


def _is_review_header(fragments: Sequence[str]) -> bool:
    words = ("行政复议", "行政诉讼", "结果", "维持", "纠正", "其他", "审结", "尚未", "总", "计", "起诉")
    return all(any(word in clean_cell(f) for word in words) for f in fragments)


# ---------------------------------------------------------------- the page


def flat_tables(lines: Sequence[str]) -> FlatTables:
    """Every flattened table 二/三/四 among a page's or a document's text lines, as grids."""
    grids: list[Grid] = []
    kinds: list[str] = []
    raw: list[tuple[str, RawCell]] = []
    new_received_mark = lexicon.required_ideograph("3", "row", "new_received")
    index = 0
    while index < len(lines):
        text = clean_cell(lines[index])
        if not text or _is_prose_cell(text):
            index += 1
            continue
        if "第二十条" in text or text.startswith("信息内容"):
            rows2, raw2, index = _read_proactive(lines, index)
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
            or (new_received_mark in text and _row_name(text) == "new_received")
        ):
            rows3, raw3, index = _read_applications(lines, index)
            if rows3:
                grids.append(Grid(rows=[*map(list, _APPLICATION_HEADER), *rows3], source="text"))
                kinds.append("3")
            raw += [("3", cell) for cell in raw3]
            continue
        if text.startswith("行政复议") and "行政诉讼" in "".join(
            clean_cell(x) for x in lines[index : index + 3]
        ):
            row4, raw4, index = _read_review(lines, index)
            if row4 is not None:
                grids.append(Grid(rows=[*map(list, _REVIEW_HEADER), row4], source="text"))
                kinds.append("4")
            raw += [("4", cell) for cell in raw4]
            continue
        index += 1
    return FlatTables(tuple(grids), tuple(kinds), tuple(raw))
