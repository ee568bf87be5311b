"""A Retry-After holds the site until the time it named, whatever answers arrive meanwhile.

Three requests to one site are in flight. /busy.html is answered 503 with Retry-After;
/before.html came back 200 just before it but reaches the middlewares after it; /after.html comes
back 200 after it. Both were on their way before the site asked to wait, so neither says the site
is ready again: nothing more may leave for the site before the named time, neither because a 200
ends the hold nor because AutoThrottle learns a shorter delay from the quick answer.
"""

from __future__ import annotations

import threading
import time

import pytest

from crawler.settings import DOWNLOADER_MIDDLEWARES

from .helpers.retry_order import ANSWERED_AFTER_RETRY_AFTER
from .helpers.send_log import run_crawl_logging_sends, sends
from .portals.server import Portal, serve_portal

RETRY_AFTER = 2
IN_FLIGHT = ["busy.html", "before.html", "after.html"]
HOME = "".join(f'<a href="/{name}">{name}</a>' for name in IN_FLIGHT).encode()
PAGE = {"Content-Type": "text/html"}, b"<html><body>ok</body></html>"
# The 503 leaves this long after the other two requests came in: AutoThrottle's delay (a
# download's latency over the target concurrency) has run out by then, so the slot has no wait
# of its own pending when the 503 is read, and only the hold keeps the next request back.
BUSY_AFTER = 0.3
# /after.html is answered this long after the 503, which the crawl has read by then.
AFTER_THE_503 = 0.5
# Never hold the fixture portal up for good when the crawl does not send all three requests.
LONGEST_WAIT = 10


def answers_around_a_503() -> dict:
    """Routes: /before.html answered at once, /busy.html 503 once the others have come in (then
    200 to its retry), /after.html after the 503."""
    before_answered, after_arrived, busy_answered = threading.Event(), threading.Event(), threading.Event()
    busy_calls = []

    def before(method, query, form):
        before_answered.set()
        return 200, *PAGE

    def busy(method, query, form):
        busy_calls.append(method)
        if len(busy_calls) > 1:
            return 200, *PAGE
        before_answered.wait(LONGEST_WAIT)
        after_arrived.wait(LONGEST_WAIT)
        time.sleep(BUSY_AFTER)
        busy_answered.set()
        return 503, {"Retry-After": str(RETRY_AFTER), "Content-Type": "text/html"}, b"busy"

    def after(method, query, form):
        after_arrived.set()
        busy_answered.wait(LONGEST_WAIT)
        time.sleep(AFTER_THE_503)
        return 200, *PAGE

    return {"/before.html": before, "/busy.html": busy, "/after.html": after}


@pytest.fixture(scope="module")
def held(tmp_path_factory):
    folder = tmp_path_factory.mktemp("held")
    portal = Portal({"/index.html": HOME}, routes=answers_around_a_503())
    with serve_portal(portal) as base:
        result = run_crawl_logging_sends(
            base + "/index.html",
            folder / "reports.db",
            folder / "sends.jsonl",
            settings={
                "CONCURRENT_REQUESTS_PER_DOMAIN": len(IN_FLIGHT),
                # AutoThrottle as crawls run it, with delays well inside BUSY_AFTER and no jitter.
                "AUTOTHROTTLE_TARGET_CONCURRENCY": 4,
                "DOWNLOAD_DELAY_JITTER": 0,
                "DOWNLOADER_MIDDLEWARES": {
                    **DOWNLOADER_MIDDLEWARES,
                    "tests.helpers.retry_order.InFlightOrder": 570,
                },
                ANSWERED_AFTER_RETRY_AFTER: ["/before.html"],
            },
        )
    assert result.returncode == 0, result.stderr[-2000:]
    sent = [(at, url.rsplit("/", 1)[1]) for at, url in sends(folder / "sends.jsonl")]
    return {"portal": portal, "sent": [(at, name) for at, name in sent if name != "robots.txt"]}


def test_all_three_were_in_flight_when_the_site_asked_to_wait(held):
    assert sorted(name for _, name in held["sent"][1:4]) == sorted(IN_FLIGHT)


def test_the_requests_in_flight_were_answered_normally(held):
    assert [h.status for h in held["portal"].hits if h.path in ("/before.html", "/after.html")] == [200, 200]


def test_nothing_leaves_for_the_site_before_the_named_time(held):
    # The hold counts from when the 503 was read, which is after /busy.html left its slot.
    busy_left = next(at for at, name in held["sent"] if name == "busy.html")
    later = [at for at, _ in held["sent"][4:]]
    assert later and min(later) - busy_left >= RETRY_AFTER, held["sent"]


def test_the_retry_is_answered(held):
    assert [h.status for h in held["portal"].requested("/busy.html")] == [503, 200]
