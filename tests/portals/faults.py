# ruff: noqa: E501 - page markup is kept as served, one line per element
"""A fault portal: a county's report column with every way a real portal loses a report.

The column (/xxgk/ndbg/) is paged only by 下一页 links, 20 reports a page, with an archive of
older reports one step further. Its first page also links to a mirror that redirects to another
host, an old address that redirects in a loop, a report that answers 404, and a calendar
(活动日历) whose months and days link on without end. One report answers 500 once, then 200;
another has an attachment that is an HTML page served as .xlsx and an empty PDF.
"""

from __future__ import annotations

import threading

from .markup import Doc, report_body
from .server import Portal, Route

COLUMN = "/xxgk/ndbg/"
PER_PAGE = 20
TOWNS = (
    "东城 西城 南关 北关 城关 新华 建设 解放 胜利 和平 团结 红旗 光明 朝阳 向阳 "
    "前进 永安 长安 太平 兴隆 富民 民主 文化 安乐 丰收 育才 青山 白马 黄河 金沙"
).split()
ARCHIVE_DOCS = (
    Doc("清河县人民政府2008年政府信息公开工作年度报告", 2008),
    Doc("清河县人民政府2009年政府信息公开工作年度报告", 2009),
)
# The reports the other host holds, and the one whose link answers 404.
OFFSITE_DOC = Doc("江源市人民政府2019年政府信息公开工作年度报告", 2019)
GONE_TITLE = "清河县第一中学2019年政府信息公开工作年度报告"
# The report that answers 500 once, and the one with the corrupt attachments.
FLAKY, WITH_ATTACHMENTS = 7, 0

