"""User errors end in one clear line on stderr and exit status 2, never a traceback."""

import sqlite3

import pytest

from crawler.store import Store

from .helpers.cli import assert_one_line_error, nianbao


def test_bad_url(tmp_path):
    assert_one_line_error(nianbao("crawl", "not a url", "--db", str(tmp_path / "r.db")), "not an http(s) URL")


def test_unwritable_db_path(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = nianbao("crawl", "http://127.0.0.1:9/", "--db", str(blocker / "r.db"))
    assert_one_line_error(result, "cannot use database")


def test_locked_database(tmp_path):
    db = tmp_path / "r.db"
    Store(db).close()
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert_one_line_error(nianbao("crawl", "http://127.0.0.1:9/", "--db", str(db)), "database is locked")
    finally:
        holder.rollback()
        holder.close()


def test_unreadable_page(tmp_path):
    assert_one_line_error(
        nianbao("extract", str(tmp_path / "missing.html"), "--url", "http://x.gov.cn/"), "cannot read"
    )


def test_serve_without_database(tmp_path):
    assert_one_line_error(nianbao("serve", "--db", str(tmp_path / "none.db")), "no database")


@pytest.mark.parametrize("command", ["demo", "crawl", "extract", "serve"])
def test_each_command_has_help(command):
    assert nianbao(command, "--help").returncode == 0


def test_serve_with_a_missing_metadata_file(tmp_path):
    db = tmp_path / "r.db"
    Store(db).close()
    result = nianbao("serve", "--db", str(db), "--metadata", str(tmp_path / "none.yml"))
    assert_one_line_error(result, "no metadata file at")
