from __future__ import annotations

import pytest

from extract.model import APPROXIMATE, BLANK, NOT_APPLICABLE, OK, UNPARSED
from extract.numbers import CellValue, is_value_cell, parse_cell, parse_chinese_numeral


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("54835", CellValue(54835, OK)),
        ("  0 ", CellValue(0, OK)),
        ("１２３", CellValue(123, OK)),  # full-width digits
        ("1,234", CellValue(1234, OK)),
        ("1，234", CellValue(1234, OK)),
        ("0.05", CellValue(0.05, OK)),  # money in 万元
        ("", CellValue(None, BLANK)),
        ("\xa0", CellValue(None, BLANK)),
        ("\u200b&nbsp;", CellValue(None, BLANK)),
        ("-", CellValue(None, NOT_APPLICABLE)),
        ("—", CellValue(None, NOT_APPLICABLE)),
        ("——", CellValue(None, NOT_APPLICABLE)),
        ("／", CellValue(None, NOT_APPLICABLE)),
        ("无", CellValue(None, NOT_APPLICABLE)),
        ("是", CellValue(1, OK)),
        ("否", CellValue(0, OK)),
        ("是/否", CellValue(None, UNPARSED)),  # the unfilled placeholder of seed 003
        ("45478(政府熱線)", CellValue(45478, OK, None, "政府熱線")),
        ("45478（政府热线）", CellValue(45478, OK, None, "政府热线")),
        ("10个,昆区、青山区、东河区", CellValue(10, OK, "个", "昆区、青山区、东河区")),
        ("251000元", CellValue(251000, OK, "元")),
        ("10万元", CellValue(10, OK, "万元")),  # a unit, not a multiplier
        ("37.9万件", CellValue(379000, OK, "件")),
        ("3.4万余件", CellValue(34000, APPROXIMATE, "件")),
        ("约100", CellValue(100, APPROXIMATE)),
        ("+1036", CellValue(1036, OK)),
        ("−3", CellValue(-3, OK)),
        ("减少2", CellValue(-2, OK)),
        ("2018年3月", CellValue(None, UNPARSED)),
        ("1.政府公报公开政府信息数", CellValue(None, UNPARSED)),
        ("1、当面申请数", CellValue(None, UNPARSED)),  # a numbered label, not 1 with a note
        ("见附件", CellValue(None, UNPARSED)),
    ],
)
def test_parse_cell(cell: str, expected: CellValue) -> None:
    assert parse_cell(cell) == expected


def test_money_keeps_its_decimals() -> None:
    assert isinstance(parse_cell("0.50").value, float)


def test_counts_stay_integers() -> None:
    assert isinstance(parse_cell("42751").value, int)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("54835", True),
        ("-", True),
        ("是/否", True),
        ("10个,昆区", True),
        ("\xa0", False),
        ("万元", False),  # a unit cell
        ("1.当面申请数", False),
        ("2017年度政府信息公开工作统计表", False),
    ],
)
def test_is_value_cell(line: str, expected: bool) -> None:
    assert is_value_cell(line) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("零", 0),
        ("三", 3),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("一百零五", 105),
        ("两千", 2000),
        ("三万五千", 35000),
        ("一亿三千万", 130_000_000),
        ("二〇一八", 2018),
        ("", None),
        ("三件", None),
        ("12", None),
    ],
)
def test_parse_chinese_numeral(text: str, expected: int | None) -> None:
    assert parse_chinese_numeral(text) == expected
