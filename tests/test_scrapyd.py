"""The `portal` spider deployed to a real Scrapyd and scheduled there, as a user runs it.

Scrapyd is started on a free loopback port in a temporary directory, the project is deployed with
scrapyd-deploy (which builds the egg from setup.py/pyproject.toml), and schedule.json starts a crawl
of the sample portal served on loopback. The job runs from the egg alone: the Scrapyd process gets no
PYTHONPATH and works in a directory without the project, so the egg must carry the code and data.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import zipfile
from pathlib import Path

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.paths import REPO
from .helpers.ports import free_port

pytestmark = pytest.mark.scrapyd

# The five seed reports of the sample portal (tests/test_demo.py names them with their figures).
REPORT_PAGES = [
    "xxgk/ndbg/201803/t20180330_1234567.html",
    "xxgk/ndbg/201803/t20180328_1234488.html",
    "xxgk/ndbg/201903/t20190325_2345601.html",
    "xxgk/ndbg/201803/t20180322_1234401.html",
    "xxgk/ndbg/201803/t20180329_1234502.html",
]
# What scrapyd-deploy needs from a checkout to build the egg.
PROJECT_FILES = ["scrapy.cfg", "setup.py", "pyproject.toml", "README.md", "crawler", "extract"]
JOB_TIMEOUT = 120  # seconds


def _require_scrapyd() -> None:
    try:
        import scrapyd  # noqa: F401
        import scrapyd_client  # noqa: F401
    except ImportError:
        message = "scrapyd and scrapyd-client are not installed (pip install -e '.[scrapyd]')"
        if os.environ.get("CI") == "true":
            pytest.fail(message)  # CI installs the test extra: their absence there is a broken setup
        pytest.skip(message)


def _get(base: str, path: str, **params: str) -> dict:
    url = f"{base}{path}?{urllib.parse.urlencode(params)}" if params else base + path
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _post(base: str, path: str, fields: list[tuple[str, str]]) -> dict:
    data = urllib.parse.urlencode(fields).encode()
    with urllib.request.urlopen(base + path, data=data, timeout=10) as response:
        return json.loads(response.read())


def _start_scrapyd(home: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    (home / "scrapyd.conf").write_text(
        "[scrapyd]\n"
        "bind_address = 127.0.0.1\n"
        f"http_port = {port}\n"
        f"eggs_dir = {home / 'eggs'}\n"
        f"logs_dir = {home / 'logs'}\n"
        f"dbs_dir = {home / 'dbs'}\n"
        f"items_dir = {home / 'items'}\n"
        "max_proc = 1\n"
        "poll_interval = 0.5\n",
        encoding="utf-8",
    )
    # No PYTHONPATH: the job must import the project from the deployed egg.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "SCRAPY_SETTINGS_MODULE")}
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
            if _get(base, "daemonstatus.json")["status"] == "ok":
                return process, base
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            output = (home / "scrapyd.out").read_text(errors="replace")
            raise RuntimeError(f"scrapyd did not start on port {port}:\n{output[-3000:]}")
        time.sleep(0.2)


def _copy_project(destination: Path) -> Path:
    """A copy of the checkout to deploy from, so the build leaves nothing in it."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "build")
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=ignore)
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    _require_scrapyd()
    home = tmp_path_factory.mktemp("scrapyd")
    project = _copy_project(tmp_path_factory.mktemp("checkout"))
    process, base = _start_scrapyd(home)
    try:
        with (project / "scrapy.cfg").open("a", encoding="utf-8") as cfg:
            cfg.write(f"\n[deploy:test]\nurl = {base}\n")
        egg = home / "nianbao.egg"
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        deploy = subprocess.run(
            [sys.executable, "-m", "scrapyd_client.deploy", "test", "--version", "r1"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        build = subprocess.run(
            [sys.executable, "-m", "scrapyd_client.deploy", "--build-egg", str(egg)],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        yield {"base": base, "home": home, "deploy": deploy, "build": build, "egg": egg}
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def job(deployed, tmp_path_factory):
    assert deployed["deploy"].returncode == 0, deployed["deploy"].stderr[-3000:]
    base = deployed["base"]
    db = tmp_path_factory.mktemp("job") / "reports.db"
    with serve_folder(sample_portal_root()) as portal:
        scheduled = _post(
            base,
            "schedule.json",
            [("project", "nianbao"), ("spider", "portal"), ("url", portal), ("setting", f"NIANBAO_DB={db}")],
        )
        assert scheduled["status"] == "ok", scheduled
        job_id = scheduled["jobid"]
        deadline = time.monotonic() + JOB_TIMEOUT
        while True:
            jobs = _get(base, "listjobs.json", project="nianbao")
            finished = [j for j in jobs["finished"] if j["id"] == job_id]
            if finished:
                break
            if time.monotonic() > deadline:
                pytest.fail(f"the scrapyd job did not finish within {JOB_TIMEOUT} s: {jobs}")
            time.sleep(0.5)
    log = deployed["home"] / "logs" / "nianbao" / "portal" / f"{job_id}.log"
    items = deployed["home"] / "items" / "nianbao" / "portal" / f"{job_id}.jl"
    conn = sqlite3.connect(db)
    yield {
        "portal": portal,
        "log": log.read_text(encoding="utf-8", errors="replace"),
        "items": [json.loads(line) for line in items.read_text(encoding="utf-8").splitlines()],
        "db": conn,
    }
    conn.close()


def test_deploy_succeeds(deployed):
    assert deployed["deploy"].returncode == 0, deployed["deploy"].stderr[-3000:]


def test_deployed_project_lists_the_portal_spider(deployed):
    assert "portal" in _get(deployed["base"], "listspiders.json", project="nianbao")["spiders"]


def test_egg_carries_the_extract_data(deployed):
    assert deployed["build"].returncode == 0, deployed["build"].stderr[-3000:]
    names = set(zipfile.ZipFile(deployed["egg"]).namelist())
    data = {f"extract/data/{path.name}" for path in (REPO / "extract" / "data").iterdir() if path.is_file()}
    assert data <= names


def test_egg_names_the_settings_module(deployed):
    entry_points = zipfile.ZipFile(deployed["egg"]).read("EGG-INFO/entry_points.txt").decode()
    assert "[scrapy]" in entry_points and "settings = crawler.settings" in entry_points


def test_scheduled_job_stores_the_five_sample_reports(job):
    urls = {row[0] for row in job["db"].execute("select url from reports")}
    assert urls == {job["portal"] + page for page in REPORT_PAGES}


def test_scheduled_job_logs_no_errors(job):
    errors = [line for line in job["log"].splitlines() if " ERROR: " in line or "Traceback" in line]
    assert errors == [], "\n".join(errors[:20])


def test_scheduled_job_finished_normally(job):
    assert "'finish_reason': 'finished'" in job["log"]


def test_scheduled_job_feeds_the_fetched_urls_to_scrapyd(job):
    fetched = {item["url"] for item in job["items"]}
    assert {job["portal"] + page for page in REPORT_PAGES} <= fetched


def test_scheduled_job_parses_every_report_without_error(job):
    errors = job["db"].execute("select url, error from pages where error is not null").fetchall()
    assert errors == []


def test_scheduled_job_reads_the_statistics_tables(job):
    count = job["db"].execute("select count(*) from stats where source = 'table'").fetchone()[0]
    assert count > 200  # 包头 and both 诸城 tables, read inside the zipped egg
