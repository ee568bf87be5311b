"""`nianbao crawl --registry FILE` and `nianbao crawl ... --redis URL`: many sites, or many workers."""

from __future__ import annotations

from typing import Any

import click


def crawl_many(
    url: str | None, registry: str | None, redis_url: str | None, db: str, overrides: dict[str, Any]
) -> None:
    from crawler.cli import _fail, _open_store, _print_summary
    from crawler.registry import RegistryError, Site, enabled_sites
    from crawler.spiders.portal import BadStartUrl, check_start_url

    if url and registry:
        _fail("give a URL or --registry FILE, not both")
    if not (url or registry):
        _fail("nothing to crawl: give a URL or --registry FILE")
    try:
        sites = enabled_sites(registry) if registry else [Site(url=check_start_url(url))]
    except (RegistryError, BadStartUrl) as exc:
        _fail(str(exc))
    _open_store(db).close()  # a locked or unwritable database fails here, before any request
    if redis_url:
        if overrides.get("JOBDIR"):
            _fail("--jobdir and --redis do not go together: the Redis frontier already survives a stop")
        run_id = run_worker(redis_url, sites, db, overrides)
        _print_summary(db, run_id)
        return
    from crawler.run import crawl_sites

    runs = crawl_sites(sites, db, **_without_jobdir(overrides))
    store = _open_store(db)
    for site, run_id in runs:
        row = store.db["crawl_runs"].get(run_id)
        click.echo(
            f"{site.label}: pages fetched: {row['pages_fetched']}  reports: {row['reports_stored']}  "
            f"({row['status']})"
        )
    store.close()
    _print_summary(db, None)


def run_worker(redis_url: str, sites: list[Any], db: str, overrides: dict[str, Any]) -> str:
    """Check Redis, then work on its frontier; a user error ends in one line."""
    from crawler.cli import _fail
    from crawler.frontier import FrontierError, connect
    from crawler.run_shared import crawl_shared

    try:
        connect(redis_url)
    except FrontierError as exc:
        _fail(str(exc))
    return crawl_shared(redis_url, sites, db, **overrides)


def _without_jobdir(overrides: dict[str, Any]) -> dict[str, Any]:
    if overrides.get("JOBDIR"):
        from crawler.cli import _fail

        _fail("--jobdir resumes one site's crawl; give a URL, not --registry")
    return overrides
