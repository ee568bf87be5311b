"""What several `nianbao` commands share: one-line user errors, the settings they run with,
the database option, the store, and the summary printed after a crawl."""

from __future__ import annotations

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


def fail(message: str) -> NoReturn:
    """A user error: one line on stderr, exit status 2."""
    click.echo(f"nianbao: error: {message}", err=True)
    sys.exit(2)


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
    return crawl_shared(redis_url, sites, db, defaults=COMMAND_DEFAULTS, **overrides)


def print_summary(db: str, run_id: str | None) -> None:
    store = open_store(db)
    summary = store.summary(run_id)
    store.close()
    click.echo(
        f"pages fetched: {summary['pages_fetched']}  reports stored: {summary['reports']}  "
        f"tampered: {summary['tampered']}  statistics rows: {summary['stats']}  "
        f"pages with errors: {summary['errors']}"
    )
    click.echo(f"database: {db}")
    click.echo(f"browse it: nianbao serve --db {db}")
