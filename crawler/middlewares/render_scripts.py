"""Send a page to the browser only when its plain response shows links built by scripts.

Enabled by the browser add-on (crawler/addons/browser.py) when NIANBAO_BROWSER is set.
A page fetched as plain HTTP that looks like a JavaScript front end (see
crawler/links/script_pages.py) is requested once more with scrapy-playwright's
`playwright` meta key; the rendered DOM replaces it for the spider and the
pipelines, and `pages.render_reason` says why. Everything else passes untouched.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.http import HtmlResponse, Response

from crawler.items import BLOCKED, RENDER_REASON, UNCHANGED
from crawler.links.script_pages import javascript_reason

logger = logging.getLogger(__name__)


class RenderScriptPagesMiddleware:
    def __init__(self, stats: Any, page_methods: list[Any]):
        self.stats = stats
        # Run in the page after it loads: let its scripts fetch and draw the list.
        self.page_methods = page_methods

    @classmethod
    def from_crawler(cls, crawler: Any) -> RenderScriptPagesMiddleware:
        # Imported here: only a crawl with the browser on needs scrapy-playwright.
        from scrapy_playwright.page import PageMethod

        from crawler.addons.browser import settle

        return cls(crawler.stats, [PageMethod(settle)])

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("playwright") or response.status != 200:
            return response
        if not isinstance(response, HtmlResponse) or request.meta.get(BLOCKED) or request.meta.get(UNCHANGED):
            return response
        reason = javascript_reason(response.text)
        if reason is None:
            return response
        self.stats.inc_value("nianbao/browser/rendered")
        self.stats.inc_value(f"nianbao/browser/{reason.split(':', 1)[0]}")
        logger.info("rendering %s in the browser (%s)", request.url, reason)
        meta = {**request.meta, "playwright": True, "playwright_page_methods": self.page_methods}
        return request.replace(meta={**meta, RENDER_REASON: reason}, dont_filter=True)
