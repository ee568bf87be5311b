"""Every fetched answer is kept in WARC files beside the database (crawler/pipelines/warc_page.py)."""

import hashlib
import sqlite3
import subprocess
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from crawler.items import PageItem
from crawler.pipelines.warc_page import WarcFiles, warc_records

from .helpers.crawl import run_demo


def crawl_demo(db: Path, **environ: str) -> subprocess.CompletedProcess:
    result = run_demo(db, **environ)
    assert result.returncode == 0, result.stderr
    return result


def records(folder: Path) -> list:
    """(type, target URI) of every record in every WARC file of the folder."""
    found = []
    for path in sorted(folder.glob("*.warc.gz")):
        with open(path, "rb") as file:
            found += [
                (r.rec_type, r.rec_headers.get_header("WARC-Target-URI")) for r in ArchiveIterator(file)
            ]
    return found


def record_at(path: Path, offset: int):
    with open(path, "rb") as file:
        file.seek(offset)
        record = next(iter(ArchiveIterator(file)))
        return record, record.content_stream().read()


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    db = tmp_path_factory.mktemp("warc") / "reports.db"
    crawl_demo(db)
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "select url, sha256, warc_file, warc_offset, warc_length from pages where status is not null"
    ).fetchall()
    conn.close()
    return db, rows


def test_one_response_record_per_fetched_page(archived):
    db, rows = archived
    found = records(db.parent / "reports-warc")
    responses = [uri for kind, uri in found if kind == "response"]
    assert len(rows) > 10
    assert len(responses) == len(rows)
    assert sorted(responses) == sorted(url for url, *_ in rows)


def test_every_response_has_its_request_record(archived):
    db, _ = archived
    found = records(db.parent / "reports-warc")
    assert sorted(uri for kind, uri in found if kind == "request") == sorted(
        uri for kind, uri in found if kind == "response"
    )


def test_each_page_row_opens_its_own_record(archived):
    db, rows = archived
    for url, sha256, warc_file, offset, length in rows:
        assert warc_file.startswith("reports-warc/nianbao-")
        record, payload = record_at(db.parent / warc_file, offset)
        assert (record.rec_type, record.rec_headers.get_header("WARC-Target-URI")) == ("response", url)
        assert hashlib.sha256(payload).hexdigest() == sha256
        assert length > 0


def test_report_pages_keep_their_headers(archived):
    db, rows = archived
    url, _, warc_file, offset, _ = next(row for row in rows if row[0].endswith("t20180330_1234567.html"))
    record, payload = record_at(db.parent / warc_file, offset)
    assert record.http_headers.get_statuscode() == "200"
    assert record.http_headers.get_header("Content-Type")
    assert int(record.http_headers.get_header("Content-Length")) == len(payload)


def test_switched_off_no_warc_is_written(tmp_path):
    db = tmp_path / "reports.db"
    crawl_demo(db, NIANBAO_WARC="0")
    assert not (tmp_path / "reports-warc").exists()
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*) from pages where status is not null").fetchone()[0] > 10
    assert conn.execute("select count(*) from pages where warc_file is not null").fetchone()[0] == 0


def answer(url: str) -> PageItem:
    return PageItem(url=url, status=200, body=b"<html>" + url.encode() * 50 + b"</html>")


def test_files_rotate_past_the_size_limit(tmp_path):
    files = WarcFiles(tmp_path / "r-warc", "run1", max_bytes=1)
    places = [files.write(warc_records(answer(f"http://a.localhost/{i}"))) for i in range(3)]
    files.close()
    assert [name for name, _, _ in places] == [f"r-warc/nianbao-run1-{n}.warc.gz" for n in (1, 2, 3)]
    for n, (name, offset, _) in enumerate(places):
        record, _ = record_at(tmp_path / name, offset)
        assert record.rec_headers.get_header("WARC-Target-URI") == f"http://a.localhost/{n}"


def test_a_resumed_run_never_overwrites_its_files(tmp_path):
    first = WarcFiles(tmp_path / "r-warc", "run1", max_bytes=10**9)
    first.write(warc_records(answer("http://a.localhost/1")))
    first.close()
    again = WarcFiles(tmp_path / "r-warc", "run1", max_bytes=10**9)
    name, offset, _ = again.write(warc_records(answer("http://a.localhost/2")))
    again.close()
    assert name == "r-warc/nianbao-run1-2.warc.gz"
    assert [uri for _, uri in records(tmp_path / "r-warc") if uri] == [
        "http://a.localhost/1",
        "http://a.localhost/2",
    ]
