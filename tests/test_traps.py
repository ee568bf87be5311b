"""Trap URLs refused before they are requested."""

import pytest

from crawler.links.traps import trap_reason


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://h/zwgk/rili.html?year=2019&month=3", "calendar query"),
        ("http://h/calendar/2019/03/index.html", "calendar or session path"),
        ("http://h/list.jsp?page=999999", "endless paging"),
        ("http://h/col/index_100000.html", "endless paging"),
        ("http://h/a/b/a/b/a/b/c.html", "repeated path segment"),
        ("http://h/list.jsp?jsessionid=abc", "session query"),
        ("http://h/" + "x" * 600, "url too long"),
    ],
)
def test_traps_are_named(url, reason):
    assert trap_reason(url) == reason


@pytest.mark.parametrize(
    "url",
    [
        "http://h/zwgk/ndbg/index_2.html",
        "http://h/list.jsp?page=3&columnid=12",
        "http://h/art/2020/3/25/art_300_5000.html",
        "http://h/zwgk/ndbg/202003/t20200325_1000.html",
    ],
)
def test_ordinary_pages_pass(url):
    assert trap_reason(url) is None
