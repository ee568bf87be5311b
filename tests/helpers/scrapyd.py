"""A real Scrapyd, started on a free loopback port in a temporary folder, with the project deployed
to it by scrapyd-deploy (which builds the egg from setup.py/pyproject.toml), as a user deploys it.

The Scrapyd process gets no PYTHONPATH and works in a folder without the project, so its jobs run
from the egg alone: the egg must carry the code and data.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from crawler.schedule.scrapyd import TIMEOUT as CALL_TIMEOUT  # seconds for one API call

from .paths import REPO
from .ports import free_port

# What scrapyd-deploy needs from a checkout to build the egg.
PROJECT_FILES = ["scrapy.cfg", "setup.py", "pyproject.toml", "README.md", "crawler", "extract"]
JOB_TIMEOUT = 120  # seconds


@dataclass(frozen=True)
class Deployment:
    """A running Scrapyd (its base URL and folder) and how deploying the project to it went."""

    base: str
    home: Path
    project: Path
    deploy: subprocess.CompletedProcess


def require_scrapyd() -> None:
    try:
        import scrapyd  # noqa: F401
        import scrapyd_client  # noqa: F401
    except ImportError:
        message = "scrapyd and scrapyd-client are not installed (pip install -e '.[scrapyd]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # CI installs the test extra: their absence there is a broken setup
        pytest.skip(message)


def get(base: str, path: str, **params: str) -> dict:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}" if params else base + path
    with urllib.request.urlopen(url, timeout=CALL_TIMEOUT) as response:
        return json.loads(response.read())


def post(base: str, path: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(base + path, data=data, timeout=CALL_TIMEOUT) as response:
        return json.loads(response.read())


def wait_for_jobs(base: str, job_ids: set[str], timeout: float = JOB_TIMEOUT) -> None:
    """Until every job of `job_ids` is in Scrapyd's finished list."""
    deadline = time.monotonic() + timeout
    while True:
        jobs = get(base, "listjobs.json", project="nianbao")
        if job_ids <= {job["id"] for job in jobs["finished"]}:
            return
        if time.monotonic() > deadline:
            pytest.fail(f"the scrapyd jobs did not finish within {timeout} s: {jobs}")
        time.sleep(0.5)


def start_scrapyd(home: Path, max_proc: int = 1) -> tuple[subprocess.Popen, str]:
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
        f"items_dir = {home / 'items'}\n"
        f"max_proc = {max_proc}\n"
        "poll_interval = 0.5\n",
        encoding="utf-8",
    )
    # No PYTHONPATH: the job must import the project from the deployed egg. Its jobs crawl loopback
    # portals without the politeness delay, as the crawls of tests/helpers/crawl.py do; Scrapyd
    # hands its environment to each job, where the environment add-on reads it.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
    env["NIANBAO_DOWNLOAD_DELAY"] = "0"
    process = subprocess.Popen(
        [sys.executable, "-m", "scrapyd"],
        cwd=home,
        env=env,
        stdout=(home / "scrapyd.out").open("wb"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 30
    while True:
        try:
            if get(base, "daemonstatus.json")["status"] == "ok":
                return process, base
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = (home / "scrapyd.out").read_text(errors="replace")
            raise RuntimeError(f"scrapyd did not start on port {port}:\n{output[-3000:]}")
        time.sleep(0.2)


def copy_project(destination: Path) -> Path:
    """A copy of the checkout to deploy from, so the build leaves nothing in it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return destination


def deploy(project: Path, base: str, *options: str) -> subprocess.CompletedProcess:
    """scrapyd-deploy from `project` to the Scrapyd at `base` (or with other options, such as
    `--build-egg FILE`)."""
    cfg = project / "scrapy.cfg"
    if "[deploy:test]" not in cfg.read_text(encoding="utf-8"):
        with cfg.open("a", encoding="utf-8") as out:
            out.write(f"\n[deploy:test]\nurl = {base}\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-m", "scrapyd_client.deploy", *(options or ("test", "--version", "r1"))],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@contextmanager
def running_scrapyd(home: Path, max_proc: int = 1) -> Iterator[str]:
    """A Scrapyd in `home`, stopped on exit; yields its base URL."""
    process, base = start_scrapyd(home, max_proc)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
