"""A table that wraps another keeps only its own rows; the inner rows are the inner table's."""

import pytest

from extract.html import parse_html
from extract.tables.grid import expand_html_table

PAGE = (
    "<html><body><table id='outer'><tr><td>年度</td><td><table id='inner'>"
    "<tr><td>申请</td></tr><tr><td>答复</td></tr></table></td></tr>"
    "<tr><td>2019</td><td>12</td></tr></table></body></html>"
)


@pytest.fixture(scope="module")
def tree():
    return parse_html(PAGE)


def test_outer_table_reads_its_own_rows(tree):
    assert expand_html_table(tree.get_element_by_id("outer")) == [["年度", "申请\n答复"], ["2019", "12"]]


def test_inner_table_reads_its_rows(tree):
    assert expand_html_table(tree.get_element_by_id("inner")) == [["申请"], ["答复"]]
