"""URLs that never end: calendars, session ids, endless paging, repeated path segments.

A trap URL is refused before it is requested, with the reason in the crawl's stats and a
`pages` row, so a fragile site is not walked into thousands of empty pages. `trap_reason`
knows the shapes by name; `CalendarTrap` knows none: it counts the dates each URL pattern is
requested with, whatever the parameter or path segment that carries them.
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
# A date with a month (2019-03, 2019/3/5, 201903, 20190305) in a path segment, file name or
# query value. A year alone is not counted: columns are archived by year, and reports with them.
DATE_IN_URL = re.compile(
    r"(?<![0-9])(?:19|20)[0-9]{2}(?:([-/_.]?)(?:0[1-9]|1[0-2])|([-/_.])[1-9])"
    r"(?:(?:\1|\2)(?:0[1-9]|[12][0-9]|3[01])|(?:\1|\2)(?<=[-/_.])[1-9])?(?![0-9])"
)
# A short number under a session-like key names a site (Guangdong gkmlpt's ?sid=755001), not a session.
_SITE_NUMBER = re.compile(r"^\d{1,10}$")
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
        if SESSION_KEYS.match(key) and not _SITE_NUMBER.match(value):
            return "session query"
        if PAGE_KEYS.match(key) and value.isdigit() and int(value) > MAX_LIST_PAGES * 50:
            return "endless paging"
    index_n = _INDEX_N.search(parts.path)
    if index_n and int(index_n.group(1)) > MAX_LIST_PAGES:
        return "endless paging"
    return None


class CalendarTrap:
    """URLs that differ only by their dates (a calendar's months and days, an archive by day)
    are fetched for `limit` dates per pattern; later dates are refused. One crawl's count,
    bounded by its page budget; 0 switches it off."""

    def __init__(self, limit: int):
        self.limit = limit
        self.dates: dict[str, set[tuple[str, ...]]] = {}

    def refuse(self, url: str) -> str | None:
        """ "calendar dates" when `url` would be one date too many for its pattern, else None
        (and the date is counted)."""
        dates = tuple(m.group(0) for m in DATE_IN_URL.finditer(url))
        if not self.limit or not dates:
            return None
        seen = self.dates.setdefault(DATE_IN_URL.sub("{date}", url), set())
        if dates in seen:
            return None
        if len(seen) >= self.limit:
            return "calendar dates"
        seen.add(dates)
        return None
