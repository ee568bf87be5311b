"""Honour Retry-After on 429 and 503: wait as asked, then try again; Scrapy does neither.

The host's download slot is held back until the time the site named (seconds
or an HTTP date), then the request is scheduled again. A wait longer than
NIANBAO_MAX_RETRY_AFTER, or more than NIANBAO_RETRY_AFTER_TIMES tries, ends
with the response as it is, recorded in `pages`.

The hold begins when the answer is read (Scrapy's `response_downloaded` signal): right
after it the downloader frees the answer's place in the slot and lets a request queued
behind it go, before any downloader middleware sees the answer. It lasts until the named
time whatever answers arrive meanwhile: a request already in flight when the site asked to
wait may come back 200, which says nothing about the site being ready. A later Retry-After
may extend the hold, never shorten it.
"""

from __future__ import annotations

import time
import weakref
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from scrapy import Request, signals
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


@dataclass(frozen=True)
class Hold:
    """A slot held back: its delay and jitter to put back, and when (time.monotonic) it may go on."""

    delay: float
    jitter: float
    until: float


class RetryAfterMiddleware:
    def __init__(self, crawler: Any, max_wait: float, max_tries: int):
        self.crawler = crawler
        self.max_wait = max_wait
        self.max_tries = max_tries
        # Slots held back, by slot key.
        self.held: dict[str, Hold] = {}
        # Requests whose answer set the hold when it was read, so their retry does not set it again.
        self.held_on_arrival: weakref.WeakSet[Request] = weakref.WeakSet()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RetryAfterMiddleware:
        max_tries = crawler.settings.getint("NIANBAO_RETRY_AFTER_TIMES")
        if max_tries <= 0:
            raise NotConfigured
        middleware = cls(crawler, crawler.settings.getfloat("NIANBAO_MAX_RETRY_AFTER"), max_tries)
        crawler.signals.connect(middleware.response_downloaded, signal=signals.response_downloaded)
        return middleware

    def response_downloaded(self, response: Response, request: Request) -> None:
        """Hold the site as soon as its answer is read, before the slot lets another request go."""
        wait = self._wait_asked(request, response)
        if wait is not None:
            self._hold(request, wait)
            self.held_on_arrival.add(request)

    def process_response(self, request: Request, response: Response) -> Request | Response:
        if response.status not in RETRY_STATUSES:
            self._release(request)
            return response
        wait = self._wait_asked(request, response)
        if wait is None:
            return response
        self.crawler.stats.inc_value("nianbao/retry_after")
        if request in self.held_on_arrival:
            self.held_on_arrival.discard(request)
        else:  # an answer no download brought (a cache, another middleware): held only now
            self._hold(request, wait)
        retry = request.replace(dont_filter=True, priority=request.priority + 1)
        retry.meta[RETRY_AFTER_TRIES] = request.meta.get(RETRY_AFTER_TRIES, 0) + 1
        retry.meta[AUTOTHROTTLE_KEEP] = True
        return retry

    def _wait_asked(self, request: Request, response: Response) -> float | None:
        """Seconds the site asked to wait before `request` is tried again, or None when it is not."""
        if response.status not in RETRY_STATUSES:
            return None
        wait = retry_after_seconds(response.headers.get(b"Retry-After", b"").decode("latin-1"))
        tries = request.meta.get(RETRY_AFTER_TRIES, 0)
        if wait is None or wait > self.max_wait or tries >= self.max_tries:
            return None
        return wait

    def _hold(self, request: Request, wait: float) -> None:
        downloader = self.crawler.engine.downloader
        key, slot = download_slot(downloader, request)
        # Nothing more goes to this host before the time it named: the slot's delay, counted from
        # now and without jitter, is the wait; it is put back when the host answers normally after
        # that time.
        if slot is not None:
            now = time.monotonic()
            hold = self.held.get(key) or Hold(slot.delay, slot.jitter, now)
            hold = Hold(hold.delay, hold.jitter, max(hold.until, now + wait))
            self.held[key] = hold
            slot.lastseen = now
            slot.delay, slot.jitter = max(hold.delay, hold.until - now), 0.0
            # AutoThrottle would learn a shorter delay from the quick answers of requests already
            # on their way, and the slot would let the next request go before the named time.
            for in_flight in slot.transferring:
                in_flight.meta[AUTOTHROTTLE_KEEP] = True
        else:
            set_min_delay(downloader, request, wait)

    def _release(self, request: Request) -> None:
        key, slot = download_slot(self.crawler.engine.downloader, request)
        hold = self.held.get(key)
        if hold is None or time.monotonic() < hold.until:
            return
        del self.held[key]
        if slot is not None:
            slot.delay, slot.jitter = hold.delay, hold.jitter
