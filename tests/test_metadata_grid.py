"""The metadata grid above an article (索引号, 发布机构, 文号…) heads the report text once."""

import pytest

from extract import process
from extract.clean import main_text
from extract.html import parse_html, visible_lines

from .helpers.paths import SAMPLE_PORTAL, shared_file

MOE_URL = "http://www.moe.gov.cn/srcsite/A06/s3321/202406/t20240613_1135700.html"
ARTICLE = (
    "<div class='article'><h1>关于开展政务公开工作的通知</h1>"
    "<p>各乡镇人民政府、街道办事处，市政府各部门：为深入贯彻落实政务公开工作要点，"
    "进一步提升政务公开标准化规范化水平，现将有关事项通知如下，请结合实际认真抓好落实。</p>"
    "<p>一、加强组织领导。各单位要把政务公开工作摆上重要位置，明确分管负责同志和具体工作人员，"
    "建立健全工作机制，确保各项任务落到实处，按时报送工作进展情况和年度总结。</p>"
    "<p>二、规范公开内容。各单位要对照公开目录及时发布政策文件、规划计划和办事指南，"
    "做好政策解读和回应关切，主动公开的信息要做到内容准确、格式规范、更新及时。</p></div>"
)
TABLE_GRID = (
    "<table class='xxgk'><tr><td>索 引 号：</td><td>11370782/2024-00031</td>"
    "<td>主题分类：</td><td>综合政务</td></tr>"
    "<tr><td>发布机构：</td><td>诸城市人民政府办公室</td><td>成文日期：</td><td>2024-03-28</td></tr>"
    "<tr><td>文号：</td><td colspan='3'>诸政办字〔2024〕5号</td></tr></table>"
)
LIST_GRID = (
    "<ul class='info'><li><span>索引号：</span>11370782/2024-00031</li>"
    "<li><span>发布机构：</span>诸城市人民政府办公室</li>"
    "<li><span>发布日期：</span>2024-03-28</li><li>文号：诸政办字〔2024〕5号</li></ul>"
)


def page(grid: str = "", head: str = "") -> bytes:
    markup = (
        f"<html><head><meta charset='utf-8'><title>关于开展政务公开工作的通知</title>{head}</head>"
        f"<body><div class='nav'><a href='/'>首页</a></div>{grid}{ARTICLE}</body></html>"
    )
    return markup.encode("utf-8")


_PAIRS = (
    ("索引号：", "11370782/2024-00031"),
    ("发布机构：", "诸城市人民政府办公室"),
    ("发布日期：", "2024-03-28"),
)
URL = "http://www.zhucheng.gov.cn/xxgk/202403/t20240328_1.html"


@pytest.fixture(scope="module")
def moe_report():
    body = shared_file("corpus", "real", "mhxqwer__wjmoe.gov.cn", "index.html").read_bytes()
    return process(body, MOE_URL)


@pytest.fixture(scope="module")
def table_text():
    return process(page(TABLE_GRID), URL).text


@pytest.fixture(scope="module")
def list_text():
    return process(page(LIST_GRID), URL).text


def test_real_grid_row_heads_the_text(moe_report):
    assert moe_report.text.split("\n")[0] == (
        "| 信息名称： | 教育部办公厅关于举办2024年高校“礼敬中华优秀传统文化”宣传教育活动的通知 |  |  |  |  |"
    )


def test_real_grid_row_of_the_document_number(moe_report):
    row = "| 发文字号： | 教思政厅函〔2024〕10号 | 信息类别： | 高等教育 |  |  |"
    assert row in moe_report.text.split("\n")


def test_real_grid_rows_appear_once(moe_report):
    assert moe_report.text.count("| 信息索引： | 360A12-07-2024-0008-1 | 生成日期： | 2024-06-04 |") == 1


def test_real_grid_leaves_the_article_as_it_was(moe_report):
    lines = moe_report.text.split("\n")
    assert lines[4] == "教思政厅函〔2024〕10号"


def test_table_grid_row(table_text):
    assert "| 发布机构： | 诸城市人民政府办公室 | 成文日期： | 2024-03-28 |" in table_text.split("\n")


def test_table_grid_spanned_cell_printed_once(table_text):
    assert "| 文号： | 诸政办字〔2024〕5号 |  |  |" in table_text.split("\n")


def test_table_grid_heads_the_text(table_text):
    assert table_text.startswith("| 索 引 号： | 11370782/2024-00031 | 主题分类： | 综合政务 |\n")


def test_list_grid_span_label(list_text):
    assert "| 发布机构： | 诸城市人民政府办公室 |" in list_text.split("\n")


def test_list_grid_label_in_the_item_text(list_text):
    assert "| 文号： | 诸政办字〔2024〕5号 |" in list_text.split("\n")


def test_page_without_grid_keeps_the_main_text():
    body = page("<table><tr><td>项目</td><td>数量</td></tr><tr><td>发布日期</td><td>12</td></tr></table>")
    tree = parse_html(body.decode("utf-8"))
    assert process(body, URL).text == main_text(tree, URL, visible_lines(tree))


def test_two_labels_are_no_grid():
    two = "<ul><li>标题：通知</li><li>发布日期：2024-03-28</li></ul>"
    assert "|" not in process(page(two), URL).text


def test_hidden_grid_stays_out():
    hidden = TABLE_GRID.replace("<table class='xxgk'>", "<table class='xxgk' style='display:none'>")
    assert "11370782/2024-00031" not in process(page(hidden), URL).text


def test_grid_hidden_by_the_page_stylesheet_stays_out():
    styled = page(TABLE_GRID, head="<style>.xxgk{display:none}</style>")
    assert "11370782/2024-00031" not in process(styled, URL).text


def test_grid_already_in_the_text_is_not_repeated():
    inline = "".join(f"<p>{label}{value}</p>" for label, value in _PAIRS)
    article = ARTICLE.replace("<h1>", f"<div>{inline}</div><h1>", 1)
    markup = page().decode("utf-8").replace(ARTICLE, article).encode("utf-8")
    text = process(markup, URL).text
    assert text.count("诸城市人民政府办公室") == 1


def test_sample_portal_grid_heads_the_report_text():
    body = (SAMPLE_PORTAL / "xxgk/ndbg/201803/t20180329_1234502.html").read_bytes()
    text = process(body, "http://sample-portal.localhost/xxgk/ndbg/201803/t20180329_1234502.html").text
    assert text.split("\n")[1] == "| 发布机构： | 诸城市人民政府办公室 | 发文日期： | 2018-03-29 |"
