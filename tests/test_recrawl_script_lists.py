"""A second crawl of each unchanged script-list portal (tests/portals/script_lists.py) parses
nothing again: every GET of a page served with validators is conditional and answered 304, the
list answers served without (POSTs, API pages) are found unchanged by their hash, and every
report stays stored."""

from __future__ import annotations

import pytest

from .helpers.crawl import crawl_stat, open_db, run_crawl
from .portals import script_lists
from .portals.server import serve_portal
from .test_crawl_script_lists import VARIANTS, variant_portal


@pytest.fixture(scope="module", params=VARIANTS)
def recrawled(request, tmp_path_factory):
    portal, column = variant_portal(request.param)
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        first = run_crawl(base + column, db, NIANBAO_LOG_LEVEL="INFO")
        first_hits = list(portal.hits)
        second = run_crawl(base + column, db, NIANBAO_LOG_LEVEL="INFO")
    conn = open_db(db)
    reports = conn.execute("select count(*), count(gone_at) from reports").fetchone()
    conn.close()
    return {
        "portal": portal,
        "runs": (first, second),
        "first": first_hits,
        "second": portal.hits[len(first_hits) :],
        "reports": reports,
    }


def test_both_crawls_exit_cleanly(recrawled):
    assert [r.returncode for r in recrawled["runs"]] == [0, 0], recrawled["runs"][-1].stderr[-2000:]


def test_second_crawl_parses_nothing(recrawled):
    first, second = (crawl_stat(r.stderr, "nianbao/parsed") for r in recrawled["runs"])
    assert (first > 0, second) == (True, 0)


def test_pages_with_validators_are_asked_conditionally_and_answered_304(recrawled):
    portal = recrawled["portal"]
    validated = [h for h in recrawled["second"] if h.path in portal.pages and h.path != "/robots.txt"]
    assert validated
    assert [(h.path, h.status) for h in validated if not h.if_none_match or h.status != 304] == []


def test_every_report_stays_stored(recrawled):
    assert tuple(recrawled["reports"]) == (sum(d.is_report for d in script_lists.DOCS), 0)


GKMLPT_API = f"/gkmlpt/api/all/{script_lists.GKMLPT_COLUMN}"


@pytest.mark.parametrize("recrawled", ["gkmlpt"], indirect=True)
def test_gkmlpt_api_pages_are_asked_again_and_found_unchanged_by_hash(recrawled):
    asked = sorted(h.query for h in recrawled["second"] if h.path == GKMLPT_API)
    assert asked == sorted(h.query for h in recrawled["first"] if h.path == GKMLPT_API)
    assert len(asked) == len(script_lists.chunks())  # no page past the last is asked
    assert crawl_stat(recrawled["runs"][1].stderr, "nianbao/unchanged_by_hash") == len(asked)
