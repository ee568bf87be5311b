"""Run the portal spider in this process and return when the crawl is done."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.spiders.portal import PortalSpider


def project_settings(**overrides: Any) -> Settings:
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def crawl(url: str, db_path: str, stats: dict[str, Any] | None = None, **overrides: Any) -> str:
    """Crawl one site into db_path; returns the run id recorded in crawl_runs.

    When `stats` is given it receives Scrapy's crawl stats (the benchmark reads them)."""
    run_id = uuid4().hex[:12]
    settings = project_settings(NIANBAO_DB=db_path, NIANBAO_RUN_ID=run_id, **overrides)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, url=url, run_id=run_id)
    process.start()
    if stats is not None:
        stats.update(crawler.stats.get_stats())
    return run_id
