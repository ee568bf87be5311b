"""A registry that cannot be used ends in one line naming the file (and the row), exit status 2."""

from __future__ import annotations

import pytest

from crawler.registry import read_registry

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.paths import REPO

BAD = {
    "bad-url": ("name,url\nok,http://a.gov.cn/\nbroken,ftp://b.gov.cn/\n", "row 3: not an http(s) URL"),
    "no-url-column": ("name,home\na,http://a.gov.cn/\n", "no `url` column"),
    "unknown-column": ("name,url,colour\na,http://a.gov.cn/,red\n", "unknown column 'colour'"),
    "too-many-cells": ("name,url\na,http://a.gov.cn/,extra\n", "row 2: 3 cells"),
    "bad-budget": ("url,max_pages\nhttp://a.gov.cn/,many\n", "row 2: max_pages must be"),
    "bad-quote": ('name,url\n"a,http://a.gov.cn/\n', "not valid CSV"),
    "duplicate-host": (
        "url\nhttp://a.gov.cn/\nhttp://a.gov.cn/ndbg/\n",
        "row 3: a.gov.cn is already listed in row 2",
    ),
    "empty": ("# only a comment\n", "empty"),
    "all-disabled": ("url,enabled\nhttp://a.gov.cn/,0\n", "no enabled site"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_registry(tmp_path, case):
    text, words = BAD[case]
    registry = tmp_path / "sites.csv"
    registry.write_text(text, encoding="utf-8")
    result = nianbao("crawl", "--registry", str(registry), "--db", str(tmp_path / "r.db"))
    assert_one_line_error(result, words)
    assert str(registry) in result.stderr


def test_missing_registry(tmp_path):
    result = nianbao("crawl", "--registry", str(tmp_path / "none.csv"), "--db", str(tmp_path / "r.db"))
    assert_one_line_error(result, "none.csv: no such file")


def test_registry_that_is_not_utf8(tmp_path):
    registry = tmp_path / "sites.csv"
    registry.write_bytes("url,name\nhttp://a.gov.cn/,北京\n".encode("gbk"))
    assert_one_line_error(nianbao("crawl", "--registry", str(registry)), "not UTF-8")


def test_url_and_registry_together(tmp_path):
    registry = tmp_path / "sites.csv"
    registry.write_text("url\nhttp://a.gov.cn/\n", encoding="utf-8")
    assert_one_line_error(nianbao("crawl", "http://a.gov.cn/", "--registry", str(registry)), "not both")


def test_nothing_to_crawl():
    assert_one_line_error(nianbao("crawl"), "nothing to crawl")


def test_the_example_registry_reads():
    sites = read_registry(REPO / "crawler" / "registry.example.csv")
    assert [s.enabled for s in sites].count(True) >= 2 and any(not s.enabled for s in sites)


def test_registry_columns_are_read(tmp_path):
    registry = tmp_path / "sites.csv"
    registry.write_text(
        "\ufeffname,url,agency,region,max_pages,enabled\nA, http://a.gov.cn/ ,甲,乙,30,\n", encoding="utf-8"
    )
    site = read_registry(registry)[0]
    assert (site.name, site.url, site.agency, site.region, site.max_pages, site.enabled) == (
        "A",
        "http://a.gov.cn/",
        "甲",
        "乙",
        30,
        True,
    )
