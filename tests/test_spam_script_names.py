"""A name written in Traditional over a Simplified page's words (思想政治萬豪會司) is a name,
whatever it folds to; what a Simplified page quotes in Traditional (臺灣, 澳門特別行政區) is not,
nor is a page that writes a Traditional text of its own."""

import pytest

from extract.pipeline import process
from extract.spam.script_names import other_script_names

SENTENCES = (
    "主办单位：教育部思想政治{0}司",
    "协办单位：全国高校思想政治{0}网、中国大学生在线",
    "王佳，中国东方文化研究会美育{0}委员会客座教授。",
)


def _text(name: str) -> str:
    return "\n".join(line.format(name) for line in SENTENCES)


@pytest.mark.parametrize("name", ["萬豪會", "龍騰體育", "財神爺"])
def test_a_traditional_name_in_several_places_is_a_name(name):
    assert other_script_names(_text(name), "simplified") == [name]


@pytest.mark.parametrize("name", ["臺灣", "澳門", "澳門特別行政區政府", "瀋陽"])
def test_a_place_or_body_quoted_in_traditional_is_not(name):
    assert other_script_names(_text(name), "simplified") == []


def test_a_traditional_page_has_no_names_of_the_other_script():
    assert other_script_names(_text("萬豪會"), "traditional") == []


def test_a_page_writing_traditional_of_its_own_is_left_alone():
    notice = "繁體版：本署致力於推動政府資訊公開工作，歡迎市民隨時查閱相關資料並提出寶貴意見。"
    assert other_script_names(_text("萬豪會") + "\n" + notice, "simplified") == []


@pytest.fixture(scope="module")
def report():
    body = "".join(f"<p>{line}</p>" for line in _text("萬豪會").split("\n"))
    markup = f"<html><head><meta charset='utf-8'><title>活动通知</title></head><body>{body}</body></html>"
    return process(markup.encode("utf-8"), "http://www.moe.gov.cn/srcsite/A06/t1.html")


def test_the_name_leaves_the_text(report):
    assert "萬豪會" not in report.text


def test_the_words_around_it_stay(report):
    assert "教育部思想政治司" in report.text


def test_the_page_is_tampered(report):
    assert report.spam.tampered
