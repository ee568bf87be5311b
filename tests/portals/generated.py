"""The benchmark's generated TRS column (crawler/demo/bench_portal.py) as a fixture portal's pages."""

from __future__ import annotations

import tempfile
from pathlib import Path

from crawler.demo.bench_portal import write_portal


def small_reports_portal(reports: int) -> dict[str, bytes]:
    """A column of `reports` small generated report pages (and a decoy for every five), by path."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_portal(root, reports, real_every=None)
        return {"/" + path.relative_to(root).as_posix(): path.read_bytes() for path in root.rglob("*.*")}
