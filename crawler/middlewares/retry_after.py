"""Honour Retry-After on 429 and 503: wait as asked, then try again; Scrapy does neither.

The host's download slot is held back until the time the site named (seconds
or an HTTP date), then the request is scheduled again. A wait longer than
NIANBAO_MAX_RETRY_AFTER, or more than NIANBAO_RETRY_AFTER_TIMES tries, ends
with the response as it is, recorded in `pages`.
"""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.items import AUTOTHROTTLE_KEEP, RETRY_AFTER_TRIES
from crawler.middlewares.slots import download_slot, set_min_delay

RETRY_STATUSES = (429, 503)


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value).timestamp()
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when - (time.time() if now is None else now))


class RetryAfterMiddleware:
    def __init__(self, crawler: Any, max_wait: float, max_tries: int):
        self.crawler = crawler
        self.max_wait = max_wait
        self.max_tries = max_tries
        # Slots held back: slot key -> (delay, jitter) to put back once the host answers again.
        self.held: dict[str, tuple[float, float]] = {}

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        max_tries = crawler.settings.getint("NIANBAO_RETRY_AFTER_TIMES")
        if max_tries <= 0:
            raise NotConfigured
        return cls(crawler, crawler.settings.getfloat("NIANBAO_MAX_RETRY_AFTER"), max_tries)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in RETRY_STATUSES:
            self._release(request)
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After", b"").decode("latin-1"))
        tries = request.meta.get(RETRY_AFTER_TRIES, 0)
        if wait is None or wait > self.max_wait or tries >= self.max_tries:
            return response
        self.crawler.stats.inc_value("nianbao/retry_after")
        downloader = self.crawler.engine.downloader
        key, slot = download_slot(downloader, request)
        # Nothing more goes to this host before the time it named: the slot's delay, counted from
        # now and without jitter, is the wait; it is put back when the host answers normally.
        if slot is not None:
            self.held.setdefault(key, (slot.delay, slot.jitter))
            slot.lastseen = time.monotonic()
        set_min_delay(downloader, request, wait)
        retry = request.replace(dont_filter=True, priority=request.priority + 1)
        retry.meta[RETRY_AFTER_TRIES] = tries + 1
        retry.meta[AUTOTHROTTLE_KEEP] = True
        return retry

    def _release(self, request: Request) -> None:
        key, slot = download_slot(self.crawler.engine.downloader, request)
        if key in self.held:
            delay, jitter = self.held.pop(key)
            if slot is not None:
                slot.delay, slot.jitter = delay, jitter
