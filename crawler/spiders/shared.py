"""The portal spider on a shared frontier: any number of sites, any number of workers.

Each worker runs this spider with the scrapy-redis scheduler and duplicate filter
(crawler/distribute/frontier.py), so a request one worker finds is fetched by whichever worker pops
it, and no URL is fetched twice. A worker started with sites puts their start pages in
the queue; a worker started without sites only takes work from it. The spider's rules
are the portal spider's: only the crawl's sites are in scope (each link is checked
against the registered hosts), and each site's page budget is counted in Redis across
all workers. No worker marks reports gone as it closes, since none of them walks a whole
site: the last worker out of the crawl hands what the crawl was to the end-of-crawl check
(crawler/store/shared_crawl.py).
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from crawler.distribute.frontier import HEARTBEAT_SECONDS, Frontier, SharedCrawl, SharedSeen, connect
from crawler.items import FOCUS, KIND, PAGE
from crawler.links.traps import CalendarTrap
from crawler.scripts.sources import ScriptSources
from crawler.spiders.portal import PortalSpider

# Seconds between an idle worker's looks at the shared queue. Scrapy looks at an idle spider again
# only on its engine's heartbeat, every 5 s: a worker would join a crawl, and leave an empty queue,
# up to 5 s late. A queue's length from Redis each second costs nothing.
IDLE_POLL_SECONDS = 1.0


class SharedFrontierSpider(PortalSpider):
    name = "portal_shared"

    def __init__(
        self,
        redis_url: str | None = None,
        sites: list[Any] | None = None,
        run_id: str | None = None,
        max_pages: int | None = None,
        offtopic_depth: int | None = None,
        calendar_dates: int | None = None,
        idle_seconds: float = 10,
        **kwargs: Any,
    ):
        scrapy.Spider.__init__(self, **kwargs)
        self.start_url = ""  # no single site: the pipeline then records no gone reports
        self.netloc = ""
        self.run_id = run_id
        self.max_pages = int(max_pages) if max_pages else None
        self.offtopic_depth = int(offtopic_depth) if offtopic_depth is not None else 1
        self.requested = 0
        self.budget_exhausted = False
        self.calendar = CalendarTrap(calendar_dates if calendar_dates is not None else 4)
        self.script_sources = ScriptSources(self._fetch_script)
        self.sites = list(sites or [])
        self.frontier = Frontier(connect(redis_url or ""), run_id or "worker")
        self.seen = SharedSeen(self.frontier.client)
        self.idle_seconds = idle_seconds
        self.idle_since: float | None = None
        self.heartbeat: Any = None
        # What the crawl was, when this worker is the last out of it (Frontier.leave).
        self.finished_crawl: SharedCrawl | None = None

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> SharedFrontierSpider:
        kwargs.setdefault("idle_seconds", crawler.settings.getfloat("NIANBAO_REDIS_IDLE_SECONDS", 10))
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_engine_started, signal=signals.engine_started)
        crawler.signals.connect(spider.on_idle, signal=signals.spider_idle)
        crawler.signals.connect(spider.on_response, signal=signals.response_received)
        crawler.signals.connect(spider.on_closed, signal=signals.spider_closed)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        from twisted.internet import task  # imported here: importing it early installs a reactor

        self.heartbeat = task.LoopingCall(self.frontier.beat)
        self.heartbeat.start(HEARTBEAT_SECONDS, now=False)
        for site in self.sites:
            self.frontier.add_site(site.netloc, site.max_pages, site.url)
            if (site.url, None) in self.seen:
                continue  # another worker already put this site in the queue
            self.seen.add((site.url, None))
            if self._spend(site.url):
                meta = {FOCUS: True, KIND: PAGE}
                yield scrapy.Request(
                    site.url, callback=self.parse, errback=self.fetch_failed, priority=100, meta=meta
                )

    # Scope and budget, shared -------------------------------------------------
    def _on_site(self, netloc: str) -> bool:
        return self.frontier.budget(netloc) is not None

    def _spend(self, url: str | None = None) -> bool:
        from urllib.parse import urlsplit

        netloc = urlsplit(url or "").netloc.lower()
        budget = self.frontier.budget(netloc) or self.max_pages
        if budget and self.frontier.spend(netloc) > budget:
            self.budget_exhausted = True
            self.frontier.cut_short(netloc)
            return False
        self.requested += 1
        return True

    # Staying alive while other workers may still add work ----------------------
    def on_engine_started(self) -> None:
        # The engine starts its heartbeat right after this signal; Scrapy has no setting for it.
        self.crawler.engine._SLOT_HEARTBEAT_INTERVAL = IDLE_POLL_SECONDS

    def on_response(self, **kwargs: Any) -> None:
        self.idle_since = None

    def on_idle(self) -> None:
        now = time.monotonic()
        if self.frontier.queued():
            self.idle_since = None
            raise DontCloseSpider
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_seconds:
            raise DontCloseSpider

    def on_closed(self, reason: str) -> None:
        if self.heartbeat is not None and self.heartbeat.running:
            self.heartbeat.stop()
        self.finished_crawl = self.frontier.leave(self._run_status(reason))

    def _run_status(self, reason: str) -> str:
        """How this worker's run ended, for the end-of-crawl check: a budget is a site's own
        (Frontier.cut_short), but links left for the depth limit could be any site's."""
        if reason == "finished" and self.crawler.stats.get_value("depth/request_ignored_count"):
            return "depth_limited"
        return reason
