"""Report columns whose paging lives in scripts, forms and list requests: every report is found
from the column URL and from the home page, and no decoy (notice, 解读, 图解, guide) is stored
as a report. The portals are in tests/portals/script_lists.py, each with where its markup is from."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .helpers.paths import shared_file
from .portals import script_lists
from .portals.server import Portal, serve_portal

REAL_DOCWRITE_PAGE = (
    "corpus",
    "real",
    "taoqf__node-html-parser",
    "test",
    "tests",
    "issues",
    "69.extracted.html",
)


def variant_portal(variant: str) -> tuple[Portal, str]:
    if variant == "trs-variables":
        return Portal(script_lists.trs_variables()), "/xxgk/ndbg/index.html"
    if variant == "trs-container":
        return Portal(script_lists.trs_container()), "/xxgk/ndbg/fg.shtml"
    if variant == "trs-docwrite":
        real = shared_file(*REAL_DOCWRITE_PAGE).read_text(encoding="utf-8")
        return Portal(script_lists.trs_docwrite(real)), "/xxgk/ndbg/index.html"
    if variant == "hanweb-named-proxy":
        pages, routes = script_lists.hanweb_named()
        return Portal(pages, routes=routes), "/col/col2629/index.html"
    if variant == "hanweb-xxgk-search":
        pages, routes = script_lists.hanweb_xxgk()
        return Portal(pages, routes=routes), "/col/col2630/index.html"
    if variant == "aspnet-postback":
        pages, routes = script_lists.aspnet()
        return Portal(pages, routes=routes), "/xxgk/ndbg/List.aspx?ClassID=12"
    if variant in ("gkmlpt", "gkmlpt-own-script"):
        pages, routes = script_lists.gkmlpt(own_script=variant == "gkmlpt-own-script")
        return Portal(pages, routes=routes), f"/gkmlpt/annualreport#{script_lists.GKMLPT_COLUMN}"
    if variant == "shanghai-pagination":
        return Portal(script_lists.shanghai_pagination()), "/xxgk/ndbg/index.html"
    if variant == "query-page":
        pages, routes = script_lists.query_page()
        return Portal(pages, routes=routes), "/xxgk/ndbg/list.jsp?channelId=12&page=1"
    return Portal(script_lists.plain_jhtml()), "/xxgk/ndbg/index.jhtml"


VARIANTS = (
    "trs-variables",
    "trs-container",
    "trs-docwrite",
    "hanweb-named-proxy",
    "hanweb-xxgk-search",
    "aspnet-postback",
    "gkmlpt",
    "gkmlpt-own-script",
    "shanghai-pagination",
    "query-page",
    "plain-jhtml",
)
CASES = [(v, start) for v in VARIANTS for start in ("column", "home")]


@pytest.fixture(scope="module", params=CASES, ids=lambda c: "-".join(c))
def crawled(request, tmp_path_factory):
    variant, start = request.param
    portal, column = variant_portal(variant)
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + (column if start == "column" else "/index.html"), db)
    conn = open_db(db)
    yield {"portal": portal, "base": base, "db": conn, "result": result}
    conn.close()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_report_is_found(crawled):
    titles = {row["title"] for row in crawled["db"].execute("select title from reports")}
    assert titles == {d.title for d in script_lists.DOCS if d.is_report}


def test_decoys_are_fetched_but_not_reports(crawled):
    decoys = [
        crawled["base"] + script_lists.article_path(i, d)
        for i, d in enumerate(script_lists.DOCS)
        if not d.is_report
    ]
    rows = [
        crawled["db"].execute("select status, is_report from pages where url = ?", [u]).fetchone()
        for u in decoys
    ]
    assert [tuple(r) if r else None for r in rows] == [(200, 0)] * len(decoys)
