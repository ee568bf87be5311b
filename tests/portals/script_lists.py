# ruff: noqa: E501 - page markup is kept as served, one line per element
"""Report columns whose paging lives in scripts, forms and list requests, one portal per variant.

Markup follows real pages where ../shared/corpus/real has one (SOURCES.md #5 and the sample
portal for TRS's createPageHTML, #23 for the document.write pager, which the tests load at run
time, #11 for Shanghai's pagination); the container-id-first TRS pager, Hanweb's named dataproxy
endpoints, the 信息公开目录 search.jsp POST and ASP.NET's AspNetPager have no real page there and
are written after the descriptions in issue 16, Guangdong's gkmlpt after public crawlers of the
platform (each builder says which).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from crawler.demo.trs_pager import TRS_PAGER_JS

from .markup import Doc, report_body

DOCS = (
    Doc("柳林县人民政府2021年政府信息公开工作年度报告", 2021),
    Doc("柳林县教育局2021年政府信息公开工作年度报告", 2021),
    Doc("关于做好2021年政府信息公开工作年度报告编制发布工作的通知", 2021, is_report=False),
    Doc("柳林县人民政府2020年政府信息公开工作年度报告", 2020),
    Doc("柳林县2020年政府信息公开工作年度报告解读", 2020, is_report=False),
    Doc("柳林县财政局2020年政府信息公开工作年度报告", 2020),
    Doc("图解：柳林县2019年政府信息公开工作年度报告", 2019, is_report=False),
    Doc("柳林县人民政府2019年政府信息公开工作年度报告", 2019),
)
PER_PAGE = 3

HOME = """<html><head><meta charset="utf-8"><title>柳林县人民政府</title></head><body>
<a href="/index.html">首页</a> <a href="/xxgk/index.html">政府信息公开</a> <a href="/news/index.html">要闻</a></body></html>"""
XXGK = """<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>
<a href="{column}">政府信息公开年报</a> <a href="/xxgk/zn.html">政府信息公开指南</a></body></html>"""
ARTICLE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}"><title>{title}</title></head>
<body><h1>{title}</h1><div class="TRS_Editor">{body}</div></body></html>"""
ITEM = """<li><a href="{href}" target="_blank" title="{title}">{title}</a><span>{date}</span></li>"""


def article_path(serial: int, doc: Doc) -> str:
    return f"/xxgk/ndbg/{doc.year + 1}03/t{doc.year + 1}0325_{7000 + serial}.html"


def chunks(docs: tuple[Doc, ...] = DOCS) -> list[list[tuple[int, Doc]]]:
    numbered = list(enumerate(docs))
    return [numbered[i : i + PER_PAGE] for i in range(0, len(numbered), PER_PAGE)]


def items(chunk: list[tuple[int, Doc]]) -> str:
    return "".join(
        ITEM.format(href=article_path(i, d), title=d.title, date=f"{d.year + 1}-03-25") for i, d in chunk
    )


def portal(column: str, lists: dict[str, bytes], docs: tuple[Doc, ...] = DOCS) -> dict[str, bytes]:
    pages = {
        "/robots.txt": b"User-agent: *\nAllow: /\n",
        "/index.html": HOME.encode(),
        "/xxgk/index.html": XXGK.format(column=column).encode(),
        "/xxgk/zn.html": "<html><head><title>政府信息公开指南</title></head><body>指南</body></html>".encode(),
        "/news/index.html": "<html><body>要闻</body></html>".encode(),
        **lists,
    }
    pages["/"] = pages["/index.html"]
    for serial, doc in enumerate(docs):
        pages[article_path(serial, doc)] = ARTICLE.format(
            title=doc.title, body=report_body(doc, serial)
        ).encode()
    return pages


