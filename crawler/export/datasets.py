"""The exported tables, read from the store: what a researcher cites and where each figure came from.

- `reports`: one row per report, with the page and archived snapshot its figures were read from.
- `statistics_long`: one row per figure (report, scope, key, value, unit), with its provenance:
  the page's URL and fetch time, the snapshot's sha256 and WARC record (file, offset; open it with
  warcio, README "The database"), and the table and cell it was printed in.
- `statistics_wide`: one row per report and scope, one column per indicator key. A report's own
  figures and its region's totals are different quantities, so the scope is kept as a row.
- `indicators`: the data dictionary, one row per key of extract/data/indicators.csv (the format
  specification's keys): its Chinese label, eras, unit and section.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from extract.tables.lexicon import KEYS_CSV


@dataclass(frozen=True)
class Dataset:
    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]


REPORT_COLUMNS = (
    "report_key",
    "title",
    "agency",
    "region",
    "division_code",
    "level",
    "year",
    "published_on",
    "era",
    "document_number",
    "spam_verdict",
    "tampered",
    "low_trust",
    "quality",
    "flags",
    "extractor_version",
    "url",
    "fetched_at",
    "snapshot_sha256",
    "warc_file",
    "warc_offset",
    "gone_at",
)
# Each figure with its provenance: the page, its snapshot's WARC record, the table and the cell.
FIGURE_COLUMNS = (
    "report_key",
    "scope",
    "key",
    "value",
    "unit",
    "status",
    "source",
    "url",
    "fetched_at",
    "snapshot_sha256",
    "warc_file",
    "warc_offset",
    "table_index",
    "row_label",
    "column_label",
    "cell_row",
    "cell_column",
    "raw_value",
)
# Columns of the joined query, in the order above, named by where they come from.
_SOURCES = {
    "url": "r.url",
    "fetched_at": "p.fetched_at",
    "snapshot_sha256": "p.sha256",
    "warc_file": "p.warc_file",
    "warc_offset": "p.warc_offset",
    "gone_at": "r.gone_at",
    "row_label": "s.raw_label",
}
DICTIONARY_COLUMNS = ("key", "label_zh", "eras", "unit", "section")


def _select(columns: tuple[str, ...], table_alias: str) -> str:
    return ", ".join(_SOURCES.get(c, f'{table_alias}."{c}"') for c in columns)


def reports(db: sqlite_utils.Database) -> Dataset:
    sql = (
        f"select {_select(REPORT_COLUMNS, 'r')} from reports r left join pages p on p.url = r.url "
        "order by r.year, r.agency, r.report_key"
    )
    return Dataset("reports", REPORT_COLUMNS, db.execute(sql).fetchall())


def statistics_long(db: sqlite_utils.Database) -> Dataset:
    sql = (
        f"select {_select(FIGURE_COLUMNS, 's')} from stats s join reports r on r.report_key = s.report_key "
        "left join pages p on p.url = r.url order by r.year, r.agency, s.report_key, s.scope, s.key"
    )
    return Dataset("statistics_long", FIGURE_COLUMNS, db.execute(sql).fetchall())


def statistics_wide(long: Dataset) -> Dataset:
    """The long figures pivoted: (report, scope) rows, a column per key in key order."""
    at = {name: i for i, name in enumerate(long.columns)}
    keys = sorted({row[at["key"]] for row in long.rows})
    place = {key: i + 2 for i, key in enumerate(keys)}
    rows: dict[tuple[str, str], list[Any]] = {}
    for row in long.rows:
        report_scope = (row[at["report_key"]], row[at["scope"]])
        line = rows.setdefault(report_scope, [*report_scope, *[None] * len(keys)])
        line[place[row[at["key"]]]] = row[at["value"]]
    return Dataset("statistics_wide", ("report_key", "scope", *keys), [tuple(r) for r in rows.values()])


def indicators() -> Dataset:
    """The data dictionary: every canonical key with its Chinese label (row, then column)."""
    with KEYS_CSV.open(encoding="utf-8", newline="") as handle:
        rows = [
            (
                row["key"],
                " / ".join(part for part in (row["row_label_zh"], row["column_label_zh"]) if part),
                row["eras"],
                row["unit"],
                row["section"],
            )
            for row in csv.DictReader(handle)
        ]
    return Dataset("indicators", DICTIONARY_COLUMNS, rows)


def all_datasets(db: sqlite_utils.Database) -> list[Dataset]:
    long = statistics_long(db)
    return [reports(db), long, statistics_wide(long), indicators()]
