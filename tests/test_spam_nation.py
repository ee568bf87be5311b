"""The nation's own portal: 中央人民政府 names no division, and a central body's site code holds
letters (bm01000001). Lines from the saved homepage of www.gov.cn (Zhouqwq/zhouqwq.github.io),
which the spam layer took for a name swap written back as 西城区 (the server's 公网安备 office).
"""

import pytest

from .helpers.pages import lines_report

TITLE = "中国政府网_中央人民政府门户网站"
LINES = (
    "中共中央政治局召开会议 中共中央总书记习近平主持会议",
    "中共中央办公厅 国务院办公厅印发《深化集体林权制度改革方案》",
    "中央人民政府门户网站 www.gov.cn",
    "主办单位：国务院办公厅 运行维护单位：中国政府网运行中心",
    "网站标识码bm01000001 京ICP备05070218号 京公网安备11010202000001号",
    "网站标识码bm01000001",  # the footer again, for small screens
)


@pytest.fixture(scope="module")
def homepage():
    return lines_report(TITLE, LINES, "https://www.gov.cn/")


def test_the_nation_s_portal_is_not_tampered(homepage):
    assert not homepage.spam.tampered


def test_the_central_government_in_the_title_s_slot_is_no_swap(homepage):
    assert "name_slot" not in {finding.kind for finding in homepage.spam.findings}


def test_a_central_body_s_site_code_is_no_phrase(homepage):
    assert "bm01000001" in homepage.text and "phrase_swap" not in {f.kind for f in homepage.spam.findings}
