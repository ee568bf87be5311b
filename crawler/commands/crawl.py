"""`nianbao crawl`: one site from a URL, every site of a registry, or either on a Redis frontier."""

from __future__ import annotations

from typing import Any

import click

from crawler.commands.common import (
    COMMAND_DEFAULTS,
    check_database,
    check_start_url,
    command_settings,
    database_path,
    db_option,
    fail,
    finish_crawl,
    hush_recorded_fetch_errors,
    print_site_runs,
    print_summary,
    run_worker,
)


@click.command()
@click.argument("url", required=False)
@db_option("SQLite database to write.")
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=None,
    help="Stop following links after this many pages (a whole number, 1 or more).",
)
@click.option("--jobdir", default=None, help="Queue folder: Ctrl-C pauses, the same command resumes.")
@click.option("--browser", is_flag=True, help="Render pages whose links only JavaScript builds, in chromium.")
@click.option("--registry", default=None, help="CSV file of sites: crawl every enabled one (instead of URL).")
@click.option(
    "--redis", "redis_url", default=None, help="Share the frontier in this Redis (redis://host:port)."
)
def crawl(
    url: str | None,
    db: str | None,
    max_pages: int | None,
    jobdir: str | None,
    browser: bool,
    registry: str | None,
    redis_url: str | None,
) -> None:
    """Crawl one site from its home page or a report column URL, staying on its host; or a registry."""
    db = database_path(db)
    overrides: dict[str, Any] = {}
    if max_pages is not None:
        overrides["NIANBAO_MAX_PAGES"] = max_pages
    if jobdir:
        overrides["JOBDIR"] = jobdir
    overrides.update(browser_settings(browser))
    if registry or redis_url or not url:
        crawl_many(url, registry, redis_url, db, overrides)
        return
    from crawler.run import crawl as crawl_site

    url = check_start_url(url)
    check_database(db)
    hush_recorded_fetch_errors()
    run_id = crawl_site(url, db, defaults=COMMAND_DEFAULTS, **overrides)
    finish_crawl(db, run_id, url)


def browser_settings(browser: bool) -> dict[str, object]:
    """The browser on (--browser or NIANBAO_BROWSER), once it is known to be able to run."""
    from crawler.addons.browser import browser_problem

    settings = command_settings()
    if not (browser or settings.getbool("NIANBAO_BROWSER")):
        return {}
    problem = browser_problem(settings.get("NIANBAO_CHROMIUM"))
    if problem:
        fail(f"--browser: {problem}")
    return {"NIANBAO_BROWSER": True}


def crawl_many(
    url: str | None, registry: str | None, redis_url: str | None, db: str, overrides: dict[str, Any]
) -> None:
    """`--registry FILE`, or a URL or registry on a shared `--redis` frontier."""
    from crawler.registry import RegistryError, Site, enabled_sites

    if url and registry:
        fail("give a URL or --registry FILE, not both")
    if not (url or registry):
        fail("nothing to crawl: give a URL or --registry FILE")
    if registry:
        try:
            sites = enabled_sites(registry)
        except RegistryError as exc:
            fail(str(exc))
    else:
        sites = [Site(url=check_start_url(url))]
    check_database(db)
    if redis_url:
        if overrides.get("JOBDIR"):
            fail("--jobdir and --redis do not go together: the Redis frontier already survives a stop")
        finish_crawl(db, run_worker(redis_url, sites, db, overrides), None, shared=True)
        return
    if overrides.get("JOBDIR"):
        fail("--jobdir resumes one site's crawl; give a URL, not --registry")
    from crawler.run import crawl_sites

    hush_recorded_fetch_errors()
    stats: dict[str, Any] = {}
    runs = crawl_sites(sites, db, stats, defaults=COMMAND_DEFAULTS, **overrides)
    failed = print_site_runs(db, runs)
    print_summary(db, None, [run_id for _, run_id in runs])
    click.echo(
        f"store: {stats['nianbao/store/commits']} commits, "
        f"{stats['nianbao/store/lock_wait_seconds']:.2f} s waiting for SQLite's write lock"
    )
    # The sites that answered are stored all the same; the status says that some did not.
    if failed:
        fail(f"{len(failed)} of {len(runs)} sites failed, nothing crawled: {', '.join(failed)}", status=1)