HOME = """<html><head><meta charset="utf-8"><title>清河县人民政府</title></head><body>
<a href="/xxgk/ndbg/index.html">政府信息公开年报</a></body></html>"""
LIST_PAGE = """<html><head><meta charset="utf-8"><title>政府信息公开年报_清河县人民政府</title></head><body>
<div class="crumb"><a href="/">首页</a> &gt; 年报</div>
<ul class="list">{items}</ul>
{extra}
<div class="side"><a href="/xxgk/hdrl/cal.jsp?rq=201903">活动日历</a></div>
<div class="pager">{pager}</div></body></html>"""
ITEM = '<li><a href="{href}" title="{title}">{title}</a><span>{date}</span></li>'
FAULT_LINKS = """<ul class="faults">
<li><a href="{column}mirror.html">{offsite}（镜像）</a></li>
<li><a href="{column}loop_a.html">政府信息公开年度报告（旧址）</a></li>
<li><a href="{column}art/gone.html">{gone}</a></li>
<li><a href="{column}archive/index.html">往年年报</a></li>
</ul>"""
ARTICLE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">
<title>{title}</title></head><body><h1>{title}</h1><div class="content">{body}</div>{attachments}</body></html>"""
ATTACHMENTS = """<p>附件：<a href="./tables_{serial}.xlsx">统计表.xlsx</a> <a href="./full_{serial}.pdf">全文.pdf</a></p>"""
CALENDAR = """<html><head><meta charset="utf-8"><title>活动日历 {month}</title></head><body>
<a href="cal.jsp?rq={previous}">上一月</a> <a href="cal.jsp?rq={following}">下一月</a>
{days}</body></html>"""


def column_docs(count: int) -> list[Doc]:
    """`count` reports: thirty towns a year, from 2010 on."""
    return [
        Doc(
            f"清河县{TOWNS[i % len(TOWNS)]}镇人民政府{2010 + i // len(TOWNS)}年政府信息公开工作年度报告",
            2010 + i // len(TOWNS),
        )
        for i in range(count)
    ]


def report_path(serial: int) -> str:
    return f"{COLUMN}art/rpt_{serial}.html"


def list_path(page: int) -> str:
    return f"{COLUMN}index.html" if page == 1 else f"{COLUMN}list_{page}.html"


def article(doc: Doc, serial: int, attachments: str = "") -> bytes:
    return ARTICLE.format(title=doc.title, body=report_body(doc, serial), attachments=attachments).encode()


def fault_portal(other_host: str, reports: int = 300) -> Portal:
    """The portal; `other_host` (http://127.0.0.1:port) is where the mirror redirects to."""
    docs = column_docs(reports)
    pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n", "/": HOME.encode()}
    count = (len(docs) + PER_PAGE - 1) // PER_PAGE
    for page in range(1, count + 1):
        chunk = range((page - 1) * PER_PAGE, min(page * PER_PAGE, len(docs)))
        items = "".join(
            ITEM.format(href=report_path(i), title=docs[i].title, date=f"{docs[i].year + 1}-03-25")
            for i in chunk
        )
        extra = (
            FAULT_LINKS.format(column=COLUMN, offsite=OFFSITE_DOC.title, gone=GONE_TITLE) if page == 1 else ""
        )
        pager = f'<a href="{list_path(page + 1)}">下一页</a>' if page < count else ""
        pages[list_path(page)] = LIST_PAGE.format(items=items, extra=extra, pager=pager).encode()
    for serial, doc in enumerate(docs):
        attachments = ATTACHMENTS.format(serial=serial) if serial == WITH_ATTACHMENTS else ""
        pages[report_path(serial)] = article(doc, serial, attachments)
    pages[f"{COLUMN}art/tables_{WITH_ATTACHMENTS}.xlsx"] = (
        "<!DOCTYPE html><html><body>文件不存在或已被删除</body></html>".encode()
    )
    pages[f"{COLUMN}art/full_{WITH_ATTACHMENTS}.pdf"] = b""
    archive = "".join(
        ITEM.format(href=f"{COLUMN}archive/rpt_{i}.html", title=d.title, date=f"{d.year + 1}-03-25")
        for i, d in enumerate(ARCHIVE_DOCS)
    )
    pages[f"{COLUMN}archive/index.html"] = LIST_PAGE.format(items=archive, extra="", pager="").encode()
    for serial, doc in enumerate(ARCHIVE_DOCS):
        pages[f"{COLUMN}archive/rpt_{serial}.html"] = article(doc, 900 + serial)
    routes = {
        f"{COLUMN}mirror.html": redirect(f"{other_host}{COLUMN}report.html"),
        f"{COLUMN}loop_a.html": redirect(f"{COLUMN}loop_b.html"),
        f"{COLUMN}loop_b.html": redirect(f"{COLUMN}loop_a.html"),
        report_path(FLAKY): fails_once(pages[report_path(FLAKY)]),
        "/xxgk/hdrl/cal.jsp": calendar,
    }
    return Portal(pages, routes=routes)


def offsite_portal() -> Portal:
    """The other host: a report that must never be stored as the county's."""
    return Portal(
        {"/robots.txt": b"User-agent: *\nAllow: /\n", f"{COLUMN}report.html": article(OFFSITE_DOC, 1)}
    )


def redirect(location: str) -> Route:
    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        return 302, {"Location": location, "Content-Type": "text/html"}, b"<html>moved</html>"

    return answer


def fails_once(body: bytes) -> Route:
    failed = threading.Event()

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if not failed.is_set():
            failed.set()
            return 500, {"Content-Type": "text/html"}, b"<html>500 Internal Server Error</html>"
        return 200, {"Content-Type": "text/html"}, body

    return answer


def calendar(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    """Any month (rq=YYYYMM) or day (rq=YYYYMMDD): the month before and after, and three days,
    linked by bare numbers as a calendar grid writes them."""
    value = query.get("rq", "201903")
    year, month = int(value[:4]), int(value[4:6])
    previous = f"{year - (month == 1)}{(month - 2) % 12 + 1:02d}"
    following = f"{year + (month == 12)}{month % 12 + 1:02d}"
    days = " ".join(f'<a href="cal.jsp?rq={year}{month:02d}{day:02d}">{day}</a>' for day in (1, 2, 3))
    body = CALENDAR.format(month=value, previous=previous, following=following, days=days)
    return 200, {"Content-Type": "text/html"}, body.encode()
