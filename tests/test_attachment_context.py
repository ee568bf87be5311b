"""An attachment without a title of its own takes the title of the page that links to it.

The page is titled like a report but holds only a link; the report's text is the DOCX, built
here, whose first paragraph is not a title. Crawled from a loopback portal, the DOCX is stored
as the report of the body and year its parent page names, not as a second, nameless report."""

from __future__ import annotations

import io

import docx
import pytest

from extract import process

from .helpers.crawl import open_db, run_crawl
from .portals.server import Portal, serve_portal

TITLE = "清河县人民政府2019年政府信息公开工作年度报告"
PAGE_PATH = "/zwgk/ndbg/202003/t20200325_1001.html"
DOCX_PATH = "/zwgk/ndbg/202003/W020200325556663716813.docx"
PARAGRAPHS = (
    "（此件主动公开）",
    "本报告中所列数据的统计期限自2019年1月1日至2019年12月31日。",
    "一、总体情况",
    "2019年，全县认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息1234条。",
    "二、主动公开政府信息情况",
    "主动公开规范性文件12件，政策解读23篇。",
    "三、收到和处理政府信息公开申请情况",
    "全年共收到政府信息公开申请45件，均在法定期限内答复。",
    "四、政府信息公开行政复议、行政诉讼情况",
    "无。",
    "五、存在的主要问题及改进情况",
    "公开的及时性有待提高，下一步将加强培训。",
)
HOME = """<html><head><meta charset="utf-8"><title>清河县人民政府</title></head><body>
<a href="/zwgk/ndbg/index.html">政府信息公开年报</a></body></html>"""
COLUMN = f"""<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul><li><a href="./202003/t20200325_1001.html">{TITLE}</a></li></ul></body></html>"""
PAGE = f"""<html><head><meta charset="utf-8"><title>{TITLE}_清河县人民政府</title></head><body>
<h1>{TITLE}</h1><p>附件：<a href="./W020200325556663716813.docx">附件1.docx</a></p></body></html>"""


def report_docx() -> bytes:
    document = docx.Document()
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def alone():
    return process(report_docx(), "http://127.0.0.1" + DOCX_PATH)


@pytest.fixture(scope="module")
def with_context():
    return process(report_docx(), "http://127.0.0.1" + DOCX_PATH, context_title=TITLE + "_清河县人民政府")


def test_document_alone_has_no_title(alone):
    assert alone.title is None


def test_context_gives_the_title(with_context):
    assert with_context.title == TITLE


def test_context_gives_the_reporting_body(with_context):
    assert with_context.agency == "清河县人民政府"


def test_context_keeps_the_year_from_the_text(with_context):
    assert with_context.year == 2019


def test_a_title_of_its_own_wins_over_the_context():
    document = docx.Document()
    for paragraph in ("清河县教育局2019年政府信息公开工作年度报告", *PARAGRAPHS[1:]):
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    report = process(out.getvalue(), "http://h/a.docx", context_title=TITLE)
    assert report.agency == "清河县教育局"


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    portal = Portal(
        {
            "/robots.txt": b"User-agent: *\nAllow: /\n",
            "/index.html": HOME.encode(),
            "/zwgk/ndbg/index.html": COLUMN.encode(),
            PAGE_PATH: PAGE.encode(),
            DOCX_PATH: report_docx(),
        }
    )
    db = tmp_path_factory.mktemp("context") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + "/index.html", db)
    conn = open_db(db)
    yield {"result": result, "db": conn}
    conn.close()


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def _page(crawled, path: str):
    return crawled["db"].execute("select * from pages where url like ?", ["%" + path]).fetchone()


def test_attachment_is_stored_as_a_report(crawled):
    assert _page(crawled, DOCX_PATH)["is_report"] == 1


def test_attachment_joins_the_report_its_page_names(crawled):
    assert _page(crawled, DOCX_PATH)["report_key"] == _page(crawled, PAGE_PATH)["report_key"]


def test_one_report_with_the_pages_body_year_and_title(crawled):
    rows = crawled["db"].execute("select agency, year, title from reports").fetchall()
    assert [tuple(r) for r in rows] == [("清河县人民政府", 2019, TITLE)]
