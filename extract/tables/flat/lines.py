"""A line of a table flattened to text: its label fragments and its trailing figures.

A PDF's text layer prints a row's label and figures on one line, several numbered labels may
share a line, and an empty cell is a blank (or NBSP) line. Page numbers are no part of a table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...labels import LEVEL_BLOCK, normalise_label
from ...numbers import clean_cell, is_value_cell

_PAGE_NUMBER = re.compile(r"^[-—–]\s*\d{1,3}\s*[-—–]$")
# A numbered label starting inside a line: "办 （三）不 4.保护第三方合法权益 6 0 …".
_LABEL_START = re.compile(
    r"\s+(?=\d{1,2}[.、．]\D|[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)"
)
_MAX_LABEL_CHARS = 80  # longer is prose: the table is over


@dataclass(frozen=True)
class TextLine:
    labels: tuple[str, ...]  # label fragments in printed order
    values: tuple[str, ...]  # trailing figures (a blank line is one blank cell)
    blank: bool = False


def split_line(line: str) -> TextLine | None:
    """Label fragments and trailing figures of one text line; None for page numbers."""
    stripped = line.replace("\xa0", " ").strip()
    if not stripped:
        return TextLine((), ("",), blank=True)
    if _PAGE_NUMBER.match(stripped):
        return None
    tokens = stripped.split()
    cut = len(tokens)
    while cut > 0 and is_value_cell(tokens[cut - 1]):
        cut -= 1
    label = " ".join(tokens[:cut])
    fragments = tuple(part for part in _LABEL_START.split(label) if part.strip()) if label else ()
    return TextLine(fragments, tuple(tokens[cut:]))


def is_noise(fragment: str) -> bool:
    """One character of a vertical label ("本", "年", "、") or a bare "三、"."""
    text = clean_cell(fragment)
    label = normalise_label(text)
    return len(text) <= 1 or (label.level == LEVEL_BLOCK and not label.text)


def is_prose(line: str) -> bool:
    return is_prose_cell(clean_cell(line))


def is_prose_cell(text: str) -> bool:
    """A cleaned line too long for a label: the table is over."""
    return len(text) > _MAX_LABEL_CHARS
