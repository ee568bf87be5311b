"""The tables of the store, and how a database made by an earlier version is brought up to date.

Tables are declared with explicit primary keys; later versions only add columns
(and re-key validation_findings and report_versions once), so an old database opens without
loss. The schema's version is SQLite's `PRAGMA user_version`: 0 for a database written before
it was recorded, SCHEMA_VERSION once migrated. A database of a higher version was written by a
newer nianbao, whose tables this one cannot know: it is refused, never altered.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import sqlite_utils

# Raise by one with every change to SCHEMA or to what migrate() does.
SCHEMA_VERSION = 1
# The extractor version recorded for reports stored before versions were recorded: older than any.
UNRECORDED_EXTRACTOR = 0

SCHEMA: dict[str, tuple[dict[str, Any], str | tuple[str, ...]]] = {
    "sites": ({"host": str, "base_url": str, "first_seen": str, "last_crawled": str}, "host"),
    "crawl_runs": (
        {
            "run_id": str,
            "start_url": str,
            "started_at": str,
            "finished_at": str,
            "pages_fetched": int,
            "reports_stored": int,
            "status": str,
            # The process running the crawl: a `running` run whose process is gone from this host
            # died (SIGKILL, OOM, power cut) and is closed as `interrupted` at the next start.
            "pid": int,
            "host": str,
            # The site crawled (the start URL's host), and what the run found there, kept per run so
            # the monitors (crawler/monitors/) compare a run with the site's earlier ones: pages with
            # an error, pages a blocker answered, spam findings on the run's pages, and reports whose
            # tables break a hard invariant.
            "site": str,
            "error_pages": int,
            "blocked_pages": int,
            "spam_findings": int,
            "failed_validation": int,
            # The registry site a run crawled (its name, else its host).
            "site_name": str,
            # `nianbao schedule`: the time on its clock when it claimed the site (the run is `queued`
            # until its crawl starts), and the Scrapyd the job was sent to (the job id is the run id).
            "scheduled_at": str,
            "scrapyd": str,
            # The distributed crawl the run was one worker of (crawler/store/shared_crawl.py).
            "crawl_id": str,
        },
        "run_id",
    ),
    # The sites of the registries crawled (crawler/store/registry_sites.py): the bodies they name are
    # expected to publish a report every year (the `report_coverage` view).
    "registry_sites": (
        {
            "host": str,
            "name": str,
            "url": str,
            "agency": str,
            "region": str,
            "level": str,
            "listed_at": str,
        },
        "host",
    ),
    # What the monitors said about each site's run (crawler/monitors/checks.py): one row per check.
    "monitor_results": (
        {"run_id": str, "site": str, "monitor": str, "passed": int, "detail": str, "checked_at": str},
        ("run_id", "monitor"),
    ),
    # A site of a distributed crawl, written by its last worker: the runs of all its workers, and
    # whether the site was walked completely (`complete`), so that the end-of-crawl check can run
    # wherever every one of those runs is stored (a shared file, or `nianbao merge`'s output).
    "crawl_sites": (
        {
            "crawl_id": str,
            "host": str,
            "start_url": str,
            "complete": int,
            "runs": str,
            "finished_at": str,
        },
        ("crawl_id", "host"),
    ),
    "pages": (
        {
            "url": str,
            "host": str,
            "status": int,
            "content_type": str,
            "encoding": str,
            "sha256": str,
            "size": int,
            "fetched_at": str,
            "is_report": int,
            "report_key": str,
            "tampered": int,
            "spam_score": float,
            "spam_verdict": str,
            "low_trust": int,
            "error": str,
            "run_id": str,
            # Incremental crawls: validators for conditional requests, the last check (a 304 or
            # the same bytes), when a page went missing, and why a blocker stopped it.
            "etag": str,
            "last_modified": str,
            "checked_at": str,
            "gone_at": str,
            "blocked_reason": str,
            # Attachments: the page that links to it and the link's text.
            "kind": str,
            "parent_url": str,
            "link_text": str,
            # Why the page was rendered in the browser (`crawl --browser`); empty for plain HTTP.
            "render_reason": str,
            # Why the page's scripts were cut short in the sandbox (a loop that never ends, a
            # runaway allocation): the limit and the engine's message. Empty when they ran out.
            "scripts_stopped": str,
            # Why the crawl did not follow this URL (a trap: never requested, status empty) or its
            # redirect (offsite, a loop, too many hops), and where the redirect pointed.
            "refused_reason": str,
            "redirect_to": str,
            # The answer's record in the crawl's WARC archive (crawler/pipelines/warc_page.py): the
            # file, relative to the database's folder, and the gzipped record's offset and length.
            "warc_file": str,
            "warc_offset": int,
            "warc_length": int,
            # The extraction that read the page (extract/version.py).
            "extractor_version": int,
        },
        "url",
    ),
    "reports": (
        {
            "report_key": str,
            "url": str,
            "title": str,
            "agency": str,
            "region": str,
            "year": int,
            "published_on": str,
            "index_number": str,
            "era": str,
            "script": str,
            "text": str,
            "tampered": int,
            "spam_score": float,
            "spam_verdict": str,
            "low_trust": int,
            "sha256": str,
            "first_seen": str,
            "updated_at": str,
            "division_code": str,
            "level": str,
            "document_number": str,
            "flags": str,
            "quality": float,
            # The date a crawl found the report's page gone (404/410, or no longer linked).
            "gone_at": str,
            # The extraction that made the stored figures (extract/version.py); `nianbao reextract`
            # redoes the reports of older ones.
            "extractor_version": int,
        },
        "report_key",
    ),
    "report_versions": (
        {
            "report_key": str,
            "sha256": str,
            "url": str,
            "fetched_at": str,
            "title": str,
            "text": str,
            "extractor_version": int,
        },
        # The same bytes read by a newer extraction that finds something else are a version too.
        ("report_key", "sha256", "extractor_version"),
    ),
    "sections": (
        {"report_key": str, "position": int, "heading": str, "text": str},
        ("report_key", "position"),
    ),
    "stats": (
        {
            "report_key": str,
            "scope": str,
            "key": str,
            "value": float,
            "unit": str,
            "source": str,
            "status": str,
            "raw_label": str,
            "raw_value": str,
            "note": str,
            "table_index": int,
            "era": str,
            "unit_default": str,
            "column_label": str,
            "confidence": float,
            # The cell in its table (extract/model.py Stat): a figure's place, to cite it.
            "cell_row": int,
            "cell_column": int,
        },
        ("report_key", "scope", "key"),
    ),
    "raw_cells": (
        {
            "report_key": str,
            "position": int,
            "scope": str,
            "label": str,
            "value": str,
            "column": str,
            "table_index": int,
            "reason": str,
        },
        ("report_key", "position"),
    ),
    "spam_findings": (
        {
            "url": str,
            "position": int,
            "report_key": str,
            "kind": str,
            "evidence": str,
            "action": str,
            "score": float,
        },
        ("url", "position"),
    ),
    "validation_findings": (
        {
            "report_key": str,
            "rule": str,
            "scope": str,
            "severity": str,
            "expected": float,
            "actual": float,
            "message": str,
            "position": int,
            "mode": str,
            "key": str,
        },
        # One rule fires once per row or column it checks, so findings are numbered.
        ("report_key", "position"),
    ),
    # What each page read in full led to, so a re-crawl that finds it unchanged (304, or the same
    # bytes) follows the same requests without reading it again. `page` is the request's key: the
    # URL of a GET, or method, URL and body hash of a POST (list pages posted to one endpoint).
    "page_links": (
        {
            "page": str,
            "position": int,
            "url": str,
            "priority": int,
            "meta": str,
            "formdata": str,
            "text": str,
            "attachment": int,
        },
        ("page", "position"),
    ),
    "link_sources": (
        {
            "page": str,
            "url": str,
            "method": str,
            "sha256": str,
            "links": int,
            "checked_at": str,
            "run_id": str,
        },
        "page",
    ),
    # A report `nianbao reextract` could not redo: its archived answer could not be read. The
    # report keeps what it had; a later reextract that reads it removes the row.
    "reextract_errors": (
        {
            "url": str,
            "report_key": str,
            "warc_file": str,
            "warc_offset": int,
            "extractor_version": int,
            "error": str,
            "failed_at": str,
        },
        "url",
    ),
}

# Children of a report, replaced together when its content changes.
REPORT_CHILDREN = ("sections", "stats", "raw_cells", "validation_findings")


# Indexed columns: a report's pages; a run's pages (its counts when it ends, and whether it
# crawled anything, which `nianbao schedule` asks of every site's last runs each round); each
# site's stored pages, which a registry crawl reads by host; a body's report of a year, which
# every stored report looks up for the years beside it (crawler/store/across_years.py): without
# it each lookup reads every report, and a registry crawl's store time grows with its square.
INDEXES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pages", ("report_key",)),
    ("pages", ("run_id",)),
    ("pages", ("host",)),
    ("stats", ("key",)),
    ("crawl_runs", ("site",)),
    ("reports", ("agency", "year")),
)


class NewerSchema(Exception):
    """The database was written by a newer nianbao: its schema version is above SCHEMA_VERSION."""


def schema_version(db: sqlite_utils.Database) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def create_schema(db: sqlite_utils.Database) -> None:
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise NewerSchema(
            f"it was written by a newer nianbao (schema version {found}; this one knows up to "
            f"{SCHEMA_VERSION}): upgrade nianbao to use it"
        )
    if found == SCHEMA_VERSION and schema_complete(db):
        return
    for name, (columns, pk) in SCHEMA.items():
        if not db[name].exists():
            db[name].create(columns, pk=pk, not_null=None)
    if not db["reports_fts"].exists():
        # The default tokenizer finds nothing inside Chinese text; trigrams do.
        db["reports"].enable_fts(["title", "text"], tokenize="trigram", create_triggers=True)
    migrate(db, found)
    for table, columns in INDEXES:
        db[table].create_index(list(columns), if_not_exists=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def schema_complete(db: sqlite_utils.Database) -> bool:
    """Every table with its columns and key, the search index and every index: nothing to add."""
    tables = set(db.table_names())
    if not {*SCHEMA, "reports_fts"} <= tables:
        return False
    for name, (columns, pk) in SCHEMA.items():
        table = db[name]
        if not columns.keys() <= table.columns_dict.keys():
            return False
        if table.pks != ([pk] if isinstance(pk, str) else list(pk)):
            return False
    indexed = {(table, tuple(index.columns)) for table, _ in INDEXES for index in db[table].indexes}
    return all((table, columns) in indexed for table, columns in INDEXES)


def migrate(db: sqlite_utils.Database, found: int = SCHEMA_VERSION) -> None:
    """Bring a database made by an earlier version up to SCHEMA; columns are only added."""
    for name, (columns, _) in SCHEMA.items():
        missing = {c: t for c, t in columns.items() if c not in db[name].columns_dict}
        for column, kind in missing.items():
            db[name].add_column(column, kind)
    _name_run_sites(db)
    findings = db["validation_findings"]
    if findings.pks != ["report_key", "position"]:
        db.execute("update validation_findings set position = rowid, mode = 'strict'")
        findings.transform(pk=("report_key", "position"))
    if found < 1:  # reports stored before extractor versions were recorded
        for name in ("pages", "reports", "report_versions"):
            db.execute(
                f"update {name} set extractor_version = ? "
                "where extractor_version is null and sha256 is not null",
                [UNRECORDED_EXTRACTOR],
            )
    versions = db["report_versions"]
    if versions.pks != list(SCHEMA["report_versions"][1]):
        versions.transform(pk=SCHEMA["report_versions"][1])


def _name_run_sites(db: sqlite_utils.Database) -> None:
    """Runs recorded before `crawl_runs.site` existed get it from their start URL."""
    rows = db.execute("select run_id, start_url from crawl_runs where site is null and start_url != ''")
    for run_id, start_url in rows.fetchall():
        db["crawl_runs"].update(run_id, {"site": urlsplit(start_url).netloc.lower()})
