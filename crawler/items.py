"""What the spider hands to the pipelines: one fetched URL, raw bytes and all."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PAGE = "page"
ATTACHMENT = "attachment"

# Request-meta keys, shared by the spiders and the middlewares --------------------------
# The page is inside the disclosure section or the report column.
FOCUS = "nianbao_focus"
# PAGE or ATTACHMENT.
KIND = "nianbao_kind"
# The fields of a list request read page by page (a Hanweb dataproxy or script POST; () for GET).
LIST_FORM = "nianbao_list_form"
# A list page counted from the first page's answer (the same request, page field counted up): the
# first answer gave the page size, a later, shorter one would not, so it asks for no more pages.
LIST_COUNTED = "nianbao_list_counted"
# (parent url, parent title, link text) of an attachment.
PARENT = "nianbao_parent"
# Why the answer is a blocker (WAF challenge, geoblock, TLS failure) rather than the page.
BLOCKED = "nianbao_blocked"
# Set on a blocked answer that ends the site's crawl (too many blocks in a row).
STOP_BLOCKED = "nianbao_stop_blocked"
# The bytes are those stored last time (304, or the same hash): not parsed again.
UNCHANGED = "nianbao_unchanged"
# The links a page yielded at its last full fetch (PageLink list), set on a 304 or same-bytes
# answer: the spider follows them again instead of reading the page.
STORED_LINKS = "nianbao_stored_links"
# Why this request goes through the browser (links built by scripts).
RENDER_REASON = "nianbao_render_reason"
# Tries so far after a 429/503 with Retry-After.
RETRY_AFTER_TRIES = "nianbao_retry_after_tries"
# (reason, target) of a redirect not followed: offsite, a loop, or too many hops.
REDIRECT_REFUSED = "nianbao_redirect_refused"
# A list page of the same column (下一页, a CMS list request): it keeps its parent's depth.
PAGING = "nianbao_paging"
# The site's lease in Redis held by a request of a distributed crawl (crawler/distribute/lease.py).
SITE_LEASE = "nianbao_site_lease"
# Scrapy's own key: AutoThrottle leaves the slot's delay as we set it.
AUTOTHROTTLE_KEEP = "autothrottle_dont_adjust_delay"


def header_dict(headers: Any) -> dict[str, str]:
    """Scrapy's headers (bytes, one value per name as the spider reads them) as text."""
    return {k.decode("latin-1"): headers.get(k).decode("latin-1") for k in headers}


@dataclass(frozen=True)
class Exchange:
    """The request as sent and the answer's HTTP version: what the WARC records need besides the
    answer's status, headers and body (crawler/pipelines/warc_page.py)."""

    # The URL that answered: a refused redirect's row is at the URL first asked for.
    url: str
    method: str
    request_headers: dict[str, str]
    request_body: bytes
    protocol: str | None


def exchange(request: Any, response: Any) -> Exchange | None:
    if request is None:  # a response made by hand (tests), not downloaded
        return None
    return Exchange(
        response.url,
        request.method,
        header_dict(request.headers),
        request.body,
        getattr(response, "protocol", None),
    )


@dataclass(frozen=True)
class PageLink:
    """A request a page led to (a link, a list request, an attachment), kept in `page_links` so a
    re-crawl that finds the page unchanged follows the same requests without reading it again."""

    url: str
    priority: int
    meta: dict[str, Any]
    formdata: tuple[tuple[str, str], ...] | None = None
    text: str = ""
    attachment: bool = False


@dataclass
class PageItem:
    url: str
    status: int | None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    depth: int = 0
    # Filled by ExtractPipeline: an extract.Report.
    report: Any = None
    # "page" or "attachment" (a PDF, Word or Excel file linked from a page).
    kind: str = PAGE
    # For an attachment: the page that links to it, that page's title and the link's text.
    parent_url: str | None = None
    parent_title: str | None = None
    link_text: str | None = None
    # A WAF challenge, geoblock or TLS failure: recorded, not fought.
    blocked_reason: str | None = None
    # 304 to a conditional request, or the same bytes as last time: not parsed again.
    unchanged: bool = False
    # Why the page was rendered in the browser (links built by scripts); None for plain HTTP.
    render_reason: str | None = None
    # The page's scripts were stopped in the sandbox: "time limit: InternalError: interrupted".
    scripts_stopped: str | None = None
    # Why the crawl did not follow this URL ("trap: …") or its redirect ("offsite redirect",
    # "redirect loop", "too many redirects"), and the redirect's target.
    refused_reason: str | None = None
    redirect_to: str | None = None
    # The request and HTTP version of a fetch that got an answer (None when nothing was fetched).
    exchange: Exchange | None = None
    # Where WarcPipeline wrote the answer: the file (relative to the database's folder), the
    # record's offset and its length in bytes, compressed.
    warc_file: str | None = None
    warc_offset: int | None = None
    warc_length: int | None = None
    # A page read in full: the requests it led to, stored under its request key (URL, or method,
    # URL and body hash for a POST) and followed again when a re-crawl finds it unchanged.
    links: list[PageLink] | None = None
    request_key: str | None = None
