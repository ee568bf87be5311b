"""Conditional requests and content hashes: an unchanged report is not downloaded or parsed again.

Every page stored by an earlier crawl is asked for with If-None-Match /
If-Modified-Since where its server gave validators; a 304 reaches the spider as
"unchanged". Where a site gives none, and for POSTs (list pages posted to one
endpoint), a 200 whose bytes hash to those stored last time is marked unchanged
too, so the pipelines skip the parse. An unchanged page carries the links it
yielded last time (`page_links`), which the spider follows instead of reading it:
a list page answered 304 still leads to its reports. A list or navigation page
whose links were never stored (a database from before `page_links`) is fetched
in full once.
"""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.items import STORED_LINKS, UNCHANGED
from crawler.store import StorageError, Store
from crawler.store.incremental import LinkSource, Validators, link_sources, page_validators, request_key


class ConditionalRequestsMiddleware:
    def __init__(self, crawler: Any, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.validators: dict[str, Validators] = {}
        self.sources: dict[str, LinkSource] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> ConditionalRequestsMiddleware:
        if not crawler.settings.getbool("NIANBAO_INCREMENTAL"):
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.get("NIANBAO_DB"))
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        return middleware

    def spider_opened(self, spider: Any) -> None:
        host = urlsplit(getattr(spider, "start_url", "")).netloc
        writer = getattr(self.crawler, "store_writer", None)
        if writer is not None:
            # A registry crawl's one writer: its connection is open already.
            self._read(writer.store, host)
            return
        try:
            store = Store(self.db_path)
        except StorageError:
            return  # the store pipeline reports an unusable database; here it only means no history
        try:
            self._read(store, host)
        finally:
            store.close()

    def _read(self, store: Store, host: str) -> None:
        self.validators = page_validators(store, host)
        self.sources = link_sources(store, host)

    def process_request(self, request: Request) -> None:
        known = self.validators.get(request.url)
        if known is None or request.method != "GET":
            return
        # A page is only asked for conditionally when a 304 would lose nothing: reports and
        # attachments are stored whole, other pages need their links stored to be followed.
        if not (known.is_report or known.is_attachment or request.url in self.sources):
            return
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag.encode("latin-1"))
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified.encode("latin-1"))
        if known.etag or known.last_modified:
            self.crawler.stats.inc_value("nianbao/conditional_requests")

    def process_response(self, request: Request, response: Response) -> Response:
        source = self.sources.get(request_key(request.method, request.url, request.body))
        if response.status == 304:
            self.crawler.stats.inc_value("nianbao/not_modified")
            if source is not None:
                request.meta[STORED_LINKS] = source.links
            return response
        if response.status != 200:
            return response
        # The hash stored with the page's links; a POST has no other (`pages` keeps one row per URL).
        known = self.validators.get(request.url) if request.method == "GET" else None
        stored = source.sha256 if source is not None else known.sha256 if known is not None else None
        if stored and hashlib.sha256(response.body).hexdigest() == stored:
            request.meta[UNCHANGED] = True
            if source is not None:
                request.meta[STORED_LINKS] = source.links
            self.crawler.stats.inc_value("nianbao/unchanged_by_hash")
        return response
