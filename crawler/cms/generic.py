"""Paging that any CMS may use: `?page=N` (or pageNo, pageIndex, p) links with a page count.

Next-page anchors (下一页, rel=next) are plain links the spider follows anyway;
this adapter fills in the pages a pager leaves out ("1 2 3 … 9" shows only some
numbers) when the page states its total (共9页) or links to its last page.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from .base import MAX_LIST_PAGES, CmsAdapter, ListRequest

PAGE_PARAMS = ("page", "pageNo", "pageNum", "pageIndex", "currentPage", "p")
# `&amp;` is how an href's `&` is written in correct HTML.
_PAGE_LINK = re.compile(
    r"""href\s*=\s*["']([^"'#]*[?&](?:amp;)?(?:%s)=(\d+)[^"']*)["']""".replace("%s", "|".join(PAGE_PARAMS)),
    re.I,
)
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页")
# Script strings are not links (Hanweb's nextgroup names dataproxy.jsp?page=1 in one).
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S | re.I)
_PARAM_NAMES = {p.lower() for p in PAGE_PARAMS}
NEXT_PAGE_TEXT = ("下一页", "下页", "后页", "next", "›", ">>", "»")


def _with_page(url: str, param: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, str(page) if k == param else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query)))


class GenericAdapter(CmsAdapter):
    name = "generic"

    def matches(self, html: str) -> bool:
        return _PAGE_LINK.search(html) is not None

    def beyond_last_page(self, html: str, link_url: str) -> bool:
        # Many CMSs answer page N+1 with the last page again, 下一页 link included.
        stated = _TOTAL_PAGES.search(html)
        if stated is None:
            return False
        query = parse_qsl(urlsplit(link_url).query)
        pages = [int(v) for k, v in query if k.lower() in _PARAM_NAMES and v.isdigit()]
        return bool(pages) and pages[0] > int(stated.group(1))

    def list_requests(self, html: str, page_url: str) -> list[ListRequest]:
        html = _SCRIPT.sub("", html)
        links = [
            (urljoin(page_url, m.group(1).replace("&amp;", "&")), int(m.group(2)))
            for m in _PAGE_LINK.finditer(html)
        ]
        if not links:
            return []
        stated = _TOTAL_PAGES.search(html)
        # A stated count is the bound: a 下一页 on the last page may still name the page after it.
        last = int(stated.group(1)) if stated else max(n for _, n in links)
        template = links[0][0]
        query = dict(parse_qsl(urlsplit(template).query))
        param = next(k for k in query if k.lower() in _PARAM_NAMES)
        return [ListRequest(_with_page(template, param, n)) for n in range(1, min(last, MAX_LIST_PAGES) + 1)]
