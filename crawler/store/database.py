"""The SQLite store: every fetch in `pages`, every report with its versions.

A report's identity is its reporting body and year, not its URL: the same
report is posted on several portals and edited after publication. Pages whose
body could not be read are keyed by URL until it can. Writes are upserts on
explicit primary keys, so an identical re-crawl changes nothing but the fetch
times; a report whose content changed gets a new `report_versions` row and
the old one stays.
"""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

from crawler.store.across_years import check_adjacent_years
from crawler.store.file_lock import held as file_locked
from crawler.store.outcome import error_pages, run_figures
from crawler.store.rows import page_columns, record_row, report_columns
from crawler.store.schema import REPORT_CHILDREN, NewerSchema, create_schema
from crawler.store.table_writes import TableWrites
from crawler.store.versions import content_digest
from crawler.store.views import create_views
from extract.model import Report


class StorageError(Exception):
    """The database cannot be used: unwritable path, locked, not SQLite."""


def utcnow() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def report_key(report: Report) -> str:
    """Reporting body and year; the title and year where the body is unknown (a defaced
    page), and the URL only where neither can be read."""
    if report.agency and report.year:
        identity = f"{report.agency}|{report.year}"
    elif report.title and report.year:
        identity = f"title|{report.title}|{report.year}"
    else:
        identity = f"url|{report.url}"
    return hashlib.sha1(identity.encode("utf-8")).hexdigest()[:16]


