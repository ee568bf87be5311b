"""Fixture TRS and Hanweb portals on loopback: every report is found from the home page and from
the column URL, and no decoy (notice, 解读, guide) is stored as a report."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals import markup
from .portals.server import Portal, serve_portal

CASES = {
    ("trs", "home"): "/index.html",
    ("trs", "column"): "/zwgk/ndbg/index.html",
    ("hanweb", "home"): "/index.html",
    ("hanweb", "column"): "/col/col300/index.html",
}
DOCS = {"trs": markup.TRS_DOCS, "hanweb": markup.HANWEB_DOCS}


def build(family: str) -> Portal:
    if family == "trs":
        return Portal(markup.trs_portal())
    return Portal(
        markup.hanweb_portal(), routes={"/module/web/jpage/dataproxy.jsp": markup.hanweb_dataproxy()}
    )


@pytest.fixture(scope="module", params=sorted(CASES), ids=lambda c: "-".join(c))
def crawled(request, tmp_path_factory):
    family, start = request.param
    portal = build(family)
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + CASES[request.param], db)
    conn = open_db(db)
    yield {"family": family, "portal": portal, "base": base, "db": conn, "result": result}
    conn.close()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_report_is_found(crawled):
    titles = {row["title"] for row in crawled["db"].execute("select title from reports")}
    assert titles == {d.title for d in DOCS[crawled["family"]] if d.is_report}


def test_decoys_are_fetched_but_not_reports(crawled):
    path = markup.trs_article_path if crawled["family"] == "trs" else markup.hanweb_article_path
    decoys = [crawled["base"] + path(i, d) for i, d in enumerate(DOCS[crawled["family"]]) if not d.is_report]
    rows = [
        crawled["db"].execute("select status, is_report from pages where url = ?", [u]).fetchone()
        for u in decoys
    ]
    assert [tuple(r) for r in rows] == [(200, 0)] * len(decoys)


def test_only_the_portal_host_is_stored(crawled):
    hosts = {row[0] for row in crawled["db"].execute("select host from pages")}
    assert hosts == {crawled["base"].split("//", 1)[1]}


@pytest.mark.parametrize("crawled", [("trs", "home")], indirect=True, ids=["trs-home"])
def test_robots_disallowed_column_is_not_requested(crawled):
    assert not [h for h in crawled["portal"].hits if h.path.startswith("/private/")]


def test_trap_calendar_is_not_requested(crawled):
    assert not crawled["portal"].requested("/zwgk/ndbg/rili.html")


HANWEB = pytest.mark.parametrize(
    "crawled", [("hanweb", "home"), ("hanweb", "column")], indirect=True, ids=["hanweb-home", "hanweb-column"]
)
TRS = pytest.mark.parametrize(
    "crawled", [("trs", "home"), ("trs", "column")], indirect=True, ids=["trs-home", "trs-column"]
)


@HANWEB
def test_hanweb_paging_posts_the_column_parameters(crawled):
    posts = [h for h in crawled["portal"].hits if h.method == "POST"]
    assert posts and all(h.form.get("columnid") == "300" and h.form.get("unitid") == "4567" for h in posts)


@TRS
def test_trs_attachments_are_stored_with_hash_type_and_parent(crawled):
    rows = (
        crawled["db"]
        .execute(
            "select url, sha256, content_type, parent_url, link_text from pages "
            "where kind = 'attachment' order by url"
        )
        .fetchall()
    )
    got = [
        (r["url"].rsplit("/", 1)[1], r["content_type"], bool(r["sha256"]), r["parent_url"].endswith(".html"))
        for r in rows
    ]
    assert got == [
        ("P020190325385742556914.pdf", "application/pdf", True, True),
        (
            "W020200325556663716813.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            True,
            True,
        ),
    ]


@TRS
def test_script_written_attachment_keeps_its_link_text(crawled):
    text = crawled["db"].execute("select link_text from pages where url like '%P0201903%.pdf'").fetchone()[0]
    assert text == "清河县人民政府2018年政府信息公开工作年度报告.pdf"
