"""Run `nianbao schedule` in a subprocess: a `--once` round, or the long-running mode stopped with
SIGTERM once its crawls have ended and it has woken a few more times."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from .paths import REPO

TIMEOUT = 180  # seconds for the crawls of a long-running schedule to end


def run_schedule(registry: Path, db: Path, *options: str, **env: str) -> subprocess.CompletedProcess:
    """`nianbao schedule --registry REGISTRY --db DB OPTIONS`, e.g. `--once --now 2027-02-10T08:00`."""
    return subprocess.run(
        _argv(registry, db, options), capture_output=True, text=True, timeout=300, cwd=REPO, env=_env(env)
    )


def start_schedule(registry: Path, db: Path, *options: str, **env: str) -> subprocess.Popen:
    """`nianbao schedule` started in the background, its output piped."""
    return subprocess.Popen(
        _argv(registry, db, options),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=_env(env),
    )


def wait_for_run(db: Path, status: str, timeout: float = TIMEOUT) -> None:
    """Until a crawl_runs row has this status."""
    deadline = time.monotonic() + timeout
    while _count_runs(db, "status = ?", status) == 0:
        if time.monotonic() > deadline:
            raise TimeoutError(f"no {status} run in {db} after {timeout} s")
        time.sleep(0.2)


def keep_running(
    registry: Path,
    db: Path,
    *options: str,
    runs: int,
    until: str = "next due:",
    then: float = 4.0,
    **env: str,
) -> subprocess.CompletedProcess:
    """`nianbao schedule` without --once, waking every second: once `runs` crawl_runs rows have
    ended and it has printed a line holding `until`, `then` more seconds, then SIGTERM. Its
    returncode is None if it had exited by itself before."""
    process = start_schedule(registry, db, *options, NIANBAO_SCHEDULE_WAKE_SECONDS="1", **env)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(process.stdout.readline, "")), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline and process.poll() is None:
            if _ended_runs(db) >= runs and any(until in line for line in lines):
                break
            time.sleep(0.5)
        time.sleep(then)
        exited_early = process.poll() is not None
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        reader.join(timeout=10)
        err = process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    return subprocess.CompletedProcess(
        process.args, None if exited_early else process.returncode, "".join(lines), err
    )


def _argv(registry: Path, db: Path, options: tuple[str, ...]) -> list[str]:
    command = ["schedule", "--registry", str(registry), "--db", str(db), *options]
    return [sys.executable, "-m", "crawler.cli", *command]


def _env(env: dict[str, str]) -> dict[str, str]:
    return {**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env}


def _ended_runs(db: Path) -> int:
    return _count_runs(db, "finished_at is not null")


def _count_runs(db: Path, where: str, *params: str) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute(f"select count(*) from crawl_runs where {where}", params).fetchone()[0]
    except sqlite3.OperationalError:  # its tables are not made yet
        return 0
    finally:
        conn.close()
