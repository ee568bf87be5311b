"""A name written in Traditional over a Simplified page's words (思想政治萬豪會司) is a name,
whatever it folds to; what a Simplified page quotes in Traditional (臺灣, 澳門特別行政區) is not,
nor is a page that writes a Traditional text of its own."""

import pytest

from extract.spam.script_names import other_script_names
from extract.spam.text import minority_script_chars

from .helpers.pages import lines_report

SENTENCES = (
    "主办单位：教育部思想政治{0}司",
    "协办单位：全国高校思想政治{0}网、中国大学生在线",
    "王佳，中国东方文化研究会美育{0}委员会客座教授。",
)


def _text(name: str) -> str:
    return "\n".join(line.format(name) for line in SENTENCES)


def _names(text: str) -> list[str]:
    return other_script_names(text, minority_script_chars(text, "simplified"))


@pytest.mark.parametrize("name", ["萬豪會", "龍騰體育", "財神爺"])
def test_a_traditional_name_in_several_places_is_a_name(name):
    assert _names(_text(name)) == [name]


@pytest.mark.parametrize("name", ["臺灣", "澳門", "澳門特別行政區政府", "瀋陽"])
def test_a_place_or_body_quoted_in_traditional_is_not(name):
    assert _names(_text(name)) == []


def test_a_traditional_page_has_no_names_of_the_other_script():
    lines = [
        "主辦單位：教育部思想政治萬豪會司",
        "協辦單位：全國高校思想政治萬豪會網",
        "美育萬豪會委員會客座教授。",
    ]
    report = lines_report("活動通知", lines * 3, "http://www.example.gov.hk/t1.html")
    assert not any("Traditional on a Simplified page" in f.evidence for f in report.spam.findings)


def test_a_page_writing_traditional_of_its_own_is_left_alone():
    notice = "繁體版：本署致力於推動政府資訊公開工作，歡迎市民隨時查閱相關資料並提出寶貴意見。"
    assert _names(_text("萬豪會") + "\n" + notice) == []


@pytest.fixture(scope="module")
def report():
    return lines_report("活动通知", _text("萬豪會").split("\n"), "http://www.moe.gov.cn/srcsite/A06/t1.html")


def test_the_name_leaves_the_text(report):
    assert "萬豪會" not in report.text


def test_the_words_around_it_stay(report):
    assert "教育部思想政治司" in report.text


def test_the_page_is_tampered(report):
    assert report.spam.tampered


@pytest.mark.parametrize("name", ["長江實業", "新鴻基地產", "臺灣通史"])
def test_a_name_the_page_quotes_in_traditional_is_not(name):
    text = f"据介绍，“{name}”自2021年起设立分支机构。\n座谈会上，“{name}”代表表示将加强合作。\n出版《{name}》一书。"
    assert _names(text) == []


def test_a_person_s_name_in_traditional_is_not():
    text = "其中包括台胞青年创业者陳志強先生。\n陳志強在本市创办的文创企业已吸纳就业2114人。"
    assert _names(text) == []


@pytest.fixture(scope="module")
def quoted_region():
    """A city's page quoting 澳門特別行政區政府 twice: a region the page names, not a swap of its own."""
    lines = [
        "今年以来，莆田市共接待港澳台地区来访团组31批次，其中包括“澳門特別行政區政府”等机构。",
        "8月3日，莆田市政务服务数据管理局接待了由“澳門特別行政區政府”代表组成的考察团。",
    ]
    return lines_report(
        "港澳台交流 - 莆田市人民政府",
        lines,
        "http://www.putian.gov.cn/zwgk/t1.html",
        head="<meta name='SiteName' content='莆田市人民政府'>",
        tail="<p>版权所有：莆田市人民政府 网站标识码：3503000001</p>",
    )


def test_a_quoted_region_in_traditional_keeps_its_name(quoted_region):
    assert quoted_region.text.count("澳門特別行政區政府") == 2


def test_a_quoted_region_in_traditional_leaves_the_page_clean(quoted_region):
    assert quoted_region.spam.findings == ()


def test_a_report_s_table_labels_in_traditional_are_not_names():
    # A table pasted in Traditional prints the report's own labels in several rows.
    text = "三、依申請公開情況\n(一)收到申請數\n1.電郵申請數\n2.邮寄申请数"
    assert _names(text) == []
