"""`nianbao extract PAGE --url URL`: the whole extraction of one saved page, as one JSON object.

The JSON is printed whatever the page holds; when the Report has errors (a stage that failed,
undecodable bytes, an empty or corrupt document) the command also exits 1 with the first error
on stderr, so a script can tell a clean reading from a partial one.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.commands.common import fail


@click.command()
# Checked here, not by click: its checks answer a folder or an unreadable file with a usage message.
@click.argument("page", type=click.Path(readable=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--content-type", default=None, help="The Content-Type header it was served with.")
def extract(page: Path, url: str, content_type: str | None) -> None:
    """Run the whole extraction on one saved page and print one JSON object."""
    from extract import process

    if page.is_dir():
        fail(f"cannot read {page}: it is a folder, not a page file")
    try:
        body = page.read_bytes()
    except OSError as exc:
        fail(f"cannot read {page}: {exc.strerror or exc}")
    headers = {"Content-Type": content_type} if content_type else None
    report = process(body, url, headers)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    if report.errors:
        more = f" (and {len(report.errors) - 1} more)" if len(report.errors) > 1 else ""
        fail(f"{page}: {report.errors[0]}{more}", status=1)
