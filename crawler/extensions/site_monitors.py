"""SiteMonitors: once a site's crawl is stored, run the monitors on its run (crawler/monitors/).

A Scrapy extension, so each crawler checks its own site with its own stats: one crawl, each site
of a registry crawl (one crawler per site, many in one process), `scrapy crawl` and Scrapyd alike.
It runs on `spider_closed`, which Scrapy sends after the pipelines closed, so the store has
finished the run (crawl_runs) by then. Spidermon's own extension is not used: its runner logs through
`Spider.log()`, which Scrapy 2.19 deprecates, and the figures are read from the database once, not
by each check. In a registry crawl the figures are read, and the results written, through the
crawl's one writer (crawler/store/writer.py) on the reactor's thread: a store opened for each of
thousands of sites would check the schema and take SQLite's write lock each time, beside the
writer's. A worker of a shared frontier walks no whole site, and a crawl stopped by Ctrl-C
(paused) has not finished its site: neither is judged.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from spidermon.runners import MonitorRunner
from spidermon.settings import ACTION
from sqlite_utils import Database
from twisted.internet import threads

from crawler.monitors.checks import MonitorLimits
from crawler.monitors.figures import RunFigures, SiteHistory, site_history
from crawler.monitors.results import site_alerts, write_results
from crawler.monitors.suite import SiteMonitorSuite
from crawler.monitors.webhook import SiteAlerts
from crawler.store.database import StorageError, Store
from crawler.store.writer import StoreWriter

logger = logging.getLogger(__name__)

# Run statuses whose site was not walked to its end on purpose: a pause or a stop.
NOT_JUDGED = ("shutdown",)


class SiteMonitors:
    def __init__(
        self, crawler: Any, db_path: str, limits: MonitorLimits, writer: StoreWriter | None = None
    ) -> None:
        self.crawler = crawler
        self.db_path = db_path
        self.limits = limits
        self.writer = writer

    @classmethod
    def from_crawler(cls, crawler: Any) -> SiteMonitors:
        if not crawler.settings.getbool("NIANBAO_MONITORS"):
            raise NotConfigured
        limits = MonitorLimits(
            error_ratio=crawler.settings.getfloat("NIANBAO_MONITOR_ERROR_RATIO"),
            spam_jump=crawler.settings.getint("NIANBAO_MONITOR_SPAM_JUMP"),
        )
        writer = getattr(crawler, "store_writer", None)  # a registry crawl's (crawler/run.py)
        extension = cls(crawler, crawler.settings.get("NIANBAO_DB"), limits, writer)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    async def spider_closed(self, spider: Any) -> None:
        """The checks run in a thread: a slow webhook holds up this crawler's close, not the other
        sites crawling in the same process. Scrapy waits for them before the crawl ends."""
        run_id = self.crawler.stats.get_value("nianbao/run_id")
        if not run_id or not getattr(spider, "netloc", ""):
            return
        stats = dict(self.crawler.stats.get_stats())
        if self.writer is None:
            await maybe_deferred_to_future(threads.deferToThread(self.check_run, run_id, stats))
            return
        # The site's pages and its run are written by now: the store pipeline closed first.
        history = history_to_judge(self.writer.store.db, run_id)
        if history is not None:
            checked = threads.deferToThread(self.run_checks, history, stats, self._hand_to_writer)
            await maybe_deferred_to_future(checked)

    def check_run(self, run_id: str, stats: dict[str, Any]) -> None:
        try:
            store = Store(self.db_path)
        except StorageError as exc:
            logger.warning("monitors not run: %s", exc)
            return
        try:
            history = history_to_judge(store.db, run_id)
        finally:
            store.close()
        if history is not None:
            self.run_checks(history, stats)

    def _hand_to_writer(self, run: RunFigures, report: SiteAlerts) -> None:
        """Called in the checks' thread: the results are written with the writer's next batch."""
        from twisted.internet import reactor

        assert self.writer is not None
        write = functools.partial(write_results, self.writer.store, run, report)
        reactor.callFromThread(self.writer.write, f"monitor results of run {run.run_id}", write)

    def run_checks(self, history: SiteHistory, stats: dict[str, Any], hand_results_over: Any = None) -> None:
        runner = MonitorRunner()
        result = runner.run(
            SiteMonitorSuite(crawler=self.crawler),
            history=history,
            limits=self.limits,
            stats=stats,
            hand_results_over=hand_results_over,
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


def history_to_judge(db: Database, run_id: str) -> SiteHistory | None:
    """The run's history for the monitors, or None when there is nothing to judge: the run is not
    recorded, has no single site, or was paused or stopped before the end of its site."""
    history = site_history(db, run_id)
    if history is None or history.run.status in NOT_JUDGED:
        return None
    return history


def _last_line(error: str | None) -> str:
    """The exception's message, from the traceback Spidermon keeps of a failed action."""
    lines = (error or "").strip().splitlines()
    if not lines:
        return "unknown error"
    kind, _, message = lines[-1].partition(": ")
    return message if message and " " not in kind else lines[-1]
