"""The further pages of a list that a script requests page by page ($.ajax with currpage=1, a
JSON API with page=1): the same request with the page field counted up to the stated last page.

The answer states its size as 共N页 (an HTML fragment) or as a JSON total with the items of one
page; without either, no further page is guessed.
"""

from __future__ import annotations

import json
import math
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from crawler.cms.base import MAX_LIST_PAGES, ListRequest

PAGE_FIELDS = re.compile(r"^(?:page|pageno|pagenum|pageindex|currpage|currentpage|curpage|cpage|p)$", re.I)
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页")
_TOTAL_KEYS = ("total", "totalCount", "totalRecord", "count")


def stated_pages(answer: str) -> int | None:
    """How many pages the answer says the list has (a JSON answer: its total over the items of
    this page, so only a full page, the first, says it right)."""
    stated = _TOTAL_PAGES.search(answer)
    if stated:
        return int(stated.group(1))
    if not answer.lstrip().startswith("{"):
        return None
    try:
        data = json.loads(answer)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    total = next((data[k] for k in _TOTAL_KEYS if isinstance(data.get(k), int)), None)
    items = next((v for v in data.values() if isinstance(v, list) and v), None)
    if total is None or not items:
        return None
    return math.ceil(total / len(items))


def following_pages(listing: ListRequest, answer: str) -> list[ListRequest]:
    """The same request for every page after this one, up to the stated last page. Asked of the
    first answer only (the spider marks the pages counted from it)."""
    fields = list(listing.formdata)
    parts = urlsplit(listing.url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for where in (fields, query):
        for index, (name, value) in enumerate(where):
            if PAGE_FIELDS.match(name) and value.isdigit():
                last = stated_pages(answer)
                if last is None:
                    return []
                return [
                    _with(listing, where is fields, fields, query, index, page)
                    for page in range(int(value) + 1, min(last, MAX_LIST_PAGES) + 1)
                ]
    return []


def _with(
    listing: ListRequest,
    in_form: bool,
    fields: list[tuple[str, str]],
    query: list[tuple[str, str]],
    index: int,
    page: int,
) -> ListRequest:
    changed = list(fields if in_form else query)
    changed[index] = (changed[index][0], str(page))
    if in_form:
        return ListRequest(listing.url, listing.method, tuple(changed))
    url = urlunsplit(urlsplit(listing.url)._replace(query=urlencode(changed)))
    return ListRequest(url, listing.method, listing.formdata)
