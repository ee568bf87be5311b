"""URLs that never end: calendars, session ids, endless paging, repeated path segments.

A trap URL is refused before it is requested, with the reason logged in the
crawl's stats, so a fragile site is not walked into thousands of empty pages.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit

from crawler.cms.base import MAX_LIST_PAGES

MAX_URL_LENGTH = 512
MAX_PATH_SEGMENT_REPEATS = 2
CALENDAR_KEYS = re.compile(r"^(?:date|day|month|year|yearmonth|ym|calendar|cal|d|week)$", re.I)
CALENDAR_PATH = re.compile(r"/(?:calendar|rili)/|/\d{4}-\d{1,2}-\d{1,2}(?:/|$)", re.I)
PAGE_KEYS = re.compile(r"^(?:page|pageno|pagenum|pageindex|currentpage|p|startrecord)$", re.I)
SESSION_KEYS = re.compile(r"^(?:jsessionid|sid|sessionid|phpsessid|_t|timestamp|rnd|random)$", re.I)
# An index_N page number past the paging budget.
_INDEX_N = re.compile(r"/index_(\d+)\.s?html?$", re.I)


def trap_reason(url: str) -> str | None:
    """Why this URL is a trap, or None when it is worth fetching."""
    if len(url) > MAX_URL_LENGTH:
        return "url too long"
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if any(segments.count(s) > MAX_PATH_SEGMENT_REPEATS for s in set(segments)):
        return "repeated path segment"
    if CALENDAR_PATH.search(parts.path) or ";jsessionid=" in parts.path.lower():
        return "calendar or session path"
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if CALENDAR_KEYS.match(key):
            return "calendar query"
        if SESSION_KEYS.match(key):
            return "session query"
        if PAGE_KEYS.match(key) and value.isdigit() and int(value) > MAX_LIST_PAGES * 50:
            return "endless paging"
    index_n = _INDEX_N.search(parts.path)
    if index_n and int(index_n.group(1)) > MAX_LIST_PAGES:
        return "endless paging"
    return None
