"""ExtractPipeline: hands each fetched page to extract/ and keeps the Report on the item."""

from __future__ import annotations

from typing import Any

from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import DeferredLock
from twisted.internet.threads import deferToThread

from crawler.items import ATTACHMENT, PageItem
from crawler.pipelines.extract_workers import ExtractWorkers, start_workers
from extract import Options, process
from extract.attachments import sniff


class ExtractPipeline:
    """Hands each page to extract/, never on the reactor thread: in worker processes when
    `workers` > 0 (crawler/pipelines/extract_workers.py), else in one thread beside the reactor,
    one page at a time. A page parsed on the reactor would stall it: the downloads in flight
    would be timed as slow, and AutoThrottle would space the rest of the crawl by the parse time.

    A page (not a PDF/Word/Excel document) over `max_parse_size` bytes is not parsed at all
    (0: no limit); it is stored with its hash, size and the reason.

    A registry crawl (crawler/run.py) starts its workers once for all its sites' crawlers and
    hands them over as `shared`: this pipeline then neither starts nor stops any."""

    def __init__(
        self,
        options: Options,
        workers: int = 0,
        max_parse_size: int = 0,
        stats: Any = None,
        shared: ExtractWorkers | None = None,
    ):
        self.options = options
        # Scrapy's stats collector: `nianbao/parsed` counts the pages handed to extract/.
        self.stats = stats
        self.workers = workers
        self.max_parse_size = max_parse_size
        self.shared = shared
        self.pool: ExtractWorkers | None = None
        self.one_at_a_time = DeferredLock()

    @classmethod
    def from_crawler(cls, crawler: Any) -> ExtractPipeline:
        settings = crawler.settings
        return cls(
            Options(),
            settings.getint("NIANBAO_EXTRACT_WORKERS", 0),
            settings.getint("NIANBAO_MAX_PARSE_SIZE", 0),
            crawler.stats,
            getattr(crawler, "extract_workers", None),
        )

    def open_spider(self) -> None:
        self.pool = self.shared or start_workers(self.workers, self.options)

    def close_spider(self) -> None:
        if self.pool is not None and self.pool is not self.shared:
            self.pool.close()

    def too_large(self, body: bytes) -> str | None:
        if not self.max_parse_size or len(body) <= self.max_parse_size or sniff(body) is not None:
            return None
        return f"not parsed: {len(body)} bytes, over NIANBAO_MAX_PARSE_SIZE ({self.max_parse_size})"

    async def process_item(self, item: PageItem) -> PageItem:
        # Unchanged pages were parsed last time; blocker pages and error answers (404, 500: the
        # server's page about the failure, often its own, served alike on every re-crawl and
        # without validators) are not the site's content.
        failed = item.status is not None and item.status >= 400
        if item.error is None and item.body and not item.unchanged and not item.blocked_reason and not failed:
            item.error = self.too_large(item.body)
            if item.error:
                return item
            headers = item.headers or {}
            # An attachment is named by the page that links to it (or, failing that, by the link).
            context = (item.parent_title or item.link_text) if item.kind == ATTACHMENT else None
            if self.pool is None:
                parsed = self.one_at_a_time.run(
                    deferToThread, process, item.body, item.url, headers, self.options, context
                )
            else:
                parsed = self.pool.parse(item.body, item.url, headers, context)
            item.report = await maybe_deferred_to_future(parsed)
            if self.stats is not None:
                self.stats.inc_value("nianbao/parsed")
        return item
