"""The benchmark's generated TRS column (crawler/demo/bench_portal.py) as a fixture portal's pages."""

from __future__ import annotations

from crawler.demo.bench_portal import portal_files


def small_reports_portal(reports: int) -> dict[str, bytes]:
    """A column of `reports` small generated report pages (and a decoy for every five), by path."""
    files, _ = portal_files(reports, real_every=None)
    return {"/" + path: body for path, body in files.items()}
