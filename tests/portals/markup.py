# ruff: noqa: E501 - page markup is kept as served, one line per element
"""Fixture portals modelled on real TRS and Hanweb pages (../shared/corpus: SOURCES.md #5, #6,
#11, #17, #20): TRS `createPageHTML` lists, `TRS_Editor` articles with `./W0….docx` + OLDSRC
attachments and a `file_appendix` script; Hanweb columns whose records sit in a jpage datastore
and continue through POSTs to /module/web/jpage/dataproxy.jsp."""

from __future__ import annotations

from dataclasses import dataclass

from crawler.demo.trs_pager import TRS_PAGER_JS

# A minimal PDF: the crawler stores it; parsing it is extract's business.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
DOCX = b"PK\x03\x04" + b"\x00" * 60  # the zip magic of a Word file; its content is not read here


@dataclass(frozen=True)
class Doc:
    title: str
    year: int  # the year reported on
    is_report: bool = True


REPORT_BODY = """<p>本报告中所列数据的统计期限自{year}年1月1日至{year}年12月31日。</p>
<p>一、概述</p><p>{year}年，{body}政府信息公开工作有序开展，全年主动公开政府信息{n}条。</p>
<p>二、主动公开政府信息情况</p><p>主动公开政府信息{n}条，其中规范性文件{k}件，政府公报{k}期。</p>
<p>三、依申请公开政府信息情况</p><p>全年共收到政府信息公开申请{k}件，均按时答复。</p>
<p>四、政府信息公开的收费及减免情况</p><p>未收取任何费用。</p>
<p>五、因政府信息公开申请行政复议、提起行政诉讼的情况</p><p>无。</p>
<p>六、存在的主要问题及改进情况</p><p>公开内容还不够全面，下一步将加强培训。</p>"""

NOTICE_BODY = """<p>各乡镇人民政府、县政府各部门：</p><p>为做好{year}年政府信息公开工作年度报告编制和发布工作，
现将有关事项通知如下：各单位要按照统一格式编制报告，于规定时间前在门户网站发布，并报送县政务公开办公室备案。</p>
<p>特此通知。</p>"""

INTERPRETATION_BODY = """<p>一图读懂：{year}年，我县主动公开政府信息大幅增长，依申请公开办理及时规范。
本文对年度报告的主要数据和亮点作简要说明，帮助公众更好理解政府信息公开工作的成效和不足之处。</p>"""


def report_body(doc: Doc, serial: int) -> str:
    if doc.is_report:
        body = doc.title.split(str(doc.year))[0]
        return REPORT_BODY.format(year=doc.year, body=body, n=1000 + serial * 37, k=10 + serial)
    template = NOTICE_BODY if "通知" in doc.title else INTERPRETATION_BODY
    return template.format(year=doc.year)


# --- TRS ----------------------------------------------------------------------------------

TRS_HOME = """<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>清河县人民政府</title></head><body>
<div class="nav"><a href="./index.html">首页</a> <a href="./zwdt/index.html">政务动态</a>
<a href="./zwgk/index.html">政务公开</a> <a href="./hdjl/index.html">互动交流</a>
<a href="http://www.gov.cn/">中国政府网</a></div>
<div class="news"><a href="./zwdt/201903/t20190301_88.html">县长调研春耕生产</a></div>
</body></html>"""

TRS_ZWGK = """<html><head><meta charset="utf-8"><title>政务公开_清河县人民政府</title></head><body>
<div class="left"><a href="../zwgk/zn/index.html">政府信息公开指南</a>
<a href="../zwgk/zd/index.html">政府信息公开制度</a>
<a href="../zwgk/ndbg/index.html">政府信息公开年报</a>
<a href="../private/ndbg/index.html">内部年报（robots.txt 禁止）</a></div></body></html>"""

TRS_LIST = """<html><head><meta charset="utf-8"><title>政府信息公开年报_清河县人民政府</title></head><body>
<div class="CurrChnlCls"><a href="../../">首页</a> &gt; <a href="../">政务公开</a> &gt; 年报</div>
<ul class="list">{items}</ul>
<div class="side"><a href="./rili.html?year=2019&amp;month=3">日历</a></div>
<div class="page"><script src="/js/page.js"></script><script language="JavaScript">
var currentPage = {current};//所在页从0开始
var prevPage = currentPage-1//上一页
createPageHTML({count}, {current}, "index", "html");
</script></div></body></html>"""

TRS_ITEM = """<li><a href="{href}" target="_blank" title="{title}">{title}</a><span>{date}</span></li>"""

