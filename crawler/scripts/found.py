"""Turn what a page's scripts did into links and list requests the spider can follow."""

from __future__ import annotations

from urllib.parse import parse_qsl, urldefrag, urlencode, urljoin, urlsplit, urlunsplit

from parsel import Selector

from crawler.cms.base import FoundLink, ListRequest

from .sandbox import ScriptRun

_NOT_LINKS = ("javascript:", "mailto:", "tel:", "#", "about:")


def _resolve(page_url: str, href: str) -> str | None:
    href = href.strip()
    if not href or href.lower().startswith(_NOT_LINKS):
        return None
    return urldefrag(urljoin(page_url, href))[0]


def script_links(run: ScriptRun, page_url: str) -> list[FoundLink]:
    """Anchors in the markup the scripts wrote, and the pages they navigate to, once each.

    A navigation carries the text of the anchor whose handler made it ("下一页", "3")."""
    found: dict[str, FoundLink] = {}
    markup = "".join(w.value for w in run.written)
    if "<a" in markup.lower():
        for anchor in Selector(text=f"<div>{markup}</div>").css("a[href]"):
            url = _resolve(page_url, anchor.attrib["href"])
            text = " ".join(t.strip() for t in anchor.css("::text").getall() if t.strip())
            if url and (url not in found or not found[url].text):
                found[url] = FoundLink(url, text or anchor.attrib.get("title", ""))
    for navigation in run.navigations:
        url = _resolve(page_url, navigation.value)
        if url and (url not in found or not found[url].text):
            found[url] = FoundLink(url, navigation.label)
    return list(found.values())


def _fields(raw: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    """Form fields; a body sent as one string ("a=1&b=2") is read as a query string."""
    fields: list[tuple[str, str]] = []
    for name, value in raw:
        fields += parse_qsl(value, keep_blank_values=True) if name == "" else [(name, value)]
    return fields


def script_requests(run: ScriptRun, page_url: str) -> list[ListRequest]:
    """The requests the scripts would send: a GET's fields go into its query, a POST's stay a form."""
    requests: dict[tuple, ListRequest] = {}
    for request in run.requests:
        url = _resolve(page_url, request.url)
        if url is None:
            continue
        fields = _fields(request.fields)
        if request.method == "POST":
            listing = ListRequest(url, "POST", tuple(fields))
        else:
            parts = urlsplit(url)
            query = parse_qsl(parts.query, keep_blank_values=True) + fields
            listing = ListRequest(urlunsplit(parts._replace(query=urlencode(query))))
        requests.setdefault((listing.url, listing.method, listing.formdata), listing)
    return list(requests.values())
