"""Spreadsheet reports (XLSX via openpyxl, XLS via xlrd) → lines and cell grids.

Each sheet is one grid; merged ranges are filled with their top-left value so a
merged header reads like an HTML span. Whole-number floats (xlrd stores every
number as a float) are printed without ".0" so cells parse as counts.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from ..tables.grid import Grid, tidy


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _lines(rows: Iterable[list[str]]) -> list[str]:
    return [cell.strip() for row in rows for cell in row if cell.strip()]


def read_xlsx(body: bytes) -> tuple[list[str], list[Grid]]:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(body), data_only=True)
    lines: list[str] = []
    grids: list[Grid] = []
    for sheet in book.worksheets:
        rows = [[_text(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        for merged in sheet.merged_cells.ranges:
            value = rows[merged.min_row - 1][merged.min_col - 1]
            for r in range(merged.min_row - 1, merged.max_row):
                for c in range(merged.min_col - 1, merged.max_col):
                    rows[r][c] = value
        lines.append(sheet.title)
        lines += _lines(rows)
        grids.append(Grid(rows=tidy(rows), source="xlsx", caption=sheet.title))
    return lines, grids


def read_xls(body: bytes) -> tuple[list[str], list[Grid]]:
    import xlrd

    book = xlrd.open_workbook(file_contents=body, formatting_info=True)
    lines: list[str] = []
    grids: list[Grid] = []
    for sheet in book.sheets():
        rows = [[_text(sheet.cell_value(r, c)) for c in range(sheet.ncols)] for r in range(sheet.nrows)]
        for top, bottom, left, right in sheet.merged_cells:
            value = rows[top][left]
            for r in range(top, bottom):
                for c in range(left, right):
                    rows[r][c] = value
        lines.append(sheet.name)
        lines += _lines(rows)
        grids.append(Grid(rows=tidy(rows), source="xls", caption=sheet.name))
    return lines, grids
