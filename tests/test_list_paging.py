"""The further pages of a list read page by page: the same request with its page field counted
up to the last page the answer states (共N页, or a JSON total over one page of items)."""

from __future__ import annotations

import json

from crawler.cms.base import ListRequest
from crawler.scripts.paging import following_pages

API = "http://h/gkmlpt/api/all/2629?page={}&sid=755001"


def _answer(items: int, total: int = 8) -> str:
    return json.dumps({"classify": {"id": 2629}, "articles": [{"url": "/a"}] * items, "total": total})


def test_first_json_page_leads_to_every_later_page():
    pages = following_pages(ListRequest(API.format(1)), _answer(3))
    assert [p.url for p in pages] == [API.format(2), API.format(3)]


def test_stated_page_count_bounds_a_form_post():
    listing = ListRequest("http://h/module/xxgk/search.jsp", "POST", (("currpage", "2"), ("jdid", "17")))
    pages = following_pages(listing, "<table></table>共3页")
    assert [p.formdata for p in pages] == [(("currpage", "3"), ("jdid", "17"))]
