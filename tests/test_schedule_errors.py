"""`nianbao schedule` user errors: one line, exit status 2, before anything is crawled or claimed."""

from __future__ import annotations

import sqlite3

from .helpers.cli import assert_one_line_error, nianbao
from .helpers.ports import free_port


def _registry(tmp_path, text="name,url\nsite,http://127.0.0.1:9/\n"):
    registry = tmp_path / "sites.csv"
    registry.write_text(text, encoding="utf-8")
    return registry


def test_a_bad_now_is_one_line(tmp_path):
    result = nianbao(
        "schedule",
        "--registry",
        str(_registry(tmp_path)),
        "--db",
        str(tmp_path / "r.db"),
        "--once",
        "--now",
        "next tuesday",
    )
    assert_one_line_error(result, "--now 'next tuesday': expected an ISO 8601 time")


def test_an_unreadable_registry_is_one_line(tmp_path):
    result = nianbao("schedule", "--registry", str(tmp_path / "missing.csv"), "--once")
    assert_one_line_error(result, "missing.csv: no such file")


def test_a_bad_cadence_names_the_row(tmp_path):
    registry = _registry(tmp_path, "name,url,cadence\nsite,http://127.0.0.1:9/,fortnightly\n")
    result = nianbao("schedule", "--registry", str(registry), "--db", str(tmp_path / "r.db"), "--once")
    assert_one_line_error(result, "row 2: cadence must be daily, weekly, monthly or a whole number of days")


def test_an_unreachable_scrapyd_is_one_line(tmp_path):
    url = f"http://127.0.0.1:{free_port()}/"
    result = nianbao(
        "schedule",
        "--registry",
        str(_registry(tmp_path)),
        "--db",
        str(tmp_path / "r.db"),
        "--once",
        "--scrapyd",
        url,
    )
    assert_one_line_error(result, f"Scrapyd at {url} cannot be reached")


def test_an_unreachable_scrapyd_claims_nothing(tmp_path):
    db = tmp_path / "r.db"
    nianbao(
        "schedule",
        "--registry",
        str(_registry(tmp_path)),
        "--db",
        str(db),
        "--once",
        "--scrapyd",
        f"http://127.0.0.1:{free_port()}/",
    )
    assert (
        not db.exists() or sqlite3.connect(db).execute("select count(*) from crawl_runs").fetchone()[0] == 0
    )


def test_a_scrapyd_url_that_is_no_url_is_one_line(tmp_path):
    result = nianbao(
        "schedule", "--registry", str(_registry(tmp_path)), "--once", "--scrapyd", "localhost:6800"
    )
    assert_one_line_error(result, "expected an http(s) URL")
