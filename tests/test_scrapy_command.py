"""`scrapy crawl portal -a url=URL` runs the same spider and pipelines as `nianbao crawl`."""

import os
import sqlite3
import subprocess
import sys

from crawler.demo.server import sample_portal_root, serve_folder

from .helpers.paths import REPO


def test_scrapy_crawl_stores_the_reports_of_a_column_url(tmp_path):
    db = tmp_path / "reports.db"
    with serve_folder(sample_portal_root()) as base_url:
        result = subprocess.run(
            [sys.executable, "-m", "scrapy", "crawl", "portal", "-a", f"url={base_url}xxgk/ndbg/index.html"],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=REPO,
            env={**os.environ, "NIANBAO_DB": str(db), "NIANBAO_DOWNLOAD_DELAY": "0"},
        )
    assert result.returncode == 0, result.stderr[-3000:]
    conn = sqlite3.connect(db)
    count = conn.execute("select count(*) from reports").fetchone()[0]
    conn.close()
    assert count == 5
