"""registry_sites (written by `crawl --registry`): each listed body's level, from the registry row's
`level` when it gives one, else from the body's name. Written to a real store."""

from __future__ import annotations

import pytest

from crawler.registry import Site, read_registry
from crawler.store import Store
from crawler.store.registry_sites import save_registry_sites

from .helpers.paths import REPO

SITES = [
    # The name alone reads as a department's (it is not signed 人民政府); the row says province.
    Site(url="http://www.tj.gov.cn/", agency="天津市", region="天津市", level="province"),
    Site(url="http://www.baotou.gov.cn/", agency="包头市人民政府", region="包头市", level="prefecture"),
    # No level in the row: the name tells.
    Site(url="http://www.zhucheng.gov.cn/", agency="诸城市人民政府", region="诸城市"),
    Site(url="http://edu.zhucheng.gov.cn/", agency="诸城市教育局", region="诸城市"),
    # A level the registry does not know is no level: the name tells.
    Site(url="http://www.weifang.gov.cn/", agency="潍坊市人民政府", region="潍坊市", level="city"),
]


@pytest.fixture(scope="module")
def levels(tmp_path_factory):
    store = Store(tmp_path_factory.mktemp("registry_sites") / "reports.db")
    save_registry_sites(store.db, SITES)
    found = dict(store.db.execute("select host, level from registry_sites").fetchall())
    store.close()
    return found


def test_the_registry_level_beats_the_name(levels):
    assert levels["www.tj.gov.cn"] == "province"


def test_a_prefecture_is_stored_as_a_city(levels):
    assert levels["www.baotou.gov.cn"] == "city"


def test_without_a_level_a_government_is_read_from_its_name(levels):
    assert levels["www.zhucheng.gov.cn"] == "county"


def test_without_a_level_a_department_is_read_from_its_name(levels):
    assert levels["edu.zhucheng.gov.cn"] == "department"


def test_an_unknown_level_falls_back_to_the_name(levels):
    assert levels["www.weifang.gov.cn"] == "city"


def test_the_starter_registry_lists_governments_only(tmp_path):
    sites = read_registry(REPO / "crawler" / "registries" / "governments.csv")
    store = Store(tmp_path / "reports.db")
    save_registry_sites(store.db, sites)
    counts = dict(store.db.execute("select level, count(*) from registry_sites group by level").fetchall())
    store.close()
    assert counts == {"province": 31, "city": 333}
