"""The spider against a small site on loopback: what it follows, what it keeps, what it refuses."""

import os
import sqlite3
import subprocess
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

import pytest

from crawler.demo.server import serve_folder
from crawler.demo.trs_pager import TRS_PAGER_JS

from .helpers.paths import REPO

HOME = """<html><head><meta charset="utf-8"><title>测试门户</title></head><body>
<a href="/xxgk/ndbg/index.html">信息公开年报</a>
<a href="/missing.html">失效链接</a>
<a href="/binary.html">乱码页</a>
<a href="{offsite}page.html">外站</a>
<a href="/files/report.pdf">附件</a>
<a href="javascript:void(0)">脚本</a>
</body></html>"""

LIST = """<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="./201803/t20180329_1.html">诸城市人民政府2017年政府信息公开工作年度报告</a></li>
</ul><script src="/js/page.js"></script>
<script>createPageHTML(2, {current}, "index", "html");</script></body></html>"""

REPORT = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><div class="TRS_Editor"><p>本报告中所列数据的统计期限自2017年1月1日至2017年12月31日。</p>
<p>一、概述</p><p>2017年，全市政府信息公开工作有序开展，主动公开政府信息27519条。</p>
<p>二、主动公开政府信息情况</p><p>全市主动公开政府信息27519条，其中规范性文件6件。</p>
<p>三、依申请公开政府信息情况</p><p>全年共收到政府信息公开申请88件。</p></div></body></html>"""


class _CountingHandler(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 - stdlib name
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<html>offsite</html>")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    offsite = ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    Thread(target=offsite.serve_forever, daemon=True).start()
    offsite_url = f"http://127.0.0.1:{offsite.server_address[1]}/"
    (root / "index.html").write_text(HOME.format(offsite=offsite_url), encoding="utf-8")
    (root / "xxgk" / "ndbg" / "201803").mkdir(parents=True)
    (root / "js").mkdir()
    (root / "js" / "page.js").write_text(TRS_PAGER_JS, encoding="utf-8")
    (root / "xxgk" / "ndbg" / "index.html").write_text(LIST.format(current=0), encoding="utf-8")
    (root / "xxgk" / "ndbg" / "index_1.html").write_text(LIST.format(current=1), encoding="utf-8")
    (root / "xxgk" / "ndbg" / "201803" / "t20180329_1.html").write_text(
        REPORT.format(title="诸城市人民政府2017年政府信息公开工作年度报告"), encoding="utf-8"
    )
    (root / "binary.html").write_bytes(bytes(range(256)) * 8)
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_folder(root) as base_url:
        result = subprocess.run(
            [sys.executable, "-m", "crawler.cli", "crawl", base_url, "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=REPO,
            env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0"},
        )
    offsite.shutdown()
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    yield {"result": result, "db": conn, "base": base_url, "offsite_hits": _CountingHandler.hits}
    conn.close()


def page(crawled, path):
    return crawled["db"].execute("select * from pages where url = ?", [crawled["base"] + path]).fetchone()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_summary_is_printed(crawled):
    assert "reports stored: 1" in crawled["result"].stdout


def test_offsite_link_is_never_requested(crawled):
    assert crawled["offsite_hits"] == 0


def test_list_page_known_only_from_the_script_is_fetched(crawled):
    assert page(crawled, "xxgk/ndbg/index_1.html")["status"] == 200


def test_broken_link_is_stored_with_its_status(crawled):
    assert page(crawled, "missing.html")["status"] == 404


def test_binary_page_is_stored_with_its_hash(crawled):
    row = page(crawled, "binary.html")
    assert row["sha256"] and row["is_report"] == 0


def test_attachment_is_fetched_as_an_attachment_of_its_page(crawled):
    row = page(crawled, "files/report.pdf")
    assert (row["kind"], row["parent_url"], row["status"]) == ("attachment", crawled["base"], 404)


def test_report_is_stored(crawled):
    row = crawled["db"].execute("select * from reports").fetchone()
    assert (row["region"], row["year"]) == ("诸城市", 2017)


def test_list_page_is_not_a_report(crawled):
    assert page(crawled, "xxgk/ndbg/index.html")["is_report"] == 0


def test_crawl_run_is_recorded(crawled):
    row = crawled["db"].execute("select * from crawl_runs").fetchone()
    assert row["status"] == "finished" and row["pages_fetched"] >= 5
