"""What an incremental crawl needs from the store: validators, checks, pages that went away.

Kept apart from storage.py's writes of pages and reports: these are the reads
and small updates of a re-crawl (conditional requests, 304s, gone reports).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from crawler.store.database import Store, utcnow

GONE_STATUSES = (404, 410)


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None
    sha256: str | None
    is_report: bool
    is_attachment: bool


def page_validators(store: Store, host: str) -> dict[str, Validators]:
    """Validators and hashes of every page already stored for a host."""
    rows = store.db.execute(
        "select url, etag, last_modified, sha256, is_report, kind from pages "
        "where host = ? and sha256 is not null and (status between 200 and 299 or status = 304)",
        [host],
    ).fetchall()
    return {
        url: Validators(etag, last_modified, sha256, bool(is_report), kind == "attachment")
        for url, etag, last_modified, sha256, is_report, kind in rows
    }


def touch_page(store: Store, url: str, run_id: str | None, extra: dict[str, Any] | None = None) -> None:
    """The page was checked and is unchanged: note the check, keep its content and fetch time."""
    with store.db.atomic():
        store.db.execute(
            "update pages set checked_at = ?, run_id = ?, gone_at = null where url = ?",
            [utcnow(), run_id, url],
        )
        store.db.execute("update reports set gone_at = null where url = ?", [url])
        if extra:
            store.db["pages"].update(url, extra)


def mark_gone(store: Store, url: str) -> None:
    """A stored page answered 404/410: the page and the report it held are gone as of now."""
    now = utcnow()
    with store.db.atomic():
        store.db.execute("update pages set gone_at = coalesce(gone_at, ?) where url = ?", [now, url])
        store.db.execute(
            "update reports set gone_at = coalesce(gone_at, ?) where url = ? or report_key in "
            "(select report_key from pages where url = ? and report_key is not null)",
            [now, url, url],
        )


def mark_unseen_reports_gone(store: Store, host: str, path_prefix: str, run_id: str) -> int:
    """After a complete crawl: reports under the crawled column that no page linked any more."""
    now = utcnow()
    prefix = f"%://{host}{path_prefix}%"
    with store.db.atomic():
        cursor = store.db.execute(
            "update reports set gone_at = ? where gone_at is null and url in "
            "(select url from pages where host = ? and url like ? and is_report = 1 "
            "and coalesce(run_id, '') != ?)",
            [now, host, prefix, run_id],
        )
        store.db.execute(
            "update pages set gone_at = coalesce(gone_at, ?) where host = ? and url like ? "
            "and is_report = 1 and coalesce(run_id, '') != ?",
            [now, host, prefix, run_id],
        )
    return cursor.rowcount
