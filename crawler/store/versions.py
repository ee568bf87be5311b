"""What a stored report holds, as one digest: how a new extraction of the same bytes is told apart
from a repeat of the old one.

A crawl knows a report changed when its bytes changed. `nianbao reextract` reads the same bytes
with a newer extraction, which may find exactly what the old one found (no new version) or
something else (a new version, as a changed page would be). The digest is taken over the rows as
stored, so it compares a report stored by any earlier release, whatever its Report looked like.
"""

from __future__ import annotations

import hashlib
import json

import sqlite_utils

from crawler.store.schema import REPORT_CHILDREN, SCHEMA

# Columns of `reports` that say when and by what a report was stored, not what it holds.
BOOKKEEPING = ("first_seen", "updated_at", "extractor_version", "gone_at")


def content_digest(db: sqlite_utils.Database, key: str) -> str:
    """sha256 of the report's row (less its bookkeeping) and of its sections, figures, unclaimed
    cells and findings, each in primary-key order."""
    digest = hashlib.sha256()
    for table in ("reports", *REPORT_CHILDREN):
        columns, pk = SCHEMA[table]
        kept = [c for c in columns if not (table == "reports" and c in BOOKKEEPING)]
        order = ", ".join(f'"{c}"' for c in ([pk] if isinstance(pk, str) else pk))
        selected = ", ".join(f'"{c}"' for c in kept)
        rows = db.execute(f"select {selected} from {table} where report_key = ? order by {order}", [key])
        rows = rows.fetchall()
        digest.update(json.dumps([table, rows], ensure_ascii=False, default=str).encode("utf-8"))
    return digest.hexdigest()
