"""A list page whose script loops forever: the sandbox stops it at its time limit, the page's row
says so (`pages.scripts_stopped`), and the reports its markup links to are still crawled."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl
from .portals import script_lists
from .portals.server import Portal, serve_portal

COLUMN = "/xxgk/ndbg/index.html"
LOOPING = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul class="list">{items}</ul>
<script type="text/javascript">var countPage = 1; while (true) {{ countPage++; }}</script>
</body></html>"""


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    docs = tuple(enumerate(script_lists.DOCS))
    column = LOOPING.format(items=script_lists.items(list(docs))).encode()
    portal = Portal(script_lists.portal(COLUMN, {COLUMN: column}))
    db = tmp_path_factory.mktemp("db") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + COLUMN, db)
    conn = open_db(db)
    yield {"base": base, "db": conn, "result": result}
    conn.close()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_the_stop_is_recorded_in_the_pages_row(crawled):
    row = crawled["db"].execute("select scripts_stopped from pages where url = ?", [crawled["base"] + COLUMN])
    assert row.fetchone()[0] == "time limit: InternalError: interrupted"


def test_other_pages_record_no_stop(crawled):
    count = (
        crawled["db"].execute("select count(*) from pages where scripts_stopped is not null").fetchone()[0]
    )
    assert count == 1


def test_the_reports_linked_from_the_markup_are_still_crawled(crawled):
    titles = {row["title"] for row in crawled["db"].execute("select title from reports")}
    assert titles == {d.title for d in script_lists.DOCS if d.is_report}
