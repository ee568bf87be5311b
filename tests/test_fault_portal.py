"""The fault portal (tests/portals/faults.py) crawled to the end: every report of a column paged
only by 下一页 stored once, and a row with its reason for every page that gave no report."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals import faults
from .portals.server import serve_portal

REPORTS = 300
START = faults.COLUMN + "index.html"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    db = tmp_path_factory.mktemp("faults") / "reports.db"
    other = faults.offsite_portal()
    with serve_portal(other) as other_base:
        portal = faults.fault_portal(other_base, REPORTS)
        with serve_portal(portal) as base:
            result = run_crawl(base + START, db)
    conn = open_db(db)
    yield {
        "result": result,
        "db": conn,
        "base": base,
        "portal": portal,
        "other": other,
        "other_base": other_base,
    }
    conn.close()


def page(crawled, path: str):
    return crawled["db"].execute("select * from pages where url = ?", [crawled["base"] + path]).fetchone()


def test_crawl_exits_cleanly_and_says_finished(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]
    assert [r[0] for r in crawled["db"].execute("select status from crawl_runs")] == ["finished"]


def test_every_report_of_the_column_is_stored(crawled):
    titles = {row[0] for row in crawled["db"].execute("select title from reports")}
    expected = {d.title for d in faults.column_docs(REPORTS)} | {d.title for d in faults.ARCHIVE_DOCS}
    assert titles == expected


def test_no_report_is_stored_twice(crawled):
    doubled = crawled["db"].execute(
        "select report_key from pages where is_report = 1 and kind = 'page' group by report_key having count(*) > 1"
    )
    assert doubled.fetchall() == []


def test_offsite_redirect_is_recorded_and_not_followed(crawled):
    row = page(crawled, faults.COLUMN + "mirror.html")
    assert (row["status"], row["refused_reason"]) == (302, "offsite redirect")
    assert row["redirect_to"] == crawled["other_base"] + faults.COLUMN + "report.html"
    assert not crawled["other"].requested(faults.COLUMN + "report.html")


def test_the_other_hosts_report_is_not_stored(crawled):
    hosts = {row[0] for row in crawled["db"].execute("select host from pages")}
    assert hosts == {crawled["base"].split("//", 1)[1]}
    assert (
        not crawled["db"]
        .execute("select 1 from reports where title = ?", [faults.OFFSITE_DOC.title])
        .fetchone()
    )


def test_redirect_loop_leaves_a_row_with_its_reason(crawled):
    row = page(crawled, faults.COLUMN + "loop_a.html")
    assert (row["status"], row["refused_reason"]) == (302, "redirect loop")
    assert row["redirect_to"] == crawled["base"] + faults.COLUMN + "loop_a.html"
    assert "loop_b.html" in row["error"]


def test_calendar_trap_costs_a_handful_of_requests(crawled):
    assert len(crawled["portal"].requested("/xxgk/hdrl/cal.jsp")) <= 4


def test_each_refused_calendar_url_has_a_row(crawled):
    rows = (
        crawled["db"]
        .execute(
            "select status, fetched_at, refused_reason from pages where url like '%/cal.jsp?rq=%' and refused_reason is not null"
        )
        .fetchall()
    )
    assert rows and {tuple(r) for r in rows} == {(None, None, "trap: calendar dates")}


def test_refused_urls_are_not_counted_as_fetched(crawled):
    fetched = crawled["db"].execute("select pages_fetched from crawl_runs").fetchone()[0]
    requested = {(h.path, h.query) for h in crawled["portal"].hits if h.path != "/robots.txt"}
    # loop_b.html is a hop of loop_a.html's chain, recorded in loop_a's row.
    assert fetched == len(requested) - 1


def test_corrupt_attachments_have_their_reasons(crawled):
    sheet = page(crawled, f"{faults.COLUMN}art/tables_{faults.WITH_ATTACHMENTS}.xlsx")
    pdf = page(crawled, f"{faults.COLUMN}art/full_{faults.WITH_ATTACHMENTS}.pdf")
    assert sheet["error"] == "corrupt attachment: .xlsx served as an HTML page"
    assert pdf["error"] == "corrupt attachment: empty (0 bytes)"


def test_a_404_report_link_has_its_row(crawled):
    assert page(crawled, faults.COLUMN + "art/gone.html")["status"] == 404


def test_a_page_that_fails_once_is_stored_after_its_retry(crawled):
    path = faults.report_path(faults.FLAKY)
    assert [h.status for h in crawled["portal"].requested(path)] == [500, 200]
    row = page(crawled, path)
    assert (row["status"], row["is_report"]) == (200, 1)


def test_every_requested_url_has_a_row(crawled):
    urls = {row[0] for row in crawled["db"].execute("select url from pages")}
    chains = " ".join(
        row[0] for row in crawled["db"].execute("select error from pages where redirect_to is not null")
    )
    for hit in crawled["portal"].hits:
        if hit.path == "/robots.txt":
            continue
        url = crawled["base"] + hit.path + (f"?{hit.query}" if hit.query else "")
        assert url in urls or url in chains, url
