"""Re-run the extraction over the archived answers: a better extractor without the network.

Each report whose stored figures an older extractor made (extract/version.py) is read again from
the WARC record of the page that gave its current version (`pages.warc_file`, `warc_offset`),
with the headers it was served with and, for an attachment, the title of the page that linked to
it, as the crawl read it. The store then keeps the report's versions as a crawl would: a result
that differs is a new version, an identical one is not (crawler/store/versions.py).

A record that cannot be read (no archive, a missing or cut file, another URL at that offset) is
a `reextract_errors` row naming the record and the reason; the report keeps what it had.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from crawler.items import PARENT
from crawler.store.database import Store, utcnow
from extract import Options, Report, process, version


class UnreadableRecord(Exception):
    """The archived answer of a page cannot be read; the message says which record and why."""


@dataclass(frozen=True)
class Archived:
    """A report to redo: its key and the page (and record) its current version came from."""

    report_key: str
    url: str
    warc_file: str | None
    warc_offset: int | None
    fetched_at: str
    kind: str | None
    link_text: str | None


@dataclass
class Outcome:
    redone: int = 0
    new_versions: int = 0
    # Reports whose page the new extraction reads as another report, or as none: their rows stay.
    reidentified: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)


def reports_to_redo(store: Store, since: int, site: str | None = None) -> list[Archived]:
    """Reports made by an extractor older than `since`, of one host (`site`: a host name, with
    or without its port) or of all."""
    where, params = "coalesce(r.extractor_version, 0) < ?", [since]
    if site:
        where += " and (p.host = ? or p.host like ?)"
        params += [site, f"{site}:%"]
    rows = store.db.execute(
        "select r.report_key, r.url, p.warc_file, p.warc_offset, coalesce(p.fetched_at, r.updated_at), "
        f"p.kind, p.link_text from reports r left join pages p on p.url = r.url where {where} "
        "order by r.report_key",
        params,
    ).fetchall()
    return [Archived(*row) for row in rows]


def read_record(folder: Path, warc_file: str | None, offset: int | None, url: str) -> tuple[bytes, dict]:
    """The body and HTTP headers of the `response` record for `url` at (file, offset)."""
    if warc_file is None or offset is None:
        raise UnreadableRecord("no WARC record (fetched with NIANBAO_WARC off, or before WARC files)")
    place = f"{warc_file} at offset {offset}"
    try:
        with open(folder / warc_file, "rb") as file:
            file.seek(offset)
            record = next(iter(ArchiveIterator(file)), None)
            if record is None:
                raise UnreadableRecord(f"{place}: no record there")
            target = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type != "response" or target != url:
                raise UnreadableRecord(f"{place}: a {record.rec_type} record of {target}, not this page")
            body = record.content_stream().read()
    except OSError as exc:
        raise UnreadableRecord(f"cannot read {place}: {exc.strerror or exc}") from exc
    except (ArchiveLoadFailed, EOFError, ValueError) as exc:
        raise UnreadableRecord(f"cannot read {place}: {type(exc).__name__}: {exc}") from exc
    headers = dict(record.http_headers.headers) if record.http_headers else {}
    return body, headers


def context_title(store: Store, page: Archived) -> str | None:
    """What names an attachment, as the crawl had it: the linking page's title, else the link's text."""
    if page.kind != "attachment":
        return None
    row = store.db.execute(
        "select meta from page_links where url = ? and attachment = 1 limit 1", [page.url]
    ).fetchone()
    parent = json.loads(row[0]).get(PARENT) if row else None
    return (parent[1] if parent else None) or page.link_text


def reextract(
    store: Store,
    folder: Path,
    pages: list[Archived],
    options: Options | None = None,
    done: Callable[[Archived, Report | None], None] | None = None,
) -> Outcome:
    """Redo each report from its archived answer; `folder` holds the database (WARC paths are
    relative to it). `done` is told of each page, with its new Report or None on an error."""
    options = options or Options()
    outcome = Outcome()
    for page, report, error in _read_all(store, folder, pages, options):
        if error is not None:
            _record_error(store, page, error)
            outcome.errors.append((page.url, error))
        else:
            assert report is not None
            versions = _versions(store, page.report_key)
            with store.page_transaction(page.url):
                key = store.save_reextracted(report, page.fetched_at)
                store.db.execute("delete from reextract_errors where url = ?", [page.url])
            if key != page.report_key:
                outcome.reidentified.append(page.url)
            outcome.redone += 1
            outcome.new_versions += _versions(store, page.report_key) - versions
        if done is not None:
            done(page, report)
    return outcome


def _read_all(
    store: Store, folder: Path, pages: list[Archived], options: Options
) -> Iterator[tuple[Archived, Report | None, str | None]]:
    for page in pages:
        try:
            body, headers = read_record(folder, page.warc_file, page.warc_offset, page.url)
        except UnreadableRecord as exc:
            yield page, None, str(exc)
            continue
        yield page, process(body, page.url, headers, options, context_title(store, page)), None


def _versions(store: Store, key: str) -> int:
    return store.db.execute("select count(*) from report_versions where report_key = ?", [key]).fetchone()[0]


def _record_error(store: Store, page: Archived, error: str) -> None:
    row: dict[str, Any] = {
        "url": page.url,
        "report_key": page.report_key,
        "warc_file": page.warc_file,
        "warc_offset": page.warc_offset,
        "extractor_version": version.EXTRACTOR_VERSION,
        "error": error,
        "failed_at": utcnow(),
    }
    with store.page_transaction(page.url):
        store.db["reextract_errors"].upsert(row, pk="url")
