"""What several `nianbao` commands share: one-line user errors, the settings they run with,
the database option, the store, the summary printed after a crawl and its exit status.

Exit status, for every command: 0 the job was done; 1 it failed (a crawl that crawled nothing,
a page whose extraction recorded errors); 2 bad input or options. Either failure is one line on
stderr, `nianbao: error: …`.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

import click

if TYPE_CHECKING:
    from scrapy.settings import Settings

    from crawler.registry import Site
    from crawler.store import Store

# The `nianbao` command's own defaults for its crawls, above crawler/settings.py and below the
# NIANBAO_* environment: it prints its own summary, so Scrapy's INFO lines (which `scrapy crawl`
# and Scrapyd keep) would only bury it.
COMMAND_DEFAULTS: dict[str, Any] = {"LOG_LEVEL": "WARNING"}


# Scrapy's loggers that report a failed download (with a traceback, for robots.txt). The command
# records each failure in `pages.error` and says what it means for the crawl, so at its own log
# level these would only repeat it, 70 lines long.
FETCH_ERROR_LOGGERS = ("scrapy.downloadermiddlewares.retry", "scrapy.downloadermiddlewares.robotstxt")


def fail(message: str, status: int = 2) -> NoReturn:
    """A user error (status 2) or a failed job (status 1): one line on stderr."""
    click.echo(f"nianbao: error: {message}", err=True)
    sys.exit(status)


def warn(message: str) -> None:
    click.echo(f"nianbao: warning: {message}", err=True)


class _Recorded(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.CRITICAL


def hush_recorded_fetch_errors() -> None:
    """Unless NIANBAO_LOG_LEVEL asks for the log, drop Scrapy's download-failure records.

    A filter on the loggers themselves: Scrapy's logging setup resets their levels, not their filters."""
    from crawler.addons.environment import COMMAND_DEFAULTS_PRIORITY

    if command_settings().getpriority("LOG_LEVEL") > COMMAND_DEFAULTS_PRIORITY:
        return
    for name in FETCH_ERROR_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, _Recorded) for f in logger.filters):
            logger.addFilter(_Recorded())


def command_settings(**overrides: Any) -> Settings:
    """The settings a command runs with (crawler/run.py's project_settings); a bad NIANBAO_*
    variable is a user error."""
    from crawler.addons.environment import BadEnvironment
    from crawler.run import project_settings

    try:
        return project_settings(COMMAND_DEFAULTS, **overrides)
    except BadEnvironment as exc:
        fail(str(exc))


def db_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """`--db PATH`: its default is the NIANBAO_DB setting, so it is written in one place."""
    from crawler import settings

    return click.option(
        "--db",
        default=None,
        show_default=f"NIANBAO_DB, else {settings.NIANBAO_DB}",
        help=help_text,
    )


def database_path(db: str | None) -> str:
    return db or command_settings().get("NIANBAO_DB")


def existing_database(db: str | None, doing: str) -> str:
    """The database path (NIANBAO_DB by default) of a command that reads one: a missing file or one
    that is not SQLite is a user error, `doing` saying what could not be done."""
    from pathlib import Path

    from crawler.serve.datasette import not_sqlite

    db = database_path(db)
    if not Path(db).is_file():
        fail(f"no database at {db}: run `nianbao demo` or `nianbao crawl URL` first")
    problem = not_sqlite(Path(db))
    if problem:
        fail(f"cannot {doing} {db}: {problem}")
    return db


def open_store(db: str) -> Store:
    from crawler.store import StorageError, Store

    try:
        return Store(db)
    except StorageError as exc:
        fail(str(exc))


def check_database(db: str) -> None:
    """A locked or unwritable database fails here, before any request."""
    open_store(db).close()


def check_start_url(url: str | None) -> str:
    from crawler.spiders.start_url import BadStartUrl
    from crawler.spiders.start_url import check_start_url as checked

    try:
        return checked(url)
    except BadStartUrl as exc:
        fail(str(exc))


