"""Politeness against a fixture portal on loopback: Crawl-delay and Retry-After are acted on,
robots.txt is obeyed, WAF challenges and TLS failures are recorded with a reason, not fought."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .helpers.send_log import run_crawl_logging_sends, sends
from .portals.server import Portal, serve_portal

HOME = """<html><head><meta charset="utf-8"><title>测试门户</title></head><body>
<a href="/a.html">政务公开</a> <a href="/b.html">信息公开目录</a> <a href="/busy.html">年报</a>
<a href="/waf.html">政府信息公开年报</a> <a href="/private/x.html">内部</a></body></html>"""
WAF = b"""<html><body><script>var x="__jsl_clearance=1618;max-age=3600";document.cookie=x;
location.href=location.pathname+location.search</script></body></html>"""
CRAWL_DELAY = 1.0
RETRY_AFTER = 2
ROBOTS = f"User-agent: *\nCrawl-delay: {CRAWL_DELAY:g}\nDisallow: /private/\n".encode()


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
            "/robots.txt": ROBOTS,
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


@pytest.fixture(scope="module")
def spaced(tmp_path_factory):
    """A site whose robots.txt asks for a Crawl-delay, crawled with each request's slot time logged."""
    folder = tmp_path_factory.mktemp("spaced")
    links = "".join(f'<a href="/{name}.html">{name}</a>' for name in "abc")
    pages = {f"/{name}.html": f"<html><body>{name}</body></html>".encode() for name in "abc"}
    portal = Portal(
        {"/robots.txt": ROBOTS, "/index.html": f"<html><body>{links}</body></html>".encode(), **pages}
    )
    with serve_portal(portal) as base:
        result = run_crawl_logging_sends(base + "/index.html", folder / "reports.db", folder / "sends.jsonl")
    assert result.returncode == 0, result.stderr[-2000:]
    sent = [(at, url) for at, url in sends(folder / "sends.jsonl") if not url.endswith("/robots.txt")]
    return {"portal": portal, "sent": sent}


def test_requests_leave_their_slot_crawl_delay_apart(spaced):
    # Scrapy counts a slot's delay from the moment it let the previous request go, so that is
    # where the delay is measured: a server's log adds each request's own way to the server.
    times = [at for at, _ in spaced["sent"]]
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= CRAWL_DELAY


def test_the_slot_log_has_every_request_the_portal_saw(spaced):
    served = [h.path for h in spaced["portal"].hits if h.path != "/robots.txt"]
    sent = ["/" + url.split("/", 3)[3] for _, url in spaced["sent"]]
    assert sorted(sent) == sorted(served) == ["/a.html", "/b.html", "/c.html", "/index.html"]


def test_retry_after_is_waited_for(polite):
    # The wait is counted from when the 429 was read, which is after the portal logged its request,
    # and the retry reaches the portal after it leaves: no allowance is needed for the way there.
    hits = polite["portal"].requested("/busy.html")
    assert [h.status for h in hits] == [429, 200] and hits[1].at - hits[0].at >= RETRY_AFTER


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
