"""Two workers over a real Redis, twenty sites: each site's politeness holds for the crawl as a whole.

Every site is a loopback portal of its own (a thread per connection, so two requests at once
would both be logged as they happen) whose log says when each request came in and when its
answer began to go out. From that log alone: no site ever has two requests in flight, and
between the answer to one request to a site and the start of the next lies at least the
download delay, whichever worker sent them. The answer is stamped before it is written, not
after: a worker may read it, and its pause may start, before the portal's thread runs again.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest

from .helpers.crawl import open_db, start_nianbao
from .helpers.redis import redis_server
from .portals.generated import small_reports_portal
from .portals.server import Hit, Portal, serve_portal

SITES = 20
REPORTS_PER_SITE = 2
DELAY = 0.2
# Each answer takes this long, so requests of two workers to one site would overlap in the log:
# with NIANBAO_SHARED_POLITENESS=0 a crawl of the twenty sites shows a few such overlaps and
# more than a dozen short pauses (0.05 s showed none of the overlaps; fifty sites at 0.05 s, three).
LATENCY = 0.15
# The pause is a Redis key expiring DELAY after the answer is read, rounded up to the
# millisecond; Redis expires keys to the millisecond of its own clock, which on this machine is
# the log's clock. So a gap may look short of DELAY by that millisecond, and by no more.
TOLERANCE = 0.002
ENV = {
    "NIANBAO_DOWNLOAD_DELAY": str(DELAY),
    "NIANBAO_REDIS_IDLE_SECONDS": "4",
    # Many requests per worker: each has requests of several sites at hand at once.
    "NIANBAO_WORKER_REQUESTS": "8",
    "NIANBAO_WARC": "0",
}
# Twenty place names, so that each site's reports are reports of their own.
PLACES = [a + b for a in "甲乙丙丁戊己庚辛壬癸" for b in "东南西北中"][:SITES]


def site_portal(place: str) -> Portal:
    pages = small_reports_portal(REPORTS_PER_SITE)
    pages = {path: body.replace("示范".encode(), place.encode()) for path, body in pages.items()}
    return Portal(pages, latency=LATENCY)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("politeness")
    db = folder / "reports.db"
    portals = [site_portal(place) for place in PLACES]
    with ExitStack() as stack:
        redis_url = stack.enter_context(redis_server())
        urls = [stack.enter_context(serve_portal(portal)) for portal in portals]
        registry = folder / "sites.csv"
        rows = [f"{place},{url}/index.html" for place, url in zip(PLACES, urls, strict=True)]
        registry.write_text("name,url\n" + "\n".join(rows) + "\n", encoding="utf-8")
        workers = [
            start_nianbao("crawl", "--registry", str(registry), "--redis", redis_url, "--db", str(db), **ENV),
            start_nianbao("worker", "--redis", redis_url, "--db", str(db), **ENV),
        ]
        outputs = [worker.communicate(timeout=600) for worker in workers]
    conn = open_db(db)
    yield {
        "codes": [w.returncode for w in workers],
        "stderr": [err for _, err in outputs],
        "logs": [sorted(portal.hits, key=lambda h: h.at) for portal in portals],
        "db": conn,
    }
    conn.close()


def consecutive(log: list[Hit]) -> list[tuple[Hit, Hit]]:
    return list(zip(log, log[1:], strict=False))


@pytest.mark.redis
def test_both_workers_exit_cleanly(crawled):
    assert crawled["codes"] == [0, 0], [err[-2000:] for err in crawled["stderr"]]


@pytest.mark.redis
def test_both_workers_fetched_pages(crawled):
    runs = crawled["db"].execute("select pages_fetched from crawl_runs").fetchall()
    assert len(runs) == 2 and all(r["pages_fetched"] > 0 for r in runs)


@pytest.mark.redis
def test_no_site_ever_has_two_requests_in_flight(crawled):
    overlaps = [
        (site, earlier.path, later.path)
        for site, log in enumerate(crawled["logs"])
        for earlier, later in consecutive(log)
        if later.at < earlier.answered
    ]
    assert overlaps == []


@pytest.mark.redis
def test_each_site_waits_its_delay_between_requests(crawled):
    short = [
        (site, earlier.path, later.path, round(later.at - earlier.answered, 4))
        for site, log in enumerate(crawled["logs"])
        for earlier, later in consecutive(log)
        if later.at - earlier.answered < DELAY - TOLERANCE
    ]
    assert short == []


@pytest.mark.redis
def test_the_log_has_every_site_and_its_requests(crawled):
    # The two checks above need something to check: every site served its pages.
    assert all(len(log) >= 5 for log in crawled["logs"])


@pytest.mark.redis
def test_every_report_is_stored_once(crawled):
    urls = [r[0] for r in crawled["db"].execute("select url from pages where is_report = 1")]
    assert len(urls) == len(set(urls)) == SITES * REPORTS_PER_SITE


@pytest.mark.redis
def test_every_report_has_its_own_row(crawled):
    agencies = [r[0] for r in crawled["db"].execute("select agency from reports")]
    assert len(agencies) == len(set(agencies)) == SITES * REPORTS_PER_SITE
