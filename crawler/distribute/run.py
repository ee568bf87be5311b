"""Run one worker of a distributed crawl (crawler/spiders/shared.py) in this process."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from scrapy.crawler import CrawlerProcess

from crawler.distribute.frontier import Frontier, connect, scheduler_settings
from crawler.registry import Site
from crawler.run import project_settings
from crawler.spiders.shared import SharedFrontierSpider
from crawler.store import Store
from crawler.store.shared_crawl import record_shared_crawl


def crawl_shared(
    redis_url: str,
    sites: list[Site],
    db_path: str,
    defaults: dict[str, Any] | None = None,
    **overrides: Any,
) -> str:
    """Work on the frontier in Redis until it stays empty; with `sites`, put their start pages
    in it first (starting a fresh crawl when no other worker is at work). Returns the run id."""
    run_id = uuid4().hex[:12]
    frontier = Frontier(connect(redis_url), run_id)
    frontier.join(fresh_if_idle=bool(sites))
    requests = project_settings(defaults, **overrides).getint("NIANBAO_WORKER_REQUESTS")
    shared = scheduler_settings(redis_url, requests)
    settings = project_settings(
        defaults, NIANBAO_DB=db_path, NIANBAO_RUN_ID=run_id, **{**overrides, **shared}
    )
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SharedFrontierSpider)
    process.crawl(crawler, redis_url=redis_url, sites=sites, run_id=run_id)
    process.start()
    store = Store(db_path)
    try:
        store.db["crawl_runs"].update(run_id, {"crawl_id": frontier.crawl_id})
        finished = getattr(crawler.spider, "finished_crawl", None)
        if finished is not None:  # the last worker out: the crawl's end-of-crawl check
            record_shared_crawl(store, finished)
    finally:
        store.close()
    return run_id
