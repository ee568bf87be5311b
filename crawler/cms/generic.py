"""Paging that any CMS may use: `?page=N` (or pageNo, pageIndex, p) links with a page count.

Next-page anchors (下一页, rel=next) are plain links the spider follows anyway;
this adapter fills in the pages a pager leaves out ("1 2 3 … 9" shows only some
numbers) when the page states its total (共9页) or links to its last page. The
pager's anchors are read from the parsed page: an unquoted href counts, one in a
comment or a script string (Hanweb's nextgroup names dataproxy.jsp?page=1) does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from .base import MAX_LIST_PAGES, CmsAdapter, ListRequest, page_text

PAGE_PARAMS = ("page", "pageNo", "pageNum", "pageIndex", "currentPage", "p")
_PARAM_NAMES = {p.lower() for p in PAGE_PARAMS}
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页")
NEXT_PAGE_TEXT = ("下一页", "下页", "后页", "next", "›", ">>", "»")


def _page_number(url: str) -> int | None:
    query = parse_qsl(urlsplit(url).query, keep_blank_values=True)
    return next((int(v) for k, v in query if k.lower() in _PARAM_NAMES and v.isdigit()), None)


def pager_links(page: Selector, page_url: str) -> list[tuple[str, int]]:
    """The page's anchors to a numbered page of a list, each with its number."""
    found = []
    for href in page.css("a::attr(href)").getall():
        url = urljoin(page_url, href.strip())
        number = _page_number(url)
        if number is not None:
            found.append((url, number))
    return found


def stated_pages(page: Selector) -> int | None:
    stated = _TOTAL_PAGES.search(page_text(page))
    return int(stated.group(1)) if stated else None


def _with_page(url: str, param: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, str(page) if k == param else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query)))


class GenericAdapter(CmsAdapter):
    name = "generic"

    def matches(self, page: Selector) -> bool:
        return bool(pager_links(page, ""))

    def past_last_page(self, page: Selector) -> Callable[[str], bool]:
        # Many CMSs answer page N+1 with the last page again, 下一页 link included.
        last = stated_pages(page)

        def past(url: str) -> bool:
            number = _page_number(url)
            return last is not None and number is not None and number > last

        return past

    def list_requests(self, page: Selector, page_url: str) -> list[ListRequest]:
        links = pager_links(page, page_url)
        if not links:
            return []
        # A stated count is the bound: a 下一页 on the last page may still name the page after it.
        last = stated_pages(page) or max(n for _, n in links)
        template = links[0][0]
        query = dict(parse_qsl(urlsplit(template).query))
        param = next(k for k in query if k.lower() in _PARAM_NAMES)
        return [ListRequest(_with_page(template, param, n)) for n in range(1, min(last, MAX_LIST_PAGES) + 1)]
