"""NIANBAO_PROXY, or a registry row's `proxy` column, sends every request of the crawl through
that HTTP proxy: the proxy relays them all and the site is crawled completely."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl, run_registry_crawl
from .helpers.proxy import serve_proxy
from .portals import script_lists
from .portals.server import Portal, serve_portal

COLUMN = "/xxgk/ndbg/index.jhtml"
REPORTS = {d.title for d in script_lists.DOCS if d.is_report}


def _crawl(tmp_path_factory, how: str):
    folder = tmp_path_factory.mktemp("proxy")
    portal = Portal(script_lists.plain_jhtml())
    with serve_portal(portal) as base, serve_proxy() as (proxy, relayed):
        if how == "environment":
            result = run_crawl(base + COLUMN, folder / "reports.db", NIANBAO_PROXY=proxy)
        else:
            registry = folder / "sites.csv"
            registry.write_text(f"url,proxy\n{base}{COLUMN},{proxy}\n", encoding="utf-8")
            result = run_registry_crawl(registry, folder / "reports.db")
    conn = open_db(folder / "reports.db")
    titles = {r["title"] for r in conn.execute("select title from reports")}
    conn.close()
    return {"result": result, "relayed": relayed, "portal": portal, "base": base, "titles": titles}


@pytest.fixture(scope="module", params=["environment", "registry-row"])
def crawled(request, tmp_path_factory):
    return _crawl(tmp_path_factory, request.param)


def test_crawl_exits_cleanly(crawled):
    assert crawled["result"].returncode == 0, crawled["result"].stderr[-2000:]


def test_every_report_is_crawled(crawled):
    assert crawled["titles"] == REPORTS


def test_every_request_went_through_the_proxy(crawled):
    asked = sorted(
        crawled["base"] + h.path + (f"?{h.query}" if h.query else "") for h in crawled["portal"].hits
    )
    assert sorted(url for _, url in crawled["relayed"]) == asked
    assert len(asked) > len(REPORTS)
