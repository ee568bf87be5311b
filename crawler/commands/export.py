"""`nianbao export`: reports, figures (long and wide), the data dictionary and each figure's
provenance, as CSV, Parquet or Excel files."""

from __future__ import annotations

from pathlib import Path

import click

from crawler.commands.common import database_path, db_option, fail, open_store


@click.command()
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "file_format",
    type=click.Choice(["csv", "parquet", "xlsx"]),
    default="csv",
    show_default=True,
    help="csv and parquet write a folder OUT with a file per table; xlsx writes the workbook OUT.",
)
@db_option("SQLite database to export.")
def export(out: Path, file_format: str, db: str | None) -> None:
    """Export reports, statistics (long and wide), the data dictionary and provenance per figure."""
    from crawler.export.datasets import all_datasets
    from crawler.export.writers import WRITERS, ExportError

    db = database_path(db)
    if not Path(db).is_file():
        fail(f"no database at {db}")
    store = open_store(db)
    try:
        datasets = all_datasets(store.db)
    finally:
        store.close()
    try:
        written = WRITERS[file_format](datasets, out)
    except ExportError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror or exc}")
    for data in datasets:
        shape = f"{len(data.rows)} rows" + (
            f" x {len(data.columns) - 2} keys" if data.name == "statistics_wide" else ""
        )
        click.echo(f"{data.name}: {shape}")
    click.echo("written: " + ", ".join(str(path) for path in written))
