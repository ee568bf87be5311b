"""The views fold the eras' keys into one wide row per report and scope."""

import pytest

from crawler.store import Store

from .helpers.known_reports import build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("views") / "reports.db")
    yield store
    store.close()


def indicator(store, key, column, scope="own_body"):
    row = store.db.execute(
        f"select {column} from report_indicators where report_key = ? and scope is ?", [key, scope]
    ).fetchone()
    return row[0]


def test_legacy_applications_received_is_read_from_the_legacy_key(store):
    assert indicator(store, "zc2017", "applications_received") == 88


def test_v2021_applications_received_is_read_from_the_new_key(store):
    assert indicator(store, "zc2021", "applications_received") == 150


def test_each_scope_gets_its_own_row(store):
    assert indicator(store, "zc2017", "applications_received", "region_total") == 500


def test_legacy_unavailable_adds_the_three_legacy_rows(store):
    assert indicator(store, "zc2017", "unavailable") == 19 + 25 + 2


def test_withheld_sums_the_printed_parts_when_no_subtotal(store):
    assert indicator(store, "zc2019", "withheld") == 1 + 4


def test_withheld_takes_the_subtotal_when_present(store):
    assert indicator(store, "zc2021", "withheld") == 7


def test_lawsuits_add_direct_and_after_review(store):
    assert indicator(store, "zc2019", "lawsuits") == 5


def test_a_figure_never_printed_stays_null(store):
    assert indicator(store, "zc2019", "admin_reviews") is None


def test_headlines_prefer_the_own_body_table(store):
    row = store.db.execute(
        "select scope, applications_received from report_headlines where report_key = 'zc2017'"
    ).fetchall()
    assert row == [("own_body", 88)]


def test_headlines_fall_back_to_the_region_table(store):
    row = store.db.execute("select scope from report_headlines where report_key = 'fs2021'").fetchall()
    assert row == [("region_total",)]


def test_year_over_year_compares_with_the_previous_report(store):
    row = store.db.execute(
        "select previous_year, change, change_percent from agency_year_over_year "
        "where agency = '诸城市人民政府' and year = 2021"
    ).fetchone()
    assert row == (2019, 50, 50.0)


def test_coverage_by_body_lists_the_years_covered(store):
    row = store.db.execute(
        "select years_covered, years from report_coverage_by_body where agency = '诸城市人民政府'"
    ).fetchone()
    assert row == (3, "2017 2019 2021")


def test_coverage_by_body_lists_the_gaps_among_the_missing_years(store):
    row = store.db.execute(
        "select missing_years from report_coverage_by_body where agency = '诸城市人民政府'"
    ).fetchone()
    assert row[0].startswith("2018 2020 ")


def test_province_code_comes_from_the_division_code(tmp_path):
    store = Store(tmp_path / "reports.db")
    store.db["reports"].insert({"report_key": "k", "division_code": "370782", "year": 2021})
    store.close()
    store = Store(tmp_path / "reports.db")
    row = store.db.execute("select division_code, province_code from report_indicators").fetchone()
    assert row == ("370782", "370000")


def test_province_is_named_from_the_division_table(tmp_path):
    store = Store(tmp_path / "reports.db")
    store.db["reports"].insert({"report_key": "k", "division_code": "370782", "year": 2021})
    store.close()
    store = Store(tmp_path / "reports.db")
    assert store.db.execute("select province from report_indicators").fetchone()[0] == "山东省"
