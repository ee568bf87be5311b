"""The exit status tells the truth: 0 the job was done, 1 the crawl crawled nothing, 2 bad input.

A failed crawl says why in one line on stderr, after its summary, and never dumps a traceback."""

from __future__ import annotations

import subprocess

import pytest

from crawler.demo.server import serve_folder

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.crawl import open_db, run_crawl, run_registry_crawl
from .helpers.paths import COUNTY_SITE
from .helpers.ports import free_port
from .portals.server import Portal, serve_portal


def assert_one_line_failure(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("nianbao: error: ") and words in lines[0], result.stderr


def test_nothing_listening_at_the_start_url_fails_in_one_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = run_crawl(url, tmp_path / "r.db")
    assert_one_line_failure(result, f"{url}: fetch: ")
    assert "pages with errors: 1" in result.stdout


@pytest.fixture(scope="module")
def start_page_404(tmp_path_factory):
    db = tmp_path_factory.mktemp("404") / "r.db"
    with serve_portal(Portal(pages={})) as base:
        result = run_crawl(base + "/index.html", db)
    return result


def test_a_start_page_answering_404_fails(start_page_404):
    assert_one_line_failure(start_page_404, "/index.html: answered HTTP 404")


def test_a_404_start_page_counts_as_a_page_with_an_error(start_page_404):
    assert "pages fetched: 1 " in start_page_404.stdout
    assert "pages with errors: 1" in start_page_404.stdout


@pytest.mark.parametrize("value", ["-1", "0", "lots"])
def test_max_pages_must_be_a_positive_whole_number(tmp_path, value):
    result = nianbao("crawl", "http://127.0.0.1:9/", "--max-pages", value, "--db", str(tmp_path / "r.db"))
    assert_one_line_error(result, "--max-pages")
    assert not (tmp_path / "r.db").exists()


def test_an_unknown_option_is_one_line(tmp_path):
    assert_one_line_error(nianbao("crawl", "--no-such-option"), "No such option")


def test_a_registry_with_one_site_down_stores_the_other_and_exits_1(tmp_path):
    db = tmp_path / "r.db"
    down = f"http://127.0.0.1:{free_port()}/"
    registry = tmp_path / "sites.csv"
    with serve_folder(COUNTY_SITE) as county:
        registry.write_text(f"name,url\ncounty,{county}index.html\ndown,{down}\n", encoding="utf-8")
        result = run_registry_crawl(registry, db)
    assert_one_line_failure(result, "1 of 2 sites failed, nothing crawled: down")
    lines = {line.split(":", 1)[0]: line for line in result.stdout.splitlines()}
    assert "failed: " + down in lines["down"] and "failed" not in lines["county"]
    conn = open_db(db)
    assert conn.execute("select count(*) from reports").fetchone()[0] >= 1
    conn.close()
