"""Run the portal spider in this process and return when the crawl is done."""

from __future__ import annotations

import functools
import logging
import os
import signal
import time
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any
from uuid import uuid4

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.addons.environment import COMMAND_DEFAULTS_PRIORITY, apply_environment
from crawler.copied_settings import CopiedSettings
from crawler.extensions.jobdir_lease import resumed_run_id
from crawler.progress import LiveLine, LogLines, Tally, progress_display, progress_line
from crawler.registry import Site
from crawler.site_admission import SiteAdmission
from crawler.spiders.portal import PortalSpider
from crawler.store import Store
from crawler.store.registry_sites import save_registry_sites
from crawler.store.writer import StoreWriter

if TYPE_CHECKING:
    from crawler.pipelines.extract_workers import ExtractWorkers

logger = logging.getLogger(__name__)

# Seconds between two looks at the progress (the live line's refresh; log lines are further apart).
PROGRESS_TICK = 1.0
# The writer writes its queued pages once the oldest has waited this long.
WRITE_BATCH_SECONDS = 0.5
# The crawl stats the progress line sums over the sites.
COUNTED = ("item_scraped_count", "nianbao/report_pages", "nianbao/error_pages")
# What a registry crawl's crawlers leave out, since there is one per site: the stats dump and the
# periodic stats line (the summary and the progress line say it for all the sites), and the memory
# check (the memory is the process's, not a site's). Each would run, format or log once per site.
REGISTRY_DEFAULTS: dict[str, Any] = {"STATS_DUMP": False, "LOGSTATS_INTERVAL": 0, "MEMUSAGE_ENABLED": False}


def registry_extract_workers() -> int:
    """A registry crawl's NIANBAO_EXTRACT_WORKERS unless the user sets one: one worker process
    where the crawl may use a second core. Many sites keep the reactor busy with downloads, links,
    store and archive, and in threads beside it parsing only takes turns with that work under the
    interpreter lock; one worker (some 70 MB) parses on the other core while the reactor works.
    More workers add memory but little speed, the reactor's own work being the other half."""
    return 1 if len(os.sched_getaffinity(0)) >= 2 else 0


def project_settings(defaults: dict[str, Any] | None = None, **overrides: Any) -> Settings:
    """crawler/settings.py, then the caller's `defaults`, the NIANBAO_* environment, and last the
    `overrides` (what a user gave on the command line). BadEnvironment names a bad variable.
    Each crawler copies them (crawler/copied_settings.py says why the copy is ours)."""
    settings = CopiedSettings()
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
    sites: list[Site],
    db_path: str,
    stats: dict[str, Any] | None = None,
    defaults: dict[str, Any] | None = None,
    run_ids: Mapping[str, str] | None = None,
    **overrides: Any,
) -> list[tuple[Site, str]]:
    """Crawl every site of a registry (crawler/registry.py) in this process, one spider per site.

    Each site keeps its own crawler, so its own politeness (one request at a time, delays,
    robots.txt), its own page budget and its own crawl_runs row, named after the site. At most
    NIANBAO_ACTIVE_SITES crawlers exist at once: a crawler costs some 4 MB and 4 open files, so
    the process is sized by the window, not by the registry. Every site writes through one
    StoreWriter (crawler/store/writer.py), NIANBAO_STORE_BATCH pages to a commit. Returns (site,
    run id) pairs of the sites started, in registry order (all of them unless the crawl was
    stopped); `stats`, when given, receives the writer's commits and its seconds spent waiting
    for SQLite's write lock. `run_ids` gives the run id of a site's crawl by its URL (runs
    `nianbao schedule` has claimed); else a new one."""
    registry_defaults = {**REGISTRY_DEFAULTS, "NIANBAO_EXTRACT_WORKERS": registry_extract_workers()}
    settings = project_settings({**registry_defaults, **(defaults or {})}, NIANBAO_DB=db_path, **overrides)
    process = CrawlerProcess(settings)
    writer = StoreWriter(Store(db_path), settings.getint("NIANBAO_STORE_BATCH"), WRITE_BATCH_SECONDS)
    # Extraction workers (NIANBAO_EXTRACT_WORKERS) serve every site: processes started per site
    # would cost a new interpreter each. (Imported here: the other commands need no extractor.)
    from crawler.pipelines.extract_workers import start_workers
    from extract import Options

    workers = start_workers(settings.getint("NIANBAO_EXTRACT_WORKERS"), Options())
    window = SiteWindow(
        process,
        sites,
        settings.getint("NIANBAO_ACTIVE_SITES"),
        SiteAdmission(settings.getint("NIANBAO_REQUESTS_PER_IP"), _resolve),
        writer,
        run_ids,
        workers,
    )
    try:
        _run_window(window, settings)
    finally:
        writer.close()
        if workers is not None:
            workers.close()
    if stats is not None:
        stats["nianbao/store/commits"] = writer.store.commits
        stats["nianbao/store/lock_wait_seconds"] = writer.store.lock_wait_seconds
    _label_runs(db_path, window.runs)
    return window.runs


