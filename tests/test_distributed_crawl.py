"""Two processes share one frontier in a real Redis: every page is fetched once, every report stored once.

`nianbao crawl --registry FILE --redis URL` puts the start pages of two loopback portals in the
queue and works on it; `nianbao worker --redis URL`, started at the same moment, takes work from
the same queue. The portals log every request, so a URL fetched by both workers would show.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import redis

from crawler.demo.server import sample_portal_root

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.crawl import open_db, start_nianbao
from .helpers.paths import COUNTY_SITE
from .helpers.ports import free_port
from .helpers.redis import redis_server
from .portals.server import Portal, serve_portal

SAMPLE_REPORTS = 5  # the sample portal's distinct reports
ENV = {"NIANBAO_DOWNLOAD_DELAY": "0.2", "NIANBAO_REDIS_IDLE_SECONDS": "4", "NIANBAO_WORKER_REQUESTS": "1"}


def folder_portal(root: Path) -> Portal:
    pages = {"/" + str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    pages["/"] = pages["/index.html"]
    return Portal(pages)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("distributed")
    db = folder / "reports.db"
    sample, county = folder_portal(sample_portal_root()), folder_portal(COUNTY_SITE)
    with redis_server() as redis_url, serve_portal(sample) as sample_url, serve_portal(county) as county_url:
        registry = folder / "sites.csv"
        registry.write_text(
            f"name,url\nsample,{sample_url}/\ncounty,{county_url}/index.html\n", encoding="utf-8"
        )
        workers = [
            start_nianbao("crawl", "--registry", str(registry), "--redis", redis_url, "--db", str(db), **ENV),
            start_nianbao("worker", "--redis", redis_url, "--db", str(db), **ENV),
        ]
        outputs = [worker.communicate(timeout=300) for worker in workers]
        leftover = redis.Redis.from_url(redis_url).keys("nianbao:*")
    conn = open_db(db)
    yield {
        "codes": [w.returncode for w in workers],
        "stderr": [err for _, err in outputs],
        "hits": [("sample", h) for h in sample.hits] + [("county", h) for h in county.hits],
        "db": conn,
        "leftover": leftover,
    }
    conn.close()


@pytest.mark.redis
def test_both_processes_exit_cleanly(crawled):
    assert crawled["codes"] == [0, 0], [err[-2000:] for err in crawled["stderr"]]


@pytest.mark.redis
def test_no_url_is_fetched_twice(crawled):
    # robots.txt is each worker's own business (Scrapy fetches it outside the scheduler).
    counts = Counter(
        (site, h.method, h.path, h.query) for site, h in crawled["hits"] if h.path != "/robots.txt"
    )
    assert [key for key, n in counts.items() if n > 1] == []


@pytest.mark.redis
def test_every_report_is_stored_once(crawled):
    rows = crawled["db"].execute("select url from reports").fetchall()
    urls = [r[0] for r in rows]
    assert len(urls) == len(set(urls)) == SAMPLE_REPORTS + 1


@pytest.mark.redis
def test_the_county_report_is_stored(crawled):
    assert (
        crawled["db"].execute("select count(*) from reports where agency = '平山县人民政府'").fetchone()[0]
        == 1
    )


@pytest.mark.redis
def test_every_fetched_page_is_stored_once(crawled):
    fetched = [(site, h.path) for site, h in crawled["hits"] if h.path != "/robots.txt"]
    stored = [r[0] for r in crawled["db"].execute("select url from pages")]
    assert len(stored) == len(set(stored)) == len(fetched)


@pytest.mark.redis
def test_both_workers_fetched_pages(crawled):
    runs = crawled["db"].execute("select run_id, pages_fetched from crawl_runs").fetchall()
    assert len(runs) == 2 and all(r["pages_fetched"] > 0 for r in runs)


@pytest.mark.redis
def test_the_finished_crawl_leaves_nothing_in_redis(crawled):
    assert crawled["leftover"] == []


def test_unreachable_redis_is_one_line(tmp_path):
    result = nianbao("worker", "--redis", f"redis://127.0.0.1:{free_port()}", "--db", str(tmp_path / "r.db"))
    assert_one_line_error(result, "cannot reach Redis")


def test_bad_redis_url_is_one_line(tmp_path):
    result = nianbao("crawl", "http://127.0.0.1:9/", "--redis", "http://nope", "--db", str(tmp_path / "r.db"))
    assert_one_line_error(result, "not a Redis URL")
