"""A re-crawl cut short by the depth limit never reached the report pages: it must not call the
reports it did not reach gone (only a crawl that walked its whole site may)."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals.generated import small_reports_portal
from .portals.server import Portal, serve_portal


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("depth") / "reports.db"
    with serve_portal(Portal(small_reports_portal(20))) as base:
        first = run_crawl(base + "/index.html", db)
        # index.html (0) -> the column (1) -> report pages (2): a limit of 1 stops at the column.
        second = run_crawl(base + "/index.html", db, NIANBAO_DEPTH_LIMIT="1")
    conn = open_db(db)
    yield {"codes": (first.returncode, second.returncode), "db": conn}
    conn.close()


def test_both_crawls_end_cleanly(recrawled):
    assert recrawled["codes"] == (0, 0)


def test_reports_beyond_the_depth_limit_are_not_gone(recrawled):
    counts = recrawled["db"].execute("select count(*), count(gone_at) from reports").fetchone()
    assert tuple(counts) == (20, 0)
