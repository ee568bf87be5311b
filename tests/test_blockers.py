"""Blocker recognition: WAF challenges and block pages, geoblocks; real pages are not blockers."""

import pytest

from crawler.middlewares.blockers import response_block_reason
from crawler.middlewares.retry_after import retry_after_seconds

from .helpers.paths import shared_file


@pytest.mark.parametrize(
    ("status", "body", "reason"),
    [
        (412, b"<script>document.cookie='__jsl_clearance=1';location.reload()</script>", "waf: HTTP 412"),
        (200, "<html><title>云防护</title>您的访问被阻断</html>".encode(), "waf: HTTP 200"),
        (403, "<html>网站防火墙 请求被拦截</html>".encode(), "waf: HTTP 403"),
        (403, "<html>境外IP禁止访问</html>".encode(), "geoblock: HTTP 403"),
        (451, b"", "geoblock: HTTP 451"),
    ],
)
def test_blocker_pages_are_named(status, body, reason):
    assert response_block_reason(status, body).startswith(reason)


@pytest.mark.shared
def test_a_real_gov_page_is_not_a_blocker():
    page = shared_file("corpus", "real", "mhxqwer__ljywhlyw.cq.gov.cn", "index.html").read_bytes()
    assert response_block_reason(200, page) is None


def test_plain_404_is_not_a_blocker():
    assert response_block_reason(404, b"<html>404 Not Found</html>") is None


def test_retry_after_in_seconds():
    assert retry_after_seconds("120") == 120


def test_retry_after_as_http_date():
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:30 GMT", now=1445412480.0) == 30
