"""`nianbao schedule`: crawl a registry's sites when they are due (crawler/schedule/), here or on
Scrapyd, once (for cron or a systemd timer) or for as long as it runs."""

from __future__ import annotations

import sys
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from crawler.commands.common import (
    COMMAND_DEFAULTS,
    check_database,
    command_settings,
    database_path,
    db_option,
    fail,
    hush_recorded_fetch_errors,
    print_monitor_results,
    print_site_runs,
    warn,
)

if TYPE_CHECKING:
    from crawler.registry import Site
    from crawler.schedule.loop import Clock
    from crawler.schedule.rounds import Round, Scheduler


@click.command()
@click.option("--registry", required=True, help="CSV file of sites (see Site registry).")
@db_option("SQLite database whose crawl_runs say what is due, and where crawls write.")
@click.option("--once", is_flag=True, help="Run what is due now, then exit (for cron or a systemd timer).")
@click.option(
    "--now",
    "now_text",
    default=None,
    help="Start the clock at this time (ISO 8601, UTC unless it names a zone, e.g. 2027-02-10T08:00).",
)
@click.option(
    "--scrapyd",
    "scrapyd_url",
    default=None,
    help="Send each due site as a job to this Scrapyd (http://host:6800/) instead of crawling here.",
)
def schedule(
    registry: str, db: str | None, once: bool, now_text: str | None, scrapyd_url: str | None
) -> None:
    """Crawl the registry's sites when due: daily in the reporting season, weekly otherwise."""
    from crawler.registry import RegistryError
    from crawler.schedule.calendar import BadCalendar, load_calendar
    from crawler.schedule.loop import Clock
    from crawler.schedule.rounds import Scheduler
    from crawler.schedule.scrapyd import ScrapydError

    clock = Clock(parse_now(now_text))
    db = database_path(db)
    try:
        # The shipped calendar.csv is a file a user may edit: a bad one is their error, not ours.
        calendar = load_calendar()
    except BadCalendar as exc:
        fail(str(exc))
    scheduler = Scheduler(registry, db, connect_scrapyd(scrapyd_url), COMMAND_DEFAULTS, calendar=calendar)
    try:
        sites = scheduler.sites()
    except RegistryError as exc:
        fail(str(exc))
    check_database(db)
    if once:
        hush_recorded_fetch_errors()
        try:
            result = run_round(scheduler, sites, clock.now())
        except ScrapydError as exc:
            fail(str(exc))
        failed = print_site_runs(db, result.runs) if not scheduler.scrapyd else []
        if not scheduler.scrapyd:
            print_monitor_results(db, [run_id for _, run_id in result.runs])
        if next_due_line(result):
            click.echo(next_due_line(result))
        if failed:
            fail(f"{len(failed)} of {len(result.runs)} sites failed, nothing crawled: {', '.join(failed)}", 1)
        return
    keep_scheduling(scheduler, sites, clock)


def keep_scheduling(scheduler: Scheduler, sites: list[Site], clock: Clock) -> None:
    """The long-running mode: a round at each wake, saying something only when it starts crawls or
    the next due site changes. A registry made unreadable meanwhile, or a Scrapyd down for a while,
    is a warning: the schedule goes on with the sites read before, and tries the server again."""
    from crawler.registry import RegistryError
    from crawler.schedule.loop import keep_running
    from crawler.schedule.scrapyd import ScrapydError

    last_good, last_said = sites, ""

    def one_round(now: datetime) -> datetime | None:
        nonlocal last_good, last_said
        try:
            last_good = scheduler.sites()
        except RegistryError as exc:
            warn(f"{exc}; keeping the sites read before")
        try:
            result = run_round(scheduler, last_good, now, in_child=True, quiet=True)
        except ScrapydError as exc:
            warn(f"{exc}; trying again later")
            return None
        if scheduler.scrapyd is None:
            print_site_runs(scheduler.db_path, result.runs)
            print_monitor_results(scheduler.db_path, [run_id for _, run_id in result.runs])
        if result.runs:
            return now  # look again at once: the next round says when these sites are due next
        if next_due_line(result) != last_said:
            last_said = next_due_line(result)
            click.echo(last_said)
        return result.plan.next[1] if result.plan.next else None

    keep_running(clock, one_round, command_settings().getfloat("NIANBAO_SCHEDULE_WAKE_SECONDS"))


def parse_now(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        fail(f"--now {text!r}: expected an ISO 8601 time, such as 2027-02-10T08:00 or 2027-02-10")


def connect_scrapyd(url: str | None) -> Any:
    """The Scrapyd to send jobs to, checked (it answers, the project is deployed), or None."""
    if url is None:
        return None
    from crawler.schedule.scrapyd import Scrapyd, ScrapydError

    try:
        scrapyd = Scrapyd(url)
        scrapyd.check()
    except ScrapydError as exc:
        fail(str(exc))
    return scrapyd


def run_round(
    scheduler: Scheduler, sites: list[Site], now: datetime, in_child: bool = False, quiet: bool = False
) -> Round:
    """Claim and start what is due; says how many sites were due (unless `quiet` and none was).
    ScrapydError when a job cannot be sent (the sites not sent stay due)."""
    from crawler.schedule.rounds import in_child_process
    from crawler.store import StorageError

    try:
        result = scheduler.run(sites, now, in_child_process(crawl_in_child) if in_child else None)
    except StorageError as exc:
        fail(str(exc))
    plan = result.plan
    if plan.due or not quiet:
        waiting = f", {len(plan.in_flight)} still crawling" if plan.in_flight else ""
        click.echo(f"{now.isoformat(timespec='seconds')}: {len(plan.due)} of {len(sites)} sites due{waiting}")
    if scheduler.scrapyd:
        for site, run_id in result.runs:
            click.echo(f"{site.label}: sent to Scrapyd as job {run_id}")
    return result


def next_due_line(result: Round) -> str:
    if not result.plan.next:
        return "nothing waiting: every site is being crawled" if result.plan.in_flight else ""
    site, when = result.plan.next
    return f"next due: {site.label} at {when.isoformat(timespec='seconds')}"


def crawl_in_child(
    sites: list[Site], db: str, run_ids: dict[str, str], defaults: dict[str, Any], overrides: dict[str, Any]
) -> None:
    """A round's crawl in a process of its own (spawned: it sets up its own logging filters)."""
    from crawler.run import crawl_sites

    hush_recorded_fetch_errors()
    crawl_sites(sites, db, defaults=defaults, run_ids=run_ids, **overrides)
    sys.stdout.flush()
