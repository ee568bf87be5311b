"""`nianbao extract PAGE --url URL`: the whole extraction of one saved page, as one JSON object."""

from __future__ import annotations

import json
from pathlib import Path

import click

from crawler.commands.common import fail


@click.command()
@click.argument("page", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--content-type", default=None, help="The Content-Type header it was served with.")
def extract(page: Path, url: str, content_type: str | None) -> None:
    """Run the whole extraction on one saved page and print one JSON object."""
    from extract import process

    try:
        body = page.read_bytes()
    except OSError as exc:
        fail(f"cannot read {page}: {exc.strerror or exc}")
    headers = {"Content-Type": content_type} if content_type else None
    report = process(body, url, headers)
    click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