# --- TRS: createPageHTML(countPage, currentPage, …) with variables, the pager inline ---------
TRS_VARIABLES = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul class="list">{items}</ul><div class="page"><script type="text/javascript">
var currentPage = {current};//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = {count}//共多少页
{pager}
createPageHTML(countPage, currentPage, "index", "html");
</script></div></body></html>"""


def trs_variables() -> dict[str, bytes]:
    pages = chunks()
    lists = {
        f"/xxgk/ndbg/{'index.html' if n == 0 else f'index_{n}.html'}": TRS_VARIABLES.format(
            items=items(chunk), current=n, count=len(pages), pager=TRS_PAGER_JS
        ).encode()
        for n, chunk in enumerate(pages)
    }
    return portal("/xxgk/ndbg/index.html", lists)


# --- TRS: createPageHTML('page_div', 5, 1, 'fg', 'shtml', 89) --------------------------------
# No real page of this form is in ../shared/corpus; written after issue 16: container id first,
# current page 1-based, total records last; page 1 is fg.shtml, page k > 1 is fg_k.shtml. The
# function lives in a same-host script and fills the container's innerHTML.
TRS_CONTAINER_JS = """function createPageHTML(divId, pageCount, currPage, prefix, ext, recordCount) {
  var html = '<span>共' + recordCount + '条 ' + currPage + '/' + pageCount + '页</span>';
  var name = function (k) { return k <= 1 ? prefix + '.' + ext : prefix + '_' + k + '.' + ext; };
  if (currPage > 1) html += '<a href="' + name(1) + '">首页</a><a href="' + name(currPage - 1) + '">上一页</a>';
  for (var k = Math.max(1, currPage - 2); k <= Math.min(pageCount, currPage + 2); k++) {
    html += k == currPage ? '<b>' + k + '</b>' : '<a href="' + name(k) + '">' + k + '</a>';
  }
  if (currPage < pageCount) html += '<a href="' + name(currPage + 1) + '">下一页</a><a href="' + name(pageCount) + '">尾页</a>';
  document.getElementById(divId).innerHTML = html;
}"""
TRS_CONTAINER = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title>
<script type="text/javascript" src="/res/js/fgpage.js"></script></head><body>
<ul class="list">{items}</ul><div id="page_div" class="page"></div>
<script type="text/javascript">createPageHTML('page_div', {count}, {current}, 'fg', 'shtml', {total});</script>
</body></html>"""


def trs_container() -> dict[str, bytes]:
    pages = chunks()
    lists = {
        f"/xxgk/ndbg/{'fg.shtml' if n == 1 else f'fg_{n}.shtml'}": TRS_CONTAINER.format(
            items=items(chunk), count=len(pages), current=n, total=len(DOCS)
        ).encode()
        for n, chunk in enumerate(pages, start=1)
    }
    return {**portal("/xxgk/ndbg/fg.shtml", lists), "/res/js/fgpage.js": TRS_CONTAINER_JS.encode()}


# --- TRS: a document.write pager with no createPageHTML (a real page, SOURCES.md #23) --------
_RENDERED_PAGER = re.compile(r"(</script>)共计&nbsp;.*?(?=</td>)", re.S)
_ROWS = re.compile(r'(<a href=")\./\d{6}/t\d{8}_\d+\.html(">)[^<]*(</a>)')


def trs_docwrite(real_page: str) -> dict[str, bytes]:
    """The real list page as its server sent it (the pager's rendered output, which a browser
    saved after the script, taken out), its rows pointing at this portal's documents; page 2
    is the same page with currentPage = 1."""
    page = _RENDERED_PAGER.sub(r"\1", real_page)
    pages = [list(enumerate(DOCS))[:6], list(enumerate(DOCS))[6:]]
    lists: dict[str, bytes] = {}
    for n, chunk in enumerate(pages):
        rows = iter(chunk)

        def row(match: re.Match[str], rows=rows) -> str:
            serial, doc = next(rows, (None, None))
            if doc is None:  # the real page's news rows beyond this portal's documents
                return match.group(0)
            return f"{match.group(1)}{article_path(serial, doc)}{match.group(2)}{doc.title}{match.group(3)}"

        text = _ROWS.sub(row, page).replace("var currentPage = 0;", f"var currentPage = {n};")
        lists[f"/xxgk/ndbg/{'index.html' if n == 0 else f'index_{n}.html'}"] = text.encode()
    return portal("/xxgk/ndbg/index.html", lists)


