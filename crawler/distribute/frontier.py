"""The shared frontier of a distributed crawl, kept in Redis.

scrapy-redis holds the request queue and the fingerprints of requests already made
(`nianbao:requests`, `nianbao:dupefilter`). This module keeps what our spider needs
beside them, so that a site's scope and page budget hold across workers:

- `nianbao:sites`   hash, host -> page budget (0 = the NIANBAO_MAX_PAGES of each worker)
- `nianbao:budget`  hash, host -> requests made so far, by all workers
- `nianbao:seen`    set of links already turned into requests (what counts against a budget)
- `nianbao:workers` sorted set, worker id -> time of its last heartbeat
- `nianbao:crawl`   the crawl's id, shared by its workers' runs (`crawl_runs.crawl_id`)
- `nianbao:runs`    hash, run id of every worker that joined -> how it ended (`running` until then)
- `nianbao:starts`  hash, host -> the start URL the site was registered with
- `nianbao:cut_short` set of hosts whose page budget ran out
- `nianbao:lease:<host>` a site's lease or pause (crawler/distribute/lease.py), expiring by itself

A crawl ends when its last worker leaves with an empty queue: every site's share of the
frontier is then done, and that worker takes what the end-of-crawl check needs (SharedCrawl)
before it clears these keys (and the fingerprints), so the next crawl of the same sites starts
afresh. A worker killed without
leaving stops beating; after STALE_SECONDS the next crawl treats it as gone.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from uuid import uuid4

PREFIX = "nianbao:"
QUEUE_KEY = PREFIX + "requests"
DUPEFILTER_KEY = PREFIX + "dupefilter"
SITES_KEY = PREFIX + "sites"
BUDGET_KEY = PREFIX + "budget"
SEEN_KEY = PREFIX + "seen"
WORKERS_KEY = PREFIX + "workers"
CRAWL_ID_KEY = PREFIX + "crawl"
RUNS_KEY = PREFIX + "runs"
STARTS_KEY = PREFIX + "starts"
CUT_SHORT_KEY = PREFIX + "cut_short"
LOCK_KEY = PREFIX + "lock"
LEASES_PATTERN = PREFIX + "lease:*"  # crawler/distribute/lease.py
CRAWL_KEYS = (
    QUEUE_KEY,
    DUPEFILTER_KEY,
    SITES_KEY,
    BUDGET_KEY,
    SEEN_KEY,
    CRAWL_ID_KEY,
    RUNS_KEY,
    STARTS_KEY,
    CUT_SHORT_KEY,
)
# Seconds between heartbeats, and the silence after which a worker counts as gone.
HEARTBEAT_SECONDS = 5
STALE_SECONDS = 30


class FrontierError(RuntimeError):
    pass


def scheduler_settings(redis_url: str, worker_requests: int = 2) -> dict[str, Any]:
    """Scrapy settings that put the scheduler and the duplicate filter in Redis."""
    return {
        "SCHEDULER": "crawler.distribute.scheduler.RedisScheduler",
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "REDIS_URL": redis_url,
        "SCHEDULER_QUEUE_KEY": QUEUE_KEY,
        "SCHEDULER_DUPEFILTER_KEY": DUPEFILTER_KEY,
        # A request of a site no worker is busy with comes first (crawler/distribute/queue.py).
        "SCHEDULER_QUEUE_CLASS": "crawler.distribute.queue.FreeSiteFirstQueue",
        # Never flush on close: other workers are still using the queue (see Frontier.leave).
        "SCHEDULER_PERSIST": True,
        # A JOBDIR would keep a second, local queue: the frontier already survives a stop.
        "JOBDIR": None,
        # Scrapy takes from the scheduler as long as its downloader has room, and holds what
        # waits for a site's delay in its own memory: a small number leaves the rest of the
        # queue to the other workers.
        "CONCURRENT_REQUESTS": worker_requests,
    }


def connect(redis_url: str) -> Any:
    """A Redis client, after checking the server answers; FrontierError says why not."""
    try:
        import redis
        import scrapy_redis  # noqa: F401 - checked here so the error says what to install
    except ImportError:
        raise FrontierError("--redis needs scrapy-redis: pip install 'nianbao[distributed]'") from None
    try:
        client = redis.Redis.from_url(redis_url, socket_connect_timeout=5)
        client.ping()
    except ValueError as exc:
        raise FrontierError(f"not a Redis URL: {redis_url!r} ({exc})") from None
    except redis.RedisError as exc:
        raise FrontierError(f"cannot reach Redis at {redis_url}: {exc}") from None
    return client


@dataclass(frozen=True)
class SharedCrawl:
    """A distributed crawl whose frontier is done, as its last worker found it: each worker's
    run and how it ended, each site's start URL, and the sites cut short by their budget."""

    crawl_id: str
    runs: dict[str, str]
    starts: dict[str, str]
    cut_short: frozenset[str]


