"""Hanweb (大汉) JCMS columns: the jpage datastore and its dataproxy.jsp paging.

A Hanweb column page carries its first records as XML inside
`<script type="text/xml"><datastore>…</datastore></script>`, each record a CDATA
block of list markup, so an HTML parser sees no links at all. The rest of the
column comes from POSTs to the dataproxy.jsp the page names (its `nextgroup`
link, or the jpage call's `proxyUrl`: /module/web/jpage/dataproxy.jsp,
/module/jpage/dataproxy.jsp, /module/jslib/jquery/jpage/dataproxy.jsp, …) with
startrecord/endrecord/perpage in the query and the column's ajax parameters
(columnid, unitid, webid, path, …, taken from the `nextgroup` link, quoted
values such as path='/' sent as written) as form fields. One POST returns
perpage × groupsize records.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from parsel import Selector

from .base import MAX_LIST_PAGES, CmsAdapter, FoundLink, ListRequest, script_text

DEFAULT_PER_PAGE = 15
DEFAULT_GROUP_SIZE = 3

_DATASTORE = re.compile(r"<datastore>(.*?)</datastore>", re.S | re.I)
_RECORD = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S | re.I)
_NEXTGROUP = re.compile(r"<nextgroup>\s*<!\[CDATA\[(.*?)\]\]>\s*</nextgroup>", re.S | re.I)
_TOTAL_RECORD = re.compile(r"(?:<totalrecord>\s*|totalRecord\s*[:=]\s*['\"]?)(\d+)", re.I)
_PER_PAGE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)", re.I)
_GROUP_SIZE = re.compile(r"groupSize\s*[:=]\s*['\"]?(\d+)", re.I)
_PROXY_URL = re.compile(r"proxyUrl\s*[:=]\s*['\"]([^'\"]+)['\"]", re.I)
# Query keys of the nextgroup link that are paging, not the column's identity.
_PAGING_KEYS = {"page", "startrecord", "endrecord", "perpage"}


def _number(pattern: re.Pattern[str], text: str, default: int) -> int:
    match = pattern.search(text)
    return int(match.group(1)) if match and int(match.group(1)) > 0 else default


def records(xml: str) -> list[str]:
    return [html_lib.unescape(r) for r in _RECORD.findall(xml)]


def _nextgroup_href(xml: str) -> str:
    """The nextgroup link's address, read by an HTML parser: its values may be quoted ('/')."""
    nextgroup = _NEXTGROUP.search(xml)
    if not nextgroup:
        return ""
    return Selector(text=f"<div>{nextgroup.group(1)}</div>").css("a::attr(href)").get() or ""


def ajax_parameters(xml: str) -> tuple[tuple[str, str], ...]:
    """The column's form fields, from the datastore's nextgroup link."""
    query = urlsplit(_nextgroup_href(xml)).query
    fields = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in _PAGING_KEYS]
    if fields and not any(k == "col" for k, _ in fields):
        fields.insert(0, ("col", "1"))
    return tuple(dict(fields).items())


def paging_endpoint(xml: str, html: str, page_url: str) -> str | None:
    """The paging endpoint the page itself names: its nextgroup link, else the jpage proxyUrl."""
    path = urlsplit(_nextgroup_href(xml)).path
    if not path:
        named = _PROXY_URL.search(html)
        path = named.group(1) if named else ""
    return urljoin(page_url, path) if path else None


def group_request(
    proxy: str, start: int, per_page: int, group_size: int, form: tuple[tuple[str, str], ...]
) -> ListRequest:
    end = start + per_page * group_size - 1
    query = urlencode({"startrecord": start, "endrecord": end, "perpage": per_page})
    return ListRequest(f"{proxy.split('?', 1)[0]}?{query}", "POST", form)


def next_group(xml: str, proxy_url: str, form: tuple[tuple[str, str], ...]) -> ListRequest | None:
    """The group after a dataproxy answer: up to its total, or while groups come back full."""
    query = dict(parse_qsl(urlsplit(proxy_url).query))
    try:
        start, end, per_page = int(query["startrecord"]), int(query["endrecord"]), int(query["perpage"])
    except (KeyError, ValueError):
        return None
    total = _TOTAL_RECORD.search(xml)
    more = end < int(total.group(1)) if total else len(records(xml)) >= end - start + 1
    if not more:
        return None
    if end >= MAX_LIST_PAGES * per_page:
        return None
    group_size = max(1, (end - start + 1) // per_page)
    return group_request(proxy_url, end + 1, per_page, group_size, form)


def datastores(page: Selector) -> list[str]:
    """The page's datastores: the XML inside a column page's `<script type="text/xml">` (a
    script string, read with patterns), or the records of a dataproxy answer served as XML. (One
    served as HTML needs nothing here: its records' anchors are in the parsed page.)"""
    if page.type == "xml":
        found = page.xpath("//record/text()").getall()
        return ["".join(f"<record><![CDATA[{r}]]></record>" for r in found)] if found else []
    return _DATASTORE.findall(script_text(page))


class HanwebAdapter(CmsAdapter):
    name = "hanweb"

    def matches(self, page: Selector) -> bool:
        return bool(datastores(page))

    def links(self, page: Selector, page_url: str) -> list[FoundLink]:
        found: list[FoundLink] = []
        for store in datastores(page):
            for record in records(store):
                for anchor in Selector(text=f"<div>{record}</div>").css("a[href]"):
                    text = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip())
                    url = urljoin(page_url, anchor.attrib["href"].strip())
                    found.append(FoundLink(url, text or anchor.attrib.get("title", "")))
        return found

    def list_requests(self, page: Selector, page_url: str) -> list[ListRequest]:
        if "dataproxy" in urlsplit(page_url).path.lower():
            return []  # a dataproxy answer: the spider asks next_group with the form it sent
        html = script_text(page)
        requests: list[ListRequest] = []
        for store in _DATASTORE.findall(html):
            form = ajax_parameters(store)
            proxy = paging_endpoint(store, html, page_url)
            if not form or proxy is None:
                continue
            per_page = _number(_PER_PAGE, html, DEFAULT_PER_PAGE)
            group_size = _number(_GROUP_SIZE, html, DEFAULT_GROUP_SIZE)
            total_match = _TOTAL_RECORD.search(store) or _TOTAL_RECORD.search(html)
            shown = len(records(store))
            if total_match is None:
                # Unknown total: ask for the group after the records shown; more follow while full.
                requests.append(group_request(proxy, shown + 1, per_page, group_size, form))
                continue
            total = min(int(total_match.group(1)), MAX_LIST_PAGES * per_page)
            step = per_page * group_size
            requests += [
                group_request(proxy, start, per_page, group_size, form)
                for start in range(shown + 1, total + 1, step)
            ]
        return requests