# How long opening a database waits while another crawl of this host writes it.
SHARED_WAIT_SECONDS = 60.0


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        # Hosts whose `sites` row this Store committed: written once per crawl, not per page.
        self.saved_hosts: set[str] = set()
        self._unsaved_hosts: set[str] = set()  # written in the open transaction, not yet committed
        # Commits made, and seconds spent waiting for SQLite's write lock (another connection's).
        self.commits = 0
        self.lock_wait_seconds = 0.0
        # Runs left open by dead processes are closed by the first run this Store starts: a
        # registry crawl starts one per site on one Store, and none of them died meanwhile.
        self.stale_runs_closed = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(str(self.path), timeout=2.0)
            # The transactions Python opens before a write (sqlite-utils' inserts and upserts) take
            # the write lock at once. A deferred one that reads first cannot take it if another
            # connection committed since its read: SQLite fails it at once (SQLITE_BUSY_SNAPSHOT)
            # instead of waiting, and a registry crawl has several connections writing.
            conn.isolation_level = "IMMEDIATE"
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA journal_mode=wal")
            # In WAL mode a commit then waits for no fsync: an interrupted crawl loses nothing it
            # committed, a power cut at most the last commits; the file is never left corrupt.
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._create()
            self.rows = TableWrites(self.db)
        except (OSError, sqlite3.Error, NewerSchema) as exc:
            raise StorageError(f"cannot use database {self.path}: {exc}") from exc

    def _create(self) -> None:
        # Several processes may open one database at once: they take turns, so one that opens it
        # while another is still creating the tables and views waits for that, not for SQLite's
        # short lock timeout.
        with file_locked(self.path):
            # Take the write lock once now: a locked or read-only file fails here, clearly.
            self._take_write_lock()
            # Both write only what is missing or out of date: a database this version made opens
            # without a write, so the stores a crawl opens meanwhile (a site's monitors) never
            # change the schema under its other connections.
            create_schema(self.db)
            create_views(self.db)

    def _take_write_lock(self) -> None:
        """Begin and end a write transaction. Another crawl of this host writing the same
        database holds the lock for a batch's commit, which a loaded machine may stretch past
        the connection's timeout: while such a crawl runs, the store waits for its turn (up to
        SHARED_WAIT_SECONDS). A lock nothing of ours holds fails at the first timeout."""
        deadline = time.monotonic() + SHARED_WAIT_SECONDS
        while True:
            try:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("ROLLBACK")
                return
            except sqlite3.OperationalError as exc:
                if (
                    "locked" not in str(exc)
                    or time.monotonic() > deadline
                    or not self._another_crawl_writes()
                ):
                    raise

    def _another_crawl_writes(self) -> bool:
        """A run of another live process of this host is open in this database."""
        try:
            rows = self._host_runs("running")
        except sqlite3.Error:
            return False  # no runs table yet: nothing of ours has written here
        return any(pid != os.getpid() and _process_alive(pid) for _, pid in rows)

    def _host_runs(self, *statuses: str) -> list[tuple[str, int]]:
        """(run_id, pid) of the runs in these statuses that a process of this host opened."""
        marks = ", ".join("?" * len(statuses))
        return self.db.execute(
            f"select run_id, pid from crawl_runs where status in ({marks}) and host = ? and pid is not null",
            [*statuses, socket.gethostname()],
        ).fetchall()

    def close(self) -> None:
        self.db.conn.close()

    # Runs -----------------------------------------------------------------
    def start_run(self, run_id: str, start_url: str) -> None:
        """Open a run, or reopen the one a resumed crawl continues (it keeps its start time)."""
        if not self.stale_runs_closed:
            self.close_stale_runs()
            self.stale_runs_closed = True
        record = {
            "run_id": run_id,
            "start_url": start_url,
            "site": urlsplit(start_url).netloc.lower() if start_url else None,
            "status": "running",
            "pid": os.getpid(),
            "host": socket.gethostname(),
        }
        # A run claimed by `nianbao schedule` exists, `queued`, before its crawl starts.
        started = self.db.execute(
            "select count(*) from crawl_runs where run_id = ? and started_at is not null", [run_id]
        ).fetchone()[0]
        if not started:
            record["started_at"] = utcnow()
        self.rows.upsert("crawl_runs", record)

    def close_stale_runs(self) -> list[str]:
        """Close as `interrupted` the runs still `running` (or `queued` by `nianbao schedule` in
        the process that was to crawl them) whose process on this host is gone.

        A pid and host, not a heartbeat: nothing is written while a crawl runs, and the answer is
        certain on the machine that ran it. Runs of other hosts (distributed workers) are left to
        their own host's next start; a reused pid only keeps a dead run open a while longer."""
        stale = [run_id for run_id, pid in self._host_runs("running", "queued") if not _process_alive(pid)]
        for run_id in stale:
            self.finish_run(run_id, "interrupted")
        return stale

    def finish_run(self, run_id: str, status: str) -> None:
        pages = self.db.execute(
            "select count(*) from pages where run_id = ? and fetched_at is not null", [run_id]
        ).fetchone()[0]
        reports = self.db.execute(
            "select count(distinct report_key) from pages where run_id = ? and is_report = 1", [run_id]
        ).fetchone()[0]
        self.rows.upsert(
            "crawl_runs",
            {
                "run_id": run_id,
                "finished_at": utcnow(),
                "status": status,
                "pages_fetched": pages,
                "reports_stored": reports,
                **run_figures(self.db, run_id),
            },
        )

    # Pages and reports ----------------------------------------------------
    @contextmanager
    def page_transaction(self, url: str) -> Iterator[None]:
        """Everything one fetched page writes, committed together or not at all: a crash leaves a
        report's old version or its new one, never a `pages` row without its report's sections and
        statistics (a re-crawl would skip that page as unchanged for good). Nested calls join the
        outer transaction."""
        host = urlsplit(url).netloc
        outermost = not self.db.conn.in_transaction
        if outermost:
            self.begin()
        try:
            with self.db.atomic():  # a savepoint within it
                new_host = host not in self.saved_hosts and host not in self._unsaved_hosts
                if new_host:
                    self._save_site(url)
                yield
        except BaseException:
            if outermost:
                self.rollback()
            raise
        if new_host:
            self._unsaved_hosts.add(host)
        if outermost:
            self.commit()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Writes committed together, under the write lock from their first statement (see
        begin); within an open transaction, a savepoint of it."""
        if self.db.conn.in_transaction:
            with self.db.atomic():
                yield
            return
        self.begin()
        try:
            yield
        except BaseException:
            self.rollback()
            raise
        self.commit()

    def begin(self) -> None:
        """IMMEDIATE: take the write lock before the first read, so a page's reads see what other
        processes committed and its writes never fail halfway on a stale snapshot."""
        waiting = time.monotonic()
        self.db.execute("BEGIN IMMEDIATE")
        self.lock_wait_seconds += time.monotonic() - waiting

    def commit(self) -> None:
        if self.db.conn.in_transaction:
            self.db.execute("COMMIT")
            self.commits += 1
        self.saved_hosts |= self._unsaved_hosts  # only once the site rows are committed
        self._unsaved_hosts.clear()

    def rollback(self) -> None:
        self.db.rollback()
        self._unsaved_hosts.clear()

    def save_fetch_error(
        self,
        url: str,
        status: int | None,
        error: str | None,
        run_id: str | None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        with self.page_transaction(url):
            self.rows.upsert(
                "pages",
                {
                    "url": url,
                    "host": urlsplit(url).netloc,
                    "status": status,
                    "fetched_at": utcnow(),
                    "error": error,
                    "run_id": run_id,
                    **(extra or {}),
                },
            )

    def save_refused(self, url: str, reason: str, run_id: str | None, kind: str | None = None) -> None:
        """A URL the crawl refused to request (a trap): a row with the reason and no fetch. A row
        a crawl already has for the URL keeps its status and content."""
        with self.page_transaction(url):
            self.rows.insert(
                "pages",
                [{"url": url, "host": urlsplit(url).netloc, "run_id": run_id, "kind": kind}],
                ignore=True,
            )
            self.rows.update("pages", url, {"refused_reason": reason, "checked_at": utcnow()})

    def save_page(
        self,
        report: Report,
        status: int,
        content_type: str | None,
        size: int,
        run_id: str | None,
        extra: dict[str, Any] | None = None,
    ) -> str | None:
        """Store one fetched page; returns the report key when the page is a report."""
        now = utcnow()
        key = report_key(report) if report.is_report else None
        with self.page_transaction(report.url):
            self.rows.upsert(
                "pages",
                {
                    "url": report.url,
                    "host": urlsplit(report.url).netloc,
                    "status": status,
                    "content_type": content_type,
                    "size": size,
                    "fetched_at": now,
                    "report_key": key,
                    "run_id": run_id,
                    **page_columns(report),
                    **(extra or {}),
                },
            )
            self._save_spam(report, key)
            if key:
                self._store_report(report, key, now)
        return key

    def save_reextracted(self, report: Report, fetched_at: str) -> str | None:
        """Store a new extraction of a page's archived bytes (`nianbao reextract`): what the page
        says about itself and its report change, its fetch (status, time, run, validators) does not.
        `fetched_at` is when those bytes were fetched. Returns the report key, if a report."""
        key = report_key(report) if report.is_report else None
        with self.page_transaction(report.url):
            self.rows.update("pages", report.url, {"report_key": key, **page_columns(report)})
            self._save_spam(report, key)
            if key:
                self._store_report(report, key, fetched_at)
        return key

    def _store_report(self, report: Report, key: str, fetched_at: str) -> None:
        redone_from = self._save_report(report, key, fetched_at)
        check_adjacent_years(self.db, report, key)
        # The same bytes read again by another extraction: a version only if it found something else.
        if redone_from is not None and content_digest(self.db, key) != redone_from:
            self._save_version(report, key, fetched_at)

    def _save_site(self, url: str) -> None:
        parts = urlsplit(url)
        host = parts.netloc
        now = utcnow()
        existing = self.db.execute("select count(*) from sites where host = ?", [host]).fetchone()[0]
        record = {"host": host, "base_url": f"{parts.scheme}://{host}/", "last_crawled": now}
        if not existing:
            record["first_seen"] = now
        self.rows.upsert("sites", record)

    def _save_spam(self, report: Report, key: str | None) -> None:
        self.db.execute("delete from spam_findings where url = ?", [report.url])
        self.rows.insert(
            "spam_findings",
            (
                {"url": report.url, "position": i, "report_key": key, **record_row(f)}
                for i, f in enumerate(report.spam.findings)
            ),
        )

    def _save_report(self, report: Report, key: str, fetched_at: str) -> str | None:
        """Write the report when its bytes or its extraction changed. New bytes get their version
        row here; for the same bytes read by another extraction, returns the content's digest
        before the rewrite, so the caller can tell whether it found anything else."""
        current = self.db.execute(
            "select sha256, first_seen, extractor_version from reports where report_key = ?", [key]
        ).fetchone()
        same_bytes = bool(current) and current[0] == report.sha256
        if same_bytes and current[2] == report.extractor_version:
            return None  # unchanged: nothing to write
        redone_from = content_digest(self.db, key) if same_bytes else None
        if not same_bytes:
            self._save_version(report, key, fetched_at)
        self.rows.upsert(
            "reports",
            {
                "report_key": key,
                **report_columns(report),
                "first_seen": current[1] if current else fetched_at,
                "updated_at": utcnow(),
            },
        )
        for table in REPORT_CHILDREN:
            self.db.execute(f"delete from {table} where report_key = ?", [key])
        # Stats are keyed by (scope, key), not numbered: a later figure for a key replaces the earlier.
        self._insert("stats", ({"report_key": key, **record_row(s)} for s in report.stats), replace=True)
        numbered = (
            ("sections", report.sections),
            ("raw_cells", report.raw_cells),
            ("validation_findings", report.validation),
        )
        for table, records in numbered:
            rows = ({"report_key": key, "position": i, **record_row(r)} for i, r in enumerate(records))
            self._insert(table, rows)
        return redone_from

    def _save_version(self, report: Report, key: str, fetched_at: str) -> None:
        self.rows.upsert(
            "report_versions",
            {
                "report_key": key,
                "sha256": report.sha256,
                "url": report.url,
                "fetched_at": fetched_at,
                "title": report.title,
                "text": report.text,
                "extractor_version": report.extractor_version,
            },
        )

    def _insert(self, table: str, rows: Iterable[dict[str, Any]], replace: bool = False) -> None:
        # alter: a database made before a column was added gains it instead of failing.
        self.rows.insert(table, rows, replace=replace, alter=True)

    # Summary --------------------------------------------------------------
    def summary(self, run_id: str | None = None) -> dict[str, int]:
        where, params = ("where run_id = ?", [run_id]) if run_id else ("", [])
        one = lambda sql, p=(): self.db.execute(sql, list(p)).fetchone()[0]  # noqa: E731
        return {
            "pages_fetched": one(
                f"select count(*) from pages {where} {'and' if where else 'where'} fetched_at is not null",
                params,
            ),
            "reports": one("select count(*) from reports"),
            "tampered": one("select count(*) from reports where tampered = 1"),
            "stats": one("select count(*) from stats"),
            # A 404 or 503 answer is stored as fetched, with no `error`: it still counts.
            "errors": error_pages(self.db, run_id),
        }
