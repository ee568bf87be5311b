"""Rows of the store, derived from extract/'s records: each field is written once, in extract/model.py.

A record's row is its dataclass fields under their column names (RENAMED where SQL or the
store's layout needs another name), plus what the store adds: the report key, the position
in the report, times. tests/test_store_rows.py checks every row against store/schema.py.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from typing import Any

from extract.model import Report, SpamReport

# Field name -> column name, where the two differ. `table` is an SQL keyword.
RENAMED = {"table": "table_index"}
# A report's spam summary, flattened into the columns of `reports` and `pages`.
SPAM_COLUMNS = {
    "tampered": "tampered",
    "score": "spam_score",
    "verdict": "spam_verdict",
    "low_trust": "low_trust",
}
# Report fields that describe the fetch, not the report: they go to `pages` only.
FETCH_FIELDS = ("encoding", "is_report", "errors")


def record_row(record: Any) -> dict[str, Any]:
    """A child record (Section, Stat, RawCell, SpamFinding, ValidationFinding) as columns."""
    return {RENAMED.get(f.name, f.name): getattr(record, f.name) for f in fields(record)}


def spam_columns(spam: SpamReport) -> dict[str, Any]:
    return {
        column: int(value) if isinstance(value, bool) else value
        for name, column in SPAM_COLUMNS.items()
        for value in (getattr(spam, name),)
    }


def report_columns(report: Report) -> dict[str, Any]:
    """The report's own scalar fields (its children and the fetch's fields go elsewhere)."""
    row: dict[str, Any] = {}
    for f in fields(report):
        value = getattr(report, f.name)
        if f.name in FETCH_FIELDS or is_dataclass(value):
            continue
        if isinstance(value, tuple):
            if f.name == "flags":
                row["flags"] = ",".join(value) or None
            continue  # sections, stats, raw cells, findings: rows of their own tables
        row[RENAMED.get(f.name, f.name)] = value
    return row | spam_columns(report.spam)


def page_columns(report: Report) -> dict[str, Any]:
    """What a parsed page says about itself in `pages`."""
    return {
        "sha256": report.sha256,
        "encoding": report.encoding,
        "is_report": int(report.is_report),
        "error": "; ".join(report.errors) or None,
        "extractor_version": report.extractor_version,
        **spam_columns(report.spam),
    }
