"""scrapy-redis's scheduler, adapted to Scrapy 2.19.

scrapy-redis 0.9.1 (its latest release) still passes `spider=` to StatsCollector.inc_value,
which Scrapy 2.19 deprecates: one warning per request queued and taken, and an error once
Scrapy drops the argument. These two methods are its own, counting without it. Its queue,
duplicate filter and serialisation work unchanged under 2.19.
"""

from __future__ import annotations

from typing import Any

from scrapy_redis.scheduler import Scheduler


class RedisScheduler(Scheduler):
    def enqueue_request(self, request: Any) -> bool:
        if not request.dont_filter and self.df.request_seen(request):
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        self.queue.push(request)
        return True

    def next_request(self) -> Any:
        request = self.queue.pop(self.idle_before_close)
        if request and self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request
