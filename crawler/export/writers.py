"""Write the exported tables: CSV and Parquet as one file per table in a folder, Excel as one
workbook with a sheet per table."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

from crawler.export.datasets import Dataset


class ExportError(Exception):
    """The export cannot be written (a missing library, an unusable OUT); the message says why."""


def write_csv(datasets: list[Dataset], out: Path) -> list[Path]:
    # utf-8-sig: Excel reads a CSV without the byte-order mark as the local code page, not UTF-8.
    written = []
    for data in datasets:
        path = _folder(out) / f"{data.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(data.columns)
            writer.writerows(data.rows)
        written.append(path)
    return written


def write_parquet(datasets: list[Dataset], out: Path) -> list[Path]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("--format parquet needs pyarrow: pip install 'nianbao[export]'") from None
    written = []
    for data in datasets:
        columns = list(zip(*data.rows, strict=True)) if data.rows else [()] * len(data.columns)
        table = pa.table(
            {name: pa.array(list(values)) for name, values in zip(data.columns, columns, strict=True)}
        )
        path = _folder(out) / f"{data.name}.parquet"
        pq.write_table(table, path)
        written.append(path)
    return written


def write_xlsx(datasets: list[Dataset], out: Path) -> list[Path]:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if out.is_dir():
        raise ExportError(f"{out} is a folder: --format xlsx writes one workbook file")
    book = Workbook(write_only=True)
    for data in datasets:
        sheet = book.create_sheet(data.name)
        sheet.append(data.columns)
        for row in data.rows:
            # Control characters a page may hold are not allowed in a worksheet.
            sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(out)
    return [out]


def _folder(out: Path) -> Path:
    if out.exists() and not out.is_dir():
        raise ExportError(f"{out} is a file: CSV and Parquet exports write a folder of files")
    out.mkdir(parents=True, exist_ok=True)
    return out


WRITERS: dict[str, Callable[[list[Dataset], Path], list[Path]]] = {
    "csv": write_csv,
    "parquet": write_parquet,
    "xlsx": write_xlsx,
}
