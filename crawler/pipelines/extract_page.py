"""ExtractPipeline: hands each fetched page to extract/ and keeps the Report on the item."""

from __future__ import annotations

from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future

from crawler.items import ATTACHMENT, PageItem
from crawler.pipelines.extract_workers import ExtractWorkers, start_workers
from extract import Options, process


class ExtractPipeline:
    """Hands each page to extract/: in worker processes when `workers` > 0
    (crawler/pipelines/extract_workers.py), else on the reactor thread."""

    def __init__(self, options: Options, workers: int = 0):
        self.options = options
        self.workers = workers
        self.pool: ExtractWorkers | None = None

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        return cls(Options(), crawler.settings.getint("NIANBAO_EXTRACT_WORKERS", 0))

    def open_spider(self) -> None:
        self.pool = start_workers(self.workers, self.options)

    def close_spider(self) -> None:
        if self.pool is not None:
            self.pool.close()

    async def process_item(self, item: PageItem) -> PageItem:
        # Unchanged pages were parsed last time; blocker pages are not the site's content.
        if item.error is None and item.body and not item.unchanged and not item.blocked_reason:
            headers = item.headers or {}
            # An attachment is named by the page that links to it (or, failing that, by the link).
            context = (item.parent_title or item.link_text) if item.kind == ATTACHMENT else None
            if self.pool is None:
                item.report = process(item.body, item.url, headers, self.options, context)
            else:
                parsed = self.pool.parse(item.body, item.url, headers, context)
                item.report = await maybe_deferred_to_future(parsed)
        return item
