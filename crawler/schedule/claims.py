"""A due site is claimed before its crawl starts: a `queued` crawl_runs row, written in the same
transaction that found it due, so neither this process's next round nor a second scheduler (an
overlapping cron line) starts it again while it waits in the window or in Scrapyd's queue.

The row's run id is the crawl's (and the Scrapyd job's): the crawl turns it `running`, then
`finished` (or another end). A claim the crawl never took up is released, or, when its process
died or Scrapyd lost the job, closed as `interrupted` or `lost`, which counts as a failure.
"""

from __future__ import annotations

import os
import socket
from datetime import datetime
from uuid import uuid4

from crawler.registry import Site
from crawler.schedule.calendar import Calendar, utc
from crawler.schedule.due import Backoff, Plan, make_plan
from crawler.schedule.history import IN_FLIGHT, site_histories
from crawler.store import Store


def stamp(moment: datetime) -> str:
    """The form crawl_runs keeps times in (utcnow()'s), so they sort as text."""
    return utc(moment).replace(microsecond=0).isoformat()


def claim_due(
    store: Store,
    sites: list[Site],
    now: datetime,
    calendar: Calendar,
    backoff: Backoff,
    scrapyd: str | None = None,
) -> tuple[Plan, dict[str, str]]:
    """The plan at `now`, with every due site claimed; returns it and the run ids by site URL.

    In-process claims carry this process's pid, so a claim left by a process that died is closed
    at the next start (Store.close_stale_runs); Scrapyd's carry its URL instead."""
    store.close_stale_runs()
    db = store.db
    db.execute("BEGIN IMMEDIATE")  # plan and claim under one write lock
    try:
        plan = make_plan(sites, site_histories(db, sites), now, calendar, backoff)
        run_ids = {}
        for site in plan.due:
            run_ids[site.url] = uuid4().hex[:12]
            db.execute(
                "insert into crawl_runs (run_id, start_url, site, site_name, status, scheduled_at, pid,"
                " host, scrapyd) values (?, ?, ?, ?, 'queued', ?, ?, ?, ?)",
                [
                    run_ids[site.url],
                    site.url,
                    site.netloc,
                    site.label,
                    stamp(now),
                    None if scrapyd else os.getpid(),
                    socket.gethostname(),
                    scrapyd,
                ],
            )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return plan, run_ids


def release(store: Store, run_ids: list[str]) -> set[str]:
    """Drop claims whose crawl never started (a stopped window, a job Scrapyd refused); returns
    the run ids dropped."""
    released = set()
    with store.db.conn:
        for run_id in run_ids:
            unstarted = "delete from crawl_runs where run_id = ? and status = 'queued'"
            if store.db.execute(unstarted, [run_id]).rowcount:
                released.add(run_id)
    return released


def close_lost_jobs(store: Store, scrapyd: str, active_jobs: set[str]) -> list[str]:
    """Close the runs sent to this Scrapyd that it no longer has pending or running, yet that never
    ended: `lost` if the spider never opened, `interrupted` if it died. `active_jobs` must be read
    before this, so a job that ends meanwhile has already written its own end."""
    placeholders = ", ".join("?" for _ in IN_FLIGHT)
    rows = store.db.execute(
        f"select run_id, status from crawl_runs where scrapyd = ? and status in ({placeholders})",
        [scrapyd, *IN_FLIGHT],
    ).fetchall()
    closed = []
    for run_id, status in rows:
        if run_id not in active_jobs:
            store.finish_run(run_id, "lost" if status == "queued" else "interrupted")
            closed.append(run_id)
    return closed
