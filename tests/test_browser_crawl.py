"""`nianbao crawl URL --browser`: a portal whose report columns only JavaScript draws.

The fixture portal on 127.0.0.1 has two report columns with an empty <ul>: one
fills it from a JSON file fetched from the same server, the other from a JSON
array inline in the page. A plain crawl reads both through its script sandbox (the
inline array's links, the JSON file the script fetches); a crawl with the browser renders exactly those two pages in Debian's chromium (scrapy-playwright)
and fetches everything else as plain HTTP. The server counts requests per path.

The browser crawl skips only where chromium, playwright or scrapy-playwright is
absent on a developer machine; in CI (.ci/run installs them) their absence fails.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest

from .helpers.crawl import open_db
from .helpers.paths import REPO
from .portals.markup import REPORT_BODY
from .portals.server import Portal, serve_portal

CHROMIUM = os.environ.get("NIANBAO_CHROMIUM", "/usr/bin/chromium")
REGION = "临清市"
REPORTS = {  # path -> year reported on
    "/xxgk/ndbg/2020/t20200320_1.html": 2019,
    "/xxgk/ndbg/2019/t20190322_2.html": 2018,
    "/xxgk/bmnb/2018/t20180326_3.html": 2017,
}
FETCHED_COLUMN = "/xxgk/ndbg/index.html"  # its list comes from list.json
INLINE_COLUMN = "/xxgk/bmnb/index.html"  # its list is a JSON array in the page
STATIC_PAGES = ("/", "/xxgk/index.html", *REPORTS)

HOME = """<html><head><meta charset="utf-8"><title>临清市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/xxgk/index.html">政府信息公开</a></div>
<p>临清市人民政府门户网站</p></body></html>"""

DISCLOSURE = """<html><head><meta charset="utf-8"><title>政府信息公开_临清市人民政府</title></head><body>
<div class="left"><a href="/xxgk/ndbg/index.html">政府信息公开年报</a>
<a href="/xxgk/bmnb/index.html">部门政府信息公开年报</a></div></body></html>"""

# The column as a JavaScript front end serves it: the list is drawn from a JSON file.
FETCHED_LIST = """<html><head><meta charset="utf-8"><title>政府信息公开年报_临清市人民政府</title></head>
<body><h2>政府信息公开年报</h2><ul id="report-list"></ul>
<script>
fetch("list.json").then(function (answer) { return answer.json(); }).then(function (items) {
  var list = document.getElementById("report-list");
  items.forEach(function (item) {
    var link = document.createElement("a");
    link.href = item.url;
    link.textContent = item.title;
    var row = document.createElement("li");
    row.appendChild(link);
    list.appendChild(row);
  });
});
</script></body></html>"""

# The same with the records inline, written into the list as markup.
INLINE_LIST = """<html><head><meta charset="utf-8"><title>部门年报_临清市人民政府</title></head>
<body><h2>部门政府信息公开年报</h2><ul class="news-list"></ul>
<script>
var records = {records};
var html = "";
for (var i = 0; i < records.length; i++) {{
  html += '<li><a href="' + records[i].url + '">' + records[i].title + '</a></li>';
}}
document.querySelector(".news-list").innerHTML = html;
</script></body></html>"""

REPORT = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><div class="TRS_Editor">{body}</div></body></html>"""


def _title(year: int) -> str:
    return f"{REGION}人民政府{year}年政府信息公开工作年度报告"


def _records(column: str) -> list[dict[str, str]]:
    return [{"url": path, "title": _title(year)} for path, year in REPORTS.items() if path.startswith(column)]


def js_portal() -> Portal:
    pages = {
        "/": HOME.encode(),
        "/xxgk/index.html": DISCLOSURE.encode(),
        FETCHED_COLUMN: FETCHED_LIST.encode(),
        "/xxgk/ndbg/list.json": json.dumps(_records("/xxgk/ndbg/"), ensure_ascii=False).encode(),
        INLINE_COLUMN: INLINE_LIST.format(records=json.dumps(_records("/xxgk/bmnb/"))).encode(),
    }
    for serial, (path, year) in enumerate(REPORTS.items()):
        body = REPORT_BODY.format(year=year, body=f"{REGION}人民政府", n=1000 + serial, k=10 + serial)
        pages[path] = REPORT.format(title=_title(year), body=body).encode()
    return Portal(pages)


def _browser_missing() -> str | None:
    for module in ("playwright", "scrapy_playwright"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    if not os.path.exists(CHROMIUM):
        return "Debian's chromium is not installed"
    return None


# `nianbao` in a process where Playwright and scrapy-playwright cannot be imported.
WITHOUT_BROWSER_PACKAGES = (
    "import sys; sys.modules.update(playwright=None, scrapy_playwright=None); "
    "from crawler.cli import main; main()"
)


def run_cli_crawl(
    url: str, db, *options: str, without_browser_packages: bool = False, **env: str
) -> subprocess.CompletedProcess:
    # A subprocess: Twisted's reactor starts once per process.
    command = ["-c", WITHOUT_BROWSER_PACKAGES] if without_browser_packages else ["-m", "crawler.cli"]
    return subprocess.run(
        [sys.executable, *command, "crawl", url, "--db", str(db), *options],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "NIANBAO_DOWNLOAD_DELAY": "0", **env},
    )


