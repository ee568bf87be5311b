"""The main text's lines are mostly the page's visible lines, already read for keyword lists:
reading only the new ones gives what reading them all gives."""

import pytest

from extract.html import parse_html, visible_lines
from extract.spam.text import strip_known_lines, strip_text_spam

from .helpers.paths import SAMPLE_PORTAL

LIST = "金鼎娱乐城 银狐体育平台 大发快三 凤凰视频直播 w66利博 明升88"
VISIBLE = ["首页 政务公开 政务服务", "正文第一段，全市共公开政府信息1200条。", LIST, "互联网政务服务平台建设"]


def test_a_list_read_before_is_dropped_again():
    earlier = strip_text_spam(VISIBLE)
    assert strip_known_lines(["正文第一段，全市共公开政府信息1200条。", LIST], earlier).lines == [
        "正文第一段，全市共公开政府信息1200条。"
    ]


def test_a_new_line_is_read():
    earlier = strip_text_spam(VISIBLE)
    known = strip_known_lines(["新的一段。", f"相关链接：{LIST}"], earlier)
    assert [f.kind for f in known.findings] == ["keyword_list"]


@pytest.mark.parametrize("page", sorted(SAMPLE_PORTAL.rglob("*.html")), ids=lambda p: p.name)
def test_known_lines_come_out_as_reading_them_all(page):
    lines = visible_lines(parse_html(page.read_text(encoding="utf-8", errors="replace")))
    text_lines = [*lines[len(lines) // 3 :], LIST, "新的一行"]
    assert strip_known_lines(text_lines, strip_text_spam(lines)).lines == strip_text_spam(text_lines).lines
