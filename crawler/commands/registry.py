"""`nianbao registry check FILE`: validate a site registry without crawling it."""

from __future__ import annotations

from collections import Counter

import click

from crawler.commands.common import fail


@click.group()
def registry() -> None:
    """Work with site registries (CSV files of portals to crawl)."""


@registry.command()
@click.argument("file")
def check(file: str) -> None:
    """List every problem of a registry: rows a crawl would refuse (bad URLs, duplicate hosts,
    bad budgets) and rows it would use but a reader should not trust (unknown division codes,
    a level that does not match the code, a URL without its source). Exit status 1 if any."""
    from crawler.registry import RegistryError, check_registry

    try:
        result = check_registry(file)
    except RegistryError as exc:
        fail(str(exc))
    for problem in result.problems:
        click.echo(problem)
    sites = result.sites
    levels = Counter(site.level or "no level" for site in sites)
    click.echo(
        f"registry {file}: {len(sites)} sites ({sum(site.enabled for site in sites)} enabled, "
        f"{sum(site.verified for site in sites)} verified; "
        + ", ".join(f"{count} {level}" for level, count in sorted(levels.items()))
        + f"), {len(result.problems)} problem{'' if len(result.problems) == 1 else 's'}"
    )
    if result.problems:
        raise SystemExit(1)