# --- Hanweb: the dataproxy endpoint the page names, values quoted ----------------------------
# Written after issue 16 and the datastore of tests/portals/markup.py (SOURCES.md #6, #20 show
# Hanweb's /module/ paths): the nextgroup link names /module/jpage/dataproxy.jsp and quotes
# path='/' and webname='柳林县'; only that path answers.
HANWEB_NAMED_PROXY = "/module/jpage/dataproxy.jsp"
HANWEB_COLUMN = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title>
<script src="/module/jslib/jquery/jquery.js"></script></head><body>
<div id="8123"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/jpage/dataproxy.jsp?page=1&webid=17&path='/'&columnid=2629&unitid=8123&webname='柳林县'&permissiontype=0"></a>]]></nextgroup>
<recordset>{records}</recordset></datastore></script></div>
<script>$('#8123').jpage({{ dataStore: 'xml', perPage: 2, groupSize: 1, proxyUrl: '/module/jpage/dataproxy.jsp' }});</script>
</body></html>"""
HANWEB_RECORD = '<record><![CDATA[<li><a href="{href}" title="{title}">{title}</a></li>]]></record>'


def _records(start: int, end: int) -> str:
    return "".join(
        HANWEB_RECORD.format(href=article_path(i, d), title=d.title)
        for i, d in enumerate(DOCS)
        if start <= i + 1 <= end
    )


def hanweb_named() -> tuple[dict[str, bytes], dict[str, Callable]]:
    column = HANWEB_COLUMN.format(records=_records(1, 2)).encode()

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        ok = method == "POST" and form.get("columnid") == "2629" and form.get("path", "").strip("'") == "/"
        start, end = int(query.get("startrecord", 1)), int(query.get("endrecord", 1))
        body = f"<datastore><totalrecord>{len(DOCS)}</totalrecord><recordset>{_records(start, end) if ok else ''}</recordset></datastore>"
        return 200, {"Content-Type": "text/xml;charset=UTF-8"}, body.encode()

    return portal("/col/col2629/index.html", {"/col/col2629/index.html": column}), {
        HANWEB_NAMED_PROXY: answer
    }


# --- Hanweb 信息公开目录: the list exists only in the answer to a $.ajax POST -----------------
# Written after issue 16 (no real page in ../shared/corpus): the page POSTs infotypeId, jdid,
# area, divid, sortfield and currpage to /module/xxgk/search.jsp and puts the answer, an HTML
# table with 共N页, into its div.
HANWEB_XXGK = """<html><head><meta charset="utf-8"><title>信息公开目录</title>
<script src="/module/jslib/jquery/jquery.js"></script></head><body>
<div id="searchresult"></div>
<script type="text/javascript">
var infotypeId = "GK0503"; var jdid = "17"; var area = "";
function searchList(currpage) {{
  $.ajax({{ type: "POST", url: "/module/xxgk/search.jsp",
    data: {{ infotypeId: infotypeId, jdid: jdid, area: area, divid: "div{unit}", sortfield: "", currpage: currpage }},
    success: function (data) {{ $("#searchresult").html(data); }} }});
}}
$(function () {{ searchList(1); }});
</script></body></html>"""
HANWEB_XXGK_ROW = (
    '<tr><td><a href="{href}" target="_blank" title="{title}">{title}</a></td><td>{date}</td></tr>'
)


def hanweb_xxgk() -> tuple[dict[str, bytes], dict[str, Callable]]:
    pages = chunks()

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        current = int(form.get("currpage", "1") or 1)
        if method != "POST" or form.get("infotypeId") != "GK0503" or not 1 <= current <= len(pages):
            return 200, {"Content-Type": "text/html;charset=UTF-8"}, b"<table></table>"
        rows = "".join(
            HANWEB_XXGK_ROW.format(href=article_path(i, d), title=d.title, date=f"{d.year + 1}-03-25")
            for i, d in pages[current - 1]
        )
        body = (
            f'<table class="xxgk_list">{rows}</table><div class="page">共{len(pages)}页 第{current}页 '
            f'<a href="javascript:searchList({current + 1});">下一页</a></div>'
        )
        return 200, {"Content-Type": "text/html;charset=UTF-8"}, body.encode()

    page = HANWEB_XXGK.format(unit="8124").encode()
    return portal("/col/col2630/index.html", {"/col/col2630/index.html": page}), {
        "/module/xxgk/search.jsp": answer
    }


# --- ASP.NET WebForms with AspNetPager: javascript:__doPostBack('AspNetPager1','N') ----------
# Written after issue 16 and the script ASP.NET writes into every WebForms page.
ASPNET = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<form name="form1" method="post" action="./List.aspx?ClassID=12" id="form1">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY{state}" />
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['form1'];
if (!theForm) {{ theForm = document.form1; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<ul>{items}</ul>
<div id="AspNetPager1">{pager}</div>
</form></body></html>"""


