"""Incremental crawls of the TRS fixture portal: an unchanged re-crawl is answered with 304s and
downloads no report again; a changed report keeps both versions; a deleted one is marked gone."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals import markup
from .portals.server import Portal, serve_portal

REPORTS = [(i, d) for i, d in enumerate(markup.TRS_DOCS) if d.is_report]
CHANGED = markup.trs_article_path(*REPORTS[0])
REMOVED = markup.trs_article_path(*REPORTS[-1])


@pytest.fixture(scope="module")
def recrawled(tmp_path_factory):
    portal = Portal(markup.trs_portal())
    db = tmp_path_factory.mktemp("db") / "reports.db"
    runs = []
    with serve_portal(portal) as base:
        runs.append(run_crawl(base + "/index.html", db))
        first_hits = len(portal.hits)
        runs.append(run_crawl(base + "/index.html", db))
        second = portal.hits[first_hits:]
        portal.pages[CHANGED] = portal.pages[CHANGED].replace("有序开展".encode(), "稳步推进".encode())
        del portal.pages[REMOVED]
        runs.append(run_crawl(base + "/index.html", db))
    conn = open_db(db)
    yield {"runs": runs, "second": second, "db": conn, "base": base}
    conn.close()


def test_all_three_crawls_exit_cleanly(recrawled):
    assert [r.returncode for r in recrawled["runs"]] == [0, 0, 0], recrawled["runs"][-1].stderr[-2000:]


def test_unchanged_recrawl_downloads_no_report_page(recrawled):
    report_paths = {markup.trs_article_path(i, d) for i, d in REPORTS}
    assert [h.path for h in recrawled["second"] if h.path in report_paths and h.status == 200] == []


def test_unchanged_recrawl_is_answered_with_304s(recrawled):
    not_modified = {h.path for h in recrawled["second"] if h.status == 304}
    assert {markup.trs_article_path(i, d) for i, d in REPORTS} <= not_modified


def test_unchanged_attachments_are_not_downloaded_again(recrawled):
    assert [
        h.path for h in recrawled["second"] if h.path.endswith((".pdf", ".docx")) and h.status == 200
    ] == []


def test_list_pages_are_answered_304_and_their_links_still_followed(recrawled):
    assert {h.status for h in recrawled["second"] if h.path == "/zwgk/ndbg/index_1.html"} == {304}


def test_changed_report_keeps_both_versions(recrawled):
    key = (
        recrawled["db"]
        .execute("select report_key from reports where url = ?", [recrawled["base"] + CHANGED])
        .fetchone()[0]
    )
    texts = [
        r[0] for r in recrawled["db"].execute("select text from report_versions where report_key = ?", [key])
    ]
    assert sorted("稳步推进" in t for t in texts) == [False, True]


def test_unchanged_reports_have_one_version(recrawled):
    counts = recrawled["db"].execute("select count(*) from report_versions group by report_key").fetchall()
    assert sorted(c[0] for c in counts) == [1] * (len(REPORTS) - 1) + [2]


def test_removed_report_is_marked_gone_with_the_date(recrawled):
    row = (
        recrawled["db"]
        .execute("select gone_at from reports where url = ?", [recrawled["base"] + REMOVED])
        .fetchone()
    )
    assert row["gone_at"][:4].isdigit()


def test_present_reports_are_not_gone(recrawled):
    gone = recrawled["db"].execute("select count(*) from reports where gone_at is not null").fetchone()[0]
    assert gone == 1
