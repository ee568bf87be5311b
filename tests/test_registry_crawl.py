"""`nianbao crawl --registry FILE`: two fixture portals on loopback, crawled in one process."""

from __future__ import annotations

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.crawl import open_db, run_registry_crawl
from .helpers.paths import COUNTY_SITE

SAMPLE_REPORTS = 5  # the sample portal's distinct reports (crawler/demo/sample_portal/README.md)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("registry")
    db = folder / "reports.db"
    with serve_folder(sample_portal_root()) as sample, serve_folder(COUNTY_SITE) as county:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url,agency,region,max_pages,enabled\n"
            f"sample,{sample},示例市人民政府,示例市,,1\n"
            f"county,{county}index.html,平山县人民政府,平山县,10,yes\n"
            "retired,http://retired.example.gov.cn/,,,,no\n",
            encoding="utf-8",
        )
        result = run_registry_crawl(registry, db)
    conn = open_db(db)
    yield {"result": result, "db": conn, "sample": sample, "county": county}
    conn.close()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_reports_of_both_sites_are_stored(crawled):
    hosts = [row[0].split("/")[2] for row in crawled["db"].execute("select url from reports")]
    assert sorted({hosts.count(h) for h in hosts}) == [1, SAMPLE_REPORTS] and len(set(hosts)) == 2


def test_the_county_report_is_stored(crawled):
    row = crawled["db"].execute(
        "select agency, year from reports where url like ?", [crawled["county"] + "%"]
    )
    assert tuple(row.fetchone()) == ("平山县人民政府", 2017)


def test_each_enabled_site_has_its_own_finished_run(crawled):
    rows = crawled["db"].execute("select site_name, start_url, status from crawl_runs order by site_name")
    assert [tuple(r) for r in rows] == [
        ("county", crawled["county"] + "index.html", "finished"),
        ("sample", crawled["sample"], "finished"),
    ]


def test_each_run_counts_its_own_pages(crawled):
    rows = crawled["db"].execute("select site_name, pages_fetched, reports_stored from crawl_runs")
    got = {r["site_name"]: (r["pages_fetched"], r["reports_stored"]) for r in rows}
    assert got["county"] == (4, 1) and got["sample"][1] == SAMPLE_REPORTS


def test_the_disabled_site_is_not_crawled(crawled):
    assert crawled["db"].execute("select count(*) from pages where url like '%retired%'").fetchone()[0] == 0


def test_the_summary_names_each_site(crawled):
    lines = crawled["result"].stdout.splitlines()
    assert lines[0].startswith("sample: ") and lines[1].startswith("county: ")
