"""read_metadata on the seeds (hand-read labels in ../shared/seeds/README.md) and on
small synthetic pages for the rules the seeds do not exercise."""

from __future__ import annotations

import opencc
import pytest

from extract.metadata import PageMetadata, place_of, read_metadata

from .helpers.paths import SEEDS

URL = "http://www.example.gov.cn/zwgk/art.html"


def seed_lines(number: str) -> list[str]:
    paths = sorted(SEEDS.glob(f"{number}_*.txt"))
    if not paths:
        pytest.skip(f"seed {number} is not available in {SEEDS}")
    text = paths[0].read_text(encoding="utf-8")
    if number == "003":  # the portal's Traditional view; the script stage folds it first
        text = opencc.OpenCC("t2s").convert(text)
    return text.splitlines()


@pytest.fixture(scope="module")
def baotou() -> PageMetadata:
    return read_metadata(seed_lines("003"), None, URL)


@pytest.fixture(scope="module")
def zhucheng() -> PageMetadata:
    return read_metadata(seed_lines("004"), None, URL)


@pytest.fixture(scope="module")
def fushun() -> PageMetadata:
    # The start of seed 001 is lost; its <title> is what a page would still give.
    return read_metadata(seed_lines("001"), "抚顺市2017年政府信息公开工作年度报告_示范门户", URL)


@pytest.fixture(scope="module")
def dalian() -> PageMetadata:
    return read_metadata(seed_lines("000"), None, URL)


@pytest.fixture(scope="module")
def heishan() -> PageMetadata:
    return read_metadata(seed_lines("002"), None, URL)


# --- seed 003, 包头市 ----------------------------------------------------------------------


@pytest.mark.shared
def test_baotou_title(baotou: PageMetadata) -> None:
    assert baotou.title == "包头市2017年政府信息公开工作年度报告"


@pytest.mark.shared
def test_baotou_year(baotou: PageMetadata) -> None:
    assert baotou.year == 2017


@pytest.mark.shared
def test_baotou_year_comes_from_the_period_sentence(baotou: PageMetadata) -> None:
    assert baotou.year_source == "period"


@pytest.mark.shared
def test_baotou_region(baotou: PageMetadata) -> None:
    assert baotou.region == "包头市"


@pytest.mark.shared
def test_baotou_agency_is_the_government_the_page_names(baotou: PageMetadata) -> None:
    assert baotou.agency == "包头市人民政府"


@pytest.mark.shared
def test_baotou_published_on(baotou: PageMetadata) -> None:
    assert baotou.published_on == "2018-03-22"


@pytest.mark.shared
def test_baotou_index_number(baotou: PageMetadata) -> None:
    assert baotou.index_number == "011536003/2018-00124"


@pytest.mark.shared
def test_baotou_publisher_as_printed(baotou: PageMetadata) -> None:
    assert baotou.publisher == "市人民政府办公厅"


@pytest.mark.shared
def test_baotou_empty_document_number(baotou: PageMetadata) -> None:
    assert baotou.document_number is None


@pytest.mark.shared
def test_baotou_no_flags(baotou: PageMetadata) -> None:
    assert baotou.flags == ()


# --- seed 004, 诸城市 ----------------------------------------------------------------------


@pytest.mark.shared
def test_zhucheng_title(zhucheng: PageMetadata) -> None:
    assert zhucheng.title == "诸城市人民政府2017年政府信息公开工作年度报告"


@pytest.mark.shared
def test_zhucheng_agency(zhucheng: PageMetadata) -> None:
    assert zhucheng.agency == "诸城市人民政府"


@pytest.mark.shared
def test_zhucheng_region(zhucheng: PageMetadata) -> None:
    assert zhucheng.region == "诸城市"


@pytest.mark.shared
def test_zhucheng_year(zhucheng: PageMetadata) -> None:
    assert zhucheng.year == 2017


@pytest.mark.shared
def test_zhucheng_published_on_from_the_author_line(zhucheng: PageMetadata) -> None:
    assert zhucheng.published_on == "2018-03-29"


@pytest.mark.shared
def test_zhucheng_publisher_skips_the_cms_source_code(zhucheng: PageMetadata) -> None:
    assert zhucheng.publisher == "诸城市人民政府办公室"


# --- seed 001, 抚顺市 (start lost) -----------------------------------------------------------


@pytest.mark.shared
def test_fushun_title_without_site_suffix(fushun: PageMetadata) -> None:
    assert fushun.title == "抚顺市2017年政府信息公开工作年度报告"


@pytest.mark.shared
def test_fushun_region(fushun: PageMetadata) -> None:
    assert fushun.region == "抚顺市"


@pytest.mark.shared
def test_fushun_year(fushun: PageMetadata) -> None:
    assert fushun.year == 2017


@pytest.mark.shared
def test_fushun_year_comes_from_the_title(fushun: PageMetadata) -> None:
    assert fushun.year_source == "title"


# --- seeds 000 and 002: a casino brand instead of the place name ----------------------------


@pytest.mark.shared
def test_dalian_year_from_the_period_sentence(dalian: PageMetadata) -> None:
    assert (dalian.year, dalian.year_source) == (2017, "period")


