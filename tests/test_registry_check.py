"""`nianbao registry check FILE` lists every problem of a registry; the shipped starter registry
of provincial and prefecture-level governments passes it; a row's `column` is where its crawl starts."""

from __future__ import annotations

import csv
from urllib.parse import urlsplit

import pytest

from crawler.registry import check_registry, read_registry

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.crawl import open_db, run_registry_crawl
from .helpers.paths import REPO, SAMPLE_PORTAL
from .portals.server import Portal, serve_portal

STARTER = REPO / "crawler" / "registries" / "governments.csv"

# One problem per row, each of another kind; row 2 is sound.
FLAWED = (
    "name,url,code,level,source,column,column_source\n"
    "包头市,http://www.baotou.gov.cn/,150200,prefecture,https://example.org/list#L1,,\n"
    "双份,http://www.baotou.gov.cn/ndbg/,,,https://example.org/list#L2,,\n"
    "坏链接,ftp://b.gov.cn/,,,https://example.org/list#L3,,\n"
    "无此码,http://c.gov.cn/,999900,prefecture,https://example.org/list#L4,,\n"
    "抚顺市,http://www.fushun.gov.cn/,210400,province,https://example.org/list#L5,,\n"
    "抚顺市,http://d.gov.cn/,150200,prefecture,https://example.org/list#L6,,\n"
    "无出处,http://e.gov.cn/,,,,,\n"
    "栏目无出处,http://f.gov.cn/,,,https://example.org/list#L8,http://f.gov.cn/ndbg/,\n"
    "出处不是链接,http://g.gov.cn/,,,见年鉴,,\n"
    "级别,http://h.gov.cn/,,city,https://example.org/list#L10,,\n"
)
EXPECTED = {
    3: "www.baotou.gov.cn is already listed in row 2",
    4: "not an http(s) URL",
    5: "code '999900' is no division code",
    6: "code 210400 is a city's, but level says province",
    7: "name 抚顺市 is not the division of code 150200",
    8: "url has no source",
    9: "column has no column_source",
    10: "source is not a link a reader can open",
    11: "level 'city' is not one of",
}


@pytest.fixture(scope="module")
def flawed_check(tmp_path_factory):
    registry = tmp_path_factory.mktemp("check") / "sites.csv"
    registry.write_text(FLAWED, encoding="utf-8")
    return registry, nianbao("registry", "check", str(registry))


@pytest.fixture(scope="module")
def starter_rows():
    lines = [line for line in STARTER.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.mark.parametrize("row", sorted(EXPECTED))
def test_check_names_each_problem_with_its_row(flawed_check, row):
    registry, result = flawed_check
    assert any(
        f"{registry}, row {row}: " in line and EXPECTED[row] in line for line in result.stdout.splitlines()
    )


def test_check_lists_one_line_per_problem(flawed_check):
    _, result = flawed_check
    assert len([line for line in result.stdout.splitlines() if ", row " in line]) == len(EXPECTED)


def test_check_passes_the_sound_row(flawed_check):
    registry, result = flawed_check
    assert f"{registry}, row 2:" not in result.stdout


def test_check_of_a_flawed_registry_exits_1(flawed_check):
    assert flawed_check[1].returncode == 1


def test_check_of_an_unreadable_registry_is_one_line(tmp_path):
    assert_one_line_error(nianbao("registry", "check", str(tmp_path / "none.csv")), "no such file")


def test_a_crawl_refuses_only_what_it_cannot_use(tmp_path):
    # Descriptive problems (a code, a missing source) are for `check`; a crawl still reads the row.
    registry = tmp_path / "sites.csv"
    registry.write_text("url,code,source\nhttp://a.gov.cn/,999900,\n", encoding="utf-8")
    assert [site.code for site in read_registry(registry)] == ["999900"]


def test_the_starter_registry_passes_check():
    result = nianbao("registry", "check", str(STARTER))
    assert result.returncode == 0 and result.stdout.strip().endswith("0 problems"), result.stdout


def test_the_starter_registry_lists_every_province(starter_rows):
    assert len({row["code"] for row in starter_rows if row["level"] == "province"}) == 31


def test_the_starter_registry_lists_the_prefecture_level_governments(starter_rows):
    assert len({row["code"] for row in starter_rows if row["level"] == "prefecture"}) == 333


def test_every_starter_url_cites_a_source_at_a_fixed_commit(starter_rows):
    assert all(
        urlsplit(row["source"]).netloc == "github.com" and "/blob/" in row["source"] for row in starter_rows
    )


def test_every_starter_row_is_marked_unverified(starter_rows):
    assert {row["verified"] for row in starter_rows} == {"0"}


def test_every_starter_url_is_a_home_page(starter_rows):
    assert all(urlsplit(row["url"]).path == "/" for row in starter_rows)


def test_the_starter_registry_has_no_check_problem_in_code():
    assert check_registry(STARTER).problems == []


@pytest.fixture(scope="module")
def column_crawl(tmp_path_factory):
    """A registry row whose `column` names the annual-report column: its crawl starts there."""
    folder = tmp_path_factory.mktemp("column")
    pages = {
        "/" + str(path.relative_to(SAMPLE_PORTAL)): path.read_bytes()
        for path in SAMPLE_PORTAL.rglob("*.html")
    }
    portal = Portal(pages)
    with serve_portal(portal) as base:
        registry = folder / "sites.csv"
        registry.write_text(
            f"name,url,column\n样例,{base}/index.html,{base}/xxgk/ndbg/index.html\n", encoding="utf-8"
        )
        result = run_registry_crawl(registry, folder / "r.db")
    return portal, result, folder / "r.db"


def test_a_column_crawl_first_fetches_the_column(column_crawl):
    portal, result, _ = column_crawl
    assert result.returncode == 0, result.stderr
    assert [hit.path for hit in portal.hits if hit.path != "/robots.txt"][0] == "/xxgk/ndbg/index.html"


def test_a_column_crawl_stores_the_columns_reports(column_crawl):
    _, _, db = column_crawl
    conn = open_db(db)
    try:
        assert conn.execute("select count(*) from reports").fetchone()[0] >= 5
    finally:
        conn.close()
