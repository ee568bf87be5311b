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
import time

import pytest

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
from .portals.server import Portal

PAGES = ["a.html", "b.html", "c.html"]


def answers_by_arrival() -> dict:
    """Routes for every page, whose answer depends on the order the requests come in: the first
    is answered 503 once the second has come in (then 200 to its retry), the second 200 after
    the 503, so that it holds its place in the slot while the 503 is read, any other 200 at once.
    Which page a crawl asks for first is its own business."""
    arrivals: list[str] = []
    lock = threading.Lock()
    second_arrived, busy_answered = threading.Event(), threading.Event()

    def route(path: str):
        def answer(method, query, form):
            with lock:
                arrivals.append(path)
                order = len(arrivals)
            if order == 1:
                second_arrived.wait(LONGEST_WAIT)
                time.sleep(BUSY_AFTER)
                busy_answered.set()
                return BUSY
            if order == 2:
                second_arrived.set()
                busy_answered.wait(LONGEST_WAIT)
                time.sleep(AFTER_THE_503)
            return 200, *PAGE

        return answer

    return {f"/{name}": route(f"/{name}") for name in PAGES}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    portal = Portal({"/index.html": home_linking(PAGES)}, routes=answers_by_arrival())
    # Two in flight, so the third waits in the slot.
    return {"portal": portal, "sent": crawl_around_a_503(portal, tmp_path_factory.mktemp("queued"), 2)}


def _busy(crawl) -> str:
    return next(h.path for h in crawl["portal"].hits if h.status == 503)


def test_two_were_in_flight_and_one_queued_when_the_site_asked_to_wait(crawl):
    first_two = {path for _, path in crawl["sent"][1:3]}
    assert _busy(crawl) in first_two and len(first_two) == 2, crawl["sent"]


def test_the_queued_request_waits_for_the_named_time(crawl):
    # The hold counts from when the 503 was read, which is after the busy request left its slot.
    busy_left = next(at for at, path in crawl["sent"] if path == _busy(crawl))
    later = [at for at, _ in crawl["sent"][3:]]
    assert later and min(later) - busy_left >= RETRY_AFTER, crawl["sent"]


def test_every_page_is_answered_in_the_end(crawl):
    answered = {h.path for h in crawl["portal"].hits if h.status == 200}
    assert answered >= {f"/{name}" for name in PAGES}
