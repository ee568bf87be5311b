"""Which pages need a browser, read from the HTML as served (crawler/links/script_pages.py).

Positive cases are the shapes of JavaScript front ends (AngularJS as on www.nfra.gov.cn,
Vue, columns filled from JSON, document.write lists, loader shells); negative ones are
real pages and fixture CMS pages whose links plain HTML or a CMS adapter already gives.
"""

import pytest

from crawler.links.script_pages import javascript_reason
from extract.decode import decode_html

from .helpers.paths import SAMPLE_PORTAL, shared_file
from .portals.markup import TRS_APPENDIX_SCRIPT, hanweb_portal

NEEDS_BROWSER = {
    # The AngularJS template of a list, before the browser fills it in.
    "angular": (
        '<html ng-app="app"><body><ul ng-controller="list"><li ng-repeat="item in items">'
        '<a ng-href="{{item.url}}">{{item.title}}</a></li></ul><script src="/cn/js/app.js"></script>'
        "</body></html>",
        "template: ng-repeat",
    ),
    "vue": (
        '<div id="app"><a v-for="r in reports" :href="r.url">{{ r.title }}</a></div>'
        '<script src="/vue.js"></script>',
        "template: v-for",
    ),
    "script template": (
        '<ul id="list"></ul><script type="text/template" id="row"><li><a href="{{url}}">{{title}}</a></li>'
        "</script><script src=/render.js></script>",
        "template: <script type=text/template>",
    ),
    "inline json": (
        '<a href="/">首页</a><ul class="news-list"></ul><script>var d = [{"u": "/a.html", "t": "年报"}];'
        "var s = ''; for (var i = 0; i < d.length; i++) { s += '<li><a href=\"' + d[i].u + '\">' + d[i].t "
        "+ '</a></li>'; } document.querySelector('.news-list').innerHTML = s;</script>",
        "script: an empty <ul>",
    ),
    "json file": (
        '<a href="/">首页</a><table><tbody id="rows"></tbody></table><script>$.getJSON("list.json", '
        'function (d) { $.each(d, function (i, r) { $("#rows").append("<tr><td><a href=\'" + r.url + '
        '"\'>" + r.title + "</a></td></tr>"); }); });</script>',
        "script: an empty <tbody>",
    ),
    "document.write": (
        '<a href="/">首页</a><div class="list"><script>for (var i = 0; i < urls.length; i++) '
        "{ document.write('<li><a href=\"' + urls[i] + '\">' + titles[i] + '</a></li>'); }</script></div>",
        "script: links written with document.write",
    ),
    "loader shell": (
        '<html><head><title>门户</title></head><body><div id="root"></div>'
        "<noscript>请开启JavaScript</noscript>"
        '<script src="/static/js/main.3f2a.js"></script></body></html>',
        "shell:",
    ),
}


@pytest.mark.parametrize("name", NEEDS_BROWSER)
def test_page_drawn_by_scripts_needs_the_browser(name):
    html, reason = NEEDS_BROWSER[name]
    assert (javascript_reason(html) or "").startswith(reason)


PLAIN_HTML = {
    "static list": '<ul><li><a href="./t1.html">年报</a></li></ul><script>var x = 1;</script>',
    "trs file_appendix (a whole link in a string)": "<p>正文</p><a href='/'>首页</a>"
    + TRS_APPENDIX_SCRIPT.format(name="W0.docx", text="附件"),
    "redirect script beside an empty list": '<a href="/">首页</a><ul id="side"></ul>'
    "<script>document.getElementById('side').innerHTML = ''; window.location.href = '/m/' + id;</script>",
    "empty list no script names": '<a href="/">首页</a><ul class="float_list_ul"></ul>'
    "<script>var h = '<a href=\"' + u + '\">x</a>'; $('.btnBox').html(h);</script>",
    "article with text and no links": "<html><body><h1>年报</h1><p>"
    + "全年主动公开政府信息。" * 40
    + "</p><script>share();</script></body></html>",
    "xml declaration": '<?xml version="1.0" encoding="utf-8"?><html><body><a href="/a">a</a></body></html>',
    "empty": "",
}


@pytest.mark.parametrize("name", PLAIN_HTML)
def test_page_readable_as_served_stays_plain(name):
    assert javascript_reason(PLAIN_HTML[name]) is None


@pytest.mark.shared
@pytest.mark.parametrize(
    "path",
    [
        # The DOM a browser saved from an AngularJS page: already rendered, links concrete.
        ("Yuhamixli__nfra.gov.cn", "tests", "merged_cells_page_source.html"),
        # TRS createPageHTML paging, written with document.write: read by the TRS adapter.
        ("GeneralNewsExtractor__GeneralNewsExtractor", "tests", "shanxi", "1.html"),
        # Beijing cluster article: an unrelated empty <ul>, attachments drawn into another box.
        ("mhxqwer__hjhbjdx.gov.cn", "index.html"),
    ],
    ids=lambda parts: parts[0],
)
def test_real_page_stays_plain(path):
    body = shared_file("corpus", "real", *path).read_bytes()
    assert javascript_reason(decode_html(body).text) is None


@pytest.mark.parametrize("name", ["index.html", "index_1.html", "index_2.html"])
def test_sample_portal_trs_list_stays_plain(name):
    body = (SAMPLE_PORTAL / "xxgk" / "ndbg" / name).read_bytes()
    assert javascript_reason(decode_html(body).text) is None


@pytest.mark.parametrize("path", [p for p in hanweb_portal() if p.endswith(".html")])
def test_hanweb_datastore_page_stays_plain(path):
    assert javascript_reason(decode_html(hanweb_portal()[path]).text) is None