class Frontier:
    def __init__(self, client: Any, worker_id: str):
        self.client = client
        self.worker_id = worker_id
        self.budgets: dict[str, int] = {}
        self.crawl_id: str | None = None

    # Workers --------------------------------------------------------------
    def join(self, fresh_if_idle: bool) -> bool:
        """Register this worker; with `fresh_if_idle`, first clear what a finished (or abandoned)
        crawl left behind when no other worker is alive and nothing is queued. Returns whether
        it started a fresh crawl."""
        with self.client.lock(LOCK_KEY, timeout=30, blocking_timeout=30):
            fresh = fresh_if_idle and not self._others_alive() and not self.client.exists(QUEUE_KEY)
            if fresh:
                self.client.delete(*CRAWL_KEYS)
            self.client.setnx(CRAWL_ID_KEY, uuid4().hex[:12])
            self.crawl_id = self.client.get(CRAWL_ID_KEY).decode()
            self.client.hset(RUNS_KEY, self.worker_id, "running")
            self.beat()
            return fresh

    def beat(self) -> None:
        self.client.zadd(WORKERS_KEY, {self.worker_id: time.time()})

    def leave(self, status: str) -> SharedCrawl | None:
        """Unregister, saying how this worker's run ended; the last worker out of a finished crawl
        clears its keys and returns what the crawl was (else None)."""
        with self.client.lock(LOCK_KEY, timeout=30, blocking_timeout=30):
            self.client.zrem(WORKERS_KEY, self.worker_id)
            if self.client.hexists(RUNS_KEY, self.worker_id):
                self.client.hset(RUNS_KEY, self.worker_id, status)
            if self._others_alive() or self.client.exists(QUEUE_KEY):
                return None
            crawl = self._shared_crawl()
            self.client.delete(*CRAWL_KEYS)
            # Sites' leases and pauses expire by themselves; none is in use any more.
            for key in self.client.scan_iter(match=LEASES_PATTERN):
                self.client.delete(key)
            return crawl

    def _shared_crawl(self) -> SharedCrawl | None:
        crawl_id = self.client.get(CRAWL_ID_KEY)
        if crawl_id is None:
            return None
        text = lambda mapping: {k.decode(): v.decode() for k, v in mapping.items()}  # noqa: E731
        return SharedCrawl(
            crawl_id.decode(),
            text(self.client.hgetall(RUNS_KEY)),
            text(self.client.hgetall(STARTS_KEY)),
            frozenset(host.decode() for host in self.client.smembers(CUT_SHORT_KEY)),
        )

    def _others_alive(self) -> bool:
        alive = self.client.zrangebyscore(WORKERS_KEY, time.time() - STALE_SECONDS, "+inf")
        return any(worker.decode() != self.worker_id for worker in alive)

    def queued(self) -> int:
        return int(self.client.zcard(QUEUE_KEY))

    # Sites and budgets ----------------------------------------------------
    def add_site(self, netloc: str, max_pages: int | None, start_url: str) -> None:
        self.client.hsetnx(SITES_KEY, netloc, max_pages or 0)
        self.client.hsetnx(STARTS_KEY, netloc, start_url)
        self.budgets[netloc] = int(self.client.hget(SITES_KEY, netloc))

    def budget(self, netloc: str) -> int | None:
        """The site's page budget: None when the host is not one of the crawl's sites."""
        if netloc not in self.budgets:
            value = self.client.hget(SITES_KEY, netloc)
            if value is None:
                return None
            self.budgets[netloc] = int(value)
        return self.budgets[netloc]

    def spend(self, netloc: str) -> int:
        """Count one request to the site; returns the count including it."""
        return int(self.client.hincrby(BUDGET_KEY, netloc, 1))

    def cut_short(self, netloc: str) -> None:
        """The site's budget ran out: links were left, so the crawl marks none of its reports gone."""
        self.client.sadd(CUT_SHORT_KEY, netloc)


class SharedSeen:
    """The spider's `seen` set, shared by all workers, so a link counts once against a budget."""

    def __init__(self, client: Any):
        self.client = client

    def __contains__(self, key: object) -> bool:
        return bool(self.client.sismember(SEEN_KEY, repr(key)))

    def add(self, key: object) -> None:
        self.client.sadd(SEEN_KEY, repr(key))
