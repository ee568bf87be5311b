"""Table 三 (applications) flattened to text, read back into rows.

A label line opens a row, and the next seven figures are its cells; figures printed before
their label wait for the next label that has none. A PDF moves the figures of a wrapped label
above or below it, prints a spanning group label at its vertical middle and scatters a vertical
label ("三、本年度办理结果") one character per line. A row whose figure count does not fit (a
dropped blank cell) cannot be placed column by column: its figures are kept as raw cells.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ...labels import LEVEL_BLOCK, LEVEL_GROUP, LEVEL_ITEM, LEVEL_NONE, normalise_label
from ...model import RawCell
from ...numbers import clean_cell, parse_cell
from .. import lexicon
from ..grid import key_text
from .lines import TextLine, is_noise, is_prose, split_line

APPLICANT_WIDTH = 7
LABEL_COLUMNS = 3  # block | group | item, as the printed table 三 lays them out
_CUT_GROUP_CHARS = 2  # "（四）无" + "法提供": a group label cut by the layout
_CUT_TAIL_CHARS = 4
# The format's own header (spec §3.3): flattened text keeps its words, not its layout.
APPLICATION_HEADER = (
    ["", "", ""] + ["申请人情况"] * 7,
    ["", "", "", "自然人"] + ["法人或其他组织"] * 5 + ["总计"],
    ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
)


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

    def read(self, line: TextLine) -> None:
        if line.blank:
            if self._open() is not None:
                self.values(line.values, own_line=True, blank=True)
            return
        for fragment in line.labels:
            if not is_noise(fragment):
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


def read_applications(lines: Sequence[str], start: int) -> tuple[list[list[str]], list[RawCell], int]:
    reader = _ApplicationsReader()
    index = start
    while index < len(lines) and not reader.entries:  # the header: until the first data row
        parts = split_line(lines[index])
        if parts and parts.labels and row_name(parts.labels[0]) == "new_received":
            break
        index += 1
    while index < len(lines) and not reader.finished:
        if is_prose(lines[index]):
            break
        parts = split_line(lines[index])
        if parts is not None:
            reader.read(parts)
        if (
            reader.entries
            and reader.entries[-1].text
            and row_name(reader.entries[-1].raw) == "carried_forward"
        ):
            if len(reader.entries[-1].values or []) >= APPLICANT_WIDTH:
                index += 1
                break
        index += 1
    rows, raw = reader.rows_and_raw()
    return rows, raw, index


def row_name(fragment: str) -> str | None:
    label = normalise_label(key_text(fragment))
    return lexicon.match("3", "row", label.text) if label.text else None