def crawl_portal(tmp_path_factory, name: str, *options: str, **kwargs: bool) -> dict:
    portal = js_portal()
    db = tmp_path_factory.mktemp(name) / "reports.db"
    with serve_portal(portal) as base:
        result = run_cli_crawl(base + "/", db, *options, **kwargs)
    conn = open_db(db)
    return {"result": result, "db": conn, "portal": portal, "base": base}


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    # The project without the `browser` extra: nothing may import it when the browser is off.
    crawl = crawl_portal(tmp_path_factory, "plain", without_browser_packages=True)
    yield crawl
    crawl["db"].close()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing}: .ci/run installs it")
        pytest.skip(missing)
    crawl = crawl_portal(tmp_path_factory, "browser", "--browser")
    yield crawl
    crawl["db"].close()


def _page(crawl: dict, path: str):
    return crawl["db"].execute("select * from pages where url = ?", [crawl["base"] + path]).fetchone()


def _report_urls(crawl: dict) -> set[str]:
    rows = crawl["db"].execute("select url from reports").fetchall()
    return {row["url"].removeprefix(crawl["base"]) for row in rows}


# Without the browser ------------------------------------------------------------------------
def test_plain_crawl_runs_without_the_browser_packages(plain):
    assert plain["result"].returncode == 0, plain["result"].stderr[-2000:]


def test_plain_crawl_fetches_the_static_pages(plain):
    assert [_page(plain, path)["status"] for path in ("/", "/xxgk/index.html")] == [200, 200]


def test_plain_crawl_reads_script_drawn_columns_in_the_script_sandbox(plain):
    assert _report_urls(plain) == set(REPORTS)


def test_plain_crawl_stores_the_columns_as_served(plain):
    assert _page(plain, FETCHED_COLUMN)["status"] == 200


def test_plain_crawl_renders_nothing(plain):
    rendered = plain["db"].execute("select count(*) from pages where render_reason is not null")
    assert rendered.fetchone()[0] == 0


def test_plain_crawl_loads_the_list_the_script_fetches(plain):
    assert [h.status for h in plain["portal"].requested("/xxgk/ndbg/list.json")] == [200]


# With the browser ---------------------------------------------------------------------------
@pytest.mark.browser
def test_browser_crawl_exits_cleanly(rendered):
    assert rendered["result"].returncode == 0, rendered["result"].stderr[-2000:]


@pytest.mark.browser
def test_browser_crawl_stores_every_report(rendered):
    assert _report_urls(rendered) == set(REPORTS)


@pytest.mark.browser
def test_browser_crawl_reads_each_reports_year(rendered):
    rows = rendered["db"].execute("select url, year from reports").fetchall()
    years = {row["url"].removeprefix(rendered["base"]): row["year"] for row in rows}
    assert years == REPORTS


@pytest.mark.browser
def test_summary_counts_the_reports(rendered):
    assert f"reports stored: {len(REPORTS)}" in rendered["result"].stdout


@pytest.mark.browser
def test_column_fed_by_a_json_file_is_rendered(rendered):
    assert _page(rendered, FETCHED_COLUMN)["render_reason"].startswith("script: an empty <ul>")


@pytest.mark.browser
def test_column_with_inline_records_is_rendered(rendered):
    assert _page(rendered, INLINE_COLUMN)["render_reason"].startswith("script: an empty <ul>")


@pytest.mark.browser
def test_the_browser_loaded_the_json_file_once(rendered):
    assert len(rendered["portal"].requested("/xxgk/ndbg/list.json")) == 1


@pytest.mark.browser
@pytest.mark.parametrize("path", [FETCHED_COLUMN, INLINE_COLUMN])
def test_script_drawn_column_is_fetched_plain_then_rendered(rendered, path):
    assert len(rendered["portal"].requested(path)) == 2


@pytest.mark.browser
@pytest.mark.parametrize("path", STATIC_PAGES)
def test_static_page_is_fetched_once_as_plain_http(rendered, path):
    assert len(rendered["portal"].requested(path)) == 1


@pytest.mark.browser
@pytest.mark.parametrize("path", STATIC_PAGES)
def test_static_page_is_not_rendered(rendered, path):
    assert _page(rendered, path)["render_reason"] is None


# Asking for the browser where there is none --------------------------------------------------
def test_browser_without_its_packages_is_one_clear_error(tmp_path):
    url, db = "http://127.0.0.1:9/", tmp_path / "r.db"
    result = run_cli_crawl(url, db, "--browser", without_browser_packages=True)
    assert (result.returncode, result.stderr.count("\n")) == (2, 1) and "nianbao[browser]" in result.stderr


@pytest.mark.parametrize(("option", "setting"), [("--browser", "0"), ("--max-pages=5", "1")])
def test_browser_without_chromium_is_one_clear_error(tmp_path, option, setting):
    missing = str(tmp_path / "no-chromium")
    result = run_cli_crawl(
        "http://127.0.0.1:9/", tmp_path / "r.db", option, NIANBAO_CHROMIUM=missing, NIANBAO_BROWSER=setting
    )
    assert (result.returncode, result.stderr.count("\n")) == (2, 1) and "chromium" in result.stderr
