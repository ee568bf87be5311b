"""DOCX reports → text lines and cell grids, via python-docx.

python-docx repeats a merged cell (horizontal gridSpan or vertical vMerge) in
every grid slot it covers, which is exactly the grid the table stage expects.
Paragraphs and tables are read in body order so captions stay next to tables.
"""

from __future__ import annotations

import io

from ..tables.grid import Grid, tidy

_CAPTION_CHARS = 40


def read_docx(body: bytes) -> tuple[list[str], list[Grid]]:
    import docx  # python-docx; imported here so HTML-only runs never load it
    from docx.table import Table

    document = docx.Document(io.BytesIO(body))
    lines: list[str] = []
    grids: list[Grid] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = [[cell.text for cell in row.cells] for row in block.rows]
            caption = lines[-1] if lines and len(lines[-1]) <= _CAPTION_CHARS else ""
            grids.append(Grid(rows=tidy(rows), source="docx", caption=caption))
            lines += [cell.strip() or "\u00a0" for row in rows for cell in _distinct_cells(row)]
        elif block.text.strip():
            lines.append(block.text.strip())
    return lines, grids


def _distinct_cells(row: list[str]) -> list[str]:
    """A merged cell once per row, as a reader sees it."""
    out: list[str] = []
    for cell in row:
        if not out or cell != out[-1] or not cell.strip():
            out.append(cell)
    return out
