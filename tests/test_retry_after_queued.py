"""A Retry-After holds the site from the moment its answer is read, before a request queued
behind it can leave.

Two requests to one site are in flight and a third waits in the site's download slot. The
first to reach the portal is answered 503 with Retry-After; the second is answered 200 after
the 503. When the 503 has been read, the downloader frees its place in the slot and would let
the queued request go at once, before any middleware has seen the 503: the hold must already
be in force then, so nothing leaves for the site before the named time.
"""

from __future__ import annotations

import threading

import pytest

from .helpers.retry_after_portal import (
    OK,
    RETRY_AFTER,
    AnswersAroundA503,
    CrawlAroundA503,
    crawl_around_a_503,
)

PAGES = ["a.html", "b.html", "c.html"]
# Two in flight, so the third waits in the slot.
IN_FLIGHT = 2


def answers_by_arrival() -> dict:
    """Routes for every page, whose answer depends on the order the requests come in: the first
    is answered 503 once the second has come in (then 200 to its retry), the second 200 after
    the 503, so that it holds its place in the slot while the 503 is read, any other 200 at once.
    Which page a crawl asks for first is its own business."""
    around = AnswersAroundA503()
    arrivals: list[str] = []
    lock = threading.Lock()
    second_arrived = threading.Event()

    def route(path: str):
        def answer(method, query, form):
            with lock:
                arrivals.append(path)
                order = len(arrivals)
            if order == 1:
                return around.busy(second_arrived)
            if order == 2:
                second_arrived.set()
                return around.after_the_503()
            return OK

        return answer

    return {f"/{name}": route(f"/{name}") for name in PAGES}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory) -> CrawlAroundA503:
    return crawl_around_a_503(PAGES, answers_by_arrival(), tmp_path_factory.mktemp("queued"), IN_FLIGHT)


def test_two_were_in_flight_and_one_queued_when_the_site_asked_to_wait(crawl):
    first_two = {path for _, path in crawl.sent[1 : 1 + IN_FLIGHT]}
    assert crawl.busy_path() in first_two and len(first_two) == IN_FLIGHT, crawl.sent


def test_the_queued_request_waits_for_the_named_time(crawl):
    wait = crawl.wait_after_the_503(IN_FLIGHT)
    assert wait is not None and wait >= RETRY_AFTER, crawl.sent


def test_every_page_is_answered_in_the_end(crawl):
    answered = {h.path for h in crawl.portal.hits if h.status == 200}
    assert answered >= {f"/{name}" for name in PAGES}
