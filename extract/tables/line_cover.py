"""Which of a page's text lines print a given grid, so a table is never read twice.

The page's lines hold every table cell once more (one cell per line, or one `|`
row per line). A table read from its grid is blanked out of the lines before the
line-based legacy reader runs, or its rows would come back as one-column rows.
The cells are followed in order; a line matches the next few cells (merged
cells repeat in the grid but print once) exactly, or as a piece of one cell (a
cell wrapped by <br>).
"""

from __future__ import annotations

from collections.abc import Sequence

from .grid import Grid, distinct, key_text

_LOOKAHEAD = 12  # cells a line may skip: spans repeated in the grid, cells the page left out
_PIPE_RULE_CHARS = frozenset("|-: ")


def _cells(grid: Grid) -> list[str]:
    if grid.source == "text":  # one `|` row per line
        return ["".join(key_text(cell) for cell in row) for row in grid.rows]
    return [text for row in grid.rows for text in distinct(key_text(cell) for cell in row)]


def _line_key(line: str) -> str:
    if set(line) <= _PIPE_RULE_CHARS:
        return ""  # a markdown rule |---| or a blank line
    return key_text(line.replace("|", ""))


def _next_match(text: str, cells: Sequence[str], last: int) -> int | None:
    """The next cell printed as `text`, or the cell `last` or after it that `text` is a piece of."""
    end = min(last + 1 + _LOOKAHEAD, len(cells))
    exact = next((k for k in range(last + 1, end) if cells[k] == text), None)
    return exact if exact is not None else next((k for k in range(last, end) if text in cells[k]), None)


def covered_lines(lines: Sequence[str], grid: Grid) -> set[int]:
    """Indexes of the lines that print `grid`, from its first cell on; empty when not found."""
    cells = [cell for cell in _cells(grid) if cell]
    if not cells:
        return set()
    keys = [_line_key(line) for line in lines]
    for start, key in enumerate(keys):
        if key != cells[0]:
            continue
        covered, position = _walk(keys, start, cells)
        if position >= len(cells) - 1:
            return covered
    return set()


def _walk(keys: Sequence[str], start: int, cells: Sequence[str]) -> tuple[set[int], int]:
    """Lines matched from `start` and how far into the cells they reached."""
    covered: set[int] = set()
    position = 0
    for index in range(start, len(keys)):
        if not keys[index]:
            covered.add(index)
            continue
        found = _next_match(keys[index], cells, position)
        if found is None:
            break
        covered.add(index)
        position = found
    return covered, position
