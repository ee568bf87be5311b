"""Wait as long as robots.txt's Crawl-delay asks; Scrapy reads the rules but not the delay.

The delay is read from the parsed robots.txt (the `robots_parsed` signal of
Scrapy's RobotsTxtMiddleware) and set on the host's download slot before each of
its requests is queued, without jitter and out of AutoThrottle's reach, so no
two requests to that host start closer than the site asked for.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured

from crawler.items import AUTOTHROTTLE_KEEP
from crawler.middlewares.slots import set_min_delay


class CrawlDelayMiddleware:
    def __init__(self, crawler: Any, user_agent: str, max_delay: float):
        self.crawler = crawler
        self.user_agent = user_agent
        # A Crawl-delay of hours is a way to say "do not crawl": cap it, the budget does the rest.
        self.max_delay = max_delay
        self.delays: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> CrawlDelayMiddleware:
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY") or not settings.getbool("NIANBAO_OBEY_CRAWL_DELAY"):
            raise NotConfigured
        middleware = cls(
            crawler,
            settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT"),
            settings.getfloat("NIANBAO_MAX_CRAWL_DELAY"),
        )
        crawler.signals.connect(middleware.robots_parsed, signal=signals.robots_parsed)
        return middleware

    def robots_parsed(self, robotparser: Any, request: Request) -> None:
        delay = robotparser.crawl_delay(self.user_agent)
        if delay:
            self.delays[urlsplit(request.url).netloc] = min(float(delay), self.max_delay)
            self.crawler.stats.set_value("nianbao/crawl_delay", self.delays[urlsplit(request.url).netloc])

    def process_request(self, request: Request) -> None:
        delay = self.delays.get(urlsplit(request.url).netloc)
        if not delay:
            return
        set_min_delay(self.crawler.engine.downloader, request, delay)
        request.meta[AUTOTHROTTLE_KEEP] = True
