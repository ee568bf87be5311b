"""The `portal` spider deployed to a real Scrapyd and scheduled there, as a user runs it.

Scrapyd is started on a free loopback port in a temporary directory, the project is deployed with
scrapyd-deploy (which builds the egg from setup.py/pyproject.toml), and schedule.json starts a crawl
of the sample portal served on loopback. The job runs from the egg alone: the Scrapyd process gets no
PYTHONPATH and works in a directory without the project, so the egg must carry the code and data.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.paths import REPO
from .helpers.scrapyd import deploy, get, post, wait_for_jobs

pytestmark = pytest.mark.scrapyd

# The five seed reports of the sample portal (tests/test_demo.py names them with their figures).
REPORT_PAGES = [
    "xxgk/ndbg/201803/t20180330_1234567.html",
    "xxgk/ndbg/201803/t20180328_1234488.html",
    "xxgk/ndbg/201903/t20190325_2345601.html",
    "xxgk/ndbg/201803/t20180322_1234401.html",
    "xxgk/ndbg/201803/t20180329_1234502.html",
]


@pytest.fixture(scope="module")
def deployed(deployed_scrapyd, tmp_path_factory):
    egg = tmp_path_factory.mktemp("egg") / "nianbao.egg"
    build = deploy(deployed_scrapyd.project, deployed_scrapyd.base, "--build-egg", str(egg))
    return {
        "base": deployed_scrapyd.base,
        "home": deployed_scrapyd.home,
        "deploy": deployed_scrapyd.deploy,
        "build": build,
        "egg": egg,
    }


@pytest.fixture(scope="module")
def job(deployed, tmp_path_factory):
    assert deployed["deploy"].returncode == 0, deployed["deploy"].stderr[-3000:]
    base = deployed["base"]
    db = tmp_path_factory.mktemp("job") / "reports.db"
    with serve_folder(sample_portal_root()) as portal:
        scheduled = post(
            base,
            "schedule.json",
            [("project", "nianbao"), ("spider", "portal"), ("url", portal), ("setting", f"NIANBAO_DB={db}")],
        )
        assert scheduled["status"] == "ok", scheduled
        job_id = scheduled["jobid"]
        wait_for_jobs(base, {job_id})
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
    assert "portal" in get(deployed["base"], "listspiders.json", project="nianbao")["spiders"]


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
