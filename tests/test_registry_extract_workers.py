"""`nianbao crawl --registry` with NIANBAO_EXTRACT_WORKERS=1: one worker process parses the pages
of every site, started once for the crawl, not once per site's crawler.

The crawl's child processes are read from /proc while it runs: the worker is a spawned
interpreter (`multiprocessing.spawn`); Python's resource tracker is a child of its own and is
not counted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from crawler.demo.registry_sites import served_sites

from .helpers.crawl import open_db, start_registry_crawl

SITES = 6


def _children(pid: int) -> set[int]:
    try:
        tasks = Path(f"/proc/{pid}/task").iterdir()
        return {int(child) for task in tasks for child in (task / "children").read_text().split()}
    except OSError:
        return set()


def _is_worker(pid: int) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return False
    return b"multiprocessing.spawn" in command and b"resource_tracker" not in command


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    db = folder / "reports.db"
    with served_sites(SITES) as listed:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url\n" + "".join(f"site{i},{site['url']}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        crawl = start_registry_crawl(registry, db, NIANBAO_EXTRACT_WORKERS="1", NIANBAO_ACTIVE_SITES="2")
        workers: set[int] = set()
        while crawl.poll() is None:
            workers |= {pid for pid in _children(crawl.pid) if _is_worker(pid)}
            time.sleep(0.02)
        crawl.communicate()
    return crawl, db, workers, sum(site["reports"] for site in listed)


def test_the_crawl_succeeds(crawled):
    crawl, *_ = crawled
    assert crawl.returncode == 0


def test_one_worker_parses_for_every_site(crawled):
    _, _, workers, _ = crawled
    assert len(workers) == 1


def test_every_report_served_is_stored(crawled):
    _, db, _, served = crawled
    with open_db(db) as conn:
        assert conn.execute("select count(*) from reports").fetchone()[0] == served
