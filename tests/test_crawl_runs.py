"""`crawl_runs`: a run left `running` by a process that died is closed as `interrupted` at the next
start; runs whose process is alive, or ran on another host, are left alone."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

from crawler.store import Store


@pytest.fixture
def store(tmp_path):
    store = Store(tmp_path / "reports.db")
    yield store
    store.close()


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _running(store: Store, run_id: str, pid: int, host: str) -> None:
    store.db["crawl_runs"].insert({"run_id": run_id, "status": "running", "pid": pid, "host": host})


def _status(store: Store, run_id: str) -> str:
    return store.db["crawl_runs"].get(run_id)["status"]


def test_a_run_whose_process_died_is_closed_as_interrupted(store):
    _running(store, "dead", _dead_pid(), socket.gethostname())
    store.start_run("next", "http://127.0.0.1:1/")
    assert _status(store, "dead") == "interrupted"
    assert store.db["crawl_runs"].get("dead")["finished_at"]


def test_a_run_whose_process_lives_stays_running(store):
    _running(store, "alive", os.getpid(), socket.gethostname())
    store.start_run("next", "http://127.0.0.1:1/")
    assert _status(store, "alive") == "running"


def test_a_run_of_another_host_is_left_to_that_host(store):
    _running(store, "elsewhere", _dead_pid(), "another-host")
    store.start_run("next", "http://127.0.0.1:1/")
    assert _status(store, "elsewhere") == "running"


def test_a_resumed_run_keeps_its_start_and_records_its_process(store):
    store.start_run("r1", "http://127.0.0.1:1/")
    started = store.db["crawl_runs"].get("r1")["started_at"]
    store.db.execute(
        "update crawl_runs set pid = ?, started_at = '2001-01-01' where run_id = 'r1'", [_dead_pid()]
    )
    store.start_run("r1", "http://127.0.0.1:1/")
    row = store.db["crawl_runs"].get("r1")
    assert (row["status"], row["pid"], row["started_at"]) == ("running", os.getpid(), "2001-01-01")
    assert started
