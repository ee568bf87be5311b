"""Send a site's requests through the HTTP proxy its crawl names (NIANBAO_PROXY, or the
registry row's `proxy`): some government servers answer only from inside a network.

Scrapy's own HttpProxyMiddleware does the proxying (CONNECT for https, credentials in the URL
as Proxy-Authorization); this one only names the proxy on every request of the crawl, robots.txt
and the scripts list pages load included, unless a request already names one.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured


class SiteProxyMiddleware:
    def __init__(self, proxy: str):
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteProxyMiddleware:
        proxy = crawler.settings.get("NIANBAO_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request: Any) -> None:
        request.meta.setdefault("proxy", self.proxy)
