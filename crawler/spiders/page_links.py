"""What a fetched page leads to: its list requests, the links worth following, its attachments.

The portal spider's link gathering, kept apart from how it fetches and budgets: the page's own
scripts run in the sandbox (with the same-host scripts they load, fetched through the engine),
the CMS adapters' list requests and links, links in JSON list answers, the anchors of the parsed
page, and the next pages of a list read page by page. Each link gets its priority and meta here;
the spider decides whether to follow it (scope, traps, budget).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import scrapy
from parsel import Selector
from scrapy.http import Response

from crawler import cms, scripts
from crawler.cms.base import FoundLink
from crawler.cms.hanweb import next_group
from crawler.items import (
    ATTACHMENT,
    FOCUS,
    KIND,
    LIST_COUNTED,
    LIST_FORM,
    PAGE,
    PAGING,
    PARENT,
    RENDER_REASON,
    PageLink,
)
from crawler.links.attachments import find_attachments, is_attachment_url, unique_links
from crawler.links.json_links import is_json, json_links
from crawler.links.routes import answered_url, page_address
from crawler.links.scoring import PAGING_SCORE, is_paging_text, link_score
from crawler.scripts.paging import following_pages
from crawler.scripts.sources import ScriptSources


class PageLinks:
    """Link gathering for a spider with a crawler, a logger, `offtopic_depth`, `script_sources`
    and `_wanted_script(url)` (the portal spider)."""

    crawler: Any
    logger: Any
    offtopic_depth: int
    script_sources: ScriptSources

    def _wanted_script(self, url: str) -> bool:
        raise NotImplementedError

    async def _run_scripts(self, response: Response) -> scripts.ScriptRun | None:
        """Run the page's scripts (with the same-host ones it loads) where their links would be followed."""
        if not (response.meta.get(FOCUS) or response.meta.get("depth", 0) < self.offtopic_depth):
            return None
        if is_json(response.text) or response.meta.get(RENDER_REASON):
            return None  # a rendered page's scripts have run in the browser already
        page = scripts.page_scripts(response.selector, response_address(response))
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
        page_url = response_address(response)
        focused = bool(response.meta.get(FOCUS))
        shallow = response.meta.get("depth", 0) < self.offtopic_depth
        markup = _markup(response)
        adapters = cms.adapters_for(markup)
        links: list[PageLink] = []
        for adapter in adapters:
            for listing in adapter.list_requests(markup, page_url):
                links += self._list_link(listing, focused, shallow)
        candidates = [
            (link.url, link.text) for adapter in adapters for link in adapter.links(markup, response.url)
        ]
        if run is not None:
            for listing in scripts.script_requests(run, response.url):
                links += self._list_link(listing, focused, shallow)
            candidates += [(link.url, link.text) for link in scripts.script_links(run, response.url)]
        if is_json(html):
            candidates += [(link.url, link.text) for link in json_links(html, response.url)]
        # Attachments that live outside the markup: CDATA records, list answers, script output.
        outside = [FoundLink(url, text) for url, text in candidates if is_attachment_url(url)]
        for anchor in _anchors(markup):
            href = anchor.get("href", "").strip()
            if not href or href.startswith(("javascript:", "mailto:", "tel:", "#")):
                continue
            text = " ".join(anchor.itertext()) + " " + anchor.get("title", "")
            candidates.append((page_address(response.urljoin(href)), text.strip()))
        past_last_page = [adapter.past_last_page(markup) for adapter in adapters]
        for url, text in candidates:
            if is_attachment_url(url):
                continue  # fetched below, as an attachment of this page
            if any(past(url) for past in past_last_page):
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


def response_address(response: Response) -> str:
    """The page's address, with the hash route its request asked for."""
    request = response.request
    return answered_url(request.url, response.url) if request is not None else response.url


def _same_folder(url: str, other: str) -> bool:
    return urlsplit(url).path.rsplit("/", 1)[0] == urlsplit(other).path.rsplit("/", 1)[0]


def _markup(response: Response) -> Selector:
    """The page's markup; a JSON answer (parsel reads it as JSON) has none."""
    selector = response.selector
    return Selector(text="<html></html>") if selector.type == "json" else selector


def _anchors(markup: Selector) -> list[Any]:
    """The page's `<a href>` elements, as lxml's: a parsel Selector per anchor and per text query
    cost some 30 times more, for the same texts (its `::text` is the anchor's text nodes)."""
    return [element for element in markup.root.iter("a") if element.get("href") is not None]


def _page_title(response: Response) -> str | None:
    for query in ("meta[name=ArticleTitle]::attr(content)", "title::text", "h1 ::text"):
        value = " ".join(t.strip() for t in _markup(response).css(query).getall() if t.strip())
        if value:
            return value
    return None
