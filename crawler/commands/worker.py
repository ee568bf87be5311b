"""`nianbao worker --redis URL`: take work from the shared frontier of a distributed crawl."""

from __future__ import annotations

import click

from crawler.commands.common import check_database, database_path, db_option, finish_crawl, run_worker


@click.command()
@click.option("--redis", "redis_url", required=True, help="Redis holding the frontier (redis://host:port).")
@db_option("SQLite database to write.")
def worker(redis_url: str, db: str | None) -> None:
    """Fetch and store pages from a distributed crawl's shared frontier until it stays empty."""
    db = database_path(db)
    check_database(db)
    finish_crawl(db, run_worker(redis_url, [], db, {}), None, shared=True)
