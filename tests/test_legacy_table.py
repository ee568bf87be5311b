"""The legacy table reader on seeds 003 (包头, Traditional, one table) and 004 (诸城, two tables).

Expected figures are the hand-read ones in ../shared/seeds/README.md.
"""

from __future__ import annotations

import csv

import opencc
import pytest

from extract.legacy_table import LegacyTables, parse_legacy_tables
from extract.model import BLANK, OK, OWN_BODY, REGION_TOTAL, UNKNOWN_SCOPE, UNPARSED, Stat

from .helpers.paths import SHARED
from .helpers.seed_figures import BAOTOU_CASES, ZHUCHENG_CASES

BAOTOU = "003_3a90b2f8d284c835.txt"
ZHUCHENG = "004_654c45f73d778c46.txt"
A = "legacy.applications."


def seed_lines(name: str, traditional: bool = False) -> list[str]:
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} is not available")
    text = path.read_text(encoding="utf-8")
    if traditional:
        text = opencc.OpenCC("t2s").convert(text)
    return text.splitlines()


@pytest.fixture(scope="module")
def baotou() -> LegacyTables:
    return parse_legacy_tables(seed_lines(BAOTOU, traditional=True))


@pytest.fixture(scope="module")
def zhucheng() -> LegacyTables:
    return parse_legacy_tables(seed_lines(ZHUCHENG))


def the_stat(tables: LegacyTables, key: str, scope: str) -> Stat:
    found = [stat for stat in tables.stats if stat.key == key and stat.scope == scope]
    assert len(found) == 1, f"{key}/{scope}: {found}"
    return found[0]


@pytest.mark.shared
@pytest.mark.parametrize(("key", "scope", "expected"), BAOTOU_CASES)
def test_baotou_figure(baotou: LegacyTables, key: str, scope: str, expected: int) -> None:
    stat = the_stat(baotou, key, scope)
    assert (stat.value, stat.status) == (expected, OK)


@pytest.mark.shared
@pytest.mark.parametrize(("key", "scope", "expected"), ZHUCHENG_CASES)
def test_zhucheng_figure(zhucheng: LegacyTables, key: str, scope: str, expected: int) -> None:
    stat = the_stat(zhucheng, key, scope)
    assert (stat.value, stat.status) == (expected, OK)


@pytest.mark.shared
def test_baotou_is_one_table(baotou: LegacyTables) -> None:
    assert baotou.table_count == 1


@pytest.mark.shared
def test_zhucheng_prints_two_tables(zhucheng: LegacyTables) -> None:
    assert zhucheng.table_count == 2


@pytest.mark.shared
def test_baotou_scope_is_unknown(baotou: LegacyTables) -> None:
    assert {stat.scope for stat in baotou.stats} == {UNKNOWN_SCOPE}


@pytest.mark.shared
def test_zhucheng_scopes_follow_the_captions(zhucheng: LegacyTables) -> None:
    assert sorted({stat.scope for stat in zhucheng.stats}) == sorted({OWN_BODY, REGION_TOTAL})


@pytest.mark.shared
def test_number_with_note_keeps_the_note(baotou: LegacyTables) -> None:
    assert the_stat(baotou, "legacy.response.other_events", UNKNOWN_SCOPE).note == "政府热线"


@pytest.mark.shared
def test_count_with_county_list(baotou: LegacyTables) -> None:
    stat = the_stat(baotou, "legacy.nmg.service.county_centers_built", UNKNOWN_SCOPE)
    assert (stat.value, stat.unit, stat.note[:5] if stat.note else None) == (10, "个", "昆区、青山")


@pytest.mark.shared
def test_yes_no_placeholder_is_unparsed(baotou: LegacyTables) -> None:
    stat = the_stat(baotou, "legacy.nmg.portal.online_service", UNKNOWN_SCOPE)
    assert (stat.value, stat.status, stat.raw_value) == (None, UNPARSED, "是/否")


@pytest.mark.shared
def test_inner_mongolia_row_with_lost_numbering(baotou: LegacyTables) -> None:
    assert the_stat(baotou, "legacy.nmg.service.village_units", UNKNOWN_SCOPE).value == 656


@pytest.mark.shared
def test_printed_unit_wins(baotou: LegacyTables) -> None:
    assert the_stat(baotou, "legacy.training.trainees", UNKNOWN_SCOPE).unit == "人次"


