"""A Retry-After holds the site until the time it named, whatever answers arrive meanwhile.

Three requests to one site are in flight. /busy.html is answered 503 with Retry-After;
/before.html came back 200 just before it but reaches the middlewares after it; /after.html comes
back 200 after it. Both were on their way before the site asked to wait, so neither says the site
is ready again: nothing more may leave for the site before the named time, neither because a 200
ends the hold nor because AutoThrottle learns a shorter delay from the quick answer.
"""

from __future__ import annotations

import threading

import pytest

from crawler.settings import DOWNLOADER_MIDDLEWARES

from .helpers.retry_after_portal import (
    OK,
    RETRY_AFTER,
    AnswersAroundA503,
    CrawlAroundA503,
    crawl_around_a_503,
)
from .helpers.retry_order import ANSWERED_AFTER_RETRY_AFTER

IN_FLIGHT = ["busy.html", "before.html", "after.html"]


def answers_around_a_503() -> dict:
    """Routes: /before.html answered at once, /busy.html 503 once the others have come in (then
    200 to its retry), /after.html after the 503."""
    around = AnswersAroundA503()
    before_answered, after_arrived = threading.Event(), threading.Event()
    busy_calls = []

    def before(method, query, form):
        before_answered.set()
        return OK

    def busy(method, query, form):
        busy_calls.append(method)
        return OK if len(busy_calls) > 1 else around.busy(before_answered, after_arrived)

    def after(method, query, form):
        after_arrived.set()
        return around.after_the_503()

    return {"/before.html": before, "/busy.html": busy, "/after.html": after}


@pytest.fixture(scope="module")
def held(tmp_path_factory) -> CrawlAroundA503:
    return crawl_around_a_503(
        IN_FLIGHT,
        answers_around_a_503(),
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


def test_all_three_were_in_flight_when_the_site_asked_to_wait(held):
    assert sorted(path for _, path in held.sent[1:4]) == sorted(f"/{name}" for name in IN_FLIGHT)


def test_the_requests_in_flight_were_answered_normally(held):
    assert [h.status for h in held.portal.hits if h.path in ("/before.html", "/after.html")] == [200, 200]


def test_nothing_leaves_for_the_site_before_the_named_time(held):
    wait = held.wait_after_the_503(len(IN_FLIGHT))
    assert wait is not None and wait >= RETRY_AFTER, held.sent


def test_the_retry_is_answered(held):
    assert [h.status for h in held.portal.requested("/busy.html")] == [503, 200]
