"""Monitors after each site's crawl: a registry of two fixture portals on loopback, crawled three
times into one database. Between the first and the second crawl one site's report pages turn into
notices (the site stops yielding reports); the other stays as it was. The second crawl sends its
alerts to a webhook receiver on loopback as generic JSON, the third as a DingTalk robot's message."""

from __future__ import annotations

import base64
import hashlib
import hmac
from urllib.parse import parse_qs, urlsplit

import pytest

from .helpers.crawl import open_db, run_crawl, run_registry_crawl
from .helpers.ports import free_port
from .helpers.webhook import webhook_receiver
from .portals import markup
from .portals.server import Portal, serve_portal

# The fixture portal's distinct reports.
REPORTS = sum(doc.is_report for doc in markup.TRS_DOCS)
DINGTALK_SECRET = "SEC0123456789abcdef"
MONITORS = {"reports_stopped", "error_ratio", "newly_blocked", "spam_jump", "failed_validation"}


def _stop_reports(portal: Portal) -> None:
    """Every report page of the portal becomes a notice: the same URLs, no report on them."""
    for serial, doc in enumerate(markup.TRS_DOCS):
        if doc.is_report:
            notice = markup.Doc(f"关于{doc.year}年政务公开工作的通知", doc.year, is_report=False)
            portal.pages[markup.trs_article_path(serial, doc)] = markup.trs_article(serial, notice)


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("monitors")
    db = folder / "reports.db"
    healthy, stopping = Portal(markup.trs_portal()), Portal(markup.trs_portal())
    with serve_portal(healthy) as healthy_url, serve_portal(stopping) as stopping_url:
        registry = folder / "sites.csv"
        registry.write_text(
            f"name,url\nhealthy,{healthy_url}/index.html\nstopping,{stopping_url}/index.html\n",
            encoding="utf-8",
        )
        first = run_registry_crawl(registry, db)
        _stop_reports(stopping)
        with webhook_receiver() as generic:
            second = run_registry_crawl(registry, db, NIANBAO_WEBHOOK=generic.url)
        with webhook_receiver() as dingtalk:
            third = run_registry_crawl(
                registry,
                db,
                NIANBAO_WEBHOOK=dingtalk.url,
                NIANBAO_WEBHOOK_KIND="dingtalk",
                NIANBAO_WEBHOOK_SECRET=DINGTALK_SECRET,
            )
        unreachable = f"http://127.0.0.1:{free_port()}/hook"
        fourth = run_crawl(stopping_url + "/index.html", db, NIANBAO_WEBHOOK=unreachable)
    conn = open_db(db)
    yield {
        "runs": [first, second, third, fourth],
        "generic": generic.posts,
        "dingtalk": dingtalk.posts,
        "healthy": healthy_url.split("//")[1],
        "stopping": stopping_url.split("//")[1],
        "db": conn,
    }
    conn.close()


def _results(crawls, site: str, crawl: int) -> dict[str, int]:
    """monitor -> passed, for the site's `crawl`-th run (0-based)."""
    runs = [
        r[0]
        for r in crawls["db"].execute("select run_id from crawl_runs where site = ? order by rowid", [site])
    ]
    rows = crawls["db"].execute("select monitor, passed from monitor_results where run_id = ?", [runs[crawl]])
    return dict(rows.fetchall())


def test_every_crawl_exits_cleanly(crawls):
    assert [r.returncode for r in crawls["runs"]] == [0, 0, 0, 0], crawls["runs"][1].stderr[-2000:]


def test_every_check_is_stored_for_each_site_run(crawls):
    assert (
        set(_results(crawls, crawls["healthy"], 1))
        == MONITORS
        == set(_results(crawls, crawls["stopping"], 1))
    )


def test_a_healthy_site_raises_no_alert(crawls):
    assert [_results(crawls, crawls["healthy"], n) for n in (0, 1, 2)] == [dict.fromkeys(MONITORS, 1)] * 3


