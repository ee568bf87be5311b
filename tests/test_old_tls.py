"""A server that speaks only TLS 1.0 with an old cipher (tests/helpers/tls.py): the default
crawl records the failed handshake and stores nothing; NIANBAO_TLS=old, or the registry row's
`tls` column, crawls it completely."""

from __future__ import annotations

import pytest

from .helpers.crawl import open_db, run_crawl, run_registry_crawl
from .helpers.tls import old_tls_context, self_signed
from .portals import script_lists
from .portals.server import Portal, serve_portal

COLUMN = "/xxgk/ndbg/index.jhtml"
REPORTS = {d.title for d in script_lists.DOCS if d.is_report}


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tls")
    context = old_tls_context(*self_signed(folder))
    portal = Portal(script_lists.plain_jhtml())
    with serve_portal(portal, tls=context) as base:
        default = run_crawl(base + COLUMN, folder / "default.db")
        old = run_crawl(base + COLUMN, folder / "old.db", NIANBAO_TLS="old")
        registry = folder / "sites.csv"
        registry.write_text(f"name,url,tls\nold server,{base}{COLUMN},old\n", encoding="utf-8")
        row = run_registry_crawl(registry, folder / "row.db")
    yield {"base": base, "folder": folder, "default": default, "old": old, "row": row}


def _titles(db) -> set[str]:
    conn = open_db(db)
    try:
        return {r["title"] for r in conn.execute("select title from reports")}
    finally:
        conn.close()


def test_default_settings_fail_with_one_clear_line(crawls):
    assert crawls["default"].returncode == 1
    assert "nianbao: error: crawl failed, nothing crawled" in crawls["default"].stderr
    assert "Traceback" not in crawls["default"].stderr


def test_default_settings_record_the_tls_failure_in_the_pages_row(crawls):
    conn = open_db(crawls["folder"] / "default.db")
    row = conn.execute(
        "select status, error, blocked_reason from pages where url = ?", [crawls["base"] + COLUMN]
    )
    status, error, blocked = row.fetchone()
    conn.close()
    assert (status, "SSL" in error, blocked.startswith("tls:")) == (None, True, True)


def test_old_tls_setting_crawls_every_report(crawls):
    assert crawls["old"].returncode == 0, crawls["old"].stderr[-2000:]
    assert _titles(crawls["folder"] / "old.db") == REPORTS


def test_registry_row_tls_column_crawls_every_report(crawls):
    assert crawls["row"].returncode == 0, crawls["row"].stderr[-2000:]
    assert _titles(crawls["folder"] / "row.db") == REPORTS
