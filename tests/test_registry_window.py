"""`nianbao crawl --registry` with NIANBAO_ACTIVE_SITES=3: twelve loopback sites, at most three at once.

One fixture portal is served on twelve ports, each a site of its own. The servers log when each
request arrives and when its answer goes out; a site was active at least from its first request
to its last answer, so no more than three of those spans may overlap."""

from __future__ import annotations

import functools
import re
import threading
import time
from contextlib import ExitStack, contextmanager

import pytest

from crawler.demo.server import LoopbackServer, _QuietHandler

from .helpers.crawl import open_db, run_registry_crawl
from .helpers.paths import COUNTY_SITE

SITES = 12
WINDOW = 3


class _LoggedHandler(_QuietHandler):
    def __init__(self, *args, log, **kwargs):
        self.log = log
        super().__init__(*args, **kwargs)

    def handle_one_request(self):
        started, self.answered = time.monotonic(), None
        super().handle_one_request()
        if self.answered is not None:
            self.log.append((self.server.server_address[1], started, self.answered))

    def send_response(self, code, message=None):
        # A site stays active until the crawler has read its last answer, which it cannot do
        # before the answer goes out; stamped after the write, a span could outlast the site's.
        self.answered = time.monotonic()
        super().send_response(code, message)


@contextmanager
def logged_site(log):
    server = LoopbackServer(
        ("127.0.0.1", 0), functools.partial(_LoggedHandler, log=log, directory=str(COUNTY_SITE))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("window")
    db = folder / "reports.db"
    log: list[tuple[int, float, float]] = []
    with ExitStack() as stack:
        urls = [stack.enter_context(logged_site(log)) for _ in range(SITES)]
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url,agency\n"
            + "".join(f"site{i:02},{url}index.html,平山县人民政府\n" for i, url in enumerate(urls)),
            encoding="utf-8",
        )
        result = run_registry_crawl(registry, db, NIANBAO_ACTIVE_SITES=str(WINDOW), NIANBAO_LOG_LEVEL="INFO")
    conn = open_db(db)
    yield {"result": result, "db": conn, "urls": urls, "log": list(log)}
    conn.close()


def test_the_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_site_has_its_own_finished_run(crawled):
    rows = crawled["db"].execute("select site_name, status, pages_fetched from crawl_runs order by site_name")
    assert [(r["site_name"], r["status"]) for r in rows] == [
        (f"site{i:02}", "finished") for i in range(SITES)
    ]


def test_every_site_is_crawled_and_stored(crawled):
    counts = [
        crawled["db"].execute("select count(*) from pages where url like ?", [url + "%"]).fetchone()[0]
        for url in crawled["urls"]
    ]
    assert counts == [4] * SITES


def test_every_site_has_a_summary_line(crawled):
    lines = crawled["result"].stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:SITES]] == [f"site{i:02}" for i in range(SITES)]


def test_no_more_than_the_window_of_sites_is_served_at_once(crawled):
    spans = {}
    for port, started, ended in crawled["log"]:
        first, last = spans.get(port, (started, ended))
        spans[port] = (min(first, started), max(last, ended))
    assert len(spans) == SITES
    # The most spans open at one moment: sweep their starts (+1) and ends (-1), ends first on a tie.
    events = sorted([(first, 1) for first, _ in spans.values()] + [(last, -1) for _, last in spans.values()])
    open_spans = peak = 0
    for _, step in events:
        open_spans += step
        peak = max(peak, open_spans)
    assert peak <= WINDOW


def test_the_log_says_the_window_was_full(crawled):
    peaks = re.findall(
        r"sites: \d+ active, \d+ waiting, \d+ done \(at most (\d+) at once\)", crawled["result"].stderr
    )
    assert len(peaks) == SITES and max(map(int, peaks)) == WINDOW
