"""Addresses whose fragment names a page, not a place on it: hash-routed list views.

`/gkmlpt/annualreport#2629` and `/list.html#/column/12` are different lists in a browser, drawn
by the page's scripts from the hash; `#top` and `#content` are places on one page. A fragment
that is a number or a path (`/…`, `!/…`) is kept, so the page is fetched for each route and its
scripts see the hash as `location.hash`; any other fragment is dropped as before.
"""

from __future__ import annotations

import re
from urllib.parse import urldefrag

ROUTE_FRAGMENT = re.compile(r"^(?:\d+|!?/\S*)$")


def page_address(url: str) -> str:
    """The URL to fetch for a link: without its fragment unless the fragment is a route."""
    base, fragment = urldefrag(url)
    return url if fragment and ROUTE_FRAGMENT.match(fragment) else base


def has_route(url: str) -> bool:
    return page_address(url) != urldefrag(url)[0]


def answered_url(request_url: str, response_url: str) -> str:
    """The URL a response stands for: the downloader drops the fragment, so a hash route the
    request asked for is put back (not after a redirect to another address)."""
    base, fragment = urldefrag(request_url)
    if fragment and ROUTE_FRAGMENT.match(fragment) and base == response_url:
        return request_url
    return response_url
