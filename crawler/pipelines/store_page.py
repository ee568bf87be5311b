"""StorePipeline: writes every fetched page to the SQLite store, and opens and closes the crawl's run."""

from __future__ import annotations

import functools
import hashlib
from typing import Any
from uuid import uuid4

from scrapy.utils.job import job_dir

from crawler.extensions.jobdir_lease import resumed_run_id
from crawler.items import PageItem
from crawler.store.database import Store, utcnow
from crawler.store.incremental import (
    GONE_STATUSES,
    crawled_column,
    mark_gone,
    mark_unseen_reports_gone,
    save_links,
    touch_links,
    touch_page,
)
from crawler.store.writer import StoreWriter


def _warc_columns(item: PageItem) -> dict[str, Any]:
    """Where WarcPipeline archived the answer; nothing when it did not (switched off, no answer)."""
    if item.warc_file is None:
        return {}
    return {"warc_file": item.warc_file, "warc_offset": item.warc_offset, "warc_length": item.warc_length}


def _page_extra(item: PageItem) -> dict[str, Any]:
    """The columns of `pages` the crawler knows and extraction does not."""
    headers = {k.lower(): v for k, v in (item.headers or {}).items()}
    return {
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "checked_at": utcnow(),
        "kind": item.kind,
        "parent_url": item.parent_url,
        "link_text": item.link_text,
        "blocked_reason": item.blocked_reason,
        "render_reason": item.render_reason,
        "scripts_stopped": item.scripts_stopped,
        "refused_reason": item.refused_reason,
        "redirect_to": item.redirect_to,
        **_warc_columns(item),
    }


def run_status(finish_reason: str | None, spider: Any, stats: Any) -> str:
    """How a crawl ended: Scrapy's finish reason, except that a crawl that left links unfetched
    for its page budget or its depth limit did not walk everything, and does not say `finished`."""
    if finish_reason not in (None, "finished"):
        return finish_reason
    if getattr(spider, "budget_exhausted", False):
        return "budget_exhausted"
    if stats.get_value("depth/request_ignored_count"):
        return "depth_limited"
    return "finished"


class StorePipeline:
    """Stores every page, with a store of its own, or through the one `writer` that a registry
    crawl (crawler/run.py) shares among its sites' crawlers as `crawler.store_writer`."""

    def __init__(self, db_path: str, run_id: str | None = None, writer: StoreWriter | None = None):
        self.db_path = db_path
        self.run_id = run_id
        self.writer = writer
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        # A crawl resumed from a JOBDIR is the run it continues (crawler/extensions/jobdir_lease.py).
        run_id = crawler.settings.get("NIANBAO_RUN_ID") or resumed_run_id(job_dir(crawler.settings))
        pipeline = cls(crawler.settings.get("NIANBAO_DB"), run_id, getattr(crawler, "store_writer", None))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        self.store = self.writer.store if self.writer is not None else Store(self.db_path)
        if self.run_id is None:
            self.run_id = uuid4().hex[:12]
        # The run the monitors check once the crawl is closed (crawler/extensions/site_monitors.py).
        self.crawler.stats.set_value("nianbao/run_id", self.run_id)
        spider = self.crawler.spider
        self.store.start_run(self.run_id, getattr(spider, "start_url", ""))

    def close_spider(self) -> None:
        if self.store is None:
            return
        if self.writer is not None:
            self.writer.flush()  # the site's queued pages, before its run is counted and closed
        spider = self.crawler.spider
        reason = run_status(self.crawler.stats.get_value("finish_reason"), spider, self.crawler.stats)
        start_url = getattr(spider, "start_url", "")
        # Only a crawl that walked everything may say a report is no longer linked: not one that
        # was stopped, blocked, or cut short by the page budget or the depth limit (run_status).
        if reason == "finished" and start_url:
            mark_unseen_reports_gone(self.store, *crawled_column(start_url), self.run_id)
        self.store.finish_run(self.run_id, reason)
        if self.writer is None:
            self.store.close()

    def process_item(self, item: PageItem) -> PageItem:
        assert self.store is not None
        if self.writer is not None:
            # Written with the writer's next batch, a savepoint of its own.
            self.writer.write(item.url, functools.partial(self._store, item))
        else:
            # One transaction per fetched page: whatever it changes is committed together.
            with self.store.page_transaction(item.url):
                self._store(item)
        if item.error or (item.status or 0) >= 400:
            self.crawler.stats.inc_value("nianbao/error_pages")  # the progress line counts these
        return item

    def _store(self, item: PageItem) -> None:
        assert self.store is not None
        self._store_page(item)
        if item.request_key is not None and item.links is not None:
            save_links(self.store, item.request_key, item.url, item.body, item.links, self.run_id)
        elif item.unchanged and item.request_key is not None:
            touch_links(self.store, item.request_key, self.run_id)

    def _store_page(self, item: PageItem) -> None:
        assert self.store is not None
        extra = _page_extra(item)
        if item.status in GONE_STATUSES:
            mark_gone(self.store, item.url)
        if item.status is None and item.refused_reason:
            self.store.save_refused(item.url, item.refused_reason, self.run_id, item.kind)
        elif item.unchanged:
            # A 304 keeps the row at the record that holds the content; the same bytes again point
            # at the newer record.
            touched = {"status": 200} if item.status == 304 else _warc_columns(item)
            touch_page(self.store, item.url, self.run_id, touched or None)
        elif item.blocked_reason and item.report is None:
            if item.body:
                extra |= {"sha256": hashlib.sha256(item.body).hexdigest(), "size": len(item.body)}
            error = item.error or f"blocked: {item.blocked_reason}"
            self.store.save_fetch_error(item.url, item.status, error, self.run_id, extra)
        elif item.report is None:
            if item.body:  # not parsed (too large, an error answer): the snapshot keeps hash and size
                extra |= {"sha256": hashlib.sha256(item.body).hexdigest(), "size": len(item.body)}
            failed = item.status is not None and item.status >= 400
            if failed:  # an error answer is not parsed; its status says what went wrong
                extra["content_type"] = (item.headers or {}).get("Content-Type")
            error = item.error or (None if failed else "empty response")
            self.store.save_fetch_error(item.url, item.status, error, self.run_id, extra)
        else:
            content_type = (item.headers or {}).get("Content-Type")
            if item.status not in GONE_STATUSES:
                extra["gone_at"] = None
            key = self.store.save_page(
                item.report, item.status or 0, content_type, len(item.body), self.run_id, extra
            )
            if key:
                self.crawler.stats.inc_value("nianbao/report_pages")
