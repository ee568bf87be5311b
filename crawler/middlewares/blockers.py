"""Blockers are recorded, not fought: WAF challenges, geoblocks, TLS failures.

Government portals sit behind cloud WAFs (云防护, 创宇盾, 安全狗, the 412 answer
with a JavaScript cookie challenge). The crawler does not run the challenge or
rotate anything: the page is marked with a clear reason, stored in `pages`,
not parsed and not followed, and after NIANBAO_BLOCKS_BEFORE_STOP blocked
answers in a row the crawl of that site stops with reason `blocked`.
"""

from __future__ import annotations

import re
from typing import Any

from scrapy import Request
from scrapy.exceptions import NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.items import BLOCKED, STOP_BLOCKED

# Markers of WAF block and challenge pages, in the first bytes of the body.
WAF_MARKERS = re.compile(
    r"云防护|网站防火墙|创宇盾|安全狗|访问被拦截|请求被拦截|您的访问被阻断|拦截了您的访问|"
    r"__jsl_clearance|yunsuo_session_verify|waf_verify|security_verify_data"
)
GEOBLOCK_MARKERS = re.compile(
    r"境外|海外访问|地区限制|not available in your (?:country|region)|overseas", re.I
)
SNIFF_BYTES = 8192


def response_block_reason(status: int, body: bytes) -> str | None:
    """Why this answer is a blocker and not the page, or None."""
    head = body[:SNIFF_BYTES].decode("utf-8", "replace")
    if status == 412 and re.search(r"<script", head, re.I):
        return "waf: HTTP 412 with a JavaScript cookie challenge"
    if status in (200, 403, 405, 412, 418, 468, 493, 503) and WAF_MARKERS.search(head):
        if len(body) < 20_000:  # a real page may mention 云防护 in its text; a block page is small
            return f"waf: HTTP {status} challenge or block page"
    if status in (403, 451) and GEOBLOCK_MARKERS.search(head):
        return f"geoblock: HTTP {status}"
    if status == 451:
        return "geoblock: HTTP 451 unavailable for legal reasons"
    return None


def failure_reason(failure: Failure) -> str | None:
    """A network failure that is a blocker (TLS, refused, reset), as a reason; None for others."""
    text = f"{failure.type.__name__}: {failure.getErrorMessage()}"
    if re.search(r"SSL|TLS|certificate|handshake", text, re.I):
        return f"tls: {text[:200]}"
    if re.search(r"ConnectionRefused|ConnectionLost|ConnectionReset|connection was refused", text, re.I):
        return f"connection: {text[:200]}"
    if re.search(r"DNSLookupError", text):
        return f"dns: {text[:200]}"
    return None


class BlockersMiddleware:
    def __init__(self, crawler: Any, blocks_before_stop: int):
        self.crawler = crawler
        self.blocks_before_stop = blocks_before_stop
        self.blocked_in_a_row = 0

    @classmethod
    def from_crawler(cls, crawler: Any) -> BlockersMiddleware:
        if not crawler.settings.getbool("NIANBAO_DETECT_BLOCKERS"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getint("NIANBAO_BLOCKS_BEFORE_STOP"))

    def process_response(self, request: Request, response: Response) -> Response:
        reason = response_block_reason(response.status, response.body)
        if reason is None:
            self.blocked_in_a_row = 0
            return response
        request.meta[BLOCKED] = reason
        self.crawler.stats.inc_value("nianbao/blocked")
        self.blocked_in_a_row += 1
        if self.blocks_before_stop and self.blocked_in_a_row >= self.blocks_before_stop:
            request.meta[STOP_BLOCKED] = True  # the spider records this page, then stops the crawl
        return response
