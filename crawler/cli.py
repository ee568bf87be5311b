"""The `nianbao` command."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

DEFAULT_DB = "output/reports.db"
DEFAULT_METADATA = "output/metadata.yml"


def _fail(message: str) -> None:
    click.echo(f"nianbao: error: {message}", err=True)
    sys.exit(2)


def _open_store(db: str):  # noqa: ANN202 - Store is imported lazily to keep --help fast
    from crawler.storage import StorageError, Store

    try:
        return Store(db)
    except StorageError as exc:
        _fail(str(exc))


def _run_crawl(url: str, db: str, **overrides: object) -> str:
    from crawler.run import crawl
    from crawler.spiders.portal import BadStartUrl, check_start_url

    try:
        check_start_url(url)
    except BadStartUrl as exc:
        _fail(str(exc))
    _open_store(db).close()  # a locked or unwritable database fails here, before any request
    return crawl(url, db, **overrides)


def _browser_settings(browser: bool) -> dict[str, object]:
    """The browser on (--browser or NIANBAO_BROWSER), once it is known to be able to run."""
    from crawler.browser import browser_problem
    from crawler.run import project_settings

    settings = project_settings()
    if not (browser or settings.getbool("NIANBAO_BROWSER")):
        return {}
    problem = browser_problem(settings.get("NIANBAO_CHROMIUM"))
    if problem:
        _fail(f"--browser: {problem}")
    return {"NIANBAO_BROWSER": True}


def _print_summary(db: str, run_id: str) -> None:
    store = _open_store(db)
    summary = store.summary(run_id)
    store.close()
    click.echo(
        f"pages fetched: {summary['pages_fetched']}  reports stored: {summary['reports']}  "
        f"tampered: {summary['tampered']}  statistics rows: {summary['stats']}  "
        f"pages with errors: {summary['errors']}"
    )
    click.echo(f"database: {db}")
    click.echo(f"browse it: nianbao serve --db {db}")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """nianbao: crawl government information-disclosure annual reports into SQLite."""


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database to write.")
def demo(db: str) -> None:
    """Serve the bundled sample portal on 127.0.0.1 and crawl it into the database."""
    from crawler.portal_server import SAMPLE_PORTAL_URL, sample_portal_root, serve_folder

    with serve_folder(sample_portal_root()) as server_url:
        click.echo(f"sample portal: {SAMPLE_PORTAL_URL} served by {server_url}")
        # Every request of this process goes to the loopback server, which answers for the
        # portal's stable name; nothing leaves the machine.
        os.environ["http_proxy"] = server_url
        os.environ.pop("no_proxy", None)
        os.environ.pop("NO_PROXY", None)
        # Our own server on loopback: no need to be polite to it.
        run_id = _run_crawl(
            SAMPLE_PORTAL_URL, db, DOWNLOAD_DELAY=0, AUTOTHROTTLE_ENABLED=False, LOG_LEVEL="WARNING"
        )
    _print_summary(db, run_id)


@main.command()
@click.argument("url", required=False)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database to write.")
@click.option("--max-pages", type=int, default=None, help="Stop following links after this many pages.")
@click.option("--jobdir", default=None, help="Queue folder: Ctrl-C pauses, the same command resumes.")
@click.option("--browser", is_flag=True, help="Render pages whose links only JavaScript builds, in chromium.")
@click.option("--registry", default=None, help="CSV file of sites: crawl every enabled one (instead of URL).")
@click.option("--redis", "redis_url", default=None, help="Share the frontier in this Redis (redis://host:port).")
def crawl(
    url: str | None,
    db: str,
    max_pages: int | None,
    jobdir: str | None,
    browser: bool,
    registry: str | None = None,
    redis_url: str | None = None,
) -> None:
    """Crawl one site from its home page or a report column URL, staying on its host; or a registry."""
    overrides: dict[str, object] = {"LOG_LEVEL": os.environ.get("NIANBAO_LOG_LEVEL", "WARNING")}
    if max_pages:
        overrides["NIANBAO_MAX_PAGES"] = max_pages
    if jobdir:
        overrides["JOBDIR"] = jobdir
    overrides.update(_browser_settings(browser))
    if registry or redis_url or not url:
        from crawler.commands.crawl_many import crawl_many

        crawl_many(url, registry, redis_url, db, overrides)
        return
    run_id = _run_crawl(url, db, **overrides)
    _print_summary(db, run_id)


@main.command()
@click.argument("page", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--content-type", default=None, help="The Content-Type header it was served with.")
def extract(page: Path, url: str, content_type: str | None) -> None:
    """Run the whole extraction on one saved page and print one JSON object."""
    from extract import process

    try:
        body = page.read_bytes()
    except OSError as exc:
        _fail(f"cannot read {page}: {exc.strerror or exc}")
    headers = {"Content-Type": content_type} if content_type else None
    report = process(body, url, headers)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite database to browse.")
@click.option("--port", default=8001, show_default=True, type=int, help="Port on 127.0.0.1.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind.")
@click.option("--metadata", default=DEFAULT_METADATA, show_default=True, help="Datasette metadata file.")
@click.option(
    "--immutable", is_flag=True, help="Serve a read-only snapshot of the database, opened immutably."
)
def serve(db: str, port: int, host: str, metadata: str, immutable: bool) -> None:
    """Browse the database in Datasette, with the metadata, views, search and charts."""
    import signal
    import sqlite3
    import tempfile

    from crawler.serving import datasette_command, refresh_views, run_datasette

    if not Path(db).is_file():
        _fail(f"no database at {db}: run `nianbao demo` or `nianbao crawl URL` first")
    problem = refresh_views(Path(db))
    if problem:
        click.echo(f"nianbao: warning: views not refreshed: {problem}", err=True)
    with tempfile.TemporaryDirectory(prefix="nianbao-serve-") as folder:
        try:
            metadata_file = Path(metadata) if Path(metadata).is_file() else None
            command = datasette_command(Path(db), host, port, metadata_file, immutable, Path(folder))
        except (OSError, sqlite3.Error) as exc:
            _fail(f"cannot serve {db}: {exc}")
        click.echo(f"Datasette on http://{host}:{port}/ (Ctrl-C to stop)")
        code = run_datasette(command)
    sys.exit(0 if code in (0, -signal.SIGINT, -signal.SIGTERM) else code)


from crawler.commands.bench import bench  # noqa: E402 - commands register after main is defined

main.add_command(bench)
from crawler.commands.worker import worker  # noqa: E402, I001

main.add_command(worker)

if __name__ == "__main__":
    main()
