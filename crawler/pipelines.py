"""Item pipelines: thin wrappers that hand a fetched page to extract/ and to the store."""

from __future__ import annotations

from typing import Any

from extract import Options, process

from .items import PageItem
from .storage import Store


class ExtractPipeline:
    def __init__(self, options: Options):
        self.options = options

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(Options())

    def process_item(self, item: PageItem) -> PageItem:
        if item.error is None and item.body:
            headers = item.headers or {}
            item.report = process(item.body, item.url, headers, self.options)
        return item


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
        self.store.finish_run(self.run_id, reason)
        self.store.close()

    def process_item(self, item: PageItem) -> PageItem:
        assert self.store is not None
        if item.report is None:
            self.store.save_fetch_error(item.url, item.status, item.error or "empty response", self.run_id)
        else:
            content_type = (item.headers or {}).get("Content-Type")
            self.store.save_page(item.report, item.status or 0, content_type, len(item.body), self.run_id)
        return item
