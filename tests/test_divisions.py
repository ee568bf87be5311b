"""Region → GB/T 2260 code and level; report metadata surfaced on the Report and stored."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from crawler.store import Store
from extract.divisions import body_level, find_division
from extract.gazetteer import gazetteer
from extract.model import Report
from extract.pipeline import process

from .helpers.paths import SAMPLE_PORTAL


@pytest.mark.parametrize(
    ("region", "code", "level"),
    [
        ("包头市", "150200", "city"),
        ("诸城市", "370782", "county"),
        ("黑山县", "210726", "county"),
        ("济南市历下区", "370102", "county"),
        ("北京市", "110000", "province"),
        ("北京市朝阳区", "110105", "county"),
    ],
)
def test_division_of_a_region(region: str, code: str, level: str) -> None:
    division = find_division(region)
    assert division is not None and (division.code, division.level_by_code) == (code, level)


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("平顶山市城乡一体化示范区", "410472"),
        ("平顶山高新技术产业开发区", "410471"),
        ("郑州航空港经济综合实验区", "410173"),
    ],
)
def test_a_zone_is_found_by_its_name(region: str, code: str) -> None:
    # A zone's name is no chain of place names (平顶山市 · 城乡 · 一体化示范区): it is found whole.
    division = find_division(region)
    assert division is not None and division.code == code


def test_a_zone_is_found_after_the_places_written_before_it() -> None:
    division = find_division("河南省平顶山市城乡一体化示范区")
    assert division is not None and division.code == "410472"


@pytest.mark.parametrize(
    ("region", "code"),
    [
        ("平顶山市高新区", "410471"),
        ("平顶山高新区", "410471"),
        ("平顶山新城区", "410472"),
        ("河南省平顶山市新城区", "410472"),
        ("景德镇市昌江区", "360202"),
        ("新乡市红旗区", "410702"),
    ],
)
def test_a_division_is_found_by_its_name_or_short_name_after_its_parent(region: str, code: str) -> None:
    # 高新区 is the short name of dozens of zones and 新城区 the full name of districts of
    # 呼和浩特 and 西安; 景德镇 and 新乡 end like a 镇 and a 乡, so split into places the city was
    # no segment of its own. The parent written before says which division is meant.
    division = find_division(region)
    assert division is not None and division.code == code


@pytest.mark.parametrize(("region", "code"), [("江西省萍乡市", "360300"), ("湖南省长沙市宁乡市", "430182")])
def test_a_city_holding_a_township_ending_is_not_taken_for_its_parent(region: str, code: str) -> None:
    # Split into places, 萍乡市 was dropped as a 乡 and the region read as 江西省 alone.
    division = find_division(region)
    assert division is not None and division.code == code


@pytest.mark.parametrize(("region", "code"), [("丰镇市", "150981"), ("东乡区", "361003")])
def test_a_name_holding_a_township_ending_is_found_whole(region: str, code: str) -> None:
    # Split into places, 丰镇 and 东乡 read as a 镇 and a 乡, which have no code.
    division = find_division(region)
    assert division is not None and division.code == code


@pytest.mark.parametrize("region", ["朝阳区", "新城区", "高新区", "示例市", "美高梅娛樂城市", None])
def test_unknown_or_ambiguous_region_has_no_code(region: str | None) -> None:
    assert find_division(region) is None


@pytest.mark.parametrize(
    ("agency", "region", "level"),
    [
        ("舒兰市市场监督管理局", "舒兰市", "department"),
        ("佳县螅镇人民政府", "佳县螅镇", "township"),
        ("包头市人民政府", "包头市", "city"),
        (None, None, None),
    ],
)
def test_body_level(agency: str | None, region: str | None, level: str | None) -> None:
    assert body_level(agency, region, find_division(region)) == level


def page(path: str) -> Report:
    body = (SAMPLE_PORTAL / path).read_bytes()
    return process(body, f"http://127.0.0.1:8000/{path}")


@pytest.fixture(scope="module")
def zhucheng() -> Report:
    return page("xxgk/ndbg/201803/t20180329_1234502.html")


def test_report_division_code(zhucheng: Report) -> None:
    assert zhucheng.division_code == "370782"


def test_report_level(zhucheng: Report) -> None:
    assert zhucheng.level == "county"


def test_report_quality_is_lowered_by_the_l_internal_slip(zhucheng: Report) -> None:
    assert zhucheng.quality == pytest.approx(0.95)


def test_document_number_is_surfaced() -> None:
    notice = page("xxgk/ndbg/201901/t20190110_2301188.html")
    assert notice.document_number == "示政办明电〔2019〕1号"


def test_publication_outside_the_window_is_flagged_not_rejected() -> None:
    companion = page("xxgk/ndbg/201804/t20180403_1240116.html")
    assert "published_outside_window" in companion.flags


def test_json_contract_carries_the_new_fields(zhucheng: Report) -> None:
    data = zhucheng.to_json()
    assert (data["division_code"], data["level"], data["quality"]) == ("370782", "county", 0.95)


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, zhucheng: Report) -> sqlite3.Connection:
    path = tmp_path_factory.mktemp("db") / "reports.db"
    store = Store(path)
    store.save_page(zhucheng, 200, "text/html", 1, None)
    store.close()
    return sqlite3.connect(path)


def test_stored_report_division(stored: sqlite3.Connection) -> None:
    assert stored.execute("select division_code, level from reports").fetchone() == ("370782", "county")


def test_stored_report_quality(stored: sqlite3.Connection) -> None:
    assert stored.execute("select quality from reports").fetchone() == (0.95,)


def test_stored_finding_mode_and_key(stored: sqlite3.Connection) -> None:
    row = stored.execute("select rule, mode, key, expected, actual from validation_findings").fetchone()
    assert row == ("L-INTERNAL", "strict", "legacy.sd.reading_points.total", 87, 71)


def test_an_older_database_gains_the_new_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("create table reports (report_key text primary key, title text)")
    conn.execute(
        "create table validation_findings (report_key text, rule text, scope text, severity text,"
        " expected float, actual float, message text, primary key (report_key, rule, scope))"
    )
    conn.execute("insert into validation_findings values ('k', 'L-REV', 'unknown', 'hard', 1, 2, 'm')")
    conn.commit()
    conn.close()
    Store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("select position, mode from validation_findings").fetchone() == (1, "strict")


def test_ancestors_of_a_city_without_districts_end_at_its_province() -> None:
    # 东莞's 市直辖行政区划 row carries the city's own code and names it as parent.
    assert [d.name for d in gazetteer().ancestors("441900")] == ["广东省"]


@pytest.mark.parametrize(
    ("code", "name"),
    [("441900", "东莞市"), ("442000", "中山市"), ("460400", "儋州市"), ("620200", "嘉峪关市")],
)
def test_a_city_without_counties_is_its_own_code(code: str, name: str) -> None:
    # Not the 市直辖行政区划 row the list places below it under the same code.
    assert gazetteer().by_code[code].name == name


def test_a_special_administrative_region_is_its_own_code() -> None:
    # Not one of the districts the list places below it under the same code.
    assert gazetteer().by_code["810000"].name == "香港特别行政区"


def test_a_city_without_counties_is_found_by_its_pinyin() -> None:
    assert [d.name for d in gazetteer().by_pinyin["dongguan"]] == ["东莞市"]


def test_ancestors_of_a_prefecture() -> None:
    assert [d.name for d in gazetteer().ancestors("130100")] == ["河北省"]


@pytest.mark.parametrize(
    ("code", "name"),
    [("410471", "平顶山高新技术产业开发区"), ("410472", "平顶山市城乡一体化示范区")],
)
def test_a_zone_code_is_the_zone_gbt_2260_gives_it(code: str, name: str) -> None:
    # The source list gave 410471 to both of 平顶山's zones (extract/data/build_divisions.py).
    assert gazetteer().by_code[code].name == name


def test_no_two_divisions_share_a_code() -> None:
    # Save the rows the list files under their own code (市直辖行政区划, 香港's and 澳门's districts).
    text = (resources.files("extract") / "data" / "divisions.csv").read_text(encoding="utf-8")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["parent"] != row["code"]]
    assert [code for code, count in Counter(row["code"] for row in rows).items() if count > 1] == []
