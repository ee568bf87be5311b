"""`nianbao coverage`: each expected body's reports, year by year: found, late or missing."""

from __future__ import annotations

import click

from crawler.commands.common import db_option, existing_database, fail, open_store

STATUSES = ("found", "late", "missing")


@click.command()
@db_option("SQLite database to read.")
@click.option(
    "--registry", default=None, help="CSV file of sites: their bodies are expected too (recorded in the db)."
)
def coverage(db: str | None, registry: str | None) -> None:
    """Print, per reporting body, the years whose report is found, late or missing (report_coverage)."""
    db = existing_database(db, "read")
    sites = _registry_sites(registry) if registry else []
    store = open_store(db)
    try:
        if sites:
            from crawler.store.registry_sites import save_registry_sites

            save_registry_sites(store.db, sites)
        rows = store.db.execute(
            "select agency, level, site, year, status from report_coverage order by agency, year"
        ).fetchall()
    finally:
        store.close()
    bodies: dict[str, dict[str, list[int]]] = {}
    described: dict[str, str] = {}
    for agency, level, site, year, status in rows:
        bodies.setdefault(agency, {name: [] for name in STATUSES})[status].append(year)
        described[agency] = ", ".join(part for part in (level, site) if part)
    for agency, years in bodies.items():
        listed = "; ".join(f"{name} {_years(years[name])}" for name in STATUSES if years[name])
        click.echo(f"{agency} ({described[agency]}): {listed}")
    totals = {name: sum(len(years[name]) for years in bodies.values()) for name in STATUSES}
    click.echo(
        f"bodies: {len(bodies)}  years expected: {len(rows)}  "
        + "  ".join(f"{name}: {count}" for name, count in totals.items())
    )


def _registry_sites(path: str) -> list:
    from crawler.registry import RegistryError, read_registry

    try:
        return read_registry(path)
    except RegistryError as exc:
        fail(str(exc))


def _years(years: list[int]) -> str:
    """2017 2019 2020–2023: runs of three years or more as a range."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return " ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else " ".join(map(str, run)) for run in runs)
