"""A hostile page costs a bounded amount: a page over NIANBAO_MAX_PARSE_SIZE is stored with its hash,
size and the reason, neither parsed nor followed; pages are never parsed on the reactor thread.

(What that saves in memory and time is measured by `python -m tests.bench.hostile_page`; tests
check outcomes only.)"""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

from .helpers.crawl import open_db, run_crawl
from .helpers.paths import REPO
from .portals.server import Portal, serve_portal

LIMIT = 100_000
HOME = (
    '<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>'
    '<a href="/ndbg/big.html">2023年政府信息公开工作年度报告</a>'
    '<a href="/ndbg/small.html">2022年政府信息公开工作年度报告</a></body></html>'
).encode()
SMALL = (
    '<html><head><meta charset="utf-8"><title>2022年政府信息公开工作年度报告</title></head>'
    "<body><p>本年度主动公开政府信息。</p></body></html>"
).encode()
ROW = '<tr><td><a href="/list/{n}.html">政府信息公开年度报告第{n}条</a></td></tr>\n'
BIG = (
    b"<html><body><table>"
    + "".join(ROW.format(n=n) for n in range(3000)).encode()
    + b"</table></body></html>"
)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    assert len(BIG) > LIMIT
    db = tmp_path_factory.mktemp("hostile") / "r.db"
    portal = Portal({"/index.html": HOME, "/ndbg/big.html": BIG, "/ndbg/small.html": SMALL})
    with serve_portal(portal) as base:
        result = run_crawl(base + "/index.html", db, NIANBAO_MAX_PARSE_SIZE=str(LIMIT))
    conn = open_db(db)
    rows = {row["url"].removeprefix(base): row for row in conn.execute("select * from pages")}
    yield {"result": result, "rows": rows, "portal": portal}
    conn.close()


def test_the_crawl_succeeds(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_the_huge_page_is_stored_with_its_hash_size_and_reason(crawled):
    row = crawled["rows"]["/ndbg/big.html"]
    assert (row["sha256"], row["size"], row["status"]) == (hashlib.sha256(BIG).hexdigest(), len(BIG), 200)
    assert row["error"] == f"not parsed: {len(BIG)} bytes, over NIANBAO_MAX_PARSE_SIZE ({LIMIT})"


def test_the_huge_page_counts_as_a_page_with_an_error(crawled):
    assert "pages with errors: 1" in crawled["result"].stdout


def test_the_links_of_the_huge_page_are_not_followed(crawled):
    assert not [hit for hit in crawled["portal"].hits if hit.path.startswith("/list/")]


def test_a_page_under_the_cut_off_is_parsed(crawled):
    row = crawled["rows"]["/ndbg/small.html"]
    assert row["error"] is None and row["size"] == len(SMALL)


# In a process of its own: the reactor runs once per process.
OFF_THE_REACTOR = """
import threading
from twisted.internet import defer, task
from crawler.items import PageItem
from crawler.pipelines import extract_page
from extract import Options

on_main_thread = []
parse = extract_page.process

def recording(*args, **kwargs):
    on_main_thread.append(threading.current_thread() is threading.main_thread())
    return parse(*args, **kwargs)

extract_page.process = recording

async def run(reactor):
    pipeline = extract_page.ExtractPipeline(Options())  # the defaults: no worker processes
    page = PageItem(url="http://x.gov.cn/a.html", status=200, body=b"<html><body><p>x</p></body></html>")
    item = await pipeline.process_item(page)
    print(item.report is not None, on_main_thread)

task.react(lambda reactor: defer.Deferred.fromCoroutine(run(reactor)))
"""


def test_pages_are_parsed_off_the_reactor_thread_by_default():
    result = subprocess.run(
        [sys.executable, "-c", OFF_THE_REACTOR], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.stdout.strip() == "True [False]", result.stderr[-2000:]