TRS_ARTICLE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">
<title>{title}_清河县人民政府</title></head><body>
<div class="CurrChnlCls"><a href="../../../">首页</a> &gt; 年报</div>
<h1>{title}</h1><div class="TRS_Editor">{body}</div>
{attachments}
<script>createPageHTML(1, 0, "{stem}", "html");</script>
</body></html>"""

# The two ways TRS writes attachments: a plain ./W0… link with OLDSRC, and a file_appendix script.
TRS_W0_ATTACHMENT = """<p>附件：<a target="_blank" href="./{name}" OLDSRC="{name}">{text}</a></p>"""
TRS_APPENDIX_SCRIPT = """<script language="javascript">
var file_appendix = '<a href="./{name}" target="_blank">{text}</a>';
if (file_appendix != "") {{ document.write('<div class="fj">附件：' + file_appendix + '</div>'); }}
</script>"""

TRS_DOCS = (
    Doc("清河县人民政府2019年政府信息公开工作年度报告", 2019),
    Doc("清河县人民政府2018年政府信息公开工作年度报告", 2018),
    Doc("关于做好2019年政府信息公开工作年度报告编制发布工作的通知", 2019, is_report=False),
    Doc("清河县教育局2019年政府信息公开工作年度报告", 2019),
    Doc("清河县2018年政府信息公开工作年度报告解读", 2018, is_report=False),
    Doc("城关镇人民政府2019年政府信息公开工作年度报告", 2019),
    Doc("清河县人民政府2017年政府信息公开工作年度报告", 2017),
)
TRS_PER_PAGE = 3


def trs_article_path(serial: int, doc: Doc) -> str:
    return f"/zwgk/ndbg/{doc.year + 1}03/t{doc.year + 1}0325_{1000 + serial}.html"


def trs_portal(docs: tuple[Doc, ...] = TRS_DOCS) -> dict[str, bytes]:
    pages: dict[str, bytes] = {
        "/robots.txt": b"User-agent: *\nDisallow: /private/\n",
        "/js/page.js": TRS_PAGER_JS.encode(),
        "/index.html": TRS_HOME.encode("gbk"),
        "/zwgk/index.html": TRS_ZWGK.encode(),
        "/zwdt/index.html": b"<html><body><a href='./201903/t20190301_88.html'>news</a></body></html>",
        "/zwdt/201903/t20190301_88.html": b"<html><head><title>news</title></head><body>news</body></html>",
        "/zwgk/zn/index.html": "<html><head><title>政府信息公开指南</title></head><body>指南</body></html>".encode(),
        "/zwgk/zd/index.html": "<html><head><title>政府信息公开制度</title></head><body>制度</body></html>".encode(),
    }
    pages["/"] = pages["/index.html"]
    pages_count = (len(docs) + TRS_PER_PAGE - 1) // TRS_PER_PAGE
    for page in range(pages_count):
        chunk = list(enumerate(docs))[page * TRS_PER_PAGE : (page + 1) * TRS_PER_PAGE]
        items = "".join(
            TRS_ITEM.format(
                href="." + trs_article_path(i, d)[len("/zwgk/ndbg") :],
                title=d.title,
                date=f"{d.year + 1}-03-25",
            )
            for i, d in chunk
        )
        name = "index.html" if page == 0 else f"index_{page}.html"
        pages[f"/zwgk/ndbg/{name}"] = TRS_LIST.format(items=items, count=pages_count, current=page).encode()
    for serial, doc in enumerate(docs):
        pages[trs_article_path(serial, doc)] = trs_article(serial, doc)
    # Attachments of the first two reports: a W0 docx with OLDSRC, a P0 pdf from file_appendix.
    folder = trs_article_path(0, docs[0]).rsplit("/", 1)[0]
    pages[f"{folder}/W020200325556663716813.docx"] = DOCX
    folder = trs_article_path(1, docs[1]).rsplit("/", 1)[0]
    pages[f"{folder}/P020190325385742556914.pdf"] = PDF
    return pages


def trs_article(serial: int, doc: Doc) -> bytes:
    attachments = ""
    if serial == 0:
        attachments = TRS_W0_ATTACHMENT.format(name="W020200325556663716813.docx", text="统计表.docx")
    elif serial == 1:
        attachments = TRS_APPENDIX_SCRIPT.format(name="P020190325385742556914.pdf", text=f"{doc.title}.pdf")
    stem = trs_article_path(serial, doc).rsplit("/", 1)[1].removesuffix(".html")
    return TRS_ARTICLE.format(
        title=doc.title, body=report_body(doc, serial), attachments=attachments, stem=stem
    ).encode()


# --- Hanweb -------------------------------------------------------------------------------

HANWEB_HOME = """<html><head><meta charset="utf-8"><title>江源市人民政府</title>
<link href="/module/jslib/hanweb.css" rel="stylesheet"></head><body>
<a href="/col/col100/index.html">今日江源</a> <a href="/col/col200/index.html">政府信息公开</a>
</body></html>"""

HANWEB_XXGK = """<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body>
<a href="/col/col300/index.html">政府信息公开年报</a> <a href="/col/col310/index.html">政府信息公开指南</a>
</body></html>"""

HANWEB_COLUMN = """<html><head><meta charset="utf-8"><title>政府信息公开年报</title>
<script language="javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script></head><body>
<div class="bt-position">当前位置：<a href="/index.html">首页</a> &gt; 年报</div>
<div id="{unitid}"><script type="text/xml"><datastore>
<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&appid=1&webid=1&path=/&columnid=300&unitid={unitid}&webname=%E6%B1%9F%E6%BA%90%E5%B8%82&permissiontype=0"></a>]]></nextgroup>
<recordset>
{records}
</recordset></datastore></script></div>
<script type="text/javascript">
$(document).ready(function(){{
  $('#{unitid}').jpage({{ dataStore: 'xml', perPage: {per_page}, groupSize: {group_size}, proxyUrl: '/module/web/jpage/dataproxy.jsp',
    barPosition: 'bottom', showMode: 'full' }});
}});
</script></body></html>"""

HANWEB_RECORD = """<record><![CDATA[
<li><a href="{href}" title="{title}" target="_blank">{title}</a><span class="bt-data-time">{date}</span></li>
]]></record>"""

HANWEB_ARTICLE = """<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="{title}">
<title>{title}</title><link href="/module/jslib/hanweb.css" rel="stylesheet"></head><body>
<div class="main-txt"><h1>{title}</h1><div id="zoom">{body}</div></div></body></html>"""

HANWEB_DOCS = (
    Doc("江源市人民政府2019年政府信息公开工作年度报告", 2019),
    Doc("江源市发展和改革委员会2019年政府信息公开工作年度报告", 2019),
    Doc("江源市2019年政府信息公开工作年度报告解读", 2019, is_report=False),
    Doc("江源市人民政府2018年政府信息公开工作年度报告", 2018),
    Doc("江源市财政局2019年政府信息公开工作年度报告", 2019),
    Doc("关于报送2018年政府信息公开工作年度报告的通知", 2018, is_report=False),
    Doc("江源市人民政府2017年政府信息公开工作年度报告", 2017),
    Doc("江源市教育局2018年政府信息公开工作年度报告", 2018),
    Doc("江源市人民政府2016年政府信息公开工作年度报告", 2016),
)
HANWEB_UNIT = "4567"
HANWEB_PER_PAGE, HANWEB_GROUP = 2, 2


def hanweb_article_path(serial: int, doc: Doc) -> str:
    return f"/art/{doc.year + 1}/3/25/art_300_{5000 + serial}.html"


def hanweb_records(docs: tuple[Doc, ...], start: int, end: int) -> str:
    return "\n".join(
        HANWEB_RECORD.format(href=hanweb_article_path(i, d), title=d.title, date=f"{d.year + 1}-03-25")
        for i, d in enumerate(docs)
        if start <= i + 1 <= end
    )


def hanweb_portal(docs: tuple[Doc, ...] = HANWEB_DOCS) -> dict[str, bytes]:
    first_group = HANWEB_PER_PAGE * HANWEB_GROUP
    pages = {
        "/robots.txt": b"User-agent: *\nAllow: /\n",
        "/index.html": HANWEB_HOME.encode(),
        "/col/col100/index.html": "<html><body>今日江源</body></html>".encode(),
        "/col/col200/index.html": HANWEB_XXGK.encode(),
        "/col/col310/index.html": "<html><head><title>政府信息公开指南</title></head><body>指南</body></html>".encode(),
        "/col/col300/index.html": HANWEB_COLUMN.format(
            unitid=HANWEB_UNIT,
            records=hanweb_records(docs, 1, first_group),
            per_page=HANWEB_PER_PAGE,
            group_size=HANWEB_GROUP,
        ).encode(),
    }
    pages["/"] = pages["/index.html"]
    for serial, doc in enumerate(docs):
        pages[hanweb_article_path(serial, doc)] = HANWEB_ARTICLE.format(
            title=doc.title, body=report_body(doc, serial)
        ).encode()
    return pages


def hanweb_dataproxy(docs: tuple[Doc, ...] = HANWEB_DOCS):
    """The dataproxy.jsp answer: records startrecord..endrecord of the column the form names."""

    def answer(method: str, query: dict[str, str], form: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        if method != "POST" or form.get("columnid") != "300" or form.get("unitid") != HANWEB_UNIT:
            body = "<datastore><recordset></recordset></datastore>"
        else:
            start, end = int(query.get("startrecord", 1)), int(query.get("endrecord", 1))
            body = (
                f"<datastore><totalrecord>{len(docs)}</totalrecord><recordset>"
                f"{hanweb_records(docs, start, end)}</recordset></datastore>"
            )
        xml = '<?xml version="1.0" encoding="UTF-8"?>' + body
        return 200, {"Content-Type": "text/xml;charset=UTF-8"}, xml.encode()

    return answer
