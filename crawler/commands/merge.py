"""`nianbao merge OUT IN...`: join the databases of a distributed crawl's workers into one."""

from __future__ import annotations

import click

from crawler.commands.common import fail


@click.command()
@click.argument("out")
@click.argument("inputs", nargs=-1, required=True, metavar="IN...")
def merge(out: str, inputs: tuple[str, ...]) -> None:
    """Merge worker databases IN... into OUT: one row per page and report, the later one
    winning, every run and every report version kept."""
    from crawler.store import StorageError
    from crawler.store.merge import MergeError, merge_databases

    try:
        counts = merge_databases(out, list(inputs))
    except (MergeError, StorageError) as exc:
        fail(str(exc))
    click.echo(
        f"merged {len(inputs)} database(s) into {out}: pages: {counts['pages']}  "
        f"reports: {counts['reports']}  report versions: {counts['report_versions']}  "
        f"runs: {counts['crawl_runs']}"
    )
