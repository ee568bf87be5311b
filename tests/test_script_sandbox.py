# ruff: noqa: E501 - page scripts are kept on one line
"""The script sandbox: what a page's scripts write and request is recorded, never carried out;
a script that loops forever is stopped and recorded; no network, no disk."""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from threading import Thread

from parsel import Selector

from crawler.scripts import page_scripts, run_page_scripts, script_links, script_requests
from crawler.scripts.sandbox import same_host_sources

URL = "http://127.0.0.1:8000/xxgk/ndbg/index.html"


def run(html: str, loaded: dict[str, str] | None = None):
    return run_page_scripts(page_scripts(Selector(text=html), URL), loaded)


def urls(html: str, loaded: dict[str, str] | None = None) -> list[str]:
    return [link.url.removeprefix("http://127.0.0.1:8000") for link in script_links(run(html, loaded), URL)]


def test_literal_pager_call_runs_the_pages_own_definition():
    html = "<script>function createPageHTML(n, c, name, ext) { document.write('<a href=\"' + name + '_' + (c + 1) + '.' + ext + '\">下一页</a>'); }\ncreatePageHTML(3, 0, 'index', 'html');</script>"
    assert urls(html) == ["/xxgk/ndbg/index_1.html"]


def test_pager_defined_in_a_loaded_script():
    html = '<script src="/js/page.js"></script><script>createPageHTML(2, 0, "index", "shtml");</script>'
    loaded = {
        "http://127.0.0.1:8000/js/page.js": "function createPageHTML(n){ document.write('<a href=index_1.shtml>2</a>'); }"
    }
    assert urls(html, loaded) == ["/xxgk/ndbg/index_1.shtml"]


def test_same_host_scripts_are_loaded_but_not_jquery_or_other_hosts():
    html = '<script src="/js/page.js"></script><script src="/js/jquery-1.8.3.min.js"></script><script src="http://cdn.example/x.js"></script>'
    assert same_host_sources(page_scripts(Selector(text=html), URL)) == ["http://127.0.0.1:8000/js/page.js"]


def test_javascript_link_handlers_keep_their_anchor_text():
    html = "<script>function go(n){ location.href = 'index_' + n + '.html'; }</script><a href='javascript:go(2)'>下一页</a>"
    (link,) = script_links(run(html), URL)
    assert (link.url, link.text) == ("http://127.0.0.1:8000/xxgk/ndbg/index_2.html", "下一页")


def test_ajax_post_is_recorded_with_its_fields():
    html = "<script>$(function(){ $.ajax({type: 'POST', url: '/module/xxgk/search.jsp', data: {currpage: 1, jdid: '17'}}); });</script>"
    (request,) = script_requests(run(html), URL)
    assert (request.url, request.method, request.formdata) == (
        "http://127.0.0.1:8000/module/xxgk/search.jsp",
        "POST",
        (("currpage", "1"), ("jdid", "17")),
    )


def test_a_script_in_a_comment_is_not_run():
    assert urls("<!-- <script>document.write('<a href=hidden.html>x</a>')</script> -->") == []


def test_endless_loop_is_stopped_and_recorded():
    result = run("<script>while (true) {}</script>")
    assert (result.stopped, result.errors[0]) == ("time limit", "InternalError: interrupted")


def test_runaway_memory_is_stopped_and_recorded():
    result = run("<script>var a = []; while (true) { a.push(new Array(100000).fill(1)); }</script>")
    assert result.stopped == "memory limit"


def test_scripts_have_no_module_file_or_process_access():
    html = """<script>
    import('/etc/hostname').then(function () { document.write('<a href=/read.html>x</a>'); },
                                 function () { document.write('<a href=/refused.html>x</a>'); });
    document.write('<a href="/' + typeof require + typeof process + typeof std + typeof os + '.html">y</a>');
    </script>"""
    assert sorted(urls(html)) == ["/refused.html", "/undefinedundefinedundefinedundefined.html"]


class _Counting(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self):  # noqa: N802 - stdlib name
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()

    do_POST = do_GET  # noqa: N815 - stdlib name

    def log_message(self, *args):
        pass


def test_requests_are_recorded_never_sent():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    Thread(target=server.serve_forever, daemon=True).start()
    target = f"http://127.0.0.1:{server.server_address[1]}/list"
    html = f"""<script>
    var x = new XMLHttpRequest(); x.open('GET', '{target}?a=1'); x.send();
    fetch('{target}?b=1'); $.post('{target}', {{c: 1}}); $.get('{target}?d=1');
    </script>"""
    try:
        recorded = script_requests(run(html), URL)
    finally:
        server.shutdown()
        server.server_close()
    assert (len(recorded), _Counting.hits) == (4, 0)


def test_scripts_see_the_hash_route_of_the_address():
    html = "<script>window._CONFIG = {SID: '755001'}; $.getJSON('/gkmlpt/api/all/' + location.hash.slice(1) + '?page=1&sid=' + _CONFIG.SID);</script>"
    page = page_scripts(Selector(text=html), "http://127.0.0.1:8000/gkmlpt/annualreport#2629")
    (request,) = script_requests(run_page_scripts(page), URL)
    assert request.url == "http://127.0.0.1:8000/gkmlpt/api/all/2629?page=1&sid=755001"