def _run_window(window: SiteWindow, settings: Settings) -> None:
    window.fill()
    if window.active or window.waiting:  # (waiting: for their hosts' addresses)
        from twisted.internet import reactor, task

        reactor.callWhenRunning(window.watch_signals)  # once Scrapy's own handlers are in place
        assert window.writer is not None
        flushes = task.LoopingCall(window.writer.flush_if_old)
        flushes.start(WRITE_BATCH_SECONDS / 2, now=False)
        display = progress_display(settings.getfloat("NIANBAO_PROGRESS_SECONDS"))
        ticks = task.LoopingCall(window.show_progress, display)
        if display is not None:
            ticks.start(PROGRESS_TICK, now=False)
        window.process.start(stop_after_crawl=False)  # the window stops the reactor after its last site
        for looping in (flushes, ticks):
            if looping.running:
                looping.stop()
        if display is not None:
            window.show_progress(display, final=True)


class SiteWindow:
    """Start sites' crawlers `size` at a time; each that finishes lets the next one start.

    Scrapy's own `start()` waits only for the crawlers that exist when it is called, so the
    window stops the reactor itself once the last site is done. A crawl stopped by a signal
    (Ctrl-C) starts no further site. `admission` (crawler/site_admission.py) says which waiting
    site may start: the first in registry order whose group and server have room."""

    def __init__(
        self,
        process: CrawlerProcess,
        sites: list[Site],
        size: int,
        admission: SiteAdmission | None = None,
        writer: StoreWriter | None = None,
        run_ids: Mapping[str, str] | None = None,
        extract_workers: ExtractWorkers | None = None,
    ) -> None:
        self.process = process
        self.writer = writer
        self.extract_workers = extract_workers
        self.run_ids = run_ids or {}
        self.waiting = list(sites)
        self.size = max(1, size)
        self.admission = admission or SiteAdmission(0)
        self.admission.on_resolved = self.fill
        self.active = 0
        self.peak = 0
        self.stopping = False
        self.runs: list[tuple[Site, str]] = []
        self.started_at = time.monotonic()
        # Crawl stats of the sites active now, and the sum of those of the sites done.
        self.crawlers: set[Any] = set()
        self.totals: Counter[str] = Counter()

    def watch_signals(self) -> None:
        """Ctrl-C (or SIGTERM) starts no further site, from the moment it comes: a site that
        finishes while the others are closing would otherwise start the next one, which the
        stopping reactor would leave half begun."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous = signal.getsignal(signum)
            if callable(previous):
                signal.signal(signum, functools.partial(self._signalled, previous))

    def _signalled(self, previous: Callable[[int, Any], Any], signum: int, frame: Any) -> None:
        self.stopping = True
        previous(signum, frame)  # Scrapy's graceful stop (which takes the next signal itself)

    def fill(self) -> None:
        for site in list(self.waiting):
            if self.active >= self.size or self.stopping:
                break
            if self.admission.may_start(site):
                self.waiting.remove(site)
                self._start(site)
        if not self.active and (self.stopping or not self.waiting):
            self._stop_reactor()

    def _start(self, site: Site) -> None:
        self.admission.started(site)
        run_id = self.run_ids.get(site.url) or uuid4().hex[:12]
        crawler = self.process.create_crawler(PortalSpider)
        crawler.settings.set("NIANBAO_RUN_ID", run_id, priority="cmdline")  # the store's run, per site
        for name, value in site.settings().items():  # the row's TLS mode and proxy, over the crawl's
            crawler.settings.set(name, value, priority="cmdline")
        self.runs.append((site, run_id))
        self.active += 1
        self.peak = max(self.peak, self.active)
        self.crawlers.add(crawler)
        crawler.store_writer = self.writer  # read by the store pipeline and the conditional middleware
        crawler.extract_workers = self.extract_workers  # read by the extract pipeline
        done = self.process.crawl(crawler, url=site.start_url, run_id=run_id, **_budget(site))
        done.addBoth(self._finished, crawler, site)

    def _finished(self, result: Any, crawler: Any, site: Site) -> Any:
        self.active -= 1
        self.admission.finished(site)
        self.crawlers.discard(crawler)
        self.totals.update(_counted(crawler.stats.get_stats()))
        if crawler.stats.get_value("finish_reason") == "shutdown":
            self.stopping = True  # Ctrl-C: let the active sites close, start no other
        logger.info(
            "sites: %d active, %d waiting, %d done (at most %d at once)",
            self.active,
            len(self.waiting),
            len(self.runs) - self.active,
            self.peak,
        )
        self.fill()
        return result

    def tally(self) -> Tally:
        counted = Counter(self.totals)
        for crawler in self.crawlers:
            counted.update(_counted(crawler.stats.get_stats()))
        return Tally(
            done=len(self.runs) - self.active,
            active=self.active,
            waiting=len(self.waiting),
            pages=counted["item_scraped_count"],  # a stored page per item
            reports=counted["nianbao/report_pages"],
            errors=counted["nianbao/error_pages"],
        )

    def show_progress(self, display: LiveLine | LogLines, final: bool = False) -> None:
        display.show(progress_line(self.tally(), time.monotonic() - self.started_at), final=final)

    @staticmethod
    def _stop_reactor() -> None:
        from twisted.internet import reactor

        def stop() -> None:
            try:
                reactor.stop()
            except RuntimeError:  # stopped meanwhile by a signal's graceful stop
                pass

        if reactor.running:
            reactor.callLater(0, stop)


def _counted(stats: dict[str, Any]) -> dict[str, int]:
    return {name: stats.get(name, 0) for name in COUNTED}


def _resolve(host: str) -> Any:
    from twisted.internet import reactor

    return reactor.resolve(host)


def _budget(site: Site) -> dict[str, int]:
    return {"max_pages": site.max_pages} if site.max_pages else {}


def _label_runs(db_path: str, runs: list[tuple[Site, str]]) -> None:
    """Name each run after its site, and list the sites, whose bodies coverage then expects. A
    site whose crawler was just starting when Ctrl-C came was never closed (Scrapy stops only the
    engines already running), so its run still says `running`: it was interrupted; one stopped
    before its store opened has no run yet."""
    store = Store(db_path)
    try:
        for site, run_id in runs:
            if not store.db["crawl_runs"].count_where("run_id = ?", [run_id]):
                store.start_run(run_id, site.url)
            store.db["crawl_runs"].update(run_id, {"site_name": site.label}, alter=True)
            if store.db["crawl_runs"].get(run_id)["status"] == "running":
                store.finish_run(run_id, "interrupted")
        save_registry_sites(store.db, [site for site, _ in runs])
    finally:
        store.close()
