"""The tables of the store, and how a database made by an earlier version is brought up to date.

Tables are declared with explicit primary keys; later versions only add columns
(and re-key validation_findings once), so an old database opens without loss.
"""

from __future__ import annotations

from typing import Any

import sqlite_utils

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
        },
        "run_id",
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
            # Why the crawl did not follow this URL (a trap: never requested, status empty) or its
            # redirect (offsite, a loop, too many hops), and where the redirect pointed.
            "refused_reason": str,
            "redirect_to": str,
            # The answer's record in the crawl's WARC archive (crawler/pipelines/warc_page.py): the
            # file, relative to the database's folder, and the gzipped record's offset and length.
            "warc_file": str,
            "warc_offset": int,
            "warc_length": int,
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
        },
        "report_key",
    ),
    "report_versions": (
        {"report_key": str, "sha256": str, "url": str, "fetched_at": str, "title": str, "text": str},
        ("report_key", "sha256"),
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
}

# Children of a report, replaced together when its content changes.
REPORT_CHILDREN = ("sections", "stats", "raw_cells", "validation_findings")


def create_schema(db: sqlite_utils.Database) -> None:
    for name, (columns, pk) in SCHEMA.items():
        if not db[name].exists():
            db[name].create(columns, pk=pk, not_null=None)
    if not db["reports_fts"].exists():
        # The default tokenizer finds nothing inside Chinese text; trigrams do.
        db["reports"].enable_fts(["title", "text"], tokenize="trigram", create_triggers=True)
    migrate(db)
    db["pages"].create_index(["report_key"], if_not_exists=True)
    # A registry crawl opens a run per site and reads each site's stored pages by host.
    db["pages"].create_index(["run_id"], if_not_exists=True)
    db["pages"].create_index(["host"], if_not_exists=True)
    db["stats"].create_index(["key"], if_not_exists=True)


def migrate(db: sqlite_utils.Database) -> None:
    """Bring a database made by an earlier version up to SCHEMA; columns are only added."""
    for name, (columns, _) in SCHEMA.items():
        missing = {c: t for c, t in columns.items() if c not in db[name].columns_dict}
        for column, kind in missing.items():
            db[name].add_column(column, kind)
    findings = db["validation_findings"]
    if findings.pks != ["report_key", "position"]:
        db.execute("update validation_findings set position = rowid, mode = 'strict'")
        findings.transform(pk=("report_key", "position"))
