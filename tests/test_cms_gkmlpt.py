"""Guangdong gkmlpt shells: page 1 of the list API for the column the hash names, or for the
tree's annual-report columns; the SID read from the shell's _CONFIG."""

from __future__ import annotations

from parsel import Selector

from crawler.cms.gkmlpt import GkmlptAdapter
from tests.portals import script_lists

SHELL = Selector(text=script_lists.gkmlpt()[0]["/gkmlpt/annualreport"].decode())
ADAPTER = GkmlptAdapter()


def _urls(page_url: str, page: Selector = SHELL) -> list[str]:
    return [r.url for r in ADAPTER.list_requests(page, page_url)]


def test_the_shell_is_recognised():
    assert ADAPTER.matches(SHELL)


def test_hash_names_the_column():
    assert _urls("http://h/sub/gkmlpt/annualreport#77") == [
        "http://h/sub/gkmlpt/api/all/77?page=1&sid=755001"
    ]


def test_without_a_hash_the_trees_report_columns():
    assert _urls("http://h/gkmlpt/index") == ["http://h/gkmlpt/api/all/2629?page=1&sid=755001"]


def test_a_page_outside_the_platform_asks_nothing():
    assert _urls("http://h/xxgk/index.html") == []
