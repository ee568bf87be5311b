"""Two workers, each writing its own database, crawl one portal twice over a real Redis; between
the crawls one report changes and one is removed. `nianbao merge` then joins the four runs into
one database: every report once, both versions of the changed one, the removed one gone."""

from __future__ import annotations

import pytest

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.crawl import open_db, run_distributed_crawl
from .helpers.redis import redis_server
from .portals import markup
from .portals.server import Portal, serve_portal

REPORTS = [(i, d) for i, d in enumerate(markup.TRS_DOCS) if d.is_report]
CHANGED = markup.trs_article_path(*REPORTS[0])
REMOVED = markup.trs_article_path(*REPORTS[-1])
# A delay long enough, and one request at a time per worker, for the second worker (which looks
# at the queue every second while idle) to find work in the one portal's small frontier: at 0.25 s
# the crawl lasts some 6 s. The idle wait outlasts the gap between the two workers' start-ups,
# which under load is seconds.
ENV = {"NIANBAO_DOWNLOAD_DELAY": "0.25", "NIANBAO_REDIS_IDLE_SECONDS": "4", "NIANBAO_WORKER_REQUESTS": "1"}


@pytest.fixture(scope="module")
def merged(tmp_path_factory):
    folder = tmp_path_factory.mktemp("merge")
    dbs = (folder / "a" / "reports.db", folder / "b" / "reports.db")
    portal = Portal(markup.trs_portal())
    with redis_server() as redis_url, serve_portal(portal) as base:
        runs = run_distributed_crawl(base + "/index.html", redis_url, dbs, **ENV)
        # The last report is taken off the site: no list links it, its page is gone.
        portal.pages.clear()
        portal.pages.update(markup.trs_portal(markup.TRS_DOCS[:-1]))
        portal.pages[CHANGED] = portal.pages[CHANGED].replace("有序开展".encode(), "稳步推进".encode())
        runs += run_distributed_crawl(base + "/index.html", redis_url, dbs, **ENV)
    out = folder / "merged.db"
    merge = nianbao("merge", str(out), *map(str, dbs))
    conn = open_db(out)
    yield {"runs": runs, "merge": merge, "db": conn, "base": base, "dbs": dbs}
    conn.close()


@pytest.mark.redis
def test_every_crawl_exits_cleanly(merged):
    assert [r.returncode for r in merged["runs"]] == [0, 0, 0, 0], [r.stderr[-1500:] for r in merged["runs"]]


@pytest.mark.redis
def test_merge_exits_cleanly(merged):
    assert merged["merge"].returncode == 0, merged["merge"].stderr


@pytest.mark.redis
def test_both_workers_stored_reports(merged):
    counts = [open_db(db).execute("select count(*) from reports").fetchone()[0] for db in merged["dbs"]]
    assert all(counts)


@pytest.mark.redis
def test_every_report_is_in_the_merged_database_once(merged):
    keys = [r[0] for r in merged["db"].execute("select report_key from reports")]
    assert len(keys) == len(set(keys)) == len(REPORTS)


@pytest.mark.redis
def test_every_run_is_kept(merged):
    assert merged["db"].execute("select count(*) from crawl_runs").fetchone()[0] == 4


@pytest.mark.redis
def test_the_changed_report_keeps_both_versions(merged):
    texts = [
        r[0]
        for r in merged["db"].execute(
            "select v.text from report_versions v join reports r using (report_key) where r.url = ?",
            [merged["base"] + CHANGED],
        )
    ]
    assert sorted("稳步推进" in t for t in texts) == [False, True]


@pytest.mark.redis
def test_the_merged_report_is_the_changed_text(merged):
    text = merged["db"].execute("select text from reports where url = ?", [merged["base"] + CHANGED])
    assert "稳步推进" in text.fetchone()[0]


@pytest.mark.redis
def test_the_report_taken_off_the_site_is_gone(merged):
    row = merged["db"].execute("select gone_at from reports where url = ?", [merged["base"] + REMOVED])
    assert (row.fetchone()[0] or "")[:4].isdigit()


@pytest.mark.redis
def test_the_reports_still_there_are_not_gone(merged):
    gone = merged["db"].execute("select url from reports where gone_at is not null").fetchall()
    assert [r[0] for r in gone] == [merged["base"] + REMOVED]


@pytest.mark.redis
def test_the_merged_database_records_the_crawls_sites(merged):
    rows = merged["db"].execute("select complete from crawl_sites").fetchall()
    assert [r[0] for r in rows] == [1, 1]


@pytest.mark.redis
def test_every_page_is_in_the_merged_database(merged):
    urls = set()
    for db in merged["dbs"]:
        urls |= {r[0] for r in open_db(db).execute("select url from pages")}
    assert {r[0] for r in merged["db"].execute("select url from pages")} == urls


@pytest.mark.redis
def test_warc_records_are_found_from_the_merged_database(merged):
    folder = merged["dbs"][0].parent.parent
    files = {r[0] for r in merged["db"].execute("select warc_file from pages where warc_file is not null")}
    assert files and all((folder / name).is_file() for name in files)


def test_merging_a_file_that_is_not_a_database_is_one_line(tmp_path):
    (tmp_path / "notes.db").write_text("not sqlite")
    result = nianbao("merge", str(tmp_path / "out.db"), str(tmp_path / "notes.db"))
    assert_one_line_error(result, "not a SQLite database")


def test_merging_a_missing_file_is_one_line(tmp_path):
    result = nianbao("merge", str(tmp_path / "out.db"), str(tmp_path / "missing.db"))
    assert_one_line_error(result, "no such database file")


def test_every_table_has_a_merge_rule():
    from crawler.store.merge import RULED
    from crawler.store.schema import SCHEMA

    assert set(SCHEMA) - RULED == set()
