"""The generic `?page=N` adapter on a loopback column whose pager shows "1 2 3 … 共7页 下一页":
the adapter names every page at once. The server answers any page number, and past the last it
repeats the last page with its 下一页 link, as many CMSs do: the crawl must stop at page 7."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from parsel import Selector

from crawler.cms.generic import GenericAdapter

from .helpers.crawl import open_db, run_crawl
from .portals import markup
from .portals.server import Portal, serve_portal

LIST_PATH = "/xxgk/nianbao/list.jsp"
PAGES, PER_PAGE = 7, 3
BODIES = ("青山区人民政府", "青山区教育局", "青山区财政局")
DOCS = tuple(
    markup.Doc(f"{body}{year}年政府信息公开工作年度报告", year)
    for year in range(2013, 2020)
    for body in BODIES
)

HOME = """<html><head><meta charset="utf-8"><title>青山区人民政府</title></head><body>
<a href="/xxgk/index.html">政府信息公开</a> <a href="/news/index.html">新闻</a></body></html>"""
XXGK = f"""<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>
<a href="{LIST_PATH}?channelId=12&amp;page=1">政府信息公开年度报告</a></body></html>"""
LIST = """<html><head><meta charset="utf-8"><title>年度报告</title></head><body><ul>{items}</ul>
<div class="pager"><a href="list.jsp?channelId=12&amp;page=1">1</a>
<a href="list.jsp?channelId=12&amp;page=2">2</a>
<a href="list.jsp?channelId=12&amp;page=3">3</a> … <span>共{pages}页</span>
<a href="list.jsp?channelId=12&amp;page={following}">下一页</a></div></body></html>"""
ARTICLE = """<html><head><meta charset="utf-8"><title>{title}</title></head><body>
<h1>{title}</h1><div class="content">{body}</div></body></html>"""


def article_path(serial: int) -> str:
    return f"/art/{serial}.html"


def list_page(page: int) -> bytes:
    page = min(max(page, 1), PAGES)  # past the last page the CMS shows the last page again
    items = "".join(
        f'<li><a href="{article_path(i)}">{doc.title}</a></li>'
        for i, doc in enumerate(DOCS)
        if (page - 1) * PER_PAGE <= i < page * PER_PAGE
    )
    return LIST.format(items=items, pages=PAGES, following=page + 1).encode()


def answer_list(
    method: str, query: dict[str, str], form: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    page = int(query["page"]) if query.get("page", "").isdigit() else 1
    return 200, {"Content-Type": "text/html"}, list_page(page)


def portal_pages() -> dict[str, bytes]:
    pages = {
        "/robots.txt": b"User-agent: *\nAllow: /\n",
        "/index.html": HOME.encode(),
        "/xxgk/index.html": XXGK.encode(),
        "/news/index.html": b"<html><body>news</body></html>",
    }
    for serial, doc in enumerate(DOCS):
        body = markup.report_body(doc, serial)
        pages[article_path(serial)] = ARTICLE.format(title=doc.title, body=body).encode()
    return pages


@pytest.fixture(scope="module")
def pager_requests():
    url = f"http://127.0.0.1{LIST_PATH}?channelId=12&page=1"
    return GenericAdapter().list_requests(Selector(text=list_page(1).decode()), url)


def test_adapter_recognises_the_pager():
    assert GenericAdapter().matches(Selector(text=list_page(1).decode()))


def test_adapter_names_every_page_the_pager_counts(pager_requests):
    assert [dict(parse_qsl(urlsplit(r.url).query))["page"] for r in pager_requests] == [
        str(n) for n in range(1, PAGES + 1)
    ]


def test_adapter_keeps_the_other_query_fields(pager_requests):
    assert {dict(parse_qsl(urlsplit(r.url).query))["channelId"] for r in pager_requests} == {"12"}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    portal = Portal(portal_pages(), routes={LIST_PATH: answer_list})
    db = tmp_path_factory.mktemp("generic") / "reports.db"
    with serve_portal(portal) as base:
        result = run_crawl(base + "/index.html", db)
    conn = open_db(db)
    yield {"result": result, "portal": portal, "db": conn}
    conn.close()


def _list_pages_requested(portal: Portal) -> set[int]:
    return {int(dict(parse_qsl(h.query)).get("page", "0")) for h in portal.hits if h.path == LIST_PATH}


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_report_is_found(crawled):
    assert crawled["db"].execute("select count(*) from reports").fetchone()[0] == len(DOCS)


def test_every_list_page_is_fetched(crawled):
    assert _list_pages_requested(crawled["portal"]) >= set(range(1, PAGES + 1))


def test_no_page_past_the_stated_count_is_requested(crawled):
    assert max(_list_pages_requested(crawled["portal"])) == PAGES


def test_an_unquoted_pager_href_counts_and_one_in_a_comment_does_not():
    html = (
        "<div>共3页 <a href=list.jsp?page=2>2</a>"
        "<!-- <a href='old.jsp?page=9'>9</a> --><script>var u = 'x.jsp?page=7';</script></div>"
    )
    requests = GenericAdapter().list_requests(Selector(text=html), "http://h/list.jsp?page=1")
    assert [r.url for r in requests] == [f"http://h/list.jsp?page={n}" for n in (1, 2, 3)]
