"""What an incremental crawl needs from the store: validators, checks, pages that went away.

Kept apart from storage.py's writes of pages and reports: these are the reads
and small updates of a re-crawl (conditional requests, 304s, gone reports).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from crawler.items import LIST_FORM, PARENT, PageLink
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


@dataclass(frozen=True)
class LinkSource:
    """A page read in full by an earlier crawl: its bytes' hash and the requests it led to."""

    sha256: str | None
    links: tuple[PageLink, ...]


def request_key(method: str, url: str, body: bytes = b"") -> str:
    """A GET is its URL; a POST is also its body, since one endpoint answers every page of a list."""
    if method == "GET":
        return url
    return f"{method} {url} {hashlib.sha256(body).hexdigest()[:16]}"


def link_sources(store: Store, host: str) -> dict[str, LinkSource]:
    """Every page of a host whose links are stored, with those links in the order it yielded them."""
    pattern = f"%://{host}/%"
    hashes = dict(store.db.execute("select page, sha256 from link_sources where url like ?", [pattern]))
    links: dict[str, list[PageLink]] = {page: [] for page in hashes}
    rows = store.db.execute(
        "select page, url, priority, meta, formdata, text, attachment from page_links "
        "where page in (select page from link_sources where url like ?) order by page, position",
        [pattern],
    )
    for page, url, priority, meta, formdata, text, attachment in rows:
        links[page].append(_page_link(url, priority, meta, formdata, text, attachment))
    return {page: LinkSource(hashes[page], tuple(found)) for page, found in links.items()}


def _page_link(
    url: str, priority: int, meta: str, formdata: str | None, text: str | None, attachment: int
) -> PageLink:
    # JSON has no tuples: the request meta's pairs and triples come back as lists.
    values = json.loads(meta)
    if values.get(LIST_FORM) is not None:
        values[LIST_FORM] = tuple(tuple(pair) for pair in values[LIST_FORM])
    if values.get(PARENT) is not None:
        values[PARENT] = tuple(values[PARENT])
    form = tuple(tuple(pair) for pair in json.loads(formdata)) if formdata else None
    return PageLink(url, priority, values, form, text or "", bool(attachment))  # type: ignore[arg-type]


def save_links(
    store: Store, key: str, url: str, body: bytes, links: list[PageLink], run_id: str | None
) -> None:
    """Replace what the page at `key` led to with what it led to now."""
    method = key.split(" ", 1)[0] if " " in key else "GET"
    store.db.execute("delete from page_links where page = ?", [key])
    store.rows.insert(
        "page_links",
        (
            {
                "page": key,
                "position": position,
                "url": link.url,
                "priority": link.priority,
                "meta": json.dumps(link.meta, ensure_ascii=False),
                "formdata": json.dumps(link.formdata, ensure_ascii=False)
                if link.formdata is not None
                else None,
                "text": link.text,
                "attachment": int(link.attachment),
            }
            for position, link in enumerate(links)
        ),
    )
    store.rows.upsert(
        "link_sources",
        {
            "page": key,
            "url": url,
            "method": method,
            "sha256": hashlib.sha256(body).hexdigest(),
            "links": len(links),
            "checked_at": utcnow(),
            "run_id": run_id,
        },
    )


def touch_links(store: Store, key: str, run_id: str | None) -> None:
    """The page at `key` was unchanged and its stored links followed again."""
    store.db.execute(
        "update link_sources set checked_at = ?, run_id = ? where page = ?", [utcnow(), run_id, key]
    )


def touch_page(store: Store, url: str, run_id: str | None, extra: dict[str, Any] | None = None) -> None:
    """The page was checked and is unchanged: note the check, keep its content and fetch time."""
    with store.transaction():
        store.db.execute(
            "update pages set checked_at = ?, run_id = ?, gone_at = null where url = ?",
            [utcnow(), run_id, url],
        )
        store.db.execute("update reports set gone_at = null where url = ?", [url])
        if extra:
            store.rows.update("pages", url, extra)


def mark_gone(store: Store, url: str) -> None:
    """A stored page answered 404/410: the page and the report it held are gone as of now."""
    now = utcnow()
    with store.transaction():
        store.db.execute("update pages set gone_at = coalesce(gone_at, ?) where url = ?", [now, url])
        store.db.execute(
            "update reports set gone_at = coalesce(gone_at, ?) where url = ? or report_key in "
            "(select report_key from pages where url = ? and report_key is not null)",
            [now, url, url],
        )


def crawled_column(start_url: str) -> tuple[str, str]:
    """The host and path prefix a crawl from `start_url` walked: the gone check's scope."""
    parts = urlsplit(start_url)
    return parts.netloc, parts.path.rsplit("/", 1)[0] + "/"


def mark_unseen_reports_gone(
    store: Store,
    host: str,
    path_prefix: str,
    run_ids: str | Collection[str],
    before: str | None = None,
    gone_at: str | None = None,
) -> int:
    """After a complete crawl: reports under the crawled column that no page linked any more.

    `run_ids` are the crawl's runs (the workers of a distributed crawl are one run each); with
    `before`, a page fetched or checked since then, by any crawl, is not the crawl's to judge."""
    now = gone_at or utcnow()
    runs = [run_ids] if isinstance(run_ids, str) else list(run_ids)
    marks = ", ".join("?" * len(runs))
    unseen = (
        f"host = ? and url like ? and is_report = 1 and coalesce(run_id, '') not in ({marks}) "
        "and (? is null or max(coalesce(fetched_at, ''), coalesce(checked_at, '')) < ?)"
    )
    params = [host, f"%://{host}{path_prefix}%", *runs, before, before]
    with store.transaction():
        cursor = store.db.execute(
            "update reports set gone_at = ? where gone_at is null and url in "
            f"(select url from pages where {unseen})",
            [now, *params],
        )
        store.db.execute(f"update pages set gone_at = coalesce(gone_at, ?) where {unseen}", [now, *params])
    return cursor.rowcount
