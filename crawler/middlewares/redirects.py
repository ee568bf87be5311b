"""Redirects the crawl does not follow are recorded, not dropped: offsite, loops, too many hops.

The same-host rule holds for links; without this, Scrapy's RedirectMiddleware would follow a
redirect to any host and the other host's page would be stored as the crawled site's. A loop
would end in the duplicate filter (A → B → A: the second A is a repeat) or in
REDIRECT_MAX_TIMES, and either way leave no row. This middleware sees each answer before
RedirectMiddleware (600) and MetaRefreshMiddleware (580) do; when a redirect is not to be
followed it marks the request and hands the answer on unfollowed, so the spider records the
first URL of the chain with the status, the target and the reason.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin, urlsplit

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh
from w3lib.url import safe_url_string

from crawler.items import REDIRECT_REFUSED

REDIRECT_STATUSES = (301, 302, 303, 307, 308)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def site_of(url: str) -> tuple[str, int | None]:
    """Host and port, the scheme's default port counted as none: http → https stays on the site."""
    parts = urlsplit(url)
    port = parts.port if parts.port != _DEFAULT_PORTS.get(parts.scheme) else None
    return (parts.hostname or "").lower(), port


def refusal(chain: list[str], target: str, max_times: int) -> str | None:
    """Why a redirect from the last URL of `chain` to `target` is not followed, or None."""
    if site_of(target) != site_of(chain[-1]):
        return "offsite redirect"
    if target in chain:
        return "redirect loop"
    if len(chain) > max_times:
        return "too many redirects"
    return None


class RefusedRedirectsMiddleware:
    def __init__(
        self,
        crawler: Any,
        max_times: int,
        meta_refresh: bool = True,
        meta_refresh_max_delay: float = 100,
        meta_refresh_ignore_tags: tuple[str, ...] = (),
    ):
        self.crawler = crawler
        self.max_times = max_times
        # Read as Scrapy's MetaRefreshMiddleware reads them, so both agree on what is a redirect.
        self.meta_refresh = meta_refresh
        self.meta_refresh_max_delay = meta_refresh_max_delay
        self.meta_refresh_ignore_tags = meta_refresh_ignore_tags

    @classmethod
    def from_crawler(cls, crawler: Any) -> RefusedRedirectsMiddleware:
        settings = crawler.settings
        if not settings.getbool("REDIRECT_ENABLED"):
            raise NotConfigured
        return cls(
            crawler,
            settings.getint("REDIRECT_MAX_TIMES"),
            settings.getbool("METAREFRESH_ENABLED"),
            settings.getfloat("METAREFRESH_MAXDELAY"),
            tuple(settings.getlist("METAREFRESH_IGNORE_TAGS")),
        )

    def process_response(self, request: Request, response: Response) -> Response:
        if request.meta.get("dont_redirect"):
            return response
        target = self._target(request, response)
        if target is None:
            return response
        chain = [*request.meta.get("redirect_urls", []), request.url]
        reason = refusal(chain, target, self.max_times)
        if reason:
            request.meta["dont_redirect"] = True  # Scrapy's redirect middlewares pass it on as it is
            request.meta[REDIRECT_REFUSED] = (reason, target)
            self.crawler.stats.inc_value(f"nianbao/redirect/{reason}")
        return response

    def _target(self, request: Request, response: Response) -> str | None:
        location = response.headers.get("Location")
        if response.status in REDIRECT_STATUSES and location:
            if location.startswith(b"//"):
                return f"{urlsplit(request.url).scheme}:{safe_url_string(location)}"
            return urljoin(request.url, safe_url_string(location))
        if self.meta_refresh and isinstance(response, HtmlResponse):
            interval, url = get_meta_refresh(response, ignore_tags=self.meta_refresh_ignore_tags)
            if url and interval is not None and interval < self.meta_refresh_max_delay:
                return url
        return None
