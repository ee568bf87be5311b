"""`nianbao worker --redis URL`: take work from the shared frontier of a distributed crawl."""

from __future__ import annotations

import os

import click


@click.command()
@click.option("--redis", "redis_url", required=True, help="Redis holding the frontier (redis://host:port).")
@click.option("--db", default="output/reports.db", show_default=True, help="SQLite database to write.")
def worker(redis_url: str, db: str) -> None:
    """Fetch and store pages from a distributed crawl's shared frontier until it stays empty."""
    from crawler.cli import _open_store, _print_summary
    from crawler.commands.crawl_many import run_worker

    _open_store(db).close()
    run_id = run_worker(redis_url, [], db, {"LOG_LEVEL": os.environ.get("NIANBAO_LOG_LEVEL", "WARNING")})
    _print_summary(db, run_id)
