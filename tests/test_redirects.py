"""Redirects the crawl does not follow (offsite, loops, too many hops) are recorded with their reason."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.items import REDIRECT_REFUSED
from crawler.middlewares.redirects import RefusedRedirectsMiddleware, refusal

from .helpers.crawl import open_db, run_registry_crawl
from .portals import faults
from .portals.server import serve_portal


@pytest.mark.parametrize(
    ("chain", "target", "reason"),
    [
        (["http://a.gov.cn/x"], "http://b.gov.cn/x", "offsite redirect"),
        (["http://a.gov.cn/x"], "http://a.gov.cn:8080/x", "offsite redirect"),
        (["http://a.gov.cn/x", "http://a.gov.cn/y"], "http://a.gov.cn/x", "redirect loop"),
        (["http://a.gov.cn/x"], "http://a.gov.cn/x", "redirect loop"),
        ([f"http://a.gov.cn/{i}" for i in range(4)], "http://a.gov.cn/next", "too many redirects"),
        (["http://a.gov.cn/x"], "https://a.gov.cn/x", None),
        (["http://a.gov.cn/x"], "http://A.gov.cn:80/y", None),
    ],
)
def test_refusal(chain, target, reason):
    assert refusal(chain, target, max_times=3) == reason


def middleware() -> RefusedRedirectsMiddleware:
    return RefusedRedirectsMiddleware.from_crawler(get_crawler(settings_dict={"REDIRECT_MAX_TIMES": 3}))


def test_an_offsite_location_is_marked_and_not_redirected():
    request = Request("http://a.gov.cn/ndbg/mirror.html")
    response = Response(request.url, status=302, headers={"Location": "//b.gov.cn/r.html"}, request=request)
    assert middleware().process_response(request, response) is response
    assert request.meta[REDIRECT_REFUSED] == ("offsite redirect", "http://b.gov.cn/r.html")
    assert request.meta["dont_redirect"] is True


def test_an_offsite_meta_refresh_is_marked():
    request = Request("http://a.gov.cn/ndbg/")
    body = b'<html><head><meta http-equiv="refresh" content="0;url=http://b.gov.cn/"></head></html>'
    response = HtmlResponse(request.url, body=body, request=request)
    middleware().process_response(request, response)
    assert request.meta[REDIRECT_REFUSED] == ("offsite redirect", "http://b.gov.cn/")


def test_a_redirect_on_the_site_is_left_to_scrapy():
    request = Request("http://a.gov.cn/ndbg/")
    response = Response(request.url, status=301, headers={"Location": "/ndbg/index.html"}, request=request)
    middleware().process_response(request, response)
    assert REDIRECT_REFUSED not in request.meta and "dont_redirect" not in request.meta


@pytest.fixture(scope="module")
def registry_crawl(tmp_path_factory):
    """A registry of the fault portal and the host its mirror redirects to, crawled one spider a site."""
    folder = tmp_path_factory.mktemp("registry")
    db = folder / "reports.db"
    other = faults.offsite_portal()
    with serve_portal(other) as other_base:
        with serve_portal(faults.fault_portal(other_base, 20)) as base:
            registry = folder / "sites.csv"
            registry.write_text(
                f"name,url\ncounty,{base}{faults.COLUMN}index.html\nother,{other_base}{faults.COLUMN}report.html\n",
                encoding="utf-8",
            )
            result = run_registry_crawl(registry, db)
    conn = open_db(db)
    yield {"result": result, "db": conn, "base": base, "other_base": other_base}
    conn.close()


def test_registry_crawl_records_the_offsite_redirect(registry_crawl):
    assert registry_crawl["result"].returncode == 0, registry_crawl["result"].stderr[-2000:]
    row = (
        registry_crawl["db"]
        .execute(
            "select status, refused_reason, redirect_to from pages where url = ?",
            [registry_crawl["base"] + faults.COLUMN + "mirror.html"],
        )
        .fetchone()
    )
    assert tuple(row) == (
        302,
        "offsite redirect",
        registry_crawl["other_base"] + faults.COLUMN + "report.html",
    )


def test_registry_crawl_keeps_each_hosts_pages_in_its_own_run(registry_crawl):
    runs = dict(registry_crawl["db"].execute("select site_name, run_id from crawl_runs"))
    hosts = registry_crawl["db"].execute("select distinct host from pages where run_id = ?", [runs["county"]])
    assert [r[0] for r in hosts] == [registry_crawl["base"].split("//", 1)[1]]
