"""Shanghai cluster-platform lists: a jQuery `pagination({totalPage: N, …})` pager.

Its callback sends page 1 to index.html and page i to index_i.html, so here
index_2.html is the second page (in TRS it would be the third).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

from .base import MAX_LIST_PAGES, CmsAdapter, ListRequest, script_text

_TOTAL_PAGE = re.compile(r"\.pagination\(\s*\{[^}]*?totalPage\s*:\s*(\d+)", re.S)
# location.href='index_'+i+'.html'  (the name and extension vary by column)
_PAGE_NAME = re.compile(r"""['"]([\w-]+)_['"]\s*\+\s*\w+\s*\+\s*['"](\.s?html?)['"]""")


class ShanghaiAdapter(CmsAdapter):
    name = "shanghai"

    def matches(self, page: Selector) -> bool:
        return _TOTAL_PAGE.search(script_text(page)) is not None

    def list_requests(self, page: Selector, page_url: str) -> list[ListRequest]:
        html = script_text(page)
        total = _TOTAL_PAGE.search(html)
        if total is None:
            return []
        named = _PAGE_NAME.search(html[total.start() :])
        name, ext = (named.group(1), named.group(2)) if named else ("index", ".html")
        pages = min(int(total.group(1)), MAX_LIST_PAGES)
        urls = [urljoin(page_url, f"{name}{ext}")]
        urls += [urljoin(page_url, f"{name}_{i}{ext}") for i in range(2, pages + 1)]
        return [ListRequest(url) for url in urls]
