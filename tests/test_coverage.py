"""report_coverage: each expected body × year found, late or missing against article 49's deadlines,
and `nianbao coverage` printing it. Reports are written to a real store as a crawl would leave them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.registry import Site
from crawler.store import Store
from crawler.store.registry_sites import save_registry_sites

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.paths import REPO

SITE = "www.zhucheng.gov.cn"
# The last report year due for a government today (31 March of the next year has passed).
NOW = datetime.now(UTC)
LAST_DUE = NOW.year - 1 if NOW.strftime("%m-%d") > "03-31" else NOW.year - 2


def report(key: str, agency: str, year: int, level: str, published_on: str | None, first_seen: str):
    return {
        "report_key": key,
        "agency": agency,
        "year": year,
        "level": level,
        "url": f"http://{SITE}/ndbg/{key}.html",
        "published_on": published_on,
        "first_seen": first_seen,
    }


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("coverage") / "reports.db"
    store = Store(path)
    gov, edu = "诸城市人民政府", "诸城市教育局"
    store.db["reports"].insert_all(
        [
            report("g2017", gov, 2017, "county", "2018-03-30", "2024-05-01T00:00:00+00:00"),
            # 2018 is missing.
            report("g2019", gov, 2019, "county", "2020-04-02", "2024-05-01T00:00:00+00:00"),
            report("g2020", gov, 2020, "county", "2021-03-31", "2024-05-01T00:00:00+00:00"),
            # No date of its own, first seen after the deadline, by a site crawled before it: late.
            report("e2021", edu, 2021, "department", None, "2022-02-10T08:00:00+00:00"),
            # No date of its own, first seen on a site nobody crawled by the deadline: no telling.
            report("e2022", edu, 2022, "department", None, "2024-05-01T00:00:00+00:00"),
            # A department's 2018 report: 31 March still held, so 20 March is on time.
            report("e2018", edu, 2018, "department", "2019-03-20", "2024-05-01T00:00:00+00:00"),
        ]
    )
    store.db["crawl_runs"].insert(
        {
            "run_id": "jan2022",
            "site": SITE,
            "start_url": f"http://{SITE}/",
            "started_at": "2022-01-20T02:00:00+00:00",
            "finished_at": "2022-01-20T03:00:00+00:00",
        }
    )
    save_registry_sites(
        store.db, [Site(url="http://www.baotou.gov.cn/", agency="包头市人民政府", region="包头市")]
    )
    store.close()
    return path


@pytest.fixture(scope="module")
def coverage(db_path):
    store = Store(db_path)
    rows = store.db.execute(
        "select agency, year, status, judged_by, days_late, deadline from report_coverage"
    )
    found = {
        (agency, year): (status, judged_by, days_late, deadline)
        for agency, year, *rest in rows
        for status, judged_by, days_late, deadline in [rest]
    }
    store.close()
    return found


def test_a_report_published_after_its_deadline_is_late(coverage):
    assert coverage[("诸城市人民政府", 2019)][0] == "late"


def test_a_late_report_says_how_many_days(coverage):
    assert coverage[("诸城市人民政府", 2019)][2] == 2


def test_a_report_published_on_its_deadline_is_found(coverage):
    assert coverage[("诸城市人民政府", 2020)][:2] == ("found", "published_on")


def test_a_missing_year_is_missing(coverage):
    assert coverage[("诸城市人民政府", 2018)][0] == "missing"


def test_years_run_to_the_last_year_due(coverage):
    assert (
        coverage[("诸城市人民政府", LAST_DUE)][0] == "missing"
        and ("诸城市人民政府", LAST_DUE + 1) not in coverage
    )


def test_years_start_at_the_bodys_earliest_report(coverage):
    assert ("诸城市人民政府", 2016) not in coverage


def test_a_department_is_due_by_31_january_from_2019_on(coverage):
    assert coverage[("诸城市教育局", 2021)][3] == "2022-01-31"


def test_before_2019_every_body_was_due_by_31_march(coverage):
    assert coverage[("诸城市教育局", 2018)][3] == "2019-03-31"


def test_a_report_first_seen_after_a_crawl_before_its_deadline_missed_it_is_late(coverage):
    assert coverage[("诸城市教育局", 2021)][:3] == ("late", "first_seen", 10)


def test_a_first_sighting_with_no_crawl_before_the_deadline_proves_nothing(coverage):
    assert coverage[("诸城市教育局", 2022)][:2] == ("found", None)


def test_a_registry_body_without_reports_misses_the_last_year_due(coverage):
    assert [key for key in coverage if key[0] == "包头市人民政府"] == [("包头市人民政府", LAST_DUE)]


@pytest.fixture(scope="module")
def printed(db_path):
    return nianbao("coverage", "--db", str(db_path), cwd=REPO)


def test_coverage_command_exits_cleanly(printed):
    assert printed.returncode == 0, printed.stderr


def test_coverage_command_prints_a_line_per_body(printed):
    line = next(line for line in printed.stdout.splitlines() if line.startswith("诸城市人民政府"))
    assert line.startswith(
        "诸城市人民政府 (county, www.zhucheng.gov.cn): found 2017 2020; late 2019; missing 2018 2021"
    )


def test_coverage_command_prints_the_totals(printed):
    expected = (
        (LAST_DUE - 2017 + 1) + (LAST_DUE + 1 - 2018 + 1) + 1
    )  # the education bureau may be due a year later
    last = printed.stdout.splitlines()[-1]
    assert (
        last.startswith("bodies: 3  years expected: ")
        and "late: 2" in last
        and expected >= int(last.split()[4])
    )


def test_coverage_of_a_missing_database_is_one_line(tmp_path):
    assert_one_line_error(nianbao("coverage", "--db", str(tmp_path / "none.db"), cwd=REPO), "no database at")


def test_coverage_with_a_registry_expects_its_bodies(tmp_path):
    db = tmp_path / "reports.db"
    Store(db).close()
    registry = tmp_path / "sites.csv"
    registry.write_text(
        "name,url,agency,region\n抚顺,http://www.fushun.gov.cn/,抚顺市人民政府,辽宁省抚顺市\n",
        encoding="utf-8",
    )
    result = nianbao("coverage", "--db", str(db), "--registry", str(registry), cwd=REPO)
    assert result.stdout.splitlines()[0] == f"抚顺市人民政府 (city, www.fushun.gov.cn): missing {LAST_DUE}"
