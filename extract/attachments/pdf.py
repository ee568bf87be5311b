"""PDF reports (text layer) → text lines and cell grids, via pdfplumber.

pdfplumber finds ruled tables and reports each cell's box; a merged cell is one
box over several rows or columns. The grid is rebuilt from those boxes so that a
merged cell's text fills every slot it covers, as an HTML span would. Tables cut
by a page break come out as separate grids in page order; the table stage joins
them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from ..tables.grid import Grid, tidy
from .model import PDF, Document

_EDGE_TOLERANCE = 2.0  # points: ruling lines drawn twice or slightly off


# A page with fewer characters than this but with an image is a scan, not text.
_SCAN_MAX_CHARS = 10


def read_pdf(body: bytes) -> Document:
    import pdfplumber  # imported here: HTML pages, the common case, never need it

    lines: list[str] = []
    grids: list[Grid] = []
    image_only = 0
    with pdfplumber.open(io.BytesIO(body)) as pdf:
        for number, page in enumerate(pdf.pages):
            text = page.extract_text() or ""
            if len(text.strip()) < _SCAN_MAX_CHARS and page.images:
                image_only += 1
            lines += [line.strip() for line in text.split("\n") if line.strip()]
            for table in page.find_tables():
                rows = _expanded(table)
                if rows:
                    grids.append(Grid(rows=tidy(rows), source="pdf", page=number))
            page.flush_cache()
        pages = len(pdf.pages)
    return Document(kind=PDF, lines=lines, grids=grids, pages=pages, image_only_pages=image_only)


def _edges(values: Sequence[float]) -> list[float]:
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _EDGE_TOLERANCE:
            edges.append(value)
    return edges


def _slot(edges: Sequence[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _expanded(table: object) -> list[list[str]]:
    texts = table.extract()  # type: ignore[attr-defined]
    boxes = []
    for row, row_texts in zip(table.rows, texts, strict=False):  # type: ignore[attr-defined]
        for box, text in zip(row.cells, row_texts, strict=False):
            if box is not None:
                boxes.append((box, text or ""))
    if not boxes:
        return []
    xs = _edges([b[0] for b, _ in boxes] + [b[2] for b, _ in boxes])
    ys = _edges([b[1] for b, _ in boxes] + [b[3] for b, _ in boxes])
    grid = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
    for (x0, top, x1, bottom), text in boxes:
        for r in range(_slot(ys, top), _slot(ys, bottom)):
            for c in range(_slot(xs, x0), _slot(xs, x1)):
                grid[r][c] = text
    return grid
