"""Attachments are read from the parsed page: a crawl fetches the PDF of an unquoted
`<a href=./P….pdf>` (common in hand-edited TRS pages) and leaves alone one inside `<!-- … -->`."""

from __future__ import annotations

import pytest

from .helpers.crawl import run_crawl
from .portals import markup
from .portals.server import Portal, serve_portal

REPORT_PATH = "/xxgk/ndbg/201903/t20190325_101.html"
TITLE = "诸城市人民政府2018年政府信息公开工作年度报告"
LIST = f"""<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul><li><a href="./201903/t20190325_101.html">{TITLE}</a></li></ul></body></html>"""
REPORT = f"""<html><head><meta charset="utf-8"><title>{TITLE}</title></head><body><h1>{TITLE}</h1>
<div class="TRS_Editor"><p>2018年，全市政府信息公开工作有序开展。</p></div>
<p>附件：<a href=./P020190325385742556914.pdf target=_blank>{TITLE}</a></p>
<!-- <p>附件：<a href="./P020180101000000000000.pdf">旧版本</a></p> -->
</body></html>"""
UNQUOTED = "/xxgk/ndbg/201903/P020190325385742556914.pdf"
COMMENTED = "/xxgk/ndbg/201903/P020180101000000000000.pdf"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    portal = Portal(
        {
            "/robots.txt": b"User-agent: *\nAllow: /\n",
            "/xxgk/ndbg/index.html": LIST.encode(),
            REPORT_PATH: REPORT.encode(),
            UNQUOTED: markup.PDF,
            COMMENTED: markup.PDF,
        }
    )
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + "/xxgk/ndbg/index.html", db)
    return portal, result


def test_crawl_exits_cleanly(crawled):
    assert crawled[1].returncode == 0, crawled[1].stderr[-2000:]


def test_unquoted_attachment_link_is_fetched(crawled):
    assert crawled[0].requested(UNQUOTED)


def test_attachment_link_inside_a_comment_is_not_fetched(crawled):
    assert crawled[0].requested(COMMENTED) == []
