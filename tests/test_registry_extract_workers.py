"""`nianbao crawl --registry` with NIANBAO_EXTRACT_WORKERS=1: one worker process parses the pages
of every site, started once for the crawl, not once per site's crawler. Without the variable, a
registry crawl on a machine of two cores or more parses in one worker too (crawler/run.py).

The crawl's child processes are read from /proc while it runs: the worker is a spawned
interpreter (`multiprocessing.spawn`); Python's resource tracker is a child of its own and is
not counted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from crawler.demo.registry_sites import served_sites
from crawler.run import registry_extract_workers

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


def _crawl(folder: Path, **env: str):
    db = folder / "reports.db"
    with served_sites(SITES) as listed:
        registry = folder / "sites.csv"
        registry.write_text(
            "name,url\n" + "".join(f"site{i},{site['url']}\n" for i, site in enumerate(listed)),
            encoding="utf-8",
        )
        crawl = start_registry_crawl(registry, db, NIANBAO_ACTIVE_SITES="2", **env)
        workers: set[int] = set()
        while crawl.poll() is None:
            workers |= {pid for pid in _children(crawl.pid) if _is_worker(pid)}
            time.sleep(0.02)
        crawl.communicate()
    return crawl, db, workers, sum(site["reports"] for site in listed)


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    return _crawl(tmp_path_factory.mktemp("workers"), NIANBAO_EXTRACT_WORKERS="1")


@pytest.fixture(scope="module")
def crawled_by_default(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("NIANBAO_EXTRACT_WORKERS", raising=False)
        return _crawl(tmp_path_factory.mktemp("default"))


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


def test_two_cores_parse_in_one_worker_by_default(crawled_by_default):
    _, _, workers, _ = crawled_by_default
    assert len(workers) == (1 if len(os.sched_getaffinity(0)) >= 2 else 0)


def test_every_report_is_stored_by_default(crawled_by_default):
    _, db, _, served = crawled_by_default
    with open_db(db) as conn:
        assert conn.execute("select count(*) from reports").fetchone()[0] == served


def test_one_core_parses_in_the_crawl_process():
    cores = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(cores)})
    try:
        assert registry_extract_workers() == 0
    finally:
        os.sched_setaffinity(0, cores)


def test_two_cores_start_one_worker():
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("this machine lets the tests use one core")
    assert registry_extract_workers() == 1
