"""Run `nianbao crawl` in a subprocess (Twisted's reactor starts once per process) and open its db."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

from .paths import REPO


def run_crawl(url: str, db: Path, **env: str) -> subprocess.CompletedProcess:
    return _crawl([url], db, env)


def run_registry_crawl(registry: Path, db: Path, **env: str) -> subprocess.CompletedProcess:
    return _crawl(["--registry", str(registry)], db, env)


def _crawl(what: list[str], db: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", "crawl", *what, "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
    )


def start_jobdir_crawl(url: str, db: Path, jobdir: Path, **env: str) -> subprocess.Popen:
    """`nianbao crawl URL --jobdir DIR` started in the background, to be stopped and resumed."""
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", url, "--db", str(db), "--jobdir", str(jobdir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
    )


def start_registry_crawl(registry: Path, db: Path, **env: str) -> subprocess.Popen:
    """`nianbao crawl --registry FILE` started in the background, to be interrupted."""
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "crawl", "--registry", str(registry), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
    )


def run_demo(db: Path, **env: str) -> subprocess.CompletedProcess:
    """`nianbao demo --db DB`: the sample portal crawled into DB."""
    return subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
        env={**os.environ, **env},
    )


def open_db(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return conn


def crawl_stat(stderr: str, name: str) -> int:
    """A counter from the stats Scrapy logs at the end of a crawl (NIANBAO_LOG_LEVEL=INFO)."""
    found = re.search(rf"'{re.escape(name)}': (\d+)", stderr)
    return int(found.group(1)) if found else 0


def start_nianbao(*args: str, **env: str) -> subprocess.Popen:
    """`nianbao ARGS` started in the background (the workers of a distributed crawl run at once)."""
    return subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, **env},
    )


def run_distributed_crawl(
    start_url: str, redis_url: str, dbs: tuple[Path, Path], **env: str
) -> list[subprocess.CompletedProcess]:
    """`crawl URL --redis` and `worker --redis`, started at once, into dbs[0] and dbs[1]."""
    commands = [
        ["crawl", start_url, "--redis", redis_url, "--db", str(dbs[0])],
        ["worker", "--redis", redis_url, "--db", str(dbs[1])],
    ]
    started = [start_nianbao(*command, **env) for command in commands]
    results = []
    for process, command in zip(started, commands, strict=True):
        out, err = process.communicate(timeout=300)
        results.append(subprocess.CompletedProcess(command, process.returncode, out, err))
    return results
