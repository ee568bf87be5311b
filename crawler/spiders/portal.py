"""Crawl one government portal, from its home page or a report column URL.

The spider stays on the start URL's host (scheme, host and port) and runs a
focused crawl: links toward the disclosure section and the report column are
fetched first and always, other links only near the start page or from inside
that section. What a page leads to (its scripts run in the sandbox, the CMS
adapters' list requests, its anchors and attachments) is gathered in
crawler/spiders/page_links.py; this module fetches, scopes, refuses traps and
spends the page budget. Attachments are downloaded as attachments of their
page. Every fetch goes to the pipelines, which decide what is a report.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler.items import (
    BLOCKED,
    FOCUS,
    KIND,
    LIST_FORM,
    PAGE,
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
from crawler.links.routes import has_route
from crawler.links.scoring import REPORT_HINTS
from crawler.links.traps import CalendarTrap, trap_reason
from crawler.middlewares.blockers import failure_reason
from crawler.scripts.sources import ScriptSources
from crawler.spiders.page_links import PageLinks, response_address
from crawler.spiders.start_url import check_start_url
from crawler.store.incremental import request_key
from extract.attachments import attachment_problem

# Files that are neither pages nor attachments.
_SKIP_EXTENSIONS = re.compile(
    r"\.(?:jpe?g|png|gif|bmp|svg|ico|css|js|mp4|mp3|avi|flv|swf|zip|rar|7z|exe|apk|pptx?|txt|xml)$", re.I
)

# A form field longer than this is page state (a view state, a token), not what the POST asks for.
OPAQUE_FIELD_CHARS = 120


class PortalSpider(PageLinks, scrapy.Spider):
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
            url=response_address(response),
            status=response.status,
            body=response.body,
            headers=header_dict(response.headers),
            blocked_reason=response.meta.get(BLOCKED),
            unchanged=response.status == 304 or bool(response.meta.get(UNCHANGED)),
            render_reason=response.meta.get(RENDER_REASON),
            exchange=exchange(response.request, response),
            **_placing(response.meta),
        )

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
