"""A registry crawl writes through one writer in batches: fewer commits than pages, and two
registry crawls writing one database at the same time both store everything they fetched."""

from __future__ import annotations

import re

import pytest

from crawler.demo.registry_sites import served_sites

from .helpers.crawl import open_db, start_registry_crawl

SITES = 20


def write_registry(path, listed):
    path.write_text("name,url\n" + "".join(f"site{i:02},{site['url']}\n" for i, site in listed))
    return path


@pytest.fixture(scope="module")
def side_by_side(tmp_path_factory):
    """Two crawls at once into one database, each over half of the sites."""
    folder = tmp_path_factory.mktemp("store")
    db = folder / "reports.db"
    with served_sites(SITES) as listed:
        numbered = list(enumerate(listed))
        halves = [write_registry(folder / f"half{n}.csv", numbered[n::2]) for n in (0, 1)]
        crawls = [start_registry_crawl(half, db, NIANBAO_ACTIVE_SITES="4") for half in halves]
        outputs = [crawl.communicate(timeout=300) for crawl in crawls]
    conn = open_db(db)
    yield {
        "crawls": crawls,
        "outputs": outputs,
        "db": conn,
        "served": sum(site["reports"] for site in listed),
    }
    conn.close()


def test_both_crawls_succeed(side_by_side):
    assert [crawl.returncode for crawl in side_by_side["crawls"]] == [0, 0], side_by_side["outputs"]


def test_every_site_of_both_crawls_finished(side_by_side):
    statuses = [row[0] for row in side_by_side["db"].execute("select status from crawl_runs")]
    assert statuses == ["finished"] * SITES


def test_every_report_is_stored_once(side_by_side):
    db = side_by_side["db"]
    stored = (
        db.execute("select count(*) from reports").fetchone()[0],
        db.execute("select count(*) from report_versions").fetchone()[0],
    )
    assert stored == (side_by_side["served"], side_by_side["served"])


def test_no_page_was_lost_to_a_locked_database(side_by_side):
    errors = side_by_side["db"].execute("select count(*) from pages where error is not null").fetchone()[0]
    assert errors == 0


def test_a_crawl_commits_pages_in_batches(side_by_side):
    for stdout, _ in side_by_side["outputs"]:
        pages = int(re.search(r"^pages fetched: (\d+)  reports stored", stdout, re.M).group(1))
        commits = int(re.search(r"^store: (\d+) commits", stdout, re.M).group(1))
        assert commits * 4 < pages
