"""The registry's sites as a table, so coverage knows which bodies are expected to publish."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from crawler.registry import GOVERNMENT_LEVELS, Site
from crawler.store.database import utcnow
from extract.divisions import DEPARTMENT, body_level, find_division

# A registry's `level` in the words reports.level uses (the registry's prefecture is a city).
STORED_LEVELS = {**GOVERNMENT_LEVELS, "department": DEPARTMENT}


def site_level(site: Site) -> str | None:
    """The level of the site's body: the registry row's own `level` when it gives one (a
    registry names its bodies as people call them, 天津市 or 新疆生产建设兵团, not always as
    their reports sign), else read from the body's name; None for a row that names no body."""
    if site.level in STORED_LEVELS:
        return STORED_LEVELS[site.level]
    if not site.agency:
        return None
    return body_level(site.agency, site.region, find_division(site.region))


def save_registry_sites(db: sqlite_utils.Database, sites: Iterable[Site]) -> None:
    """Upsert each site under its host, with its body's level (site_level)."""
    now = utcnow()
    db["registry_sites"].upsert_all(
        (
            {
                "host": site.netloc,
                "name": site.name,
                "url": site.url,
                "agency": site.agency or None,
                "region": site.region or None,
                "level": site_level(site),
                "listed_at": now,
            }
            for site in sites
        ),
        pk="host",
    )
