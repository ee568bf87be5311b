"""A site's politeness shared by every worker of a distributed crawl: one lease per site in Redis.

One key per site, `nianbao:lease:<host>`, whose value says what the site is doing:

- a request's token: that request is in flight, whichever worker sent it;
- PAUSE: the site's download delay is running since its last request ended;
- no key: the site is free.

A worker takes the lease before each request (SET NX with an expiry) and, once the answer
is in, turns it into the pause for the site's delay. So across all workers at most one
request is in flight per site, and no request starts sooner than the delay after the last
one ended. Redis expires both: a pause by itself, and the lease of a worker that died with a
request in flight once the longest download could have ended.
"""

from __future__ import annotations

import math
from typing import Any
from uuid import uuid4

from crawler.distribute.frontier import PREFIX

LEASE_PREFIX = PREFIX + "lease:"
PAUSE = b"pause"

# Take the free lease ({1, 0, 0}); otherwise {0, milliseconds it stays taken, 1 when a
# request holds it and 0 when it is the site's pause}.
_ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
    return {1, 0, 0}
end
local in_flight = 1
if redis.call('GET', KEYS[1]) == ARGV[3] then
    in_flight = 0
end
return {0, redis.call('PTTL', KEYS[1]), in_flight}
"""

# Only the request that holds the lease ends it (an expired lease may be someone else's now).
_RELEASE = """
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
    return 0
end
if tonumber(ARGV[2]) > 0 then
    redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
else
    redis.call('DEL', KEYS[1])
end
return 1
"""


def lease_key(netloc: str) -> str:
    return LEASE_PREFIX + netloc.lower()


class SiteLeases:
    def __init__(self, client: Any):
        self.client = client
        self._acquire = client.register_script(_ACQUIRE)
        self._release = client.register_script(_RELEASE)

    def acquire(self, netloc: str, hold_seconds: float) -> tuple[str | None, float, bool]:
        """Try to take the site's lease for at most `hold_seconds`.

        Returns (token, 0, False) when taken; else (None, seconds it stays taken, whether a
        request holds it rather than the pause)."""
        token = uuid4().hex
        taken, wait_ms, in_flight = self._acquire(
            keys=[lease_key(netloc)], args=[token, max(_milliseconds(hold_seconds), 1), PAUSE]
        )
        if taken:
            return token, 0.0, False
        return None, max(int(wait_ms), 0) / 1000, bool(in_flight)

    def release(self, netloc: str, token: str, pause_seconds: float) -> bool:
        """End the request that holds the lease: the site pauses `pause_seconds` before the next."""
        return bool(
            self._release(keys=[lease_key(netloc)], args=[token, _milliseconds(pause_seconds), PAUSE])
        )


def _milliseconds(seconds: float) -> int:
    # Rounded up: a pause cut short by rounding would let the next request start too soon.
    return max(math.ceil(seconds * 1000), 0)
