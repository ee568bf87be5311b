"""One round of `nianbao schedule`: claim the sites due now, then crawl them in this process (a
window of NIANBAO_ACTIVE_SITES crawlers, crawler/run.py) or send one Scrapyd job per site."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from crawler.registry import Site, enabled_sites
from crawler.schedule.calendar import Calendar, load_calendar
from crawler.schedule.claims import claim_due, close_lost_jobs, release
from crawler.schedule.due import Backoff, Plan
from crawler.schedule.scrapyd import Scrapyd, ScrapydError
from crawler.store import Store


@dataclass
class Round:
    plan: Plan
    # (site, run id) of every site crawled here or sent to Scrapyd, in registry order.
    runs: list[tuple[Site, str]] = field(default_factory=list)


@dataclass
class Scheduler:
    registry: str
    db_path: str
    scrapyd: Scrapyd | None = None
    # Settings for crawls in this process (crawler/run.py's project_settings).
    defaults: dict[str, Any] = field(default_factory=dict)
    overrides: dict[str, Any] = field(default_factory=dict)
    calendar: Calendar = field(default_factory=load_calendar)
    backoff: Backoff = field(default_factory=Backoff)

    def sites(self) -> list[Site]:
        """The registry's enabled sites, read afresh each round (RegistryError when it is bad)."""
        return enabled_sites(self.registry)

    def run(self, sites: list[Site], now: datetime, crawl_here: Callable[..., Any] | None = None) -> Round:
        """Claim and start what is due at `now`. `crawl_here(sites, db, run_ids, defaults, overrides)`
        crawls in this process (by default crawler/run.py's crawl_sites); each round of a scheduler
        that keeps running uses a child process, since Twisted's reactor starts once per process."""
        store = Store(self.db_path)
        try:
            if self.scrapyd:
                # Read before the rows, so a job that ends meanwhile has written its own end.
                close_lost_jobs(store, self.scrapyd.url, self.scrapyd.active_jobs())
            plan, run_ids = claim_due(
                store, sites, now, self.calendar, self.backoff, self.scrapyd.url if self.scrapyd else None
            )
        finally:
            store.close()
        result = Round(plan)
        if not plan.due:
            return result
        if self.scrapyd:
            result.runs = self._submit(list(plan.due), run_ids)
        else:
            crawl = crawl_here or _crawl_sites
            released: set[str] = set()
            try:
                crawl(list(plan.due), self.db_path, run_ids, self.defaults, self.overrides)
            finally:
                released = self._release(list(run_ids.values()))
            # A crawl stopped early (Ctrl-C) started only some of the sites.
            started = [site for site in plan.due if run_ids[site.url] not in released]
            result.runs = [(site, run_ids[site.url]) for site in started]
        return result

    def _submit(self, sites: list[Site], run_ids: dict[str, str]) -> list[tuple[Site, str]]:
        assert self.scrapyd is not None
        sent: list[tuple[Site, str]] = []
        try:
            for site in sites:
                self.scrapyd.submit(site, run_ids[site.url], self.db_path)
                sent.append((site, run_ids[site.url]))
        except ScrapydError:
            self._release([run_ids[site.url] for site in sites[len(sent) :]])
            raise
        return sent

    def _release(self, run_ids: list[str]) -> set[str]:
        store = Store(self.db_path)
        try:
            return release(store, run_ids)
        finally:
            store.close()


def _crawl_sites(
    sites: list[Site], db: str, run_ids: dict[str, str], defaults: dict[str, Any], overrides: dict[str, Any]
) -> None:
    from crawler.run import crawl_sites

    crawl_sites(sites, db, defaults=defaults, run_ids=run_ids, **overrides)


def in_child_process(target: Callable[..., Any]) -> Callable[..., None]:
    """`target` run in a fresh process, waited for: a round's reactor, crawlers and memory go
    with it. (Spawned, not forked: nothing of this process's state is shared.)"""

    def run(*args: Any) -> None:
        child = multiprocessing.get_context("spawn").Process(target=target, args=args)
        child.start()
        child.join()

    return run
