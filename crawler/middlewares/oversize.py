"""OversizeMiddleware: a page too large to parse reaches the spider as bytes only.

Parsing costs about 40 times a page's size in memory and seconds per megabyte; one hostile
30 MB page would cost over a gigabyte. Past NIANBAO_MAX_PARSE_SIZE a text response becomes a
plain Response, so no later stage decodes it or reads its links (Scrapy's meta-refresh check,
the spider's link finding); the extraction pipeline stores it unparsed, with its hash, its size
and the reason. Documents (PDF, Word, Excel) are not text responses and pass unchanged.
"""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response, TextResponse


class OversizeMiddleware:
    def __init__(self, limit: int):
        self.limit = limit

    @classmethod
    def from_crawler(cls, crawler: Any) -> OversizeMiddleware:
        limit = crawler.settings.getint("NIANBAO_MAX_PARSE_SIZE")
        if limit <= 0:
            raise NotConfigured
        return cls(limit)

    def process_response(self, request: Request, response: Response) -> Response:
        if isinstance(response, TextResponse) and len(response.body) > self.limit:
            # Response.replace would carry over TextResponse's own attributes (encoding).
            return Response(**{name: getattr(response, name) for name in Response.attributes})
        return response
