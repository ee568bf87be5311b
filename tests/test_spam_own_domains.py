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


OWN_MENU = "".join(f"<li><a href='http://www.gdgzez.com.cn/c{i}/'>栏目{i}</a></li>" for i in range(6))
OWN_ASSETS = "".join(f"<script src='http://www.gdgzez.com.cn/js/{i}.js'></script>" for i in range(3))


def _kinds_on_a_copy(body: str) -> set[str]:
    tree = parse_html(f"<html><head>{OWN_ASSETS}</head><body><ul>{OWN_MENU}</ul>{body}</body></html>")
    return {f.kind for f in scan_dom(tree, LOOPBACK).findings}


def test_a_copy_on_loopback_searches_on_the_domain_its_links_and_assets_come_from():
    assert "redirect_script" not in _kinds_on_a_copy(f"<p>党建引领。</p>{SEARCH}")


def test_a_copy_on_loopback_still_tells_links_out_to_other_domains():
    farm = "".join(
        f"<a href='http://www.q{i}z.example/'>{name}</a>"
        for i, name in enumerate(["金凤凰棋牌", "万利汇国际", "银河彩票", "鸿福体育", "锦鲤电竞"])
    )
    assert "hidden_block" in _kinds_on_a_copy(f"<div style='position:absolute;left:-9999px'>{farm}</div>")


def test_a_page_at_its_own_host_reads_no_other_domain_as_its_own():
    # Only a copy served from an address no site lives at infers its home from its links.
    tree = parse_html(
        f"<html><head>{OWN_ASSETS}</head><body><ul>{OWN_MENU}</ul><p>党建引领。</p>{SEARCH}</body></html>"
    )
    kinds = {f.kind for f in scan_dom(tree, "http://www.other-school.com.cn/djgz/").findings}
    assert "redirect_script" in kinds


def test_a_search_on_the_named_site_written_percent_encoded_is_no_redirect():
    # The address holds no "//" as written: it is decoded before its host is read.
    encoded = "<script>function go(){window.location=unescape('http%3A%2F%2Fwww.gdgzez.com.cn%2Fs%3Fwd%3D1');}</script>"
    tree = parse_html(
        f"<html><head><meta name='SiteDomain' content='www.gdgzez.com.cn'></head><body><p>党建引领。</p>{encoded}</body></html>"
    )
    assert "redirect_script" not in {f.kind for f in scan_dom(tree, LOOPBACK).findings}
