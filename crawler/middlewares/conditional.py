"""Conditional requests and content hashes: an unchanged report is not downloaded or parsed again.

Report pages and attachments stored by an earlier crawl are asked for with
If-None-Match / If-Modified-Since; a 304 reaches the spider as "unchanged".
Where a site ignores validators, a 200 whose bytes hash to the stored sha256 is
marked unchanged too, so the pipelines skip the parse. List and navigation
pages are always fetched in full: their links are what a re-crawl re-reads.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.items import UNCHANGED
from crawler.store import StorageError, Store
from crawler.store.incremental import Validators, page_validators


class ConditionalRequestsMiddleware:
    def __init__(self, crawler: Any, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.validators: dict[str, Validators] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestsMiddleware:
        if not crawler.settings.getbool("NIANBAO_INCREMENTAL"):
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.get("NIANBAO_DB"))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Any) -> None:
        host = urlsplit(getattr(spider, "start_url", "")).netloc
        try:
            store = Store(self.db_path)
        except StorageError:
            return  # the store pipeline reports an unusable database; here it only means no history
        try:
            self.validators = page_validators(store, host)
        finally:
            store.close()

    def process_request(self, request: Request) -> None:
        known = self.validators.get(request.url)
        if known is None or request.method != "GET" or not (known.is_report or known.is_attachment):
            return
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode("latin-1"))
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode("latin-1"))
        if known.etag or known.last_modified:
            self.crawler.stats.inc_value("nianbao/conditional_requests")

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 304:
            self.crawler.stats.inc_value("nianbao/not_modified")
            return response
        known = self.validators.get(request.url)
        if known is not None and response.status == 200 and known.sha256:
            if hashlib.sha256(response.body).hexdigest() == known.sha256:
                request.meta[UNCHANGED] = True
                self.crawler.stats.inc_value("nianbao/unchanged_by_hash")
        return response