def aspnet() -> tuple[dict[str, bytes], dict[str, Callable]]:
    pages = chunks()

    def render(current: int) -> bytes:
        pager = "".join(
            f"<a href=\"javascript:__doPostBack('AspNetPager1','{k}')\">{k}</a> "
            if k != current
            else f"<span>{k}</span> "
            for k in range(1, len(pages) + 1)
        )
        state = "x" * 200 + str(current)
        return ASPNET.format(items=items(pages[current - 1]), pager=pager, state=state).encode()

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        current = 1
        if method == "POST" and form.get("__EVENTTARGET") == "AspNetPager1" and form.get("__VIEWSTATE"):
            current = int(form.get("__EVENTARGUMENT") or 1)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, render(min(max(current, 1), len(pages)))

    return portal("/xxgk/ndbg/List.aspx?ClassID=12", {}), {"/xxgk/ndbg/List.aspx": answer}


# --- Plain numbered list pages of any extension, with 下一页/尾页 links -------------------------
PLAIN = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul>{items}</ul><div class="pages">{pager}</div></body></html>"""


def plain_jhtml() -> dict[str, bytes]:
    pages = chunks()

    def name(k: int) -> str:
        return "index.jhtml" if k == 0 else f"index_{k + 1}.jhtml"

    lists = {}
    for n, chunk in enumerate(pages):
        pager = f"共{len(pages)}页 "
        if n + 1 < len(pages):
            pager += f'<a href="{name(n + 1)}">下一页</a> <a href="{name(len(pages) - 1)}">尾页</a>'
        lists[f"/xxgk/ndbg/{name(n)}"] = PLAIN.format(items=items(chunk), pager=pager).encode()
    return portal("/xxgk/ndbg/index.jhtml", lists)


# --- Guangdong gkmlpt: an empty shell, the list from /gkmlpt/api/all/{column}?page=N&sid={site} --
# Written after public crawlers of the platform (hulelan/china-governance crawlers/gkmlpt.py and
# docs/references/gkmlpt-platform-survey.md: the shell's `window._CONFIG = {SID: '…', TREE: […]}`,
# the JSON {total, articles} of /gkmlpt/api/all/{column}?page=N&sid=SID; a Scrapy spider asking
# whly.gd.gov.cn/gkmlpt/api/all/2629?page=1&sid=175 for the column /gkmlpt/annualreport#2629).
# The platform's script bundle is served from a host shared by the province's sites; with
# `own_script` the site serves the script that asks for the list itself.
GKMLPT_SID = "755001"
GKMLPT_COLUMN = 2629
GKMLPT_SHELL = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title>
<script type="text/javascript">
window._CONFIG = {{
  SID: '{sid}',
  TREE: [{{"id": 2628, "name": "政府信息公开指南", "parent": 0, "post_count": 1, "jump_url": "", "children": []}}, {{"id": {column}, "name": "政府信息公开年报", "parent": 0, "post_count": {count}, "jump_url": "", "children": []}}],
  SERVICE_AREA_ID: 0
}};
</script></head><body><div id="app"></div>
<script type="text/javascript" src="{bundle}"></script>
</body></html>"""
GKMLPT_SHARED_BUNDLE = "http://cloud.gd.gov.cn.invalid/gkmlpt/js/app.js"
GKMLPT_OWN_BUNDLE = "/gkmlpt/js/list.js"
# What the list view does on load: the column from the address's hash (else the first column of
# the tree), page 1 of the API, the answer's articles drawn into the page.
GKMLPT_OWN_SCRIPT = """(function () {
  var column = location.hash.replace('#', '') || window._CONFIG.TREE[0].id;
  var xhr = new XMLHttpRequest();
  xhr.open('GET', '/gkmlpt/api/all/' + column + '?page=1&sid=' + window._CONFIG.SID);
  xhr.onload = function () { document.getElementById('app').innerHTML = xhr.responseText; };
  xhr.send();
})();"""


