"""`nianbao serve` starts a real Datasette over a database built by the demo."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from .conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def datasette(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "reports.db"
    demo = subprocess.run(
        [sys.executable, "-m", "crawler.cli", "demo", "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=REPO,
    )
    assert demo.returncode == 0, demo.stderr[-2000:]
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.cli", "serve", "--db", str(db), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=2)
            break
        except OSError:
            time.sleep(0.3)
    yield base
    server.terminate()
    server.wait(timeout=20)


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_reports_table_has_the_five_reports(datasette):
    data = get_json(datasette + "/reports/reports.json?_shape=array&_col=title")
    assert len(data) == 5


def test_metadata_title_is_served(datasette):
    assert get_json(datasette + "/-/metadata.json")["title"].startswith("nianbao")


def test_chinese_full_text_search_finds_a_report(datasette):
    data = get_json(
        datasette + "/reports/reports.json?_search=%E4%B8%BB%E5%8A%A8%E5%85%AC%E5%BC%80&_shape=array"
    )
    assert len(data) == 5  # every report speaks of 主动公开
