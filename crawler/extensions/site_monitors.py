"""SiteMonitors: once a site's crawl is stored, run the monitors on its run (crawler/monitors/).

A Scrapy extension, so each crawler checks its own site with its own stats: one crawl, each site
of a registry crawl (one crawler per site, many in one process), `scrapy crawl` and Scrapyd alike.
It runs on `spider_closed`, which Scrapy sends after the pipelines closed, so the store has
finished the run (crawl_runs) by then. Spidermon's own extension is not used: its runner logs through
`Spider.log()`, which Scrapy 2.19 deprecates, and the figures are read from the database once, not
by each check. A worker of a shared frontier walks no whole site, and a crawl stopped by Ctrl-C
(paused) has not finished its site: neither is judged.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from spidermon.runners import MonitorRunner
from spidermon.settings import ACTION
from twisted.internet import threads

from crawler.monitors.checks import MonitorLimits
from crawler.monitors.figures import site_history
from crawler.monitors.results import site_alerts
from crawler.monitors.suite import SiteMonitorSuite
from crawler.store.database import StorageError, Store

logger = logging.getLogger(__name__)

# Run statuses whose site was not walked to its end on purpose: a pause or a stop.
NOT_JUDGED = ("shutdown",)


class SiteMonitors:
    def __init__(self, crawler: Any, db_path: str, limits: MonitorLimits) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.limits = limits

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteMonitors:
        if not crawler.settings.getbool("NIANBAO_MONITORS"):
            raise NotConfigured
        limits = MonitorLimits(
            error_ratio=crawler.settings.getfloat("NIANBAO_MONITOR_ERROR_RATIO"),
            spam_jump=crawler.settings.getint("NIANBAO_MONITOR_SPAM_JUMP"),
        )
        extension = cls(crawler, crawler.settings.get("NIANBAO_DB"), limits)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    async def spider_closed(self, spider: Any) -> None:
        """The checks run in a thread: a slow webhook holds up this crawler's close, not the other
        sites crawling in the same process. Scrapy waits for them before the crawl ends."""
        run_id = self.crawler.stats.get_value("nianbao/run_id")
        if not run_id or not getattr(spider, "netloc", ""):
            return
        stats = dict(self.crawler.stats.get_stats())
        await maybe_deferred_to_future(threads.deferToThread(self.check_run, run_id, stats))

    def check_run(self, run_id: str, stats: dict[str, Any]) -> None:
        try:
            store = Store(self.db_path)
        except StorageError as exc:
            logger.warning("monitors not run: %s", exc)
            return
        try:
            history = site_history(store.db, run_id)
        finally:
            store.close()
        if history is None or history.run.status in NOT_JUDGED:
            return
        runner = MonitorRunner()
        result = runner.run(
            SiteMonitorSuite(crawler=self.crawler),
            history=history,
            limits=self.limits,
            stats=stats,
        )
        # INFO: `scrapy crawl` and Scrapyd log it; `nianbao` prints the alerts in its summary instead.
        for alert in site_alerts(result, history.run).alerts:
            logger.info("monitor %s on %s: %s", alert.monitor, history.run.site, alert.detail)
        for step in ("monitors_finished_action_results", "monitors_failed_action_results"):
            for outcome in getattr(result, step):
                if outcome.status == ACTION.STATUS.ERROR:
                    logger.warning(
                        "monitor action %s failed: %s", outcome.item.name, _last_line(outcome.error)
                    )


def _last_line(error: str | None) -> str:
    """The exception's message, from the traceback Spidermon keeps of a failed action."""
    lines = (error or "").strip().splitlines()
    if not lines:
        return "unknown error"
    kind, _, message = lines[-1].partition(": ")
    return message if message and " " not in kind else lines[-1]
