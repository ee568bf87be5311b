"""The host and the path of a link, read with string methods, are what urlsplit reads."""

from urllib.parse import urlsplit

import pytest

from extract.spam.hosts import host_of
from extract.spam.navlabels import path_of

ADDRESSES = [
    "http://www.fushun.gov.cn/xxgk/ndbg/t20180330_1.html",
    "https://User@WWW.Example.COM:8080/a/b?c=1#d",
    "//cdn.example.com/js/a.js",
    "/xxgk/zwxx/index.shtml",
    "../zwgk/bmxx/",
    "./P020180330.pdf",
    "index.html?page=2",
    "a#b?c",
    "a?b#c",
    "//host?x/y",
    "javascript:void(0)",
    "JAVASCRIPT:void(0)",
    "mailto:xxgk@fushun.gov.cn",
    "http://[::1]:8000/a/b",
    "HTTP://A.EXAMPLE/B.HTML",
    "\thttp://a.example/\nb",
    "x:y/z",
    "1http://x/y",
    "",
]


@pytest.mark.parametrize("href", ADDRESSES)
def test_the_path_is_urlsplit_s(href):
    assert path_of(href) == urlsplit(href).path


@pytest.mark.parametrize("href", ADDRESSES)
def test_the_host_is_urlsplit_s(href):
    assert host_of(href) == (urlsplit(href.strip()).hostname if "//" in href else None)
