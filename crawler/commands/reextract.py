"""`nianbao reextract`: redo, from the archived answers, the reports an older extractor made."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import click

from crawler.commands.common import database_path, db_option, fail, open_store, warn


@click.command()
@db_option("SQLite database whose reports are redone.")
@click.option(
    "--since",
    type=int,
    default=None,
    help="Redo the reports made by an extractor older than this version "
    "(default: this extractor's version, so every older report).",
)
@click.option("--site", default=None, metavar="HOST", help="Only the reports fetched from this host.")
def reextract(db: str | None, since: int | None, site: str | None) -> None:
    """Re-run the extraction over the stored WARC records, without the network."""
    from crawler.reextract import reextract as redo
    from crawler.reextract import reports_to_redo
    from extract.version import EXTRACTOR_VERSION

    if since is None:
        since = EXTRACTOR_VERSION
    elif not 1 <= since <= EXTRACTOR_VERSION:
        fail(f"--since {since}: this extractor is version {EXTRACTOR_VERSION}; give 1 to {EXTRACTOR_VERSION}")
    db = database_path(db)
    if not Path(db).is_file():
        fail(f"no database at {db}")
    store = open_store(db)
    try:
        pages = reports_to_redo(store, since, site)
        where = f" of {site}" if site else ""
        click.echo(f"reports{where} made before extractor version {since}: {len(pages)}")
        try:
            outcome = redo(store, Path(db).parent, pages)
        except sqlite3.OperationalError as exc:
            # Each report is committed as it is redone: what was done so far stays.
            fail(f"cannot write {db}: {exc}")
    finally:
        store.close()
    for url, error in outcome.errors:
        warn(f"{url}: {error}")
    click.echo(
        f"redone: {outcome.redone}  new versions: {outcome.new_versions}  "
        f"unchanged: {outcome.redone - outcome.new_versions}  unreadable records: {len(outcome.errors)}"
    )
    if outcome.reidentified:
        click.echo(f"read as another report or as none: {len(outcome.reidentified)} (their rows are kept)")
    if pages and not outcome.redone:
        fail("no report could be redone: their archived records could not be read", status=1)
