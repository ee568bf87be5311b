"""A fixture portal whose answers come around a 503 with Retry-After, crawled with the time each
request left its slot logged: what the Retry-After hold tests share.

The timings are chosen so that only the hold can keep a request back: the 503 leaves BUSY_AFTER
after the requests it must overlap have come in, by when AutoThrottle's own delay (a download's
latency over the target concurrency) has run out.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..portals.server import Portal, serve_portal
from .send_log import run_crawl_logging_sends, sends

RETRY_AFTER = 2
PAGE = {"Content-Type": "text/html"}, b"<html><body>ok</body></html>"
OK = 200, *PAGE
BUSY = 503, {"Retry-After": str(RETRY_AFTER), "Content-Type": "text/html"}, b"busy"
BUSY_AFTER = 0.3
# A request answered after the 503 is answered this long after it: the crawl has read it by then.
AFTER_THE_503 = 0.5
# Never hold the fixture portal up for good when the crawl does not send what a test expects.
LONGEST_WAIT = 10


class AnswersAroundA503:
    """The 503 and the answers timed after it; each test's routes say which request gets which."""

    def __init__(self) -> None:
        self.busy_answered = threading.Event()

    def busy(self, *overlapping: threading.Event) -> tuple[int, dict[str, str], bytes]:
        """The 503, once the requests it must overlap have come in (each sets its event)."""
        for came_in in overlapping:
            came_in.wait(LONGEST_WAIT)
        time.sleep(BUSY_AFTER)
        self.busy_answered.set()
        return BUSY

    def after_the_503(self) -> tuple[int, dict[str, str], bytes]:
        """A 200 that leaves after the 503, and late enough that the crawl has read the 503."""
        self.busy_answered.wait(LONGEST_WAIT)
        time.sleep(AFTER_THE_503)
        return OK


@dataclass(frozen=True)
class CrawlAroundA503:
    portal: Portal
    # (time each request left its slot, its path), robots.txt left out.
    sent: list[tuple[float, str]]

    def busy_path(self) -> str:
        return next(hit.path for hit in self.portal.hits if hit.status == 503)

    def wait_after_the_503(self, in_flight: int) -> float | None:
        """Seconds from the 503's request leaving its slot to the first request sent after the
        home page and the `in_flight` requests, or None when none was. The hold counts from when
        the 503 was read, which is after its request left: a wait of RETRY_AFTER or more here
        means nothing left before the named time."""
        busy_left = next(at for at, path in self.sent if path == self.busy_path())
        later = [at for at, _ in self.sent[1 + in_flight :]]
        return min(later) - busy_left if later else None


def home_linking(pages: list[str]) -> bytes:
    return "".join(f'<a href="/{name}">{name}</a>' for name in pages).encode()


def crawl_around_a_503(
    pages: list[str],
    routes: dict[str, Any],
    folder: Path,
    in_flight: int,
    settings: dict[str, Any] | None = None,
) -> CrawlAroundA503:
    """Crawl a portal whose /index.html links `pages`, answered by `routes`, with `in_flight`
    requests per site (and `settings`, Scrapy settings of the test's own)."""
    portal = Portal({"/index.html": home_linking(pages)}, routes=routes)
    with serve_portal(portal) as base:
        result = run_crawl_logging_sends(
            base + "/index.html",
            folder / "reports.db",
            folder / "sends.jsonl",
            settings={
                "CONCURRENT_REQUESTS_PER_DOMAIN": in_flight,
                # AutoThrottle as crawls run it, with delays well inside BUSY_AFTER and no jitter.
                "AUTOTHROTTLE_TARGET_CONCURRENCY": 4,
                "DOWNLOAD_DELAY_JITTER": 0,
                **(settings or {}),
            },
        )
    assert result.returncode == 0, result.stderr[-2000:]
    sent = [(at, "/" + url.rsplit("/", 1)[1]) for at, url in sends(folder / "sends.jsonl")]
    return CrawlAroundA503(portal, [(at, path) for at, path in sent if path != "/robots.txt"])
