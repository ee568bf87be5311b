"""A downloader middleware for tests: the order in which answers and a Retry-After retry reach
the middlewares, made the same every time.

Under load that order varies: an answer that came in just before a 503 may reach the middlewares
after it, and a retry may reach its slot after the answers of the requests in flight with it (it
waits for the site's lease in a distributed crawl, or in the scheduler while the downloader is
full). On an idle loopback each usually goes the other way, which would leave the order a test
means to check to chance. Priority 570: just before RetryAfterMiddleware (560) on the way back.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from crawler.items import RETRY_AFTER_TRIES

# A Scrapy setting of this helper's own: paths whose answers go on only once a Retry-After
# answer has been acted on, although they came in before it.
ANSWERED_AFTER_RETRY_AFTER = "TESTS_ANSWERED_AFTER_RETRY_AFTER"
POLL_SECONDS = 0.01
# Never hold a crawl up for good: past this, a request or an answer goes on as it would have.
LONGEST_WAIT = 10.0


class InFlightOrder:
    def __init__(self, crawler: Any, late_paths: list[str]):
        self.crawler = crawler
        self.late_paths = late_paths

    @classmethod
    def from_crawler(cls, crawler: Any) -> InFlightOrder:
        return cls(crawler, crawler.settings.getlist(ANSWERED_AFTER_RETRY_AFTER))

    async def process_request(self, request: Request) -> None:
        """A retry reaches its slot once the requests in the downloader with it have come back."""
        if not request.meta.get(RETRY_AFTER_TRIES):
            return
        active = self.crawler.engine.downloader.active
        in_flight = [other for other in active if other is not request]
        await _until(lambda: not any(other in active for other in in_flight))

    async def process_response(self, request: Request, response: Response) -> Response:
        if urlsplit(request.url).path in self.late_paths:
            await _until(lambda: self.crawler.stats.get_value("nianbao/retry_after", 0) > 0)
        return response


async def _until(done: Any) -> None:
    give_up = time.monotonic() + LONGEST_WAIT
    while not done() and time.monotonic() < give_up:
        await sleep(POLL_SECONDS)
