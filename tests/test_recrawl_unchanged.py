"""A second crawl of an unchanged site parses nothing again: every GET page whose server gives
validators is asked conditionally and answered 304, pages without validators and the list POSTs
are found unchanged by their hash, and the links stored from the first crawl lead to every report
again, so none is marked gone. The portal is the Hanweb 信息公开目录 of
tests/portals/script_lists.py, whose list exists only in the answers to a POST."""

from __future__ import annotations

import pytest

from .helpers.crawl import crawl_stat as _stat
from .helpers.crawl import open_db, run_crawl
from .portals import script_lists
from .portals.server import Portal, serve_portal

# Served without validators: the home page, a report and the column page itself.
BARE = {"/index.html", "/col/col2630/index.html", script_lists.article_path(0, script_lists.DOCS[0])}


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    pages, routes = script_lists.hanweb_xxgk()
    portal = Portal(pages, routes=routes, bare=set(BARE))
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        first = run_crawl(base + "/index.html", db, NIANBAO_LOG_LEVEL="INFO")
        first_hits = list(portal.hits)
        conn = open_db(db)
        reports_before = conn.execute("select count(*) from reports").fetchone()[0]
        conn.close()
        second = run_crawl(base + "/index.html", db, NIANBAO_LOG_LEVEL="INFO")
        second_hits = portal.hits[len(first_hits) :]
    conn = open_db(db)
    yield {
        "runs": (first, second),
        "first": first_hits,
        "second": second_hits,
        "db": conn,
        "reports_before": reports_before,
    }
    conn.close()


PAGES = frozenset(script_lists.hanweb_xxgk()[0])


def _validated(hit) -> bool:
    """A GET of a page whose server sends validators (robots.txt is Scrapy's own, never stored)."""
    return hit.method == "GET" and hit.path in PAGES and hit.path not in BARE | {"/robots.txt"}


def test_both_crawls_exit_cleanly(recrawled):
    assert [r.returncode for r in recrawled["runs"]] == [0, 0], recrawled["runs"][-1].stderr[-2000:]


def test_first_crawl_finds_the_reports(recrawled):
    assert recrawled["reports_before"] == sum(d.is_report for d in script_lists.DOCS)


def test_second_crawl_parses_nothing(recrawled):
    first, second = recrawled["runs"]
    assert _stat(first.stderr, "nianbao/parsed") > 0
    assert _stat(second.stderr, "nianbao/parsed") == 0


def test_second_crawl_fetches_what_the_first_did(recrawled):
    def asked(hits):
        return sorted((h.method, h.path, tuple(sorted(h.form.items()))) for h in hits)

    assert asked(recrawled["second"]) == asked(recrawled["first"])


def test_every_page_with_validators_is_asked_conditionally_and_answered_304(recrawled):
    validated = [h for h in recrawled["second"] if _validated(h)]
    assert validated
    assert [h.path for h in validated if not (h.if_none_match and h.if_modified_since)] == []
    assert [h.path for h in validated if h.status != 304] == []


def test_conditional_requests_only_where_validators_exist(recrawled):
    conditional = [h for h in recrawled["second"] if h.if_none_match or h.if_modified_since]
    assert len(conditional) == len([h for h in recrawled["second"] if _validated(h)])
    assert _stat(recrawled["runs"][1].stderr, "nianbao/conditional_requests") == len(conditional)


def test_pages_without_validators_and_list_posts_are_unchanged_by_hash(recrawled):
    by_hash = [h for h in recrawled["second"] if h.status == 200 and h.path != "/robots.txt"]
    assert {h.path for h in by_hash} == BARE | {"/module/xxgk/search.jsp"}
    assert len([h for h in by_hash if h.method == "POST"]) == len(script_lists.chunks())
    assert _stat(recrawled["runs"][1].stderr, "nianbao/unchanged_by_hash") == len(by_hash)


def test_no_report_is_marked_gone(recrawled):
    db = recrawled["db"]
    assert db.execute("select count(*) from reports where gone_at is not null").fetchone()[0] == 0
    assert db.execute("select count(*) from pages where gone_at is not null").fetchone()[0] == 0
    assert db.execute("select count(*) from reports").fetchone()[0] == recrawled["reports_before"]


def test_list_pages_keep_the_links_of_their_last_read(recrawled):
    db = recrawled["db"]
    posts = db.execute("select page, links from link_sources where method = 'POST'").fetchall()
    assert len(posts) == len(script_lists.chunks())
    assert all(row["links"] > 0 for row in posts)
    stored = {r[0] for r in db.execute("select url from page_links")}
    reports = {r[0] for r in db.execute("select url from reports")}
    assert reports <= stored
