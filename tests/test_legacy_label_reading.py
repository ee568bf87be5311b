"""How a legacy row's label is read (issue 18): its script, the classes of words it is made of,
words of two meanings, headings, labels cut inside a word, headers printing no figure.

Each mechanism is shown in one built legacy table on a Simplified page, read once; one field
per test.
"""

from __future__ import annotations

import pytest

from extract.legacy_meaning import meaning_of
from extract.model import Report
from extract.pipeline import process
from extract.script import in_simplified

ROWS = [
    ("一、主动公开情况", "-"),
    ("(二)公开渠道", "-"),
    ("1.政府公报刊发信息数", "21"),  # a verb of publishing the vocabulary lists as such
    ("二、回应解读情况", "-"),
    ("政策解读文章数", "22"),  # 文章: a word for what is counted, like 稿件
    ("微博微信回应舆情热点事件数", "23"),  # what the channel responded to
    ("三、依申請公開情況", "-"),  # a Traditional table on a Simplified page
    ("(一)收到申請數", "24"),
    ("1.電郵申請數", "25"),  # 电邮: a word of the e-mail channel
    ("2.邮寄申请数", "26"),  # 邮寄: a channel of applications here …
    ("(三)申请答复数", "-"),
    ("4.不同意公开答复数", "-"),
    ("因涉及个<br>人隐私不予公开数", "27"),  # the cell wraps inside 个人隐私
    ("五、行政诉讼数量", "-"),  # a header printing "-" …
    ("五、提起行政诉讼案件数", "28"),  # … and the row printing the figure
    ("七、依申请公开信息收取的费用", "-"),
    ("收取复印、邮寄等费用", "29"),  # … and a service the fee is charged for here
    ("当面咨询人次", "30"),  # an early table's consultation rows
    ("咨询总数", "31"),  # no indicator counts every consultation
    ("八、机构建设和保障经费情况", "32"),  # names a situation: a heading, whatever it prints
]


@pytest.fixture(scope="module")
def table() -> Report:
    title = "某县人民政府2016年政府信息公开工作年度报告"
    rows = "".join(f"<tr><td>{label}</td><td></td><td>{value}</td></tr>" for label, value in ROWS)
    page = (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>"
        "<p>根据《中华人民共和国政府信息公开条例》规定，特向社会公布本县2016年政府信息公开工作年度报告。</p>"
        "<p>一、概述</p><p>本年度我县政府信息公开工作有序开展，现将有关情况报告如下。</p>"
        "<p>二、主动公开政府信息情况</p><p>我县主动公开政府信息，方便群众查阅。</p>"
        "<p>三、依申请公开政府信息情况</p><p>详见附表。</p>"
        "<table border='1'><tr><td>统计指标</td><td>单位</td><td>统计数</td></tr>"
        f"{rows}</table><p>六、存在的主要问题及改进措施</p><p>无。</p></body></html>"
    )
    return process(page.encode(), "https://example.gov.cn/2016.html")


def _values(report: Report, key: str) -> list[object]:
    return [stat.value for stat in report.stats if stat.key == key]


def _reason(report: Report, label: str) -> str:
    return next(cell.reason for cell in report.raw_cells if cell.label == label and cell.reason)


def test_verb_of_publishing_adds_no_meaning(table: Report) -> None:
    assert _values(table, "legacy.proactive.via_gazette") == [21]


def test_word_for_what_is_counted_adds_no_meaning(table: Report) -> None:
    assert _values(table, "legacy.response.interpretation_articles") == [22]


def test_channel_response_may_name_what_it_responded_to(table: Report) -> None:
    assert _values(table, "legacy.response.weibo_wechat_events") == [23]


def test_traditional_label_on_a_simplified_page_maps(table: Report) -> None:
    assert _values(table, "legacy.applications.received_total") == [24]


def test_channel_vocabulary_names_electronic_mail_in_other_words(table: Report) -> None:
    assert _values(table, "legacy.applications.received_email") == [25]


def test_word_of_two_meanings_read_as_an_application_channel(table: Report) -> None:
    assert _values(table, "legacy.applications.received_letter") == [26]


def test_word_of_two_meanings_read_as_a_charged_service(table: Report) -> None:
    assert _values(table, "legacy.fees_collected") == [29]


def test_label_cut_inside_a_word_is_joined(table: Report) -> None:
    stat = next(stat for stat in table.stats if stat.key == "legacy.applications.refused.personal_privacy")
    assert stat.raw_label == "因涉及个人隐私不予公开数"


def test_header_printing_no_figure_leaves_the_key_to_the_figure(table: Report) -> None:
    assert _values(table, "legacy.litigation.total") == [28]


def test_consultation_in_person_maps(table: Report) -> None:
    assert _values(table, "legacy_early.consultation.on_site") == [30]


def test_consultation_without_a_channel_stays_raw(table: Report) -> None:
    assert _reason(table, "咨询总数") == "no indicator means consultation"


def test_label_naming_a_situation_is_a_heading(table: Report) -> None:
    assert _reason(table, "八、机构建设和保障经费情况") == "a heading: it names a situation, not a count"


def test_block_header_naming_a_situation_means_no_key() -> None:
    assert meaning_of("依申请公开情况").key is None


def test_simplified_label_is_never_converted() -> None:
    assert in_simplified("乾安县主动公开政府信息数") == "乾安县主动公开政府信息数"


def test_traditional_label_is_converted() -> None:
    assert in_simplified("申請答覆數") == "申请答复数"
