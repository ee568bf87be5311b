"""A second crawl of an unchanged gkmlpt site (an empty shell, its list in JSON API answers)
parses nothing again: the shell and the reports, served with validators, are answered 304; the
API pages, served without, are found unchanged by their hash and lead to the reports again."""

from __future__ import annotations

import pytest

from .helpers.crawl import crawl_stat, open_db, run_crawl
from .portals import script_lists
from .portals.server import Portal, serve_portal

COLUMN = f"/gkmlpt/annualreport#{script_lists.GKMLPT_COLUMN}"
API = f"/gkmlpt/api/all/{script_lists.GKMLPT_COLUMN}"


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    pages, routes = script_lists.gkmlpt()
    portal = Portal(pages, routes=routes)
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        first = run_crawl(base + COLUMN, db, NIANBAO_LOG_LEVEL="INFO")
        first_hits = list(portal.hits)
        second = run_crawl(base + COLUMN, db, NIANBAO_LOG_LEVEL="INFO")
    conn = open_db(db)
    yield {"runs": (first, second), "first": first_hits, "second": portal.hits[len(first_hits) :], "db": conn}
    conn.close()


def test_both_crawls_exit_cleanly(recrawled):
    assert [r.returncode for r in recrawled["runs"]] == [0, 0], recrawled["runs"][-1].stderr[-2000:]


def test_second_crawl_parses_nothing(recrawled):
    first, second = recrawled["runs"]
    assert (crawl_stat(first.stderr, "nianbao/parsed") > 0, crawl_stat(second.stderr, "nianbao/parsed")) == (
        True,
        0,
    )


def test_shell_and_reports_are_answered_304(recrawled):
    pages = [h for h in recrawled["second"] if h.path != "/robots.txt" and not h.path.startswith(API)]
    assert pages
    assert [(h.path, h.status) for h in pages if h.status != 304 or not h.if_none_match] == []


def test_api_pages_are_asked_again_and_found_unchanged_by_hash(recrawled):
    asked = sorted(h.query for h in recrawled["second"] if h.path == API)
    assert asked == sorted(h.query for h in recrawled["first"] if h.path == API)
    assert len(asked) == len(script_lists.chunks())
    assert crawl_stat(recrawled["runs"][1].stderr, "nianbao/unchanged_by_hash") == len(asked)


def test_no_report_is_marked_gone(recrawled):
    db = recrawled["db"]
    reports = db.execute("select count(*), count(gone_at) from reports").fetchone()
    assert tuple(reports) == (sum(d.is_report for d in script_lists.DOCS), 0)