def gkmlpt_answer(page: int, sid: str = GKMLPT_SID) -> dict:
    pages = chunks()
    if sid != GKMLPT_SID or not 1 <= page <= len(pages):
        return {"total": len(DOCS), "articles": []}
    articles = [
        {
            "id": 7000 + serial,
            "title": doc.title,
            "url": article_path(serial, doc),
            "publisher": "柳林县人民政府办公室",
            "identifier": f"11440300MB2C{serial:05d}/2022-{serial:05d}",
            "display_publish_time": 1_648_166_400 + serial,
            "create_time": 1_648_166_400 + serial,
            "classify_main": GKMLPT_COLUMN,
            "type": "normal",
        }
        for serial, doc in pages[page - 1]
    ]
    classify = {"id": GKMLPT_COLUMN, "name": "政府信息公开年报", "post_count": len(DOCS), "jump_url": ""}
    return {"classify": classify, "articles": articles, "total": len(DOCS), "offset": (page - 1) * PER_PAGE}


def gkmlpt(own_script: bool = False) -> tuple[dict[str, bytes], dict[str, Callable]]:
    shell = GKMLPT_SHELL.format(
        sid=GKMLPT_SID,
        column=GKMLPT_COLUMN,
        count=len(DOCS),
        bundle=GKMLPT_OWN_BUNDLE if own_script else GKMLPT_SHARED_BUNDLE,
    )

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        page = int(query.get("page", "1")) if query.get("page", "1").isdigit() else 0
        body = json.dumps(gkmlpt_answer(page, query.get("sid", "")), ensure_ascii=False)
        return 200, {"Content-Type": "application/json;charset=UTF-8"}, body.encode()

    pages = portal(f"/gkmlpt/annualreport#{GKMLPT_COLUMN}", {"/gkmlpt/annualreport": shell.encode()})
    if own_script:
        pages[GKMLPT_OWN_BUNDLE] = GKMLPT_OWN_SCRIPT.encode()
    return pages, {f"/gkmlpt/api/all/{GKMLPT_COLUMN}": answer}


# --- Shanghai: a jQuery `pagination({totalPage: N, callBack})` pager ---------------------------
# After the real list page of ../shared/corpus (SOURCES.md #11, lvchengli__covid-spider): the
# plugin comes from /assets/js/pagination.min.js (not served here: its callBack is the only
# address of the pages), page 1 is index.html and page i is index_i.html.
SHANGHAI = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul class="list">{items}</ul>
<nav><ul class="pagination">
<script type="text/javascript" src="/assets/js/ETUI/jquery.min.1.12.4.js"></script>
<script type="text/javascript" src="/assets/js/pagination.min.js"></script>
<script type="text/javascript">
    $(".pagination").pagination({{
        totalPage: {count},
        showPageNum: 5,
        isShowFL: false,
        callBack: function (currPage) {{
            var i=currPage;
            if(i==1)
                location.href='index.html';
            else
                location.href='index_'+i+'.html';
        }}
    }});
    $(".pagination").pagination("setPage",{current},{count});
</script></ul></nav></body></html>"""


def shanghai_pagination() -> dict[str, bytes]:
    pages = chunks()
    lists = {
        f"/xxgk/ndbg/{'index.html' if n == 1 else f'index_{n}.html'}": SHANGHAI.format(
            items=items(chunk), count=len(pages), current=n
        ).encode()
        for n, chunk in enumerate(pages, start=1)
    }
    return portal("/xxgk/ndbg/index.html", lists)


# --- ?page=N: a pager that shows some page numbers and states 共N页 ----------------------------
# After the generic pager of tests/test_cms_generic.py (1 2 … 共N页 下一页); past the last
# page the server repeats the last one, as many CMSs do.
QUERY_PAGE = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body>
<ul>{items}</ul><div class="pager"><a href="list.jsp?channelId=12&amp;page=1">1</a>
<a href="list.jsp?channelId=12&amp;page=2">2</a> … <span>共{count}页</span>
<a href="list.jsp?channelId=12&amp;page={following}">下一页</a></div></body></html>"""


def query_page() -> tuple[dict[str, bytes], dict[str, Callable]]:
    pages = chunks()

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        page = min(max(int(query["page"]) if query.get("page", "").isdigit() else 1, 1), len(pages))
        body = QUERY_PAGE.format(items=items(pages[page - 1]), count=len(pages), following=page + 1)
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body.encode()

    return portal("/xxgk/ndbg/list.jsp?channelId=12&amp;page=1", {}), {"/xxgk/ndbg/list.jsp": answer}
