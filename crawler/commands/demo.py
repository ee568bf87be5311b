"""`nianbao demo`: serve the bundled sample portal on 127.0.0.1 and crawl it into the database."""

from __future__ import annotations

import os

import click

from crawler.commands.common import (
    COMMAND_DEFAULTS,
    check_database,
    database_path,
    db_option,
    finish_crawl,
    hush_recorded_fetch_errors,
)


@click.command()
@db_option("SQLite database to write.")
def demo(db: str | None) -> None:
    """Serve the bundled sample portal on 127.0.0.1 and crawl it into the database."""
    from crawler.demo.server import SAMPLE_PORTAL_URL, sample_portal_root, serve_folder
    from crawler.run import crawl

    db = database_path(db)
    check_database(db)
    with serve_folder(sample_portal_root()) as server_url:
        click.echo(f"sample portal: {SAMPLE_PORTAL_URL} served by {server_url}")
        # Every request of this process goes to the loopback server, which answers for the
        # portal's stable name; nothing leaves the machine.
        os.environ["http_proxy"] = server_url
        os.environ.pop("no_proxy", None)
        os.environ.pop("NO_PROXY", None)
        # Our own server on loopback: no need to be polite to it.
        hush_recorded_fetch_errors()
        run_id = crawl(
            SAMPLE_PORTAL_URL, db, defaults=COMMAND_DEFAULTS, DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False
        )
    finish_crawl(db, run_id, SAMPLE_PORTAL_URL)
