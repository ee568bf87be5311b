"""`nianbao demo` end to end: the real spider over the bundled sample portal on loopback."""

import sqlite3
import subprocess
import sys

import pytest

from .helpers.paths import REPO
from .helpers.seed_figures import BAOTOU_CASES, ZHUCHENG_CASES

PORTAL = "http://sample-portal.localhost/xxgk/ndbg/"
# The five seed reports as the sample portal serves them, with what a reader sees on each page.
REPORT_PAGES = {
    "201803/t20180330_1234567.html": {"seed": "000", "year": 2017, "region": "大连市", "tampered": 1},
    "201803/t20180328_1234488.html": {"seed": "001", "year": 2017, "region": "抚顺市", "tampered": 0},
    "201903/t20190325_2345601.html": {"seed": "002", "year": 2018, "region": "黑山县", "tampered": 1},
    "201803/t20180322_1234401.html": {"seed": "003", "year": 2017, "region": "包头市", "tampered": 1},
    "201803/t20180329_1234502.html": {"seed": "004", "year": 2017, "region": "诸城市", "tampered": 0},
}
DECOYS = ["201901/t20190110_2301188.html", "201804/t20180403_1240116.html", "201801/t20180119_1208833.html"]
STABLE_TABLES = [
    "reports",
    "report_versions",
    "sections",
    "stats",
    "raw_cells",
    "spam_findings",
    "validation_findings",
]


def run_demo(db) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )


def dump(db) -> dict[str, list]:
    conn = sqlite3.connect(db)
    data = {t: conn.execute(f"select * from {t} order by 1, 2, 3").fetchall() for t in STABLE_TABLES}
    data["page_urls"] = conn.execute("select url, sha256 from pages order by url").fetchall()
    conn.close()
    return data


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "reports.db"
    first = run_demo(db)
    after_first = dump(db)
    second = run_demo(db)
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {"first": first, "second": second, "after_first": after_first, "after_second": dump(db), "db": conn}
    conn.close()


def report(demo, page):
    return demo["db"].execute("select * from reports where url = ?", [PORTAL + page]).fetchone()


def test_demo_exits_cleanly(demo):
    assert demo["first"].returncode == 0, demo["first"].stderr[-3000:]


def test_demo_prints_a_summary(demo):
    assert "reports stored: 5" in demo["first"].stdout and "nianbao serve" in demo["first"].stdout


def test_exactly_the_five_seed_reports_are_stored(demo):
    urls = {row[0] for row in demo["db"].execute("select url from reports")}
    assert urls == {PORTAL + page for page in REPORT_PAGES}


@pytest.mark.parametrize("page", DECOYS)
def test_decoy_is_fetched_but_not_a_report(demo, page):
    row = demo["db"].execute("select status, is_report from pages where url = ?", [PORTAL + page]).fetchone()
    assert tuple(row) == (200, 0)


@pytest.mark.parametrize("page", REPORT_PAGES)
def test_year_reported_on(demo, page):
    assert report(demo, page)["year"] == REPORT_PAGES[page]["year"]


@pytest.mark.parametrize("page", REPORT_PAGES)
def test_region(demo, page):
    assert report(demo, page)["region"] == REPORT_PAGES[page]["region"]


@pytest.mark.parametrize("page", REPORT_PAGES)
def test_tampered_flag(demo, page):
    assert report(demo, page)["tampered"] == REPORT_PAGES[page]["tampered"]


def test_list_pages_known_only_from_the_pager_are_crawled(demo):
    urls = [PORTAL + "index_1.html", PORTAL + "index_2.html"]
    rows = (
        demo["db"].execute("select count(*) from pages where url in (?, ?) and status = 200", urls).fetchone()
    )
    assert rows[0] == 2


def test_gbk_page_is_decoded(demo):
    row = (
        demo["db"]
        .execute("select encoding from pages where url = ?", [PORTAL + "201803/t20180329_1234502.html"])
        .fetchone()
    )
    assert row[0] == "gb18030"


def test_traditional_page_is_stored_in_simplified(demo):
    assert "政府信息公开" in report(demo, "201803/t20180322_1234401.html")["text"]


def test_link_farm_is_not_in_the_stored_text(demo):
    assert "天辰娱乐" not in report(demo, "201803/t20180322_1234401.html")["text"]


def test_second_run_exits_cleanly(demo):
    assert demo["second"].returncode == 0, demo["second"].stderr[-3000:]


def test_second_run_duplicates_nothing(demo):
    assert demo["after_second"] == demo["after_first"]


def test_both_runs_are_recorded(demo):
    assert demo["db"].execute("select count(*) from crawl_runs where status = 'finished'").fetchone()[0] == 2


BAOTOU_PAGE = "201803/t20180322_1234401.html"
ZHUCHENG_PAGE = "201803/t20180329_1234502.html"


def stored_value(demo, page, key, scope):
    rows = (
        demo["db"]
        .execute(
            "select stats.value from stats join reports using (report_key) "
            "where reports.url = ? and stats.key = ? and stats.scope = ?",
            [PORTAL + page, key, scope],
        )
        .fetchall()
    )
    assert len(rows) == 1, (key, scope, rows)
    return rows[0][0]


@pytest.mark.parametrize(("key", "scope", "expected"), BAOTOU_CASES)
def test_baotou_figure_in_the_database(demo, key, scope, expected):
    assert stored_value(demo, BAOTOU_PAGE, key, scope) == expected


@pytest.mark.parametrize(("key", "scope", "expected"), ZHUCHENG_CASES)
def test_zhucheng_figure_in_the_database(demo, key, scope, expected):
    assert stored_value(demo, ZHUCHENG_PAGE, key, scope) == expected
