"""A table as a grid of cell texts, whatever it was printed in.

Every reader (HTML, `|` text, PDF, DOCX, XLSX/XLS) produces the same thing: a
rectangle of strings in which a merged cell's text is repeated in every slot it
covers. The mappers then read labels and header paths without caring whether a
span came from rowspan/colspan, a Word merge or a ruled PDF cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from lxml import etree

from ..labels import normalise_text

_TABLE_TAGS = ("table",)
_MAX_SPAN = 100  # rowspan="9999" on broken pages must not allocate a huge grid
# A markdown separator row: |---|:---:|
_PIPE_RULE = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_CAPTION_CHARS = 40
# An element's text nodes in document order, as itertext() yields them, but without a Python
# element object made for every tag inside.
_TEXT_NODES = etree.XPath("descendant-or-self::text()", smart_strings=False)


@dataclass
class Grid:
    rows: list[list[str]]
    source: str = "html"  # html, text, pdf, docx, xlsx, xls
    page: int | None = None
    caption: str = ""  # short text printed just above the table (scope words live there)
    notes: list[str] = field(default_factory=list)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


def key_text(cell: str | None) -> str:
    """A cell as compared for labels: NFKC, no whitespace (cells wrap), variants folded."""
    return normalise_text(cell or "")


def distinct(texts: Iterable[str]) -> list[str]:
    """Non-empty texts with consecutive repeats (one merged cell seen twice) removed."""
    out: list[str] = []
    for text in texts:
        if text and (not out or out[-1] != text):
            out.append(text)
    return out


def tidy(rows: Sequence[Sequence[str | None]]) -> list[list[str]]:
    """Rectangular, with empty rows and empty columns dropped."""
    width = max((len(row) for row in rows), default=0)
    grid = [[(cell or "").strip() for cell in row] + [""] * (width - len(row)) for row in rows]
    # An empty cell folds to nothing: it is not looked up.
    grid = [row for row in grid if any(cell and key_text(cell) for cell in row)]
    empty_columns = {c for c in range(width) if not any(row[c] and key_text(row[c]) for row in grid)}
    return [[cell for c, cell in enumerate(row) if c not in empty_columns] for row in grid]


def rectangular(grid: Grid) -> Grid:
    """Every row as wide as the widest. The readers here make grids so (tidy); a Grid built
    elsewhere may have ragged rows, which the table readers index by column."""
    width = grid.width
    if all(len(row) == width for row in grid.rows):
        return grid
    return replace(grid, rows=[row + [""] * (width - len(row)) for row in grid.rows])


def html_grids(tree: etree._Element) -> list[Grid]:
    """Every innermost <table> of the page, spans expanded; layout tables that wrap others are skipped."""
    grids = []
    for table in tree.iter("table"):
        if any(True for _ in table.iterdescendants("table")):
            continue
        rows = expand_html_table(table)
        if rows:
            grids.append(Grid(rows=tidy(rows), source="html", caption=_caption_before(table)))
    return grids


def expand_html_table(table: etree._Element, repeat_spans: bool = True) -> list[list[str]]:
    """rowspan/colspan expanded into a grid read from the raw DOM (not from extracted text).

    A merged cell's text fills every slot it covers, or with `repeat_spans=False` only its
    first slot, the others left empty: the way trafilatura prints a table as `|` text."""
    rows = list(table.iter("tr"))
    if any(True for _ in table.iterdescendants("table")):
        # Only a table inside may own some of the rows; most tables hold none.
        rows = [tr for tr in rows if _owning_table(tr) is table]
    # The slots row by row, None where no cell reaches: a cell takes the first free slot of
    # its row, and a slot that a span above already took keeps that span's text.
    grid: list[list[str | None]] = []
    for r, tr in enumerate(rows):
        if len(grid) == r:
            grid.append([])
        row = grid[r]
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):  # a comment's tag is a function: never one of them
                continue
            while c < len(row) and row[c] is not None:
                c += 1
            text = _cell_text(cell)
            rowspan, colspan = _span(cell, "rowspan"), _span(cell, "colspan")
            if rowspan == colspan == 1:  # most cells
                if c == len(row):
                    row.append(text)
                else:
                    row[c] = text
                c += 1
                continue
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                spanned = grid[r + dr]
                if len(spanned) < c + colspan:
                    spanned.extend([None] * (c + colspan - len(spanned)))
                for dc in range(colspan):
                    if spanned[c + dc] is None:
                        spanned[c + dc] = text if repeat_spans or not (dr or dc) else ""
            c += colspan
    # A row no cell reaches counts only before a row some cell does; rows a span reaches
    # below the table are not the table's.
    height = max((r + 1 for r, row in enumerate(grid) if row), default=0)
    if not height:
        return []
    width = max(len(row) for row in grid)
    return [
        [cell or "" for cell in row] + [""] * (width - len(row)) for row in grid[: min(height, len(rows))]
    ]


def pipe_grids(lines: Sequence[str]) -> list[Grid]:
    """Tables printed as `| a | b |` text (mirror sites, markdown): runs of pipe lines become grids."""
    # A block starts only on a line holding two pipes, and most pages have none (a breadcrumb
    # "首页 | 政府信息公开" has one): those need no walk through their lines. Counting over
    # the whole page first settles most pages without a loop.
    if "".join(lines).count("|") < 2 or not any(line.count("|") >= 2 for line in lines):
        return []
    grids: list[Grid] = []
    block: list[list[str]] = []
    caption = ""
    for line in [*lines, ""]:
        stripped = line.strip()
        if stripped.count("|") >= 2:
            if not _PIPE_RULE.match(stripped):
                block.append([cell.strip() for cell in stripped.strip("|").split("|")])
            continue
        if block:
            grids.append(Grid(rows=tidy(block), source="text", caption=caption))
            block = []
        if stripped:
            caption = stripped[: _CAPTION_CHARS * 2]
    return grids


def _owning_table(tr: etree._Element) -> etree._Element | None:
    for ancestor in tr.iterancestors("table"):
        return ancestor
    return None


def _span(cell: etree._Element, name: str) -> int:
    value = cell.get(name)
    if value is None:
        return 1  # most cells: no span printed
    try:
        return max(1, min(int(str(value).strip() or 1), _MAX_SPAN))
    except ValueError:
        return 1


def _cell_text(cell: etree._Element) -> str:
    return "\n".join(filter(None, map(str.strip, _TEXT_NODES(cell))))


def _caption_before(table: etree._Element) -> str:
    """The nearest short text before the table: its caption or a title such as 市本级."""
    caption = table.find("caption")
    if caption is not None and caption.text_content().strip():
        return caption.text_content().strip()
    node = table
    for _ in range(3):
        previous = node.getprevious()
        while previous is not None:
            text = _short_text(previous, _CAPTION_CHARS)
            if text is None:
                return ""  # text, but too long for a caption
            if text:
                return text
            previous = previous.getprevious()
        node = node.getparent()
        if node is None:
            break
    return ""


def _short_text(node: etree._Element, limit: int) -> str | None:
    """The node's text_content() stripped, or None when that is longer than `limit`.

    The text before a table is often the whole article above it: its pieces are read only
    until more than `limit` characters lie between the first and the last non-space one.
    """
    if not isinstance(node.tag, str):
        return ""  # a comment or processing instruction shows no text: look further back
    pieces: list[str] = []  # the text read so far, leading spaces dropped
    length = 0  # of the pieces
    end = 0  # just past their last non-space character
    for piece in node.itertext():  # the text nodes text_content() joins, in the same order
        if not pieces:
            piece = piece.lstrip()
            if not piece:
                continue
        pieces.append(piece)
        if piece.strip():
            end = length + len(piece.rstrip())
            if end > limit:
                return None
        length += len(piece)
    return "".join(pieces)[:end]