def run_worker(redis_url: str, sites: list[Site], db: str, overrides: dict[str, Any]) -> str:
    """Check Redis, then work on its frontier (crawler/distribute/); returns the run id."""
    from crawler.distribute.frontier import FrontierError, connect
    from crawler.distribute.run import crawl_shared

    try:
        connect(redis_url)
    except FrontierError as exc:
        fail(str(exc))
    hush_recorded_fetch_errors()
    return crawl_shared(redis_url, sites, db, defaults=COMMAND_DEFAULTS, **overrides)


def run_failure(db: str, run_id: str, start_url: str | None = None, shared: bool = False) -> str | None:
    """Why the run crawled nothing, or None (crawler/store/outcome.py). On a shared frontier
    (`shared`) a worker that found no work left has failed at nothing."""
    from crawler.store.outcome import run_failure as failure

    store = open_store(db)
    try:
        if shared and not store.db.execute("select 1 from pages where run_id = ?", [run_id]).fetchone():
            return None
        return failure(store.db, run_id, start_url)
    finally:
        store.close()


def finish_crawl(db: str, run_id: str, start_url: str | None, shared: bool = False) -> None:
    """The summary, then exit status 1 with one line when the crawl crawled nothing."""
    print_summary(db, run_id)
    problem = run_failure(db, run_id, start_url, shared)
    if problem:
        fail(f"crawl failed, nothing crawled: {problem}", status=1)


# How a run ends when Ctrl-C stops it: Scrapy's reason, or ours for a site stopped while starting.
STOPPED_RUNS = ("shutdown", "interrupted")


def print_site_runs(db: str, runs: list[tuple[Site, str]]) -> list[str]:
    """One line per site crawled, with its counts and how its run ended; returns the labels of
    the sites that crawled nothing. The store is opened once for all of them (a registry may
    list thousands)."""
    from crawler.store.outcome import run_failure as failure

    failed = []
    store = open_store(db)
    try:
        for site, run_id in runs:
            row = store.db["crawl_runs"].get(run_id)
            # A site that Ctrl-C stopped before it fetched anything did not fail.
            stopped = row["status"] in STOPPED_RUNS
            problem = None if stopped else failure(store.db, run_id, site.start_url)
            click.echo(
                f"{site.label}: pages fetched: {row['pages_fetched']}  reports: {row['reports_stored']}  "
                f"({'failed: ' + problem if problem else row['status']})"
            )
            if problem:
                failed.append(site.label)
    finally:
        store.close()
    return failed


def print_monitor_results(db: str, run_ids: list[str]) -> None:
    """What the monitors said about these runs (crawler/monitors/): a count, then one line per alert."""
    from crawler.monitors.results import run_alerts

    store = open_store(db)
    try:
        passed, alerts = run_alerts(store, run_ids)
    finally:
        store.close()
    if passed or alerts:
        click.echo(f"monitors: {passed} checks passed, {len(alerts)} failed")
    for site, monitor, detail in alerts:
        click.echo(f"alert: {site}: {monitor}: {detail}")


def print_summary(db: str, run_id: str | None, run_ids: list[str] | None = None) -> None:
    """The database's figures (the pages of `run_id`'s run, or of every run), then what the monitors
    said about `run_id` or `run_ids`: one line per alert."""
    store = open_store(db)
    summary = store.summary(run_id)
    store.close()
    click.echo(
        f"pages fetched: {summary['pages_fetched']}  reports stored: {summary['reports']}  "
        f"tampered: {summary['tampered']}  statistics rows: {summary['stats']}  "
        f"pages with errors: {summary['errors']}"
    )
    print_monitor_results(db, run_ids if run_ids is not None else [run_id] if run_id else [])
    click.echo(f"database: {db}")
    click.echo(f"browse it: nianbao serve --db {db}")
