"""`nianbao reextract`: reports redone from the WARC records of a crawl, without the network."""

import dataclasses
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

import crawler.reextract
import extract.version
from crawler.reextract import reextract, reports_to_redo
from crawler.store import Store

from . import test_attachment_context as linked
from .helpers.cli import assert_one_line_error, nianbao, nianbao_as_extractor
from .helpers.crawl import run_crawl, run_demo
from .helpers.ports import free_port
from .portals.server import Portal, serve_portal

HOST = "sample-portal.localhost"
# What a report holds, apart from when and by what it was stored.
CONTENT = {
    "reports": "report_key, url, title, agency, region, year, era, text, tampered, spam_verdict, quality, flags",
    "stats": "report_key, scope, key, value, unit, source, status, raw_label, raw_value, table_index, column_label",
    "sections": "report_key, position, heading, text",
    "raw_cells": "report_key, position, label, value, reason",
    "validation_findings": "report_key, position, rule, expected, actual, message",
    "report_versions": "report_key, sha256, url, fetched_at, title, text",
}


def contents(db: Path) -> dict[str, list]:
    conn = sqlite3.connect(db)
    try:
        return {
            table: conn.execute(f"select {columns} from {table} order by 1, 2, 3").fetchall()
            for table, columns in CONTENT.items()
        }
    finally:
        conn.close()


def versions_of_reports(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute("select report_key, extractor_version from reports"))
    finally:
        conn.close()


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """The sample portal crawled once by `nianbao demo`, whose server is gone once it returns."""
    db = tmp_path_factory.mktemp("crawled") / "reports.db"
    result = run_demo(db)
    assert result.returncode == 0, result.stderr
    return db


@pytest.fixture
def db(crawled, tmp_path) -> Path:
    """A copy of the crawled database and its WARC folder, for one test to change."""
    shutil.copytree(crawled.parent, tmp_path / "copy")
    return tmp_path / "copy" / crawled.name


def unreachable_network() -> dict[str, str]:
    """Any request this process tried would go to a port nothing listens on."""
    nowhere = f"http://127.0.0.1:{free_port()}"
    return {**os.environ, "http_proxy": nowhere, "https_proxy": nowhere, "no_proxy": ""}


def test_crawl_records_the_extractor_version_of_every_report(crawled):
    assert set(versions_of_reports(crawled).values()) == {extract.version.EXTRACTOR_VERSION}
    conn = sqlite3.connect(crawled)
    versions = conn.execute("select distinct extractor_version from report_versions").fetchall()
    assert versions == [(extract.version.EXTRACTOR_VERSION,)]


def test_reextract_without_the_network_gives_the_crawls_reports_and_statistics(db):
    before = contents(db)
    newer = extract.version.EXTRACTOR_VERSION + 1
    result = nianbao_as_extractor(newer, "reextract", "--db", str(db), env=unreachable_network())
    assert result.returncode == 0, result.stderr
    assert "redone: 5  new versions: 0  unchanged: 5  unreadable records: 0" in result.stdout
    assert contents(db) == before
    assert set(versions_of_reports(db).values()) == {newer}


