"""Crawl one government portal, from its home page or a report column URL.

The spider stays on the start URL's host (scheme, host and port), follows
every page link it finds there breadth-first, reads TRS pagers that exist only
in JavaScript, and hands every fetched page to the pipelines, which decide
what is a report. Links that look like the disclosure column or a report are
fetched first, so a page budget is spent where reports are.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urldefrag, urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.cms import trs
from crawler.items import PageItem

# Anchor text or URL fragments that lead toward reports (spec: xxgk, zwgk, gknb, ndbg).
_REPORT_HINTS = re.compile(r"年报|年度报告|工作报告|ndbg|gknb|nianbao", re.I)
_DISCLOSURE_HINTS = re.compile(r"信息公开|政务公开|xxgk|zwgk|zfxxgk", re.I)
# Files that are not pages; attachments are read by a later stage, not followed as pages.
_SKIP_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|svg|ico|css|js|mp4|mp3|avi|flv|swf|zip|rar|7z|exe|apk|"
    r"pdf|docx?|xlsx?|wps|pptx?|txt|xml)$",
    re.I,
)


class BadStartUrl(ValueError):
    pass


def check_start_url(url: str | None) -> str:
    if not url:
        raise BadStartUrl("no start URL given (use -a url=http://host/path)")
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadStartUrl(f"not an http(s) URL: {url!r}")
    return url.strip()


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(
        self, url: str | None = None, run_id: str | None = None, max_pages: int | None = None, **kwargs: Any
    ):
        super().__init__(**kwargs)
        self.start_url = check_start_url(url)
        self.netloc = urlsplit(self.start_url).netloc.lower()
        self.run_id = run_id
        self.max_pages = int(max_pages) if max_pages else None
        self.requested = 0

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        kwargs.setdefault("max_pages", crawler.settings.getint("NIANBAO_MAX_PAGES"))
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.requested += 1
        yield scrapy.Request(self.start_url, callback=self.parse, errback=self.fetch_failed, priority=100)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[PageItem | scrapy.Request]:
        yield PageItem(
            url=response.url,
            status=response.status,
            body=response.body,
            headers={
                k.decode("latin-1"): response.headers.get(k).decode("latin-1") for k in response.headers
            },
            depth=response.meta.get("depth", 0),
        )
        if response.status >= 400 or not _is_html(response):
            return
        yield from self.follow_links(response)

    def follow_links(self, response: Response) -> Iterator[scrapy.Request]:
        candidates: list[tuple[str, int]] = []
        for page_url in trs.list_page_urls(response.text, response.url):
            candidates.append((page_url, 50))
        for anchor in response.css("a[href]"):
            href = anchor.attrib.get("href", "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            url = urldefrag(response.urljoin(href))[0]
            text = " ".join(anchor.css("::text").getall()) + " " + anchor.attrib.get("title", "")
            candidates.append((url, _priority(url, text)))
        for url, priority in candidates:
            if not self._wanted(url):
                continue
            if self.max_pages is not None and self.requested >= self.max_pages:
                return
            self.requested += 1
            yield scrapy.Request(url, callback=self.parse, errback=self.fetch_failed, priority=priority)

    def _wanted(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != self.netloc:
            return False
        return not _SKIP_EXTENSIONS.search(parts.path)

    def fetch_failed(self, failure: Failure) -> Iterator[PageItem]:
        """A page that could not be fetched is still recorded, with the reason."""
        request = failure.request  # type: ignore[attr-defined]
        response = getattr(failure.value, "response", None)
        yield PageItem(
            url=request.url,
            status=response.status if response is not None else None,
            error=f"fetch: {failure.type.__name__}: {failure.getErrorMessage()}",
            depth=request.meta.get("depth", 0),
        )


def _is_html(response: Response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").decode("latin-1").lower()
    return "html" in content_type or not content_type or isinstance(response, scrapy.http.HtmlResponse)


def _priority(url: str, text: str) -> int:
    if _REPORT_HINTS.search(text) or _REPORT_HINTS.search(url):
        return 40
    if _DISCLOSURE_HINTS.search(text) or _DISCLOSURE_HINTS.search(url):
        return 30
    return 0
