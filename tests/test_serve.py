"""`nianbao serve` starts a real Datasette over a database built by the demo; its JSON API."""

import shutil
import sqlite3
import urllib.error
import urllib.request

import pytest

from crawler.cli import serve

from .helpers.datasette import get_json, nianbao_serve

ZHUDONG_GONGKAI = "主动公开"


@pytest.fixture(scope="module")
def served(demo_database, tmp_path_factory):
    # Under another name than reports.db: served through a link, so the metadata still applies.
    db = tmp_path_factory.mktemp("serve") / "crawl.db"
    shutil.copy(demo_database, db)
    with nianbao_serve(db) as base:
        yield base, db


@pytest.fixture(scope="module")
def datasette(served):
    return served[0]


def test_reports_table_has_the_five_reports(datasette):
    data = get_json(datasette + "/reports/reports.json?_shape=array&_col=title")
    assert len(data) == 5


def test_metadata_title_is_served(datasette):
    assert get_json(datasette + "/-/metadata.json")["title"].startswith("nianbao")


def test_chinese_full_text_search_finds_a_report(datasette):
    data = get_json(datasette + "/reports/reports.json?_shape=array", _search=ZHUDONG_GONGKAI)
    assert len(data) == 5  # every report speaks of 主动公开


def test_binds_loopback_by_default():
    assert next(p for p in serve.params if p.name == "host").default == "127.0.0.1"


@pytest.mark.parametrize("facet", ["region", "year", "era", "tampered"])
def test_reports_table_is_faceted_by(datasette, facet):
    data = get_json(datasette + "/reports/reports.json?_size=0")
    assert facet in data["facet_results"]


def test_tampered_facet_counts_the_defaced_reports(datasette):
    data = get_json(datasette + "/reports/reports.json?_size=0")
    counts = {item["value"]: item["count"] for item in data["facet_results"]["tampered"]["results"]}
    assert counts == {1: 3, 0: 2}


@pytest.mark.parametrize("facet", ["province", "level", "year", "era", "tampered"])
def test_headline_view_is_faceted_by(datasette, facet):
    data = get_json(datasette + "/reports/report_headlines.json?_size=0")
    assert facet in data["facet_results"]


def test_facet_selection_filters_the_rows(datasette):
    data = get_json(datasette + "/reports/reports.json?_shape=array&_col=year", year="2018")
    assert [row["year"] for row in data] == [2018]


def test_search_query_finds_the_phrase_in_every_report(datasette):
    data = get_json(datasette + "/reports/search.json?_shape=array", q=ZHUDONG_GONGKAI)
    assert len(data) == 5


def test_search_query_finds_a_two_character_word(datasette):
    data = get_json(datasette + "/reports/search.json?_shape=array", q="抚顺")
    assert [row["title"] for row in data] == ["抚顺市2017年政府信息公开工作年度报告"]


def test_table_search_alone_misses_the_two_character_word(datasette):
    # Why the search query exists: the trigram index cannot match fewer than three characters.
    data = get_json(datasette + "/reports/reports.json?_shape=array", _search="抚顺")
    assert data == []


def test_region_reports_query(datasette):
    data = get_json(datasette + "/reports/region_reports.json?_shape=array", region="诸城")
    assert [(row["year"], row["applications_received"]) for row in data] == [(2017, 88)]


def test_tampered_pages_query_shows_the_brand_over_the_place_name(datasette):
    data = get_json(datasette + "/reports/tampered_pages.json?_shape=array")
    assert any(row["kind"] == "brand_swap" and "美高梅" in row["evidence"] for row in data)


def test_failed_invariants_query_matches_the_hard_findings(datasette, served):
    with sqlite3.connect(served[1]) as conn:
        hard = conn.execute("select count(*) from validation_findings where severity = 'hard'").fetchone()[0]
    data = get_json(datasette + "/reports/failed_invariants.json?_shape=array")
    assert len(data) == hard


def test_agencies_ranked_by_applications_query(datasette):
    data = get_json(datasette + "/reports/agencies_by_applications.json?_shape=array", year="")
    assert [row["agency"] for row in data] == [
        "大连市人民政府",
        "诸城市人民政府",
        "包头市人民政府",
        "黑山县人民政府",
    ]


def test_compare_years_query(datasette):
    data = get_json(datasette + "/reports/compare_years.json?_shape=array", year_a="2017", year_b="2018")
    assert {row["agency"]: row["received_a"] for row in data}["包头市人民政府"] == 81


def test_year_over_year_view_is_served(datasette):
    data = get_json(datasette + "/reports/agency_year_over_year.json?_shape=array")
    assert {row["agency"] for row in data} == {
        "大连市人民政府",
        "抚顺市人民政府",
        "黑山县人民政府",
        "包头市人民政府",
        "诸城市人民政府",
    }


def test_dashboard_page_is_served(datasette):
    with urllib.request.urlopen(datasette + "/-/dashboards/nianbao", timeout=10) as response:
        assert "applications-per-year" in response.read().decode("utf-8")


def test_a_chart_query_answers_through_the_json_api(datasette):
    data = get_json(
        datasette + "/reports.json?_shape=array",
        sql="select year, sum(applications_received) as applications from report_headlines "
        "where applications_received is not null group by year",
    )
    assert data == [{"year": 2017, "applications": 5685.0}, {"year": 2018, "applications": 3.0}]


def test_the_database_is_writable_by_default(datasette):
    assert get_json(datasette + "/-/databases.json")[0]["is_mutable"] is True


def test_rows_a_crawl_writes_while_serving_show_up(served):
    base, db = served
    with sqlite3.connect(db) as conn:
        conn.execute("insert into sites (host) values ('late.example')")
    data = get_json(base + "/reports/sites.json?_shape=array&_col=host")
    assert "late.example" in [row["host"] for row in data]


def test_an_unknown_dashboard_is_not_found(datasette):
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(datasette + "/-/dashboards/no-such-dashboard", timeout=10)
