"""Run the portal spider in this process and return when the crawl is done."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.addons.environment import COMMAND_DEFAULTS_PRIORITY, apply_environment
from crawler.extensions.jobdir_lease import resumed_run_id
from crawler.registry import Site
from crawler.spiders.portal import PortalSpider
from crawler.store import Store


def project_settings(defaults: dict[str, Any] | None = None, **overrides: Any) -> Settings:
    """crawler/settings.py, then the caller's `defaults`, the NIANBAO_* environment, and last the
    `overrides` (what a user gave on the command line). BadEnvironment names a bad variable."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    for name, value in (defaults or {}).items():
        settings.set(name, value, priority=COMMAND_DEFAULTS_PRIORITY)
    apply_environment(settings)
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def crawl(
    url: str,
    db_path: str,
    stats: dict[str, Any] | None = None,
    defaults: dict[str, Any] | None = None,
    **overrides: Any,
) -> str:
    """Crawl one site into db_path; returns the run id recorded in crawl_runs.

    `defaults` and `overrides` are settings, ranked as project_settings says. When `stats`
    is given it receives Scrapy's crawl stats (the benchmark reads them)."""
    run_id = resumed_run_id(overrides.get("JOBDIR")) or uuid4().hex[:12]
    settings = project_settings(defaults, NIANBAO_DB=db_path, NIANBAO_RUN_ID=run_id, **overrides)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(PortalSpider)
    process.crawl(crawler, url=url, run_id=run_id)
    process.start()
    if stats is not None:
        stats.update(crawler.stats.get_stats())
    return run_id


def crawl_sites(
    sites: list[Site], db_path: str, defaults: dict[str, Any] | None = None, **overrides: Any
) -> list[tuple[Site, str]]:
    """Crawl every site of a registry (crawler/registry.py) in this process, one spider per site.

    Each site keeps its own crawler, so its own politeness (one request at a time, delays,
    robots.txt), its own page budget and its own crawl_runs row, named after the site.
    Returns (site, run id) pairs."""
    settings = project_settings(defaults, NIANBAO_DB=db_path, **overrides)
    process = CrawlerProcess(settings)
    runs = []
    for site in sites:
        run_id = uuid4().hex[:12]
        crawler = process.create_crawler(PortalSpider)
        crawler.settings.set("NIANBAO_RUN_ID", run_id, priority="cmdline")  # the store's run, per site
        process.crawl(crawler, url=site.url, run_id=run_id, **_budget(site))
        runs.append((site, run_id))
    process.start()
    _label_runs(db_path, runs)
    return runs


def _budget(site: Site) -> dict[str, int]:
    return {"max_pages": site.max_pages} if site.max_pages else {}


def _label_runs(db_path: str, runs: list[tuple[Site, str]]) -> None:
    store = Store(db_path)
    try:
        for site, run_id in runs:
            store.db["crawl_runs"].update(run_id, {"site_name": site.label}, alter=True)
    finally:
        store.close()
