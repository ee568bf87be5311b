"""Politeness across the workers of a distributed crawl: each request waits for its site's lease.

A worker's own download slot keeps one request at a time and the delay between its requests
to a site, but two workers know nothing of each other's. Before a request is downloaded this
middleware takes the site's lease in Redis (crawler/distribute/lease.py); when another worker
holds it, or the site's delay since the last request has not run out, the request waits off
the reactor while the worker's other requests go on. Once the answer (or the failure) is in,
the lease becomes the site's pause, as long as the worker's slot delay for it (DOWNLOAD_DELAY,
raised by AutoThrottle or robots.txt's Crawl-delay).

It runs last before the download (priority 960), so the lease covers the download itself,
and first on the way back, so it ends the lease before a redirect or a retry makes a new
request of the answer.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from crawler.distribute.lease import SiteLeases
from crawler.items import SITE_LEASE

# While another request holds the lease, look again this often: it ends when its answer is in,
# which Redis cannot announce to a waiting worker without a subscription per site.
POLL_SECONDS = 0.05
# A lease outlives the longest download by this much, and expires by itself after it: the lease
# of a worker that died mid-request frees its site then.
HOLD_MARGIN_SECONDS = 30
# Scrapy's jitter may hold a leased request in the worker's slot up to 1.5 times the delay.
JITTER_FACTOR = 1.5


class SharedPolitenessMiddleware:
    def __init__(self, crawler: Any, leases: SiteLeases, download_timeout: float, delay: float):
        self.crawler = crawler
        self.leases = leases
        self.download_timeout = download_timeout
        self.delay = delay

    @classmethod
    def from_crawler(cls, crawler: Any) -> SharedPolitenessMiddleware:
        settings = crawler.settings
        if not settings.getbool("NIANBAO_SHARED_POLITENESS") or not settings.get("REDIS_URL"):
            raise NotConfigured
        from crawler.distribute.frontier import connect

        return cls(
            crawler,
            SiteLeases(connect(settings.get("REDIS_URL"))),
            settings.getfloat("DOWNLOAD_TIMEOUT"),
            settings.getfloat("DOWNLOAD_DELAY"),
        )

    async def process_request(self, request: Request) -> None:
        netloc = _netloc(request)
        hold = self._hold_seconds(request)
        while True:
            token, wait, in_flight = self.leases.acquire(netloc, hold)
            if token is not None:
                request.meta[SITE_LEASE] = token
                return
            self.crawler.stats.inc_value("nianbao/site_lease/waits")
            await sleep(min(wait, POLL_SECONDS) if in_flight else wait)

    def process_response(self, request: Request, response: Response) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: BaseException) -> None:
        self._release(request)

    def _release(self, request: Request) -> None:
        token = request.meta.pop(SITE_LEASE, None)
        if token is not None:
            self.leases.release(_netloc(request), token, self._slot_delay(request))

    def _slot_delay(self, request: Request) -> float:
        slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot"))
        return slot.delay if slot is not None else self.delay

    def _hold_seconds(self, request: Request) -> float:
        timeout = float(request.meta.get("download_timeout", self.download_timeout))
        return timeout + JITTER_FACTOR * self._slot_delay(request) + HOLD_MARGIN_SECONDS


def _netloc(request: Request) -> str:
    return urlsplit(request.url).netloc.lower()
