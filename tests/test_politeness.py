"""Politeness against a fixture portal on loopback: Crawl-delay and Retry-After are acted on,
robots.txt is obeyed, WAF challenges and TLS failures are recorded with a reason, not fought."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals.server import Portal, serve_portal

HOME = """<html><head><meta charset="utf-8"><title>测试门户</title></head><body>
<a href="/a.html">政务公开</a> <a href="/b.html">信息公开目录</a> <a href="/busy.html">年报</a>
<a href="/waf.html">政府信息公开年报</a> <a href="/private/x.html">内部</a></body></html>"""
WAF = b"""<html><body><script>var x="__jsl_clearance=1618;max-age=3600";document.cookie=x;
location.href=location.pathname+location.search</script></body></html>"""
CRAWL_DELAY = 1.0
RETRY_AFTER = 2


def busy_then_ready():
    calls = []

    def answer(method, query, form):
        calls.append(method)
        if len(calls) == 1:
            return 429, {"Retry-After": str(RETRY_AFTER), "Content-Type": "text/html"}, b"busy"
        return 200, {"Content-Type": "text/html"}, b"<html><body>ok</body></html>"

    return answer


@pytest.fixture(scope="module")
def polite(tmp_path_factory):
    portal = Portal(
        {
            "/robots.txt": f"User-agent: *\nCrawl-delay: {CRAWL_DELAY:g}\nDisallow: /private/\n".encode(),
            "/index.html": HOME.encode(),
            "/a.html": b"<html><body>a</body></html>",
            "/b.html": b"<html><body>b</body></html>",
            "/private/x.html": b"<html><body>x</body></html>",
        },
        routes={
            "/waf.html": lambda m, q, f: (412, {"Content-Type": "text/html"}, WAF),
            "/busy.html": busy_then_ready(),
        },
    )
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + "/index.html", db)
    conn = open_db(db)
    yield {"portal": portal, "db": conn, "base": base, "result": result}
    conn.close()


def test_crawl_exits_cleanly(polite):
    assert polite["result"].returncode == 0, polite["result"].stderr[-2000:]


def test_requests_are_spaced_by_crawl_delay(polite):
    starts = [h.at for h in polite["portal"].hits if h.path != "/robots.txt"]
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    # The server logs when it answers, a few milliseconds after the request started.
    assert min(gaps) >= CRAWL_DELAY - 0.05


def test_retry_after_is_waited_for(polite):
    hits = polite["portal"].requested("/busy.html")
    assert [h.status for h in hits] == [429, 200] and hits[1].at - hits[0].at >= RETRY_AFTER - 0.05


def test_robots_disallowed_page_is_not_requested(polite):
    assert polite["portal"].requested("/private/x.html") == []


def test_waf_challenge_is_recorded_with_its_reason(polite):
    row = polite["db"].execute("select * from pages where url = ?", [polite["base"] + "/waf.html"]).fetchone()
    assert (row["status"], row["blocked_reason"]) == (412, "waf: HTTP 412 with a JavaScript cookie challenge")


def test_waf_challenge_is_not_fought(polite):
    assert len(polite["portal"].requested("/waf.html")) == 1


def test_tls_failure_ends_in_pages_with_a_reason(tmp_path):
    portal = Portal({"/index.html": b"<html></html>"})
    with serve_portal(portal) as base:
        result = run_crawl(base.replace("http://", "https://") + "/index.html", tmp_path / "r.db")
    row = open_db(tmp_path / "r.db").execute("select blocked_reason, error from pages").fetchone()
    # Nothing was crawled: the crawl fails (exit status 1), saying why in one line.
    assert result.returncode == 1 and row["blocked_reason"].startswith("tls: ")
    assert result.stderr.strip().splitlines()[-1].startswith("nianbao: error: crawl failed")
