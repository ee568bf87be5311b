"""`nianbao serve`: browse the database in Datasette, with the metadata shipped in the package."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from crawler.commands.common import db_option, existing_database, fail, warn


def is_loopback(host: str) -> bool:
    import ipaddress

    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may well resolve to an outside address


@click.command()
@db_option("SQLite database to browse.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option(
    "--metadata",
    default=None,
    show_default="the metadata shipped with nianbao",
    help="Datasette metadata file (titles, canned queries, dashboard).",
)
@click.option(
    "--immutable", is_flag=True, help="Serve a read-only snapshot of the database, opened immutably."
)
def serve(db: str | None, port: int, host: str, metadata: str | None, immutable: bool) -> None:
    """Browse the database in Datasette, with the metadata, views, search and charts."""
    import sqlite3
    import tempfile

    from crawler.serve.datasette import (
        METADATA,
        datasette_command,
        refresh_views,
        run_datasette,
    )

    db = existing_database(db, "serve")
    metadata_file = Path(metadata) if metadata else METADATA
    if not metadata_file.is_file():
        fail(f"no metadata file at {metadata_file}")
    problem = refresh_views(Path(db))
    if problem:
        click.echo(f"nianbao: warning: views not refreshed: {problem}", err=True)
    with tempfile.TemporaryDirectory(prefix="nianbao-serve-") as folder:
        try:
            command = datasette_command(Path(db), host, port, metadata_file, immutable, Path(folder))
        except (OSError, sqlite3.Error) as exc:
            fail(f"cannot serve {db}: {exc}")
        if not is_loopback(host):
            warn(
                f"--host {host} is not a loopback address: anyone who can reach port {port} "
                f"can run read-only SQL on {db}"
            )
        click.echo(f"Datasette on http://{host}:{port}/ (Ctrl-C to stop)")
        code = run_datasette(command)
    sys.exit(0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code)