def test_reports_of_the_current_extractor_are_not_redone(db):
    result = nianbao("reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "redone: 0" in result.stdout


def test_a_changed_result_is_a_new_version_and_the_old_one_stays(db, monkeypatch):
    newer = extract.version.EXTRACTOR_VERSION + 1
    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", newer)
    improved = crawler.reextract.process

    def process(*args, **kwargs):
        report = improved(*args, **kwargs)
        return dataclasses.replace(report, title=f"{report.title}（重读）")

    monkeypatch.setattr(crawler.reextract, "process", process)
    store = Store(db)
    outcome = reextract(store, db.parent, reports_to_redo(store, newer))
    titles = dict(store.db.execute("select report_key, title from reports"))
    versions = store.db.execute(
        "select report_key, extractor_version, title from report_versions order by 1, 2"
    ).fetchall()
    store.close()
    assert (outcome.redone, outcome.new_versions) == (5, 5)
    assert all(title.endswith("（重读）") for title in titles.values())
    assert len(versions) == 10
    assert {title.endswith("（重读）") for _, v, title in versions if v == newer} == {True}
    assert not any(title.endswith("（重读）") for _, v, title in versions if v != newer)


def test_only_reports_of_an_older_extractor_are_redone(db, monkeypatch):
    """Two reports are first redone by version N+1 alone; version N+1 then redoes exactly the other three."""
    newer = extract.version.EXTRACTOR_VERSION + 1
    monkeypatch.setattr(extract.version, "EXTRACTOR_VERSION", newer)
    store = Store(db)
    first = reports_to_redo(store, newer)[:2]
    reextract(store, db.parent, first)
    older = {key for key, version in versions_of_reports(db).items() if version < newer}
    redone: list[str] = []
    reextract(
        store, db.parent, reports_to_redo(store, newer), done=lambda page, _: redone.append(page.report_key)
    )
    store.close()
    assert len(older) == 3
    assert sorted(redone) == sorted(older)
    assert set(versions_of_reports(db).values()) == {newer}


def test_since_redoes_only_the_reports_older_than_it(db):
    newer = extract.version.EXTRACTOR_VERSION + 2
    result = nianbao_as_extractor(newer, "reextract", "--db", str(db), "--since", str(newer - 1))
    assert result.returncode == 0, result.stderr
    assert f"reports made before extractor version {newer - 1}: 5" in result.stdout
    again = nianbao_as_extractor(newer, "reextract", "--db", str(db), "--since", str(newer - 1))
    assert f"reports made before extractor version {newer - 1}: 0" in again.stdout


def test_site_takes_the_reports_of_that_host_only(db):
    newer = str(extract.version.EXTRACTOR_VERSION + 1)
    elsewhere = nianbao_as_extractor(int(newer), "reextract", "--db", str(db), "--site", "other.localhost")
    assert "reports of other.localhost made before extractor version" in elsewhere.stdout
    assert "redone: 0" in elsewhere.stdout
    here = nianbao_as_extractor(int(newer), "reextract", "--db", str(db), "--site", HOST)
    assert "redone: 5" in here.stdout


def test_an_unreadable_record_is_an_error_row_and_the_others_are_redone(db):
    conn = sqlite3.connect(db)
    url, key = conn.execute("select url, report_key from reports order by report_key").fetchone()
    conn.execute("update pages set warc_offset = warc_offset + 7 where url = ?", [url])
    conn.commit()
    warc_file, offset = conn.execute(
        "select warc_file, warc_offset from pages where url = ?", [url]
    ).fetchone()
    conn.close()
    newer = extract.version.EXTRACTOR_VERSION + 1
    result = nianbao_as_extractor(newer, "reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "redone: 4" in result.stdout and "unreadable records: 1" in result.stdout
    conn = sqlite3.connect(db)
    error = conn.execute("select report_key, error from reextract_errors where url = ?", [url]).fetchone()
    # Seven bytes into a gzip member, warcio fails to read it or finds a record that is not the
    # page's, depending on the compressed bytes: either way the row names the place.
    assert error[0] == key and f"{warc_file} at offset {offset}" in error[1]
    assert versions_of_reports(db)[key] == newer - 1  # kept what it had


def test_no_archive_at_all_fails_in_one_line(db):
    shutil.rmtree(db.parent / "reports-warc")
    result = nianbao_as_extractor(extract.version.EXTRACTOR_VERSION + 1, "reextract", "--db", str(db))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("nianbao: error: no report could be redone")
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from reextract_errors").fetchone()[0] == 5


def test_since_above_this_extractor_is_a_user_error(db):
    result = nianbao("reextract", "--db", str(db), "--since", str(extract.version.EXTRACTOR_VERSION + 1))
    assert_one_line_error(result, "--since")


def test_bench_reextract_reports_its_ratio_to_the_extraction_alone():
    result = nianbao("bench", "reextract", "--reports", "8", "--rounds", "1")
    assert result.returncode == 0, result.stderr
    ratio = next(
        line for line in result.stdout.splitlines() if line.startswith("ratio reextract / extraction:")
    )
    assert float(ratio.split(":")[1]) > 0


@pytest.fixture
def attachment_report(tmp_path) -> Path:
    """A report whose text is a DOCX named only by the page that links to it, crawled."""
    portal = Portal(
        {
            "/robots.txt": b"User-agent: *\nAllow: /\n",
            "/index.html": linked.HOME.encode(),
            "/zwgk/ndbg/index.html": linked.COLUMN.encode(),
            linked.PAGE_PATH: linked.PAGE.encode(),
            linked.DOCX_PATH: linked.report_docx(),
        }
    )
    db = tmp_path / "reports.db"
    with serve_portal(portal) as base:
        assert run_crawl(base + "/index.html", db).returncode == 0
    return db


def test_an_attachment_is_read_again_with_the_title_of_its_page(attachment_report):
    db = attachment_report
    before = contents(db)
    result = nianbao_as_extractor(extract.version.EXTRACTOR_VERSION + 1, "reextract", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "redone: 1  new versions: 0" in result.stdout
    assert contents(db) == before
    _, url, title, agency, *_ = before["reports"][0]
    assert url.endswith(linked.DOCX_PATH)  # the DOCX gave the current version: it was read again
    assert (title, agency) == (linked.TITLE, "清河县人民政府")
