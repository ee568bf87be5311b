"""split_sections on the seeds and on the false headings it must not take."""

from __future__ import annotations

import opencc
import pytest

from extract.model import Section
from extract.sections import TABLE_SECTION_HEADING, chinese_number, split_sections

from .helpers.paths import SEEDS


def seed_text(number: str) -> str:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed {number} is not available in {SEEDS}")
    text = paths[0].read_text(encoding="utf-8")
    return opencc.OpenCC("t2s").convert(text) if number == "003" else text


@pytest.fixture(scope="module")
def zhucheng() -> tuple[Section, ...]:
    return split_sections(seed_text("004"))


@pytest.fixture(scope="module")
def baotou() -> tuple[Section, ...]:
    return split_sections(seed_text("003"))


@pytest.fixture(scope="module")
def fushun() -> tuple[Section, ...]:
    return split_sections(seed_text("001"))


@pytest.fixture(scope="module")
def heishan() -> tuple[Section, ...]:
    return split_sections(seed_text("002"))


@pytest.mark.shared
def test_zhucheng_headings(zhucheng: tuple[Section, ...]) -> None:
    assert [s.heading for s in zhucheng] == [
        "",
        "一、概述",
        "二、主动公开政府信息情况",
        "三、依申请公开政府信息情况",
        "四、举报、行政复议和行政诉讼情况",
        "五、政府信息公开保密审查及监督检查情况",
        "六、存在的主要问题及改进措施",
        TABLE_SECTION_HEADING,
    ]


@pytest.mark.shared
def test_zhucheng_table_section_starts_at_the_table_title(zhucheng: tuple[Section, ...]) -> None:
    assert zhucheng[-1].text.startswith("2017年度政府信息公开工作情况统计表\n")


@pytest.mark.shared
def test_zhucheng_table_section_holds_both_tables(zhucheng: tuple[Section, ...]) -> None:
    assert zhucheng[-1].text.count("一、主动公开情况") == 2


@pytest.mark.shared
def test_zhucheng_last_prose_section_keeps_the_signature(zhucheng: tuple[Section, ...]) -> None:
    assert zhucheng[-2].text.endswith("诸城市人民政府\n\n2018年3月\n\n附表")


@pytest.mark.shared
def test_zhucheng_preamble_holds_the_chrome_and_the_introduction(zhucheng: tuple[Section, ...]) -> None:
    assert "统计期限自2017年1月1日至2017年12月31日" in zhucheng[0].text


@pytest.mark.shared
def test_baotou_headings(baotou: tuple[Section, ...]) -> None:
    assert [s.heading for s in baotou][1:] == [
        "一、概述",
        "二、主动公开政府信息情况",
        "三、依申请公开情况",
        "四、因政府信息公开申请行政复议、提起行政诉讼情况",
        "五、政府信息公开存在的主要问题及改进措施",
        TABLE_SECTION_HEADING,
    ]


@pytest.mark.shared
def test_baotou_table_keeps_blank_cells(baotou: tuple[Section, ...]) -> None:
    assert "\n\n" in baotou[-1].text


@pytest.mark.shared
def test_fushun_starts_at_section_two(fushun: tuple[Section, ...]) -> None:
    assert fushun[1].heading == "二、主动公开政府信息情况"


@pytest.mark.shared
def test_fushun_lost_start_is_the_preamble(fushun: tuple[Section, ...]) -> None:
    assert fushun[0].heading == "" and fushun[0].text.startswith("按照省政府工作部署")


@pytest.mark.shared
def test_heishan_ends_at_section_ten(heishan: tuple[Section, ...]) -> None:
    assert heishan[-1].heading == "十、制度机制建设情况"


def test_no_preamble_when_text_starts_with_a_heading() -> None:
    assert split_sections("一、概述\n正文。")[0] == Section("一、概述", "正文。")


def test_long_line_is_not_a_heading() -> None:
    sentence = "二、主动公开，全年主动公开政府信息五万余条，其中规范性文件二十四件，其他信息均按时公开到位。"
    text = f"一、概述\n正文。\n{sentence}"
    assert len(split_sections(text)) == 1


def test_number_going_back_is_not_a_heading() -> None:
    text = "二、主动公开政府信息情况\n正文。\n一、加强领导\n三、依申请公开情况\n正文。"
    assert [s.heading for s in split_sections(text)] == ["二、主动公开政府信息情况", "三、依申请公开情况"]


def test_repeated_number_is_a_heading() -> None:
    text = "十、制度机制建设情况\n正文。\n十、其他应报告的事项\n无。"
    assert len(split_sections(text)) == 2


def test_table_block_labels_do_not_split() -> None:
    text = "六、存在的问题\n正文。\n统  计  指  标\n单位\n一、主动公开情况\n二、回应解读情况"
    assert [s.heading for s in split_sections(text)] == ["六、存在的问题", TABLE_SECTION_HEADING]


def test_announcement_of_the_tables_does_not_start_them() -> None:
    text = "六、存在的问题\n附表:1.2017年度政府信息公开工作情况统计表(市本级)\n七、其他\n无。"
    assert len(split_sections(text)) == 2


@pytest.mark.parametrize(
    ("numeral", "number"),
    [("一", 1), ("九", 9), ("十", 10), ("十一", 11), ("十三", 13), ("二十", 20), ("二十一", 21)]
    + [("十十", None), ("百", None)],
)
def test_chinese_number(numeral: str, number: int | None) -> None:
    assert chinese_number(numeral) == number
