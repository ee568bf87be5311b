"""The shared request queue, handing out first a request whose site no worker is busy with.

scrapy-redis's priority queue pops the request of highest priority, and requests of one site
lie side by side in it (equal priorities sort by their serialised bytes, the URL first). A
worker would then take the next request of the site another worker is fetching and wait for
its lease (crawler/distribute/lease.py) while other sites sit idle in the queue. This queue
looks at the first LOOK_AHEAD requests and takes the first whose site is free; only when all
of those sites are busy does it hand out the first one, which then waits for its lease in the
downloader.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from scrapy_redis.queue import PriorityQueue

from crawler.distribute.lease import lease_key

# Requests looked at for one of a free site: enough to pass a few busy sites' worth.
LOOK_AHEAD = 64


class FreeSiteFirstQueue(PriorityQueue):
    def pop(self, timeout: int = 0) -> Any:
        waiting = self.server.zrange(self.key, 0, LOOK_AHEAD - 1)
        if not waiting:
            return None
        requests = [self._decode_request(data) for data in waiting]
        sites = sorted({_netloc(request) for request in requests})
        pipe = self.server.pipeline(transaction=False)
        for site in sites:
            pipe.exists(lease_key(site))
        busy = {site for site, taken in zip(sites, pipe.execute(), strict=True) if taken}
        for data, request in zip(waiting, requests, strict=True):
            if _netloc(request) not in busy and self.server.zrem(self.key, data):
                return request
        # Every site in sight is busy (or another worker took the free ones meanwhile).
        return super().pop(timeout)


def _netloc(request: Any) -> str:
    return urlsplit(request.url).netloc.lower()
