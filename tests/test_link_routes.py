"""A fragment that is a hash route (a number, a path) names another list and is kept; any other
fragment is a place on the page and is dropped."""

from __future__ import annotations

import pytest

from crawler.links.routes import answered_url, page_address


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://h/gkmlpt/annualreport#2629", "http://h/gkmlpt/annualreport#2629"),
        ("http://h/list.html#/column/12", "http://h/list.html#/column/12"),
        ("http://h/list.html#!/column/12", "http://h/list.html#!/column/12"),
        ("http://h/report.html#top", "http://h/report.html"),
        ("http://h/report.html#", "http://h/report.html"),
    ],
)
def test_page_address(url, expected):
    assert page_address(url) == expected


def test_the_route_is_put_back_on_the_answer():
    assert answered_url("http://h/gkmlpt/index#2629", "http://h/gkmlpt/index") == "http://h/gkmlpt/index#2629"


def test_a_redirect_keeps_its_own_address():
    assert answered_url("http://h/gkmlpt/index#2629", "http://h/other") == "http://h/other"
