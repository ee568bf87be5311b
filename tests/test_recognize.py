"""is_annual_report and parse_title: reports of every era in, pages about reports out."""

from __future__ import annotations

import pytest

from extract.recognize import is_annual_report, parse_title, strip_site_suffix

from .helpers.paths import SEEDS

# Spec §8.2 examples (the Traditional one as the script stage hands it over) and seed titles.
REPORT_TITLES = [
    ("诸城市人民政府2017年政府信息公开工作年度报告", "诸城市人民政府", 2017),
    ("2022年上海市政府信息公开工作年度报告", "上海市", 2022),
    ("马头铺镇人民政府2022年度政府信息公开工作年度报告", "马头铺镇人民政府", 2022),
    ("2022年度螅镇政府信息公开工作年度报告", "螅镇", 2022),
    ("宿迁市政府办公室2014年政府信息公开年度报告", "宿迁市政府办公室", 2014),
    ("舒兰市市场监督管理局2016年政务信息公开年度报告", "舒兰市市场监督管理局", 2016),
    ("包头市2017年政府信息公开工作年度报告", "包头市", 2017),
    ("美高梅娛樂城市2017年度政府信息公开工作报告", "美高梅娛樂城市", 2017),
    ("2017年抚顺市人民政府信息公开工作年度报告", "抚顺市人民政府", 2017),
    ("2017年政府信息公开工作年度报告", "", 2017),
]

# Enough of a report to stand behind its title (a title over an empty page is a link).
REPORT_BODY = """本年度报告根据《中华人民共和国政府信息公开条例》要求编制。
本报告中所列数据的统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
本年度严格落实政府信息公开各项要求，全面推进决策、执行、管理、服务、结果公开，
加强政策解读和回应关切。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况"""

NOT_REPORT_TITLES = [
    "关于做好2018年度政府信息公开工作年度报告编制发布工作的通知",
    "文字解读：2017年政府信息公开工作年度报告",
    "文字解读:济南市历下区大明湖街道办事处2022年政府信息公开工作年度报告",
    "政府信息公开指南",
    "市政府召开政府信息公开年度报告编制培训会",
    "一图读懂2022年上海市政府信息公开工作年度报告",
    "政府信息公开工作年度报告格式",
    "2017年度政府信息公开工作情况统计表",
    "我市2017年政府信息公开工作年度报告发布",
]


def seed_text(number: str) -> str:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed {number} is not available in {SEEDS}")
    return paths[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def heishan_text() -> str:
    return seed_text("002")


@pytest.fixture(scope="module")
def zhucheng_text() -> str:
    return seed_text("004")


@pytest.mark.parametrize(("title", "body", "year"), REPORT_TITLES)
def test_report_title_is_a_report(title: str, body: str, year: int) -> None:
    assert is_annual_report(title, REPORT_BODY)


@pytest.mark.parametrize(("title", "body", "year"), REPORT_TITLES)
def test_title_body(title: str, body: str, year: int) -> None:
    parts = parse_title(title)
    assert parts is not None and parts.body == body


@pytest.mark.parametrize(("title", "body", "year"), REPORT_TITLES)
def test_title_year(title: str, body: str, year: int) -> None:
    parts = parse_title(title)
    assert parts is not None and parts.year == year


@pytest.mark.parametrize("title", NOT_REPORT_TITLES)
def test_page_about_reports_is_not_a_report(title: str) -> None:
    assert not is_annual_report(title, REPORT_BODY)


@pytest.mark.shared
def test_rejected_title_wins_over_report_like_text(heishan_text: str) -> None:
    assert not is_annual_report("文字解读：2018年政府信息公开工作年度报告", heishan_text)


def test_html_title_with_site_suffix_is_a_report() -> None:
    assert is_annual_report("包头市2017年政府信息公开工作年度报告_包头市人民政府", REPORT_BODY)


def test_report_title_over_an_empty_page_is_a_list_item() -> None:
    title = "诸城市人民政府2017年政府信息公开工作年度报告"
    assert not is_annual_report(title, title)


def test_report_title_over_an_attachment_is_a_report() -> None:
    title = "诸城市人民政府2017年政府信息公开工作年度报告"
    assert is_annual_report(title, f"{title}\n附件：诸城市2017年政府信息公开工作年度报告.pdf")


def test_list_of_reports_is_not_a_report() -> None:
    items = [
        "诸城市人民政府2017年政府信息公开工作年度报告 2018-03-29",
        "诸城市人民政府2016年政府信息公开工作年度报告 2017-03-28",
        "诸城市人民政府2015年政府信息公开工作年度报告 2016-03-30",
    ]
    assert not is_annual_report(items[0].split()[0], "\n".join(items) + "\n" + REPORT_BODY)


def test_department_reports_of_one_city_are_a_list() -> None:
    items = ["示例市教育局2017年政府信息公开工作年度报告", "示例市财政局2017年政府信息公开工作年度报告"]
    assert not is_annual_report(items[0], "\n".join(items) + "\n" + REPORT_BODY)


@pytest.mark.shared
def test_own_title_split_over_two_lines_is_not_a_list(zhucheng_text: str) -> None:
    assert is_annual_report("诸城市人民政府2017年政府信息公开工作年度报告", zhucheng_text)


def test_site_suffix_is_stripped() -> None:
    title = "抚顺市2017年政府信息公开工作年度报告"
    assert strip_site_suffix(f"{title}_示范门户") == title


@pytest.mark.shared
def test_untitled_report_recognised_by_its_text(heishan_text: str) -> None:
    assert is_annual_report(None, heishan_text)


@pytest.mark.shared
def test_uninformative_title_defers_to_the_text(zhucheng_text: str) -> None:
    assert is_annual_report("诸城市政府信息公开网", zhucheng_text)


def test_untitled_notice_is_not_a_report() -> None:
    text = (
        "各有关单位：\n现将有关事项通知如下：\n报告中所列数据的统计期限自2018年1月1日至2018年12月31日。\n"
        "一、主动公开政府信息情况\n二、依申请公开政府信息情况\n特此通知。"
    )
    assert not is_annual_report(None, text)


def test_untitled_news_is_not_a_report() -> None:
    assert not is_annual_report(None, "3月28日，市政府召开政务公开工作会议，部署年度报告编制工作。")