@pytest.mark.shared
def test_dalian_region_is_not_the_brand(dalian: PageMetadata) -> None:
    assert dalian.region is None


@pytest.mark.shared
def test_dalian_agency_is_not_the_brand(dalian: PageMetadata) -> None:
    assert dalian.agency is None


@pytest.mark.shared
def test_dalian_body_flagged_unreliable(dalian: PageMetadata) -> None:
    assert "body_unreliable" in dalian.flags


@pytest.mark.shared
def test_heishan_year(heishan: PageMetadata) -> None:
    assert heishan.year == 2018


@pytest.mark.shared
def test_heishan_region_unknown(heishan: PageMetadata) -> None:
    assert heishan.region is None


# --- synthetic pages -----------------------------------------------------------------------


def test_title_split_over_two_lines() -> None:
    lines = ["首页", "诸城市人民政府", "", "2017年政府信息公开工作年度报告", "本年度报告…"]
    assert read_metadata(lines, None, URL).title == "诸城市人民政府2017年政府信息公开工作年度报告"


def test_list_of_report_titles_gives_no_title() -> None:
    lines = ["诸城市人民政府2017年政府信息公开工作年度报告", "诸城市人民政府2016年政府信息公开工作年度报告"]
    assert read_metadata(lines, "信息公开年报_诸城市人民政府", URL).title == "信息公开年报"


def test_one_report_named_two_ways_keeps_its_title() -> None:
    lines = ["包头市2017年政府信息公开工作年度报告", "名称", "包头市人民政府2017年政府信息公开工作年度报告"]
    assert read_metadata(lines, None, URL).title == "包头市2017年政府信息公开工作年度报告"


def test_label_and_value_on_separate_lines() -> None:
    lines = ["索引号", "014416330/2018-04736", "发布日期", "2018-02-28"]
    assert read_metadata(lines, None, URL).published_on == "2018-02-28"


def test_index_number_year_is_never_the_reporting_year() -> None:
    lines = ["索引号: 014416330/2019-04736", "发布日期: 2018-02-28"]
    assert read_metadata(lines, None, URL).year == 2017


def test_year_from_publication_date_is_flagged() -> None:
    lines = ["发布日期: 2018-02-28"]
    assert "year_from_publication_date" in read_metadata(lines, None, URL).flags


def test_year_from_first_sentence_of_section_one() -> None:
    lines = ["一、概述", "2019年，我局认真贯彻落实《条例》。其余内容。"]
    meta = read_metadata(lines, None, URL)
    assert (meta.year, meta.year_source) == (2019, "first_sentence")


def test_period_disagreeing_with_title_is_flagged() -> None:
    lines = ["某县2016年政府信息公开工作年度报告", "本报告统计期限自2017年1月1日至2017年12月31日。"]
    assert "year_title_period_mismatch" in read_metadata(lines, None, URL).flags


def test_period_wins_over_title() -> None:
    lines = ["某县2016年政府信息公开工作年度报告", "本报告统计期限自2017年1月1日至2017年12月31日。"]
    assert read_metadata(lines, None, URL).year == 2017


def test_publication_outside_window_is_flagged() -> None:
    lines = ["舒兰市市场监督管理局2016年政务信息公开年度报告", "发布时间：2017-07-12 10:31"]
    assert "published_outside_window" in read_metadata(lines, None, URL).flags


def test_department_agency_is_the_title_body() -> None:
    lines = ["舒兰市市场监督管理局2016年政务信息公开年度报告"]
    assert read_metadata(lines, None, URL).agency == "舒兰市市场监督管理局"


def test_department_region_is_its_place() -> None:
    lines = ["舒兰市市场监督管理局2016年政务信息公开年度报告"]
    assert read_metadata(lines, None, URL).region == "舒兰市"


def test_bare_place_is_not_expanded_unless_the_page_names_the_government() -> None:
    lines = ["2022年上海市政府信息公开工作年度报告"]
    assert read_metadata(lines, None, URL).agency is None


def test_signature_names_the_agency_when_the_title_does_not() -> None:
    lines = ["2017年政府信息公开工作年度报告", "正文。", "诸城市人民政府", "2018年3月"]
    assert read_metadata(lines, None, URL).agency == "诸城市人民政府"


def test_brand_in_html_title_gives_no_region() -> None:
    html_title = "开云手机官网入口·(中国)官方网站2018年政府信息公开工作年度报告"
    assert read_metadata([], html_title, URL).region is None


def test_publication_date_from_url_path() -> None:
    url = "http://www.example.gov.cn/zwgk/201803/t20180322_123.html"
    assert read_metadata([], None, url).published_on == "2018-03-22"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("包头市人民政府办公厅", "包头市"),
        ("杭州市教育局", "杭州市"),
        ("贵州省人民政府", "贵州省"),
        ("济南市历下区大明湖街道办事处", "济南市历下区大明湖街道"),
        ("内蒙古自治区人民政府", "内蒙古自治区"),
        ("某某市城乡建设局", "某某市"),
        ("市人民政府办公厅", None),
    ],
)
def test_place_of(name: str, place: str | None) -> None:
    assert place_of(name) == place
