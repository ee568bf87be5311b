"""A crawl stopped by its depth limit or its page budget says so, and marks no report gone."""

from __future__ import annotations

import shutil

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals import faults
from .portals.server import serve_portal

START = faults.COLUMN + "index.html"


@pytest.fixture(scope="module")
def limited(tmp_path_factory):
    """A complete crawl, then one limited to depth 1 and one to 10 pages, each on a copy of its
    database. The archive's reports sit at depth 2."""
    folder = tmp_path_factory.mktemp("limits")
    full, deep, budget = folder / "full.db", folder / "depth.db", folder / "budget.db"
    with serve_portal(faults.offsite_portal()) as other_base:
        with serve_portal(faults.fault_portal(other_base, 40)) as base:
            results = [run_crawl(base + START, full)]
            shutil.copy(full, deep)
            shutil.copy(full, budget)
            results.append(run_crawl(base + START, deep, NIANBAO_DEPTH_LIMIT="1"))
            results.append(run_crawl(base + START, budget, NIANBAO_MAX_PAGES="10"))
    yield {"results": results, "full": full, "depth": deep, "budget": budget}


def last_status(db):
    conn = open_db(db)
    try:
        return conn.execute("select status from crawl_runs order by started_at desc, rowid desc").fetchone()[
            0
        ]
    finally:
        conn.close()


def gone_reports(db):
    conn = open_db(db)
    try:
        return [r[0] for r in conn.execute("select title from reports where gone_at is not null")]
    finally:
        conn.close()


def test_crawls_exit_cleanly(limited):
    assert [r.returncode for r in limited["results"]] == [0, 0, 0], limited["results"][-1].stderr[-2000:]


def test_a_complete_crawl_says_finished(limited):
    assert last_status(limited["full"]) == "finished"


def test_a_crawl_cut_by_the_depth_limit_says_depth_limited(limited):
    assert last_status(limited["depth"]) == "depth_limited"


def test_a_depth_limited_crawl_marks_no_report_gone(limited):
    assert gone_reports(limited["depth"]) == []


def test_a_crawl_that_spent_its_budget_says_budget_exhausted(limited):
    assert last_status(limited["budget"]) == "budget_exhausted"


def test_a_budget_exhausted_crawl_marks_no_report_gone(limited):
    assert gone_reports(limited["budget"]) == []
