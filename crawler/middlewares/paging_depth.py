"""Paging does not count as depth: the next list page of a column keeps its parent's depth.

Scrapy's DepthMiddleware gives every request its parent's depth plus one, so a column paged
only by 下一页 links ends at DEPTH_LIMIT list pages (at 20 reports a page and a limit of 6,
120 reports of 300). The spider marks list-page requests with PAGING; they stay at their
parent's depth, and the reports they list are one step deeper, as from the first list page.
Everything else is Scrapy's: DEPTH_LIMIT, DEPTH_PRIORITY, the ignored-request count.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response
from scrapy.spidermiddlewares.depth import DepthMiddleware

from crawler.items import PAGING


class PagingDepthMiddleware(DepthMiddleware):
    def get_processed_request(self, request: Request, response: Response | None) -> Request | None:
        if response is None or not request.meta.get(PAGING):
            return super().get_processed_request(request, response)
        depth = response.meta["depth"]
        request.meta["depth"] = depth
        if self.prio:
            request.priority -= depth * self.prio
        return request
