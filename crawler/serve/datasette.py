"""How `nianbao serve` starts Datasette.

The metadata file names the database `reports` (its canned queries, table descriptions
and the dashboard's charts all say `reports`), and Datasette names a database after its
file, so a database kept under another name is served through a link called
`reports.db`. The views are refreshed first, so an older database gets them too.
An immutable copy is a consistent snapshot (the SQLite backup API, which also folds in
the write-ahead log an immutable open would ignore), so a crawl can go on writing the
original while the copy is browsed or published.
"""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from crawler.store import StorageError, Store

DATABASE_NAME = "reports"
# Titles, descriptions, canned queries and the dashboard, shipped with the package so that
# `nianbao serve` shows them from any folder.
METADATA = Path(__file__).with_name("metadata.yml")

# Server settings: the 0.65 line takes them on the command line, not in metadata.yml.
DATASETTE_SETTINGS = {
    # Report texts are long: show the start of a cell in tables, the whole value on the row page.
    "truncate_cells_html": "240",
    # Full-text search and facets over a large crawl take longer than the default second.
    "sql_time_limit_ms": "5000",
    "facet_time_limit_ms": "1000",
}


def not_sqlite(db: Path) -> str | None:
    """Why `db` cannot be served (not SQLite, unreadable), or None. Read-only: nothing is written."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            conn.execute("select count(*) from sqlite_master").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return f"not a SQLite database ({exc})"
    return None


def refresh_views(db: Path) -> str | None:
    """Create the views in `db`; returns why not when the file cannot be written."""
    try:
        Store(db).close()
    except StorageError as exc:
        return str(exc)
    return None


def snapshot(db: Path, folder: Path) -> Path:
    """A consistent read-only copy of `db` as `folder/reports.db`."""
    target = folder / f"{DATABASE_NAME}.db"
    source = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=delete")
    finally:
        source.close()
        copy.close()
    target.chmod(0o444)
    return target


def served_as_reports(db: Path, folder: Path) -> Path:
    """`db` itself when it is called reports.db, else a link of that name to it."""
    if db.stem == DATABASE_NAME:
        return db
    link = folder / f"{DATABASE_NAME}.db"
    link.symlink_to(db.resolve())
    return link


def datasette_command(
    db: Path, host: str, port: int, metadata: Path | None, immutable: bool, folder: Path
) -> list[str]:
    """The Datasette command line; `folder` holds any copy or link and outlives the server."""
    if immutable:
        served = ["-i", str(snapshot(db, folder))]
    else:
        served = [str(served_as_reports(db, folder))]
    command = [sys.executable, "-m", "datasette", "serve", *served, "--host", host, "--port", str(port)]
    if metadata is not None:
        command += ["--metadata", str(metadata)]
    for name, value in DATASETTE_SETTINGS.items():
        command += ["--setting", name, value]
    return command


def run_datasette(command: list[str]) -> int:
    """Run Datasette until it exits; a SIGTERM to us stops it too, so no server is left behind.

    The handler is in place before the server starts: a SIGTERM that arrives while it is being
    started would otherwise end this process and leave the server running on its own."""
    server: subprocess.Popen[bytes] | None = None
    stopping = False

    def stop(signum: int, frame: object) -> None:
        nonlocal stopping
        stopping = True
        if server is not None:
            server.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        server = subprocess.Popen(command)
        if stopping:
            server.terminate()
        return server.wait()
    except KeyboardInterrupt:
        # Ctrl-C reached Datasette as well (same process group); let it finish.
        return server.wait() if server is not None else -signal.SIGINT
    finally:
        signal.signal(signal.SIGTERM, previous)
