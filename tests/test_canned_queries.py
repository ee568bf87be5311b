"""The canned queries of crawler/serve/metadata.yml, run on a store of known reports."""

import pytest
import yaml

from .helpers.known_reports import build_store
from .helpers.paths import REPO

QUERIES = yaml.safe_load((REPO / "crawler" / "serve" / "metadata.yml").read_text(encoding="utf-8"))[
    "databases"
]["reports"]["queries"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    store = build_store(tmp_path_factory.mktemp("canned") / "reports.db")
    yield store.db
    store.close()


def run(db, name, **params):
    cursor = db.execute(QUERIES[name]["sql"], params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def test_search_finds_a_phrase_through_the_trigram_index(db):
    rows = run(db, "search", q="主动公开")
    assert {r["report_key"] for r in rows} == {"zc2017", "zc2019", "zc2021", "fs2021"}


def test_search_finds_a_two_character_word(db):
    assert [r["report_key"] for r in run(db, "search", q="抚顺")] == ["fs2021"]


def test_search_says_how_a_short_word_was_matched(db):
    assert run(db, "search", q="复议")[0]["matched_by"] == "substring"


def test_search_shows_an_excerpt_around_the_word(db):
    assert "依申请公开" in run(db, "search", q="依申请公开")[0]["excerpt"]


def test_search_with_an_empty_word_finds_nothing(db):
    assert run(db, "search", q=" ") == []


def test_search_survives_a_quote_in_the_word(db):
    assert run(db, "search", q='主动"公开') == []


def test_region_reports_lists_the_years_in_order(db):
    assert [r["year"] for r in run(db, "region_reports", region="诸城")] == [2017, 2019, 2021]


def test_region_reports_carry_the_headline_figures(db):
    assert [r["applications_received"] for r in run(db, "region_reports", region="诸城")] == [88, 100, 150]


def test_tampered_pages_show_every_piece_of_evidence(db):
    assert [r["evidence"] for r in run(db, "tampered_pages")] == ["<a href=casino>娱乐</a>", "美高梅"]


def test_failed_invariants_lists_only_hard_rules(db):
    assert [(r["report_key"], r["rule"]) for r in run(db, "failed_invariants")] == [("zc2017", "L-RECV")]


def test_agencies_ranked_by_applications_over_all_years(db):
    rows = run(db, "agencies_by_applications", year="")
    assert [(r["agency"], r["applications_received"]) for r in rows] == [
        ("诸城市人民政府", 338),
        ("抚顺市人民政府", 40),
    ]


def test_agencies_ranked_in_one_year(db):
    rows = run(db, "agencies_by_applications", year="2017")
    assert [(r["agency"], r["applications_received"]) for r in rows] == [("诸城市人民政府", 88)]


def test_two_years_compared_side_by_side(db):
    rows = run(db, "compare_years", year_a="2019", year_b="2021")
    assert [(r["agency"], r["received_a"], r["received_b"], r["received_change"]) for r in rows] == [
        ("抚顺市人民政府", None, 40, None),
        ("诸城市人民政府", 100, 150, 50),
    ]
