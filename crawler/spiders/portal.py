"""Crawl one government portal, from its home page or a report column URL.

The spider stays on the start URL's host (scheme, host and port) and runs a
focused crawl: links toward the disclosure section and the report column are
fetched first and always, other links only near the start page or from inside
that section. CMS adapters (crawler/cms/) add the list pages and records that
exist only in JavaScript or behind AJAX. Attachments linked from those pages
are downloaded as attachments of their page. Every fetch goes to the
pipelines, which decide what is a report.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from parsel import Selector
from scrapy.exceptions import CloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import cms, scripts
from crawler.cms.base import FoundLink
from crawler.cms.hanweb import next_group
from crawler.items import (
    ATTACHMENT,
    BLOCKED,
    FOCUS,
    KIND,
    LIST_COUNTED,
    LIST_FORM,
    PAGE,
    PAGING,
    PARENT,
    REDIRECT_REFUSED,
    RENDER_REASON,
    STOP_BLOCKED,
    STORED_LINKS,
    UNCHANGED,
    PageItem,
    PageLink,
    exchange,
    header_dict,
)
from crawler.links.attachments import (
    attachment_problem,
    find_attachments,
    is_attachment_url,
    unique_links,
)
from crawler.links.json_links import is_json, json_links
from crawler.links.routes import answered_url, has_route, page_address
from crawler.links.scoring import PAGING_SCORE, REPORT_HINTS, is_paging_text, link_score
from crawler.links.traps import CalendarTrap, trap_reason
from crawler.middlewares.blockers import failure_reason
from crawler.scripts.paging import following_pages
from crawler.scripts.sources import ScriptSources
from crawler.spiders.start_url import check_start_url
from crawler.store.incremental import request_key

# Files that are neither pages nor attachments.
_SKIP_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|svg|ico|css|js|mp4|mp3|avi|flv|swf|zip|rar|7z|exe|apk|pptx?|txt|xml)$", re.I
)

# A form field longer than this is page state (a view state, a token), not what the POST asks for.
OPAQUE_FIELD_CHARS = 120


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(
        self,
        url: str | None = None,
        run_id: str | None = None,
        max_pages: int | None = None,
        offtopic_depth: int | None = None,
        calendar_dates: int | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.start_url = check_start_url(url)
        self.netloc = urlsplit(self.start_url).netloc.lower()
        self.run_id = run_id
        self.max_pages = int(max_pages) if max_pages else None
        # Links that score nothing are still followed from pages this close to the start.
        self.offtopic_depth = int(offtopic_depth) if offtopic_depth is not None else 1
        self.requested = 0
        self.budget_exhausted = False
        # Requests already made, so the budget counts each URL once (the dupefilter would drop repeats).
        self.seen: set[tuple[str, Any]] = set()
        self.calendar = CalendarTrap(int(calendar_dates) if calendar_dates is not None else 4)
        self.script_sources = ScriptSources(self._fetch_script)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        kwargs.setdefault("max_pages", crawler.settings.getint("NIANBAO_MAX_PAGES"))
        kwargs.setdefault("offtopic_depth", crawler.settings.getint("NIANBAO_OFFTOPIC_DEPTH", 1))
        kwargs.setdefault("calendar_dates", crawler.settings.getint("NIANBAO_CALENDAR_DATES", 4))
        return super().from_crawler(crawler, *args, **kwargs)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        # Resumed from a JOBDIR paused cleanly: the budget already spent is in the saved state.
        # (After an unclean death the state is discarded with the queue, and the walk and its
        # budget start again: crawler/extensions/jobdir_lease.py.)
        self.requested = getattr(self, "state", {}).get("requested", 0)
        self.budget_exhausted = getattr(self, "state", {}).get("budget_exhausted", False)
        if hasattr(self, "state"):
            self.state["run_id"] = self.run_id  # read back where a JOBDIR has no lease (an old one)
            # Scripts already loaded stay loaded across a pause: the resumed crawl asks for none again.
            self.script_sources.texts = self.state.setdefault("script_texts", {})
        self.seen.add((self.start_url, None))
        if self._spend(self.start_url):
            yield scrapy.Request(
                self.start_url,
                callback=self.parse,
                errback=self.fetch_failed,
                priority=100,
                meta={FOCUS: True, KIND: PAGE},
            )

    # Responses ------------------------------------------------------------
    async def parse(self, response: Response, **kwargs: Any) -> AsyncIterator[PageItem | scrapy.Request]:
        item = self._item(response)
        if response.request is not None:
            request = response.request
            item.request_key = request_key(request.method, request.url, request.body)
        stored = response.meta.get(STORED_LINKS)
        if item.unchanged and stored is not None:
            # Unchanged since it was read: follow what it led to last time, without reading it.
            yield item
            self.crawler.stats.inc_value("nianbao/links_replayed", len(stored))
            for link in stored:
                for request in self._follow(link):
                    yield request
            return
        if response.meta.get(STOP_BLOCKED):
            yield item
            raise CloseSpider("blocked")
        if item.blocked_reason or response.status >= 300 or not isinstance(response, TextResponse):
            yield item
            return
        links: list[PageLink] = []
        if response.meta.get(LIST_FORM) is not None:
            links += self._list_answer_links(response)
        run = await self._run_scripts(response)
        if run is not None and run.stopped:
            item.scripts_stopped = f"{run.stopped}: {run.errors[0] if run.errors else ''}".rstrip(": ")
        links += self.page_links(response, run)
        item.links = links
        yield item
        for link in links:
            for followed in self._follow(link):
                yield followed

    def parse_attachment(self, response: Response, **kwargs: Any) -> Iterator[PageItem]:
        item = self._item(response)
        if item.error is None and response.status < 300:
            item.error = attachment_problem(response.url, response.body)
        yield item

    def fetch_failed(self, failure: Failure) -> Iterator[PageItem]:
        """A page that could not be fetched is still recorded, with the reason."""
        request = failure.request  # type: ignore[attr-defined]
        response = getattr(failure.value, "response", None)
        # An answer that ended in an error is kept too, its bytes hashed and archived.
        answer = {}
        if response is not None:
            answer = {
                "body": response.body,
                "headers": header_dict(response.headers),
                "exchange": exchange(response.request or request, response),
            }
        yield PageItem(
            url=request.url,
            status=response.status if response is not None else None,
            error=f"fetch: {failure.type.__name__}: {failure.getErrorMessage()}",
            blocked_reason=failure_reason(failure),
            **_placing(request.meta),
            **answer,
        )

    def _item(self, response: Response) -> PageItem:
        refused = response.meta.get(REDIRECT_REFUSED)
        if refused:
            return _refused_redirect(response, *refused)
        return PageItem(
            url=_page_url(response),
            status=response.status,
            body=response.body,
            headers=header_dict(response.headers),
            blocked_reason=response.meta.get(BLOCKED),
            unchanged=response.status == 304 or bool(response.meta.get(UNCHANGED)),
            render_reason=response.meta.get(RENDER_REASON),
            exchange=exchange(response.request, response),
            **_placing(response.meta),
        )

    # Links ----------------------------------------------------------------
    async def _run_scripts(self, response: Response) -> scripts.ScriptRun | None:
        """Run the page's scripts (with the same-host ones it loads) where their links would be followed."""
        if not (response.meta.get(FOCUS) or response.meta.get("depth", 0) < self.offtopic_depth):
            return None
        if is_json(response.text) or response.meta.get(RENDER_REASON):
            return None  # a rendered page's scripts have run in the browser already
        page = scripts.page_scripts(response.selector, _page_url(response))
        if not page.scripts and not page.handlers:
            return None
        loaded = await self.script_sources.load(scripts.same_host_sources(page))
        run = scripts.run_page_scripts(page, loaded)
        self.crawler.stats.inc_value("nianbao/scripts/pages")
        if run.stopped:
            self.crawler.stats.inc_value(f"nianbao/scripts/stopped/{run.stopped}")
            self.logger.warning("scripts of %s stopped at the %s", response.url, run.stopped)
        return run

    async def _fetch_script(self, url: str) -> bytes | None:
        if not self._wanted_script(url):
            return None
        self.crawler.stats.inc_value("nianbao/scripts/fetched")
        try:
            response = await self.crawler.engine.download_async(scrapy.Request(url, meta={KIND: "script"}))
        except Exception as error:  # a script that cannot be had is a page run without it
            self.logger.info("script %s not loaded: %s", url, error)
            return None
        return response.body if response.status == 200 else None

    def page_links(self, response: Response, run: scripts.ScriptRun | None = None) -> list[PageLink]:
        """What the page leads to: list requests, links worth following, attachments."""
        html = response.text
        page_url = _page_url(response)
        focused = bool(response.meta.get(FOCUS))
        shallow = response.meta.get("depth", 0) < self.offtopic_depth
        adapters = cms.adapters_for(html)
        links: list[PageLink] = []
        for adapter in adapters:
            for listing in adapter.list_requests(html, page_url):
                links += self._list_link(listing, focused, shallow)
        candidates = [
            (link.url, link.text) for adapter in adapters for link in adapter.links(html, response.url)
        ]
        if run is not None:
            for listing in scripts.script_requests(run, response.url):
                links += self._list_link(listing, focused, shallow)
            candidates += [(link.url, link.text) for link in scripts.script_links(run, response.url)]
        if is_json(html):
            candidates += [(link.url, link.text) for link in json_links(html, response.url)]
        # Attachments that live outside the markup: CDATA records, list answers, script output.
        outside = [FoundLink(url, text) for url, text in candidates if is_attachment_url(url)]
        markup = _markup(response)
        for anchor in markup.css("a[href]"):
            href = anchor.attrib.get("href", "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            text = " ".join(anchor.css("::text").getall()) + " " + anchor.attrib.get("title", "")
            candidates.append((page_address(response.urljoin(href)), text.strip()))
        for url, text in candidates:
            if is_attachment_url(url):
                continue  # fetched below, as an attachment of this page
            if any(adapter.beyond_last_page(html, url) for adapter in adapters):
                self.crawler.stats.inc_value("nianbao/beyond_last_page")
                continue
            score = link_score(url, text)
            if score == PAGING_SCORE and not focused:
                score = 0  # "下一页" of a column that says nothing about reports
            if score or focused or shallow:
                meta: dict[str, Any] = {FOCUS: bool(score), KIND: PAGE}
                if focused and is_paging_text(text) and _same_folder(url, response.url):
                    meta[PAGING] = True  # the column's next page: as deep as this one
                links.append(PageLink(url, score, meta, text=text))
        title = _page_title(response)
        for link in unique_links([*find_attachments(markup, response.url), *outside]):
            if focused or link_score(link.url, link.text):
                meta = {KIND: ATTACHMENT, PARENT: (page_url, title, link.text or None)}
                links.append(PageLink(link.url, 45, meta, attachment=True))
        return links

    def _list_link(
        self, listing: cms.ListRequest, focused: bool, shallow: bool, counted: bool = False
    ) -> list[PageLink]:
        if not (focused or shallow):
            return []
        meta: dict[str, Any] = {FOCUS: focused, KIND: PAGE, PAGING: True, LIST_FORM: listing.formdata}
        if counted:
            meta[LIST_COUNTED] = True
        formdata = tuple(listing.formdata) if listing.method == "POST" else None
        return [PageLink(listing.url, PAGING_SCORE, meta, formdata)]

    def _list_answer_links(self, response: Response) -> list[PageLink]:
        """The next requests of a list read page by page: Hanweb's next record group, or the
        same request with its page field counted up to the page count the answer states."""
        form = tuple(response.meta[LIST_FORM])
        method = response.request.method if response.request is not None else "GET"
        following = next_group(response.text, response.url, form)
        if following is not None:
            listings, counted = [following], False
        elif response.meta.get(LIST_COUNTED):
            listings, counted = [], True
        else:
            listings = following_pages(cms.ListRequest(response.url, method, form), response.text)
            counted = True
        focused = bool(response.meta.get(FOCUS))
        return [link for listing in listings for link in self._list_link(listing, focused, False, counted)]

    def _follow(self, link: PageLink) -> Iterator[scrapy.Request | PageItem]:
        url, formdata = link.url, link.formdata
        key = (url, _form_key(formdata))
        if key in self.seen or not self._wanted(url):
            return
        self.seen.add(key)
        meta = dict(link.meta)
        trap = self._trap(url, link.text)
        if trap:
            yield PageItem(url=url, status=None, kind=meta[KIND], refused_reason=f"trap: {trap}")
            return
        if not self._spend(url):
            return
        callback = self.parse_attachment if link.attachment else self.parse
        if formdata is not None:
            yield scrapy.FormRequest(
                url,
                formdata=list(formdata),
                callback=callback,
                errback=self.fetch_failed,
                priority=link.priority,
                meta=meta,
            )
        else:
            # Scrapy's duplicate filter ignores fragments; a hash route is another list (self.seen
            # already keeps each route to one request).
            yield scrapy.Request(
                url,
                callback=callback,
                errback=self.fetch_failed,
                priority=link.priority,
                meta=meta,
                dont_filter=has_route(url),
            )

    def _spend(self, url: str | None = None) -> bool:
        """Count one request (to `url`) against the page budget; False once it is spent."""
        if self.max_pages is not None and self.requested >= self.max_pages:
            self.budget_exhausted = True
            if hasattr(self, "state"):
                self.state["budget_exhausted"] = True
            return False
        self.requested += 1
        if hasattr(self, "state"):
            self.state["requested"] = self.requested
        return True

    def _wanted(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not self._on_site(parts.netloc.lower()):
            return False
        return not _SKIP_EXTENSIONS.search(parts.path)

    def _wanted_script(self, url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and self._on_site(parts.netloc.lower())

    def _trap(self, url: str, text: str) -> str | None:
        """Why `url` is a trap (refused, and recorded with the reason), or None."""
        reason = trap_reason(url)
        if reason is None and not REPORT_HINTS.search(text):  # a report link is no calendar
            reason = self.calendar.refuse(url)
        if reason:
            self.crawler.stats.inc_value(f"nianbao/trap/{reason}")
        return reason

    def _on_site(self, netloc: str) -> bool:
        """Whether a link stays on the crawled site (the start URL's host and port)."""
        return netloc == self.netloc


def _refused_redirect(response: Response, reason: str, target: str) -> PageItem:
    """A redirect not followed, recorded at the URL the crawl asked for, the hops named in `error`."""
    chain = [*response.meta.get("redirect_urls", []), response.url]
    return PageItem(
        url=chain[0],
        status=response.status,
        error=f"{reason}: {' -> '.join([*chain, target])}",
        refused_reason=reason,
        redirect_to=target,
        headers=header_dict(response.headers),
        exchange=exchange(response.request, response),
        **_placing(response.meta),
    )


def _placing(meta: dict[str, Any]) -> dict[str, Any]:
    """Where a fetch stands in the crawl: its depth, its kind and, for an attachment, the page
    that links to it (url, title) and the link's text."""
    parent_url, parent_title, link_text = meta.get(PARENT) or (None, None, None)
    return {
        "depth": meta.get("depth", 0),
        "kind": meta.get(KIND, PAGE),
        "parent_url": parent_url,
        "parent_title": parent_title,
        "link_text": link_text,
    }


def _form_key(formdata: Any) -> tuple[tuple[str, str], ...] | None:
    """A POST's identity: its fields, less long opaque state (ASP.NET's __VIEWSTATE changes with
    every answer, so the same page asked from two pages would be fetched twice)."""
    if formdata is None:
        return None
    return tuple((k, v) for k, v in formdata if len(v) <= OPAQUE_FIELD_CHARS)


def _page_url(response: Response) -> str:
    """The page's address, with the hash route its request asked for."""
    request = response.request
    return answered_url(request.url, response.url) if request is not None else response.url


def _same_folder(url: str, other: str) -> bool:
    return urlsplit(url).path.rsplit("/", 1)[0] == urlsplit(other).path.rsplit("/", 1)[0]


def _markup(response: Response) -> Selector:
    """The page's markup; a JSON answer (parsel reads it as JSON) has none."""
    selector = response.selector
    return Selector(text="<html></html>") if selector.type == "json" else selector


def _page_title(response: Response) -> str | None:
    for query in ("meta[name=ArticleTitle]::attr(content)", "title::text", "h1 ::text"):
        value = " ".join(t.strip() for t in _markup(response).css(query).getall() if t.strip())
        if value:
            return value
    return None
