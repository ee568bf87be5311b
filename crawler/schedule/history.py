"""What the database says about each registry site: its last crawl, the failures since its last
good one, whether a crawl of it is queued or running, and the years its stored reports cover.

A site's runs are the crawl_runs rows whose start URL is on its host (a registry lists a host
once), however they were started: `nianbao schedule`, `nianbao crawl` or a Scrapyd job. A run's
time is when `nianbao schedule` claimed it, on its clock (`--now`), else when it started.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlite_utils import Database

from crawler.registry import Site
from crawler.schedule.calendar import utc
from crawler.store.outcome import run_failure

# A run whose crawl has not ended: the site is not started again meanwhile.
IN_FLIGHT = ("queued", "running")
# A run that ended without a crawl worth the name, whatever it stored: its process died, or Scrapyd
# ended the job before the spider opened.
BROKEN = ("interrupted", "lost")


@dataclass(frozen=True)
class SiteHistory:
    last_attempt: datetime | None = None
    # Runs that crawled nothing, counted back from the last one to the last good run.
    failures: int = 0
    in_flight: bool = False
    reported_years: frozenset[int] = frozenset()


def site_histories(db: Database, sites: list[Site]) -> dict[str, SiteHistory]:
    """Each site's history, by its host (Site.netloc)."""
    hosts = {site.netloc for site in sites}
    runs: dict[str, list[tuple[str, str, str, str]]] = defaultdict(list)
    rows = db.execute(
        "select run_id, start_url, status, coalesce(scheduled_at, started_at) as attempt from crawl_runs"
        " where start_url is not null and start_url != '' order by attempt desc"
    )
    for run_id, start_url, status, attempt in rows:
        host = urlsplit(start_url).netloc.lower()
        if host in hosts:
            runs[host].append((run_id, start_url, status or "", attempt))
    by_host, by_agency = _reported_years(db)
    histories = {}
    for site in sites:
        years = by_agency.get(site.agency, set()) if site.agency else by_host.get(site.netloc, set())
        histories[site.netloc] = _history(db, runs[site.netloc], frozenset(years))
    return histories


def _history(db: Database, runs: list[tuple[str, str, str, str]], years: frozenset[int]) -> SiteHistory:
    in_flight = any(status in IN_FLIGHT for _, _, status, _ in runs)
    ended = [run for run in runs if run[2] not in IN_FLIGHT and run[3]]
    failures = 0
    for run_id, start_url, status, _ in ended:
        if status not in BROKEN and run_failure(db, run_id, start_url) is None:
            break
        failures += 1
    last = utc(datetime.fromisoformat(ended[0][3])) if ended else None
    return SiteHistory(last_attempt=last, failures=failures, in_flight=in_flight, reported_years=years)


def _reported_years(db: Database) -> tuple[dict[str, set[int]], dict[str, set[int]]]:
    """Years of the stored reports by the host they were fetched from, and by reporting body.

    A registry site naming its `agency` counts that body's reports wherever they were found (a
    report is its body's and year's, not its URL's); a site without one counts its host's."""
    by_host: dict[str, set[int]] = defaultdict(set)
    by_agency: dict[str, set[int]] = defaultdict(set)
    for url, agency, year in db.execute("select url, agency, year from reports where year is not null"):
        by_host[urlsplit(url or "").netloc.lower()].add(int(year))
        if agency:
            by_agency[agency].add(int(year))
    return by_host, by_agency
