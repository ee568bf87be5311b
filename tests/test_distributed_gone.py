"""The end-of-crawl check in a distributed crawl: two workers sharing one database crawl a portal
twice over a real Redis; between the crawls one report is taken off the site (no list links it
any more). The last worker out of the second crawl marks it gone, and no other report."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_distributed_crawl
from .helpers.redis import redis_server
from .portals import markup
from .portals.server import Portal, serve_portal

REPORTS = [(i, d) for i, d in enumerate(markup.TRS_DOCS) if d.is_report]
REMOVED = markup.trs_article_path(*REPORTS[-1])
# As in test_distributed_merge.py: slow enough for both workers to take part in each crawl.
ENV = {
    "NIANBAO_DOWNLOAD_DELAY": "0.25",
    "NIANBAO_REDIS_IDLE_SECONDS": "4",
    "NIANBAO_WORKER_REQUESTS": "1",
    "NIANBAO_WARC": "0",
}


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("gone") / "reports.db"
    portal = Portal(markup.trs_portal())
    with redis_server() as redis_url, serve_portal(portal) as base:
        runs = run_distributed_crawl(base + "/index.html", redis_url, (db, db), **ENV)
        gone_after_first = open_db(db).execute("select count(*) from reports where gone_at is not null")
        gone_after_first = gone_after_first.fetchone()[0]
        portal.pages.clear()
        portal.pages.update(markup.trs_portal(markup.TRS_DOCS[:-1]))
        runs += run_distributed_crawl(base + "/index.html", redis_url, (db, db), **ENV)
    conn = open_db(db)
    yield {"runs": runs, "db": conn, "base": base, "gone_after_first": gone_after_first}
    conn.close()


@pytest.mark.redis
def test_every_crawl_exits_cleanly(recrawled):
    assert [r.returncode for r in recrawled["runs"]] == [0, 0, 0, 0], [
        r.stderr[-1500:] for r in recrawled["runs"]
    ]


@pytest.mark.redis
def test_the_first_crawl_marks_nothing_gone(recrawled):
    assert recrawled["gone_after_first"] == 0


@pytest.mark.redis
def test_the_report_taken_off_the_site_is_gone(recrawled):
    row = recrawled["db"].execute("select gone_at from reports where url = ?", [recrawled["base"] + REMOVED])
    assert (row.fetchone()[0] or "")[:4].isdigit()


@pytest.mark.redis
def test_the_reports_still_there_are_not_gone(recrawled):
    gone = recrawled["db"].execute("select url from reports where gone_at is not null").fetchall()
    assert [r[0] for r in gone] == [recrawled["base"] + REMOVED]


@pytest.mark.redis
def test_both_workers_took_part_in_each_crawl(recrawled):
    rows = (
        recrawled["db"]
        .execute("select crawl_id, count(*) from crawl_runs where pages_fetched > 0 group by crawl_id")
        .fetchall()
    )
    assert [r[1] for r in rows] == [2, 2]
