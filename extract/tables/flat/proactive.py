"""Table 二 (proactive disclosure) flattened to text, read back into rows.

A 第二十条 line heads each part, 信息内容 (or the measures one per line) gives its columns,
and an item's label is followed by one figure per measure. An item whose figure count does not
match its measures (a dropped blank cell) is kept as raw cells.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...labels import normalise_label
from ...model import RawCell
from ...numbers import clean_cell
from .. import lexicon
from .lines import is_prose, split_line

PROACTIVE_WIDTH = 4  # 信息内容 + three measures


def read_proactive(lines: Sequence[str], start: int) -> tuple[list[list[str]], list[RawCell], int]:
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
        if is_prose(line) or not lexicon.match("2", "item", normalise_label(clean_cell(label)).text):
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
