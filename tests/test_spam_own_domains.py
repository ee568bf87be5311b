"""A copy of a page served from another host (a mirror, an archive, a test server on 127.0.0.1)
still links to and searches on the site its tags name (SiteDomain, Url, og:url): those links
are the site's own, not links out."""

from extract.html import parse_html
from extract.spam.dom import scan_dom

LOOPBACK = "http://127.0.0.1:8000/djgz/index.html"
SEARCH = (
    "<script>function gSearch(){var keyword=document.getElementById('inputkeyword').value;"
    "window.location='http://www.gdgzez.com.cn/s?sid=1&wd='+encodeURIComponent(keyword);}</script>"
)


def _kinds(head: str) -> set[str]:
    tree = parse_html(f"<html><head>{head}</head><body><p>党建引领。</p>{SEARCH}</body></html>")
    return {f.kind for f in scan_dom(tree, LOOPBACK).findings}


def test_a_search_on_the_site_the_page_names_is_no_redirect():
    assert "redirect_script" not in _kinds("<meta name='SiteDomain' content='www.gdgzez.com.cn'>")


def test_a_search_on_the_site_the_page_s_url_tag_names_is_no_redirect():
    assert "redirect_script" not in _kinds("<meta name='Url' content='http://www.gdgzez.com.cn/djgz/'>")


def test_a_redirect_to_a_site_the_page_does_not_name_is_one():
    assert "redirect_script" in _kinds("<meta name='SiteDomain' content='www.other.com.cn'>")