def test_the_site_that_stopped_yielding_reports_fails_reports_stopped(crawls):
    assert _results(crawls, crawls["stopping"], 1)["reports_stopped"] == 0


def test_the_alert_is_printed_in_the_summary(crawls):
    assert f"alert: {crawls['stopping']}: reports_stopped: 0 reports; run " in crawls["runs"][1].stdout


def test_the_alert_reaches_the_webhook_once(crawls):
    assert [post.body["site"] for post in crawls["generic"]] == [crawls["stopping"]]


def test_the_generic_alert_names_the_check_and_what_it_saw(crawls):
    alerts = crawls["generic"][0].body["alerts"]
    assert [a["monitor"] for a in alerts] == ["reports_stopped"] and f"stored {REPORTS}" in alerts[0][
        "detail"
    ]


def test_the_generic_alert_lists_the_checks_that_passed(crawls):
    passed = {p["monitor"] for p in crawls["generic"][0].body["passed"]}
    assert passed == MONITORS - {"reports_stopped"}


def test_the_dingtalk_alert_is_a_robot_text_message(crawls):
    body = crawls["dingtalk"][0].body
    assert body["msgtype"] == "text" and "reports_stopped" in body["text"]["content"]


def test_the_dingtalk_alert_names_the_site(crawls):
    assert crawls["stopping"] in crawls["dingtalk"][0].body["text"]["content"]


def test_the_dingtalk_alert_is_signed_as_the_robot_checks(crawls):
    query = parse_qs(urlsplit(crawls["dingtalk"][0].path).query)
    timestamp = query["timestamp"][0]
    digest = hmac.new(DINGTALK_SECRET.encode(), f"{timestamp}\n{DINGTALK_SECRET}".encode(), hashlib.sha256)
    assert query["sign"] == [base64.b64encode(digest.digest()).decode()] and query["key"] == ["test"]


def test_only_the_stopped_site_reaches_the_dingtalk_robot(crawls):
    assert len(crawls["dingtalk"]) == 1


def test_an_unreachable_webhook_is_a_warning_not_a_failure(crawls):
    assert "monitor action WebhookAlert failed: webhook http://127.0.0.1:" in crawls["runs"][3].stderr


def test_the_alert_is_still_stored_when_the_webhook_is_unreachable(crawls):
    assert _results(crawls, crawls["stopping"], 3)["reports_stopped"] == 0


def test_the_summary_counts_the_checks(crawls):
    assert "monitors: 9 checks passed, 1 failed" in crawls["runs"][1].stdout


WAF_CHALLENGE = b"<html><script>document.cookie='__jsl_clearance=1';location.reload()</script></html>"


@pytest.fixture(scope="module")
def blocked(tmp_path_factory):
    """A site crawled once as it is, then answering every page with a WAF's 412 cookie challenge."""
    db = tmp_path_factory.mktemp("blocked") / "reports.db"
    portal = Portal(markup.trs_portal())
    with serve_portal(portal) as base:
        first = run_crawl(base + "/index.html", db)
        challenge = lambda method, query, form: (412, {"Content-Type": "text/html"}, WAF_CHALLENGE)  # noqa: E731
        portal.routes = {path: challenge for path in portal.pages}
        second = run_crawl(base + "/index.html", db)
    conn = open_db(db)
    runs = [r[0] for r in conn.execute("select run_id from crawl_runs order by rowid")]
    rows = conn.execute("select monitor, passed, detail from monitor_results where run_id = ?", [runs[1]])
    yield {"runs": [first, second], "results": {m: (passed, detail) for m, passed, detail in rows}}
    conn.close()


def test_a_site_behind_a_new_waf_challenge_is_newly_blocked(blocked):
    assert blocked["results"]["newly_blocked"][0] == 0


def test_the_blocked_alert_says_why(blocked):
    assert "waf: HTTP 412 with a JavaScript cookie challenge" in blocked["results"]["newly_blocked"][1]


def test_the_blocked_site_is_printed_in_the_summary(blocked):
    assert ": newly_blocked: " in blocked["runs"][1].stdout
