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

from .helpers.retry_after_portal import (
    AFTER_THE_503,
    BUSY,
    BUSY_AFTER,
    LONGEST_WAIT,
    PAGE,
    RETRY_AFTER,
    crawl_around_a_503,
    home_linking,
)
from .helpers.retry_order import ANSWERED_AFTER_RETRY_AFTER
from .portals.server import Portal

IN_FLIGHT = ["busy.html", "before.html", "after.html"]


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
        return BUSY

    def after(method, query, form):
        after_arrived.set()
        busy_answered.wait(LONGEST_WAIT)
        time.sleep(AFTER_THE_503)
        return 200, *PAGE

    return {"/before.html": before, "/busy.html": busy, "/after.html": after}


@pytest.fixture(scope="module")
def held(tmp_path_factory):
    portal = Portal({"/index.html": home_linking(IN_FLIGHT)}, routes=answers_around_a_503())
    sent = crawl_around_a_503(
        portal,
        tmp_path_factory.mktemp("held"),
        len(IN_FLIGHT),
        {
            "DOWNLOADER_MIDDLEWARES": {
                **DOWNLOADER_MIDDLEWARES,
                "tests.helpers.retry_order.InFlightOrder": 570,
            },
            ANSWERED_AFTER_RETRY_AFTER: ["/before.html"],
        },
    )
    return {"portal": portal, "sent": [(at, path.lstrip("/")) for at, path in sent]}


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