@pytest.mark.shared
def test_unit_falls_back_to_the_lexicon(baotou: LegacyTables) -> None:
    assert the_stat(baotou, "legacy.proactive.items_total", UNKNOWN_SCOPE).unit == "条"


@pytest.mark.shared
def test_raw_label_is_the_printed_one(baotou: LegacyTables) -> None:
    stat = the_stat(baotou, A + "refused.security_stability", UNKNOWN_SCOPE)
    assert stat.raw_label == "危机国家安全、公共安全、经济安全和社会稳定"


@pytest.mark.shared
def test_wrapped_label_is_joined(zhucheng: LegacyTables) -> None:
    stat = the_stat(zhucheng, "legacy.org.special_budget", REGION_TOTAL)
    assert stat.raw_label.endswith("建设维护等方面的经费)")


@pytest.mark.shared
def test_own_body_table_has_no_township_rows(zhucheng: LegacyTables) -> None:
    assert [s.key for s in zhucheng.stats if s.scope == OWN_BODY and s.key.endswith(".township")] == []


@pytest.mark.shared
def test_region_table_has_township_rows(zhucheng: LegacyTables) -> None:
    assert the_stat(zhucheng, "legacy.sd.reading_points.township", REGION_TOTAL).value == 16


@pytest.mark.shared
@pytest.mark.parametrize("fixture", ["baotou", "zhucheng"])
def test_every_printed_row_found_a_key(fixture: str, request: pytest.FixtureRequest) -> None:
    tables: LegacyTables = request.getfixturevalue(fixture)
    assert tables.raw_cells == ()


@pytest.mark.shared
@pytest.mark.parametrize("fixture", ["baotou", "zhucheng"])
def test_every_key_is_in_indicators(fixture: str, request: pytest.FixtureRequest) -> None:
    path = SHARED / "spec" / "indicators.csv"
    if not path.exists():
        pytest.skip(f"{path} is not available")
    with path.open(encoding="utf-8", newline="") as handle:
        known = {row["key"] for row in csv.DictReader(handle)}
    tables: LegacyTables = request.getfixturevalue(fixture)
    assert sorted({stat.key for stat in tables.stats} - known) == []


# Small tables built by hand: the shapes the seeds do not show.
def test_blank_value_is_blank_not_zero() -> None:
    tables = parse_legacy_tables(
        ["统计指标", "单位", "统计数", "(一)收到申请数", "\xa0", "(二)申请办结数", "5"]
    )
    assert (tables.stats[0].value, tables.stats[0].status) == (None, BLANK)


def test_unknown_row_is_kept_raw() -> None:
    tables = parse_legacy_tables(
        ["统计指标", "单位", "统计数", "(一)收到申请数", "5", "(二)主动公开行政执法信息", "7"]
    )
    cells = [(cell.label, cell.value, cell.column) for cell in tables.raw_cells]
    assert cells == [("(二)主动公开行政执法信息", "7", "统计数")]


def test_unknown_row_keeps_its_reason() -> None:
    tables = parse_legacy_tables(
        ["统计指标", "单位", "统计数", "(一)收到申请数", "5", "(二)主动公开行政执法信息", "7"]
    )
    assert tables.raw_cells[0].reason.startswith("unknown words '行政执法'")


def test_scope_from_title_parenthesis() -> None:
    tables = parse_legacy_tables(["2016年度政府信息公开工作情况统计表(本级)", "四、行政复议数量", "2"])
    assert tables.stats[0].scope == OWN_BODY


def test_second_table_without_title_starts_at_block_one() -> None:
    block = ["一、主动公开情况", "-", "-", "(一)主动公开政府信息数", "12"]
    tables = parse_legacy_tables(["全市", *block, "本级", *block])
    assert [stat.scope for stat in tables.stats] == [REGION_TOTAL, OWN_BODY]


def test_prose_ends_the_table() -> None:
    prose = "2017年,全市收到因政府信息公开申请提起行政复议3件,行政诉讼2件,现均已办结。" * 3
    tables = parse_legacy_tables(
        ["统计指标", "单位", "统计数", "四、行政复议数量", "3", prose, "(一)维持具体行政行为数", "3"]
    )
    assert [stat.key for stat in tables.stats] == ["legacy.admin_review.total"]
