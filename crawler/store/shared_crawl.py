"""The end-of-crawl check of a distributed crawl: reports its sites no longer link are gone.

A single-site crawl marks, as it closes, the reports under its column that its run did not
reach. A distributed crawl's pages are reached by many runs, one per worker, perhaps written to
several files, and no worker knows when another is done. So the last worker out of the crawl
(crawler/distribute/frontier.py) records each site of the crawl in `crawl_sites`, with the runs
of all its workers and whether the site was walked completely, and the check runs wherever
every one of those runs is stored: at once when the workers share one database, else in the
database `nianbao merge` makes of their files.

A site is complete when every worker's run ended `finished` (none stopped, blocked, killed or
cut short by the depth limit: it may have held the site's last links) and the site's page
budget did not run out.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from crawler.store.database import Store, utcnow
from crawler.store.incremental import crawled_column, mark_unseen_reports_gone

if TYPE_CHECKING:
    from crawler.distribute.frontier import SharedCrawl


def record_shared_crawl(store: Store, crawl: SharedCrawl) -> int:
    """Write the crawl's sites, then run the check if this database holds all of its runs;
    returns the number of reports marked gone."""
    clean = all(status == "finished" for status in crawl.runs.values())
    now = utcnow()
    store.db["crawl_sites"].upsert_all(
        (
            {
                "crawl_id": crawl.crawl_id,
                "host": host,
                "start_url": start_url,
                "complete": int(clean and host not in crawl.cut_short),
                "runs": json.dumps(sorted(crawl.runs)),
                "finished_at": now,
            }
            for host, start_url in crawl.starts.items()
        ),
        pk=("crawl_id", "host"),
    )
    return mark_gone_after_shared_crawls(store, crawl.crawl_id)


def mark_gone_after_shared_crawls(store: Store, crawl_id: str | None = None) -> int:
    """Run the check for every complete site of the crawl (of every crawl, without `crawl_id`)
    whose runs are all in this database; returns the number of reports marked gone."""
    where, params = ("and crawl_id = ?", [crawl_id]) if crawl_id else ("", [])
    sites = store.db.execute(
        f"select host, start_url, runs, finished_at from crawl_sites where complete = 1 {where} "
        "order by finished_at",
        params,
    ).fetchall()
    marked = 0
    for host, start_url, runs_text, finished_at in sites:
        runs = json.loads(runs_text)
        started = _all_started(store, runs)
        if started is None:
            continue  # some worker's pages are in another file: the merged database will judge
        _, column = crawled_column(start_url)
        marked += mark_unseen_reports_gone(store, host, column, runs, before=started, gone_at=finished_at)
    return marked


def _all_started(store: Store, runs: list[str]) -> str | None:
    """When the first of the runs started, if every one of them is stored here."""
    marks = ", ".join("?" * len(runs))
    count, started = store.db.execute(
        f"select count(*), min(started_at) from crawl_runs where run_id in ({marks})", runs
    ).fetchone()
    return started if runs and count == len(runs) else None
