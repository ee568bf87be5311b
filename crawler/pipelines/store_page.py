"""StorePipeline: writes every fetched page to the SQLite store, and opens and closes the crawl's run."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from crawler.items import PageItem
from crawler.store.database import Store, utcnow
from crawler.store.incremental import GONE_STATUSES, mark_gone, mark_unseen_reports_gone, touch_page


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
    }


class StorePipeline:
    def __init__(self, db_path: str, run_id: str | None = None):
        self.db_path = db_path
        self.run_id = run_id
        self.store: Store | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> StorePipeline:
        pipeline = cls(crawler.settings.get("NIANBAO_DB"), crawler.settings.get("NIANBAO_RUN_ID"))
        pipeline.crawler = crawler
        return pipeline

    def open_spider(self) -> None:
        self.store = Store(self.db_path)
        if self.run_id is None:
            from uuid import uuid4

            self.run_id = uuid4().hex[:12]
        spider = self.crawler.spider
        self.store.start_run(self.run_id, getattr(spider, "start_url", ""))

    def close_spider(self) -> None:
        if self.store is None:
            return
        reason = self.crawler.stats.get_value("finish_reason") or "finished"
        spider = self.crawler.spider
        start_url = getattr(spider, "start_url", "")
        # Only a crawl that walked everything may say a report is no longer linked.
        if reason == "finished" and start_url and not getattr(spider, "budget_exhausted", True):
            parts = urlsplit(start_url)
            column = parts.path.rsplit("/", 1)[0] + "/"
            mark_unseen_reports_gone(self.store, parts.netloc, column, self.run_id)
        self.store.finish_run(self.run_id, reason)
        self.store.close()

    def process_item(self, item: PageItem) -> PageItem:
        assert self.store is not None
        extra = _page_extra(item)
        if item.status in GONE_STATUSES:
            mark_gone(self.store, item.url)
        if item.unchanged:
            touch_page(self.store, item.url, self.run_id, {"status": 200} if item.status == 304 else None)
        elif item.blocked_reason and item.report is None:
            if item.body:
                extra |= {"sha256": hashlib.sha256(item.body).hexdigest(), "size": len(item.body)}
            error = item.error or f"blocked: {item.blocked_reason}"
            self.store.save_fetch_error(item.url, item.status, error, self.run_id, extra)
        elif item.report is None:
            if item.body:  # not parsed (too large): the snapshot still has its hash and size
                extra |= {"sha256": hashlib.sha256(item.body).hexdigest(), "size": len(item.body)}
            self.store.save_fetch_error(
                item.url, item.status, item.error or "empty response", self.run_id, extra
            )
        else:
            content_type = (item.headers or {}).get("Content-Type")
            if item.status not in GONE_STATUSES:
                extra["gone_at"] = None
            self.store.save_page(
                item.report, item.status or 0, content_type, len(item.body), self.run_id, extra
            )
        return item
