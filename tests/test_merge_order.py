"""`nianbao merge` gives the same database whichever order its inputs come in: the report the
later fetch stored wins, every version is kept, the earlier first sighting stays."""

from __future__ import annotations

import sqlite3
import time

import pytest

from crawler.store import Store
from crawler.store.merge import merge_databases

from .test_storage import make_report


@pytest.fixture(scope="module")
def worker_files(tmp_path_factory):
    """a.db stored the report's first text; b.db, a second later, its changed text."""
    folder = tmp_path_factory.mktemp("merge_order")
    files = []
    for name, text, sha in (("a", "一、概述\n旧文", "a" * 64), ("b", "一、概述\n新文", "b" * 64)):
        store = Store(folder / f"{name}.db")
        store.start_run(f"run-{name}", "")
        store.save_page(make_report(text, sha), 200, "text/html", 100, f"run-{name}")
        store.finish_run(f"run-{name}", "finished")
        store.close()
        files.append(folder / f"{name}.db")
        time.sleep(1.1)  # the store's times are to the second
    return files


@pytest.fixture(scope="module", params=["earlier first", "later first"])
def merged(request, worker_files, tmp_path_factory):
    inputs = worker_files if request.param == "earlier first" else worker_files[::-1]
    out = tmp_path_factory.mktemp("merged") / "out.db"
    merge_databases(out, inputs)
    conn = sqlite3.connect(out)
    yield conn
    conn.close()


def test_the_later_text_wins(merged):
    assert merged.execute("select text from reports").fetchall() == [("一、概述\n新文",)]


def test_both_versions_are_kept(merged):
    assert sorted(r[0] for r in merged.execute("select sha256 from report_versions")) == ["a" * 64, "b" * 64]


def test_the_first_sighting_is_the_earlier(merged):
    first_seen, fetched = merged.execute(
        "select r.first_seen, min(v.fetched_at) from reports r join report_versions v using (report_key)"
    ).fetchone()
    assert first_seen == fetched


def test_both_runs_are_kept(merged):
    assert merged.execute("select count(*) from crawl_runs").fetchone()[0] == 2


def test_the_report_keeps_the_later_figures_and_sections(merged):
    assert merged.execute("select count(*) from sections").fetchone()[0] == 1
