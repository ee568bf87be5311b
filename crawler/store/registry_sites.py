"""The registry's sites as a table, so coverage knows which bodies are expected to publish."""

from __future__ import annotations

from collections.abc import Iterable

import sqlite_utils

from crawler.registry import Site
from crawler.store.database import utcnow
from extract.divisions import body_level, find_division


def save_registry_sites(db: sqlite_utils.Database, sites: Iterable[Site]) -> None:
    """Upsert each site under its host, with its body's level read from the body's name."""
    now = utcnow()
    db["registry_sites"].upsert_all(
        (
            {
                "host": site.netloc,
                "name": site.name,
                "url": site.url,
                "agency": site.agency or None,
                "region": site.region or None,
                "level": body_level(site.agency, site.region, find_division(site.region))
                if site.agency
                else None,
                "listed_at": now,
            }
            for site in sites
        ),
        pk="host",
    )
