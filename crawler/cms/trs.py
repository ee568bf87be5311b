"""TRS WCM column paging.

TRS list pages write their pager with JavaScript: `createPageHTML(count,
current, "index", "html")` names page 0 index.html and page N index_N.html,
so the pages exist only in that call, never as plain links.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from .base import MAX_LIST_PAGES, CmsAdapter, ListRequest

_CREATE_PAGE_HTML = re.compile(
    r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*,\s*[\"']([\w.-]+)[\"']\s*,\s*[\"'](\w+)[\"']\s*\)"
)

__all__ = ["MAX_LIST_PAGES", "TrsAdapter", "list_page_urls"]


def list_page_urls(html: str, page_url: str) -> list[str]:
    """The other list pages of a TRS column, from its createPageHTML call."""
    urls: list[str] = []
    for match in _CREATE_PAGE_HTML.finditer(html):
        count, _current, name, ext = int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)
        for page in range(min(count, MAX_LIST_PAGES)):
            filename = f"{name}.{ext}" if page == 0 else f"{name}_{page}.{ext}"
            urls.append(urljoin(page_url, filename))
    return list(dict.fromkeys(urls))


class TrsAdapter(CmsAdapter):
    name = "trs"

    def matches(self, html: str) -> bool:
        return "createPageHTML" in html

    def list_requests(self, html: str, page_url: str) -> list[ListRequest]:
        return [ListRequest(url) for url in list_page_urls(html, page_url)]
