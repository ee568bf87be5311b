"""A fixture portal whose answers come around a 503 with Retry-After, crawled with the time each
request left its slot logged: what the Retry-After hold tests share.

The timings are chosen so that only the hold can keep a request back: the 503 leaves BUSY_AFTER
after the requests it must overlap have come in, by when AutoThrottle's own delay (a download's
latency over the target concurrency) has run out.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..portals.server import Portal, serve_portal
from .send_log import run_crawl_logging_sends, sends

RETRY_AFTER = 2
PAGE = {"Content-Type": "text/html"}, b"<html><body>ok</body></html>"
BUSY = 503, {"Retry-After": str(RETRY_AFTER), "Content-Type": "text/html"}, b"busy"
BUSY_AFTER = 0.3
# A request answered after the 503 is answered this long after it: the crawl has read it by then.
AFTER_THE_503 = 0.5
# Never hold the fixture portal up for good when the crawl does not send what a test expects.
LONGEST_WAIT = 10


def home_linking(pages: list[str]) -> bytes:
    return "".join(f'<a href="/{name}">{name}</a>' for name in pages).encode()


def crawl_around_a_503(
    portal: Portal, folder: Path, in_flight: int, settings: dict[str, Any] | None = None
) -> list[tuple[float, str]]:
    """Crawl the portal from /index.html with `in_flight` requests per site (and `settings`, Scrapy
    settings of the test's own); (time each request left its slot, its path), robots.txt left out."""
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
    return [(at, path) for at, path in sent if path != "/robots.txt"]
